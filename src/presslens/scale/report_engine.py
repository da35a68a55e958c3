"""The report's heavy analyses on Dask: the engine behind ``presslens report --engine dask``.

:class:`DaskAnalyses` offers the same methods as the report's pandas engine
(``presslens.report.PandasAnalyses``), each taking the pandas corpus the report holds and
running the analysis through :mod:`presslens.scale`: the corpus is split into partitions
on the cluster (``dask.dataframe.from_pandas``), counted and reduced there, and only the
result comes back.  Overview counts, keyness, Fightin' Words, volume and near duplicates
give the pandas engine's tables; the clustering is the scale path's (hashed TF-IDF, LSA,
mini-batch k-means over partitions with exact refinement), so its clusters agree with,
but are not always identical to, the pandas path's.

The report still loads the corpus into one process (its other sections, frames, quotes,
tone and claims, run there); for corpora that do not fit, call :mod:`presslens.scale`
directly, as notebook 12 shows.
"""

from __future__ import annotations

import math
import tempfile

import numpy as np
import pandas as pd


class _InSet:
    """A picklable volume query: the articles whose ``doc_id`` is in a set."""

    def __init__(self, doc_ids):
        self.doc_ids = frozenset(doc_ids)

    def __call__(self, frame: pd.DataFrame) -> np.ndarray:
        return frame["doc_id"].isin(self.doc_ids).to_numpy()


class DaskAnalyses:
    """The report's analyses on a Dask cluster.

    Parameters
    ----------
    scheduler : str, optional
        Address of a running scheduler; without one a local cluster of ``n_workers``
        processes is started (and stopped by :meth:`close`).
    rows_per_partition : int
        Articles per partition (at least ``2 * n_workers`` partitions are made).

    Example
    -------
    Without ``scheduler``, ``DaskAnalyses()`` starts (and stops) its own cluster of
    worker processes.  Here it uses a small cluster of threads that is already running:

    >>> from presslens import compare
    >>> from presslens.corpus import load_teaching
    >>> from presslens.scale import local_cluster
    >>> cluster = local_cluster(2, processes=False, memory_limit="1GiB", dashboard_address=None)
    >>> sample = load_teaching().head(120)
    >>> with DaskAnalyses(cluster.scheduler_address, rows_per_partition=40) as analyses:
    ...     table = analyses.keyness(sample, "tabloid", "broadsheet", group="outlet_type")
    ...     partitions = analyses.articles(sample).npartitions
    >>> partitions, table.equals(compare.keyness(sample, "tabloid", "broadsheet", group="outlet_type"))
    (4, True)
    >>> cluster.close()
    """

    name = "dask"

    def __init__(self, scheduler: str | None = None, *, n_workers: int = 2, memory_limit: str = "3GiB", rows_per_partition: int = 20_000):
        from presslens.scale.session import session

        self._session = session(scheduler, n_workers=n_workers, memory_limit=memory_limit, dashboard_address=None)
        self.client = self._session.__enter__()
        self.n_workers = max(1, len(self.client.scheduler_info().get("workers", {})) or n_workers)
        self.rows_per_partition = rows_per_partition
        self._workdir = tempfile.TemporaryDirectory(prefix="presslens-report-")
        self._frames: dict[int, tuple[pd.DataFrame, object]] = {}

    def describe_engine(self) -> str:
        """One sentence for the report saying what ran where."""
        return (f"Engine: Dask (presslens.scale, {self.n_workers} workers): the corpus overview, clustering, keyness and Fightin' Words, "
                "volume over time and near duplicates ran partition by partition; the other analyses ran in one process.")

    def articles(self, corpus: pd.DataFrame):
        """The corpus as a Dask DataFrame (made once per corpus table)."""
        import dask.dataframe as dd

        from presslens.scale.io import native_strings

        key = id(corpus)
        if key not in self._frames or self._frames[key][0] is not corpus:
            n = max(2 * self.n_workers, math.ceil(len(corpus) / self.rows_per_partition))
            with native_strings():
                frame = dd.from_pandas(corpus.reset_index(drop=True), npartitions=min(n, max(1, len(corpus))), sort=False)
            self._frames[key] = (corpus, frame)
        return self._frames[key][1]

    def _folder(self, name: str) -> str:
        folder = tempfile.mkdtemp(prefix=f"{name}-", dir=self._workdir.name)
        return folder

    # -- the analyses, with the pandas engine's signatures
    def describe(self, corpus: pd.DataFrame) -> dict[str, pd.DataFrame]:
        from presslens.scale.counts import describe

        return describe(self.articles(corpus))

    def keyness(self, corpus: pd.DataFrame, target, reference="rest", *, group: str, **options) -> pd.DataFrame:
        from presslens.scale.counts import keyness

        return keyness(self.articles(corpus), target, reference, group=group, **options)

    def fightin_words(self, corpus: pd.DataFrame, group_a=None, group_b=None, *, group: str = "outlet_type", **options) -> pd.DataFrame:
        from presslens.scale.counts import fightin_words

        return fightin_words(self.articles(corpus), group_a, group_b, group=group, **options)

    def volume(self, corpus: pd.DataFrame, freq: str = "W", *, group: str | None = None, query=None) -> pd.DataFrame:
        from presslens.scale.counts import volume

        if isinstance(query, dict) and any(not isinstance(q, str) and not callable(q) for q in query.values()):
            ids = corpus["doc_id"].to_numpy()
            query = {name: _InSet(ids[np.asarray(mask, dtype=bool)]) if not isinstance(mask, str) and not callable(mask) else mask for name, mask in query.items()}
        return volume(self.articles(corpus), freq, group=group, query=query)

    def near_duplicates(self, corpus: pd.DataFrame, **options) -> pd.DataFrame:
        from presslens.scale.reuse import near_duplicates

        return near_duplicates(self.articles(corpus), workdir=self._folder("reuse"), **options)

    def cluster_corpus(self, corpus: pd.DataFrame, k: int | None = None, *, random_state: int = 0, **_pandas_options):
        """Cluster with :func:`presslens.scale.cluster_corpus`; return a
        :class:`presslens.cluster.Clustering` for the report's tables and figures."""
        from presslens.cluster import Clustering
        from presslens.scale.cluster import cluster_corpus

        prepared = corpus.reset_index(drop=True)
        result = cluster_corpus(self.articles(corpus), k, workdir=self._folder("cluster"), random_state=random_state)
        labels = result.assignments()
        if labels["doc_id"].tolist() != prepared["doc_id"].astype(str).tolist():
            raise RuntimeError("cluster labels came back in another order than the corpus")
        vectors = np.vstack([result.vectors(p) for p in range(len(result.features.paths))])
        result.reason = result.reason + " (Dask engine: hashed TF-IDF, LSA from a sample, mini-batch k-means over partitions refined by Lloyd iterations.)"
        return Clustering(prepared, labels["cluster"].to_numpy(), vectors, result.features, result.summary, result.k, result.reason, result.k_table)

    def close(self) -> None:
        """Stop the local cluster (if this engine started one) and remove the work folder."""
        self._session.__exit__(None, None, None)
        self._workdir.cleanup()

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()


__all__ = ["DaskAnalyses"]
