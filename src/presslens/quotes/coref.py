"""Coreference for the quote pipeline: who a "he"/"she" is, who a description as subject ("The Vermont
senator", "the former minister") is, and which of two people sharing a surname is meant.

Part of :mod:`presslens.quotes` (step 3, used by :class:`presslens.quotes.speakers.Registry`); see the
package docstring for the pipeline.  The rules follow the salience ordering of Lappin & Leass (1994)
and the sieve ordering of Lee et al. (2013): the nearest sentences first, speakers and grammatical
subjects before other mentions, gender as a filter only when it is known.
"""

from __future__ import annotations

import re

from presslens.quotes.vocabulary import first_name_firm, first_name_gender

# Role nouns a news story uses to refer back to someone it has named ("the senator", "the
# 45-year-old father of two"), with the gender the word carries (empty when it carries none).
ROLE_NOUNS = {
    "senator": "", "governor": "", "congressman": "m", "congresswoman": "f", "lawmaker": "", "legislator": "",
    "representative": "", "president": "", "candidate": "", "nominee": "", "hopeful": "", "front-runner": "",
    "frontrunner": "", "incumbent": "", "challenger": "", "mayor": "", "minister": "", "secretary": "",
    "chancellor": "", "chairman": "", "chairwoman": "f", "chair": "", "leader": "", "spokesman": "m",
    "spokeswoman": "f", "billionaire": "", "businessman": "m", "businesswoman": "f", "mogul": "", "tycoon": "",
    "star": "", "actor": "", "actress": "f", "singer": "", "host": "", "judge": "", "prosecutor": "",
    "lawyer": "", "attorney": "", "councillor": "", "councilman": "m", "councilwoman": "f", "commissioner": "",
    "founder": "", "activist": "", "campaigner": "", "pastor": "", "bishop": "", "author": "", "journalist": "",
    "economist": "", "professor": "", "coach": "", "manager": "", "striker": "", "captain": "", "veteran": "",
    "widow": "f", "widower": "m", "father": "m", "mother": "f", "businessperson": "", "MP": "", "peer": "",
    "consultant": "", "strategist": "", "pollster": "", "speechwriter": "", "aide": "", "adviser": "", "advisor": "",
    "staffer": "", "donor": "", "analyst": "", "official": "", "officer": "", "detective": "", "spokesperson": "",
    "Republican": "", "Democrat": "", "Conservative": "", "Tory": "", "Independent": "",
}
# Role nouns a verb must follow to open a description subject ("The executive added", not "The executive order was";
# "The keeper said"): police ranks, a firm's executive and sport (British and US copy), read like the others.
STRICT_ROLES = {
    "executive": "", "director": "", "inspector": "", "sergeant": "", "constable": "", "superintendent": "", "boss": "",
    "defender": "", "midfielder": "", "goalkeeper": "", "keeper": "", "goalie": "", "winger": "", "forward": "", "skipper": "",
    "full-back": "", "centre-back": "", "fly-half": "", "scrum-half": "", "batsman": "m", "batter": "", "bowler": "",
    "wicketkeeper": "", "all-rounder": "", "international": "", "player": "", "jockey": "", "trainer": "", "golfer": "",
    "boxer": "", "champion": "", "headteacher": "", "headmaster": "m", "headmistress": "f",
}
ROLE_NOUNS.update(STRICT_ROLES)
# Role nouns that name the same role ("Manager Ann Lee" ... "the Elmford boss"; "Skipper Rhys Pugh" ... "the captain").
ROLE_ALIASES = {"boss": {"manager", "coach", "chairman", "chairwoman", "chief", "executive", "director", "owner", "head"},
                "manager": {"boss"}, "coach": {"boss"}, "keeper": {"goalkeeper", "goalie"}, "goalkeeper": {"keeper", "goalie"},
                "goalie": {"keeper", "goalkeeper"}, "skipper": {"captain"}, "captain": {"skipper"}, "executive": {"boss"},
                "batter": {"batsman"}, "batsman": {"batter"}, "headteacher": {"head", "headmaster", "headmistress"}}
# A player's position and a club's or a firm's staff: a person known as one is not described as the other ("Club director
# Terry Brady" is not "the former Scotland international"; "Elmford striker Dean Pryce" is not "the defender").
_POSITIONS = {"goalkeeper": "gk", "keeper": "gk", "goalie": "gk", "wicketkeeper": "wk", "defender": "def", "full-back": "def",
              "centre-back": "def", "midfielder": "mid", "winger": "fwd", "forward": "fwd", "striker": "fwd", "fly-half": "10",
              "scrum-half": "9", "batsman": "bat", "batter": "bat", "bowler": "bowl"}
