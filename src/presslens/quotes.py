"""Direct quotations, their speakers, and the speakers' roles: who gets to speak.

The extractor is a pipeline a reader can audit, in three steps.

1. **Candidate spans.**  Every run of words between quote marks: double and single,
   curly and straight, in the headline and the body.  A single-quoted phrase inside a
   double-quoted one stays part of it (nested quotes).  A paragraph that opens a quote
   and does not close it continues into the next paragraph that opens with a quote mark
   (multi-paragraph quotes; each paragraph is one ``part``).
2. **Attribution by ordered rules** (a sieve, after Lee et al. 2013 and the quote
   attribution sieve of Muzny et al. 2017): the first rule that finds a speaker wins,
   and the row records it in ``rule``.

   ``same sentence``      a cue verb beside the quote: ``"...," said X``, ``"...," X
                          said``, ``X told the Courier: "..."``, ``According to X,
                          "..."``, ``X said the plan was "a mess"``, ``"..." - X``, a
                          colon after a name (``Smith:``)
   ``adjacent sentence``  the sentence before names the subject (``Judge Crane turned
                          to the defendant. "You knew..."``), or the sentence after is
                          a bare attribution (``"...". Smith said.``)
   ``previous paragraph`` British style: a paragraph ending ``X said:`` (or ``X said
                          the plan had failed.``) followed by a paragraph that opens with
                          a quote mark
   ``conversation turn``  a paragraph that is only a quotation, after a paragraph that
                          quoted someone: the same speaker goes on
   ``continuation``       the second and later parts of one quotation (split around
                          its attribution, or running over paragraphs)
3. **Speakers as entities.**  The attribution phrase is split into the ``mention`` as
   written, a ``title`` (``Mr.``, ``Sen.``, ``Det Supt``), a ``description`` (``Labour
   leader``, ``campaign spokesman``, ``founder of Shadow Watch``, ``his sister``) and a
   ``canonical`` name: the full name where the article gives one, found through
   surnames (``Smith``, ``Mr Smith``) and pronouns (``he``, ``she``, matched to the
   person by title where the title tells).  Organisations speaking (``the force said``,
   ``a spokesperson for X said``, ``Meta said in a statement``) stay organisations
   (``speaker_type`` = ``organisation``).

Quoted material that is not speech gets a ``kind``: ``title`` (works, operations,
slogans), ``scare`` (a phrase held at arm's length: so-called "hunters") or ``term`` (one
or two words), and no speaker.  :func:`extract_quotes` returns speech only unless asked.

``attribute`` assigns each speaker a role (police, legal, government, politician,
academic, tech, business, charity, vigilante, media, family, public, other) and an
organisation from the description beside the name and from organisation types in names
(Police, Constabulary, Council, Ministry, University, Trust, Ltd/plc/Inc ...), using the
actors gazetteer ``data/actors.yaml`` (whose teaching-world organisations are an
extension of the generic rules).

References: Becker, H. S. (1967). Whose side are we on? *Social Problems*, 14(3),
239-247. Pareti, S. (2016). PARC 3.0: A corpus of attribution relations. *LREC 2016*.
Newell, E., Margolin, D., & Ruths, D. (2018). An attribution relations corpus for
political news. *LREC 2018* (PolNeAR). Muzny, G., Fang, M., Chang, A., & Jurafsky, D.
(2017). A two-stage sieve approach for quote attribution. *EACL 2017*, 460-470.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

import numpy as np
import pandas as pd
import yaml

# --------------------------------------------------------------------------- vocabulary

CUE_VERBS = ("said", "says", "saying", "added", "adds", "adding", "told", "tells", "telling", "tweeted", "tweets", "posted", "wrote",
             "writes", "insisted", "insists", "warned", "warns", "argued", "argues", "explained", "explains", "noted", "notes", "joked",
             "jokes", "claimed", "claims", "stated", "states", "continued", "continues", "admitted", "admits", "urged", "urges", "asked",
             "asks", "stressed", "stresses", "acknowledged", "replied", "replies", "recalled", "recalls", "conceded", "concedes", "declared",
             "announced", "responded", "responds", "suggested", "suggests", "countered", "complained", "predicted", "remarked",
             "observed", "vowed", "pledged", "promised", "boasted", "cautioned", "emphasised", "emphasized", "maintained", "commented",
             "quipped", "mused", "lamented", "concluded", "agreed", "demanded", "shouted", "yelled", "whispered", "recounted", "confirmed",
             "revealed", "described", "declares", "declared", "questioned", "cracked", "reads", "read", "stated", "went on", "pointed out", "wrote on", "said in a statement", "told reporters")
_VERB = r"(?:" + "|".join(sorted((re.escape(v) for v in CUE_VERBS), key=len, reverse=True)) + r")"
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
PARTICLES = frozenset("de van von der da di le la bin al del du dos el".split())
# Words that open a sentence or a clause and are never a speaker's name.
OPENERS = frozenset("""The A An This That These Those It He She They We I You His Her Their Its Our My Your However But Still And Yet So
Then Now Also Meanwhile Instead Indeed Later Earlier Today Yesterday Tonight Last Next When While After Before Since If Although Though
As In On At For From With Without By Of To Under Over Asked Speaking Writing Asked Here There What Why How Who Where Some Many Most
Both Each Every Other Others Another One Two Three Nobody Everyone Anyone Someone Police Officers Members Campaigners Critics Ministers
Residents Neighbours Supporters Opponents Officials Sources Aides Friends Experts Analysts Democrats Republicans Monday Tuesday Wednesday
Thursday Friday Saturday Sunday January February March April May June July August September October November December Well Yes No
Oh Please Thank Thanks Sorry OK Okay""".split())
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
_SPOKES = r"(?:spokes(?:person|man|woman)|representative|press officer|press secretary|source|statement|aide|official|officials|insider|lawyer|solicitor|attorney)"


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
    """
    if not word[:1].isupper() or len(word) < 2:
        return None
    answer = _gender_detector().get_gender(word)
    return {"male": "m", "mostly_male": "m", "female": "f", "mostly_female": "f", "andy": ""}.get(answer)


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
_RX0 = re.compile(r"\n\s*\n")
_RX1 = re.compile(r"'\d")
_RX2 = re.compile(r"[\u2019'] [a-z]")
_RX3 = re.compile(r"\s*\([^)]{0,40}\)")
_RX4 = re.compile(r"^(?i:and|but|then|so)\s+")
_RX5 = re.compile(r"^(?:[Aa]sked|[Ss]peaking|[Ww]riting|[Bb]efore|[Aa]fter|[Dd]uring|[Ii]n|[Oo]n|[Aa]t|[Ww]hen|[Ll]ater|[Ee]arlier|[Tt]hen|[Hh]owever|[Bb]ut|[Ss]till|[Yy]et|[Mm]eanwhile|[Ff]or his part|[Ff]or her part)\b[^,]*,\s*(?P<rest>.+)$")
_RX6 = re.compile(r",\s*(he|she|they|we|He|She|They|We)$")
_RX7 = re.compile(r",| who | which | said| told")
_RX8 = re.compile(r"^(?P<head>.*?[A-Z][\w'.-]+) (?P<tail>(?:of|at|from) (?:the )?[A-Z].*)$")
_RX9 = re.compile(r"\b(?:the|a)\s*$", re.IGNORECASE)
_RX10 = re.compile(r"(?:the|a|an)", re.IGNORECASE)
_RX11 = re.compile(r"(?:[Ii]ts|[Tt]he \w+'s)\s")
_RX12 = re.compile(r"(?:[Ii]ts|[Tt]he (?:group|charity|company|firm|organisation|organization|centre|center|force|council|campaign)'s)\s")
_RX13 = re.compile(r"(?:^|\s)(Mitigating|Defending|Prosecuting),\s*$")
_RX14 = re.compile(r"(?P<noun>" + "|".join(ORG_NOUNS) + r")\b", re.IGNORECASE)
_RX15 = re.compile(r"[a-z]-[a-z.]+")
_RX16 = re.compile(r"[.!?][\"\u201d\u2019']?\s+(?=[A-Z\"\u201c\u2018])")
_RX17 = re.compile(r"\b(?:who|which|whose|that)\b|,")
_RX18 = re.compile(r"\b(?:was|were|is|are|had|has|have|did|do|does|will|would|could|should|can|may|might|been|being)\b")
_RX19 = re.compile(r"(?<!\b[A-Z][a-z])(?<!\b[A-Z])[.!?]\s*$")
_RX20 = re.compile(r"^(?:However|Still|Yet|But|And|Meanwhile|Instead|Indeed|Separately|Similarly|Moreover|Also|Then|Later|Earlier),\s*")
_RX21 = re.compile(r"^(?:When|After|Before|Asked|Speaking|Writing|Responding|Appearing|Sentencing|Opening|Closing|In|On|At|For)\b[^,]*,\s*")
_RX22 = re.compile(r"^[^,]{1,60},\s*(?=(?:he|she|they|we|I)$)")
_RX23 = re.compile(r"^(?:But|And|Yet|So|Still|However|Now|Then|Instead|Meanwhile|Later|Earlier|Also)\s+(?=[A-Z]|he\b|she\b|they\b)")
_RX24 = re.compile(r"[.!?]\s*$")
_RX25 = re.compile(r"(?<=[a-z\d)][.!?])\s+(?=[A-Z])")
_RX26 = re.compile(r"^(?P<who>He|She)\s+(?:[a-z]+ly\s+)?[a-z]+(?:s|ed)\b")
_RUNS_ON = re.compile(r"\s+[a-z]")
_SCARE_CUE = re.compile(r"\b(?:so-called|self-styled|self-proclaimed|dubbed|branded|labelled|labeled|nicknamed)\s*$", re.IGNORECASE)
_TITLE_CUE = re.compile(r"\b(?:titled|entitled|called|named|dubbed|nicknamed|headlined|branded|codenamed|code-named|known as|billed as|slogan|hashtag|"
                        r"motto|operation|Operation|film|book|documentary|programme|program|show|series|song|album|report|play|novel|podcast|article|"
                        r"column|policy|scheme|campaign|initiative|project|app)\s*,?\s*$")
