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
    recognise_columns,
    stable_ids,
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
    make_doc_ids: bool | None = None,
    on_bad_lines: str = "error",
    constants: Mapping[str, object] | None = None,
) -> LoadResult:
    """Load a corpus file and validate it against the corpus contract.

    Column names are recognised (:func:`presslens.corpus.schema.recognise_columns`:
    ``title``/``Title`` is the headline, ``body`` the text, ``date`` the date,
    ``source`` the outlet...); ``columns`` overrides them.  A file without an identifier
    column gets stable ids (:func:`presslens.corpus.schema.stable_ids`), and a file
    without an outlet column takes its file name as the outlet (pass
    ``constants={"outlet": ...}`` to name it).  What was done is stated in the result's
    ``attrs`` (``column_mapping``, ``doc_ids``) and in :func:`parse_report_of`.

    Parameters
    ----------
    path : str or Path
        A JSON Lines file (``.jsonl``, ``.jsonl.gz``), CSV/TSV, Parquet, Excel (``.xlsx``,
        first sheet), a Frictionless ``datapackage.json``, or a folder holding one of these.
    columns : mapping, optional
        Your column names mapped onto the contract, e.g. ``{"title": "headline"}``;
        needed only where the names are not recognised or two columns could be one field.
    format : str, optional
        Force the format (``jsonl``, ``csv``, ``tsv``, ``parquet``, ``xlsx``, ``datapackage``).
    dayfirst : bool, optional
        Order of slashed dates: ``True`` for ``28/11/2026`` (UK), ``False`` for US order.
        Needed only when the file holds ambiguous dates.
    encoding : str, optional
        Text encoding; detected when not given.
    max_text_chars : int
        Longer texts are quarantined.
    make_doc_ids : bool, optional
        Make stable ids (a hash of outlet, date and headline) when the file has no
        identifier column: by default (``None``) and with ``True``; ``False`` requires an
        identifier column.
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
    >>> _ = path.write_text("Title,Body,Date,Source\\nPolice warn parents,A short text.,2024-03-01,The Daily Example\\n"
    ...                     "Council meets,Another text.,today,The Daily Example\\n", encoding="utf-8")
    >>> corpus, quarantine = load(path)
    >>> corpus.attrs["column_mapping"]["headline"], corpus.attrs["doc_ids"]
    ('Title', 'made from a hash of outlet, date and headline (and text where these collide)')
    >>> corpus["doc_id"].tolist(), quarantine["reason"].tolist()
    (['id-6ce5bd54139d11cf'], ["relative date 'today' (not a calendar date)"])
    """
    if on_bad_lines not in ("error", "quarantine"):
        raise ValueError("on_bad_lines must be 'error' or 'quarantine'")
    path = Path(path)
    records = read_records(path, format, encoding, on_bad_lines)
    frame = records.frame
    stem = path.name.split(".")[0] if path.is_file() else path.name
    mapping: dict[str, str] = {}
    if len(frame.columns):
        renames = recognise_columns(frame.columns, dict(columns or {}), path=path, provided=tuple(constants or ()))
        frame = frame.rename(columns=renames)
        mapping = {ours: yours for yours, ours in renames.items()}
        mapping.update({c: c for c in (*REQUIRED, "url", "byline") if c in frame.columns and c not in mapping})
    if constants:
        clash = [c for c in constants if c in frame.columns]
        if clash:
            raise CorpusError(path, f"already has column(s) {clash} given as constants", "drop them from constants=, or rename the file's column with columns=")
        frame = frame.assign(**dict(constants))
        mapping.update({c: f"(constant {v!r})" for c, v in constants.items()})
    if len(frame.columns) and "outlet" not in frame.columns:
        frame = frame.assign(outlet=stem)
        mapping["outlet"] = f"(no outlet column: the file name {stem!r})"
    doc_ids = "from the column " + repr(mapping.get("doc_id", "doc_id"))
    if make_doc_ids is not False and len(frame.columns) and "doc_id" not in frame.columns:
        frame = frame.assign(doc_id=stable_ids(frame))
        doc_ids = "made from a hash of outlet, date and headline (and text where these collide)"
        mapping["doc_id"] = "(made)"
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
    kept.attrs["column_mapping"] = {field: mapping[field] for field in (*REQUIRED, "url", "byline") if field in mapping}
    kept.attrs["doc_ids"] = doc_ids
    return LoadResult(kept, quarantine)


def describe_mapping(mapping: Mapping[str, str]) -> str:
    """The column mapping of a load as one line per field, for printing.

    Examples
    --------
    >>> print(describe_mapping({"headline": "Title", "text": "text", "doc_id": "(made)"}))
      headline   <- Title
      text       <- text
      doc_id     <- (made)
    """
    return "\n".join(f"  {field:<10} <- {column}" for field, column in mapping.items())


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
    """
    table = _parse_report_counts(loaded, name)
    if "doc_ids" in loaded.corpus.attrs:
        mapping = loaded.corpus.attrs.get("column_mapping", {})
        table["columns"] = "; ".join(f"{field} <- {column}" for field, column in mapping.items() if field != column)
        table["doc_ids"] = loaded.corpus.attrs["doc_ids"]
    return table


def _parse_report_counts(loaded: LoadResult, name: str) -> pd.DataFrame:
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
