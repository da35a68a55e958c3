"""Speakers as the subject of the sentence that holds or introduces a quote (issue 17).

Part of step 2 of :mod:`presslens.quotes` (attribution): when no cue verb sits next to the
speaker, the speaker is the grammatical subject of the sentence, found behind leading
clauses ("Later on Sunday, ...", "When asked whom she backed, ..."), with a description
before the name ("conservative commentator Jane Roe") or an appositive after it, and before
any verb ("shot back:", "put it:", "condemned ... and called for ...").
"""

from __future__ import annotations

import re

from presslens.quotes.vocabulary import NAME, OPENERS, TITLES, VERB, first_name_gender

# Past and present forms of common verbs that do not end in -ed/-s.
_IRREGULAR = ("put|shot|went|took|gave|made|hit|struck|spoke|wrote|began|kept|felt|found|held|led|left|sent|set|told|thought|saw|came|"
              "became|drew|threw|broke|chose|rose|fought|brought|bought|sought|ran|won|lost|stood|said|let|cut|got|knew|meant|read|grew|flew|"
              "blew|spent|paid|laid|sold|sat|met|fled|hid|swore|wore|tore|sang|rang|stuck|spun|stole|sank|forgot|understood|undertook|"
              "withdrew|oversaw|dug|hung|swung|quit|shut|spread|cast|hurt|upheld|built|lent|bent|dealt|slammed|spoke|woke|gave|forgave")
# A subject: description words allowed before the name, a bracketed party label or an appositive after it.
_SUBJECT_ANY = re.compile(
    rf"^(?P<who>(?:\d{{1,3}}-year-old\s+)?(?:(?:[A-Z][\w.'\u2019-]*\s+){{1,3}}of\s+)?(?:(?:[A-Z][\w.'\u2019-]*|[a-z][\w-]*)\s+){{0,4}}?(?:(?:{TITLES}|[A-Z][a-z]+\.)\s+)*{NAME}(?:\s+\([^)]{{1,20}}\))?"
    rf"(?:,(?!\s*(?:he|she|they|we|I)\b)[^!?;:\"\u201c\u201d]{{2,140}}?,)?|He|She)\s+(?:[a-z]+ly\s+)?(?:also\s+|then\s+|later\s+|earlier\s+|further\s+|once\s+|had\s+|has\s+|have\s+|was\s+|is\s+|"
    rf"will\s+|would\s+|did\s+|does\s+|only\s+)?(?!(?:does|as|this|his|its|us|yes|less|unless|thus|whereas|across)\b)"
    rf"(?P<verb>[a-z]+(?:ed|es|s)|{_IRREGULAR})\b"
    r"(?!\s+(?:were|are|was|is|have|had|has|will|would|could|can|may|might|should|must|did|do|say|said|who)\b)")
_UNCLOSED = re.compile(rf"^(?P<who>(?:(?:{TITLES}|[A-Z][a-z]+\.)\s+)*{NAME},\s+(?:the|a|an|its|his|her|their)\s[^,;:!?\"\u201c\u201d]{{2,100}}?)\s+(?:also\s+)?{VERB}\b")
_LEAD_WORDS = re.compile(r"^(?:and|but|or|so|yet|then|still|however|meanwhile|instead|also|later|earlier|now)\s*,?\s+", re.IGNORECASE)
_NOT_SUBJECT = OPENERS - {"He", "She"}
_NOT_FIRST = frozenset("""as if when while after before although though because despite like unlike besides perhaps maybe unless whether
once until upon across among amid against additionally twenty thirty forty fifty sixty seventy eighty ninety hundred two three four five
six seven eight nine ten eleven twelve fifteen multiple several numerous various""".split())


def _suffixes(sentence: str):
    """The sentence and what follows each comma or dash in it, left to right."""
    yield sentence
    for match in re.finditer(r",\s+|\s+[\u2014\u2013-]{1,2}\s+", sentence):
        yield sentence[match.end():]