_RX28 = re.compile(r"[.!?,]$")
_RX29 = re.compile(r"[.!?,\u2026-]$")
_RX30 = re.compile(r"(?<![\w'])''(?=[\w'(\[$\u00a3])")
_RX31 = re.compile(r"(?<=[\w.,!?;:\u2026)\]-])''(?!\w)")
_RX32 = re.compile(r"[.!?]$")


# --------------------------------------------------------------------------- step 1: candidate spans

def _paragraphs(text: str):
    start = 0
    for match in _RX0.finditer(text):
        yield start, text[start : match.start()]
        start = match.end()
    yield start, text[start:]


_SINGLE_MARK = re.compile("['\u2018\u2019]")
_DOUBLE_MARK = re.compile('["\u201c\u201d]')
_CONTRACTION = re.compile(r"'(?:s|t|re|ve|ll|d|m|em|cause|til|n)\b|'\d0s\b|'\d\d\b")


def _single_runs(paragraph: str, lo: int, hi: int) -> list[tuple[int, int, bool, str]]:
    """Single-quoted runs between lo and hi: an opening mark at the start of a word, a
    closing mark at the end of one (not an apostrophe inside a word, and not a plural
    possessive followed by a noun unless nothing else closes the quote)."""
    marks = [m.start() for m in _SINGLE_MARK.finditer(paragraph, lo, hi)]
    if len(marks) < 2:
        return []
    runs = []
    k = 0
    while k < len(marks):
        i = marks[k]
        ch = paragraph[i]
        opens = ch in SINGLE_OPEN and (i == lo or not paragraph[i - 1].isalnum()) and i + 1 < hi and paragraph[i + 1].isalnum() \
            and not (ch == "'" and _CONTRACTION.match(paragraph, i) and (i == lo or paragraph[i - 1] in " (\n") and _RX1.match(paragraph[i:i + 2]))
        if not opens:
            k += 1
            continue
        closes = []
        for m in range(k + 1, len(marks)):
            j = marks[m]
            if paragraph[j] in SINGLE_CLOSE and j > i + 1 and not paragraph[j - 1].isspace() and (j + 1 >= hi or not paragraph[j + 1].isalnum()):
                closes.append(m)
                possessive = paragraph[j - 1] in "sS" and _RX2.match(paragraph[j:j + 3])
                if not possessive:
                    break
        if closes:
            end = marks[closes[-1]]
            runs.append((i + 1, end, True, "single"))
            k = closes[-1] + 1
            continue
        k += 1
    return runs


def candidate_spans(paragraph: str) -> list[tuple[int, int, bool, str]]:
    """Quoted runs in one paragraph, in order: ``(start, end, closed, marks)`` with the
    offsets of the words between the marks and ``marks`` = ``double`` or ``single``.

    Single marks inside a double-quoted run are nested quotes and stay part of it.

    Example
    -------
    >>> p = "Hunters \\u2018are doing our job\\u2019, says chief. \\"They are 'heroes',\\" she said."
    >>> [(p[s:e], marks) for s, e, _, marks in candidate_spans(p)]
    [('are doing our job', 'single'), ("They are 'heroes',", 'double')]
    """
    runs: list[tuple[int, int, bool, str]] = []
    n = len(paragraph)
    last = 0
    positions = [m.start() for m in _DOUBLE_MARK.finditer(paragraph)]
    k = 0
    while k < len(positions):
        i = positions[k]
        ch = paragraph[i]
        # a straight mark opens only where a quote can start (start, space, dash, bracket, colon)
        if ch == "\u201d" or (ch == '"' and i > 0 and paragraph[i - 1].isalnum()):
            k += 1
            continue
        k += 1
        while k < len(positions) and paragraph[positions[k]] == "\u201c":
            k += 1
        j = positions[k] if k < len(positions) else n
        if "'" in paragraph[last:i] or "\u2018" in paragraph[last:i]:
            runs.extend(_single_runs(paragraph, last, i))
        runs.append((i + 1, j, j < n, "double"))
        last = j + 1
        k += 1
    if last < n and ("'" in paragraph[last:] or "\u2018" in paragraph[last:]):
        runs.extend(_single_runs(paragraph, last, n))
    runs.sort()
    return runs


# --------------------------------------------------------------------------- step 3: speakers as entities

@dataclass
class Speaker:
    """A speaker phrase read as an entity.

    ``mention`` as written, ``name`` (the personal or organisation name in it, without
    title), ``title`` (``Sen.``, ``Det Supt``), ``description`` (the words beside the name),
    ``type`` (``person``, ``organisation``, ``pronoun`` or ``unnamed``) and ``gender``
    (``m``/``f`` from an honorific, else empty).
    """

    mention: str
    name: str = ""
    title: str = ""
    description: str = ""
    type: str = "unnamed"
    gender: str = ""


_TIME_TAIL = re.compile(r"[,\s]+(?:on (?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|Twitter|X|Facebook|Instagram|\d)\b|"
                        r"last (?:week|night|month|year)|yesterday|today|tonight|earlier|later|recently|previously|this (?:week|morning|afternoon|evening)|"
                        r"after (?:the|a|an|his|her) |outside (?:the )?[a-z ]*court|in (?:a|an|his|her|its|their|the) (?:statement|interview|post|tweet|speech|email|letter|video|message|blog)|"
                        r"in (?:an? )?(?:interview|statement)|at (?:a|the) (?:rally|hearing|meeting|press conference|news conference|debate|event|briefing|vigil)|"
                        r"during (?:a|an|the|his|her) |to (?:reporters|the [A-Z]|journalists|supporters|a crowd|the crowd|a rally)|"
                        r"when (?:asked|questioned)|via |through (?:a|his|her) |before (?:a|the) |as (?:he|she|they) |while |in (?:January|February|March|April|May|June|July|August|September|October|November|December)\b)"
                        r".*$")
_ORG_MENTION = re.compile(rf"^(?:[Aa]n?|[Tt]he)\s+(?:[\w'-]+\s+){{0,2}}?{_SPOKES}\s+(?:for|from|at|of|with|to)\s+(?:the\s+)?(?P<org>.+)$"
                          rf"|^(?:(?:[Aa]n?|[Tt]he)\s+)?(?P<org2>(?:[A-Z][\w'&.-]*\s+){{0,5}}?[A-Z][\w'&.-]*)\s+{_SPOKES}$")
