"""Corpus files into raw records: the file formats (JSON Lines, CSV/TSV, Parquet,
Frictionless data packages) and format sniffing; reading and decoding a file's bytes is
:mod:`presslens.corpus.encoding` (its functions are re-exported here).

The steps are public so that the Dask engine (:mod:`presslens.scale`) reads each
partition with exactly the code :func:`presslens.corpus.load` uses:
:func:`sniff_format`, :func:`datapackage_resources`, :func:`read_bytes`,
:func:`parse_jsonl` and :func:`read_records` (raw :class:`Records` before validation).

CSV is parsed with Python's :mod:`csv` module so that every record keeps its number.
"""

from __future__ import annotations

import csv
import json
import os
import sys
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from presslens.corpus.encoding import decode, decode_lines, read_bytes
from presslens.corpus.guard import (
    MAX_DEPTH,
    ImportSafetyError,
    check_member,
    long_lines,
    refuse_long_header,
    too_deep,
)
from presslens.corpus.schema import (
    COMMON_NAMES,
    CorpusError,
    normalise_name,
)

__all__ = ["Records", "datapackage_resources", "decode", "decode_lines", "parse_jsonl", "read_bytes", "read_records", "sniff_format"]


@dataclass
class Records:
    """Raw records from one file before validation: the parsed ``frame``, where it came
    from, each row's record number in the file (``record_no``) and the records that could
    not be parsed, as ``(record number, reason)`` pairs (``bad``).

    Example
    -------
    >>> records = parse_jsonl(Path("a.jsonl"), b'{"doc_id": "a1"}\\n[1, 2]\\n{"doc_id": "a3"}\\n', None, "quarantine")
    >>> records.frame["doc_id"].tolist(), records.record_no, records.bad
    (['a1', 'a3'], [1, 3], [(2, 'line 2: a JSON list, not an object')])
    >>> records.source_file, records.source_format
    ('a.jsonl', 'jsonl')
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


def sniff_format(path: Path) -> str:
    """The format of a corpus file from its name: ``jsonl``, ``csv``, ``tsv``, ``parquet``,
    ``xlsx`` or ``datapackage``.

    Examples
    --------
    >>> sniff_format(Path("news.jsonl.gz")), sniff_format(Path("Sheet.XLSX"))
    ('jsonl', 'xlsx')
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
        (".xlsx", "xlsx"),
        (".xlsm", "xlsx"),
    ):
        if name.endswith(suffix):
            return fmt
    raise CorpusError(
        path,
        f"unknown format '{path.suffix or path.name}'",
        "use .jsonl/.jsonl.gz, .csv/.tsv, .parquet, .xlsx or a datapackage.json, or pass format='csv' (etc.); "
        "for Nexis, Factiva or Media Cloud exports use presslens.importers",
        cli_fix="use .jsonl/.jsonl.gz, .csv/.tsv, .parquet, .xlsx or a datapackage.json, or pass --format csv (etc.)",
    )


class _Number(str):
    """A JSON number kept as it was written, so that an id ``1e3`` stays ``"1e3"``."""


def _number(text: str) -> _Number:
    return _Number(text)


_ID_NAMES = {normalise_name(n) for n in COMMON_NAMES["doc_id"]}


def _plain(value):
    """JSON numbers kept as written (:class:`_Number`) as numbers again, at any depth."""
    if isinstance(value, _Number):
        return json.loads(value)
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_plain(v) for v in value]
    return value


def _numbers_back(record: dict) -> dict:
    """A record with numbers as numbers, except in identifier columns (kept as written)."""
    return {k: (str(v) if isinstance(v, _Number) and normalise_name(k) in _ID_NAMES else _plain(v)) for k, v in record.items()}


