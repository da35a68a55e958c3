"""Reading a large corpus as a Dask DataFrame, writing one in partitions, and preparing it.

* ``read_corpus``: JSON Lines (one file or the simulator's ``articles/part-*.jsonl``
  chunks, found through ``datapackage.json``) or Parquet, split into partitions of about
  ``rows_per_partition`` articles without reading the corpus into one process: JSON Lines
  files are cut at line breaks found by scanning the bytes once, Parquet files at row
  groups.  Each partition is read and checked by the pandas path's own code
  (``presslens.corpus``), so a partition holds exactly the rows ``load`` would keep for
  those lines; ``read_quarantine`` gives the rows set aside, with their reasons.  Two
  columns are added: ``partition`` and ``row`` (the article's position in it), a key that
  does not depend on the order in which workers run.
* ``prepare``: cleans each partition with :func:`presslens.text.clean` and writes it to
  Parquet once (a checkpoint), so later passes read clean text quickly.
* ``write_partitions``: a pandas corpus written as ``articles/part-NNNNN.jsonl`` (or
  ``.parquet``) plus a ``datapackage.json``, the layout the simulator uses.

Limits: a ``doc_id`` repeated *within* a partition is quarantined as ``load`` does; one
repeated across partitions is not (use :func:`duplicate_ids` to find such ids).  CSV is
not read here: convert it once with ``load`` and ``write_partitions``.
"""

from __future__ import annotations

import os
from dataclasses import replace
from pathlib import Path

import numpy as np
import pandas as pd

from presslens.corpus.schema import REQUIRED, CorpusError
from presslens.scale.plan import ROWS_PER_PARTITION, Chunk, plan

KEY_COLUMNS = ("partition", "row")


def _raw_records(chunk: Chunk, encoding: str | None, on_bad_lines: str):
    from presslens.corpus.encoding import read_bytes
    from presslens.corpus.formats import parse_jsonl

    path = Path(chunk.path)
    if chunk.fmt == "parquet":
        import pyarrow.parquet as pq

        from presslens.corpus.formats import Records

        handle = pq.ParquetFile(path)
        frame = handle.read_row_groups(list(range(chunk.start, chunk.stop))).to_pandas().reset_index(drop=True)
        return Records(frame, path.name, "parquet", list(range(1, len(frame) + 1)))
    if chunk.stop < 0:
        raw = read_bytes(path)  # decompresses a .gz file
    else:
        with open(path, "rb") as handle:
            handle.seek(chunk.start)
            raw = handle.read(chunk.stop - chunk.start)
    to_end = chunk.stop < 0 or chunk.stop >= path.stat().st_size
    if encoding is None and chunk.encoding is not None and chunk.encoding != "utf-8":
        encoding = chunk.encoding  # the code page detected on the whole file
    return parse_jsonl(path, raw, encoding, on_bad_lines, first_line=chunk.first_line, to_end=to_end, utf8=chunk.encoding == "utf-8")


def read_chunk(chunk: Chunk, *, columns=None, dayfirst=None, encoding=None, max_text_chars=None, on_bad_lines: str = "quarantine",
               quarantine: bool = False) -> pd.DataFrame:
    """One partition as a corpus table (or, with ``quarantine=True``, its quarantined rows),
    checked by :func:`presslens.corpus.validate` exactly as ``load`` checks a file.

    Example
    -------
    >>> import tempfile
    >>> from presslens.corpus import load_teaching
    >>> path = write_partitions(load_teaching().head(60), tempfile.mkdtemp(), rows_per_partition=30)
    >>> table = read_chunk(plan(path, rows_per_partition=20)[1])
    >>> len(table), table[["doc_id", "partition", "row", "record_no"]].head(1).to_dict("records")
    (10, [{'doc_id': 'tc-000021', 'partition': 1, 'row': 0, 'record_no': 21}])
    >>> len(read_chunk(plan(path, rows_per_partition=20)[1], quarantine=True))  # nothing set aside
    0
    """
    from presslens.corpus.schema import DEFAULT_MAX_TEXT_CHARS, validate

    records = _raw_records(chunk, encoding, on_bad_lines)
    frame = records.frame
    if columns:
        frame = frame.rename(columns=dict(columns))
    if chunk.multipart:
        frame = frame.assign(source_file=records.source_file)
    numbers = [chunk.first_record - 1 + n for n in records.record_no]
    if len(frame) == 0:  # a partition holding only bad (or blank) lines: nothing to check
        from presslens.corpus.schema import empty_quarantine

        kept, bad = pd.DataFrame(columns=[*REQUIRED, "source_file", "record_no"]), empty_quarantine()
    else:
        kept, bad = validate(frame, max_text_chars=max_text_chars or DEFAULT_MAX_TEXT_CHARS, dayfirst=dayfirst,
                             source_file=None if "source_file" in frame.columns else records.source_file, record_no=numbers, path=chunk.path)
    if quarantine:
        extra = pd.DataFrame({"source_file": records.source_file, "row": [chunk.first_record - 1 + r for r, _ in records.bad],
                              "doc_id": "", "reason": [reason for _, reason in records.bad]})
        out = pd.concat([bad, extra], ignore_index=True) if len(extra) else bad
        return out.assign(row=out["row"].astype("int64"))
    if "source_format" not in kept.columns:
        kept["source_format"] = records.source_format
    kept["partition"] = np.int64(chunk.partition)
    kept["row"] = np.arange(len(kept), dtype=np.int64)
    return kept


