"""Corpus files into raw records: the file formats (JSON Lines, CSV/TSV, Parquet,
Frictionless data packages), byte reading, decoding and format sniffing.

The steps are public so that the Dask engine (:mod:`presslens.scale`) reads each
partition with exactly the code :func:`presslens.corpus.load` uses:
:func:`sniff_format`, :func:`datapackage_resources`, :func:`read_bytes`,
:func:`parse_jsonl` and :func:`read_records` (raw :class:`Records` before validation).

Encodings are detected with charset-normalizer (after byte-order marks and strict
UTF-8) rather than guessed; CSV is parsed with Python's :mod:`csv` module so that every
record keeps its number.
"""

from __future__ import annotations

import csv
import gzip
import io
import json
import os
import sys
import zlib
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from presslens.corpus.schema import CorpusError


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