_ORG_NOUN = re.compile(r"^(?:the|a|an)\s+(?:(?:local|county|city|borough|district|national|regional|tech|social media|[A-Z][\w'-]*)\s+)?(?P<noun>"
                       + "|".join(ORG_NOUNS) + r")$", re.IGNORECASE)
_APPOSITIVE_LEAD = re.compile(r"^(?:of|a|an|the|who|whose|which|founder|co-founder|chief|head|director|leader|member|spokes\w+|prosecuting|defending|"
                              r"representing|chair|chairman|chairwoman|president|secretary|minister|professor|lecturer|aged|now|then|former|"
                              r"his|her|their|its|\d)\b", re.IGNORECASE)
_TOKEN = re.compile(r"[A-Za-z\u00c0-\u024f][\w'\u2019.&-]*|\d[\w.,]*|[^\s\w]")


def _strip_title_dot(word: str) -> str:
    return word[:-1] if word.endswith(".") else word


_NAME_WORD_RE = re.compile(r"(?:[A-Z][a-z]*[a-zA-Z'\u2019-]*|[A-Z]\.|(?:Mc|Mac|O'|O\u2019)[A-Z][a-z]+|[A-Z]{2,}[a-z]*)")


def _is_name_word(word: str) -> bool:
    return word in PARTICLES or _NAME_WORD_RE.fullmatch(word) is not None


def _split_name(words: list[str]) -> tuple[str, str, str]:
    """(description, title, name) from the words of a mention without an appositive:
    'Labour leader Keir Starmer' -> ('Labour leader', '', 'Keir Starmer');
    'Sen. Ted Cruz' -> ('', 'Sen.', 'Ted Cruz')."""
    # the run of name words at the end
    k = len(words)
    while k > 0 and (_is_name_word(words[k - 1]) or words[k - 1] in ("Jr.", "Sr.", "Jr", "Sr", "III", "II") or _strip_title_dot(words[k - 1]) in TITLE_WORDS):
        k -= 1
    run = words[k:]
    # the last title word in the run: the name is what follows it
    cut = 0
    for i, w in enumerate(run[:-1] if run else []):
        if _strip_title_dot(w) in TITLE_WORDS or (w.endswith(".") and len(w) > 2 and _strip_title_dot(w).lower() in ABBREVIATIONS):
            cut = i + 1
    title_run = run[:cut]
    name = run[cut:]
    # titles before a leading description word in capitals ("Labour", "Northmoor Police")
    title_start = 0
    for i, w in enumerate(title_run):
        if _strip_title_dot(w) not in TITLE_WORDS and not (w.endswith(".") and _strip_title_dot(w).lower() in ABBREVIATIONS):
            title_start = i + 1
    description_words = words[:k] + title_run[:title_start]
    title = " ".join(title_run[title_start:])
    while name and name[-1] in ("MP", "KC", "QC", "OBE", "MBE", "CBE", "MEP", "MSP", "AM", "PhD"):
        title = (title + " " + name[-1]).strip()
        name = name[:-1]
    while name and (name[0] in OPENERS or name[0].lower() in PARTICLES):
        description_words.append(name[0])
        name = name[1:]
    # "Mum-of-two Kerry Oldroyd", "Shopkeeper Raj Bassi", "Local MP ...": a capitalised word that is no first name, before one that is
    while len(name) >= 3 and not title and first_name_gender(name[0]) is None and first_name_gender(name[1]) is not None:
        description_words.append(name[0])
        name = name[1:]
    return " ".join(description_words).strip(" ,"), title, " ".join(name)


def parse_speaker(phrase: str) -> Speaker:
    """Read an attribution phrase as a speaker entity.

    Example
    -------
    >>> s = parse_speaker("Labour leader Keir Starmer")
    >>> (s.name, s.description, s.type)
    ('Keir Starmer', 'Labour leader', 'person')
    >>> parse_speaker("Sen. Ted Cruz").title
    'Sen.'
    >>> s = parse_speaker("a spokesperson for Northmoor Police")
    >>> (s.name, s.type)
    ('Northmoor Police', 'organisation')
    >>> parse_speaker("Gary Pickford, founder of Shadow Watch").description
    'founder of Shadow Watch'
    """
    mention = " ".join(_RX3.sub("", phrase).replace("\u2019", "'").split()).strip(" ,;:")
    mention = _RX4.sub("", mention)
    mention = _TIME_TAIL.sub("", mention).strip(" ,")
    # a leading clause: "Asked about the plan, she" / "Before the hearing, Smith"
    match = _RX5.match(mention)
    if match:
        mention = match.group("rest")
    speaker = Speaker(mention=mention)
    if not mention:
        return speaker
    match = _RX6.search(mention)
    if match:
        mention = speaker.mention = match.group(1)
    if mention.lower() in PRONOUNS:
        speaker.type = "pronoun"
        speaker.gender = {"he": "m", "she": "f"}.get(mention.lower(), "")
        return speaker
    match = _ORG_MENTION.match(mention)
    if match:
        org = (match.group("org") or match.group("org2") or "").strip(" ,.")
        org = _RX7.split(org)[0].strip()
        speaker.type, speaker.description = "organisation", mention
        speaker.name = org if org[:1].isupper() else ""
        if not speaker.name and org:
            speaker.name = f"the {org}" if not org.lower().startswith("the ") else org
        return speaker
    match = _ORG_NOUN.match(mention)
    if match:
        speaker.type, speaker.description, speaker.name = "organisation", mention, ""
        return speaker
    head, tail = mention, ""
    if "," in mention:
        first, rest = mention.split(",", 1)
        first, rest = first.strip(), rest.strip()
        parts = [p.strip() for p in rest.split(",")]
        if first and " " not in first and first_name_gender(first) is None and parts[0] and all(_is_name_word(w) for w in parts[0].split()) \
                and len(parts[0].split()) >= 2 and first_name_gender(parts[0].split()[0]) is not None:
            head, tail = parts[0], ", ".join([first.lower()] + parts[1:])  # "Defending, Priya Nandakumar"
        elif first and parts[0] and _APPOSITIVE_LEAD.match(parts[0] if not _is_name_word(parts[0].split()[0]) or parts[0].split()[0] in OPENERS else "x") is None \
                and all(_is_name_word(w) for w in parts[0].split()) and not all(_is_name_word(w) for w in first.split()):
            head, tail = parts[0], ", ".join([first] + parts[1:])  # "his sister, Karen Dawlish"
        else:
            head, tail = first, rest
    words = head.split()
    if not words:
        return speaker
    of_match = _RX8.match(head)
    if of_match and not all(_is_name_word(w) or _strip_title_dot(w) in TITLE_WORDS for w in of_match.group("tail").split()[:1]):
        head, tail = of_match.group("head"), ", ".join(x for x in (of_match.group("tail"), tail) if x)  # "Professor Leon Grady of Whitcombe College"
        words = head.split()
    description, title, name = _split_name(words)
    description = ", ".join(x for x in (" ".join(x for x in (description, title) if x), tail) if x)
    speaker.title, speaker.description = title, description
    first_title = _strip_title_dot(title.split()[0]) if title else ""
    speaker.gender = "m" if first_title in HONORIFICS_MALE else "f" if first_title in HONORIFICS_FEMALE else ""
    if not name:
        speaker.type = "unnamed"
        return speaker
    name_words = name.split()
    organisation = any(_strip_title_dot(w) in ORG_WORDS for w in name_words[1:]) or (len(name_words) == 1 and name_words[0] in ORG_WORDS) \
        or (not title and name in gazetteer().get("organisations", {}))
    if organisation and not title:
        speaker.type, speaker.name = "organisation", name
        if _RX9.search(description):
            speaker.description = ""
        return speaker
    if name_words[0] in OPENERS:
        return speaker
    speaker.type, speaker.name = "person", name
    return speaker


