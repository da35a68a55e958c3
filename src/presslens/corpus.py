"""The corpus table: loading, validating, quarantining, describing and saving.

A corpus is a pandas DataFrame with one row per article and the required columns
``doc_id``, ``outlet``, ``published`` (UTC timestamps), ``headline`` and ``text``
(see DESIGN.md).  Loading never drops a row silently: every record read from a file
is either kept or put in a quarantine table with its reason, so that
``n_read == len(corpus) + len(quarantine)`` on every path.

Structural problems (a file that cannot be read, an unknown format, a missing
required column, an encoding that cannot be decoded, a truncated JSON line) raise
:class:`CorpusError`, whose message names the file, the problem and the fix.

Encodings are detected with charset-normalizer (after byte-order marks and strict
UTF-8) rather than guessed; CSV is parsed with Python's :mod:`csv` module so that every
record keeps its number; dates are parsed with pandas.

Example
-------
>>> from presslens.corpus import load
>>> result = load("corpus/teaching")            # doctest: +SKIP
>>> corpus, quarantine = result                 # doctest: +SKIP
>>> result.n_read == len(corpus) + len(quarantine)   # doctest: +SKIP
True
"""

from __future__ import annotations

import csv
import gzip
import io
import json
import os
import re
import sys
import zlib
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
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