def sentence_subject(sentence: str) -> str | None:
    """The person or organisation that is the subject of a sentence (behind leading clauses),
    or None.

    Example
    -------
    >>> sentence_subject("Later on Sunday, Labour councillor Amy Hale hit out at the plan, calling it")
    'Labour councillor Amy Hale'
    >>> sentence_subject("When asked whom she backed, Ms. Rowe smiled and")
    'Ms. Rowe'
    >>> sentence_subject("Asked about the delay, the minister shrugged") is None
    True
    """
    text = _LEAD_WORDS.sub("", sentence.strip())
    match = _UNCLOSED.match(text)  # "Sam Lau, the party's spokesman said in a statement."
    if match:
        return match.group("who")
    for part in _suffixes(text):
        part = _LEAD_WORDS.sub("", part)
        match = _SUBJECT_ANY.match(part)
        if not match:
            continue
        who = match.group("who")
        words = who.split()
        if words[0] in _NOT_SUBJECT or words[0].lower() in _NOT_FIRST or (words[0].endswith("ly") and len(words) > 1 and first_name_gender(words[0]) is None):
            continue
        return who
    return None


_CLAUSE_FIRST = _NOT_FIRST | frozenset("""a additionally months weeks days years hours moments minutes bound just only even less sooner shortly soon
amid amidst following within throughout during upon multiple several numerous various monday tuesday wednesday thursday friday saturday
sunday""".split())
CLAUSE_FIRST = _CLAUSE_FIRST  # first words of a clause or a quantity, never of a speaker's name
# A leading phrase of time or place that ends before the speaker: "Eight years ago,", "Less than an hour later,", "In Elmford, Iowa Monday,".
_TIME_LEAD = re.compile(r"^[^,]{0,60}?\b(?:ago|later|earlier|afterwards|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|"
                        r"(?:last|this|next) (?:week|month|year|night|spring|summer|autumn|fall|winter|morning|evening))\s*,"
                        r"|^[^,]{0,60}?\bon (?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday) (?:for|with|to|at|in|after|before)\b[^,]{0,40},")


def opens_with_clause(phrase: str) -> bool:
    """Whether a phrase before a cue verb opens with a clause rather than the speaker: a
    subordinator, a sentence adverb or a participle ("Additionally, ...", "Watching the
    debate, ...", "Although the council disagreed, ...", "Months after the vote, ...").

    Example
    -------
    >>> opens_with_clause("Watching the debate on Tuesday, Ann Pike"), opens_with_clause("Ann Pike, the council leader")
    (True, False)
    >>> opens_with_clause("More recently, Ann Pike")
    True
    """
    first = phrase.split()[0].strip(",") if phrase.split() else ""
    lead = phrase.split(",")[0].split()
    if len(lead) == 2 and lead[1].islower() and lead[1].endswith("ly"):  # "More recently, ...", "Most importantly, ..."
        return True
    return first.lower() in _CLAUSE_FIRST or (first[:1].isupper() and len(first) > 4 and first.endswith(("ly", "ing")) and first_name_gender(first) is None) \
        or (first[:1].isupper() and len(first) > 5 and first.endswith("ed") and first_name_gender(first) is None) \
        or _TIME_LEAD.match(phrase) is not None  # "Frustrated, Ann Pike", "Alarmed by the vote, ...", "Eight years ago, ..."


_PLACE_END = re.compile(r"\b(?:in|at|from|near|of|to)\s+[A-Z][\w.'\u2019-]*(?:\s+[A-Z][\w.'\u2019-]*){0,2}\s*,\s*$")
# A US state after a place: "OH", "Mass.", "N.Y.", "Iowa".
STATE = re.compile(r"[A-Z]{2}|[A-Z][a-z]{1,4}\.|(?:[A-Z]\.){2}|(?:Alabama|Alaska|Arizona|Arkansas|California|Colorado|Connecticut|Delaware|Florida|Georgia|"
                    r"Hawaii|Idaho|Illinois|Indiana|Iowa|Kansas|Kentucky|Louisiana|Maine|Maryland|Massachusetts|Michigan|Minnesota|Mississippi|"
                    r"Missouri|Montana|Nebraska|Nevada|New Hampshire|New Jersey|New Mexico|New York|North Carolina|North Dakota|Ohio|Oklahoma|"
                    r"Oregon|Pennsylvania|Rhode Island|South Carolina|South Dakota|Tennessee|Texas|Utah|Vermont|Virginia|Washington|"
                    r"West Virginia|Wisconsin|Wyoming)")


