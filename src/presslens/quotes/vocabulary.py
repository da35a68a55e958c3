"""Vocabulary of quotation: cue verbs, quote marks, titles, name patterns, organisation words and the role gazetteer.

Part of :mod:`presslens.quotes`; see its docstring for the pipeline and references.
"""

from __future__ import annotations

import re
from functools import lru_cache
from importlib import resources

import yaml

# --------------------------------------------------------------------------- vocabulary

CUE_VERBS = ("said", "says", "saying", "added", "adds", "adding", "told", "tells", "telling", "tweeted", "tweets", "posted", "wrote",
             "writes", "insisted", "insists", "warned", "warns", "argued", "argues", "explained", "explains", "noted", "notes", "joked",
             "jokes", "claimed", "claims", "stated", "states", "continued", "continues", "admitted", "admits", "urged", "urges", "asked",
             "asks", "stressed", "stresses", "acknowledged", "replied", "replies", "recalled", "recalls", "conceded", "concedes", "declared",
             "announced", "responded", "responds", "suggested", "suggests", "countered", "complained", "predicted", "remarked",
             "observed", "vowed", "pledged", "promised", "boasted", "cautioned", "emphasised", "emphasized", "maintained", "commented",
             "quipped", "mused", "lamented", "concluded", "agreed", "demanded", "shouted", "yelled", "whispered", "recounted", "confirmed",
             "revealed", "described", "declares", "declared", "questioned", "cracked", "reads", "read", "stated", "went on", "pointed out", "points out", "pointing out", "wrote on", "said in a statement", "told reporters")
# Attribution verbs of news copy beyond "said" (issue 17): "as X put it", "X reported", "X shot back", "..., writing"
CUE_VERBS += ("reported", "put it", "puts it", "retorted", "shot back", "fired back", "hit back", "concludes", "asserted",
              "asserts", "writing", "noting", "declaring", "arguing", "explaining", "insisting", "asserting", "recalling",
              "echoed", "had written", "has written", "answered", "answers", "wondered", "wonders", "assured", "barked", "exhorted",
              "blogged", "snapped", "scoffed", "interjected", "pleaded", "gushed", "riffed", "agrees")
# Speech announced ahead of delivery (excerpts released in advance): '"...," the president will say'
CUE_VERBS += ("will say", "would say", "will tell", "will argue", "is expected to say", "plans to say")
VERB = r"(?:" + "|".join(sorted((re.escape(v) for v in CUE_VERBS), key=len, reverse=True)) + r")"
OPEN_MARKS = '"\u201c'
CLOSE_MARKS = '"\u201d'
SINGLE_OPEN = "'\u2018"
SINGLE_CLOSE = "'\u2019"
PRONOUNS = {"he", "she", "they", "we", "i"}
# Kept for presslens.privacy: the UK ranks and titles of the teaching world.
TITLES = (r"Detective Chief Superintendent|Detective Chief Inspector|Detective Superintendent|Detective Inspector|Detective Sergeant|"
          r"Detective Constable|Det Chief Supt|Det Chief Insp|Det Supt|Det Insp|Det Sgt|Det Con|Chief Superintendent|Ch Supt|"
          r"Assistant Chief Constable|Deputy Chief Constable|Chief Constable|ACC|DCC|Superintendent|Supt|Chief Inspector|Inspector|Insp|"
          r"Sergeant|Sgt|Constable|PC|DC|DS|DI|DCI|Commander|Commissioner|Dr|Professor|Prof|Judge|Recorder|District Judge|Mr Justice|"
          r"Mrs Justice|Lord Justice|Lady Justice|Mr|Mrs|Ms|Miss|Sir|Dame|Lord|Lady|Baroness|Councillor|Cllr|"
          r"(?:[A-Z][a-z]+ )?(?:Minister|Secretary)")
