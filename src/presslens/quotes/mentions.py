"""Step 3 of the quote pipeline, first half: a speaker phrase read as an entity (mention, title,
description, canonical name, type, gender).  The registry of the people an article names is in
:mod:`presslens.quotes.speakers`, which also re-exports :class:`Speaker` and :func:`parse_speaker`.

Part of :mod:`presslens.quotes`; see its docstring for the pipeline and references.
"""

from __future__ import annotations

import copy as _copy  # (speed: see the end of this module)
import re
from dataclasses import dataclass
from functools import lru_cache as _lru_cache
from functools import wraps as _wraps

from presslens.quotes.coref import description_head, pronoun_of
from presslens.quotes.subjects import STATE
from presslens.quotes.vocabulary import (
    ABBREVIATIONS,
    HONORIFICS_FEMALE,
    HONORIFICS_MALE,
    INITIALS,
    OPENERS,
    ORG_NOUNS,
    ORG_WORDS,
    PARTICLES,
    PRONOUNS,
    RX3,
    RX4,
    RX5,
    RX6,
    RX7,
    RX8,
    RX9,
    SPOKES,
    TITLE_WORDS,
    first_name_firm,
    first_name_gender,
    gazetteer,
)

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


# A document as the speaker ("the statement said", "The letter, signed by ..., said", "the report said"): who issued it is
# the speaker, when the phrase or the text before it says so.
DOCUMENT = re.compile(r"^(?:[Tt]he|[Aa]n?|[Ii]ts|[Tt]heir)\s+(?:(?:joint|brief|written|official|final|short|two-page|annual)\s+)?"
                      r"(?P<doc>statement|communique|communiqu\u00e9|letter|press release|release|announcement|filing|circular|report)\b"
                      r"(?:[^,]{0,40}?\b(?:by|from)\s+(?P<by>[^,]{2,60}))?")
_WHO = r"(?P<who>(?:[A-Z][\w&.'\u2019-]*\s+){0,4}[A-Z][\w&.\u2019'-]*)"
_PAPERS = r"(?:statement|communique|communiqu\u00e9|letter|release|announcement|filing|circular|report)"
_ISSUER = (re.compile(r"(?P<who>(?:[A-Z][\w&.'\u2019-]*\s+){0,4}[A-Z][\w&.\u2019'-]*(?:\s+(?:council|government|ministry|company|club|league|board|"
                      r"police|force|group|party|committee|union|firm|federation|association|authority))?)(?:['\u2019]s?)?\s+(?:has\s+|had\s+)?(?:said|says|announced|added|confirmed|"
                      r"stated|declared|issued|released|sent|published|wrote|warned)\s+(?:\w+\s+){0,3}?(?:in\s+)?(?:a|an|its|their)\s+(?:[\w-]+\s+){0,2}?"
                      + _PAPERS + r"\b"),
           re.compile(r"(?:statement|communique|communiqu\u00e9|letter|release|announcement|report)\s+(?:was\s+)?(?:issued|released|sent|published|signed|"
                      r"written|produced|commissioned)?\s*by\s+(?:the\s+)?" + _WHO),
           # "The Police Federation called for more officers in its annual report", "the Harbour Board's report"
           re.compile(_WHO + r"\s+(?:[a-z][\w-]*\s+){1,8}?in\s+(?:its|their)\s+(?:[\w-]+\s+){0,2}?" + _PAPERS + r"\b"),
           re.compile(_WHO + r"['\u2019]s?\s+(?:[\w-]+\s+){0,2}?report\b"))
