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

    ``fix`` is phrased for Python (arguments); ``cli_fix``, when given, says the same with
    the command line's flags, and :meth:`for_cli` is the message the ``presslens``
    command prints.

    Examples
    --------
    >>> error = CorpusError("mini.csv", "no date column", "pass columns={'day': 'published'}", cli_fix="pass --columns day=published")
    >>> str(error)
    "mini.csv: no date column. Fix: pass columns={'day': 'published'}"
    >>> error.for_cli()
    'mini.csv: no date column. Fix: pass --columns day=published'
    """

    def __init__(self, path, problem: str, fix: str, *, cli_fix: str | None = None):
        self.path = str(path)
        self.problem = problem
        self.fix = fix
        self.cli_fix = cli_fix
        super().__init__(f"{self.path}: {problem}. Fix: {fix}")

    def for_cli(self) -> str:
        """The message with the fix in the command line's words (flags, not arguments).

        Examples
        --------
        >>> CorpusError("a.csv", "is empty", "check the export").for_cli()
        'a.csv: is empty. Fix: check the export'
        """
        return f"{self.path}: {self.problem}. Fix: {self.cli_fix or self.fix}"

    def __reduce__(self):
        return (_rebuild_error, (type(self), self.path, self.problem, self.fix, self.cli_fix))


def _rebuild_error(kind, path, problem, fix, cli_fix):
    return kind(path, problem, fix, cli_fix=cli_fix)


class LoadResult(NamedTuple):
    """What :func:`load` returns: the kept articles and the quarantined rows.

    Unpacks as ``corpus, quarantine = load(path)``.
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
    return pd.DataFrame({"source_file": pd.Series(dtype=object), "row": pd.Series(dtype="int64"), "doc_id": pd.Series(dtype=object), "reason": pd.Series(dtype=object)})



def quarantine_summary(quarantine: pd.DataFrame, n_read: int | None = None) -> pd.DataFrame:
    """Quarantined rows counted by reason kind, with read / kept / quarantined totals."""
    kinds = quarantine["reason"].str.replace(r"^line \d+: ", "", regex=True).str.replace(r"\s*[\('].*$", "", regex=True)
    table = kinds.value_counts().rename_axis("reason").reset_index(name="rows").sort_values(["rows", "reason"], ascending=[False, True])
    if n_read is not None:
        totals = pd.DataFrame(
            {"reason": ["(rows read)", "(rows kept)", "(rows quarantined)"], "rows": [n_read, n_read - len(quarantine), len(quarantine)]}
        )
        table = pd.concat([table, totals], ignore_index=True)
    return table.reset_index(drop=True)



# --------------------------------------------------------------------------- column names and ids

COMMON_NAMES = {
    "doc_id": ("doc_id", "id", "article_id", "story_id", "docid", "identifier", "guid", "uid"),
    "headline": ("headline", "title", "heading"),
    "text": ("text", "body", "content", "article", "story", "full_text", "article_text", "body_text"),
    "published": ("published", "date", "publish_date", "pub_date", "publication_date", "datetime", "timestamp", "published_at"),
    "outlet": ("outlet", "source", "publication", "publisher", "newspaper", "media_name", "site", "domain"),
    "url": ("url", "link"),
    "byline": ("byline", "author", "authors"),
}


def normalise_name(name) -> str:
    """A column name compared without case, spaces, underscores or hyphens.

    Examples
    --------
    >>> normalise_name(" Publication_Date "), normalise_name("full text")
    ('publicationdate', 'fulltext')
    """
    return re.sub(r"[\s_\-]+", "", str(name)).lower()


def _columns_flag(mapping: dict) -> str:
    return ",".join(f"{yours}={ours}" for yours, ours in mapping.items())


