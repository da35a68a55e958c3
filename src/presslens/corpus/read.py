"""Reading corpus files (JSON Lines, CSV/TSV, Parquet, Frictionless data packages) into the contract.

:func:`load` is the tabular reader behind :func:`presslens.open_corpus`: it reads a file,
maps column names, numbers the records and validates them with
:func:`presslens.corpus.schema.validate`.  The steps are public so that the Dask engine
(:mod:`presslens.scale`) reads each partition with exactly the same code:
:func:`sniff_format`, :func:`datapackage_resources`, :func:`read_bytes`,
:func:`parse_jsonl` and :func:`read_records` (raw :class:`Records` before validation).

Encodings are detected with charset-normalizer (after byte-order marks and strict
UTF-8) rather than guessed; CSV is parsed with Python's :mod:`csv` module so that every
record keeps its number; dates are parsed with pandas.
"""

from __future__ import annotations

import csv
import gzip
import io
import json
import os
import sys
import zlib
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from presslens.corpus.schema import (
    DEFAULT_MAX_TEXT_CHARS,
    REQUIRED,
    CorpusError,
    LoadResult,
    empty_quarantine,
    validate,
)


@dataclass
class Records:
    """Raw records from one file before validation.

    Attributes
    ----------
    frame : pandas.DataFrame
        The records as read, one row each, columns as in the file.
    source_file : str
        The file's name (not its folder, so provenance does not depend on where it sits).
    source_format : str
        ``jsonl``, ``csv``, ``tsv`` or ``parquet``.
    record_no : list of int
        The 1-based number of each row of ``frame`` in the file.
    bad : list of (int, str)
        Records that could not be read at all, with their number and the reason.

    Examples
    --------
    >>> records = Records(pd.DataFrame({"doc_id": ["a"]}), "mine.csv", "csv", [1])
    >>> records.record_no, records.bad
    ([1], [])
    """

    frame: pd.DataFrame
    source_file: str
    source_format: str
    record_no: list[int]
    bad: list[tuple[int, str]] = field(default_factory=list)  # (record_no, reason)


# --------------------------------------------------------------------------- reading


def _display_name(path: Path) -> str:
    """A name for provenance that does not depend on where the corpus sits on disk."""
    return path.name


def read_bytes(path: Path) -> bytes:
    """The bytes of a corpus file, gunzipped when its name ends in ``.gz``.

    Raises :class:`CorpusError` naming the file for a missing, unreadable or corrupt file.

    Examples
    --------
    >>> import tempfile
    >>> path = Path(tempfile.mkdtemp()) / "articles.csv"
    >>> _ = path.write_bytes(b"doc_id\\n")
    >>> read_bytes(path)
    b'doc_id\\n'
    >>> read_bytes(path.with_name("missing.csv"))
    Traceback (most recent call last):
    ...
    presslens.corpus.schema.CorpusError: ...missing.csv: no such file. Fix: check the path (relative paths start from the working folder)
    """
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

    Parameters
    ----------
    raw : bytes
        The file's content.
    path : path or str
        Named in error messages.
    encoding : str, optional
        Use this encoding instead of detecting one.

    Examples
    --------
    >>> decode("Caf\\u00e9".encode("utf-8"), "a.csv")
    ('Café', 'utf-8')
    >>> decode(b"\\xef\\xbb\\xbfheadline", "a.csv")
    ('headline', 'utf-8-sig')
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


def sniff_format(path: Path) -> str:
    """The format of a corpus file from its name: ``jsonl``, ``csv``, ``tsv``, ``parquet`` or
    ``datapackage`` (a ``.gz`` suffix is looked through).

    Examples
    --------
    >>> sniff_format(Path("articles.jsonl.gz")), sniff_format(Path("datapackage.json"))
    ('jsonl', 'datapackage')
    """
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


def parse_jsonl(path: Path, raw: bytes, encoding: str | None, on_bad_lines: str) -> Records:
    """JSON Lines bytes as :class:`Records`, one per non-blank line.

    A line that is not a JSON object is quarantined (``bad``); a line that is not JSON
    raises :class:`CorpusError` unless ``on_bad_lines="quarantine"``.  The Dask engine
    calls this on byte ranges of large files.

    Examples
    --------
    >>> records = parse_jsonl(Path("a.jsonl"), b'{"doc_id": "a"}\\n[1]\\n', None, "error")
    >>> records.frame["doc_id"].tolist(), records.bad
    (['a'], [(2, 'line 2: a JSON list, not an object')])
    """
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
    return Records(frame, _display_name(path), "jsonl", numbers, bad)


def _read_delimited(path: Path, raw: bytes, encoding: str | None, delimiter: str, fmt: str) -> Records:
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
    return Records(frame, _display_name(path), fmt, numbers, bad)