# An organisation as the subject of a sentence before its verb ("The Northmoor Police Federation called ...", "Elmford Council said
# it would ...", "The council has ..."), or the source "according to" an organisation: what a later '"...," it said' refers to.
# Not "The council leader said" (a person), "News footage showed" or "Council tax rose".
_ORG_NAMES = "|".join(sorted(w for w in ORG_WORDS if w[0].isupper() and len(w) > 2))
_BODY_SUBJECT = (r"(?:^|[.!?][\"\u201d\u2019']?\s+)\W{0,3}(?:(?:But|And|Meanwhile|However|Earlier|Later|Now|Separately|Instead|Yesterday|Today|"
                 r"Last\s+\w+|On\s+\w+|In\s+(?:a|an|its|their)\s+[^,.\"\u201c\u201d]{1,60}),?\s+)?(?P<who>(?:[Tt]he\s+)?(?:(?:[A-Z][\w&'\u2019-]*\s+){0,4}(?:"
                 + _ORG_NAMES + r"{known})|(?:[a-z]+\s+)?(?:" + "|".join(ORG_NOUNS) + r")))"
                 r"(?:\s*,[^,.;\"\u201c\u201d]{2,120}?,)?\s+(?:[a-z]+ly\s+|also\s+|then\s+|later\s+|has\s+|had\s+|have\s+|was\s+|is\s+|will\s+|would\s+|could\s+|did\s+|does\s+)?"
                 r"(?!(?:members|officers|officials|leaders|elections|services|staff|bosses|chiefs|figures|rules|plans|offices|"
                 r"this|his|its|us|as|plus|less|across)\b)(?:[a-z]{2,}(?:ed|s)|said|told|made|gave|took|wrote|sent|put|set|met|won|lost|spent|paid|"
                 r"led|held|kept|left|found|thought|brought|began|became|saw|chose|rose|ran|will|would|could|can|may|might|must|should|has|had|have|"
                 r"is|was|are|were|says|said)\b")
_ACCORDING_TO_BODY = re.compile(r"\baccording\s+to\s+(?:the\s+)?(?P<who>(?:[A-Z][\w&'\u2019-]*\s+){0,4}(?:" + _ORG_NAMES + r"))\b")


@_lru_cache(maxsize=256)
def _body_subject(known: tuple[str, ...]) -> re.Pattern:
    return re.compile(_BODY_SUBJECT.replace("{known}", "".join("|" + re.escape(k) for k in known if k[:1].isupper())))


_PRONOUN_ISSUERS = frozenset("it they he she we this that".split())


def reads_as_body(speaker: Speaker) -> bool:
    """Whether a speaker read as a person has no title and no known first name, so that as the issuer
    of a statement it is a body ("Harbourlight said in a statement", "Elmford Rovers said in a statement")."""
    return speaker.type == "person" and not speaker.title and first_name_gender(speaker.name.split()[0]) is None


def document_issuer(mention: str, before: str, known: tuple[str, ...] = ()) -> str:
    """Who issued the document a speaker phrase names ("the statement", "The letter from the
    league", "the report"): the issuer the phrase gives, else the last one the text before it names
    ("Harbour Town said in a statement", "a letter signed by Ann Lee"); "" when neither does.
    For "it", the organisation (a type word names it, or it is one of ``known``) that is the last
    subject or issuer in ``before``; "" when there is none: "it" is never a person.

    Example
    -------
    >>> document_issuer("the statement", "Elmford Ferries said in a statement on Monday that fares would rise.")
    'Elmford Ferries'
    >>> document_issuer("The letter from the Harbour Board", ""), document_issuer("the statement", "Fares rose.")
    ('Harbour Board', '')
    >>> document_issuer("it", "The Northmoor Police Federation called for more officers. Ann Lee agreed."), document_issuer("it", "Ann Lee agreed.")
    ('Northmoor Police Federation', '')
    >>> document_issuer("the report", "The World Bank said in its annual report that growth would slow.")
    'World Bank'
    """
    it = mention.lower() == "it"
    match = None if it else DOCUMENT.match(mention)
    if match is None and not it:
        return ""
    if match is not None and match.group("by"):
        issuer = re.sub(r"^(?:the|its|their|his|her)\s+", "", match.group("by").strip())
        return issuer if issuer[:1].isupper() else ""
    if match is not None and match.group("doc") == "report" and mention[:1] in "aA":
        return ""  # "a report said": some report, not the one named before
    before = before[-1500:]
    found = [m for pattern in _ISSUER for m in pattern.finditer(before)]
    if it:
        found = [m for m in found if (issuer := parse_speaker(m.group("who"))).type != "person" or m.group("who").split()[-1] in ORG_WORDS
                 or reads_as_body(issuer)]  # "Harbourlight", "Elmford Rovers said in a statement"
        found += list(_body_subject(tuple(known)).finditer(before)) + list(_ACCORDING_TO_BODY.finditer(before))
    found = [m for m in found if m.group("who").lower() not in _PRONOUN_ISSUERS]  # ("It said in its annual report": whoever "it" is)
    if not found:
        return ""
    who = max(found, key=lambda m: m.start("who")).group("who")
    if it and who.split()[-1].islower():
        return "the " + who.split()[-1]  # "The council has ...": the organisation named before with that type word
    words = who.split()
    while words and words[0] in ("The", "A", "An", "But", "And", "In", "On", "Earlier", "Later", "However"):
        words = words[1:]
    if len(words) > 1 and words[-1].islower():  # "Harbour Town council" -> "Harbour Town Council": the organisation's name
        words[-1] = words[-1].capitalize()
    return " ".join(words)


