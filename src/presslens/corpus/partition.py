"""Any corpus the pandas path opens, made readable in partitions by the Dask engine.

The Dask engine reads JSON Lines and Parquet in pieces (a file offset or a row group per
partition).  A CSV, an Excel sheet or a folder of Nexis, Factiva or Media Cloud exports
cannot be cut that way: a quoted CSV field may hold a line break, and an export must be
parsed whole.  :func:`ensure_partitioned` opens such a corpus once with
:func:`presslens.open_corpus` (with its checks, quarantine and parse report) and writes it as
JSON Lines parts with a ``datapackage.json``; a corpus already in parts is returned as it
is.  The conversion holds the corpus in memory once: for a corpus larger than memory,
export it from its source as JSON Lines or Parquet instead.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from presslens.corpus.formats import sniff_format

PARTITIONABLE = ("jsonl", "parquet", "datapackage")


@dataclass(frozen=True)
class Partitioned:
    """Where a corpus can be read in partitions, and what it took to get there.

    ``path`` is what :func:`presslens.scale.read_corpus` reads; ``converted`` says whether
    the corpus was rewritten; ``report`` is the parse report of the conversion (one row per
    source file, ``expected = parsed + quarantined``), empty when nothing was converted.
    A conversion also writes ``quarantine.csv`` (the rows not kept, with their reasons)
    and ``parse_report.csv`` beside the ``datapackage.json``.

    Example
    -------
    >>> print(Partitioned(Path("parts/datapackage.json"), True, pd.DataFrame({"parsed": [40], "quarantined": [2]})))
    converted to JSON Lines parts in parts/: 40 articles kept, 2 quarantined.
    """

    path: Path
    converted: bool
    report: pd.DataFrame

    def __str__(self) -> str:
        if not self.converted:
            return f"{self.path.name} is read in partitions as it is."  # names only: no machine-specific path in outputs
        kept = int(self.report["parsed"].sum()) if "parsed" in self.report else 0
        quarantined = int(self.report["quarantined"].sum()) if "quarantined" in self.report else 0
        return f"converted to JSON Lines parts in {self.path.parent.name}/: {kept:,} articles kept, {quarantined:,} quarantined."


def _already_partitioned(path: Path, format: str) -> bool:
    if format not in ("auto", *PARTITIONABLE):
        return False
    if path.is_dir():
        names = ("datapackage.json", "articles.jsonl", "articles.jsonl.gz", "articles.parquet")
        return any((path / n).exists() for n in names) or any(path.glob("*.parquet")) or any(path.glob("*.jsonl"))
    return sniff_format(path) in PARTITIONABLE


def ensure_partitioned(path, folder, *, format: str = "auto", rows_per_partition: int = 20_000, outlets=None,
                       dayfirst: bool | None = None, pseudonymise: bool = False, **options) -> Partitioned:
    """``path`` itself when the Dask engine can read it in partitions, else a converted copy.

    Parameters
    ----------
    path : str or Path
        Any corpus :func:`presslens.open_corpus` opens: CSV, TSV, Excel, JSON, JSON Lines,
        Parquet, a ``datapackage.json``, or a folder of press-database exports.
    folder : str or Path
        Where the JSON Lines parts and their ``datapackage.json`` are written when a
        conversion is needed (created if missing).
    format, dayfirst, pseudonymise, options
        Passed to :func:`presslens.open_corpus` for the conversion.  ``pseudonymise`` is off
        by default, as for :func:`presslens.scale.read_corpus`.
    outlets : CSV path or DataFrame, optional
        Outlet metadata (``outlet``, ``outlet_type``...), joined while converting.  A corpus
        already in parts is not rewritten for it: join it after reading with
        ``articles.map_partitions(presslens.corpus.join_outlets, outlets)``.

    Example
    -------
    >>> import tempfile
    >>> from pathlib import Path
    >>> work = Path(tempfile.mkdtemp())
    >>> _ = (work / "articles.csv").write_text(
    ...     "doc_id,outlet,published,headline,text\\n"
    ...     "a1,Example Post,2024-03-01,Police warn groups,Officers asked people to report concerns.\\n"
    ...     "a2,Example Post,2024-03-02,Court hears case,The trial continues.\\n", encoding="utf-8")
    >>> result = ensure_partitioned(work / "articles.csv", work / "parts", rows_per_partition=1)
    >>> result.converted, result.path.name, sorted(p.name for p in (work / "parts" / "articles").iterdir())
    (True, 'datapackage.json', ['part-00000.jsonl', 'part-00001.jsonl'])
    >>> result.report[["expected", "parsed", "quarantined"]].sum().tolist()
    [2, 2, 0]
    >>> ensure_partitioned(result.path, work / "unused").converted
    False
    """
    from presslens.corpus.describe import join_outlets
    from presslens.corpus.open import open_corpus
    from presslens.scale.io import write_partitions

    path = Path(path)
    if _already_partitioned(path, format):
        return Partitioned(path, False, pd.DataFrame())
    opened = open_corpus(path, format=format, dayfirst=dayfirst, pseudonymise=pseudonymise, **options)
    corpus = opened.corpus
    if outlets is not None:
        corpus = join_outlets(corpus, outlets)
    target = write_partitions(corpus, folder, rows_per_partition=rows_per_partition, format="jsonl", name=path.stem or "corpus")
    opened.quarantine.to_csv(target.parent / "quarantine.csv", index=False)
    opened.parse_report.to_csv(target.parent / "parse_report.csv", index=False)
    return Partitioned(target, True, opened.parse_report)


__all__ = ["PARTITIONABLE", "Partitioned", "ensure_partitioned"]