class _Registry:
    """The people and organisations of one article, for resolving surnames, ``Mr Smith``,
    pronouns and ``the force``."""

    def __init__(self, text: str):
        self.text = text
        self._scan = None  # names and organisations anywhere in the article, read when needed
        self.people: list[str] = []
        self.descriptions: dict[str, str] = {}
        self.titles: dict[str, str] = {}
        self.gender: dict[str, str] = {}
        self.organisations: list[str] = []
        self.recent: list[str] = []  # people in order of mention (speakers and subjects)
        self.mentions: list[tuple[int, str]] = []  # (sentence number, person) in text order
        self.org_pieces: list[str] = []  # the text read so far, for organisations named in it
        self._org_by_piece: list[list[str]] = []
        self.known_organisations: int | None = None
        self.sentence = 0

    def person(self, speaker: Speaker) -> str:
        name = speaker.name
        words = name.split()
        if len(words) == 1 or (len(words) == 2 and words[0] in PARTICLES):
            surname = words[-1]
            for full in reversed(self.people):
                if full.split()[-1] == surname and full != name:
                    name = full
                    break
            else:
                name = self.article()[0].get(surname, name)
        if name not in self.people:
            self.people.append(name)
        described = speaker.description
        if described and not _RX10.fullmatch(described):
            self.descriptions.setdefault(name, described)
        if speaker.title:
            self.titles.setdefault(name, speaker.title)
        gender = speaker.gender or (first_name_gender(name.split()[0]) or "" if " " in name else "")
        if gender:
            self.gender.setdefault(name, gender)
        self.mentioned(name)
        return name

    def organisations_named(self, pieces: int | None = None) -> list[str]:
        """Organisations named (by a type word) in the first ``pieces`` stretches of text read."""
        pieces = len(self.org_pieces) if pieces is None else pieces
        while len(self._org_by_piece) < pieces:
            piece = self.org_pieces[len(self._org_by_piece)]
            found = []
            for match in _ORG_SCAN.finditer(piece):
                words = match.group("org").split()
                while len(words) > 1 and words[0] in OPENERS:
                    words = words[1:]
                found.append(" ".join(words))
            self._org_by_piece.append(found)
        return [org for found in self._org_by_piece[:pieces] for org in found]

    def link_its(self, description: str, known: int | None = None) -> str:
        """'Its founder' / "the group's leader" -> '... of <the organisation last named>' (among
        the first ``known`` organisations named, when given)."""
        if not _RX11.match(description):
            return description
        organisations = self.organisations_named(known)
        if organisations and _RX12.match(description):
            return f"{description} of {organisations[-1]}"
        return description

    def article(self) -> tuple[dict[str, str], list[str]]:
        if self._scan is None:
            self._scan = _scan_article(self.text)
        return self._scan

    def mentioned(self, name: str) -> None:
        if name in self.recent:
            self.recent.remove(name)
        self.recent.append(name)
        self.mentions.append((self.sentence, name))

    def pronoun(self, speaker: Speaker) -> str:
        """The person a he/she refers to: in the nearest earlier sentence that mentions a
        person of a compatible gender, the first such person (the likely subject)."""
        if speaker.mention.lower() in ("they", "we"):
            return ""
        best_sentence, best = None, ""
        for sentence, name in reversed(self.mentions):
            if best_sentence is not None and sentence != best_sentence:
                break
            if self.gender.get(name, speaker.gender) == speaker.gender or not speaker.gender:
                best_sentence, best = sentence, name
        return best

    def scan(self, segment: str) -> None:
        """Register the people named in a stretch of text outside quotes, sentence by sentence."""
        if not _TWO_CAPITALS.search(segment) and not any(p.rsplit(None, 1)[-1] in segment for p in self.people):
            # nobody named here: only count the sentences (numbers need only be increasing)
            self.org_pieces.append(segment)
            self.sentence += len(_PERIOD.findall(segment))
            return
        for piece, ends in _sentence_pieces(segment):
            for match in _MENTION_SCAN.finditer(piece):
                self._mention(match, piece)
            self.org_pieces.append(piece)
            if ends:
                self.sentence += 1

    def _mention(self, match, piece: str = "") -> None:
        words_all = match.group("name").split()
        if len(words_all) == 1 and (words_all[0] in OPENERS or not any(p.endswith(words_all[0]) for p in self.people)):
            return  # one capitalised word that names no one known
        description, title, name = _split_name(words_all)
        words = name.split()
        if not words or words[0] in OPENERS or any(w in ORG_WORDS for w in words):
            return
        first_title = _strip_title_dot(title.split()[0]) if title else ""
        gender = "m" if first_title in HONORIFICS_MALE else "f" if first_title in HONORIFICS_FEMALE else ""
        if len(words) == 1:
            known = [p for p in self.people if p.split()[-1] == words[0]]
            if not title and not known:
                return
            self.person(Speaker(mention=match.group(0), name=name, title=title, type="person", gender=gender))
            return
        if not title and not match.group("description") and first_name_gender(words[0]) is None:
            return  # "South Carolina", "Great Recession": not a person without a first name, title or description
        described = ", ".join(x for x in (description if description.split()[:1] != [words[0]] else "", match.group("description") or "") if x)
        window = piece[max(0, match.start() - 80): match.start()] if piece and match.start() > 2 and name not in self.descriptions else ""
        before = _DESCRIPTION_BEFORE.search(window) if window else None
        if before and piece[match.end():match.end() + 1] in (",", ""):
            described = ", ".join(x for x in (before.group("description"), described) if x)
        else:
            noun = _NOUN_BEFORE.search(window) if window else None
            if noun and noun.group("noun") not in _NOT_DESCRIPTIONS:
                described = ", ".join(x for x in (noun.group("noun"), described) if x)
        court = _RX13.search(window)
        if court:
            described = ", ".join(x for x in (court.group(1).lower(), described) if x)
        if match.group("age"):
            described = ", ".join(x for x in (described, match.group("age")) if x)
        described = self.link_its(described)
        self.person(Speaker(mention=match.group(0), name=name, title=title, description=described, type="person", gender=gender))

    def organisation(self, speaker: Speaker) -> str:
        if speaker.name and not speaker.name.lower().startswith("the "):
            if speaker.name not in self.organisations:
                self.organisations.append(speaker.name)
            return speaker.name
        match = _ORG_NOUN.match(speaker.mention) or _RX14.search(speaker.name)
        noun = match.group("noun").lower() if match else ""
        types = ORG_NOUNS.get(noun, ())
        for org in list(reversed(self.organisations_named())) + list(reversed(self.organisations)) + self.article()[1]:
            if any(t in org.split() for t in types):
                return org
        return speaker.name or speaker.mention


_FULL_NAME_SCAN = re.compile(r"(?<![\w'.-])(?P<name>[A-Z][a-zA-Z]+\.?(?:[-'\u2019][A-Z]?[a-z]+)?(?: (?:[A-Z]\.|[A-Z][a-zA-Z]+\.?(?:[-'\u2019][A-Z]?[a-z]+)?|(?:Mc|Mac)[A-Z][a-z]+)){1,5})(?![\w'-])"
                             r"(?:,\s+(?P<description>(?:of|a|an|the|who|founder|co-founder|chief|head|director|prosecuting|defending|leader|member)\b[^,.;\"\u201c]{0,100}))?")
_ORG_SCAN = re.compile(r"(?<![\w'-])(?P<org>(?:[A-Z][\w'&-]*\s+){0,4}(?:" + "|".join(sorted(w for w in ORG_WORDS if w[0].isupper() and len(w) > 2)) + r"))\b")


_MENTION_SCAN = re.compile(r"(?<![\w'.-])(?P<name>[A-Z][a-zA-Z]+\.?(?:[-'\u2019][A-Z]?[a-z]+)?(?: (?:[A-Z]\.|[A-Z][a-zA-Z]+\.?(?:[-'\u2019][A-Z]?[a-z]+)?|(?:Mc|Mac)[A-Z][a-z]+)){0,5})(?![\w'-])"
                           r"(?:,\s+(?P<age>\d{1,3})\b)?(?:,\s+(?P<description>(?:of|a|an|the|who|founder|co-founder|chief|head|director|prosecuting|defending|leader|member)\b[^,.;\"\u201c]{0,100}))?")
_TWO_CAPITALS = re.compile(r"[A-Z][\w'\u2019-]*\.? [A-Z]")
_NOUN_BEFORE = re.compile(r"(?:^|\s)(?P<noun>[a-z][a-z-]{3,}(?: [a-z][a-z-]{3,})?)\s+$")
_NOT_DESCRIPTIONS = frozenset("""said says told tells with from into onto that than when where while about after before against between
during under over with without have has had were been being will would could should also then asked added according""".split())
_DESCRIPTION_BEFORE = re.compile(r"(?:^|[,;:]\s|\b(?:by|with|and|met|told|to)\s)\s*(?P<description>(?:[Tt]he|[Aa]n?|[Hh]is|[Hh]er|[Tt]heir|[Ii]ts)\s[\w' -]{2,60}?),\s*$")