# A name after an office held in a body named with "of": "Ministry of Trade official Kenji Mori",
# "Chairman of the House transport subcommittee Ed Jones" (the person is the name at the end).
_NAME_AFTER_OFFICE = re.compile(r"^(?P<desc>[A-Z][\w'-]*\s+of\s+(?:the\s+)?[^,]{2,80}?\b(?P<role>[A-Za-z][\w-]+))\s+"
                                r"(?P<name>[A-Z][\w'-]+(?:\s+[A-Z]\.)?(?:\s+[A-Z][\w'-]+){1,2})$")
_OFFICE_NOUNS = frozenset("official officials spokesman spokeswoman spokesperson director chairman chairwoman chair minister secretary aide analyst "
                          "economist officer adviser advisor manager executive president head chief member subcommittee committee counsel "
                          "commissioner superintendent inspector governor deputy".split())


_TIME_TAIL = re.compile(r"[,\s]+(?:on (?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|Twitter|X|Facebook|Instagram|\d)\b|"
                        r"last (?:week|night|month|year)|yesterday|today|tonight|earlier|later|recently|previously|this (?:week|morning|afternoon|evening)|"
                        r"after (?:the|a|an|his|her) |outside (?:the )?[a-z ]*court|in (?:a|an|his|her|its|their|the) (?:statement|interview|post|tweet|speech|email|letter|video|message|blog)|"
                        r"in (?:an? )?(?:interview|statement)|at (?:a|the) (?:rally|hearing|meeting|press conference|news conference|debate|event|briefing|vigil|launch|ceremony|summit|match|game)|"
                        r"on (?:(?:his|her|their|the team's|the squad's) )?(?:arrival|return|departure|arriving|returning|leaving)\b|"
                        r"during (?:a|an|the|his|her) |to (?:reporters|the [A-Z]|journalists|supporters|a crowd|the crowd|a rally)|"
                        r"when (?:asked|questioned)|via |through (?:a|his|her) |before (?:a|the) |as (?:he|she|they) |while |in (?:January|February|March|April|May|June|July|August|September|October|November|December)\b)"
                        r".*$")
_ORG_MENTION = re.compile(rf"^(?:[Aa]n?|[Tt]he)\s+(?:[\w'-]+\s+){{0,2}}?{SPOKES}\s+(?:for|from|at|of|with|to)\s+(?:the\s+)?(?P<org>.+)$"
                          rf"|^(?:(?:[Aa]n?|[Tt]he)\s+)?(?!(?:An?|The)\s+{SPOKES}$)(?P<org2>(?:[A-Z][\w'&.-]*\s+){{0,5}}?[A-Z][\w'&.-]*(?:\s+campaign)?)\s+{SPOKES}$")  # (also "a Lee campaign spokesman")
ORG_NOUN = re.compile(r"^(?:the|a|an)\s+(?:(?:local|county|city|borough|district|national|regional|tech|social media|[A-Z][\w'-]*)\s+)?(?P<noun>"
                       + "|".join(ORG_NOUNS) + r")$", re.IGNORECASE)
_APPOSITIVE_LEAD = re.compile(r"^(?:of|a|an|the|who|whose|which|founder|co-founder|chief|head|director|leader|member|spokes\w+|prosecuting|defending|"
                              r"representing|chair|chairman|chairwoman|president|secretary|minister|professor|lecturer|aged|now|then|former|"
                              r"his|her|their|its|\d)\b", re.IGNORECASE)
