"""Step 1 of the quote pipeline: candidate spans between quote marks (double and single, curly and straight, nested).

Part of :mod:`presslens.quotes`; see its docstring for the pipeline and references.
"""

from __future__ import annotations

import re

from presslens.quotes.vocabulary import RX0, RX1, RX2, SINGLE_CLOSE, SINGLE_OPEN

# --------------------------------------------------------------------------- step 1: candidate spans

# A single line break ends a paragraph when the line ends a sentence (or a quotation) and the
# next line starts one: web copy often separates paragraphs so; hard-wrapped lines break mid-sentence.
_LINE_BREAK = re.compile("(?<=[.!?\u201d\"\u2019\u2026])[ \t\u00a0]*\n(?=[ \t]*[A-Z\"\u201c\u2018'(\u2014\u2013-])")


def paragraphs(text: str):
    r"""(offset, paragraph) for the paragraphs of a text: blocks between blank lines, and
    lines of a block that end a sentence before a line that starts one.

    Example
    -------
    >>> [p for _, p in paragraphs('One.\n\n"Two," she said.\n"Three."\nfour')]
    ['One.', '"Two," she said.', '"Three."\nfour']
    """
    start = 0
    for match in RX0.finditer(text):
        yield from _lines(text, start, match.start())
        start = match.end()
    yield from _lines(text, start, len(text))


def _lines(text: str, start: int, end: int):
    if "\n" not in text[start:end]:
        yield from _unflatten(text, start, end)
        return
    for match in _LINE_BREAK.finditer(text, start, end):
        yield from _unflatten(text, start, match.start())
        start = match.end()
    yield from _unflatten(text, start, end)


# A mark that opens a quotation after a finished sentence: '... comes. "As long ...'
_REOPENING = re.compile('(?<=[.!?\u2026])[\'\u2019)]?[ \t\u00a0]+(?=["\u201c][^\\s"\u201d])')


def _unflatten(text: str, start: int, end: int):
    r"""Split a paragraph where a flattened paragraph break shows: a quotation that runs over
    paragraphs opens each of them with a mark and closes only the last, so when the breaks
    are lost (scraped pages, some dataset copies join a story's paragraphs with spaces) a
    quotation still open at the end of a sentence followed by an opening mark is the end of
    one paragraph and the start of the next.  The mark's direction is read from the spaces
    beside it (an opening mark is glued to the word after it, a closing one to the word
    before it); a quotation that is closed, or a mark inside a sentence (a nested quotation),
    splits nothing.

    Example
    -------
    >>> t = '"I am ready," said Lee. "I train hard. "It is my year." Lee won.'
    >>> [t[s:s + len(p)] == p for s, p in _unflatten(t, 0, len(t))], [p for _, p in _unflatten(t, 0, len(t))]
    ([True, True], ['"I am ready," said Lee. "I train hard.', '"It is my year." Lee won.'])

    A straight mark typed for an apostrophe neither opens nor closes a quotation:

    >>> t = '"I am ready," said Lee. "I beat Elmford"s best. "It is my year." Lee won.'
    >>> [p for _, p in _unflatten(t, 0, len(t))]
    ['"I am ready," said Lee. "I beat Elmford"s best.', '"It is my year." Lee won.']
    """
    if sum(text.count(mark, start, end) for mark in "\"\u201c\u201d") < 3:
        yield start, text[start:end]
        return
    breaks = {m.end(): m.start() for m in _REOPENING.finditer(text, start, end)}
    if not breaks:
        yield start, text[start:end]
        return
    is_open = False
    for match in _DOUBLE_MARK.finditer(text, start, end):
        i, ch = match.start(), match.group(0)
        if _typed_apostrophe(text, i, start):
            continue  # (India"s: no quote mark, so it neither opens nor closes)
        before = text[i - 1] if i > start else " "
        after = text[i + 1] if i + 1 < end else " "
        opens = ch == "\u201c" and not (not before.isspace() and (after.isspace() or after in ".,;:!?")) \
            or ch == '"' and (before.isspace() or before in "([{\u2014\u2013-/:") and not after.isspace()
        if not opens:
            is_open = False
            continue
        if is_open and i in breaks:
            yield start, text[start:breaks[i]]
            start = i
        is_open = True
    yield start, text[start:end]


_BLOCK = re.compile(r"(?:[ \t]*\S[^\n]*(?:\n|$))+")
_WRAPPED_BREAK = re.compile(r"\n(?=[^ \t\n])")
_INDENTED_BREAK = re.compile(r"\n[ \t]")
_SENTENCE_END = re.compile("[.!?:;\u201d\"\u2019')\u2026]$")


