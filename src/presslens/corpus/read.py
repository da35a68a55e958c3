"""Reading a corpus into the contract: :func:`load` (the tabular reader behind
:func:`presslens.open_corpus`), label tables, and parse reports.

:func:`load` reads a file with :func:`presslens.corpus.formats.read_records`, maps column
names, adds constant columns, numbers the records and validates them with
:func:`presslens.corpus.schema.validate`; dates are parsed with pandas.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

import pandas as pd

from presslens.corpus.formats import read_records
from presslens.corpus.schema import (
    DEFAULT_MAX_TEXT_CHARS,
    REQUIRED,
    CorpusError,
    LoadResult,
    empty_quarantine,
    validate,
)


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