def parse_jsonl(path: Path, raw: bytes, encoding: str | None, on_bad_lines: str, *, first_line: int = 1, to_end: bool = True, utf8: bool = False) -> Records:
    """Parse JSON Lines bytes into :class:`Records`, one record per non-blank line.

    Numbers in identifier columns keep their written form (``1e3`` stays ``"1e3"``);
    a line nested deeper than :data:`presslens.corpus.guard.MAX_DEPTH`, not valid JSON or
    not valid UTF-8 (in an otherwise UTF-8 file) raises :class:`CorpusError` or, with
    ``on_bad_lines="quarantine"``, is quarantined with the reason (lines that are not
    UTF-8 are always quarantined).  When ``raw`` is a partition of a larger file (the
    Dask engine's), ``first_line`` is the number of its first line in the file, so that
    reasons name lines as a whole-file read does (``utf8=True``: the file is known to be
    UTF-8, see :func:`decode_lines`), and ``to_end=False`` says the file goes
    on after it (its last line is then not taken for a line cut off at the end).

    Examples
    --------
    >>> records = parse_jsonl(Path("a.jsonl"), b'{"id": 1e3, "n": 2}\\n\\n{"id": 7, "n": 1.5}\\n', None, "error")
    >>> records.frame["id"].tolist(), records.frame["n"].tolist(), records.record_no
    (['1e3', '7'], [2.0, 1.5], [1, 2])
    >>> parse_jsonl(Path("a.jsonl"), b'{"id": 8}\\n{"id" 9}\\n', None, "quarantine", first_line=41, to_end=False).bad
    [(2, "line 42: not valid JSON (Expecting ':' delimiter)")]
    """
    shift = first_line - 1
    overlong = long_lines(raw)
    text, _, undecodable = decode_lines(raw, path, encoding, utf8=utf8)
    # these reasons start "line N", N counted in ``raw``: count it in the file instead
    undecodable = {n: reason.replace(f"line {n}", f"line {n + shift}", 1) for n, reason in {**undecodable, **overlong}.items()}
    rows, numbers, bad = [], [], []
    record = 0
    lines = text.split("\n")
    for index, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        record += 1
        if index in undecodable:
            bad.append((record, undecodable[index]))
            continue
        line_no = index + shift  # the line's number in the file, for the reasons
        problem = None
        if too_deep(line):
            problem = f"nested deeper than {MAX_DEPTH} levels"
        else:
            try:
                value = json.loads(line, parse_int=_number, parse_float=_number)
            except RecursionError:
                problem = f"nested deeper than {MAX_DEPTH} levels"
            except json.JSONDecodeError as exc:
                truncated = to_end and (index == len(lines) or (index == len(lines) - 1 and not lines[-1]))
                unterminated = to_end and index == len(lines) and not text.endswith("\n")  # the last line, cut off before its newline
                what = "truncated" if unterminated or (truncated and exc.pos >= len(line.rstrip()) - 1) else "not valid JSON"
                if on_bad_lines == "quarantine":
                    bad.append((record, f"line {line_no}: {what} ({exc.msg})"))
                    continue
                raise CorpusError(path, f"line {line_no} is {what} ({exc.msg} at column {exc.colno})", "repair or remove that line, or load with on_bad_lines='quarantine'",
                                  cli_fix="repair or remove that line") from None
        if problem:
            if on_bad_lines == "quarantine":
                bad.append((record, f"line {line_no}: {problem}"))
                continue
            raise ImportSafetyError(path, f"line {line_no} is {problem}", "flatten the record (a corpus row is one flat object), or load with on_bad_lines='quarantine'",
                                    cli_fix="flatten the record (a corpus row is one flat object) or remove that line")
        if not isinstance(value, dict):
            bad.append((record, f"line {line_no}: a JSON {type(value).__name__ if not isinstance(value, _Number) else 'number'}, not an object"))
            continue
        rows.append(_numbers_back(value))
        numbers.append(record)
    if record == 0 and first_line == 1 and to_end:  # a whole file (a partition of blank lines is no error)
        raise CorpusError(path, "is empty (no JSON lines)", "check the export; a JSON Lines corpus has one JSON object per line")
    frame = pd.DataFrame.from_records(rows) if rows else pd.DataFrame()
    return Records(frame, _display_name(path), "jsonl", numbers, bad)