def _read_parquet(path: Path) -> Records:
    try:
        frame = pd.read_parquet(path)
    except FileNotFoundError:
        raise CorpusError(path, "no such file", "check the path") from None
    except Exception as exc:  # pyarrow raises several types for corrupt files
        raise CorpusError(path, f"is not a readable Parquet file ({type(exc).__name__}: {exc})", "write the file again, or check it is really Parquet") from None
    if len(frame) == 0:
        raise CorpusError(path, "has no rows", "check the export; it holds no articles")
    return Records(frame.reset_index(drop=True), _display_name(path), "parquet", list(range(1, len(frame) + 1)))


def datapackage_resources(path: Path) -> tuple[list[Path], str]:
    """The data files of a ``datapackage.json``'s ``articles`` resource (or its first) and their format.

    Resource paths must stay inside the package's folder.

    Examples
    --------
    >>> from presslens.corpus.teaching import teaching_path
    >>> files, fmt = datapackage_resources(teaching_path() / "datapackage.json")
    >>> [f.name for f in files], fmt
    (['articles.jsonl'], 'jsonl')
    """
    try:
        descriptor = json.loads(read_bytes(path).decode("utf-8"))
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
    return targets, sniff_format(targets[0])


def _read_parts(paths: list[Path], fmt: str, encoding, on_bad_lines) -> Records:
    """A multipart resource (the simulator's chunks): records numbered across the parts."""
    frames, numbers, bad, sources = [], [], [], []
    offset = 0
    for part in paths:
        records = read_records(part, fmt, encoding, on_bad_lines)
        frame = records.frame.copy()
        frame["source_file"] = records.source_file
        frames.append(frame)
        numbers.extend(offset + n for n in records.record_no)
        bad.extend((offset + n, f"{records.source_file}: {reason}") for n, reason in records.bad)
        sources.append(records.source_file)
        offset += len(records.record_no) + len(records.bad)
    frame = pd.concat(frames, ignore_index=True) if frames else pd.DataFrame()
    return Records(frame, ",".join(sources) if len(sources) <= 3 else f"{sources[0]} … {sources[-1]}", fmt, numbers, bad)