def lead_clause_subject(who: str) -> str | None:
    """The subject left when leading clauses are dropped from a phrase before a cue verb
    ("in a call on Dec. 2, Col. Ann Reyes, a spokeswoman" -> "Col. Ann Reyes, a spokeswoman").

    Example
    -------
    >>> lead_clause_subject("in a call with reporters on Dec. 2, Col. Ann Reyes, a spokeswoman in Basra")
    'Col. Ann Reyes, a spokeswoman in Basra'
    >>> lead_clause_subject("in the end") is None
    True
    """
    parts = list(_suffixes(who))
    for i, part in enumerate(parts[1:], 1):
        segment = parts[i - 1][: len(parts[i - 1]) - len(part)]
        if "," in part and _PLACE_END.search(segment) and STATE.fullmatch(part.split(",")[0].strip()):
            continue  # "... in Berea, OH, after winning, Gov. Ann Kasper": the state of a place, not the subject
        part = _LEAD_WORDS.sub("", part)
        first = part.split()[0] if part.split() else ""
        if "," in part and _TIME_LEAD.match(part):
            continue  # "..., New York City on Monday for his wife, former mayor Bill Dane": a place and a time, not the subject
        if part in ("he", "she") or (first[:1].isupper() and first not in _NOT_SUBJECT and not first.endswith(",")):
            return part
        if first in ("he", "she", "they") and len(parts) == i + 1:  # "Eight years ago, he backed Ann Lowe and"
            return first
        if i == len(parts) - 1 and re.fullmatch(r"(?:(?!(?:he|she|they|we|and|but|or|when|while|as|if|who|which|that|the|a|an|in|on|at|of|to|for|by|with|from)\b)"
                                                r"[a-z][\w-]*(?<!ed)(?<!ing)\s+){1,3}(?:[A-Z][\w.'\u2019-]*\s+){0,3}[A-Z][\w'\u2019-]+", part):
            return part  # "..., former mayor Bill Dane": a description in lower case before the name
        if first == "the" and "," not in part and len(part.split()) <= 6 \
                and not re.search(r"\b(?:he|she|they|we|I|when|while|as|who|which|that|because|if|and|but|after|before)\b", part):  # "Reflecting on his career, the council leader"
            return part
    return None


# A dateline opening a story: "NORTHMOOR, Pa. (AP) \u2014", "LONDON (Reuters) -".
DATELINE = re.compile(r"^\s*[A-Z][A-Z.'-]+(?: [A-Z][A-Z.'-]+)*(?:,\s*[A-Z][\w.]*(?: [A-Z\d][\w.]*)?)?\s*(?:\([\w ]{1,30}\))?\s*[\u2014\u2013\u2015-]{1,2}\s*")
AS_LEAD = re.compile(r"^[Aa]s\s+(?=[A-Z]|the\s)")
# "But as the Ledger pointed out,", "Or, as Tom Reed, a former minister, put it:": the speaker follows the "as".
AS_INSIDE = re.compile(r"^(?:(?:But|And|Or|Yet|So|Still)\b,?\s*)?(?:[a-z][^,]{0,40},\s*)?as\s+(?=[A-Z]|the\s|an?\s)")
_CUE_IN = re.compile(rf"\b{VERB}\b")


def cue_subject(sentence: str) -> tuple[str, str] | None:
    """(subject, cue) for a sentence before a quote with a cue verb that is not next to its
    subject, or one ending in a colon ("When asked, Ms. Rowe smiled and said,", "Vance
    shot back:").

    Example
    -------
    >>> cue_subject("When asked whom she backed, Ms. Rowe smiled and said,")
    ('Ms. Rowe', 'said')
    >>> cue_subject("Councillor Ann Pike hit out at the plan on Monday:")
    ('Councillor Ann Pike', 'colon')
    >>> DATELINE.sub("", "ELMFORD, Dec. 8 (UPI) \u2014 Ann Pike said:")
    'Ann Pike said:'

    """
    verbs = list(_CUE_IN.finditer(sentence))
    verb = verbs[-1] if verbs else None
    if not verb and not sentence.rstrip().endswith(":"):
        return None
    who = sentence_subject(sentence)
    return (who, verb.group(0).lower() if verb else "colon") if who else None