PLAYERS = frozenset(_POSITIONS) | {"international", "player", "skipper", "captain", "all-rounder"}
STAFF = frozenset("boss manager coach chairman chairwoman director executive owner chief spokesman spokeswoman spokesperson".split())
# Title abbreviations and the role nouns they stand for ("Sen. Ted Cruz" ... "the Texas senator").
_TITLE_ROLES = {"sen": {"senator", "lawmaker", "legislator"}, "gov": {"governor"}, "pres": {"president"}, "secy": {"secretary"},
                "rep": {"representative", "congressman", "congresswoman", "lawmaker", "legislator"}, "cllr": {"councillor"},
                "mp": {"mp", "lawmaker"}, "supt": {"superintendent"}, "insp": {"inspector"}, "det": {"detective"},
                "sgt": {"sergeant"}, "pc": {"constable", "officer"}, "con": {"constable"}, "dc": {"constable", "detective"},
                "ds": {"sergeant", "detective"}, "di": {"inspector", "detective"}, "dci": {"inspector", "detective"},
                "dsu": {"superintendent", "detective"}, "dcs": {"superintendent", "detective"}}
_ROLE = "|".join(sorted((re.escape(w) for w in ROLE_NOUNS if w not in STRICT_ROLES), key=len, reverse=True))
_STRICT_ROLE = "|".join(sorted((re.escape(w) for w in STRICT_ROLES), key=len, reverse=True))
# Nationalities a story uses for someone it has named ("the Scot", "the Frenchman", "the Texan"): the demonyms
# (with the gender a word carries) and the words that give the nationality beside a name ("Scottish coach",
# "Scot Tony Mills", "of Scotland"), for British and US copy (sport, courts, politics).
_NATIONS = (
    ("Scot Scotswoman:f", "scot scots scottish scotland scotswoman scotsman"), ("Englishman:m Englishwoman:f", "english england englishman englishwoman"),
    ("Welshman:m Welshwoman:f", "welsh wales welshman welshwoman"), ("Irishman:m Irishwoman:f", "irish ireland irishman irishwoman"),
    ("Briton Brit", "british britain briton brit"), ("Frenchman:m Frenchwoman:f", "french france frenchman frenchwoman"),
    ("Dutchman:m Dutchwoman:f", "dutch netherlands holland dutchman dutchwoman"), ("Spaniard", "spanish spain spaniard"),
    ("American", "american america u.s usa"), ("Australian Aussie", "australian australia aussie"), ("Kiwi", "kiwi zealand zealander"),
    ("Canadian", "canadian canada"), ("German", "german germany"), ("Italian", "italian italy"), ("Swede", "swedish sweden swede"),
    ("Dane", "danish denmark dane"), ("Norwegian", "norwegian norway"), ("Finn", "finnish finland finn"), ("Belgian", "belgian belgium"),
    ("Austrian", "austrian austria"), ("Pole", "polish poland pole"), ("Russian", "russian russia"), ("Ukrainian", "ukrainian ukraine"),
    ("Brazilian", "brazilian brazil"), ("Argentine Argentinian", "argentine argentinian argentina"), ("Mexican", "mexican mexico"),
    ("Jamaican", "jamaican jamaica"), ("Kenyan", "kenyan kenya"), ("Nigerian", "nigerian nigeria"), ("Texan", "texan texas"),
    ("Californian", "californian california"), ("Floridian", "floridian florida"), ("Yorkshireman:m Yorkshirewoman:f", "yorkshire yorkshireman yorkshirewoman"),
    ("Londoner", "london londoner"), ("Glaswegian", "glaswegian glasgow"), ("Geordie", "geordie newcastle"), ("Scouser", "scouser scouse liverpool"),
    ("Cornishman:m Cornishwoman:f", "cornish cornwall cornishman cornishwoman"), ("Ulsterman:m", "ulster ulsterman"),
)
DEMONYMS = {word.split(":")[0]: (frozenset(keys.split()), (word.split(":") + [""])[1]) for words, keys in _NATIONS for word in words.split()}
_DEMONYM = "|".join(sorted(DEMONYMS, key=len, reverse=True))
_AGE = r"\d{1,3}-year-old(?:\s+(?:man|woman|boy|girl))?"
_FAMILY = r"(?:father|mother|dad|mum|mom|grandfather|grandmother|grandad|granddad|grandma|grandpa|gran)-of-(?:one|two|three|four|five|six|seven|eight|nine|ten|\d{1,2})"
# after an age, a family or a nationality a verb must follow ("The Scot said", not "The American economy", "The 25-year-old suspect")
_VERBISH = (r"(?:said|says|told|tells|added|adds|is|was|has|had|will|would|could|can|did|does|won|lost|made|hit|took|came|went|got|spent|felt|"
            r"knew|thought|saw|left|ran|became|began|wrote|spoke|gave|kept|held|paid|set|put|sought|brought|fought|led|met|sent|heard|stood|[a-z]{2,}ed|[a-z]{2,}(?<![esu]s)(?<!er)s)\b")