def _sentence_pieces(text: str):
    """(piece, ends_a_sentence) for the sentences of a stretch of text."""
    start = 0
    for match in _PERIOD.finditer(text):
        if text[match.start()] == ".":
            before = text[start: match.start()]
            last_word = before.rsplit(None, 1)[-1].lower().lstrip("(") if before.strip() else ""
            if last_word in ABBREVIATIONS or len(last_word) == 1 or "." in last_word or _RX15.fullmatch(last_word):
                continue
        yield text[start: match.end()], True
        start = match.end()
    if start < len(text):
        yield text[start:], False


def _scan_article(text: str) -> tuple[dict[str, str], list[str]]:
    """Full names (first seen, by surname) and organisations named anywhere in the text."""
    names: dict[str, str] = {}
    for match in _FULL_NAME_SCAN.finditer(text):
        words = match.group("name").split()
        while words and (words[0] in OPENERS or _strip_title_dot(words[0]) in TITLE_WORDS or words[0] in ORG_WORDS):
            words = words[1:]
        if len(words) < 2 or any(w in ORG_WORDS or w in OPENERS for w in words):
            continue
        names.setdefault(words[-1], " ".join(words))
    organisations = []
    for match in _ORG_SCAN.finditer(text):
        words = match.group("org").split()
        while words and words[0] in OPENERS:
            words = words[1:]
        if words:
            organisations.append(" ".join(words))
    return names, organisations


# --------------------------------------------------------------------------- step 2: attribution rules

_WHO = r"(?P<who>[^\"\u201c\u201d\u2018;!?]+?)"
_AFTER_VERB_FIRST = re.compile(rf"^\s*[,.]?\s*(?P<verb>{_VERB})\s*,?\s+(?P<who>[^;!?:\"\u201c\u201d\n]+)")
_AFTER_WHO_FIRST = re.compile(rf"^\s*[,.]?\s*{_WHO},?\s+(?P<verb>{_VERB})\b(?P<rest>[^\"\u201c\u201d\n]*)")
_AFTER_DASH = re.compile(r"^\s*[\u2014\u2013-]{1,2}\s*(?P<who>[^\"\u201c\u201d\n]+?)\s*\.?$")
_BEFORE_VERB = re.compile(rf"(?:^|[.!?;]\s+|,\s+(?:and|but)\s+|\bas\s+)(?P<who>(?:[A-Z][^!?;\"\u201c\u201d]*?)|he|she|they|we|I)\s*,?\s+(?:also\s+|then\s+|later\s+|had\s+|has\s+|have\s+|would\s+|will\s+|once\s+)?"
                          rf"(?P<verb>{_VERB})\b(?P<rest>[^!?;\"\u201c\u201d]{{0,160}}?)\s*(?P<end>[:,]|\bthat|\bit was|\bthe [a-z]+ (?:was|is|were|are|had|has)|[a-z]+)?\s*$")
_BEFORE_ACCORDING = re.compile(r"[Aa]ccording to (?P<who>[^:\"\u201c\u201d]+?)\s*[:,]?\s*$")
_BEFORE_COLON = re.compile(r"(?:^|[.!?]\s+)(?P<who>(?:(?:[A-Z][\w'.-]*|of|the|for|at|and|&)\s*,?\s*){1,8})\s*:\s*$")
_AFTER_SHORT_SENTENCE = re.compile(rf"^\s*(?P<who>(?:[A-Z][\w'.-]*\s+){{0,4}}[A-Z][\w'.-]*|[Hh]e|[Ss]he|[Tt]hey)\s+(?P<verb>{_VERB})\s*(?:\.|$)")


def _last_sentence(head: str) -> str:
    text = head.rstrip()
    cut = 0
    for match in _RX16.finditer(text):
        before = text[: match.start()]
        last_word = before.rsplit(None, 1)[-1].lower().lstrip("(") if before.strip() else ""
        if match.group(0)[0] == "." and (last_word.rstrip(".") in ABBREVIATIONS or len(last_word) == 1 or "." in last_word.rstrip(".") or _RX15.fullmatch(last_word)):
            continue
        cut = match.end()
    return text[cut:]


_PERIOD = re.compile(r"[.!?](?=\s|$)")


def _sentence_cut(text: str) -> str:
    """Text up to its first sentence end (a full stop after an abbreviation, an initial or
    "D-N.Y." is not one)."""
    for match in _PERIOD.finditer(text):
        if text[match.start()] == ".":
            before = text[: match.start()]
            last_word = before.rsplit(None, 1)[-1].lower().lstrip("(") if before.strip() else ""
            if last_word in ABBREVIATIONS or len(last_word) == 1 or "." in last_word or _RX15.fullmatch(last_word):
                continue
        return text[: match.start()]
    return text


def _who_ok(who: str) -> bool:
    who = who.strip()
    if not who or len(who.split()) > 24:
        return False
    first = who.split()[0].strip(",")
    if who.lower() in PRONOUNS:
        return True
    if first.lower() in ("that", "this", "it", "there", "what", "which", "in", "on", "at", "as", "if", "when", "because", "and", "to", "by",
                         "after", "before", "during", "from", "with", "for", "of", "following", "since", "until", "while", "where", "how", "why",
                         "is", "was", "were", "are", "has", "had", "have", "not", "also", "then", "so", "but", "or", "about", "than"):
        return False
    lead = _RX17.split(who, maxsplit=1)[0]
    if _RX18.search(lead):
        return False
    return True


def _after(tail: str):
    """Attribution after a closed quote, in the same sentence: (who, verb) or None."""
    tail = tail.split("\n")[0][:240]
    match = _AFTER_VERB_FIRST.match(tail)
    if match:
        who = _sentence_cut(match.group("who")).strip()
        if _who_ok(who) and not who.lower().startswith(("the court", "that ")):
            return who, match.group("verb").lower()
    match = _AFTER_WHO_FIRST.match(tail)
    if match and _who_ok(match.group("who")) and len(match.group("who").split()) <= 22:
        who = match.group("who")
        if _sentence_cut(who) != who:  # a sentence boundary inside: not the same sentence
            return None
        return who, match.group("verb").lower()
    match = _AFTER_DASH.match(tail)
    if match and len(match.group("who").split()) <= 16:
        return match.group("who"), "dash"
    return None


def _before(head: str):
    """Attribution before the quote, in the same sentence: (who, verb) or None."""
    sentence = _last_sentence(head)
    if not sentence.strip() or _RX19.search(sentence.rstrip()):
        return None
    match = _BEFORE_ACCORDING.search(sentence)
    if match:
        return match.group("who"), "according to"
    match = _BEFORE_VERB.search(sentence)
    if match:
        who = match.group("who")
        # "Smith, who ... , said" keeps the whole phrase; drop a leading clause ("When asked, X said", "In addition, he said")
        who = _RX20.sub("", who)
        who = _RX21.sub("", who)
        who = _RX22.sub("", who)
        who = _RX23.sub("", who)
        if match.group("verb").lower().endswith("ing"):  # "Mr. Tate defended the plan, saying ..."
            subject = _SUBJECT_IN_SENTENCE.match(who + " ")
            who = subject.group("who") if subject else who
        if _who_ok(who) and len(who.split()) <= 22:
            return who, match.group("verb").lower()
    match = _BEFORE_COLON.search(sentence)
    if match and _who_ok(match.group("who")):
        return match.group("who"), "colon"
    return None


_SENTENCE_SUBJECT = re.compile(rf"^(?P<who>(?:(?:{TITLES}|(?:[A-Z][a-z]+\.))\s+)*{NAME}(?:,[^.!?]{{2,120}}?,)?)\s+(?!{_VERB}\b)[a-z]")


