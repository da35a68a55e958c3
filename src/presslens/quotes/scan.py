"""Step 3 of the quote pipeline, the scanning half: the names and organisations an article gives
anywhere in its text (full names by surname, organisations), the sentence pieces of a stretch of text,
and the name mentions inside a sentence.  :mod:`presslens.quotes.speakers` builds its register of
people and organisations from these.

Part of :mod:`presslens.quotes`; see its docstring for the pipeline and references.
"""

from __future__ import annotations

import re

from presslens.quotes.mentions import strip_title_dot
from presslens.quotes.vocabulary import (
    INITIALS,
    INITIALS_WORD,
    NAME_PARTICLE,
    ABBREVIATIONS,
    OPENERS,
    ORG_WORDS,
    PERIOD,
    RX15,
    TITLE_WORDS,
    first_name_gender,
)

# (each scan opens with a lookahead for the capital every match starts with, so the engine skips other positions at once: speed)
# (a straight single mark before a full name opens a quotation unless a letter comes before it: "He said: 'Dean Pryce is ..." names Dean Pryce, as
# a double mark would; "O'Neil" is no "Neil")
FULL_NAME_SCAN = re.compile(r"(?=[A-Z\u00c0-\u00d6\u00d8-\u00de])(?<![\w.-])(?<![\w.-]')(?P<name>(?:" + INITIALS + r"|[A-Z\u00c0-\u00d6\u00d8-\u00de][a-z\u00df-\u00f6\u00f8-\u00ff\u0100-\u017fA-Z\u00c0-\u00d6\u00d8-\u00de]+\.?(?:[-'\u2019](?!s\b)[A-Z\u00c0-\u00d6\u00d8-\u00de]?[a-z\u00df-\u00f6\u00f8-\u00ff\u0100-\u017f]+)?)(?: (?:" + INITIALS + r"|" + NAME_PARTICLE + r"|[A-Z]\.|[A-Z\u00c0-\u00d6\u00d8-\u00de][a-z\u00df-\u00f6\u00f8-\u00ff\u0100-\u017fA-Z\u00c0-\u00d6\u00d8-\u00de]+\.?(?:[-'\u2019](?!s\b)[A-Z\u00c0-\u00d6\u00d8-\u00de]?[a-z\u00df-\u00f6\u00f8-\u00ff\u0100-\u017f]+)?|(?:Mc|Mac)[A-Z\u00c0-\u00d6\u00d8-\u00de][a-z\u00df-\u00f6\u00f8-\u00ff\u0100-\u017f]+)){1,5})(?![\w'-])"
                             r"(?:,\s+(?P<description>(?:of|a|an|the|who|founder|co-founder|chief|head|director|prosecuting|defending|leader|member)\b[^,.;\"\u201c]{0,100}))?")
ORG_SCAN = re.compile(r"(?=[A-Z])(?<![\w'-])(?P<org>(?:[A-Z][\w'&-]*\s+){0,4}(?:" + "|".join(sorted(w for w in ORG_WORDS if w[0].isupper() and len(w) > 2)) + r"))\b")


MENTION_SCAN = re.compile(r"(?=[A-Z\u00c0-\u00d6\u00d8-\u00de])(?<![\w'\u2019.-])(?P<name>(?:" + INITIALS + r"|(?:[DO]['\u2019](?=[A-Z]))?[A-Z\u00c0-\u00d6\u00d8-\u00de][a-z\u00df-\u00f6\u00f8-\u00ff\u0100-\u017fA-Z\u00c0-\u00d6\u00d8-\u00de]+\.?(?:[-'\u2019](?!s\b)[A-Z\u00c0-\u00d6\u00d8-\u00de]?[a-z\u00df-\u00f6\u00f8-\u00ff\u0100-\u017f]+)?)(?: (?:" + INITIALS + r"|" + NAME_PARTICLE + r"|[A-Z]\.|(?:[DO]['\u2019](?=[A-Z]))?[A-Z\u00c0-\u00d6\u00d8-\u00de][a-z\u00df-\u00f6\u00f8-\u00ff\u0100-\u017fA-Z\u00c0-\u00d6\u00d8-\u00de]+\.?(?:[-'\u2019](?!s\b)[A-Z\u00c0-\u00d6\u00d8-\u00de]?[a-z\u00df-\u00f6\u00f8-\u00ff\u0100-\u017f]+)?|(?:Mc|Mac)[A-Z\u00c0-\u00d6\u00d8-\u00de][a-z\u00df-\u00f6\u00f8-\u00ff\u0100-\u017f]+)){0,5})"
                           r"(?![\w-]|['\u2019](?!s\b))"  # "Briggs's been": a subject; "Obama's speech": a mention (not "Barack")
                           r"(?:,\s+(?P<age>\d{1,3})\b)?(?:,\s+(?P<description>(?:of|a|an|the|who|founder|co-founder|chief|head|director|prosecuting|defending|leader|member)\b[^,.;\"\u201c]{0,100}))?")