# a lowercase word before the head of a description ("the presumptive Republican presidential nominee", "the billionaire businessman")
_MODIFIER = (r"(?!(?:of|the|a|an|and|or|but|to|in|on|at|by|for|with|from|who|whom|that|which|this|these|those|his|her|its|their|is|was|has|had|"
             r"said|says|told|will|would|not|no|as|if|than|then|vice|deputy|assistant|under|two|three|four|five|six|other|another|both|many|several|"
             r"some|few|all|most|more)\s)[a-z]{3,}")  # (nor are "the two other Republican candidates" one person)  # (a vice president is no president)
# A definite description at the start of a sentence, before its verb: "The Vermont senator declined",
# "But the former governor has said", "The 45-year-old father of two told", "The Scot said", "The 41-year-old, of
# Kestrel Lane, Brackenfield, told magistrates", "The mother-of-two added".
DESCRIPTION_SUBJECT = re.compile(
    rf"^\s*(?:(?:But|And|Yet|Still|However|Later|Earlier|Meanwhile|Instead|Now|Then|Also|Again|[A-Z][a-z]+ly),?\s+)?(?P<description>[Tt]he\s+(?:(?:former|then|"
    rf"longtime|veteran|outgoing|embattled|[\d]+-year-old|ex-[\w'-]+|[A-Z][\w.'-]*|[a-z]+-[a-z]+|{_MODIFIER})\s+){{0,4}}(?P<noun>{_ROLE}|(?P<strict>{_AGE}|{_FAMILY}|(?:{_DEMONYM}|{_STRICT_ROLE})(?![\w-])))"
    rf"(?:\s+of\s+(?:two|three|four|five|state|defence|defense|[A-Z][\w'-]*(?:\s+[A-Z][\w'-]*)?))?"
    rf"(?:,\s+(?:of|from)\s+[^,.;\"\u201c\u201d]{{2,40}}?(?:,\s+[A-Z][\w'-]*(?:\s+[A-Z][\w'-]*)?)?(?=,))?)"
    rf"(?:['\u2019]s\s+[a-z]+)?,?\s+(?:[a-z]+ly\s+|also\s+|then\s+|has\s+|had\s+|was\s+|is\s+|will\s+|would\s+|did\s+)?"
    rf"(?(strict){_VERBISH}|(?!of\b|and\b|or\b|in\b|who\b|that\b)[a-z]+)")  # ("The Florida senator's answer was": about him)
# A role noun just before a name ("Foreign Ministry spokesman Lu Kang"): a person, also with a first name the
# name list does not know.
ROLE_BEFORE = re.compile(rf"(?<![\w-])(?:{'|'.join(w for w in ROLE_NOUNS if w.islower())})\s+$")
# ... and a name after a description at the start of its clause ("Foreign Ministry spokesman Lu Kang repeated"): a subject.
ROLE_SUBJECT_BEFORE = re.compile(rf"(?:^|[.!?:;]\s+|,\s+)(?:(?:But|And)\s+)?(?:(?:[Tt]he|[Aa]n?)\s+)?(?:[\w'.-]+\s+){{0,5}}?"
                                 rf"(?:{'|'.join(w for w in ROLE_NOUNS if w.islower())})\s+$")
# The same anywhere in a stretch of text (a cheap test before reading it sentence by sentence).
DESCRIPTION_ANYWHERE = re.compile(rf"(?:^|[.!?]\s+)(?:(?:But|And),?\s+)?[Tt]he\s+(?:\S+\s+){{0,4}}(?:{_ROLE}|{_AGE}|{_FAMILY}|{_DEMONYM})\b")
_PRONOUN_TAIL = re.compile(r"(?:^|\b(?:who|whom|which|that|what|as|and|but|so)\s+)(?P<pronoun>he|she|they|we|I)"
                           r"(?:,\s+(?:once\s+again|again|too|also|in\s+turn|for\s+(?:his|her|their)\s+part|[a-z]+ly))?$", re.IGNORECASE)