def _conform(frame: pd.DataFrame, meta: pd.DataFrame) -> pd.DataFrame:
    """Give a partition the columns of ``meta`` in its order (optional columns a partition
    lacks are added empty)."""
    for column in meta.columns:
        if column not in frame:
            frame[column] = pd.Series(pd.NA, index=frame.index, dtype=meta[column].dtype)
    return frame[list(meta.columns)]


def _meta(chunks: list[Chunk], options: dict) -> pd.DataFrame:
    """Columns and dtypes of the corpus, from the first lines of the first partition."""
    first = chunks[0]
    if first.fmt == "jsonl" and first.stop > 0:
        with open(first.path, "rb") as handle:
            handle.seek(first.start)
            head = handle.read(min(first.stop - first.start, 1 << 20))
        cut = head.rfind(b"\n", 0, len(head))
        sample = replace(first, stop=first.start + (cut + 1 if cut > 0 else len(head)))
    else:
        sample = first
    return read_chunk(sample, **options).iloc[:0].copy()


def read_corpus(path, *, rows_per_partition: int = ROWS_PER_PARTITION, columns=None, dayfirst: bool | None = None, encoding: str | None = None,
                max_text_chars: int | None = None):
    """A corpus as a Dask DataFrame of about ``rows_per_partition`` articles per partition.

    Parameters
    ----------
    path : str or Path
        A JSON Lines or Parquet file, a ``datapackage.json`` (whose ``articles`` resource
        may list several part files, as the simulator writes), or a folder holding one.
    rows_per_partition : int
        Articles per partition (lines of JSON, or whole Parquet row groups).  Each worker
        holds a few partitions at a time: 20,000 news articles are about 50-100 MB of text.
    columns, dayfirst, encoding, max_text_chars
        As for :func:`presslens.corpus.load`.

    Returns
    -------
    dask.dataframe.DataFrame
        The kept rows with the corpus columns plus ``partition`` and ``row``.  Lines that
        are not valid JSON are quarantined (see :func:`read_quarantine`), not raised.

    Example
    -------
    >>> import tempfile
    >>> from presslens.corpus import load_teaching
    >>> path = write_partitions(load_teaching().head(60), tempfile.mkdtemp(), rows_per_partition=30)
    >>> articles = read_corpus(path, rows_per_partition=20)
    >>> articles.npartitions, len(articles)
    (4, 60)
    >>> articles.partitions[1].compute()[["doc_id", "partition", "row"]].head(2).to_dict("records")
    [{'doc_id': 'tc-000021', 'partition': 1, 'row': 0}, {'doc_id': 'tc-000022', 'partition': 1, 'row': 1}]
    """
    import dask.dataframe as dd

    chunks = plan(path, rows_per_partition=rows_per_partition)
    if not chunks:
        raise CorpusError(path, "holds no data files", "check the path")
    options = {"columns": columns, "dayfirst": dayfirst, "encoding": encoding, "max_text_chars": max_text_chars}
    meta = _meta(chunks, options)
    with native_strings():
        return dd.from_map(_ReadPartition(meta, options), chunks, meta=meta, enforce_metadata=False, label="read-corpus")