def unwrap(text: str) -> str:
    r"""The text with hard-wrapped lines joined, every offset kept: wire archives and plain-text
    exports break lines at about 70 characters in the middle of sentences (Reuters-21578 marks
    a paragraph by indenting its first line), which would cut a quotation from its "he said"
    and end paragraphs where none ends.  In a block of three lines or more where most lines
    are 30-90 characters long and most break in mid-sentence, a line break before an indented
    line becomes a blank line (a paragraph break) and every other line break a space; blocks
    of one paragraph per line (web copy) are left as they are.

    Example
    -------
    >>> t = "Harbour Town said on Monday it would\nsell its stake in the ferry firm to\nElmford Holdings for 12 mln dlrs.\n    \"We are pleased,\" the company\nsaid in a statement."
    >>> u = unwrap(t)
    >>> len(u) == len(t), u.split("\n")
    (True, ['Harbour Town said on Monday it would sell its stake in the ferry firm to Elmford Holdings for 12 mln dlrs.', '', '   "We are pleased," the company said in a statement.'])

    Web copy with a paragraph per line is left alone (its lines end sentences):

    >>> w = "The council met on Monday to discuss the plan.\n\"We will act,\" the leader said after it.\nThe vote is due next month, officials said."
    >>> unwrap(w) == w
    True
    """
    if text.count("\n") < 2:
        return text
    pieces, last = [], 0
    for block in _BLOCK.finditer(text):
        lines = block.group(0).rstrip("\n").split("\n")
        if len(lines) < 3:
            continue
        lengths = [len(line.strip()) for line in lines[:-1]]
        if max(len(line) for line in lines) > 100 or sum(30 <= n <= 90 for n in lengths) < 0.75 * len(lengths) \
                or sum(not _SENTENCE_END.search(line.rstrip()) for line in lines[:-1]) < 0.5 * len(lengths):
            continue
        pieces.append(text[last:block.start()])
        # a break before an indented line doubled into a paragraph break (its first indent character
        # becomes the second newline), every other break inside the block a space: same length
        pieces.append(_INDENTED_BREAK.sub("\n\n", _WRAPPED_BREAK.sub(" ", block.group(0))))
        last = block.end()
    if not pieces:
        return text
    pieces.append(text[last:])
    return "".join(pieces)


_SINGLE_MARK = re.compile("['\u2018\u2019]")
_DOUBLE_MARK = re.compile('["\u201c\u201d]')
_TYPED_APOSTROPHE = re.compile(r'"(?:s|t|re|ve|ll|d|m)(?![\w"])')


def _typed_apostrophe(text: str, i: int, start: int = 0) -> bool:
    """Whether the straight double mark at ``text[i]`` was typed for an apostrophe (India"s, don"t)."""
    return text[i] == '"' and start < i and text[i - 1].isalpha() and _TYPED_APOSTROPHE.match(text, i) is not None


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
            and not (ch == "'" and _CONTRACTION.match(paragraph, i) and (i == lo or paragraph[i - 1] in " (\n") and RX1.match(paragraph[i:i + 2]))
        if not opens:
            k += 1
            continue
        closes = []
        for m in range(k + 1, len(marks)):
            j = marks[m]
            if paragraph[j] in SINGLE_CLOSE and j > i + 1 and not paragraph[j - 1].isspace() and (j + 1 >= hi or not paragraph[j + 1].isalnum()):
                closes.append(m)
                possessive = paragraph[j - 1] in "sS" and RX2.match(paragraph[j:j + 3])
                if not possessive:
                    break
        if closes:
            end = marks[closes[-1]]
            runs.append((i + 1, end, True, "single"))
            k = closes[-1] + 1
            continue
        k += 1
    return runs


def _misused_close(paragraph: str, j: int) -> bool:
    """An opening curly mark set where a closing one belongs: glued to the word before and
    followed by a space, punctuation or the end (``the film \u201cHarbour Lights\u201c and``)."""
    return j > 0 and not paragraph[j - 1].isspace() and paragraph[j - 1] not in "([>\u2014\u2013-\"\u201c" \
        and (j + 1 == len(paragraph) or paragraph[j + 1].isspace() or paragraph[j + 1] in ".,;:!?)<]")


def candidate_spans(paragraph: str) -> list[tuple[int, int, bool, str]]:
    """Quoted runs in one paragraph, in order: ``(start, end, closed, marks)`` with the
    offsets of the words between the marks and ``marks`` = ``double`` or ``single``.

    Single marks inside a double-quoted run are nested quotes and stay part of it.

    Example
    -------
    >>> p = "Hunters \\u2018are doing our job\\u2019, says chief. \\"They are 'heroes',\\" she said."
    >>> [(p[s:e], marks) for s, e, _, marks in candidate_spans(p)]
    [('are doing our job', 'single'), ("They are 'heroes',", 'double')]

    An opening mark set for a closing one closes the run when it follows a word:

    >>> p = "She praised the film \\u201cHarbour Lights\\u201c and called it \\u201ca triumph.\\u201d"
    >>> [p[s:e] for s, e, _, _ in candidate_spans(p)]
    ['Harbour Lights', 'a triumph.']
    """
    runs: list[tuple[int, int, bool, str]] = []
    n = len(paragraph)
    last = 0
    # a straight mark typed for an apostrophe (India"s, don"t) is no quote mark
    positions = [m.start() for m in _DOUBLE_MARK.finditer(paragraph) if not _typed_apostrophe(paragraph, m.start())]
    k = 0
    while k < len(positions):
        i = positions[k]
        ch = paragraph[i]
        # a straight mark opens only where a quote can start (start, space, dash, bracket, colon)
        # (a mark between two letters where a quote may open is a missing space: 'waxed poetic about"joint ...')
        glued = ch == '"' and 0 < i < n - 1 and paragraph[i - 1].isalpha() and paragraph[i + 1].isalpha()
        if ch == "\u201d" or (ch == '"' and i > 0 and paragraph[i - 1].isalnum() and not glued):
            k += 1
            continue
        k += 1
        while k < len(positions) and paragraph[positions[k]] == "\u201c" and not _misused_close(paragraph, positions[k]):
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