_PRONOUN_ADVERB = re.compile(r"^(?P<pronoun>[Hh]e|[Ss]he|[Tt]hey|[Ww]e)\s+(?:(?:[a-z]+ly|also|still|even|then|later|once|again|too|"
                             r"just|now|often|never|always)\s+){1,2}$")


# A clause with a pronoun as its subject: "He then adopted a fake accent and", "Last month, she waded into", "She, too".
_PRONOUN_CLAUSE = re.compile(r"^(?:[A-Z][^,]{0,40},\s+)?['\"\u2018\u2019\s-]*(?P<pronoun>[Hh]e|[Ss]he|[Tt]hey|[Ww]e)"
                             r"(?:,?\s+(?:too|also)\b,?)?(?:\s+[a-z](?:(?!,\s)[^\"\u201c\u201d])*)?$")  # (no second clause: "they need to win, X")


def pronoun_of(mention: str) -> str:
    """The pronoun a speaker phrase comes down to, or ``""``: a pronoun with adverbs
    ("She regularly", "he also"), a clause with a pronoun as its subject ("He then adopted
    a fake accent and", "Last month, she waded into") or a clause ending in one ("... his
    daughters, who he").

    Example
    -------
    >>> pronoun_of("She regularly"), pronoun_of("his two daughters, who he"), pronoun_of("Ruth Adeyemi")
    ('She', 'he', '')
    >>> pronoun_of("Last month, he waded into the row over the budget"), pronoun_of("Heather Lowe")
    ('he', '')
    >>> pronoun_of("fix the broken system and he, once again")
    'he'

    """
    match = _PRONOUN_ADVERB.match(mention.strip() + " ") or _PRONOUN_CLAUSE.match(mention.strip())
    if match:
        return match.group("pronoun")
    match = _PRONOUN_TAIL.search(mention.strip())
    return match.group("pronoun") if match and " " in mention.strip() else ""


def description_head(description: str) -> tuple[str, str]:
    """(head, gender it carries) of a definite description, or ``("", "")``: a role noun, an
    age ("25-year-old"), a family ("mother-of-two") or a nationality ("Scot").

    Example
    -------
    >>> description_head("The Vermont senator")
    ('senator', '')
    >>> description_head("the 52-year-old businesswoman")
    ('businesswoman', 'f')
    >>> description_head("The 41-year-old, of Kestrel Lane, Brackenfield"), description_head("the mother-of-two"), description_head("the Welshman")
    (('41-year-old', ''), ('mother-of-two', 'f'), ('Welshman', 'm'))
    >>> description_head("a local shopkeeper"), description_head("the American economy")
    (('', ''), ('', ''))
    """
    match = _description_match(description)
    if not match:
        return "", ""
    noun = match.group("noun")
    if noun in DEMONYMS:
        return noun, DEMONYMS[noun][1]
    if "-of-" in noun:
        return noun, ROLE_NOUNS.get(noun.split("-")[0], "f" if noun[:3] in ("mum", "mom", "gra") and "grandf" not in noun and "grandad" not in noun
                                    and "granddad" not in noun and "grandpa" not in noun else "m" if noun[:3] == "dad" or noun[:6] in ("grandf", "grandd", "grandp") else "")
    if noun[:1].isdigit():
        return noun, "m" if noun.endswith((" man", " boy")) else "f" if noun.endswith((" woman", " girl")) else ""
    return noun, ROLE_NOUNS.get(noun, "")


_AFTER_DESCRIPTION = re.compile(rf"(?:,|['\u2019]s\b|(?:from|of|in|for)\s+(?:the\s+)?[A-Z\d]|(?:[a-z]+ly|also|then|often|never|still|later|again|once)\b|{_VERBISH})")


def _description_match(description: str):
    """The match of :data:`DESCRIPTION_SUBJECT` on a speaker phrase that is a definite description (also one read
    with its clause, "The Florida senator sought to calm ...", or an address, "The 41-year-old, of Kestrel Lane"),
    or None ("the Democrat convention committee": a noun after the description's head)."""
    head = description.split(",")[0].strip()
    match = DESCRIPTION_SUBJECT.match(head + " said")
    rest = head[match.end("description"):].strip() if match else ""
    return match if match and (not rest or _AFTER_DESCRIPTION.match(rest)) else None