class _ReadPartition:
    """The picklable function ``from_map`` calls on each chunk."""

    def __init__(self, meta: pd.DataFrame, options: dict):
        self.meta = meta
        self.options = options

    def __call__(self, chunk: Chunk) -> pd.DataFrame:
        return _conform(read_chunk(chunk, **self.options), self.meta)


def read_quarantine(path, *, rows_per_partition: int = ROWS_PER_PARTITION, columns=None, dayfirst: bool | None = None, encoding: str | None = None,
                    max_text_chars: int | None = None) -> pd.DataFrame:
    """The rows :func:`read_corpus` sets aside, with their reasons (``source_file``,
    ``row``, ``doc_id``, ``reason``), computed partition by partition.

    Example
    -------
    >>> import json, tempfile
    >>> path = Path(tempfile.mkdtemp()) / "articles.jsonl"
    >>> rows = [{"doc_id": "a1", "outlet": "The Example Gazette", "published": "2024-03-01", "headline": "Council backs lessons",
    ...          "text": "Councillors voted to fund online safety lessons."},
    ...         {"doc_id": "a2", "outlet": "The Example Gazette", "published": "2024-03-02", "headline": "Police warn parents", "text": ""}]
    >>> _ = path.write_text("\\n".join(json.dumps(row) for row in rows) + '\\n{"doc_id": "a3", "outlet": \\n')
    >>> read_quarantine(path)[["row", "doc_id", "reason"]].to_dict("records")
    [{'row': 2, 'doc_id': 'a2', 'reason': 'empty text'}, {'row': 3, 'doc_id': '', 'reason': 'line 3: truncated (Expecting value)'}]
    """
    import dask

    options = {"columns": columns, "dayfirst": dayfirst, "encoding": encoding, "max_text_chars": max_text_chars, "quarantine": True}
    parts = [dask.delayed(read_chunk)(chunk, **options) for chunk in plan(path, rows_per_partition=rows_per_partition)]
    tables = [t for t in dask.compute(*parts) if len(t)]
    if not tables:
        from presslens.corpus.schema import empty_quarantine

        return empty_quarantine()
    return pd.concat(tables, ignore_index=True).sort_values("row", kind="stable").reset_index(drop=True)


def duplicate_ids(articles) -> pd.Series:
    """``doc_id`` values found more than once across partitions, with their counts.

    Example
    -------
    >>> import dask.dataframe as dd
    >>> articles = dd.from_pandas(pd.DataFrame({"doc_id": ["a1", "a2", "a1", "a3"]}), npartitions=2)
    >>> duplicate_ids(articles).to_dict()  # "a1" is in both partitions
    {'a1': 2}
    """
    counts = articles["doc_id"].value_counts().compute()
    return counts[counts > 1].sort_index()


def native_strings():
    """A context in which new Dask DataFrames keep pandas' own string dtype: Dask would
    otherwise convert text columns to ``string[pyarrow]``, and the tables would differ
    from the pandas path's in dtype.

    Example
    -------
    >>> import dask.dataframe as dd
    >>> frame = pd.DataFrame({"text": ["Police warn parents", "Council backs lessons"]})
    >>> with native_strings():
    ...     articles = dd.from_pandas(frame, npartitions=1)
    >>> articles.dtypes["text"] == frame.dtypes["text"]
    True
    """
    import dask

    return dask.config.set({"dataframe.convert-string": False})


def partitions(articles) -> list:
    """The partitions of a Dask DataFrame as a list of delayed pandas DataFrames, in order.

    Example
    -------
    >>> import dask.dataframe as dd
    >>> articles = dd.from_pandas(pd.DataFrame({"doc_id": ["a1", "a2", "a3", "a4", "a5"]}), npartitions=2)
    >>> [part.compute()["doc_id"].tolist() for part in partitions(articles)]
    [['a1', 'a2', 'a3'], ['a4', 'a5']]
    """
    return list(articles.to_delayed(optimize_graph=True))


# --------------------------------------------------------------------------- writing


def _atomic_parquet(frame: pd.DataFrame, path: Path) -> None:
    """Write Parquet to a temporary name, then rename: a task killed halfway leaves no
    half-written file behind, and a rerun of it writes the same bytes."""
    temporary = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    frame.to_parquet(temporary, index=False)
    os.replace(temporary, path)


