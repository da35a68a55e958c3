"""Provenance of the report's tables: every row names the corpus and the checksum of the
files it was read from (the checksums themselves come from
:attr:`presslens.corpus.Corpus.provenance`)."""

from __future__ import annotations

from pathlib import Path

import pandas as pd


def with_provenance(table: pd.DataFrame, corpus: pd.DataFrame, source: str, digest: str) -> pd.DataFrame:
    """A report table with its provenance: every row names the corpus and the checksum of
    the files it was read from (``corpus``, ``corpus_sha256``); rows about one article
    (a ``doc_id`` column) also name its source file and record number.

    Examples
    --------
    >>> corpus = pd.DataFrame({"doc_id": ["a1"], "source_file": ["mine.csv"], "record_no": [7]})
    >>> with_provenance(pd.DataFrame({"doc_id": ["a1"], "score": [0.5]}), corpus, "mine.csv", "abc123").to_dict("records")
    [{'doc_id': 'a1', 'score': 0.5, 'source_file': 'mine.csv', 'record_no': 7, 'corpus': 'mine.csv', 'corpus_sha256': 'abc123'}]
    """
    out = table.copy()
    if "doc_id" in out.columns and "source_file" not in out.columns and {"source_file", "record_no"} <= set(corpus.columns):
        where = corpus.drop_duplicates("doc_id").set_index("doc_id")
        out["source_file"] = out["doc_id"].map(where["source_file"])
        out["record_no"] = out["doc_id"].map(where["record_no"]).astype("Int64")
    out["corpus"] = Path(source).name if source and not source.startswith("<") else source  # never the path on this machine
    out["corpus_sha256"] = digest
    return out
