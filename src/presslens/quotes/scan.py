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
    ABBREVIATIONS,
    INITIALS,
    INITIALS_WORD,
    NAME_PARTICLE,
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


# A surname used alone as a person's: after an honorific ("Mr Sunak", "Ms. Okonjo-Iweala") or just before (or before an
# apposition and) a cue verb, or after one, with no capitalised word before it ("Mokoena said", "Mokoena, who ..., said", "said
# Mokoena."): backs a full name whose first name the list lacks.
_CUED_SURNAME = re.compile(r"(?=[A-Z])(?:(?:Mr|Mrs|Ms|Miss|Dr)\.?\s+(?P<titled>[A-Z][\w'\u2019-]+)\b|(?P<before>[A-Z][\w'\u2019-]+)(?:,[^,.;\"\u201c\u201d]{2,100},)?\s+(?:said|says|told|added|adds)\b)"
                           r"|\b(?:said|says|added)\s+(?P<after>[A-Z][\w'\u2019-]+)(?=[.,;]|\s+(?:on|in|at|when|after|adding)\b)")


def cued_surnames(text: str) -> frozenset[str]:
    """The capitalised words an article uses alone as a person's surname (see above).

    Example
    -------
    >>> sorted(cued_surnames('Rishi Sunak met Tshepo Mokoena. "No," Mokoena said. Mr Sunak agreed. The White House said no.'))
    ['Mokoena', 'Sunak']
    """
    found = set()
    for match in _CUED_SURNAME.finditer(text):
        word = match.group("titled") or match.group("after") or match.group("before")
        if match.group("before") and re.search(r"[A-Z][\w'\u2019.-]*\s+$|\b(?:the|The|a|A|an|An)\s+$", text[max(0, match.start() - 40): match.start()]):
            continue  # "The White House said", "the company said": not a surname alone
        if word not in OPENERS and word not in ORG_WORDS and word not in TITLE_WORDS:
            found.add(word)
    return frozenset(found)


# Capitalised words that open a sentence before a surname and are no first name: the openers and "Neither Cruz", "Does Rubio", "Former Carson"
_NO_FIRST_NAME = OPENERS | frozenset("""Neither Either See Does Did Do Is Was Were Are Has Had Have Can Could Would Should Will Shall Might Must Former Ex Even Only Just
Says Said Told Meet Let Dear Via Per Actress Actor Singer Hacker Rapper Star Legend Veteran Mayor Rival Fellow Team Coach Boss
Captain Striker Keeper First Top Young Old New Big Little Senior Junior Republican Democrat Democratic Conservative Liberal Labour
Tory Presidential Candidate Nominee Aide Adviser Advisor Pollster Strategist Frontrunner Whose Olympian Paralympian Olympic World
European Champion Skipper Defender Midfielder Winger Forward Goalkeeper Manager Chairman Chief Deputy Acting General Minister
Secretary Energy Finance Trade Foreign Defence Defense Interior Justice Health Treasury Agriculture Industry American British
English Scottish Welsh Irish French German Spanish Italian Dutch Belgian Swiss Swedish Norwegian Danish Russian Chinese Japanese
Korean Indian Pakistani Australian Canadian Mexican Brazilian Argentine African Kenyan Nigerian Ethiopian Jamaican Israeli Iranian
Iraqi Turkish Greek Polish Portuguese""".split())  # (and descriptions:
# "American Dent", "Olympian Tomlinson", "Energy Minister Subroto")


def unlisted_name(words: list[str], text: str, cued) -> bool:
    """Whether two capitalised words whose first the first-name list lacks are still a person's
    name ("Rishi Sunak", "Tshepo Mokoena"): the surname is used alone as a person's elsewhere
    (``cued()``, see :func:`cued_surnames`) and the first word is no word the text also writes in
    lower case ("Neither Cruz", "Despite Weaver").

    Example
    -------
    >>> text = 'Tshepo Mokoena spoke. Neither Mokoena nor anyone else agreed, neither then nor later. "No," Mokoena said.'
    >>> unlisted_name(["Tshepo", "Mokoena"], text, lambda: cued_surnames(text)), unlisted_name(["Neither", "Mokoena"], text, lambda: cued_surnames(text))
    (True, False)
    """
    return len(words) == 2 and words[0] not in _NO_FIRST_NAME and words[0].isalpha() and words[0][:-1] not in TITLE_WORDS and words[1] in cued() \
        and re.search(rf"\b{words[0].lower()}\b", text) is None


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
        self._cued = None

    def cued(self) -> frozenset[str]:
        """:func:`cued_surnames` of the text, read once when first asked for."""
        if self._cued is None:
            self._cued = cued_surnames(self._text)
        return self._cued

    def __getitem__(self, index: int):
        index = index % 2
        if self._parts[index] is None:
            self._parts[index] = scan_names(self._text, self.cued) if index == 0 else scan_organisations(self._text)
        return self._parts[index]

    def __iter__(self):
        return iter((self[0], self[1]))

    def __len__(self) -> int:
        return 2


def scan_article(text: str) -> tuple[dict[str, str], list[str]]:
    """Full names (first seen, by surname) and organisations named anywhere in the text."""
    return scan_names(text), scan_organisations(text)


def scan_names(text: str, cued=None) -> dict[str, str]:
    """Full names (first seen, by surname) named anywhere in the text (``cued``: a function
    giving :func:`cued_surnames` of the text, when the caller keeps it)."""
    names: dict[str, str] = {}
    cued = cued or (lambda: cued_surnames(text))
    for match in FULL_NAME_SCAN.finditer(text):
        words = match.group("name").split()
        if INITIALS_WORD.fullmatch(words[0]) and len(words) > 2:
            words = words[1:]  # "F.B.I. Director Ann Lee": an agency's initials before an office, not a person's ("H.W. Pryce" is)
        titled = False
        while words and (words[0] in OPENERS or strip_title_dot(words[0]) in TITLE_WORDS or words[0] in ORG_WORDS):
            titled = titled or strip_title_dot(words[0]) in TITLE_WORDS  # ("Dr Ann Lee", not "The Olympian Tomlinson")
            words = words[1:]
        if len(words) < 2 or any(w in ORG_WORDS or w in OPENERS for w in words) or PLACE.search(" ".join(words)):
            continue
        if any(w.endswith(".") and len(w) > 2 and w[:-1].lower() not in ABBREVIATIONS and not INITIALS_WORD.fullmatch(w) for w in words[:-1]):
            continue  # "Tax Policy Center. Proposals": a sentence end, not a name
        if not titled and first_name_gender(words[0]) is None and first_name_gender(words[0].rstrip(".")) is None and len(words[0].rstrip(".")) > 1 \
                and not INITIALS_WORD.fullmatch(words[0]):
            if not unlisted_name(words, text, cued):
                continue  # "United States", "Vietnam War": no first name and no title (nor "Mr Sunak" or "Mokoena said" elsewhere)
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
