"""The corpus contract: its columns, dates, validation into kept and quarantined rows.

A corpus is a pandas DataFrame with one row per article and the required columns
``doc_id``, ``outlet``, ``published`` (UTC timestamps), ``headline`` and ``text``
(see ``docs/design.md``).  :func:`validate` checks any table against this contract and
never drops a row silently: every row is either kept or put in a quarantine table with
its reason, so ``n_read == len(corpus) + len(quarantine)``.

Structural problems raise :class:`CorpusError`, whose message names the file, the
problem and the fix.  This module imports nothing else from presslens: every other
module (the readers, the simulator, the importers, the Dask engine) builds on it.
"""

from __future__ import annotations

import re
from typing import NamedTuple

import numpy as np
import pandas as pd

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
"""Texts longer than this many characters are quarantined by default."""

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


class CorpusError(ValueError):
    """A corpus file cannot be used as it is; the message says which file, what and the fix.

    Parameters
    ----------
    path : path or str
        The file (or a label such as ``<table>``).
    problem : str
        What is wrong, in the user's terms.
    fix : str
        What to do about it.

    Examples
    --------
    >>> error = CorpusError("mine.csv", "is empty", "check the export")
    >>> str(error), error.fix
    ('mine.csv: is empty. Fix: check the export', 'check the export')
    """

    def __init__(self, path, problem: str, fix: str):
        self.path = str(path)
        self.problem = problem
        self.fix = fix
        super().__init__(f"{self.path}: {problem}. Fix: {fix}")


class LoadResult(NamedTuple):
    """What :func:`presslens.corpus.load` and :func:`validate` return: the kept articles and
    the quarantined rows.

    Unpacks as ``corpus, quarantine = load(path)``.

    Examples
    --------
    >>> table = pd.DataFrame({"doc_id": ["a", "a", "b"], "outlet": ["X", "X", "X"], "published": ["2020-01-01"] * 3,
    ...                       "headline": ["h"] * 3, "text": ["t", "t", ""]})
    >>> result = validate(table)
    >>> corpus, quarantine = result
    >>> result.n_read, len(corpus), len(quarantine)
    (3, 1, 2)
    """

    corpus: pd.DataFrame
    quarantine: pd.DataFrame

    @property
    def n_read(self) -> int:
        """Number of records read from the source (kept + quarantined).

        Examples
        --------
        >>> LoadResult(pd.DataFrame(index=range(3)), empty_quarantine()).n_read
        3
        """
        return len(self.corpus) + len(self.quarantine)

    def summary(self) -> pd.DataFrame:
        """Counts of quarantined rows by reason, with the totals read and kept.

        Examples
        --------
        >>> table = pd.DataFrame({"doc_id": ["a", "a", "b"], "outlet": ["X", "X", "X"], "published": ["2020-01-01"] * 3,
        ...                       "headline": ["h"] * 3, "text": ["t", "t", ""]})
        >>> validate(table).summary()["rows"].tolist()
        [1, 1, 3, 1, 2]
        """
        return quarantine_summary(self.quarantine, n_read=self.n_read)



# --------------------------------------------------------------------------- dates

_SLASHED = re.compile(r"^\s*(\d{1,2})[/.-](\d{1,2})[/.-](\d{2,4})\b")


