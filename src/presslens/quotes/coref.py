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
# Title abbreviations and the role nouns they stand for ("Sen. Ted Cruz" ... "the Texas senator").
_TITLE_ROLES = {"sen": {"senator", "lawmaker", "legislator"}, "gov": {"governor"}, "pres": {"president"}, "secy": {"secretary"},
                "rep": {"representative", "congressman", "congresswoman", "lawmaker", "legislator"}, "cllr": {"councillor"},
                "mp": {"mp", "lawmaker"}, "supt": {"superintendent"}, "insp": {"inspector"}, "det": {"detective"}}
_ROLE = "|".join(sorted((re.escape(w) for w in ROLE_NOUNS), key=len, reverse=True))
# A definite description at the start of a sentence, before its verb: "The Vermont senator declined",
# "But the former governor has said", "The 45-year-old father of two told".
DESCRIPTION_SUBJECT = re.compile(
    rf"^\s*(?:(?:But|And|Yet|Still|However|Later|Earlier|Meanwhile|Instead|Now|Then|Also|Again|[A-Z][a-z]+ly),?\s+)?(?P<description>[Tt]he\s+(?:(?:former|then|"
    rf"longtime|veteran|outgoing|embattled|[\d]+-year-old|[A-Z][\w.'-]*|[a-z]+-[a-z]+)\s+){{0,4}}(?P<noun>{_ROLE})"
    rf"(?:\s+of\s+(?:two|three|four|five|state|defence|defense|[A-Z][\w'-]*(?:\s+[A-Z][\w'-]*)?))?)"
    rf"(?:['\u2019]s\s+[a-z]+)?,?\s+(?:[a-z]+ly\s+|also\s+|then\s+|has\s+|had\s+|was\s+|is\s+|will\s+|would\s+|did\s+)?"
    rf"(?!of\b|and\b|or\b|in\b|who\b|that\b)[a-z]+")  # ("The Florida senator's answer was": about him)
# A role noun just before a name ("Foreign Ministry spokesman Lu Kang"): a person, also with a first name the
# name list does not know.
ROLE_BEFORE = re.compile(rf"(?<![\w-])(?:{'|'.join(w for w in ROLE_NOUNS if w.islower())})\s+$")
# ... and a name after a description at the start of its clause ("Foreign Ministry spokesman Lu Kang repeated"): a subject.
ROLE_SUBJECT_BEFORE = re.compile(rf"(?:^|[.!?:;]\s+|,\s+)(?:(?:But|And)\s+)?(?:(?:[Tt]he|[Aa]n?)\s+)?(?:[\w'.-]+\s+){{0,5}}?"
                                 rf"(?:{'|'.join(w for w in ROLE_NOUNS if w.islower())})\s+$")
# The same anywhere in a stretch of text (a cheap test before reading it sentence by sentence).
DESCRIPTION_ANYWHERE = re.compile(rf"(?:^|[.!?]\s+)(?:(?:But|And),?\s+)?[Tt]he\s+(?:\S+\s+){{0,4}}(?:{_ROLE})\b")
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
    """(role noun, gender it carries) of a definite description, or ``("", "")``.

    Example
    -------
    >>> description_head("The Vermont senator")
    ('senator', '')
    >>> description_head("the 52-year-old businesswoman")
    ('businesswoman', 'f')
    >>> description_head("a local shopkeeper")
    ('', '')
    """
    match = DESCRIPTION_SUBJECT.match(description.strip() + " x")
    if not match:
        return "", ""
    noun = match.group("noun")
    return noun, ROLE_NOUNS.get(noun, "")


def _words(text: str) -> set[str]:
    return {w.strip(".,()").lower() for w in text.replace("-", " ").split() if w.strip(".,()")}


def description_referent(description: str, candidates: list[tuple[str, str, str, str, int]], *, fallback: bool = False) -> str:
    """The person a definite description refers back to.

    ``candidates`` are ``(name, known description, title, gender, sentences back)``, nearest
    first.  The nearest person whose description or title holds both the role noun and the
    capitalised words of the description ("The Northmoor MP" / "Northmoor MP") is taken,
    else the nearest with one of its capitalised words ("The Vermont senator" / "Vermont
    Sen."), else, for a description without capitalised words, the nearest with its role
    noun ("the senator" / "Sen.").  With ``fallback`` (a description with a
    capitalised modifier, the house way of referring back to someone already named), the
    nearest person with its role noun (and no capitalised word known to describe them)
    within three sentences is taken when none matches, else the nearest person of
    agreeing gender there.

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
    """
    noun, gender = description_head(description)
    if not noun:
        return ""
    wanted = noun.lower()
    capitals = {w.strip(".,").lower() for w in description.split()[1:] if w[:1].isupper() and w != noun}
    agreeing = [c for c in candidates if not (gender and c[3] and gender != c[3])]
    roles = {c[0]: _words(c[1]) | {r for w in _words(c[2]) for r in _TITLE_ROLES.get(w, {w})} for c in agreeing}
    named = {c[0]: _words(c[1]) | _words(c[2]) for c in agreeing}
    for test in ((lambda n: wanted in roles[n] and capitals <= named[n]), (lambda n: bool(capitals & named[n])),
                 (lambda n: wanted in roles[n] and not capitals)):
        match = next((c[0] for c in agreeing if test(c[0])), "")
        if match:  # role and words first ("The Northmoor MP": the MP, not the Northmoor police officer), then the words, then the role
            return match
    if fallback and capitals:
        match = next((c[0] for c in agreeing if wanted in roles[c[0]] and c[4] <= 3 and not re.search(r"\b[A-Z]", c[1])), "")
        if match:  # "The Vermont senator" when no senator is known to be from elsewhere: the nearest senator
            return match
        for name, _known, _title, person_gender, back in candidates:
            if back > 3:
                break
            if not (gender and person_gender and gender != person_gender):
                return name
    return ""


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