_SUBJECT_IN_SENTENCE = re.compile(rf"^(?:(?:But|And|Yet|Still|However|Instead|Then|Later|Earlier|Meanwhile),?\s+)?(?P<who>(?:(?:{TITLES}|(?:[A-Z][a-z]+\.))\s+)*{NAME}(?:,[^.!?]{{2,120}}?,)?|He|She)\s+(?:also\s+|then\s+|later\s+)?(?!{_VERB}\b)[a-z]+(?:ed|s)\b")


def _preceding_subject(head: str):
    """The subject of the sentence just before the quote (when that sentence is complete)."""
    if not _RX24.search(head):
        return None
    body = head.rstrip()
    sentence = _last_sentence(body[:-1] + " ") if body else ""
    sentence = _last_sentence(body)
    parts = [s for s in _RX25.split(body) if s]
    sentence = parts[-1] if parts else sentence
    match = _SENTENCE_SUBJECT.match(sentence) or _RX26.match(sentence)
    if not match or (match.group("who").split()[0] in OPENERS and match.group("who") not in ("He", "She")):
        return None
    return match.group("who")


_PARAGRAPH_SAID = re.compile(rf"(?P<who>(?:[A-Z][^.!?;\"\u201c\u201d]*?)|[Hh]e|[Ss]he|[Tt]hey)\s*,?\s+(?:also\s+)?(?P<verb>{_VERB})\b[^\"\u201c\u201d]*[.:]\s*$")


def _kind(words: str, before: str, attributed: bool, marks: str) -> str:
    """speech, title, scare or term for one quoted span."""
    stripped = words.strip()
    n = len(stripped.split())
    if attributed:
        return "speech"
    if _TITLE_CUE.search(before):
        return "title" if n > 1 or stripped[:1].isupper() else "term"
    if n <= 2:
        return "term"
    if _SCARE_CUE.search(before):
        return "scare"
    capitals = sum(1 for w in stripped.split() if w[:1].isupper())
    if not _RX28.search(stripped) and capitals / n >= 0.6 and n <= 10:
        return "title"
    if n >= 4 and _RX29.search(stripped):
        return "speech"
    if n >= 9 and marks == "double":
        return "speech"
    return "scare"


def _masked_outside(paragraph: str, runs) -> str:
    out = paragraph
    for start, end, _, _ in reversed(runs):
        out = out[: max(0, start - 1)] + " " + out[min(len(out), end + 1):]
    return out



def quotes_in_text(text: str, *, kinds: tuple[str, ...] | str = ("speech",)) -> list[dict]:
    """Quotes of one text with their attribution (see :func:`extract_quotes`).

    Example
    -------
    >>> text = 'Labour leader Keir Starmer said: "We will act."\\n\\n"It is time," he added.'
    >>> [(q["quote"], q["speaker"], q["rule"]) for q in quotes_in_text(text)]
    [('We will act.', 'Keir Starmer', 'same sentence'), ('It is time,', 'Keir Starmer', 'same sentence')]
    """
    original = text
    if "''" in text:  # typewriter doubled apostrophes as quote marks (some archives): read them as double marks, offsets kept
        text = _RX30.sub(' "', text)
        text = _RX31.sub('" ', text)
    registry = _Registry(text)
    found: list[dict] = []
    carry = None  # a speech quote left open at the end of the previous paragraph
    previous = {"speaker": None, "said_colon": None, "only_quote": False}
    for offset, paragraph in _paragraphs(text):
        runs = candidate_spans(paragraph)
        paragraph_quotes: list[dict] = []
        cursor = 0
        for index, (start, end, closed, marks) in enumerate(runs):
            words = paragraph[start:end]
            # people named before this quote (outside quotes) become the "he" of it
            registry.known_organisations = len(registry.org_pieces)
            registry.scan(paragraph[cursor: max(cursor, start - 1)])
            cursor = end + 1
            if not words.strip():
                continue
            head = paragraph[: max(0, start - 1)] if index == 0 else paragraph[runs[index - 1][1] + 1 : max(0, start - 1)]
            tail = paragraph[end + 1 :] if index + 1 == len(runs) else paragraph[end + 1 : runs[index + 1][0] - 1]
            if not closed:
                tail = ""
            record = {"start": offset + start, "end": offset + end, "quote": words, "part": 1, "marks": marks, "kind": "speech",
                      "rule": "", "cue": "", "speaker_as_written": "", "entity": None}
            opens_paragraph = not paragraph[: max(0, start - 1)].strip()
            # continuation of a quote running over paragraphs
            if opens_paragraph and carry is not None and index == 0:
                record.update(part=carry["part"] + 1, rule="continuation", cue=carry["cue"], speaker_as_written=carry["speaker_as_written"], entity=carry["entity"])
                paragraph_quotes.append(record)
                carry = record if not closed else None
                continue
            hit, rule = None, ""
            if closed:
                hit = _after(tail)
            inside = False  # the quote sits inside a clause introduced before it ("called the plan 'a mess'")
            if hit is None:
                hit = _before(head)
                inside = hit is not None
            if hit is not None:
                rule = "same sentence"
            if (inside or hit is None) and ((len(words.split()) <= 2 and _RUNS_ON.match(tail)) or _SCARE_CUE.search(head[-40:])):
                hit = None  # one or two words inside a running clause, or "so-called ...": quoted terms, not speech
            # the second half of a quote split around its attribution
            if hit is None and index > 0 and paragraph_quotes and paragraph_quotes[-1]["entity"] is not None and paragraph_quotes[-1]["kind"] == "speech":
                last = paragraph_quotes[-1]
                between = paragraph[runs[index - 1][1] + 1 : start - 1]
                if _after(between) is not None or len(between.split()) <= 12:
                    record.update(part=last["part"] + 1, rule="continuation", cue=last["cue"], speaker_as_written=last["speaker_as_written"], entity=last["entity"])
                    paragraph_quotes.append(record)
                    if not closed:
                        carry = record
                    continue
            if hit is None:
                sentence = _last_sentence(head)
                if sentence.strip() and not _RX24.search(sentence):
                    match = _SUBJECT_IN_SENTENCE.match(sentence)
                    if match and match.group("who").split()[0] not in OPENERS - {"He", "She"} and len(words.split()) > 2 \
                            and not _SCARE_CUE.search(head[-40:]):
                        hit, rule = (match.group("who"), "subject"), "same sentence"
            if hit is None and index == 0:
                subject = _preceding_subject(head)
                if subject is not None:
                    hit, rule = (subject, "preceding sentence"), "adjacent sentence"
            if hit is None and closed and _RX32.search(words.strip()):
                match = _AFTER_SHORT_SENTENCE.match(tail)
                if match:
                    hit, rule = (match.group("who"), match.group("verb").lower()), "adjacent sentence"
            if hit is None and opens_paragraph and index == 0 and previous["said_colon"] is not None:
                hit, rule = previous["said_colon"], "previous paragraph"
            kind = _kind(words, head[-60:], hit is not None, marks)
            if hit is None and opens_paragraph and index == 0 and kind == "speech" and previous["speaker"] is not None:
                record.update(rule="conversation turn", cue="continuing", speaker_as_written=previous["speaker"]["speaker_as_written"], entity=previous["speaker"]["entity"])
                paragraph_quotes.append(record)
                if not closed:
                    carry = record
                continue
            record["kind"] = kind
            if hit is None:
                if kind == "speech":
                    record.update(rule="unattributed", cue="unattributed", entity=("", "", "", "", ""))
                paragraph_quotes.append(record)
                continue
            who, cue = hit
            speaker = parse_speaker(who)
            if speaker.type == "unnamed" and not speaker.description and len(words.split()) < 3:
                record["kind"] = _kind(words, head[-60:], False, marks)
                paragraph_quotes.append(record)
                continue
            if speaker.type == "person" and " " not in speaker.name and not speaker.title and first_name_gender(speaker.name) is None \
                    and "statement" in (tail[:80] + " " + head[-80:]) and not any(p.split()[-1] == speaker.name for p in registry.people) \
                    and speaker.name not in registry.article()[0]:
                speaker.type = "organisation"  # "Chatterbox said in a statement": an organisation unless the article names a person so
            record.update(rule=rule, cue=cue, speaker_as_written=speaker.mention)
            record["entity"] = _resolve(speaker, registry)
            paragraph_quotes.append(record)
            if not closed:
                carry = record
        registry.scan(paragraph[cursor:])
        registry.sentence += 1
        speech = [q for q in paragraph_quotes if q["kind"] == "speech"]
        # what the next paragraph may inherit
        attributed = [q for q in speech if q["entity"] is not None and (q["entity"][0] or q["entity"][3] == "organisation")]
        ends_with_quote = paragraph.rstrip().endswith(tuple(CLOSE_MARKS) + (".", "\u2019", "'")) and bool(speech)
        previous = {"speaker": attributed[-1] if attributed and ends_with_quote and carry is None else None, "said_colon": None}
        if carry is None and not speech:
            match = _PARAGRAPH_SAID.search(_last_sentence(paragraph))
            if match and _who_ok(match.group("who")) and len(match.group("who").split()) <= 22:
                previous["said_colon"] = (match.group("who"), match.group("verb").lower())
        elif carry is None and paragraph.rstrip().endswith(":"):
            match = _PARAGRAPH_SAID.search(_last_sentence(paragraph))
            if match:
                previous["said_colon"] = (match.group("who"), match.group("verb").lower())
        if carry is not None and not runs:
            carry = None
        found.extend(paragraph_quotes)
    wanted = None if kinds == "all" else set(kinds)
    out = []
    for record in found:
        if wanted is not None and record["kind"] not in wanted:
            continue
        canonical, mention_name, description, speaker_type, organisation = record.pop("entity") or ("", "", "", "", "")
        if speaker_type == "person" and canonical:
            known = registry.descriptions.get(canonical, "")
            description = ", ".join(x for x in (description, known if known not in description else "") if x)
        title = registry.titles.get(canonical, "") if speaker_type == "person" else ""
        record.update(speaker=canonical if speaker_type == "person" else "", canonical=canonical, speaker_type=speaker_type,
                      description=", ".join(x for x in (title if title and title not in description else "", description) if x),
                      speaker_organisation=organisation)
        if original is not text:
            record["quote"] = original[record["start"]:record["end"]]
        out.append(record)
    return out