def _words(text: str) -> set[str]:
    return {w.strip(".,()").lower() for w in text.replace("-", " ").split() if w.strip(".,()")}


# Nouns a story may use for the one person it is about without having given the word before ("the businessman",
# "the striker", "the veteran"); offices ("the judge", "the detective", "the senator") are not among them.
EPITHETS = frozenset("""businessman businesswoman billionaire mogul tycoon star actor actress singer veteran widow widower father mother
candidate nominee hopeful front-runner frontrunner incumbent challenger activist campaigner founder author striker captain coach manager
Republican Democrat Conservative Tory executive boss defender midfielder goalkeeper keeper goalie winger forward skipper full-back centre-back
fly-half scrum-half batsman batter bowler wicketkeeper all-rounder international player jockey trainer golfer boxer champion""".split())
# Offices a person holds, read from a description or title: someone known to hold one is not "the judge" or "the MP" by default.
OFFICES = frozenset("""senator governor congressman congresswoman lawmaker legislator representative president mayor minister secretary
chancellor chairman chairwoman chair spokesman spokeswoman spokesperson judge prosecutor lawyer attorney councillor councilman
councilwoman commissioner officer detective mp superintendent inspector constable sergeant prosecuting defending mitigating recorder
magistrate coroner sheriff""".split())
_AGE_IN = re.compile(r"(?:^|[,;(]\s*|\baged\s+)(\d{1,3})(?=\s*(?:[,;)]|$))|\b(\d{1,3})-year-old\b|\baged\s+(\d{1,3})\b")
_FAMILY_IN = re.compile(r"\b(?:father|mother|dad|mum|mom)[- ]of[- ](one|two|three|four|five|six|seven|eight|nine|ten|\d{1,2})\b", re.IGNORECASE)


def _ages(text: str) -> set[str]:
    return {a or b or c for a, b, c in _AGE_IN.findall(text)}


def _nations(words: set[str]) -> set[str]:
    return {demonym for demonym, (keys, _) in DEMONYMS.items() if keys & words}


def _facts(known: str, title: str = "") -> tuple[set[str], set[str], set[str], set[str]]:
    """(ages, nationalities, families, offices) the words known about a person give."""
    words = _words(known) | _words(title)
    offices = {r for w in words for r in _TITLE_ROLES.get(w, {w})} & OFFICES
    nations = {keys for keys in (DEMONYMS[d][0] for d in _nations(words))}
    return _ages(known), {min(k) for k in nations}, {f.lower() for f in _FAMILY_IN.findall(known)}, offices