_TOKEN = re.compile(r"[A-Za-z\u00c0-\u024f][\w'\u2019.&-]*|\d[\w.,]*|[^\s\w]")


def strip_title_dot(word: str) -> str:
    return word[:-1] if word.endswith(".") else word


_NAME_WORD_RE = re.compile(INITIALS + r"|(?:[A-Z\u00c0-\u00d6\u00d8-\u00de][a-z\u00df-\u00f6\u00f8-\u00ff\u0100-\u017f]*[a-z\u00df-\u00f6\u00f8-\u00ff\u0100-\u017fA-Z\u00c0-\u00d6\u00d8-\u00de'\u2019-]*|[A-Z]\.|(?:Mc|Mac|O'|O\u2019)[A-Z\u00c0-\u00d6\u00d8-\u00de][a-z\u00df-\u00f6\u00f8-\u00ff\u0100-\u017f]+|[A-Z]{2,}[a-z]*)")


def is_name_word(word: str) -> bool:
    return word in PARTICLES or _NAME_WORD_RE.fullmatch(word) is not None


def _split_name(words: list[str]) -> tuple[str, str, str]:
    """(description, title, name) from the words of a mention without an appositive:
    'Labour leader Keir Starmer' -> ('Labour leader', '', 'Keir Starmer');
    'Sen. Ted Cruz' -> ('', 'Sen.', 'Ted Cruz')."""
    # the run of name words at the end
    k = len(words)
    while k > 0 and (is_name_word(words[k - 1]) or words[k - 1] in ("Jr.", "Sr.", "Jr", "Sr", "III", "II") or strip_title_dot(words[k - 1]) in TITLE_WORDS):
        k -= 1
    run = words[k:]
    # the last title word in the run: the name is what follows it
    cut = 0
    for i, w in enumerate(run[:-1] if run else []):
        if strip_title_dot(w) in TITLE_WORDS or (w.endswith(".") and len(w) > 2 and strip_title_dot(w).lower() in ABBREVIATIONS):
            cut = i + 1
    title_run = run[:cut]
    name = run[cut:]
    # titles before a leading description word in capitals ("Labour", "Northmoor Police")
    title_start = 0
    for i, w in enumerate(title_run):
        if strip_title_dot(w) not in TITLE_WORDS and not (w.endswith(".") and strip_title_dot(w).lower() in ABBREVIATIONS):
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
    while len(name) >= 3 and not title and first_name_gender(name[0]) is None and any(first_name_gender(w) is not None for w in name[1:-1]):
        description_words.append(name[0])  # ... and "Senate Majority Whip John Cornyn": capitalised words before the first name
        name = name[1:]
    return " ".join(description_words).strip(" ,"), title, " ".join(name)


def _pair(words: list[str]) -> tuple[str, str, str] | None:
    """(description, first person, second person) for two people named together
    ("Professors Alan Hobbs and Mary Tate", "Campaigners Ann and Tom Briggs"), else None."""
    if words.count("and") + words.count("&") != 1:
        return None
    cut = words.index("and") if "and" in words else words.index("&")
    before, second = words[:cut], words[cut + 1:]
    if not 2 <= len(second) <= 3 or not all(is_name_word(w) for w in second) or first_name_gender(second[0]) is None:
        return None
    for size in (3, 2):  # the longest run of name words before "and" that opens with a first name
        first = before[-size:]
        if len(first) == size and all(is_name_word(w) for w in first) and first_name_gender(first[0]) is not None:
            return " ".join(before[:-size]), " ".join(first), " ".join(second)
    if before and first_name_firm(before[-1]):  # "Ann and Tom Briggs": the surname shared
        return " ".join(before[:-1]), f"{before[-1]} {second[-1]}", " ".join(second)
    return None


def _office_of(head: str, tail: str) -> bool:
    """'Secretary of State Ann Lee', 'Minister of Justice Ann Lee': a title word, 'of', the office
    and then a person's name (not 'Professor Ann Lee of Whitcombe College')."""
    words = tail.split()[1:]
    return strip_title_dot(head.split()[-1]) in TITLE_WORDS and len(words) >= 3 and all(is_name_word(w) for w in words) \
        and any(first_name_gender(w) is not None for w in words[1:-1])