def write_partitions(corpus: pd.DataFrame, folder, *, rows_per_partition: int = ROWS_PER_PARTITION, format: str = "jsonl", name: str = "corpus") -> Path:
    """Write a pandas corpus as ``folder/articles/part-NNNNN.<format>`` and a
    ``datapackage.json`` listing the parts; returns the descriptor's path.

    Example
    -------
    >>> import tempfile
    >>> from presslens.corpus import load_teaching
    >>> folder = Path(tempfile.mkdtemp())
    >>> path = write_partitions(load_teaching().head(60), folder, rows_per_partition=25)
    >>> path.name, sorted(p.name for p in (folder / "articles").iterdir())
    ('datapackage.json', ['part-00000.jsonl', 'part-00001.jsonl', 'part-00002.jsonl'])
    >>> from presslens.corpus import load
    >>> len(load(path).corpus)
    60
    """
    import json

    from presslens.corpus.write import datapackage, resource_descriptor, write_jsonl

    if format not in ("jsonl", "parquet"):
        raise ValueError("format must be 'jsonl' or 'parquet'")
    folder = Path(folder)
    (folder / "articles").mkdir(parents=True, exist_ok=True)
    paths = []
    for number, start in enumerate(range(0, max(1, len(corpus)), rows_per_partition)):
        part = corpus.iloc[start : start + rows_per_partition].drop(columns=[c for c in KEY_COLUMNS if c in corpus])
        relative = f"articles/part-{number:05d}.{format}"
        if format == "jsonl":
            write_jsonl(part, folder / relative)
        else:
            _atomic_parquet(part, folder / relative)
        paths.append(relative)
    resource = resource_descriptor(corpus.drop(columns=[c for c in KEY_COLUMNS if c in corpus]), paths, "articles", format)
    target = folder / "datapackage.json"
    target.write_text(json.dumps(datapackage([resource], name=name), indent=2, ensure_ascii=False, default=str) + "\n", encoding="utf-8")
    return target


def _prepare_partition(frame: pd.DataFrame, path: str, text: str) -> int:
    from presslens.text import clean

    cleaned = clean(frame, text=text, progress=False).corpus if len(frame) else frame
    _atomic_parquet(cleaned, Path(path))
    return len(cleaned)


class _ReadParquet:
    def __init__(self, meta: pd.DataFrame):
        self.meta = meta

    def __call__(self, path: str) -> pd.DataFrame:
        return _conform(pd.read_parquet(path), self.meta)


def prepare(articles, folder, *, text: str = "text"):
    """Clean every partition (:func:`presslens.text.clean`) and write it to
    ``folder/part-NNNNN.parquet``; return the cleaned corpus as a Dask DataFrame with the
    same partitions.

    Cleaning is the first step of every analysis, and the slowest one to repeat; done
    once here, the later passes (features, MinHash, counts) read clean text from Parquet.
    ``folder`` must be reachable by every worker (on one machine any folder is).

    Example
    -------
    >>> import tempfile
    >>> from presslens.corpus import load_teaching
    >>> path = write_partitions(load_teaching().head(60), tempfile.mkdtemp(), rows_per_partition=30)
    >>> folder = Path(tempfile.mkdtemp())
    >>> cleaned = prepare(read_corpus(path, rows_per_partition=20), folder)
    >>> cleaned.npartitions, sorted(p.name for p in folder.iterdir())
    (4, ['part-00000.parquet', 'part-00001.parquet', 'part-00002.parquet', 'part-00003.parquet'])
    >>> from presslens.text import clean
    >>> cleaned.compute()["text"].tolist() == clean(load_teaching().head(60), progress=False).corpus["text"].tolist()
    True
    """
    import dask
    import dask.dataframe as dd

    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    for old in folder.glob("part-*.parquet"):
        old.unlink()
    paths = [str(folder / f"part-{number:05d}.parquet") for number in range(articles.npartitions)]
    tasks = [dask.delayed(_prepare_partition)(part, path, text) for part, path in zip(partitions(articles), paths, strict=True)]
    dask.compute(*tasks)
    meta = articles._meta.copy()
    with native_strings():
        return dd.from_map(_ReadParquet(meta), paths, meta=meta, enforce_metadata=False, label="prepared")


__all__ = ["Chunk", "KEY_COLUMNS", "ROWS_PER_PARTITION", "duplicate_ids", "native_strings", "partitions", "plan", "prepare", "read_chunk", "read_corpus", "read_quarantine", "write_partitions"]