def description_referent(description: str, candidates: list[tuple], *, fallback: bool = False, salient=None) -> str:
    """The person a definite description refers back to.

    ``candidates`` are ``(name, known description, title, gender, sentences back)``, nearest
    first, optionally with a sixth item, everything known about the person (all the words
    written beside their name: ages, nationalities).  An age ("the 41-year-old") is the
    nearest person of that age, a nationality ("the Scot") the nearest given it ("Scottish
    coach", "Scot Tony Mills"), a family ("the mother-of-two") the nearest so described.
    For a role, the nearest person whose description or title holds both the role noun and the
    capitalised words of the description ("The Northmoor MP" / "Northmoor MP") is taken,
    else the nearest with one of its capitalised words ("The Vermont senator" / "Vermont
    Sen."), else, for a description without capitalised words, the nearest with its role
    noun ("the senator" / "Sen.").  With ``fallback``, when none matches, for a description with a
    capitalised modifier (the house way of referring back to someone already named), an age, a
    nationality, a family or an epithet ("the businessman", "the striker"): the person
    ``salient(allowed, gender)`` gives (the one the story is plainly about, see
    :func:`salient_referent`) unless what is known of them says otherwise (another age,
    nationality or family; another office for an office); else, for a description with a
    capitalised modifier, the nearest person with its role noun (and no capitalised word known to
    describe them) within three sentences (without ``salient``: else the nearest person of
    agreeing gender there).

    Example
    -------
    >>> people = [("Ruth Adeyemi", "councillor", "", "f", 0), ("Tom Briggs", "Vermont", "Sen.", "m", 1)]
    >>> description_referent("The Vermont senator", people)
    'Tom Briggs'
    >>> description_referent("The Ohio senator", people), description_referent("The Ohio senator", people, fallback=True)
    ('', 'Ruth Adeyemi')
    >>> description_referent("The Ohio senator", [("Ann Lee", "", "Gov.", "f", 0), ("Tom Briggs", "", "Sen.", "m", 1)], fallback=True)
    'Tom Briggs'
    >>> description_referent("the councillor", people)
    'Ruth Adeyemi'
    >>> description_referent("the judge", people)
    ''
    >>> court = [("Sunita Varma", "prosecuting", "", "f", 0), ("Gavin Threlfall", "of Kestrel Lane, 41", "", "m", 2)]
    >>> description_referent("The 41-year-old, of Kestrel Lane", court), description_referent("the 72-year-old", court)
    ('Gavin Threlfall', '')
    >>> description_referent("the Welshman", [("Tom Hale", "English defender", "", "m", 0), ("Rhys Pugh", "Welsh forward", "", "m", 0)])
    'Rhys Pugh'
    >>> def salient(allowed, gender, other_role):  # (the registry's: the one person the story is about here)
    ...     return "Tom Hale" if allowed("Tom Hale") else ""
    >>> description_referent("the Scot", [("Tom Hale", "coach", "", "m", 1)], fallback=True, salient=salient)
    'Tom Hale'
    >>> description_referent("the Scot", [("Tom Hale", "English coach", "", "m", 1)], fallback=True, salient=salient)
    ''
    """
    noun, gender = description_head(description)
    if not noun:
        return ""
    wanted = noun.lower()
    agreeing = [c for c in candidates if not (gender and c[3] and gender != c[3])]
    facts = {c[0]: _facts(c[5] if len(c) > 5 else c[1], c[2]) for c in agreeing}
    head = _description_match(description).group("description")
    want_ages, want_families = _ages(head), {f.lower() for f in _FAMILY_IN.findall(head)}
    want_nations = {min(DEMONYMS[d][0]) for d in _nations(_words(" ".join(w for w in head.split()[1:] if w[:1].isupper())))}
    if noun in DEMONYMS:
        want_nations = {min(DEMONYMS[noun][0])}
    for wants, index in ((want_ages, 0), (want_families, 2), (want_nations if noun in DEMONYMS else set(), 1)):
        if wants:
            match = next((c[0] for c in agreeing if wants & facts[c[0]][index]), "")
            if match:  # "the 41-year-old": the person whose age was given as 41
                return match
    capitals = {w.strip(".,").lower() for w in head.split()[1:] if w[:1].isupper() and w != noun}
    roles = {c[0]: _words(c[1]) | {r for w in _words(c[2]) for r in _TITLE_ROLES.get(w, {w})} for c in agreeing}
    roles = {name: words | {w[:-1] for w in words if w.endswith("s")} for name, words in roles.items()}  # ("Morning Joe hosts Ann Lee and ...": a host)
    named = {c[0]: _words(c[1]) | _words(c[2]) for c in agreeing}
    role = wanted in ROLE_NOUNS or noun in ROLE_NOUNS
    nouns = {wanted} | ROLE_ALIASES.get(wanted, set())
    tests = ((lambda n: holds(roles[n], nouns) and capitals <= named[n]), (lambda n: bool(capitals & named[n])),
             (lambda n: holds(roles[n], nouns) and not capitals)) if role else ()
    for test in tests:
        match = next((c[0] for c in agreeing if test(c[0])), "")
        if match:  # role and words first ("The Northmoor MP": the MP, not the Northmoor police officer), then the words, then the role
            return match
    if not fallback:
        return ""

    def allowed(name: str) -> bool:
        ages, nations, families, offices = facts.get(name) or _facts("")
        if offices and (noun[:1].isdigit() or "-of-" in noun):
            return False  # "the 41-year-old", "the mother-of-two": not the detective or the judge named before
        return not ((want_ages and ages and not want_ages & ages) or (want_nations and nations and not want_nations & nations)
                    or (want_families and families and not want_families & families) or (wanted in OFFICES and offices and wanted not in offices))

    def other_role(name: str) -> float:  # "the Scotland international": not "Club director Terry Brady" named just before
        if name not in roles or not role_conflict(wanted, roles[name]):
            return 0.0
        return 1.5 if re.search(r"\b(?:former|ex-|retired)", head) else float("inf")  # (a former player may be the manager now: less sure)

    if salient is not None and (capitals or not role or noun in EPITHETS):
        match = salient(allowed, gender, other_role)
        if match:  # the one person the story is about here ("the Scot", "the 25-year-old", "the businessman", "The Florida senator")
            return match
    if role and capitals:
        match = next((c[0] for c in agreeing if wanted in roles[c[0]] and c[4] <= 3 and not re.search(r"\b[A-Z]", c[1])), "")
        if match:  # "The Vermont senator" when no senator is known to be from elsewhere: the nearest senator
            return match
    if salient is None and capitals:
        for name, _known, _title, person_gender, back, *_ in candidates:
            if back > 3:
                break
            if not (gender and person_gender and gender != person_gender):
                return name
    return ""  # ("the judge", "the detective": an office no one named is known to hold)