# Places and days read as names: "San Diego", "North Dakota", "Madison Square Garden", "South Dakota Tuesday".
PLACE = re.compile(r"^(?:Rio de|San|Santa|Los|Las|El|New|North|South|East|West|Fort|Port|Saint|St\.?|Mount|Lake|Middle|Far|Near)\s|\s(?:Square|Garden|Street|Avenue|"
                    r"Road|Park|Island|Islands|County|City|Valley|Beach|Hill|Hills|Bay|River|Airport|Station|Monday|Tuesday|Wednesday|"
                    r"Thursday|Friday|Saturday|Sunday)$")


def mention_matches(piece: str):
    """The name matches of a sentence in text order, with the names inside a description read
    as part of the name before it ("Santa Catarina, a worker named Antonio Arroyo has ...")."""
    for match in MENTION_SCAN.finditer(piece):
        yield match
        if match.group("description"):
            yield from MENTION_SCAN.finditer(piece, match.start("description"), match.end("description"))


def sentence_pieces(text: str):
    """(piece, ends_a_sentence) for the sentences of a stretch of text."""
    start = 0
    for match in PERIOD.finditer(text):
        if text[match.start()] == ".":
            before = text[start: match.start()]
            last_word = before.rsplit(None, 1)[-1].lower().lstrip("(") if before.strip() else ""
            if last_word in ABBREVIATIONS or len(last_word) == 1 or "." in last_word or RX15.fullmatch(last_word):
                continue
        yield text[start: match.end()].lstrip(), True  # (no leading space: a name opening the sentence is at its start)
        start = match.end()
    if start < len(text):
        yield text[start:], False


class ArticleScan:
    """:func:`scan_article` of a text, read as ``scan[0]`` (names) and ``scan[1]`` (organisations),
    each only when first asked for (speed, issue 17: the organisations are seldom needed)."""

    def __init__(self, text: str):
        self._text, self._parts = text, [None, None]

    def __getitem__(self, index: int):
        index = index % 2
        if self._parts[index] is None:
            self._parts[index] = (scan_names, scan_organisations)[index](self._text)
        return self._parts[index]

    def __iter__(self):
        return iter((self[0], self[1]))

    def __len__(self) -> int:
        return 2


def scan_article(text: str) -> tuple[dict[str, str], list[str]]:
    """Full names (first seen, by surname) and organisations named anywhere in the text."""
    return scan_names(text), scan_organisations(text)


def scan_names(text: str) -> dict[str, str]:
    """Full names (first seen, by surname) named anywhere in the text."""
    names: dict[str, str] = {}
    for match in FULL_NAME_SCAN.finditer(text):
        words = match.group("name").split()
        if INITIALS_WORD.fullmatch(words[0]) and len(words) > 2:
            words = words[1:]  # "F.B.I. Director Ann Lee": an agency's initials before an office, not a person's ("H.W. Pryce" is)
        written = len(words)
        while words and (words[0] in OPENERS or strip_title_dot(words[0]) in TITLE_WORDS or words[0] in ORG_WORDS):
            words = words[1:]
        if len(words) < 2 or any(w in ORG_WORDS or w in OPENERS for w in words) or PLACE.search(" ".join(words)):
            continue
        if any(w.endswith(".") and len(w) > 2 and w[:-1].lower() not in ABBREVIATIONS and not INITIALS_WORD.fullmatch(w) for w in words[:-1]):
            continue  # "Tax Policy Center. Proposals": a sentence end, not a name
        titled = len(words) < written
        if not titled and first_name_gender(words[0]) is None and first_name_gender(words[0].rstrip(".")) is None and len(words[0].rstrip(".")) > 1 \
                and not INITIALS_WORD.fullmatch(words[0]):
            continue  # "United States", "Vietnam War": no first name and no title
        names.setdefault(words[-1], " ".join(words))
    return names


def scan_organisations(text: str) -> list[str]:
    """Organisations named anywhere in the text."""
    organisations = []
    for match in ORG_SCAN.finditer(text):
        words = match.group("org").split()
        while words and words[0] in OPENERS:
            words = words[1:]
        if words:
            organisations.append(" ".join(words))
    return organisations
