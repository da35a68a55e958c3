"""The corpus contract: its columns, dates, validation into kept and quarantined rows.

A corpus is a pandas DataFrame with one row per article and the required columns
``doc_id``, ``outlet``, ``published`` (UTC timestamps), ``headline`` and ``text``
(see ``docs/design.md``).  :func:`validate` checks any table against this contract and
never drops a row silently: every row is either kept or put in a quarantine table with
its reason, so ``n_read == len(corpus) + len(quarantine)``.

Structural problems raise :class:`CorpusError`, whose message names the file, the
problem and the fix.  This module imports only its two neighbours at the bottom of
:mod:`presslens.corpus`, which import nothing else from presslens:
:mod:`~presslens.corpus.errors` (:class:`CorpusError`) and
:mod:`~presslens.corpus.columns` (recognising column names, :func:`stable_ids`), and
re-exports their names; every other module (the readers, the simulator, the importers,
the Dask engine) builds on it.
"""

from __future__ import annotations

import re
from typing import NamedTuple

import numpy as np
import pandas as pd

from presslens.corpus.columns import COMMON_NAMES, normalise_name, recognise_columns, stable_ids
from presslens.corpus.errors import CorpusError

__all__ = [
    "COMMON_NAMES", "DEFAULT_MAX_TEXT_CHARS", "EARLIEST_YEAR", "FIELD_DESCRIPTIONS", "LATEST_YEAR", "OPTIONAL", "OUTLET_TYPES",
    "QUARANTINE_COLUMNS", "REQUIRED", "CorpusError", "LoadResult", "date_problem", "empty_quarantine", "normalise_name",
    "parse_dates", "quarantine_summary", "recognise_columns", "stable_ids", "validate",
]

REQUIRED = ("doc_id", "outlet", "published", "headline", "text")
OPTIONAL = (
    "outlet_type",
    "byline",
    "section",
    "url",
    "language",
    "source_file",
    "source_format",
    "record_no",
)
OUTLET_TYPES = ("tabloid", "mid-market", "broadsheet", "broadcaster", "regional", "wire", "online")
QUARANTINE_COLUMNS = ["source_file", "row", "doc_id", "reason"]
DEFAULT_MAX_TEXT_CHARS = 1_000_000

FIELD_DESCRIPTIONS = {
    "doc_id": "stable unique identifier of the article",
    "outlet": "publication name",
    "published": "publication date (UTC)",
    "headline": "headline",
    "text": "body text, paragraphs separated by a blank line",
    "outlet_type": "tabloid, mid-market, broadsheet, broadcaster, regional, wire or online",
    "byline": "author line",
    "section": "section of the publication",
    "url": "address of the article",
    "language": "language code",
    "source_file": "file the record was read from",
    "source_format": "format of that file",
    "record_no": "1-based number of the record in that file",
}


class LoadResult(NamedTuple):
    """What :func:`load` returns: the kept articles and the quarantined rows.

    Unpacks as ``corpus, quarantine = load(path)``; :func:`validate` returns one too.

    Example
    -------
    >>> table = pd.DataFrame({"doc_id": ["a1", "a2", "a3"], "outlet": ["The Example Gazette"] * 3,
    ...     "published": ["2024-03-01", "today", "2024-03-03"], "headline": ["Council backs lessons"] * 3,
    ...     "text": ["Councillors voted to fund online safety lessons.", "Police warned parents.", "Ministers met teachers."]})
    >>> result = validate(table)
    >>> corpus, quarantine = result
    >>> corpus["doc_id"].tolist(), result.n_read, quarantine[["row", "doc_id", "reason"]].to_dict("records")
    (['a1', 'a3'], 3, [{'row': 2, 'doc_id': 'a2', 'reason': "relative date 'today' (not a calendar date)"}])
    """

    corpus: pd.DataFrame
    quarantine: pd.DataFrame

    @property
    def n_read(self) -> int:
        """Number of records read from the source (kept + quarantined)."""
        return len(self.corpus) + len(self.quarantine)

    def summary(self) -> pd.DataFrame:
        """Counts of quarantined rows by reason, with the totals read and kept."""
        return quarantine_summary(self.quarantine, n_read=self.n_read)



# --------------------------------------------------------------------------- dates