NAME = r"[A-Z][a-zA-Z'\u2019-]+(?: (?:[A-Z][a-zA-Z'\u2019-]+|(?:de|van|von|der|da|di|le|la|bin|al)\b))*"
# A person's initials written together ("H.W.", "J.R.", "O.J."), not a place's or an office's ("U.S.", "D.C.", "U.N."): a name word.
INITIALS = (r"(?!(?:U\.S|U\.K|U\.N|E\.U|D\.C|L\.A|N\.Y|N\.J|N\.C|S\.C|N\.H|N\.M|N\.D|S\.D|R\.I|W\.V|A\.M|P\.M|P\.S|B\.C|A\.D)\.)"
            r"(?:[A-Z]\.){2,3}(?![\w.'\u2019-])")
INITIALS_WORD = re.compile(INITIALS)
# The lower-case particles inside a full name, before its surname: "Tom de Vries", "Ursula von der Leyen", "Oscar de la Renta".
NAME_PARTICLE = r"(?:de|van|von|da|di|du|del|della|dos|das|bin|ibn|ap|ter|ten|al|el)(?: (?:der|den|la|le|los|las|de))?(?= [A-Z])"
NOT_NAMES = frozenset("The A An This That These Those It He She They We I You His Her Their Its Our Police Officers Members Campaigners Critics Ministers".split())

# Title words (with or without a full stop) that stand before a name; the name is what follows the last one.
TITLE_WORDS = frozenset("""Mr Mrs Ms Miss Mx Dr Sir Dame Lord Lady Baroness Baron Cllr Councillor Judge Recorder Justice Prof Professor Rev Revd
Reverend Fr Father Rabbi Imam Bishop Archbishop Sen Senator Rep Representative Congressman Congresswoman Gov Governor Lt Lieut
Lieutenant Gen General Col Colonel Capt Captain Maj Cmdr Commander Adm Admiral Sgt Sergeant Det Detective Insp Inspector Supt
Superintendent Con Constable PC DC DS DI DCI DSU DCS ACC DCC Ch Chief Commissioner Deputy Assistant Officer Agent Sheriff Trooper
President Vice Mayor Secretary Minister Chancellor Speaker Attorney Ambassador Premier Taoiseach Leader Chairman Chairwoman Chair
Pope Principal Headteacher MP MSP MEP MLA Magistrate Coroner Prosecutor""".split())
HONORIFICS_MALE = frozenset("Mr Sir Lord Baron Father Fr King Prince Duke Congressman Chairman".split())
HONORIFICS_FEMALE = frozenset("Mrs Ms Miss Dame Lady Baroness Queen Princess Duchess Congresswoman Chairwoman".split())
ABBREVIATIONS = frozenset("mr mrs ms dr sen rep gov lt gen col capt maj cmdr adm sgt det insp supt prof rev revd fr st jr sr inc co corp ltd "
                          "no vs etc u.s u.k a.m p.m jan feb mar apr aug sept sep oct nov dec mt ft".split())