def holds(words: set[str], nouns: set[str]) -> bool:
    """Whether the words known of a person (split at hyphens) hold one of the role ``nouns``.

    >>> holds({"elmford", "full", "back"}, {"full-back"}), holds({"manager"}, {"boss", "manager"}), holds({"back"}, {"full-back"})
    (True, True, False)
    """
    return any(noun in words or ("-" in noun and set(noun.split("-")) <= words) for noun in nouns)


def role_conflict(wanted: str, words: set[str]) -> bool:
    """Whether a person known by ``words`` ("Club director", "Elmford striker") is plainly not the
    ``wanted`` role: a player's position for someone known only as staff, staff for someone known only
    as a player, another position for a player.

    >>> role_conflict("international", {"club", "director"}), role_conflict("defender", {"striker"}), role_conflict("boss", {"manager"})
    (True, True, False)
    >>> role_conflict("forward", {"striker"}), role_conflict("international", {"striker"})
    (False, False)
    """
    players = {w for w in PLAYERS if holds(words, {w})}
    if wanted in PLAYERS and not players:
        return bool(words & STAFF)
    if wanted in STAFF and not words & STAFF:
        return bool(players)
    if wanted in _POSITIONS:
        groups = {_POSITIONS[w] for w in players if w in _POSITIONS}
        return bool(groups) and _POSITIONS[wanted] not in groups
    return False


def salient_referent(mentions: list[tuple[int, str, bool, bool]], now: int, allowed, gender: str, genders: dict[str, str],
                     sure: dict[str, bool], since: int = -1, reach: int = 4, other_role=None) -> str:
    """The one person a story is plainly about at sentence ``now``, for a description that
    names no one known ("said the 25-year-old", "the Scot said"), or ``""``.

    ``mentions`` are ``(sentence, person, quoted as speaker, grammatical subject)`` in text
    order (as for :func:`resolve_pronoun`), none before sentence ``since`` (where someone unnamed
    became the subject: "A neighbour said ...").  The people of the nearest sentence
    with people (at most ``reach`` sentences back; in the sentence ``now`` itself only speakers and
    subjects, and no acronym) and of the two such sentences before it
    are weighed as for he/she (nearer first, a speaker before a subject before another
    mention; plus ``other_role(person)``, infinite for someone known to hold another role: "Club
    director Terry Brady" for "the Scotland international"); the best is taken only when clearly
    ahead of the next (by half a sentence, or by one and a half when only named in passing there,
    neither quoted nor a subject) and
    when ``allowed(person)`` (nothing known of them contradicts the description).

    Example
    -------
    >>> mentions = [(0, "Tom Briggs", True, True), (0, "Ruth Adeyemi", False, False)]
    >>> salient_referent(mentions, 2, lambda name: True, "", {}, {})
    'Tom Briggs'
    >>> salient_referent(mentions + [(1, "Ann Lee", False, False)], 2, lambda name: True, "", {}, {})
    ''
    >>> salient_referent(mentions, 9, lambda name: True, "", {}, {})
    ''
    """
    by_sentence: dict[int, list[tuple[str, bool, bool]]] = {}
    for sentence, name, spoke, subject in mentions:
        if sentence >= since and (sentence < now or spoke or subject) and not (name.isupper() and " " not in name) \
                and (other_role is None or other_role(name) < float("inf")):
            by_sentence.setdefault(sentence, []).append((name, spoke, subject))  # (not "FIFA", nor "Ann Lee" in "the 25-year-old told Ann Lee: ")
    scores: dict[str, float] = {}
    prominent = set()  # (quoted or the subject somewhere in the sentences weighed, not only named in passing)
    for rank, sentence in enumerate(sorted(by_sentence, reverse=True)):
        if rank > 2 or (rank == 0 and now - sentence > reach):
            break
        for name, spoke, subject in by_sentence[sentence]:
            mismatch = 0.0
            person_gender = genders.get(name, "")
            if gender and person_gender and person_gender != gender:
                if sure.get(name) or first_name_firm(name.split()[0]):
                    continue
                mismatch = 0.9
            score = rank + mismatch + (0.0 if spoke else 0.3 if subject else 1.0) + (other_role(name) if other_role is not None else 0.0)
            if spoke or subject:
                prominent.add(name)
            scores[name] = min(scores.get(name, score), score)
    ranked = sorted(scores.items(), key=lambda item: item[1])
    if not ranked or (len(ranked) > 1 and (ranked[1][1] - ranked[0][1] < (0.5 if ranked[0][0] in prominent else 1.5))):
        return ""
    return ranked[0][0] if allowed(ranked[0][0]) else ""


