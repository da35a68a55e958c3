"""Planning the partitions of a large corpus: which byte ranges of a JSON Lines file (cut
at line breaks found by scanning the bytes once) or which Parquet row groups each partition
reads, and the record number of each partition's first article — counted as
:func:`presslens.corpus.load` counts them (blank lines are no records), so that ``row`` and
``record_no`` do not depend on the partition size.
"""

from __future__ import annotations

import codecs
import os
from dataclasses import dataclass, replace
from pathlib import Path

import numpy as np

from presslens.corpus.schema import CorpusError

ROWS_PER_PARTITION = 20_000


@dataclass(frozen=True)
class Chunk:
    """One partition of a corpus file: a byte range of a JSON Lines file, or row groups of
    a Parquet file.

    :func:`plan` makes them; :func:`read_chunk` reads one.

    Example
    -------
    >>> import tempfile
    >>> from presslens.corpus import load_teaching
    >>> from presslens.scale import write_partitions
    >>> path = write_partitions(load_teaching().head(60), tempfile.mkdtemp(), rows_per_partition=30)
    >>> chunk = plan(path, rows_per_partition=10)[0]
    >>> Path(chunk.path).name, chunk.fmt, chunk.partition, chunk.start, chunk.first_record, chunk.multipart
    ('part-00000.jsonl', 'jsonl', 0, 0, 1, True)
    """

    path: str
    fmt: str
    partition: int
    start: int = 0  # bytes (jsonl) or first row group (parquet)
    stop: int = -1  # bytes (jsonl) or row group after the last (parquet); -1: to the end
    first_record: int = 1  # record number of the chunk's first line, counted across the files
    multipart: bool = False  # one of several files: ``source_file`` names the part, as ``load`` does
    first_line: int = 1  # line number of the chunk's first line in its own file (jsonl), for the reasons of bad lines
    encoding: str | None = None  # the file's encoding, decided once for the whole file (jsonl; see file_encoding)


def _corpus_files(path: Path) -> tuple[list[Path], str]:
    """The data files of a corpus path and their format."""
    from presslens.corpus.formats import datapackage_resources, sniff_format

    if path.is_dir():
        for candidate in ("datapackage.json", "articles.jsonl", "articles.jsonl.gz", "articles.parquet"):
            if (path / candidate).exists():
                path = path / candidate
                break
        else:
            parts = sorted(path.glob("*.parquet")) or sorted(path.glob("*.jsonl"))
            if not parts:
                raise CorpusError(path, "is a folder with no datapackage.json, articles.* or part files", "point at the data file or its datapackage.json")
            return parts, "parquet" if parts[0].suffix == ".parquet" else "jsonl"
    if not path.exists():
        raise CorpusError(path, "no such file", "check the path")
    fmt = sniff_format(path)
    if fmt == "datapackage":
        files, fmt = datapackage_resources(path)
        return files, fmt
    return [path], fmt


_SHORT_LINE = 64  # lines up to this many bytes are checked for being blank; longer ones never are


def _blank_lines(data: bytes, breaks: np.ndarray, carry: bytes | None) -> tuple[np.ndarray, bytes | None]:
    """For each line break in ``data``, is the line it ends blank (whitespace only, as
    :func:`presslens.corpus.formats.parse_jsonl` skips it)?  ``carry`` is the start of the
    line still open at the end of the previous block (``None`` once it is too long to be
    blank); returns the flags and the new carry."""
    starts = np.concatenate(([0], breaks[:-1] + 1)) if len(breaks) else breaks
    lengths = breaks - starts
    blank = np.zeros(len(breaks), dtype=bool)
    for i in np.flatnonzero(lengths <= _SHORT_LINE):
        head = (carry if carry is not None else b"x") if i == 0 else b""
        blank[i] = not (head + data[starts[i] : breaks[i]]).decode("utf-8", "replace").strip()
    if len(breaks) and lengths[0] > _SHORT_LINE:
        blank[0] = False
    rest_from = int(breaks[-1]) + 1 if len(breaks) else 0
    tail = (b"" if len(breaks) else (carry if carry is not None else b"x")) + data[rest_from:]
    return blank, (tail if len(tail) <= _SHORT_LINE else None)