def parse_dates(values: pd.Series, dayfirst: bool | None = None, *, path="<data>") -> pd.Series:
    """Parse dates in common formats to UTC timestamps; unparsable values become NaT.

    ISO dates and datetimes, ``28 November 2026``, ``November 28, 2026`` and
    ``28/11/2026`` are understood.  Slashed dates whose day and month could be swapped
    (``03/04/2020``) need ``dayfirst``: ``True`` for the UK order, ``False`` for the US
    order; without it they raise :class:`CorpusError`.  Naive times are taken as UTC.

    Example
    -------
    >>> parse_dates(pd.Series(["2026-11-28", "28 November 2026", "28/11/2026"])).dt.day.tolist()
    [28, 28, 28]
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
        if stamp is pd.NaT:
            return pd.NaT
        stamp = stamp.tz_localize("UTC") if stamp.tzinfo is None else stamp.tz_convert("UTC")
        return stamp

    import warnings

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        parsed = [one(v) for v in strings]
    return pd.Series(pd.DatetimeIndex(parsed, tz="UTC").as_unit("ns"), index=values.index, name=values.name)


# --------------------------------------------------------------------------- validation


def _is_not_text(value: str) -> bool:
    if "\x00" in value:
        return True
    sample = value[:20000]
    control = sum(1 for ch in sample if (ord(ch) < 32 and ch not in "\t\n\r\f") or 0xFFF0 <= ord(ch) <= 0xFFFF)
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
        raise CorpusError(
            path,
            f"required column(s) {missing} missing (the file has: {have})",
            "map your column names onto the contract, e.g. load(path, columns={'title': 'headline', 'date': 'published'}), "
            "or pass make_doc_ids=True when there is no identifier column",
        )
    frame = frame.reset_index(drop=True).copy()
    n = len(frame)
    rows = np.asarray(record_no if record_no is not None else range(1, n + 1))
    reasons: list[str | None] = [None] * n

    def text_of(value) -> str:
        if value is None or (isinstance(value, float) and np.isnan(value)):
            return ""
        return value if isinstance(value, str) else str(value)

    for column in ("doc_id", "outlet", "headline", "text"):
        frame[column] = [text_of(v) for v in frame[column]]
    frame["doc_id"] = [v.strip() for v in frame["doc_id"]]
    frame["outlet"] = [v.strip() for v in frame["outlet"]]
    published = parse_dates(frame["published"], dayfirst=dayfirst, path=path)

    seen: dict[str, int] = {}
    for i in range(n):
        doc_id, text = frame.at[i, "doc_id"], frame.at[i, "text"]
        if not doc_id:
            reasons[i] = "missing doc_id"
        elif not frame.at[i, "outlet"]:
            reasons[i] = "missing outlet"
        elif not text.strip():
            reasons[i] = "empty text"
        elif len(text) > max_text_chars:
            reasons[i] = f"text longer than max_text_chars={max_text_chars:,} ({len(text):,} characters)"
        elif _is_not_text(text):
            reasons[i] = "text is not text (binary or control characters)"
        elif pd.isna(published.iat[i]):
            raw = frame.at[i, "published"]
            empty = raw is None or (isinstance(raw, float) and np.isnan(raw)) or str(raw).strip() == ""
            reasons[i] = "missing date" if empty else f"unparsable date '{str(raw)[:40]}'"
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



def empty_quarantine() -> pd.DataFrame:
    """A quarantine table with no rows and the right columns and types.

    Examples
    --------
    >>> empty_quarantine().dtypes.astype(str).to_dict()
    {'source_file': 'object', 'row': 'int64', 'doc_id': 'object', 'reason': 'object'}
    """
    return pd.DataFrame({"source_file": pd.Series(dtype=object), "row": pd.Series(dtype="int64"), "doc_id": pd.Series(dtype=object), "reason": pd.Series(dtype=object)})



def quarantine_summary(quarantine: pd.DataFrame, n_read: int | None = None) -> pd.DataFrame:
    """Quarantined rows counted by reason kind, with read / kept / quarantined totals.

    Parameters
    ----------
    quarantine : pandas.DataFrame
        A quarantine table (``reason`` column).
    n_read : int, optional
        Records read; adds the rows ``(rows read)``, ``(rows kept)``, ``(rows quarantined)``.

    Examples
    --------
    >>> table = pd.DataFrame({"doc_id": ["a", "a", "b"], "outlet": ["X", "X", "X"], "published": ["2020-01-01"] * 3,
    ...                       "headline": ["h"] * 3, "text": ["t", "t", ""]})
    >>> quarantine_summary(validate(table).quarantine, n_read=3).to_dict("records")[:2]
    [{'reason': 'duplicate doc_id', 'rows': 1}, {'reason': 'empty text', 'rows': 1}]
    """
    kinds = quarantine["reason"].str.replace(r"^line \d+: ", "", regex=True).str.replace(r"\s*[\('].*$", "", regex=True)
    table = kinds.value_counts().rename_axis("reason").reset_index(name="rows").sort_values(["rows", "reason"], ascending=[False, True])
    if n_read is not None:
        totals = pd.DataFrame(
            {"reason": ["(rows read)", "(rows kept)", "(rows quarantined)"], "rows": [n_read, n_read - len(quarantine), len(quarantine)]}
        )
        table = pd.concat([table, totals], ignore_index=True)
    return table.reset_index(drop=True)