_FIELD_DESCRIPTIONS = {
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
    """A corpus file cannot be used as it is; the message says which file, what and the fix."""

    def __init__(self, path, problem: str, fix: str):
        self.path = str(path)
        self.problem = problem
        self.fix = fix
        super().__init__(f"{self.path}: {problem}. Fix: {fix}")


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


@dataclass
class _Records:
    """Raw records from one file before validation."""

    frame: pd.DataFrame
    source_file: str
    source_format: str
    record_no: list[int]
    bad: list[tuple[int, str]] = field(default_factory=list)  # (record_no, reason)


# --------------------------------------------------------------------------- reading


def _display_name(path: Path) -> str:
    """A name for provenance that does not depend on where the corpus sits on disk."""
    return path.name


def _read_bytes(path: Path) -> bytes:
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        raise CorpusError(path, "no such file", "check the path (relative paths start from the working folder)") from None
    except IsADirectoryError:
        raise CorpusError(path, "is a folder without a datapackage.json or articles file", "point at the data file itself") from None
    except OSError as exc:
        raise CorpusError(path, f"cannot be read ({exc.strerror})", "check the file's permissions") from None
    if path.suffix == ".gz":
        try:
            raw = gzip.decompress(raw)
        except (EOFError, OSError, zlib.error) as exc:
            raise CorpusError(
                path,
                f"the gzip stream is truncated or corrupt ({exc})",
                "download or compress the file again; `gzip -t FILE` checks it",
            ) from None
    return raw


def _looks_binary(sample: bytes) -> bool:
    if not sample:
        return False
    if b"\x00" in sample:
        return True
    control = sum(1 for b in sample if b < 32 and b not in (9, 10, 12, 13))
    return control / len(sample) > 0.01


def decode(raw: bytes, path: Path | str, encoding: str | None = None) -> tuple[str, str]:
    """Decode the bytes of a text file, returning ``(text, encoding used)``.

    Byte-order marks are honoured, then strict UTF-8 is tried, then charset-normalizer
    detects the encoding.  Binary data raises :class:`CorpusError`.
    """
    path = Path(path)
    if encoding is not None:
        try:
            return raw.decode(encoding), encoding
        except (UnicodeDecodeError, LookupError) as exc:
            raise CorpusError(path, f"cannot be decoded as {encoding} ({exc})", "pass the file's real encoding, or encoding=None to detect it") from None
    for bom, name in ((b"\xef\xbb\xbf", "utf-8-sig"), (b"\xff\xfe", "utf-16"), (b"\xfe\xff", "utf-16")):
        if raw.startswith(bom):
            try:
                return raw.decode(name), name
            except UnicodeDecodeError as exc:
                raise CorpusError(path, f"has a {name} byte-order mark but is not valid {name} ({exc.reason} at byte {exc.start})", "re-export the file as UTF-8") from None
    if _looks_binary(raw[:65536]):
        raise CorpusError(path, "looks like a binary file, not text (it contains NUL or control bytes)", "export the corpus as CSV, JSON Lines or Parquet; a renamed spreadsheet or archive cannot be read as text")
    try:
        return raw.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    from charset_normalizer import from_bytes

    best = from_bytes(raw).best()
    if best is None:
        raise CorpusError(path, "its encoding cannot be detected and it is not UTF-8", "re-export the file as UTF-8, or pass encoding='...'")
    return str(best), best.encoding


def _sniff_format(path: Path) -> str:
    name = path.name.lower()
    if name.endswith(".gz"):
        name = name[:-3]
    if name == "datapackage.json":
        return "datapackage"
    for suffix, fmt in (
        (".jsonl", "jsonl"),
        (".ndjson", "jsonl"),
        (".json", "jsonl"),
        (".csv", "csv"),
        (".tsv", "tsv"),
        (".parquet", "parquet"),
        (".pq", "parquet"),
    ):
        if name.endswith(suffix):
            return fmt
    raise CorpusError(
        path,
        f"unknown format '{path.suffix or path.name}'",
        "use .jsonl/.jsonl.gz, .csv/.tsv, .parquet or a datapackage.json, or pass format='csv' (etc.); "
        "for Nexis, Factiva or Media Cloud exports use presslens.importers",
    )


def _read_jsonl(path: Path, raw: bytes, encoding: str | None, on_bad_lines: str) -> _Records:
    text, _ = decode(raw, path, encoding)
    rows, numbers, bad = [], [], []
    record = 0
    lines = text.split("\n")
    for line_no, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        record += 1
        try:
            value = json.loads(line)
        except json.JSONDecodeError as exc:
            truncated = line_no == len(lines) or (line_no == len(lines) - 1 and not lines[-1])
            what = "truncated" if truncated and exc.pos >= len(line.rstrip()) - 1 else "not valid JSON"
            if on_bad_lines == "quarantine":
                bad.append((record, f"line {line_no}: {what} ({exc.msg})"))
                continue
            raise CorpusError(path, f"line {line_no} is {what} ({exc.msg} at column {exc.colno})", "repair or remove that line, or load with on_bad_lines='quarantine'") from None
        if not isinstance(value, dict):
            bad.append((record, f"line {line_no}: a JSON {type(value).__name__}, not an object"))
            continue
        rows.append(value)
        numbers.append(record)
    if record == 0:
        raise CorpusError(path, "is empty (no JSON lines)", "check the export; a JSON Lines corpus has one JSON object per line")
    frame = pd.DataFrame.from_records(rows) if rows else pd.DataFrame()
    return _Records(frame, _display_name(path), "jsonl", numbers, bad)


def _read_delimited(path: Path, raw: bytes, encoding: str | None, delimiter: str, fmt: str) -> _Records:
    text, _ = decode(raw, path, encoding)
    if not text.strip():
        raise CorpusError(path, "is empty", "check the export; a CSV corpus needs a header row and one row per article")
    csv.field_size_limit(sys.maxsize)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    try:
        header = next(reader)
    except csv.Error as exc:
        raise CorpusError(path, f"the header row cannot be parsed ({exc})", "check the delimiter and quoting") from None
    header = [h.strip() for h in header]
    if len(set(header)) != len(header):
        dupes = sorted({h for h in header if header.count(h) > 1})
        raise CorpusError(path, f"the header repeats column names {dupes}", "rename the repeated columns")
    rows, numbers, bad = [], [], []
    record = 0
    while True:
        try:
            values = next(reader)
        except StopIteration:
            break
        except csv.Error as exc:
            record += 1
            bad.append((record, f"line {reader.line_num}: CSV cannot be parsed ({exc})"))
            break
        if not values or all(not v.strip() for v in values):
            if values:
                record += 1
                bad.append((record, f"line {reader.line_num}: blank row"))
            continue
        record += 1
        if len(values) != len(header):
            bad.append((record, f"line {reader.line_num}: {len(values)} fields where the header has {len(header)} (an unquoted delimiter or a broken quote)"))
            continue
        rows.append(values)
        numbers.append(record)
    if record == 0:
        raise CorpusError(path, "has a header but no rows", "check the export; it holds no articles")
    frame = pd.DataFrame(rows, columns=header, dtype=object)
    return _Records(frame, _display_name(path), fmt, numbers, bad)


def _read_parquet(path: Path) -> _Records:
    try:
        frame = pd.read_parquet(path)
    except FileNotFoundError:
        raise CorpusError(path, "no such file", "check the path") from None
    except Exception as exc:  # pyarrow raises several types for corrupt files
        raise CorpusError(path, f"is not a readable Parquet file ({type(exc).__name__}: {exc})", "write the file again, or check it is really Parquet") from None
    if len(frame) == 0:
        raise CorpusError(path, "has no rows", "check the export; it holds no articles")
    return _Records(frame.reset_index(drop=True), _display_name(path), "parquet", list(range(1, len(frame) + 1)))


def _datapackage_resource(path: Path) -> tuple[list[Path], str]:
    try:
        descriptor = json.loads(_read_bytes(path).decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise CorpusError(path, f"is not a valid datapackage.json ({exc})", "check the descriptor is JSON") from None
    resources = descriptor.get("resources") or []
    chosen = next((r for r in resources if r.get("name") == "articles"), resources[0] if resources else None)
    if not chosen or not chosen.get("path"):
        raise CorpusError(path, "has no resource with a path", "add a resource named 'articles' with a 'path' to the data file")
    data_paths = [chosen["path"]] if isinstance(chosen["path"], str) else list(chosen["path"])
    for data_path in data_paths:
        if os.path.isabs(data_path) or ".." in Path(data_path).parts or "://" in data_path:
            raise CorpusError(path, f"resource path '{data_path}' leaves the package folder", "use paths relative to datapackage.json")
    targets = [path.parent / p for p in data_paths]
    return targets, _sniff_format(targets[0])


def _read_parts(paths: list[Path], fmt: str, encoding, on_bad_lines) -> _Records:
    """A multipart resource (the simulator's chunks): records numbered across the parts."""
    frames, numbers, bad, sources = [], [], [], []
    offset = 0
    for part in paths:
        records = _read_any(part, fmt, encoding, on_bad_lines)
        frame = records.frame.copy()
        frame["source_file"] = records.source_file
        frames.append(frame)
        numbers.extend(offset + n for n in records.record_no)
        bad.extend((offset + n, f"{records.source_file}: {reason}") for n, reason in records.bad)
        sources.append(records.source_file)
        offset += len(records.record_no) + len(records.bad)
    frame = pd.concat(frames, ignore_index=True) if frames else pd.DataFrame()
    return _Records(frame, ",".join(sources) if len(sources) <= 3 else f"{sources[0]} … {sources[-1]}", fmt, numbers, bad)


def _read_any(path: Path, fmt: str | None, encoding: str | None, on_bad_lines: str) -> _Records:
    if path.is_dir():
        for candidate in ("datapackage.json", "articles.jsonl", "articles.jsonl.gz", "articles.parquet", "articles.csv"):
            if (path / candidate).exists():
                path = path / candidate
                break
        else:
            raise CorpusError(path, "is a folder with no datapackage.json or articles.* file", "point at the data file itself")
    fmt = fmt or _sniff_format(path)
    if fmt == "datapackage":
        paths, fmt = _datapackage_resource(path)
        if len(paths) > 1:
            return _read_parts(paths, fmt, encoding, on_bad_lines)
        path = paths[0]
    if fmt == "parquet":
        return _read_parquet(path)
    raw = _read_bytes(path)
    if not raw.strip():
        raise CorpusError(path, "is empty", "check the export; the file has no content")
    if fmt == "jsonl":
        return _read_jsonl(path, raw, encoding, on_bad_lines)
    if fmt in ("csv", "tsv"):
        return _read_delimited(path, raw, encoding, "," if fmt == "csv" else "\t", fmt)
    raise CorpusError(path, f"unknown format '{fmt}'", "use format='jsonl', 'csv', 'tsv', 'parquet' or 'datapackage'")


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
    ) if bad.any() else _empty_quarantine()
    kept = frame.loc[~bad].copy()
    kept["published"] = published[~bad]
    if source_file is not None and "source_file" not in kept:
        kept["source_file"] = source_file
    if "record_no" not in kept:
        kept["record_no"] = rows[~bad].astype("int64")
    ordered = list(REQUIRED) + [c for c in OPTIONAL if c in kept] + [c for c in kept.columns if c not in REQUIRED and c not in OPTIONAL]
    kept = kept[ordered].reset_index(drop=True)
    return LoadResult(kept, quarantine.reset_index(drop=True))


def _empty_quarantine() -> pd.DataFrame:
    return pd.DataFrame({"source_file": pd.Series(dtype=object), "row": pd.Series(dtype="int64"), "doc_id": pd.Series(dtype=object), "reason": pd.Series(dtype=object)})


def load(
    path,
    *,
    columns: Mapping[str, str] | None = None,
    format: str | None = None,
    dayfirst: bool | None = None,
    encoding: str | None = None,
    max_text_chars: int = DEFAULT_MAX_TEXT_CHARS,
    make_doc_ids: bool = False,
    on_bad_lines: str = "error",
) -> LoadResult:
    """Load a corpus file and validate it against the corpus contract.

    Parameters
    ----------
    path : str or Path
        A JSON Lines file (``.jsonl``, ``.jsonl.gz``), CSV/TSV, Parquet, a Frictionless
        ``datapackage.json``, or a folder holding one of these.
    columns : mapping, optional
        Your column names mapped onto the contract, e.g. ``{"title": "headline"}``.
    format : str, optional
        Force the format (``jsonl``, ``csv``, ``tsv``, ``parquet``, ``datapackage``).
    dayfirst : bool, optional
        Order of slashed dates: ``True`` for ``28/11/2026`` (UK), ``False`` for US order.
        Needed only when the file holds ambiguous dates.
    encoding : str, optional
        Text encoding; detected when not given.
    max_text_chars : int
        Longer texts are quarantined.
    make_doc_ids : bool
        Number the records (``<file stem>-<record>``) when the file has no identifier.
    on_bad_lines : {"error", "quarantine"}
        What to do with a JSON line that cannot be parsed.

    Returns
    -------
    LoadResult
        ``(corpus, quarantine)``; ``n_read == len(corpus) + len(quarantine)``.

    Example
    -------
    >>> corpus, quarantine = load("corpus/teaching")   # doctest: +SKIP
    """
    if on_bad_lines not in ("error", "quarantine"):
        raise ValueError("on_bad_lines must be 'error' or 'quarantine'")
    path = Path(path)
    records = _read_any(path, format, encoding, on_bad_lines)
    frame = records.frame
    if columns:
        unknown = [c for c in columns if c not in frame.columns]
        if unknown:
            raise CorpusError(path, f"columns {unknown} named in the mapping are not in the file (it has: {', '.join(map(str, frame.columns[:12]))})", "correct the mapping's keys")
        frame = frame.rename(columns=dict(columns))
    if make_doc_ids and "doc_id" not in frame.columns:
        stem = path.name.split(".")[0]
        frame["doc_id"] = [f"{stem}-{n}" for n in records.record_no]
    if len(frame) == 0 and records.bad:
        kept = pd.DataFrame(columns=[*REQUIRED, "source_file", "source_format", "record_no"])
        quarantine = _empty_quarantine()
    else:
        kept, quarantine = validate(
            frame,
            max_text_chars=max_text_chars,
            dayfirst=dayfirst,
            source_file=None if "source_file" in frame.columns else records.source_file,
            record_no=records.record_no,
            path=path,
        )
        if "source_format" not in kept.columns or kept["source_format"].isna().all():
            kept["source_format"] = records.source_format
    if records.bad:
        extra = pd.DataFrame(
            {
                "source_file": records.source_file,
                "row": [r for r, _ in records.bad],
                "doc_id": "",
                "reason": [reason for _, reason in records.bad],
            }
        )
        quarantine = pd.concat([quarantine, extra], ignore_index=True).sort_values("row", kind="stable").reset_index(drop=True)
    quarantine["row"] = quarantine["row"].astype("int64")
    kept.attrs["source"] = records.source_file
    return LoadResult(kept, quarantine)


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


# --------------------------------------------------------------------------- describing


def word_counts(texts: pd.Series) -> pd.Series:
    """Number of whitespace-separated words in each text."""
    return texts.str.split().str.len().fillna(0).astype(int)


def describe(corpus: pd.DataFrame) -> dict[str, pd.DataFrame]:
    """Overview tables of a corpus: by outlet, by year, by outlet type, article lengths.

    Returns a dict with the tables ``by_outlet``, ``by_year``, ``outlet_types`` and
    ``lengths``.  When the corpus has no ``outlet_type`` column, outlet types are
    ``unknown``.  A ``words`` column (each article's word count) may stand in for
    ``text``.

    Example
    -------
    >>> tables = describe(load_teaching())   # doctest: +SKIP
    >>> tables["by_outlet"].head()           # doctest: +SKIP
    """
    frame = corpus.copy()
    if "outlet_type" not in frame:
        frame["outlet_type"] = "unknown"
    if "words" not in frame:  # presslens.scale passes word counts instead of the texts
        frame["words"] = word_counts(frame["text"])
    frame["year"] = frame["published"].dt.year
    by_outlet = (
        frame.groupby(["outlet", "outlet_type"], sort=True)
        .agg(articles=("doc_id", "size"), first=("published", "min"), last=("published", "max"), median_words=("words", "median"))
        .reset_index()
        .sort_values(["articles", "outlet"], ascending=[False, True])
        .reset_index(drop=True)
    )
    by_outlet["first"] = by_outlet["first"].dt.strftime("%Y-%m-%d")
    by_outlet["last"] = by_outlet["last"].dt.strftime("%Y-%m-%d")
    by_outlet["median_words"] = by_outlet["median_words"].round(0).astype(int)
    by_year = frame.pivot_table(index="year", columns="outlet_type", values="doc_id", aggfunc="size", fill_value=0)
    by_year.columns.name = None
    by_year["all"] = by_year.sum(axis=1)
    by_year = by_year.reset_index()
    outlet_types = (
        frame.groupby("outlet_type").agg(outlets=("outlet", "nunique"), articles=("doc_id", "size")).reset_index()
    )
    outlet_types["share"] = (outlet_types["articles"] / outlet_types["articles"].sum()).round(3)
    lengths = frame.groupby("outlet_type")["words"].describe(percentiles=[0.1, 0.5, 0.9]).reset_index()
    lengths = lengths.rename(columns={"count": "articles", "10%": "p10", "50%": "median", "90%": "p90"})
    lengths["articles"] = lengths["articles"].astype(int)
    for column in ("mean", "std", "min", "p10", "median", "p90", "max"):
        lengths[column] = lengths[column].round(1)
    return {"by_outlet": by_outlet, "by_year": by_year, "outlet_types": outlet_types, "lengths": lengths}


# --------------------------------------------------------------------------- saving

_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def neutralise_formulas(frame: pd.DataFrame) -> pd.DataFrame:
    """Prefix text cells that a spreadsheet would run as formulas with an apostrophe.

    Used when writing CSV meant to be opened in Excel or LibreOffice (CSV injection).
    """
    out = frame.copy()
    for column in out.columns:
        if out[column].dtype == object or pd.api.types.is_string_dtype(out[column]):
            out[column] = out[column].map(lambda v: "'" + v if isinstance(v, str) and v.startswith(_FORMULA_START) else v)
    return out


def _field_type(series: pd.Series) -> str:
    if pd.api.types.is_datetime64_any_dtype(series):
        return "date"
    if pd.api.types.is_integer_dtype(series):
        return "integer"
    if pd.api.types.is_float_dtype(series):
        return "number"
    if pd.api.types.is_bool_dtype(series):
        return "boolean"
    return "string"


def _jsonable(value):
    if isinstance(value, pd.Timestamp):
        return value.strftime("%Y-%m-%d") if value == value.normalize() else value.isoformat()
    if isinstance(value, np.integer):
        return int(value)
    if isinstance(value, np.floating):
        return None if np.isnan(value) else float(value)
    if isinstance(value, np.bool_):
        return bool(value)
    if value is pd.NaT or (isinstance(value, float) and np.isnan(value)):
        return None
    return value


def write_jsonl(frame: pd.DataFrame, path, *, append: bool = False) -> None:
    """Write a table as JSON Lines (UTF-8, one object per line, stable key order).

    A ``.gz`` suffix writes gzip with a zero timestamp, so the bytes are the same on
    every run.
    """
    path = Path(path)
    columns = list(frame.columns)
    with open(path, "ab" if append else "wb") as raw:
        if path.suffix == ".gz":
            binary = gzip.GzipFile(filename="", mode="wb", fileobj=raw, mtime=0)
        else:
            binary = raw
        stream = io.TextIOWrapper(binary, encoding="utf-8", newline="\n")
        for row in frame.itertuples(index=False, name=None):
            record = {c: _jsonable(v) for c, v in zip(columns, row, strict=True)}
            stream.write(json.dumps(record, ensure_ascii=False) + "\n")
        stream.flush()
        stream.detach()
        if binary is not raw:
            binary.close()


def datapackage(resources: list[dict], name: str = "corpus", **extra) -> dict:
    """A Frictionless Data Package descriptor for the given resources."""
    return {"profile": "data-package", "name": name, **extra, "resources": resources}


def resource_descriptor(frame: pd.DataFrame, path: str, name: str, fmt: str, descriptions=None) -> dict:
    """A Frictionless tabular resource describing ``frame`` stored at ``path``."""
    descriptions = {**_FIELD_DESCRIPTIONS, **(descriptions or {})}
    fields = []
    for column in frame.columns:
        entry = {"name": str(column), "type": _field_type(frame[column])}
        if column in descriptions:
            entry["description"] = descriptions[column]
        fields.append(entry)
    resource = {"name": name, "path": path, "format": fmt, "mediatype": "application/x-ndjson" if fmt == "jsonl" else "application/vnd.apache.parquet" if fmt == "parquet" else "text/csv", "encoding": "utf-8", "schema": {"fields": fields}}
    if name == "articles":
        resource["schema"]["primaryKey"] = "doc_id"
    return resource


def save(corpus: pd.DataFrame, path, *, name: str | None = None) -> Path:
    """Save a corpus as Parquet or JSON Lines plus a ``datapackage.json`` beside it.

    Returns the path of the descriptor.  The format follows the suffix of ``path``
    (``.parquet``, ``.jsonl`` or ``.jsonl.gz``).

    Example
    -------
    >>> save(corpus, "out/my_corpus.jsonl")   # doctest: +SKIP
    PosixPath('out/datapackage.json')
    """
    path = Path(path)
    missing = [c for c in REQUIRED if c not in corpus.columns]
    if missing:
        raise CorpusError(path, f"the table lacks required column(s) {missing}", "validate it with presslens.corpus.validate first")
    if corpus["doc_id"].duplicated().any():
        raise CorpusError(path, "doc_id values are not unique", "validate the table first; duplicates go to quarantine")
    path.parent.mkdir(parents=True, exist_ok=True)
    lower = path.name.lower()
    if lower.endswith(".parquet"):
        corpus.to_parquet(path, index=False)
        fmt = "parquet"
    elif lower.endswith(".jsonl") or lower.endswith(".jsonl.gz"):
        write_jsonl(corpus, path)
        fmt = "jsonl"
    else:
        raise CorpusError(path, f"cannot save as '{path.suffix}'", "use a .parquet, .jsonl or .jsonl.gz file name")
    descriptor = datapackage([resource_descriptor(corpus, path.name, "articles", fmt)], name=name or path.name.split(".")[0].lower().replace("_", "-"))
    target = path.parent / "datapackage.json"
    target.write_text(json.dumps(descriptor, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    return target


# --------------------------------------------------------------------------- teaching corpus


def teaching_path() -> Path:
    """Where the teaching corpus is: ``$PRESSLENS_TEACHING``, the repository's copy, or a cache.

    When neither of the first two exists (an installed package without the repository),
    the corpus is regenerated deterministically into ``~/.cache/presslens/teaching``.
    """
    env = os.environ.get("PRESSLENS_TEACHING")
    if env:
        return Path(env)
    repo = Path(__file__).resolve().parents[2] / "corpus" / "teaching"
    if (repo / "datapackage.json").exists():
        return repo
    cache = Path(os.environ.get("XDG_CACHE_HOME", Path.home() / ".cache")) / "presslens" / "teaching"
    if not (cache / "datapackage.json").exists():
        from presslens.simulate import TEACHING_N, TEACHING_SEED, simulate

        simulate(n=TEACHING_N, seed=TEACHING_SEED, out=cache, progress=False)
    return cache


def load_teaching() -> pd.DataFrame:
    """The simulated teaching corpus as a corpus table (it has no quarantined rows).

    Example
    -------
    >>> corpus = load_teaching()
    >>> corpus.columns[:5].tolist()
    ['doc_id', 'outlet', 'published', 'headline', 'text']
    """
    corpus, quarantine = load(teaching_path())
    if len(quarantine):
        raise CorpusError(teaching_path(), f"{len(quarantine)} rows of the teaching corpus were quarantined", "regenerate it with `make teaching`")
    return corpus


def load_labels(name: str, path=None) -> pd.DataFrame:
    """A ground-truth label table of the teaching corpus (``articles``, ``quotes``, ``claims``, ``events``, ``persons``).

    Analyses never read these; tests and notebooks use them to score analyses.
    """
    folder = Path(path) if path is not None else teaching_path()
    file = folder / "labels" / f"{name}.csv"
    if not file.exists():
        raise CorpusError(file, f"no label table '{name}'", "use one of: articles, quotes, claims, events, persons")
    return pd.read_csv(file, keep_default_na=False, na_values=[""])


def join_outlets(corpus: pd.DataFrame, outlets) -> pd.DataFrame:
    """Add outlet metadata (``outlet_type`` and any other columns) from a table keyed by
    ``outlet``, a CSV file or a DataFrame.

    Press databases do not say whether a paper is a tabloid or a broadsheet; researchers
    code it once per outlet.  Columns of the outlet table replace columns of the same name
    in the corpus.  Outlets missing from the table get ``"(not in outlet table)"``, so no
    article silently falls out of a comparison.

    Example
    -------
    >>> corpus = join_outlets(corpus, "my_outlets.csv")   # doctest: +SKIP
    """
    source = outlets
    if not isinstance(outlets, pd.DataFrame):
        path = Path(outlets)
        if not path.exists():
            raise CorpusError(path, "does not exist", "give a CSV with an 'outlet' column and columns such as 'outlet_type'")
        outlets = pd.read_csv(path, dtype=str, keep_default_na=False)
    if "outlet" not in outlets.columns:
        raise CorpusError(source if not isinstance(source, pd.DataFrame) else "<outlet table>", "has no 'outlet' column",
                          "name the column holding publication names 'outlet'")
    if outlets["outlet"].duplicated().any():
        repeated = outlets.loc[outlets["outlet"].duplicated(), "outlet"].iloc[0]
        raise CorpusError(source if not isinstance(source, pd.DataFrame) else "<outlet table>", f"lists outlet '{repeated}' twice", "keep one row per outlet")
    extra = [c for c in outlets.columns if c != "outlet"]
    table = outlets.set_index("outlet")
    out = corpus.drop(columns=[c for c in extra if c in corpus.columns])
    for column in extra:
        out[column] = out["outlet"].map(table[column]).fillna("(not in outlet table)")
    return out