def read_records(path: Path, fmt: str | None, encoding: str | None, on_bad_lines: str) -> Records:
    """Read a corpus file or folder as raw :class:`Records`, before validation.

    A folder is read through its ``datapackage.json`` or an ``articles.*`` file; a
    multipart resource is read part by part with records numbered across the parts.

    Parameters
    ----------
    path : Path
        A file or folder.
    fmt : str, optional
        The format; sniffed from the name when ``None``.
    encoding : str, optional
        Text encoding; detected when ``None``.
    on_bad_lines : {"error", "quarantine"}
        What to do with a JSON line that cannot be parsed.

    Examples
    --------
    >>> from presslens.corpus.teaching import teaching_path
    >>> records = read_records(teaching_path(), None, None, "error")
    >>> len(records.frame), records.source_format
    (1500, 'jsonl')
    """
    if path.is_dir():
        for candidate in ("datapackage.json", "articles.jsonl", "articles.jsonl.gz", "articles.parquet", "articles.csv"):
            if (path / candidate).exists():
                path = path / candidate
                break
        else:
            raise CorpusError(path, "is a folder with no datapackage.json or articles.* file", "point at the data file itself")
    fmt = fmt or sniff_format(path)
    if fmt == "datapackage":
        paths, fmt = datapackage_resources(path)
        if len(paths) > 1:
            return _read_parts(paths, fmt, encoding, on_bad_lines)
        path = paths[0]
    if fmt == "parquet":
        return _read_parquet(path)
    raw = read_bytes(path)
    if not raw.strip():
        raise CorpusError(path, "is empty", "check the export; the file has no content")
    if fmt == "jsonl":
        return parse_jsonl(path, raw, encoding, on_bad_lines)
    if fmt in ("csv", "tsv"):
        return _read_delimited(path, raw, encoding, "," if fmt == "csv" else "\t", fmt)
    raise CorpusError(path, f"unknown format '{fmt}'", "use format='jsonl', 'csv', 'tsv', 'parquet' or 'datapackage'")



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
    constants: Mapping[str, object] | None = None,
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
    constants : mapping, optional
        Columns the file lacks, with one value for every record, e.g.
        ``{"outlet": "The Daily Example"}`` for an export from a single paper.  A
        constant for a column the file has (after ``columns``) is an error.

    Returns
    -------
    LoadResult
        ``(corpus, quarantine)``; ``n_read == len(corpus) + len(quarantine)``.

    Examples
    --------
    >>> import tempfile
    >>> path = Path(tempfile.mkdtemp()) / "mine.csv"
    >>> _ = path.write_text("id,title,date,body\\n1,Police warn parents,2024-03-01,Text.\\n2,Council meets,soon,Text.\\n")
    >>> corpus, quarantine = load(path, columns={"id": "doc_id", "title": "headline", "date": "published", "body": "text"},
    ...                           constants={"outlet": "The Daily Example"})
    >>> corpus[["doc_id", "outlet", "record_no"]].to_dict("records")
    [{'doc_id': '1', 'outlet': 'The Daily Example', 'record_no': 1}]
    >>> quarantine[["row", "reason"]].to_dict("records")
    [{'row': 2, 'reason': "unparsable date 'soon'"}]
    """
    if on_bad_lines not in ("error", "quarantine"):
        raise ValueError("on_bad_lines must be 'error' or 'quarantine'")
    path = Path(path)
    records = read_records(path, format, encoding, on_bad_lines)
    frame = records.frame
    if columns:
        unknown = [c for c in columns if c not in frame.columns]
        if unknown:
            raise CorpusError(path, f"columns {unknown} named in the mapping are not in the file (it has: {', '.join(map(str, frame.columns[:12]))})", "correct the mapping's keys")
        frame = frame.rename(columns=dict(columns))
    if constants:
        clash = [c for c in constants if c in frame.columns]
        if clash:
            raise CorpusError(path, f"already has column(s) {clash} given as constants", "drop them from constants=, or rename the file's column with columns=")
        frame = frame.assign(**dict(constants))
    if make_doc_ids and "doc_id" not in frame.columns:
        stem = path.name.split(".")[0]
        frame["doc_id"] = [f"{stem}-{n}" for n in records.record_no]
    if len(frame) == 0 and records.bad:
        kept = pd.DataFrame(columns=[*REQUIRED, "source_file", "source_format", "record_no"])
        quarantine = empty_quarantine()
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



def read_labels(folder, name: str) -> pd.DataFrame:
    """A label table ``labels/<name>.csv`` of a simulated corpus folder.

    Parameters
    ----------
    folder : path
        A folder written by :func:`presslens.simulate.simulate`.
    name : str
        The table (``articles``, ``quotes``, ``claims``, ``events``, ``persons``...).

    Returns
    -------
    pandas.DataFrame
        Empty cells are missing values; ``"NA"`` and similar strings stay text.

    Examples
    --------
    >>> import tempfile
    >>> folder = Path(tempfile.mkdtemp()); (folder / "labels").mkdir()
    >>> _ = (folder / "labels" / "articles.csv").write_text("doc_id,story\\na1,wire_copy\\n")
    >>> read_labels(folder, "articles").story.tolist()
    ['wire_copy']
    """
    file = Path(folder) / "labels" / f"{name}.csv"
    if not file.exists():
        raise CorpusError(file, f"no label table '{name}'", "use one of: articles, quotes, claims, events, persons")
    return pd.read_csv(file, keep_default_na=False, na_values=[""])


def parse_report_of(loaded: LoadResult, name: str) -> pd.DataFrame:
    """The parse report (per source file: expected, parsed, quarantined) of a
    :func:`presslens.corpus.load` or :func:`presslens.corpus.validate` result.

    Parameters
    ----------
    loaded : LoadResult
        The kept rows and the quarantine.
    name : str
        Labels the result when its rows carry no ``source_file``.

    Examples
    --------
    >>> table = pd.DataFrame({"doc_id": ["a", ""], "outlet": ["X", "X"], "published": ["2020-01-01"] * 2,
    ...                       "headline": ["h", "h"], "text": ["t", "t"]})
    >>> parse_report_of(validate(table, source_file="mine.csv"), "mine.csv").to_dict("records")
    [{'source_file': 'mine.csv', 'expected': 2, 'parsed': 1, 'quarantined': 1}]
    >>> parse_report_of(validate(table), "<table>").to_dict("records")
    [{'source_file': '<table>', 'expected': 2, 'parsed': 1, 'quarantined': 1}]
    """
    def files_of(table: pd.DataFrame) -> pd.Series:  # rows without a source file count under ``name``
        files = table["source_file"] if "source_file" in table else pd.Series(name, index=table.index)
        return files.fillna(name).replace("", name)

    kept = files_of(loaded.corpus).value_counts()
    quarantined = files_of(loaded.quarantine).value_counts()
    files = sorted(set(kept.index) | set(quarantined.index))
    if not files:
        return pd.DataFrame([{"source_file": name, "expected": loaded.n_read, "parsed": len(loaded.corpus), "quarantined": len(loaded.quarantine)}])
    table = pd.DataFrame({"source_file": files, "parsed": [int(kept.get(f, 0)) for f in files], "quarantined": [int(quarantined.get(f, 0)) for f in files]})
    table.insert(1, "expected", table["parsed"] + table["quarantined"])
    return table
