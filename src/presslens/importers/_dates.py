"""Date lines of press exports in any interface language, read through ``dateparser``.

Nexis and Factiva write the publication date in the language of the interface the export
was made from (``29 décembre 2011``, ``4. März 2021``, ``2011 年 12 月 29 日``) and, in
Nexis, follow it on the same line with the weekday, an edition, a time and a time zone
(``March 3, 2019 Sunday, Late Edition - Final``, ``July 1, 2019 Monday 5:02 PM EST``).
:func:`split_date_line` finds the date at the start of such a line, reads it with
``dateparser`` (restricted to :data:`LANGUAGES`, day before month when the order is in
doubt, day, month and year all required) and returns the rest as weekday, time and
edition.  Results are cached: an export repeats the same few dates thousands of times.
"""

from __future__ import annotations

import re
from datetime import datetime
from functools import lru_cache
from typing import NamedTuple

LANGUAGES = ["en", "fr", "de", "es", "it", "nl", "pt", "zh", "ja"]
_SETTINGS = {"PREFER_DAY_OF_MONTH": "first", "REQUIRE_PARTS": ["day", "month", "year"], "DATE_ORDER": "DMY",
             "RELATIVE_BASE": datetime(2000, 1, 1), "PARSERS": ["custom-formats", "absolute-time"]}
_WORD = r"[^\W\d_]{3,}\.?"
# the date at the start of a line: "March 3, 2019", "3 March 2019", "4. März 2021",
# "3 de marzo de 2019", "2011 年 12 月 29 日", "2019-03-03", "03/03/2019"
_DATE_AT_START = re.compile(
    r"^\s*(?:(?P<wd>" + _WORD + r"),?\s+)?(?P<date>"
    + _WORD + r"\s+\d{1,2},?\s+\d{4}"
    + r"|\d{1,2}\.?\s+(?:de\s+)?" + _WORD + r",?\s+(?:de\s+)?\d{4}"
    + r"|\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日"
    + r"|\d{4}-\d{2}-\d{2}"
    + r"|\d{1,2}[./]\d{1,2}[./]\d{4}"
    + r")(?P<rest>.*)$", re.IGNORECASE)
_TIME = re.compile(r"(?:^|\s)(\d{1,2}[:.]\d{2}(?:[:.]\d{2})?(?:\s*[AaPp]\.?[Mm]\.?)?(?:\s+(?:[A-Z]{2,5}|GMT[+-]\d{1,2}))?)(?=\s|,|$)")


class DateLine(NamedTuple):
    """A date line taken apart: ``date`` (ISO ``YYYY-MM-DD``), ``weekday``, ``time``
    (with its zone, as written) and ``edition`` (what remains), all strings."""

    date: str
    weekday: str
    time: str
    edition: str


@lru_cache(maxsize=20_000)
def parse_date(text: str) -> str:
    """A written date in any of :data:`LANGUAGES` as ISO ``YYYY-MM-DD``, or ``""``.

    Example
    -------
    >>> parse_date("29 décembre 2011"), parse_date("4. März 2021"), parse_date("2011 年 12 月 29 日")
    ('2011-12-29', '2021-03-04', '2011-12-29')
    >>> parse_date("Late Edition")
    ''
    """
    import dateparser

    value = dateparser.parse(" ".join(text.split()), languages=LANGUAGES, settings=_SETTINGS)
    return value.strftime("%Y-%m-%d") if value is not None else ""


@lru_cache(maxsize=2_000)
def is_weekday(word: str) -> bool:
    """Whether a single word is a weekday name in one of :data:`LANGUAGES`.

    Example
    -------
    >>> is_weekday("Sunday"), is_weekday("Sonntag"), is_weekday("Final")
    (True, True, False)
    """
    import dateparser

    word = word.strip(" ,.")
    if not word.isalpha():
        return False
    value = dateparser.parse(word, languages=LANGUAGES, settings={"RELATIVE_BASE": datetime(2000, 1, 1), "PARSERS": ["relative-time", "absolute-time"]})
    # a weekday is read as a relative date, a month name is not (or reads as a full date)
    return value is not None and dateparser.parse(f"1 {word} 2000", languages=LANGUAGES, settings=_SETTINGS) is None


@lru_cache(maxsize=20_000)
def split_date_line(line: str) -> DateLine | None:
    """A line that starts with a date (after an optional weekday) taken apart, or
    ``None`` when the line does not start with a readable date.

    Example
    -------
    >>> split_date_line("March 3, 2019 Sunday, Late Edition - Final")
    DateLine(date='2019-03-03', weekday='Sunday', time='', edition='Late Edition - Final')
    >>> split_date_line("July 1, 2019 Monday 5:02 PM EST")
    DateLine(date='2019-07-01', weekday='Monday', time='5:02 PM EST', edition='')
    >>> split_date_line("Police warn against stings") is None
    True
    """
    match = _DATE_AT_START.match(" ".join(line.replace("\xa0", " ").split()))
    if not match:
        return None
    leading = match.group("wd") or ""
    if leading and not is_weekday(leading):
        return None
    date = parse_date(match.group("date"))
    if not date:
        return None
    rest = match.group("rest").strip(" ,;")
    weekday = leading.strip(" ,")
    words = rest.split()
    if words and is_weekday(words[0].strip(",")):
        weekday = weekday or words[0].strip(",")
        rest = rest[len(words[0]):].strip(" ,;")
    time = ""
    found = _TIME.search(rest)
    if found:
        time = found.group(1).strip()
        rest = (rest[: found.start(1)] + rest[found.end(1):]).strip(" ,;")
    return DateLine(date, weekday, time, " ".join(rest.split()))