PARTICLES = frozenset("de van von der den da di le la bin ibn ap ter ten al del du dos el".split())
# Words that open a sentence or a clause and are never a speaker's name.
OPENERS = frozenset("""The A An This That These Those It He She They We I You His Her Their Its Our My Your However But Still And Yet So
Then Now Also Meanwhile Instead Indeed Later Earlier Today Yesterday Tonight Last Next When While After Before Since If Although Though
As In On At For From With Without By Of To Under Over Asked Speaking Writing Asked Here There What Why How Who Where Some Many Most
Both Each Every Other Others Another One Two Three Nobody Everyone Anyone Someone Police Officers Members Campaigners Critics Ministers
Residents Neighbours Supporters Opponents Officials Sources Aides Friends Experts Analysts Democrats Republicans Monday Tuesday Wednesday
Thursday Friday Saturday Sunday January February March April May June July August September October November December Well Yes No
Oh Please Thank Thanks Sorry OK Okay Or Nor Maybe Perhaps Despite Amid Amidst Following During Until Unlike Like Besides Beyond
Against Throughout Within Among Amongst Between Behind Through Because Unless Whether Once Upon Across Along Around Toward Towards
Regarding Including Early Afterwards Afterward Beforehand Overall Elsewhere Nevertheless Nonetheless Otherwise Currently
Previously Recently Initially Finally Ultimately Subsequently Consequently Additionally Furthermore Moreover Anyway""".split())  # (prepositions and subordinators open a sentence, never a name: "Despite Elmford's record, Lee said")
ORG_WORDS = frozenset("""Police Constabulary Force Council Ministry Department Office University College School Academy Trust Foundation
Charity Society Association Alliance Union Federation Institute Centre Center Agency Service Services Commission Committee Authority
Board Court Party Campaign Group Network Company Corporation Corp Ltd Limited plc PLC Inc LLC Bank Partners Holdings Times Post News
Guardian Telegraph Herald Mail Express Mirror Sun Journal Tribune Gazette Chronicle Press BBC ITV CNN Fox NBC ABC CBS Reuters
Congress Senate Parliament Government Administration Assembly Cabinet Commons NHS Watch Patrol Collective Sentinels Seekers Shield
Army Navy Prison Hospital Church Club League Unit Team Bureau FBI CPS IPCC IOPC Ofcom Ofsted Google Meta Facebook Twitter YouTube
Apple Microsoft Amazon TikTok Instagram Snapchat WhatsApp""".split())
# "the force", "the council": an organisation named earlier in the article.
ORG_NOUNS = {"force": ("Police", "Constabulary", "Force"), "police": ("Police", "Constabulary"), "council": ("Council",),
             "department": ("Department",), "ministry": ("Ministry",), "company": ("Ltd", "plc", "Inc", "Company", "Corporation", "Group"),
             "firm": ("Ltd", "plc", "Inc", "Company", "Group"), "charity": ("Trust", "Foundation", "Charity"), "university": ("University",),
             "campaign": ("Campaign",), "group": ("Group", "Watch", "Patrol", "Collective"), "trust": ("Trust",), "party": ("Party",),
             "service": ("Service",), "agency": ("Agency",), "platform": (), "government": ("Government", "Office"), "hospital": ("Hospital",),
             "school": ("School", "Academy"), "club": ("Club",), "court": ("Court",), "office": ("Office",), "organisation": (), "organization": ()}
SPOKES = r"(?:spokes(?:person|man|woman)|representative|press officer|press secretary|source|statement|aide|official|officials|insider|lawyer|solicitor|attorney)"


@lru_cache(maxsize=1)
def _gender_detector():
    import gender_guesser.detector

    return gender_guesser.detector.Detector(case_sensitive=False)


@lru_cache(maxsize=20000)
def first_name_gender(word: str) -> str | None:
    """``m`` or ``f`` for a first name whose bearers are (mostly) of one gender, ``""`` for
    one used by both, None for a word that is not a known first name (from the
    gender-guesser name list of Michael 2007).

    Example
    -------
    >>> first_name_gender("Hillary"), first_name_gender("Keir"), first_name_gender("South")
    ('f', 'm', None)
    >>> first_name_gender("Ann-Marie"), first_name_gender("Al-Qaeda")  # a double first name: its parts agree
    ('f', None)
    """
    if not word[:1].isupper() or len(word) < 2:
        return None
    answer = _gender_detector().get_gender(word)
    if answer == "unknown" and "-" in word:  # "Ann-Marie", "Mary-Jane" (not in the list): each part a first name
        parts = {first_name_gender(part) for part in word.split("-")}
        return None if None in parts else parts.pop() if len(parts) == 1 else ""
    return {"male": "m", "mostly_male": "m", "female": "f", "mostly_female": "f", "andy": ""}.get(answer)


def first_name_firm(word: str) -> bool:
    """Whether the first-name list gives the name to one gender only ("male"/"female"),
    not "mostly" to one (Lindsey, Bernie, Kelly).

    Example
    -------
    >>> first_name_firm("Grace"), first_name_firm("Lindsey")
    (True, False)
    """
    return word[:1].isupper() and len(word) >= 2 and _gender_detector().get_gender(word) in ("male", "female")