def _resolve(speaker: Speaker, registry: _Registry) -> tuple[str, str, str, str, str]:
    """(canonical, name as written, description, type, organisation) for one speaker."""
    if speaker.type == "pronoun":
        name = registry.pronoun(speaker)
        if name:
            return name, speaker.mention, "", "person", ""
        return "", speaker.mention, "", "pronoun", ""
    if speaker.type == "organisation":
        org = registry.organisation(speaker)
        return org, speaker.name, speaker.description, "organisation", org
    if speaker.type == "person":
        speaker.description = registry.link_its(speaker.description, registry.known_organisations)
        name = registry.person(speaker)
        return name, speaker.name, speaker.description, "person", ""
    return "", "", speaker.description, "unnamed" if speaker.description else "", ""


def extract_quotes(corpus: pd.DataFrame, *, text: str = "text", headline: bool = False, kinds: tuple[str, ...] | str = ("speech",),
                   progress: bool | None = None) -> pd.DataFrame:
    """Direct quotations with their speakers, one row per contiguous quoted span.

    Offsets refer to the given text column (clean it first with
    :func:`presslens.text.clean` so that HTML entities and mojibake do not hide quote
    marks).  A quotation split around its attribution or running over paragraphs gives
    one row per part, numbered by ``part``.

    Parameters
    ----------
    corpus : DataFrame
        ``doc_id`` and the text column (and ``headline`` with ``headline=True``).
    headline : bool
        Also read the headline (British headlines quote in single marks).
    kinds : tuple of str or "all"
        Which quoted material to return: ``speech`` (default), ``title``, ``scare``,
        ``term``; ``"all"`` for everything.

    Returns
    -------
    DataFrame
        ``doc_id``, ``field`` (``text`` or ``headline``), ``part``, ``start``, ``end``,
        ``quote``, ``kind``, ``rule`` (the attribution rule that found the speaker),
        ``cue`` (``said``, ``told``, ``according to``, ``colon``, ``dash``, ``preceding
        sentence``, ``continuing``, ``unattributed`` ...), ``speaker_as_written`` (the
        mention), ``speaker`` (the person's canonical full name, empty for organisations
        and unattributed quotes), ``canonical`` (person or organisation),
        ``speaker_type`` (``person``, ``organisation``, ``pronoun`` (unresolved),
        ``unnamed``, or empty), ``description`` (the words beside the speaker, for
        :func:`attribute`), ``speaker_organisation`` and ``marks``.

    Example
    -------
    >>> corpus = pd.DataFrame({"doc_id": ["a"], "text": ['"We hand it all to police," said Gary Pickford, founder of Shadow Watch.']})
    >>> extract_quotes(corpus)[["quote", "speaker", "rule", "description"]].values.tolist()
    [['We hand it all to police,', 'Gary Pickford', 'same sentence', 'founder of Shadow Watch']]
    """
    from presslens._progress import progress_bar

    fields = [text] + (["headline"] if headline and "headline" in corpus else [])
    rows = []
    bar = progress_bar(total=len(corpus), desc="quotes", unit="article", enabled=progress)
    all_marks = OPEN_MARKS + SINGLE_OPEN
    for doc_id, *values in corpus[["doc_id", *fields]].itertuples(index=False, name=None):
        for field_name, value in zip(fields, values, strict=True):
            if not isinstance(value, str) or not any(m in value for m in all_marks):
                continue
            for record in quotes_in_text(value, kinds=kinds):
                rows.append({"doc_id": doc_id, "field": "headline" if field_name == "headline" else "text", **{c: record[c] for c in _RECORD_COLUMNS}})
        bar.update(1)
    bar.close()
    return pd.DataFrame(rows, columns=QUOTE_COLUMNS)


_RECORD_COLUMNS = ["part", "start", "end", "quote", "speaker_as_written", "speaker", "cue", "description", "kind", "rule", "canonical",
                   "speaker_type", "speaker_organisation", "marks"]
QUOTE_COLUMNS = ["doc_id", "field", *_RECORD_COLUMNS]


# --------------------------------------------------------------------------- roles

@lru_cache(maxsize=1)
def _role_patterns():
    data = gazetteer()
    compiled = [(role, [re.compile(p) for p in patterns]) for role, patterns in data["roles"].items()]
    organisations = sorted(data.get("organisations", {}).items(), key=lambda item: -len(item[0]))
    types = [(re.compile(p), role) for p, role in data.get("organisation_types", {}).items()]
    return compiled, organisations, types


_ORGANISATION = re.compile(r"(?:founder of|member of|who runs|leader of|spokes(?:person|man|woman) for|chief executive of|director of [a-z ]+ at|"
                           r"head of [a-z ]+ at|at|for|of|from)\s+(?:the\s+)?(?P<org>[A-Z][\w'&-]*(?:\s+(?:[A-Z][\w'&-]*|for|of|and|on))*)")


# Roles read from how private people are described (a relative, an age, "who lives nearby"): tried
# after the organisation a speaker belongs to ("Dale Pilkington, 44, who runs Moonwatch Patrol").
WEAK_ROLES = ("family", "public")


def organisation_role(name: str) -> str | None:
    """The role an organisation's name implies by its type word, or None.

    Example
    -------
    >>> organisation_role("Northmoor Constabulary"), organisation_role("Acme Widgets Ltd"), organisation_role("Acme")
    ('police', 'business', None)
    """
    for pattern, role in _role_patterns()[2]:
        if pattern.search(name):
            return role
    return None


def role_of(description: str, speaker: str = "", extra_organisations: dict | None = None) -> tuple[str, str]:
    """(role, organisation) from the words that introduce a speaker.

    Known organisations (the gazetteer's and ``extra_organisations``) decide first, then
    the role patterns of the gazetteer in order (titles, descriptions), then the type of
    any organisation named (Police, Council, University, Ltd ...).

    Example
    -------
    >>> role_of("Det Insp, of Northmoor Police's Online Child Protection Team")
    ('police', "Northmoor Police's Online Child Protection Team")
    >>> role_of("a spokesperson for the Lantern Trust")
    ('charity', 'Lantern Trust')
    >>> role_of("Labour leader")[0], role_of("Sen.")[0], role_of("chief executive of Brightwater plc")[0]
    ('politician', 'government', 'business')
    """
    patterns, organisations, _ = _role_patterns()
    if extra_organisations:
        organisations = sorted({**dict(organisations), **extra_organisations}.items(), key=lambda item: -len(item[0]))
    text = f"{description}".strip()
    organisation = ""
    match = _ORGANISATION.search(text)
    if match:
        organisation = match.group("org").strip()
    for name, role in organisations:
        if name in text:
            return role, name if not organisation or name in organisation else organisation
    for role, compiled in patterns:
        if role not in WEAK_ROLES and any(p.search(text) for p in compiled):
            return role, organisation
    if organisation:
        role = organisation_role(organisation)
        if role:
            return role, organisation
    for role, compiled in patterns:
        if role in WEAK_ROLES and any(p.search(text) for p in compiled):
            return role, organisation
    role = organisation_role(text)
    if role:
        return role, organisation
    return "other", organisation