def _read_delimited(path: Path, raw: bytes, encoding: str | None, delimiter: str, fmt: str) -> Records:
    """CSV/TSV into :class:`Records`.  A record that runs past its line because of a quote
    that is never closed (or a record the csv module cannot parse) is quarantined by its
    first line, and reading starts again on the next line, so one broken quote costs one
    row, not the rest of the file."""
    overlong = long_lines(raw)
    refuse_long_header(overlong, path)
    text, _, undecodable = decode_lines(raw, path, encoding)
    undecodable = {**undecodable, **overlong}
    if not text.strip():
        raise CorpusError(path, "is empty", "check the export; a CSV corpus needs a header row and one row per article")
    csv.field_size_limit(sys.maxsize)
    lines = text.split("\n")
    lines = [line + "\n" for line in lines[:-1]] + ([lines[-1]] if lines[-1] else [])

    def reader_from(index: int):
        return csv.reader(iter(lines[index:]), delimiter=delimiter, strict=True)

    reader = reader_from(0)
    try:
        header = next(reader)
    except (csv.Error, StopIteration) as exc:
        raise CorpusError(path, f"the header row cannot be parsed ({exc})", "check the delimiter and quoting") from None
    header = [h.strip() for h in header]
    if len(set(header)) != len(header):
        dupes = sorted({h for h in header if header.count(h) > 1})
        raise CorpusError(path, f"the header repeats column names {dupes}", "rename the repeated columns")
    start, consumed = reader.line_num, 0
    reader = reader_from(start)
    rows, numbers, bad = [], [], []
    record = 0
    recovering = False  # after a broken quote: fragments of the broken record until a full row
    while True:
        first = start + consumed + 1  # the physical line (1-based) where the next record begins
        try:
            values = next(reader)
        except StopIteration:
            break
        except csv.Error as exc:
            if recovering:
                bad[-1] = (bad[-1][0], f"{bad[-1][1]}; line {first} is part of it")
            else:
                record += 1
                bad.append((record, f"line {first}: CSV cannot be parsed ({exc}; a quote left open?)"))
            recovering = True
            start, consumed = first, 0
            reader = reader_from(start)
            continue
        last = start + reader.line_num
        consumed = reader.line_num
        if not values or all(not v.strip() for v in values):
            if values and not recovering:
                record += 1
                bad.append((record, f"line {first}: blank row"))
            continue
        if recovering and len(values) != len(header):  # the rest of the broken record, not a record of its own
            bad[-1] = (bad[-1][0], f"{bad[-1][1]}; lines {first}-{last} are part of it")
            continue
        recovering = False
        record += 1
        if len(values) != len(header):
            if last > first:  # a quote left open swallowed the lines after it: quarantine this line only and read on
                bad.append((record, f"line {first}: a quote opened on this line is not closed where the row ends "
                                    f"({len(values)} fields where the header has {len(header)})"))
                recovering = True
                start, consumed = first, 0
                reader = reader_from(start)
                continue
            bad.append((record, f"line {first}: {len(values)} fields where the header has {len(header)} (an unquoted delimiter or a broken quote)"))
            continue
        broken = [n for n in range(first, last + 1) if n in undecodable]
        if broken:
            bad.append((record, undecodable[broken[0]]))
            continue
        rows.append(values)
        numbers.append(record)
    if record == 0:
        raise CorpusError(path, "has a header but no rows", "check the export; it holds no articles")
    frame = pd.DataFrame(rows, columns=header, dtype=object)
    return Records(frame, _display_name(path), fmt, numbers, bad)


