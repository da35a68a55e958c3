"""Saving a corpus: JSON Lines or Parquet with a Frictionless ``datapackage.json``, and
CSV cells made safe for spreadsheets."""

from __future__ import annotations

import gzip
import io
import json
from pathlib import Path

import numpy as np
import pandas as pd

from presslens.corpus.schema import FIELD_DESCRIPTIONS, REQUIRED, CorpusError

_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def _safe(value):
    return "'" + value if isinstance(value, str) and value.startswith(_FORMULA_START) else value


def neutralise_formulas(frame: pd.DataFrame) -> pd.DataFrame:
    """Prefix text cells and column headers that a spreadsheet would run as formulas
    (starting with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return) with an apostrophe.

    Used for every CSV presslens writes that may be opened in Excel or LibreOffice (CSV
    injection); headers matter because values can become columns (outlet types or
    outlet names pivoted into a table).

    Examples
    --------
    >>> table = pd.DataFrame({"=SUM(A1)": ["@SUM(A1)", "plain", 3]})
    >>> safe = neutralise_formulas(table)
    >>> safe.columns.tolist(), safe.iloc[:, 0].tolist()
    (["'=SUM(A1)"], ["'@SUM(A1)", 'plain', 3])
    """
    out = frame.copy()
    for column in out.columns:
        if out[column].dtype == object or pd.api.types.is_string_dtype(out[column]):
            out[column] = out[column].map(_safe)
    if isinstance(out.columns, pd.MultiIndex):
        out.columns = pd.MultiIndex.from_tuples([tuple(_safe(v) for v in key) for key in out.columns], names=out.columns.names)
    else:
        out.columns = [_safe(c) for c in out.columns]
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

    Examples
    --------
    >>> import tempfile
    >>> path = Path(tempfile.mkdtemp()) / "rows.jsonl"
    >>> write_jsonl(pd.DataFrame({"doc_id": ["a"], "published": [pd.Timestamp("2024-03-01")]}), path)
    >>> path.read_text()
    '{"doc_id": "a", "published": "2024-03-01"}\\n'
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
    """A Frictionless Data Package descriptor for the given resources.

    Examples
    --------
    >>> datapackage([], name="mine")
    {'profile': 'data-package', 'name': 'mine', 'resources': []}
    """
    return {"profile": "data-package", "name": name, **extra, "resources": resources}


def resource_descriptor(frame: pd.DataFrame, path: str, name: str, fmt: str, descriptions=None) -> dict:
    """A Frictionless tabular resource describing ``frame`` stored at ``path``.

    Field types come from the column dtypes, descriptions from
    :data:`presslens.corpus.schema.FIELD_DESCRIPTIONS` (and ``descriptions``).

    Examples
    --------
    >>> resource = resource_descriptor(pd.DataFrame({"doc_id": ["a"]}), "articles.jsonl", "articles", "jsonl")
    >>> resource["schema"]
    {'fields': [{'name': 'doc_id', 'type': 'string', 'description': 'stable unique identifier of the article'}], 'primaryKey': 'doc_id'}
    """
    descriptions = {**FIELD_DESCRIPTIONS, **(descriptions or {})}
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

    The format follows the suffix of ``path`` (``.parquet``, ``.jsonl`` or ``.jsonl.gz``);
    the saved corpus loads back with :func:`presslens.corpus.load` unchanged.

    Returns
    -------
    pathlib.Path
        The path of the descriptor.

    Examples
    --------
    >>> import tempfile
    >>> from presslens.corpus.read import load
    >>> from presslens.corpus.teaching import load_teaching
    >>> corpus = load_teaching().head(3)
    >>> target = save(corpus, Path(tempfile.mkdtemp()) / "mine.jsonl")
    >>> target.name, load(target).corpus["doc_id"].tolist() == corpus["doc_id"].tolist()
    ('datapackage.json', True)
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