_SLASHED = re.compile(r"^\s*(\d{1,2})[/.-](\d{1,2})[/.-](\d{2,4})\b")
EARLIEST_YEAR, LATEST_YEAR = 1800, 2100
_ISO = re.compile(r"^\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$")
_ALLOWED_ASCII = bytes([9, 10, 12, 13, *range(32, 128)])
_CONTROL = re.compile("[\x00-\x08\x0b\x0e-\x1f\ufff0-\uffff]")
_RELATIVE = re.compile(r"^\s*(now|today|tonight|yesterday|tomorrow|just now|this (morning|afternoon|evening|week|month|year)|"
                       r"last (night|week|month|year)|next (week|month|year)|\d+\s*(second|minute|hour|day|week|month|year)s?\s+ago|"
                       r"[+-]?\d+\s*(s|m|h|d|w|min|mins|hrs?|days?|weeks?)|an? (hour|day|week|month|year) ago)\s*$", re.IGNORECASE)
_YEAR = re.compile(r"(?<!\d)(\d{4,})(?!\d)")


def date_problem(value) -> str:
    """Why a date value was not accepted: missing, a relative word, outside
    1800–2100, or unparsable.

    Examples
    --------
    >>> [date_problem(v) for v in ["", "today", "1066-10-14", "soon"]]
    ['missing date', "relative date 'today' (not a calendar date)", "date '1066-10-14' outside 1800–2100", "unparsable date 'soon'"]
    """
    if value is None or (isinstance(value, float) and np.isnan(value)) or str(value).strip() == "":
        return "missing date"
    text = str(value).strip()
    if _RELATIVE.match(text):
        return f"relative date '{text[:40]}' (not a calendar date)"
    year = _year_of(value)
    if year is not None and not EARLIEST_YEAR <= year <= LATEST_YEAR:
        return f"date '{text[:40]}' outside {EARLIEST_YEAR}–{LATEST_YEAR}"
    return f"unparsable date '{text[:40]}'"


def _year_of(value) -> int | None:
    if hasattr(value, "year") and not isinstance(value, str):
        try:
            return int(value.year)
        except (TypeError, ValueError):
            return None
    years = [int(y) for y in _YEAR.findall(str(value))]
    outside = [y for y in years if not EARLIEST_YEAR <= y <= LATEST_YEAR]
    return outside[0] if outside else (years[0] if years else None)


def parse_dates(values: pd.Series, dayfirst: bool | None = None, *, path="<data>") -> pd.Series:
    """Parse dates in common formats to UTC timestamps; unparsable values become NaT.

    ISO dates and datetimes, ``28 November 2026``, ``November 28, 2026`` and
    ``28/11/2026`` are understood.  Slashed dates whose day and month could be swapped
    (``03/04/2020``) need ``dayfirst``: ``True`` for the UK order, ``False`` for the US
    order; without it they raise :class:`CorpusError`.  Naive times are taken as UTC.

    Relative words (``now``, ``today``, ``3 days ago``) and dates outside 1800–2100
    become NaT (:func:`date_problem` says why), as do dates pandas cannot represent.

    Example
    -------
    >>> parse_dates(pd.Series(["2026-11-28", "28 November 2026", "28/11/2026"])).dt.day.tolist()
    [28, 28, 28]
    >>> parse_dates(pd.Series(["now", "1066-10-14", "3000-01-01"])).isna().tolist()
    [True, True, True]
    """
    strings = values.astype("object").where(values.notna(), None)
    strings = strings.map(lambda v: v.strip() if isinstance(v, str) else v)
    if dayfirst is None:
        ambiguous, first_gt, second_gt = [], False, False
        for value in strings.dropna():
            if not isinstance(value, str):
                continue
            match = _SLASHED.match(value)
            if match:
                a, b = int(match.group(1)), int(match.group(2))
                first_gt |= a > 12
                second_gt |= b > 12
                if a <= 12 and b <= 12 and a != b:
                    ambiguous.append(value)
        if first_gt and not second_gt:
            dayfirst = True
        elif second_gt and not first_gt:
            dayfirst = False
        elif ambiguous:
            raise CorpusError(
                path,
                f"dates such as '{ambiguous[0]}' could be day/month or month/day",
                "pass dayfirst=True (UK order: 03/04/2020 is 3 April) or dayfirst=False (US order)",
            )
        else:
            dayfirst = True

    def one(value):
        if value is None or (isinstance(value, float) and np.isnan(value)) or value == "":
            return pd.NaT
        if isinstance(value, str) and _RELATIVE.match(value):
            return pd.NaT
        try:
            if isinstance(value, int | float) and not isinstance(value, bool):
                return pd.NaT
            if not isinstance(value, str):
                stamp = pd.Timestamp(value)
            elif _SLASHED.match(value):
                stamp = pd.to_datetime(value, dayfirst=dayfirst, format="mixed")
            else:  # ISO and written-out dates: the day/month order is not in doubt
                stamp = pd.to_datetime(value, format="mixed")
        except (ValueError, TypeError, OverflowError):
            return pd.NaT
        if stamp is pd.NaT or not EARLIEST_YEAR <= stamp.year <= LATEST_YEAR:
            return pd.NaT
        stamp = stamp.tz_localize("UTC") if stamp.tzinfo is None else stamp.tz_convert("UTC")
        return stamp

    import warnings

    # ISO dates (the common case) in one vectorised pass; the rest, and any ISO value
    # that pass cannot place in 1800-2100, one by one
    values_list = strings.tolist()
    iso = [i for i, v in enumerate(values_list) if isinstance(v, str) and _ISO.match(v)]
    parsed = [None] * len(values_list)
    if iso:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            fast = pd.to_datetime(pd.Series([values_list[i] for i in iso], dtype=object), format="ISO8601", errors="coerce", utc=True)
        for i, stamp in zip(iso, fast, strict=True):
            if stamp is not pd.NaT and EARLIEST_YEAR <= stamp.year <= LATEST_YEAR:
                parsed[i] = stamp
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        parsed = [one(v) if p is None else p for v, p in zip(values_list, parsed, strict=True)]
    return pd.Series(pd.DatetimeIndex(parsed, tz="UTC").as_unit("ns"), index=values.index, name=values.name)


