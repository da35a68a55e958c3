"""Speakers as the subject of the sentence that holds or introduces a quote (issue 17).

Part of step 2 of :mod:`presslens.quotes` (attribution): when no cue verb sits next to the
speaker, the speaker is the grammatical subject of the sentence, found behind leading
clauses ("Later on Sunday, ...", "When asked whom she backed, ..."), with a description
before the name ("conservative commentator Jane Roe") or an appositive after it, and before
any verb ("shot back:", "put it:", "condemned ... and called for ...").
"""

from __future__ import annotations

import re

from presslens.quotes.vocabulary import NAME, OPENERS, TITLES

# Past and present forms of common verbs that do not end in -ed/-s.
_IRREGULAR = ("put|shot|went|took|gave|made|hit|struck|spoke|wrote|began|kept|felt|found|held|led|left|sent|set|told|thought|saw|came|"
              "became|drew|threw|broke|chose|rose|fought|brought|bought|sought|ran|won|lost|stood|said|let|cut|got|knew|meant|read")
# A subject: description words allowed before the name, a bracketed party label or an appositive after it.
_SUBJECT_ANY = re.compile(
    rf"^(?P<who>(?:[A-Z][\w.'\u2019-]*\s+)?(?:[a-z][\w-]*\s+){{0,3}}(?:(?:{TITLES}|[A-Z][a-z]+\.)\s+)*{NAME}(?:\s+\([^)]{{1,20}}\))?"
    rf"(?:,(?!\s*(?:he|she|they|we|I)\b)[^!?;:\"\u201c\u201d]{{2,140}}?,)?|He|She)\s+(?:[a-z]+ly\s+)?(?:also\s+|then\s+|later\s+|once\s+|had\s+|has\s+|have\s+|was\s+|is\s+|"
    rf"will\s+|would\s+|did\s+|does\s+|only\s+)?(?!(?:does|as|this|his|its|us|yes|less|unless|thus|whereas|across)\b)"
    rf"(?P<verb>[a-z]+(?:ed|es|s)|{_IRREGULAR})\b")
_LEAD_WORDS = re.compile(r"^(?:and|but|or|so|yet|then|still|however|meanwhile|instead|also|later|earlier|now)\s*,?\s+", re.IGNORECASE)
_NOT_SUBJECT = OPENERS - {"He", "She"}


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
    for part in _suffixes(text):
        part = _LEAD_WORDS.sub("", part)
        match = _SUBJECT_ANY.match(part)
        if not match:
            continue
        who = match.group("who")
        words = who.split()
        if words[0] in _NOT_SUBJECT or words[0].lower() in ("as", "if", "when", "while", "after", "before", "although", "though", "because"):
            continue
        return who
    return None


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
    for part in list(_suffixes(who))[1:]:
        part = _LEAD_WORDS.sub("", part)
        first = part.split()[0] if part.split() else ""
        if part in ("he", "she") or (first[:1].isupper() and first not in _NOT_SUBJECT and not first.endswith(",")):
            return part
    return None