def _read_parquet(path: Path) -> Records:
    """Parquet into :class:`Records`; integer identifier columns are read as strings (an
    integer column with a null would otherwise become floats, ``1`` → ``1.0``) and
    timestamps pandas cannot hold (``1066``) are kept as objects for the quarantine."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    if not path.exists():
        raise CorpusError(path, "no such file", "check the path")
    try:
        table = pq.read_table(path)
        for index, column in enumerate(table.schema):
            if normalise_name(column.name) in _ID_NAMES and pa.types.is_integer(column.type):
                metadata = table.schema.metadata or {}
                table = table.set_column(index, column.name, table.column(index).cast(pa.string()))
                if b"pandas" in metadata:  # pandas' stored dtype (Int64) would turn the strings back
                    pandas_meta = json.loads(metadata[b"pandas"])
                    for entry in pandas_meta.get("columns", []):
                        if entry.get("name") == column.name:
                            entry.update(pandas_type="unicode", numpy_type="object", metadata=None)
                    table = table.replace_schema_metadata({**metadata, b"pandas": json.dumps(pandas_meta).encode()})
        try:
            frame = table.to_pandas()
        except (pa.ArrowInvalid, ValueError, OverflowError):
            frame = table.to_pandas(timestamp_as_object=True, date_as_object=True)
    except Exception as exc:  # pyarrow raises several types for corrupt files
        raise CorpusError(path, f"is not a readable Parquet file ({type(exc).__name__}: {exc})", "write the file again, or check it is really Parquet") from None
    if len(frame) == 0:
        raise CorpusError(path, "has no rows", "check the export; it holds no articles")
    return Records(frame.reset_index(drop=True), _display_name(path), "parquet", list(range(1, len(frame) + 1)))


def _read_excel(path: Path, sheet=0) -> Records:
    """The first sheet (or ``sheet``) of an Excel workbook into :class:`Records`, after the
    shared guard has checked the workbook's parts (a workbook is a ZIP of XML parts)."""
    import zipfile

    try:
        with zipfile.ZipFile(path) as archive:
            for member in archive.infolist():
                check_member(path, member.filename, member.file_size, member.compress_size)
    except FileNotFoundError:
        raise CorpusError(path, "no such file", "check the path") from None
    except zipfile.BadZipFile as exc:
        raise CorpusError(path, f"is not a readable Excel workbook ({exc})", "save it again as .xlsx, or export it as CSV") from None
    try:
        frame = pd.read_excel(path, sheet_name=sheet, dtype=object, engine="openpyxl")
    except Exception as exc:  # openpyxl raises several types for broken workbooks
        raise CorpusError(path, f"is not a readable Excel workbook ({type(exc).__name__}: {exc})", "save it again, or export it as CSV") from None
    frame.columns = [str(c).strip() for c in frame.columns]
    blank = frame.isna().all(axis=1).to_numpy()
    numbers = [i + 1 for i in range(len(frame)) if not blank[i]]
    frame = frame.loc[~blank].reset_index(drop=True)
    if len(frame) == 0:
        raise CorpusError(path, "has a header but no rows", "check the sheet; it holds no articles")
    return Records(frame, _display_name(path), "xlsx", numbers)


def datapackage_resources(path: Path) -> tuple[list[Path], str]:
    """The data files of a Frictionless ``datapackage.json`` and their format.

    The resource named ``articles`` is read (or else the first resource); its ``path`` is
    one file or a list of part files, relative to the descriptor's folder.

    Parameters
    ----------
    path : Path
        The ``datapackage.json`` descriptor.

    Returns
    -------
    tuple of (list of Path, str)
        The data files in order and their format (from the first file's name, see
        :func:`sniff_format`).

    Raises
    ------
    CorpusError
        When the descriptor is not JSON, has no resource with a path, or a path is
        absolute, a URL or leaves the package folder (``..``).

    Example
    -------
    >>> import json, tempfile
    >>> folder = Path(tempfile.mkdtemp())
    >>> descriptor = {"resources": [{"name": "articles", "path": ["articles/part-1.jsonl", "articles/part-2.jsonl"]}]}
    >>> _ = (folder / "datapackage.json").write_text(json.dumps(descriptor), encoding="utf-8")
    >>> paths, fmt = datapackage_resources(folder / "datapackage.json")
    >>> [p.relative_to(folder).as_posix() for p in paths], fmt
    (['articles/part-1.jsonl', 'articles/part-2.jsonl'], 'jsonl')
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
    """The raw :class:`Records` of a corpus file or folder, before column mapping and
    validation (records that cannot be parsed are in ``bad`` with their reason).

    Examples
    --------
    >>> import tempfile
    >>> path = Path(tempfile.mkdtemp()) / "a.csv"
    >>> _ = path.write_text('id,title\\n1,"Open quote\\n2,Fine\\n', encoding="utf-8")
    >>> records = read_records(path, None, None, "error")
    >>> records.frame["id"].tolist(), [reason[:28] for _, reason in records.bad]
    (['2'], ['line 2: CSV cannot be parsed'])
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
    if fmt == "xlsx":
        return _read_excel(path)
    raw = read_bytes(path)
    if not raw.strip():
        raise CorpusError(path, "is empty", "check the export; the file has no content")
    if fmt == "jsonl":
        return parse_jsonl(path, raw, encoding, on_bad_lines)
    if fmt in ("csv", "tsv"):
        return _read_delimited(path, raw, encoding, "," if fmt == "csv" else "\t", fmt)
    raise CorpusError(path, f"unknown format '{fmt}'", "use format='jsonl', 'csv', 'tsv', 'parquet', 'xlsx' or 'datapackage'",
                      cli_fix="use --format jsonl, csv, tsv, parquet or datapackage")