def recognise_columns(columns, overrides: dict | None = None, *, path="<data>", provided=()) -> dict:
    """Map a table's column names onto the corpus contract.

    Each contract field is found under its common names (:data:`COMMON_NAMES`), in any
    case and with spaces, underscores or hyphens: ``Title`` or ``title`` is the headline,
    ``Body`` the text, ``Publish Date`` the date, ``Source`` the outlet.  A column already
    named as the contract names it always wins.  ``overrides`` (yours → ours) come
    first.  Two candidate columns for one field, neither named as the contract, raise
    :class:`CorpusError` listing both and how to choose.

    Parameters
    ----------
    columns : sequence of str
        The table's column names.
    overrides : dict, optional
        Your names mapped onto the contract (``columns=`` in Python, ``--columns`` on the
        command line).
    path : path or str
        Names the file in errors.
    provided : sequence of str
        Contract fields supplied otherwise (constants): not looked for.

    Returns
    -------
    dict
        The renames to apply, yours → ours (only the columns whose name changes).

    Examples
    --------
    >>> recognise_columns(["Title", "Body", "Date", "Source"])
    {'Title': 'headline', 'Body': 'text', 'Date': 'published', 'Source': 'outlet'}
    >>> recognise_columns(["headline", "title", "text"])       # the contract name wins
    {}
    >>> try:
    ...     recognise_columns(["title", "heading", "text"])
    ... except CorpusError as exc:
    ...     print(exc.problem)
    two columns could be the headline: 'title' and 'heading'
    """
    columns = [str(c) for c in columns]
    renames: dict[str, str] = {}
    for yours, ours in (overrides or {}).items():
        if yours not in columns:
            have = ", ".join(columns[:20])
            raise CorpusError(path, f"column '{yours}' named in the mapping is not in the file (it has: {have})",
                              "correct the keys of columns=", cli_fix="correct the names before '=' in --columns")
        renames[yours] = ours
    taken = set(renames.values()) | set(provided)
    clash = [ours for ours in taken if ours in columns and ours not in renames]
    if clash:
        raise CorpusError(path, f"column(s) {clash} exist in the file and are also the target of the mapping",
                          f"map the file's own {clash[0]!r} column elsewhere too, e.g. columns={{{clash[0]!r}: '{clash[0]}_original', ...}}",
                          cli_fix=f"add {clash[0]}={clash[0]}_original to --columns")
    used = set(renames)
    for field in COMMON_NAMES:
        if field in taken:
            continue
        if field in columns and field not in used:
            taken.add(field)
            used.add(field)
            continue
        names = {normalise_name(n) for n in COMMON_NAMES[field]}
        candidates = [c for c in columns if c not in used and c not in taken and normalise_name(c) in names]
        if len(candidates) > 1:
            first, second = candidates[:2]
            raise CorpusError(path, f"two columns could be the {field.replace('_', ' ')}: '{first}' and '{second}'",
                              f"choose one with columns={{{first!r}: {field!r}}} (or {{{second!r}: {field!r}}})",
                              cli_fix=f"choose one with --columns {_columns_flag({first: field})} (or --columns {_columns_flag({second: field})})")
        if candidates:
            renames[candidates[0]] = field
            taken.add(field)
            used.add(candidates[0])
    return renames


def stable_ids(frame: pd.DataFrame, prefix: str = "id-") -> list[str]:
    """Identifiers for rows that have none: a hash of outlet, date and headline, with the
    text added for rows where these three collide.

    The same row gives the same id on every run and machine; rows identical in all four
    get the same id (and the later ones are quarantined as duplicates by :func:`validate`).

    Examples
    --------
    >>> table = pd.DataFrame({"outlet": ["Daily Example", "Daily Example", "Daily Example"],
    ...                       "published": ["2024-03-01"] * 3, "headline": ["Police warn parents", "Court hears case", "Court hears case"],
    ...                       "text": ["One.", "Two.", "Three."]})
    >>> ids = stable_ids(table)
    >>> ids[0], len(set(ids))
    ('id-0748bd55eaec480c', 3)
    """
    import hashlib

    def part(column):
        if column not in frame.columns:
            return [""] * len(frame)
        return ["" if v is None or (isinstance(v, float) and np.isnan(v)) else str(v).strip() for v in frame[column]]

    keys = ["\x1f".join(values) for values in zip(part("outlet"), part("published"), part("headline"), strict=True)]
    counts: dict[str, int] = {}
    for key in keys:
        counts[key] = counts.get(key, 0) + 1
    texts = part("text")
    keys = [key + "\x1f" + text if counts[key] > 1 else key for key, text in zip(keys, texts, strict=True)]
    return [prefix + hashlib.sha256(key.encode("utf-8")).hexdigest()[:16] for key in keys]