# --------------------------------------------------------------------------- validation


def _is_not_text(value: str) -> bool:
    if "\x00" in value:
        return True
    sample = value[:20000]
    if sample.isascii():  # the common case, counted in C: delete every allowed byte, count what is left
        control = len(sample.encode("ascii").translate(None, _ALLOWED_ASCII))
    else:
        control = len(_CONTROL.findall(sample))  # C0 controls but tab, newlines and form feed; specials U+FFF0-U+FFFF
    replacement = sample.count("\ufffd")
    return (control + replacement) / max(len(sample), 1) > 0.01


def validate(
    frame: pd.DataFrame,
    *,
    max_text_chars: int = DEFAULT_MAX_TEXT_CHARS,
    dayfirst: bool | None = None,
    source_file: str | None = None,
    record_no=None,
    path="<data>",
) -> LoadResult:
    """Check a table against the corpus contract; return the kept rows and the quarantine.

    Quarantine reasons: missing doc_id or outlet, empty text, text that is not text
    (binary junk), text longer than ``max_text_chars``, missing or unparsable date,
    duplicate ``doc_id`` (the later rows).  A missing required column raises
    :class:`CorpusError`.

    Example
    -------
    >>> table = pd.DataFrame({"doc_id": ["a", "a"], "outlet": ["X", "X"],
    ...     "published": ["2020-01-01", "2020-01-02"], "headline": ["h", "h"], "text": ["t", "t"]})
    >>> kept, quarantine = validate(table)
    >>> len(kept), quarantine.reason.tolist()
    (1, ['duplicate doc_id (first seen in row 1)'])
    """
    missing = [c for c in REQUIRED if c not in frame.columns]
    if missing:
        have = ", ".join(map(str, frame.columns[:12]))
        names = "; ".join(f"{c}: {', '.join(COMMON_NAMES[c][:4])}" for c in missing)
        example = {"Your column": missing[0]}
        raise CorpusError(
            path,
            f"required column(s) {missing} missing (the file has: {have}; names recognised: {names})",
            f"map your column names onto the contract, e.g. columns={example}",
            cli_fix=f"map your column names with --columns, e.g. --columns 'Your column={missing[0]}'",
        )
    frame = frame.reset_index(drop=True).copy()
    n = len(frame)
    rows = np.asarray(record_no if record_no is not None else range(1, n + 1))
    reasons: list[str | None] = [None] * n

    def text_of(value) -> str:
        if value is None or (isinstance(value, float) and np.isnan(value)):
            return ""
        return value if isinstance(value, str) else str(value)

    frame["doc_id"] = [text_of(_id_text(v)).strip() for v in frame["doc_id"].tolist()]
    frame["outlet"] = [text_of(v).strip() for v in frame["outlet"].tolist()]
    for column in ("headline", "text"):
        frame[column] = [text_of(v) for v in frame[column].tolist()]
    published = parse_dates(frame["published"], dayfirst=dayfirst, path=path)

    seen: dict[str, int] = {}
    ids, outlets, texts, raw_dates = frame["doc_id"].tolist(), frame["outlet"].tolist(), frame["text"].tolist(), frame["published"].tolist()
    missing_date = published.isna().to_numpy()
    for i in range(n):
        doc_id, text = ids[i], texts[i]
        if not doc_id:
            reasons[i] = "missing doc_id"
        elif not outlets[i]:
            reasons[i] = "missing outlet"
        elif not text.strip():
            reasons[i] = "empty text"
        elif len(text) > max_text_chars:
            reasons[i] = f"text longer than max_text_chars={max_text_chars:,} ({len(text):,} characters)"
        elif _is_not_text(text):
            reasons[i] = "text is not text (binary or control characters)"
        elif missing_date[i]:
            reasons[i] = date_problem(raw_dates[i])
        if reasons[i] is None:
            if doc_id in seen:
                reasons[i] = f"duplicate doc_id (first seen in row {seen[doc_id]})"
            else:
                seen[doc_id] = int(rows[i])

    bad = np.array([r is not None for r in reasons], dtype=bool)
    quarantine = pd.DataFrame(
        {
            "source_file": source_file if source_file is not None else (frame.loc[bad, "source_file"].to_numpy(dtype=object) if "source_file" in frame else ""),
            "row": rows[bad].astype(int) if n else np.array([], dtype=int),
            "doc_id": frame.loc[bad, "doc_id"].to_numpy(dtype=object),
            "reason": [r for r in reasons if r is not None],
        }
    ) if bad.any() else empty_quarantine()
    kept = frame.loc[~bad].copy()
    kept["published"] = published[~bad]
    if source_file is not None and "source_file" not in kept:
        kept["source_file"] = source_file
    if "record_no" not in kept:
        kept["record_no"] = rows[~bad].astype("int64")
    ordered = list(REQUIRED) + [c for c in OPTIONAL if c in kept] + [c for c in kept.columns if c not in REQUIRED and c not in OPTIONAL]
    kept = kept[ordered].reset_index(drop=True)
    return LoadResult(kept, quarantine.reset_index(drop=True))