def jsonl_chunks(path: Path, rows: int, partition: int, first_record: int, block: int = 1 << 26) -> tuple[list[Chunk], int]:
    """Cut a JSON Lines file every ``rows`` lines; returns the chunks and the number of
    records (non-blank lines, numbered as :func:`presslens.corpus.load` numbers them).

    The file is read once in blocks of ``block`` bytes to find the line breaks; memory
    stays at one block."""
    if path.name.endswith(".gz"):  # gzip cannot be cut: one partition
        import gzip

        records, carry = 0, b""
        with gzip.open(path, "rb") as handle:
            for data in iter(lambda: handle.read(block), b""):
                breaks = np.flatnonzero(np.frombuffer(data, dtype=np.uint8) == 10)
                blank, carry = _blank_lines(data, breaks, carry)
                records += int((~blank).sum())
        records += bool(carry is None or carry.decode("utf-8", "replace").strip())
        return [Chunk(str(path), "jsonl", partition, 0, -1, first_record)], records
    size = path.stat().st_size
    decoder, utf8 = codecs.getincrementaldecoder("utf-8")(), True
    cuts, lines, records, offset, line_in_chunk, chunk_start = [], 0, 0, 0, 0, 0
    chunk_first, chunk_line, carry = first_record, 1, b""
    with open(path, "rb") as handle:
        while True:
            data = handle.read(block)
            if not data:
                break
            if utf8:
                try:
                    decoder.decode(data)
                except UnicodeDecodeError:
                    utf8 = False
            breaks = np.flatnonzero(np.frombuffer(data, dtype=np.uint8) == 10)
            blank, carry = _blank_lines(data, breaks, carry)
            kept = np.cumsum(~blank)
            done = 0
            while done < len(breaks):
                need = rows - line_in_chunk
                if len(breaks) - done < need:
                    line_in_chunk += len(breaks) - done
                    break
                last = done + need - 1
                end = offset + int(breaks[last]) + 1
                lines += need
                records_here = int(kept[last]) - (int(kept[done - 1]) if done else 0)
                records += records_here
                cuts.append((chunk_start, end, chunk_first, chunk_line))
                chunk_start, chunk_first, chunk_line, line_in_chunk = end, first_record + records, lines + 1, 0
                done = last + 1
            if done < len(breaks):
                records += int(kept[-1]) - (int(kept[done - 1]) if done else 0)
                lines += len(breaks) - done
            offset += len(data)
    if chunk_start < size:
        cuts.append((chunk_start, size, chunk_first, chunk_line))
        if carry is None or carry.decode("utf-8", "replace").strip():  # a last line without its newline
            records += 1
    if utf8:
        try:
            decoder.decode(b"", final=True)
        except UnicodeDecodeError:
            utf8 = False
    encoding = "utf-8" if utf8 else file_encoding(path)
    return [Chunk(str(path), "jsonl", partition + i, start, stop, first, first_line=line, encoding=encoding)
            for i, (start, stop, first, line) in enumerate(cuts)], records


def file_encoding(path: Path, block: int = 1 << 26) -> str | None:
    """How :func:`presslens.corpus.load` decodes a whole file that is not all UTF-8, so
    that each partition is decoded the same way: ``"utf-8"`` when any non-ASCII line is
    valid UTF-8 (the lines that are not are quarantined), else the code page detected on
    the whole file (``None`` when there is a byte-order mark: each partition then decodes
    as ``load`` would).

    Example
    -------
    >>> import tempfile
    >>> path = Path(tempfile.mkdtemp()) / "mixed.jsonl"
    >>> _ = path.write_bytes('{"a": "£5"}\\n'.encode("utf-8") + '{"a": "café"}\\n'.encode("latin-1"))
    >>> file_encoding(path)
    'utf-8'
    """
    from presslens.corpus.encoding import decode_lines

    with open(path, "rb") as handle:
        head = handle.read(4)
        if head.startswith((b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff")):
            return None
        handle.seek(0)
        for data in iter(lambda: handle.read(block), b""):
            for line in data.split(b"\n"):
                if not line.isascii():
                    try:
                        line.decode("utf-8")
                        return "utf-8"
                    except UnicodeDecodeError:
                        continue
    return decode_lines(path.read_bytes(), path)[1]


def _ends_with_newline(path: Path) -> bool:
    with open(path, "rb") as handle:
        handle.seek(-1, os.SEEK_END)
        return handle.read(1) == b"\n"


def plan(path, *, rows_per_partition: int = ROWS_PER_PARTITION) -> list[Chunk]:
    """The partitions :func:`read_corpus` will read: one :class:`Chunk` each.

    Example
    -------
    >>> import tempfile
    >>> from presslens.corpus import load_teaching
    >>> from presslens.scale import write_partitions
    >>> path = write_partitions(load_teaching().head(60), tempfile.mkdtemp(), rows_per_partition=30)
    >>> chunks = plan(path, rows_per_partition=20)  # two files of 30 lines: 20 + 10 lines each
    >>> [(Path(c.path).name, c.partition, c.first_record) for c in chunks]
    [('part-00000.jsonl', 0, 1), ('part-00000.jsonl', 1, 21), ('part-00001.jsonl', 2, 31), ('part-00001.jsonl', 3, 51)]
    """
    import pyarrow.parquet as pq

    if rows_per_partition < 1:
        raise ValueError("rows_per_partition must be at least 1")
    files, fmt = _corpus_files(Path(path))
    chunks: list[Chunk] = []
    record = 1
    multipart = len(files) > 1
    for file in files:
        if fmt == "jsonl":
            found, records = jsonl_chunks(file, rows_per_partition, len(chunks), record)
            chunks.extend(replace(c, multipart=multipart) for c in found)
            record += records
        elif fmt == "parquet":
            metadata = pq.ParquetFile(file).metadata
            start, rows = 0, 0
            for group in range(metadata.num_row_groups):
                rows += metadata.row_group(group).num_rows
                if rows >= rows_per_partition or group == metadata.num_row_groups - 1:
                    chunks.append(Chunk(str(file), "parquet", len(chunks), start, group + 1, record, multipart))
                    record += rows
                    start, rows = group + 1, 0
        else:
            raise CorpusError(file, f"cannot be read in partitions (format '{fmt}')",
                              "convert it once: presslens.scale.write_partitions(presslens.corpus.load(path).corpus, folder)")
    return chunks