_NAMED = rf"(?:(?:{TITLES}|[A-Z][a-z]+\.)\s+)*[A-Z][\w'\u2019-]+(?:\s+(?:[A-Z][\w'\u2019.-]+|de|van|von|al)){{0,3}}"
_AFTER_ANY_VERB = re.compile(rf"^\s*(?P<who>{_NAMED}|[Hh]e|[Ss]he|(?:[Aa]n?|[Tt]he)\s+(?:[a-z][\w-]*\s+){{0,3}}?[A-Za-z][\w-]*)\s+"
                             r"(?:[a-z]+ly\s+|has\s+|had\s+|have\s+|would\s+|will\s+|later\s+|also\s+)?(?P<verb>[a-z]{3,}ed|said|told|wrote)"
                             r"(?:\s+(?:back|on|out|up))?\s*(?:[.,;]|$|\s+(?:while|as|during|after|before|at|in|on|to)\s)"
                             r"|^\s*,?\s*(?P<verb2>according to)\s+(?P<who2>(?:[^.;:!?\"\u201c\u201d]|(?<=\b(?:Mr|Ms|Dr|St|Lt|Jr))\.|(?<=\b(?:Mrs|Sen|Rep|Gov|Gen|Col))\.|(?<=\b[A-Z])\.){2,80}?)"
                             r"(?<!\bMrs)(?<!\b(?:Mr|Ms|Dr|St|Lt|Jr))(?<!\b(?:Sen|Rep|Gov|Gen|Col))(?<!\b[A-Z])\s*[.;]")
_AFTER_ANY_VERB_FIRST = re.compile(rf"^\s*(?P<verb>[a-z]{{3,}}ed)\s+(?P<who>{_NAMED}(?:\s+of\s+[A-Z][\w'\u2019-]*(?:\s+[A-Z][\w'\u2019-]*)?)?)\s*(?:[.,;]|$)")


def after_any_verb(tail: str) -> tuple[str, str] | None:
    """(speaker, verb) for a short attribution after a quote with a verb that is not a usual
    cue verb, ending the sentence: '"...," Vance fumed.', '"...," the adviser wondered.',
    '"...," reacted Vance.'

    Example
    -------
    >>> after_any_verb(" Ms. Pike fumed. She left.")
    ('Ms. Pike', 'fumed')
    >>> after_any_verb(" reacted Dana Whitcombe.")
    ('Dana Whitcombe', 'reacted')
    >>> after_any_verb(" according to a report by the Northmoor Ledger.")
    ('a report by the Northmoor Ledger', 'according to')
    >>> after_any_verb(" the crowd in the hall") is None
    True
    """
    match = _AFTER_ANY_VERB.match(tail) or _AFTER_ANY_VERB_FIRST.match(tail)
    if match and match.groupdict().get("who2"):
        return match.group("who2"), "according to"
    if not match or match.group("who").split()[0] in _NOT_SUBJECT:
        return None
    who = match.group("who")
    return (who[:-1] if who.endswith(".") and len(who.split()[-1]) > 3 else who), match.group("verb")


_INVERTED_COLON = re.compile(rf"^(?P<verb>[A-Z][a-z]+ed)\s+(?P<who>{_NAMED})\s*:\s*$")


def paragraph_subject(sentence: str) -> tuple[str, str] | None:
    """(speaker, cue) that a paragraph made only of a quotation inherits from the last
    sentence of the paragraph before it, when that paragraph quotes no one: its subject
    ("Ann Pike was upbeat about the result.", "Vance echoed:", "Added Vance:").

    Example
    -------
    >>> paragraph_subject("Councillor Ann Pike was upbeat about the result.")
    ('Councillor Ann Pike', 'preceding sentence')
    >>> paragraph_subject("Echoed Dana Whitcombe:")
    ('Dana Whitcombe', 'colon')
    """
    match = _INVERTED_COLON.match(sentence.strip())
    if match:
        return match.group("who"), "colon"
    who = sentence_subject(sentence)
    if not who:
        return None
    return who, "colon" if sentence.rstrip().endswith(":") else "preceding sentence"


_CUE_OR_ACCORDING = re.compile(rf"\b(?:{VERB}|according to)\b", re.IGNORECASE)


def names_no_one(paragraph: str, runs) -> bool:
    """Whether a paragraph, outside its quoted ``runs`` (from
    :func:`~presslens.quotes.spans.candidate_spans`), has no cue verb and no "according to":
    a quotation that does not say whose it is.

    Example
    -------
    >>> from presslens.quotes.spans import candidate_spans
    >>> p = '"We have earned this." She smiled.'
    >>> names_no_one(p, candidate_spans(p)), names_no_one('"We won," she said.', candidate_spans('"We won," she said.'))
    (True, False)
    """
    cuts = [0] + [x for start, end, _, _ in runs for x in (max(0, start - 1), end + 1)] + [len(paragraph)]
    return not _CUE_OR_ACCORDING.search(" ".join(paragraph[cuts[i]: cuts[i + 1]] for i in range(0, len(cuts), 2)))