def attribute(quotes: pd.DataFrame, corpus: pd.DataFrame | None = None, *, text: str = "text", extra_organisations: dict | None = None) -> pd.DataFrame:
    """Add ``role`` and ``organisation`` to an :func:`extract_quotes` table.

    The role comes from the speaker's description in the article (rank titles, "Labour
    leader", "campaign spokesman", "of Northmoor Police", "founder of", "a spokesperson
    for", "prosecuting", "Dr", "his sister", "who lives nearby"...), matched against the
    actors gazetteer; an organisation speaking gets the role of its type (Police,
    Council, University, Ltd ...); organisations the patterns cannot place (a platform's
    name, a hunter group's name) come from its ``organisations`` list or
    ``extra_organisations``.  When the quote's own attribution does not describe the
    speaker, the first description of the same speaker elsewhere in the article is used
    (with ``corpus``).

    Example
    -------
    >>> corpus = pd.DataFrame({"doc_id": ["a"], "text": ['"We are ready," said campaign manager Ella Stone.']})
    >>> attribute(extract_quotes(corpus), corpus)[["speaker", "role"]].values.tolist()
    [['Ella Stone', 'politician']]
    """
    out = quotes.copy()
    for column in ("speaker_organisation", "canonical", "speaker_type"):
        if column not in out:
            out[column] = ""
    descriptions: dict[tuple, str] = {}
    columns = ["doc_id", "speaker", "description", "speaker_as_written", "speaker_type", "speaker_organisation"]
    rows = list(zip(*(out[c].tolist() for c in columns), strict=True)) if len(out) else []
    for doc_id, speaker, description, *_ in rows:
        if speaker and description:
            descriptions.setdefault((doc_id, speaker), description)
    if corpus is not None and len(out):
        texts = dict(zip(corpus["doc_id"].tolist(), corpus[text].tolist(), strict=True))
        for key in {(doc_id, speaker) for doc_id, speaker, *_ in rows if speaker}:
            if key in descriptions:
                continue
            body = texts.get(key[0], "")
            surname = re.escape(key[1].split()[-1])
            match = re.search(rf"((?:{TITLES})\s+)?{re.escape(key[1])},?\s+((?:of|a|an|the|who|founder|chief|head|director|prosecuting|defending)[^.\"\u201c]{{0,120}})", body)
            if match:
                descriptions[key] = f"{match.group(1) or ''}{match.group(2)}".strip()
            else:
                match = re.search(rf"(?:{TITLES})\s+(?:[A-Z][a-z]+\s+)?{surname}\b", body)
                if match:
                    descriptions[key] = match.group(0)
    roles, organisations = [], []
    cache: dict[tuple, tuple[str, str]] = {}
    for doc_id, speaker, description, as_written, speaker_type, speaker_organisation in rows:
        description = descriptions.get((doc_id, speaker), description) if speaker else description
        context = f"{description} {as_written}"
        key = (context, speaker_type, speaker_organisation, bool(speaker))
        if key in cache:
            role, organisation = cache[key]
        elif speaker_type == "organisation" and speaker_organisation:
            role, organisation = role_of(f"{context} {speaker_organisation}", "", extra_organisations)
            organisation = organisation or speaker_organisation
            if role == "other":
                role = organisation_role(speaker_organisation) or "other"
        elif speaker or as_written:
            role, organisation = role_of(context, speaker, extra_organisations)
        else:
            role, organisation = "other", ""
        cache[key] = (role, organisation)
        roles.append(role)
        organisations.append(organisation)
    out["role"] = roles
    out["organisation"] = organisations
    return out


# --------------------------------------------------------------------------- source profiles

def source_profile(quotes: pd.DataFrame, corpus: pd.DataFrame, by: str = "outlet_type", *, n_boot: int = 1000, random_state: int = 0, first_only: bool = False) -> pd.DataFrame:
    """Share of quotes by speaker role within each group, with cluster-bootstrap intervals
    (articles are resampled, with all their quotes, within each group).

    Speech only: rows whose ``kind`` is not ``speech`` are left out.  ``first_only=True``
    counts only each article's first quote: who is quoted first.  Returns ``group``,
    ``role``, ``share``, ``lower``, ``upper``, ``quotes``, ``articles``.

    Example
    -------
    >>> corpus = pd.DataFrame({"doc_id": ["a", "b"], "outlet_type": ["tabloid", "tabloid"]})
    >>> quotes = pd.DataFrame({"doc_id": ["a", "b"], "part": [1, 1], "start": [0, 0], "role": ["police", "public"]})
    >>> source_profile(quotes, corpus, n_boot=10)[["group", "role", "share", "quotes"]].values.tolist()
    [['tabloid', 'police', 0.5, 1], ['tabloid', 'public', 0.5, 1]]
    """
    table = quotes[quotes["part"] == 1]
    if "kind" in table:
        table = table[table["kind"] == "speech"]
    table = table.merge(corpus[["doc_id", by]], on="doc_id")
    if first_only:
        table = table.sort_values(["doc_id", "start"]).drop_duplicates("doc_id")
    roles = sorted(table["role"].unique())
    order = pd.Index(corpus["doc_id"])
    rng = np.random.default_rng(random_state)
    rows = []
    for group, part in table.groupby(by, sort=True):
        per_article = pd.crosstab(part["doc_id"], part["role"]).reindex(columns=roles, fill_value=0)
        # articles in corpus order, not sorted by id: the bootstrap then depends only on the
        # corpus, not on how its documents happen to be named
        per_article = per_article.iloc[np.argsort(order.get_indexer(per_article.index), kind="stable")]
        counts = per_article.to_numpy(dtype=float)
        totals = counts.sum(axis=0)
        share = totals / totals.sum()
        index = rng.integers(0, len(counts), size=(n_boot, len(counts)))
        boot = counts[index].sum(axis=1)
        boot = boot / boot.sum(axis=1, keepdims=True)
        lower, upper = np.quantile(boot, [0.025, 0.975], axis=0)
        for j, role in enumerate(roles):
            rows.append({"group": group, "role": role, "share": round(share[j], 4), "lower": round(lower[j], 4), "upper": round(upper[j], 4),
                         "quotes": int(totals[j]), "articles": len(counts)})
    return pd.DataFrame(rows)


_PARAPHRASE = re.compile(rf"\b(?P<who>(?:(?:{TITLES})\s+)*{NAME}|[Hh]e|[Ss]he|[Tt]hey)\s+{_VERB}\s+(?:that\s+)?(?=[a-z])")


def paraphrases(corpus: pd.DataFrame, *, text: str = "text") -> pd.DataFrame:
    """Reported (indirect) speech outside quote marks: "X said (that) ..." sentences.

    Returns ``doc_id``, ``speaker_as_written`` and ``sentence`` for each, so quoted and
    paraphrased voices can be compared.

    Example
    -------
    >>> paraphrases(pd.DataFrame({"doc_id": ["a"], "text": ["Smith said the plan had failed."]}))["speaker_as_written"].tolist()
    ['Smith']
    """
    from presslens.text import sentences

    rows = []
    for doc_id, value in corpus[["doc_id", text]].itertuples(index=False, name=None):
        for sentence in sentences(value):
            if any(m in sentence for m in OPEN_MARKS + CLOSE_MARKS):
                continue
            match = _PARAPHRASE.search(sentence)
            if match:
                rows.append({"doc_id": doc_id, "speaker_as_written": match.group("who"), "sentence": sentence})
    return pd.DataFrame(rows, columns=["doc_id", "speaker_as_written", "sentence"])