@lru_cache(maxsize=1)
def gazetteer() -> dict:
    """The actors gazetteer (``data/actors.yaml``): role patterns and known organisations.

    Example
    -------
    >>> sorted(gazetteer()["roles"])[:3]
    ['academic', 'business', 'charity']
    """
    return yaml.safe_load(resources.files("presslens").joinpath("data", "actors.yaml").read_text(encoding="utf-8"))


# Patterns used inside functions, compiled once.
RX0 = re.compile(r"\n\s*\n")
RX1 = re.compile(r"'\d")
RX2 = re.compile(r"[\u2019'] [a-z]")
RX3 = re.compile(r"\s*\([^)]{0,40}\)")
RX4 = re.compile(r"^(?i:and|but|then|so)\s+")
RX5 = re.compile(r"^(?:[Aa]sked|[Ss]peaking|[Ww]riting|[Bb]efore|[Aa]fter|[Dd]uring|[Ii]n|[Oo]n|[Aa]t|[Ww]hen|[Ll]ater|[Ee]arlier|[Tt]hen|[Hh]owever|[Bb]ut|[Ss]till|[Yy]et|[Mm]eanwhile|[Ff]or his part|[Ff]or her part)\b[^,]*,\s*(?P<rest>.+)$")
RX6 = re.compile(r",\s*(he|she|they|we|He|She|They|We)$")
RX7 = re.compile(r",| who | which | said| told")
# "Professor Leon Grady of Whitcombe College", "Ann Lowe of digital consulting firm Redline" (a described organisation)
RX8 = re.compile(r"^(?P<head>.*?[A-Z][\w'.-]+) (?P<tail>(?:of|at|from) (?:the )?(?:(?:[a-z][\w-]* ){0,3}(?:firm|company|group|agency|charity|"
                 r"consultancy|outlet|website|site|newspaper|magazine|network|union|organi[sz]ation|think tank|institute|party|campaign|bank|fund)s? )?[A-Z].*)$")
RX9 = re.compile(r"\b(?:the|a)\s*$", re.IGNORECASE)
RX10 = re.compile(r"(?:the|a|an)", re.IGNORECASE)
RX11 = re.compile(r"(?:[Ii]ts|[Tt]he \w+'s)\s")
RX12 = re.compile(r"(?:[Ii]ts|[Tt]he (?:group|charity|company|firm|organisation|organization|centre|center|force|council|campaign)'s)\s")
RX13 = re.compile(r"(?:^|\s)(Mitigating|Defending|Prosecuting),\s*$")
RX14 = re.compile(r"(?P<noun>" + "|".join(ORG_NOUNS) + r")\b", re.IGNORECASE)
RX15 = re.compile(r"[a-z]-[a-z.]+")
RX16 = re.compile(r"[.!?][\"\u201d\u2019']?\s+(?=[A-Z\"\u201c\u2018])")
RX17 = re.compile(r"\b(?:who|which|whose|that)\b|,")
RX18 = re.compile(r"\b(?:was|were|is|are|had|has|have|did|do|does|will|would|could|should|can|may|might|been|being)\b")
RX19 = re.compile(r"(?<!\b[A-Z][a-z])(?<!\b[A-Z])[.!?]\s*$")
RX20 = re.compile(r"^(?:However|Still|Yet|But|And|Meanwhile|Instead|Indeed|Separately|Similarly|Moreover|Also|Then|Later|Earlier),\s*")
RX21 = re.compile(r"^(?:When|After|Before|Asked|Speaking|Writing|Responding|Appearing|Sentencing|Opening|Closing|In|On|At|For)\b[^,]*,\s*")
RX22 = re.compile(r"^[^,]{1,60},\s*(?=(?:he|she|they|we|I)$)")
RX23 = re.compile(r"^(?:But|And|Yet|So|Still|However|Now|Then|Instead|Meanwhile|Later|Earlier|Also)\s+(?=[A-Z]|he\b|she\b|they\b)")
RX24 = re.compile(r"[.!?]\s*$")
RX25 = re.compile(r"(?<=[a-z\d)][.!?])\s+(?=[A-Z])")
RX26 = re.compile(r"^(?P<who>He|She)\s+(?:[a-z]+ly\s+)?[a-z]+(?:s|ed)\b")
RUNS_ON = re.compile(r"\s+[a-z]")
SCARE_CUE = re.compile(r"\b(?:so-called|self-styled|self-proclaimed|dubbed|branded|labelled|labeled|nicknamed)\s*$", re.IGNORECASE)
TITLE_CUE = re.compile(r"\b(?:titled|entitled|called|named|dubbed|nicknamed|headlined|branded|codenamed|code-named|known as|billed as|slogan|hashtag|"
                        r"motto|operation|Operation|film|book|documentary|programme|program|show|series|song|album|report|play|novel|podcast|article|"
                        r"column|policy|scheme|campaign|initiative|project|app)\s*,?\s*$")