# a person's name and the outlet or place they speak or write in: "Ben Cole in The Ledger", "Ann Lee on Town Talk"
_NAME_IN_OUTLET = re.compile(r"^(?P<head>[A-Z][\w'.-]+(?:\s+[A-Z][\w'.-]+){1,2})\s+(?P<tail>(?:in|on|for|at)\s+(?:[Tt]he\s+)?[A-Z][\w'.&-]*(?:\s+[A-Z][\w'.&-]*){0,3})$")

_SOMEONE_IN_PLACE = re.compile(r"^(?:a|an|one)\s+(?:[a-z][\w-]*\s+){1,3}(?:in|from|at)\s+[A-Z][\w.'-]*(?:\s+[A-Z][\w.'-]*){0,2}(?:,\s+[A-Z][\w.'-]*(?:\s+[A-Z][\w.'-]*)?)?$")


def _parse_speaker(phrase: str) -> Speaker:
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
    >>> s = parse_speaker("Professors Alan Hobbs and Mary Tate")
    >>> (s.name, s.description, s.type)
    ('Alan Hobbs and Mary Tate', 'Professors', 'person')
    >>> parse_speaker("Ben Cole in The Ledger").name
    'Ben Cole'
    >>> parse_speaker("a woman in Dunmore, Ohio").type
    'unnamed'
    >>> s = parse_speaker("Former Secretary of State Ann Lee")
    >>> (s.name, s.description)
    ('Ann Lee', 'Former Secretary of State')
    """
    mention = " ".join(RX3.sub("", phrase).replace("\u2019", "'").split()).strip(" ,;:")
    mention = RX4.sub("", mention)
    mention = _TIME_TAIL.sub("", mention).strip(" ,")
    last = mention.rsplit(None, 1)[-1] if mention else ""
    if last.endswith(".") and len(last) > 3 and "." not in last[:-1] and last[:-1].lower() not in ABBREVIATIONS:
        mention = mention[:-1]  # a full stop left by "(D-Md.)." or a cut sentence, not an initial or "Jr."
    # a leading clause: "Asked about the plan, she" / "Before the hearing, Smith"
    match = RX5.match(mention)
    if match:
        mention = match.group("rest")
    speaker = Speaker(mention=mention)
    if not mention:
        return speaker
    match = RX6.search(mention)
    if match:
        mention = speaker.mention = match.group(1)
    mention = speaker.mention = pronoun_of(mention) or mention  # "She regularly", "his daughters, who he"
    if mention.lower() in PRONOUNS:
        speaker.type = "pronoun"
        speaker.gender = {"he": "m", "she": "f"}.get(mention.lower(), "")
        return speaker
    match = _ORG_MENTION.match(mention)
    if match:
        org = (match.group("org") or match.group("org2") or "").strip(" ,.")
        org = RX7.split(org)[0].strip()
        speaker.type, speaker.description = "organisation", mention
        speaker.name = org if org[:1].isupper() else ""
        if not speaker.name and org:
            speaker.name = f"the {org}" if not org.lower().startswith("the ") else org
        return speaker
    match = ORG_NOUN.match(mention)
    if match:
        speaker.type, speaker.description, speaker.name = "organisation", mention, ""
        return speaker
    head, tail = mention, ""
    if "," in mention:
        first, rest = mention.split(",", 1)
        first, rest = first.strip(), rest.strip()
        parts = [p.strip() for p in rest.split(",")]
        if first and " " not in first and first_name_gender(first) is None and parts[0] and all(is_name_word(w) for w in parts[0].split()) \
                and len(parts[0].split()) >= 2 and first_name_gender(parts[0].split()[0]) is not None:
            head, tail = parts[0], ", ".join([first.lower()] + parts[1:])  # "Defending, Priya Nandakumar"
        elif first and parts[0] and not (STATE.fullmatch(parts[0]) and re.search(r"\b(?:of|in|from)\s+[A-Z][\w.'-]*(?:\s+[A-Z][\w.'-]*)?$", first)) \
                and _APPOSITIVE_LEAD.match(parts[0] if not is_name_word(parts[0].split()[0]) or parts[0].split()[0] in OPENERS else "x") is None \
                and all(is_name_word(w) for w in parts[0].split()) and not all(is_name_word(w) for w in first.split()):
            head, tail = parts[0], ", ".join([first] + parts[1:])  # "his sister, Karen Dawlish"
        else:
            head, tail = first, rest
    words = head.split()
    if not words:
        return speaker
    if words[0] in ("the", "The") and len(words) > 1 and words[-1][:1].isupper() and description_head(head)[0]:
        speaker.description = mention  # "the Scot", "the Labour MP", "the Dunmore Republican": a description, not a name
        return speaker
    late = _NAME_AFTER_OFFICE.match(head)
    late = late if late and (late.group("role").lower() in _OFFICE_NOUNS or first_name_gender(late.group("name").split()[0]) is not None) else None
    if late:
        head, tail = late.group("name"), ", ".join(x for x in (late.group("desc"), tail) if x)  # "Ministry of Trade official Kenji Mori"
        words = head.split()
    of_match = RX8.match(head)
    if not late and of_match and not all(is_name_word(w) or strip_title_dot(w) in TITLE_WORDS for w in of_match.group("tail").split()[:1]) \
            and not _office_of(of_match.group("head"), of_match.group("tail")):
        head, tail = of_match.group("head"), ", ".join(x for x in (of_match.group("tail"), tail) if x)  # "Professor Leon Grady of Whitcombe College"
        words = head.split()
    if _SOMEONE_IN_PLACE.match(mention):  # "a woman in Dunmore, Ohio": someone unnamed, not the place
        speaker.type, speaker.description = "unnamed", mention
        return speaker
    in_match = _NAME_IN_OUTLET.match(head)
    if in_match and in_match.group("head").split()[0] not in OPENERS | {"The"} and first_name_gender(in_match.group("head").split()[0]) is not None:
        head, tail = in_match.group("head"), ", ".join(x for x in (in_match.group("tail"), tail) if x)  # "Ben Cole in The Ledger": the writer
        words = head.split()
    pair = _pair(words)
    if pair:  # "Professors Alan Hobbs and Mary Tate": both of them
        speaker.type, speaker.name = "person", f"{pair[1]} and {pair[2]}"
        speaker.description = ", ".join(x for x in (pair[0], tail) if x)
        return speaker
    description, title, name = split_name(words)
    description = ", ".join(x for x in (" ".join(x for x in (description, title) if x), tail) if x)
    speaker.title, speaker.description = title, description
    first_title = strip_title_dot(title.split()[0]) if title else ""
    speaker.gender = "m" if first_title in HONORIFICS_MALE else "f" if first_title in HONORIFICS_FEMALE else ""
    if not name:
        speaker.type = "unnamed"
        return speaker
    name_words = name.split()
    organisation = any(strip_title_dot(w) in ORG_WORDS for w in name_words[1:]) or (len(name_words) == 1 and name_words[0] in ORG_WORDS) \
        or (not title and name in gazetteer().get("organisations", {}))
    if organisation and not title:
        speaker.type, speaker.name = "organisation", name
        if RX9.search(description):
            speaker.description = ""
        return speaker
    if name_words[0] in OPENERS:
        return speaker
    speaker.type, speaker.name = "person", name
    return speaker


# Speed (issue 17): split_name and parse_speaker are pure functions of their words, called once per
# name mention and per attribution; the same names and phrases recur within an article and across a
# corpus, so their results are cached (a parsed Speaker is copied out, as callers change its fields).
@_lru_cache(maxsize=65536)
def _split_name_cached(words: tuple[str, ...]) -> tuple[str, str, str]:
    return _split_name(list(words))


@_wraps(_split_name)
def split_name(words: list[str]) -> tuple[str, str, str]:
    return _split_name_cached(tuple(words))


_parse_speaker_cached = _lru_cache(maxsize=65536)(_parse_speaker)


@_wraps(_parse_speaker)
def parse_speaker(phrase: str) -> Speaker:
    return _copy.copy(_parse_speaker_cached(phrase))