def _id_text(value):
    """An identifier that arrived as a number (an integer column with a null in Excel or
    Parquet) written as the integer it was: ``1.0`` → ``"1"``; strings stay as written."""
    if isinstance(value, float | np.floating) and np.isfinite(value) and float(value).is_integer():
        return str(int(value))
    if isinstance(value, int | np.integer) and not isinstance(value, bool):
        return str(int(value))
    return value


def empty_quarantine() -> pd.DataFrame:
    """A quarantine table with no rows: the columns of :data:`QUARANTINE_COLUMNS` and
    their dtypes, so that empty and non-empty quarantines concatenate alike.

    Example
    -------
    >>> quarantine = empty_quarantine()
    >>> len(quarantine), list(quarantine.columns) == QUARANTINE_COLUMNS, str(quarantine["row"].dtype)
    (0, True, 'int64')
    """
    return pd.DataFrame({"source_file": pd.Series(dtype=object), "row": pd.Series(dtype="int64"), "doc_id": pd.Series(dtype=object), "reason": pd.Series(dtype=object)})



def quarantine_summary(quarantine: pd.DataFrame, n_read: int | None = None) -> pd.DataFrame:
    """Quarantined rows counted by reason kind, with read / kept / quarantined totals.

    A reason's kind drops its ``line N:`` prefix and its details (from the first
    parenthesis or quote), so that every line that is not valid JSON counts as one kind.

    Example
    -------
    >>> quarantine = pd.DataFrame({"source_file": "a.jsonl", "row": [2, 5, 7], "doc_id": ["", "", "a7"],
    ...     "reason": ["line 2: not valid JSON (Expecting value)", "line 5: not valid JSON (Extra data)", "empty text"]})
    >>> quarantine_summary(quarantine, n_read=10)
                   reason  rows
    0      not valid JSON     2
    1          empty text     1
    2         (rows read)    10
    3         (rows kept)     7
    4  (rows quarantined)     3
    """
    kinds = quarantine["reason"].str.replace(r"^line \d+: ", "", regex=True).str.replace(r"\s*[\('].*$", "", regex=True)
    table = kinds.value_counts().rename_axis("reason").reset_index(name="rows").sort_values(["rows", "reason"], ascending=[False, True])
    if n_read is not None:
        totals = pd.DataFrame(
            {"reason": ["(rows read)", "(rows kept)", "(rows quarantined)"], "rows": [n_read, n_read - len(quarantine), len(quarantine)]}
        )
        table = pd.concat([table, totals], ignore_index=True)
    return table.reset_index(drop=True)