RX28 = re.compile(r"[.!?,]$")
RX29 = re.compile(r"[.!?,\u2026-]$")
RX30 = re.compile(r"(?<![\w'])''(?=[\w'(\[$\u00a3])")
# a closing doubled apostrophe, also after a space that follows a comma or a nested quote's close ("the term 'X,' '' she said")
RX31 = re.compile(r"(?:(?<=[\w.,!?;:\u2026)\]-])|(?<=[,.!?'] )|(?<=[,.!?']  ))''(?!\w)")
RX32 = re.compile(r"[.!?]$")
RX33 = re.compile(r"(?<=[\w.,!?;:\u2026)\]-])'''(?!\w)")
RX34 = re.compile(r"(?<![\w'])'''(?=[\w(\[$\u00a3])")

PERIOD = re.compile(r"[.!?](?=\s|$)")

# Naming words in someone's mouth: 'Clinton called the deal "an historic step"', '..., calling him "a total stiff"'.
CALLED = re.compile(rf"(?:^|(?<!\b[A-Z])[.!?;]\s+|,\s+(?:and\s+|but\s+)?)(?P<who>(?:[A-Z][\w.-]*\s+)?(?:[a-z][\w-]*\s+){{0,3}}(?:(?:{TITLES}|[A-Z][a-z]+\.)\s+)?{NAME}|[Hh]e|[Ss]he)(?:,[^,\"\u201c]{{2,100}},)?,?\s+"
                     r"(?:also\s+|then\s+|later\s+|has\s+|had\s+|once\s+|repeatedly\s+|previously\s+)?(?P<verb>called|calls|described|describes|dubbed|labell?ed|branded)"
                     r"(?:\s+[\w'\u2019.-]+){0,6}?\s*$")
CALLING = re.compile(r",\s+(?:and\s+)?(?P<verb>calling|describing|labell?ing|branding|dubbing)(?:\s+[\w'\u2019.-]+){0,6}?\s*$")


# The subject of a sentence, a description before the name allowed: "Republican hopeful Dana Whitcombe attacked ..."
SUBJECT_DESCRIBED = re.compile(rf"^(?:(?:But|And|Yet|Still|However|Instead|Then|Later|Meanwhile),?\s+)?(?P<who>(?:[A-Z][\w.'\u2019-]*\s+)?(?:[a-z][\w-]*\s+){{0,3}}"
                                rf"(?:(?:{TITLES}|[A-Z][a-z]+\.)\s+)*{NAME}(?:,[^.!?]{{2,120}}?,)?)\s+(?:[a-z]+ly\s+)?(?:also\s+|then\s+)?(?!{VERB}\b)[a-z]+(?:ed|s)\b")


ON_OUTLET = re.compile(r"\b(?:on|in)\s+(?:[A-Z][\w'\u2019.&-]*\s+){0,3}$")