def namesake(name: str, gender: str, people: list[str], genders: dict[str, str]) -> str:
    """Another person named so far (``people``, in order of first mention) with ``name``'s
    surname whose gender agrees with a pronoun's ("Clinton" read as Bill Clinton, then
    "she": Hillary Clinton), or ``""``.

    Example
    -------
    >>> namesake("Bill Clinton", "f", ["Hillary Clinton", "Bill Clinton"], {"Bill Clinton": "m"})
    'Hillary Clinton'
    >>> namesake("Tom Briggs", "f", ["Tom Briggs", "Ruth Adeyemi"], {})
    ''
    """
    surname = name.split()[-1]
    for other in reversed(people):
        if other == name or other.split()[-1] != surname or " " not in other:
            continue
        other_gender = genders.get(other) or first_name_gender(other.split()[0]) or ""
        if other_gender == gender:
            return other
    return ""


def resolve_pronoun(gender: str, mentions: list[tuple[int, str, bool, bool]], genders: dict[str, str], sure: dict[str, bool],
                    alternative=None, weak: frozenset[str] | set[str] = frozenset()) -> str:
    """The person a he/she refers to (see :meth:`presslens.quotes.speakers.Registry.pronoun`).

    ``mentions`` are ``(sentence, person, quoted as speaker, grammatical subject)`` in text
    order; ``alternative(name, gender)`` may offer a namesake of agreeing gender for a person
    whose gender disagrees.  A ``weak`` person (one capitalised word that no full name, title
    or first name backs, such as a place or a holiday read as a speaker) weighs as if named
    one and a half sentences further back.

    Example
    -------
    >>> mentions = [(0, "Ruth Adeyemi", True, True), (1, "Tom Briggs", False, False)]
    >>> resolve_pronoun("f", mentions, {"Ruth Adeyemi": "f", "Tom Briggs": "m"}, {"Tom Briggs": True})
    'Ruth Adeyemi'
    >>> resolve_pronoun("m", mentions, {"Ruth Adeyemi": "f", "Tom Briggs": "m"}, {})
    'Tom Briggs'
    >>> resolve_pronoun("m", [(0, "Tom Briggs", True, True), (1, "Easter", True, False)], {"Tom Briggs": "m"}, {}, weak={"Easter"})
    'Tom Briggs'
    """
    by_sentence: dict[int, list[tuple[str, bool, bool]]] = {}
    for sentence, name, spoke, subject in mentions:
        by_sentence.setdefault(sentence, []).append((name, spoke, subject))
    best, best_score, nearest = "", None, None
    for distance, sentence in enumerate(sorted(by_sentence, reverse=True)):
        if nearest is not None and distance > nearest + 2:
            break
        for position, (name, spoke, subject) in enumerate(by_sentence[sentence]):
            person_gender = genders.get(name, "")
            mismatch = 0.0
            if gender and person_gender and person_gender != gender:
                other = alternative(name, gender) if alternative is not None else ""
                if other:
                    name, mismatch = other, 0.5  # "Clinton" read as the wrong Clinton: the one the pronoun agrees with (less sure)
                elif sure.get(name):
                    continue  # a title or an earlier he/she says otherwise
                else:
                    mismatch = 3.0 if first_name_firm(name.split()[0]) else 0.9
            nearest = distance if nearest is None else nearest
            salience = 0.0 if spoke else 0.3 if subject else 1.0
            if name in weak:
                mismatch += 1.5  # "after Easter, insisting": one word no name, title or first name backs
            score = (distance + mismatch + salience, -position if spoke else position)
            if best_score is None or score < best_score:
                best, best_score = name, score
    return best
