"""Clustering at scale: LSA from a sample, mini-batch k-means over partitions, exact refinement.

The pandas path (:func:`presslens.cluster.cluster_corpus`) clusters LSA vectors of TF-IDF
with k-means in memory.  Here:

1. **Features**: hashed TF-IDF per partition (:func:`presslens.scale.hashed_features`),
   with the pandas clustering's analyzer (English and news stop words, outlet names and
   proper nouns removed), ``min_df=2``, ``max_df=0.5``, sublinear tf.
2. **LSA from a sample**: truncated SVD (:func:`presslens.features.lsa`) fitted on a
   sample of at most ``sample_size`` articles chosen by a hash of their ``doc_id`` (the
   same sample however the corpus is partitioned); every partition is then projected
   with it.  The SVD of a random sample of documents approximates the leading subspace of
   the whole matrix (Halko, Martinsson & Tropp 2011).  Each partition is projected once
   and its vectors written to ``workdir/vectors/``, so the k-means passes below read 50
   numbers per article instead of recomputing them.
3. **Initial centres**: k-means (k-means++ seeding, ``n_init`` runs) on the sample's vectors.
4. **Mini-batch k-means** over the partitions in order, each cut in batches of
   ``batch_size`` (Sculley 2010; scikit-learn's ``MiniBatchKMeans.partial_fit``).
5. **Refinement**: full-data Lloyd iterations as reductions (each partition sums its
   vectors per nearest centre; the sums give the new centres) until no centre moves more
   than ``tol``.  This is exactly k-means on all articles from the mini-batch centres, so
   the result is a k-means local optimum, as in the pandas path.
6. **Labels** from reduced counts: one pass assigns every article, writes the labels to
   ``workdir/labels/``, and returns per-cluster sums of the TF-IDF rows (for c-TF-IDF top
   terms, :func:`presslens.cluster.class_tfidf`), the articles nearest each centre, and
   counts by group, outlet and year, from which the table of
   :func:`presslens.cluster.label_clusters` is rebuilt.

Order: partitions are visited in their index order and rows in their order within the
partition, and ties are broken by (partition, row), so results never depend on which
worker ran what first.

References: Sculley, D. (2010). Web-scale k-means clustering. *Proceedings of the 19th
International Conference on World Wide Web*, 1177-1178. Lloyd, S. (1982). Least squares
quantization in PCM. *IEEE Transactions on Information Theory*, 28(2), 129-137. Arthur, D.,
& Vassilvitskii, S. (2007). k-means++: The advantages of careful seeding. *SODA*,
1027-1035. Halko, N., Martinsson, P. G., & Tropp, J. A. (2011). Finding structure with
randomness. *SIAM Review*, 53(2), 217-288. Deerwester, S., et al. (1990). Indexing by
latent semantic analysis. *JASIS*, 41(6), 391-407.
"""

from __future__ import annotations

import os
from pathlib import Path

import numpy as np
import pandas as pd
from sklearn.cluster import KMeans, MiniBatchKMeans

from presslens._compat import renamed_parameters
from presslens.scale.counts import tree_reduce
from presslens.scale.features import HashedFeatures, hashed_features
from presslens.scale.io import partitions


def _sample_partition(features: HashedFeatures, partition: int, threshold: np.uint64):
    keys = features.keys(partition)
    rows = np.flatnonzero(keys < threshold)
    return features.matrix(partition)[rows], keys[rows]


def _project_partition(features: HashedFeatures, lsa_model, partition: int, path: str) -> int:
    """Write the LSA vectors of one partition (float32) for the k-means passes to read."""
    vectors = np.asarray(lsa_model.transform(features.matrix(partition)), dtype=np.float32)
    temporary = f"{path}.{os.getpid()}.tmp.npy"
    np.save(temporary, vectors)
    os.replace(temporary, path)
    return len(vectors)


def _vectors(path: str) -> np.ndarray:
    return np.load(path).astype(np.float64)


def _partial_fit(model: MiniBatchKMeans, path: str, batch_size: int) -> MiniBatchKMeans:
    vectors = _vectors(path)
    for start in range(0, len(vectors), batch_size):
        model.partial_fit(vectors[start : start + batch_size])
    return model


def _assign(vectors: np.ndarray, centers: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    distances = (vectors**2).sum(axis=1)[:, None] - 2 * vectors @ centers.T + (centers**2).sum(axis=1)[None, :]
    labels = np.argmin(distances, axis=1)
    return labels, np.maximum(distances[np.arange(len(vectors)), labels], 0)


def _lloyd_partition(path: str, centers: np.ndarray):
    vectors = _vectors(path)
    labels, distances = _assign(vectors, centers)
    k = len(centers)
    sums = np.zeros_like(centers)
    np.add.at(sums, labels, vectors)
    return sums, np.bincount(labels, minlength=k), float(distances.sum())


def _add_tuples(results):
    sums = np.sum([r[0] for r in results], axis=0)
    counts = np.sum([r[1] for r in results], axis=0)
    return sums, counts, float(sum(r[2] for r in results))


def _label_partition(frame: pd.DataFrame, features: HashedFeatures, vector_path: str, partition: int, centers: np.ndarray, path: str, group: str,
                     n_exemplars: int):
    matrix = features.matrix(partition)
    vectors = _vectors(vector_path)
    labels, _ = _assign(vectors, centers)
    k = len(centers)
    norms = np.linalg.norm(centers, axis=1)
    unit = centers / np.where(norms == 0, 1, norms)[:, None]
    similarity = np.einsum("ij,ij->i", vectors, unit[labels])
    frame = frame.reset_index(drop=True)
    table = pd.DataFrame({"doc_id": frame["doc_id"].astype(str).to_numpy(), "partition": np.int64(partition),
                          "row": np.arange(len(frame), dtype=np.int64), "cluster": labels.astype(np.int64), "similarity": similarity})
    temporary = f"{path}.{os.getpid()}.tmp"
    table.to_parquet(temporary, index=False)
    os.replace(temporary, path)
    indicator = np.zeros((len(labels), k))
    indicator[np.arange(len(labels)), labels] = 1
    term_sums = np.asarray((matrix.T @ indicator).T)
    meta = pd.DataFrame({"cluster": labels, "group": frame[group].astype(object).to_numpy() if group in frame else "unknown",
                         "outlet": frame["outlet"].astype(object).to_numpy(), "year": frame["published"].dt.year.to_numpy()})
    group_counts = meta.groupby(["cluster", "group"]).size()
    outlet_counts = meta.groupby(["cluster", "outlet"]).size()
    year_counts = meta.groupby(["cluster", "year"]).size()
    exemplars = table.assign(headline=frame["headline"].astype(str).to_numpy())
    exemplars = exemplars.sort_values(["cluster", "similarity", "partition", "row"], ascending=[True, False, True, True], kind="stable")
    exemplars = exemplars.groupby("cluster", sort=True).head(n_exemplars)
    return term_sums, group_counts, outlet_counts, year_counts, exemplars


def _combine_labels(results):
    term_sums = np.sum([r[0] for r in results], axis=0)
    group_counts, outlet_counts, year_counts = (pd.concat([r[i] for r in results]).groupby(level=[0, 1]).sum() for i in (1, 2, 3))
    exemplars = pd.concat([r[4] for r in results], ignore_index=True)
    return term_sums, group_counts, outlet_counts, year_counts, exemplars


def _median_from_counts(counts: pd.Series) -> float:
    """The median of integer values given as value -> count (pandas' median of the values)."""
    counts = counts.sort_index()
    n = int(counts.sum())
    cumulative = counts.cumsum().to_numpy()
    values = counts.index.to_numpy()
    low = values[np.searchsorted(cumulative, (n - 1) // 2 + 1)]
    high = values[np.searchsorted(cumulative, n // 2 + 1)]
    return (float(low) + float(high)) / 2


class ScaleClustering:
    """The result of :func:`cluster_corpus`.

    Attributes: ``k``, ``reason``, ``k_table`` (when k was chosen), ``centers`` (k x LSA
    dimensions), ``summary`` (one row per cluster, the columns of
    :func:`presslens.cluster.label_clusters`), ``inertia``, ``iterations`` (Lloyd passes),
    ``features`` (:class:`presslens.scale.features.HashedFeatures`), ``lsa_model``,
    ``vector_paths`` (each partition's LSA vectors, ``.npy``), ``label_paths`` (Parquet
    files of ``doc_id``, ``partition``, ``row``, ``cluster``, ``similarity``) and
    ``sample_size``.

    Example
    -------
    >>> import dask.dataframe as dd
    >>> from presslens.corpus import load_teaching
    >>> from presslens.text import clean
    >>> cleaned = clean(load_teaching().head(200), progress=False).corpus
    >>> articles = dd.from_pandas(cleaned, npartitions=2)
    >>> import tempfile
    >>> result = cluster_corpus(articles, 3, workdir=tempfile.mkdtemp(), n_components=10)
    >>> result
    ScaleClustering(200 articles, k=3)
    >>> result.centers.shape, int(result.summary["articles"].sum()), result.labels().npartitions
    ((3, 10), 200, 2)
    >>> table = result.assignments()
    >>> table.columns.tolist(), table["doc_id"].tolist() == cleaned["doc_id"].tolist()
    (['doc_id', 'cluster', 'cluster_name'], True)
    >>> result.vectors(0).shape
    (100, 10)
    """

    def __init__(self, **attributes):
        self.__dict__.update(attributes)

    def labels(self):
        """Labels of every article as a Dask DataFrame (one partition per corpus partition)."""
        import dask.dataframe as dd

        return dd.read_parquet(self.label_paths)

    def assignments(self) -> pd.DataFrame:
        """``doc_id``, ``cluster`` and ``cluster_name`` of every article, in corpus order
        (gathered to this process: about 50 bytes per article)."""
        table = pd.concat([pd.read_parquet(p, columns=["doc_id", "cluster"]) for p in self.label_paths], ignore_index=True)
        names = dict(zip(self.summary["cluster"], self.summary["name"], strict=True))
        return table.assign(cluster_name=table["cluster"].map(names))

    def vectors(self, partition: int) -> np.ndarray:
        """The LSA vectors of one partition's articles."""
        return np.load(self.vector_paths[partition])

    def __repr__(self) -> str:
        return f"ScaleClustering({self.features.n_documents:,} articles, k={self.k})"


@renamed_parameters(n_bootstrap="n_boot")
def cluster_corpus(articles, k: int | None = None, *, workdir, text: str = "text", features: HashedFeatures | None = None, k_values=range(3, 13),
                   n_components: int = 50, sample_size: int = 20_000, batch_size: int = 4096, n_init: int = 10, max_iter: int = 30,
                   tol: float = 1e-6, group: str = "outlet_type", top_n: int = 8, n_exemplars: int = 3, n_boot: int = 10,
                   random_state: int = 0) -> ScaleClustering:
    """Kinds of coverage at scale: hashed TF-IDF, LSA, mini-batch k-means, labels.

    Parameters
    ----------
    articles : dask.dataframe.DataFrame
        The cleaned corpus (:func:`presslens.scale.prepare`).
    k : int, optional
        Number of clusters; ``None`` chooses it on the sample's vectors with
        :func:`presslens.cluster.choose_k` and :func:`presslens.cluster.recommend_k` over
        ``k_values`` (internal criteria and bootstrap stability).
    workdir : path
        Folder for features (``features/``) and labels (``labels/``), reachable by every
        worker.
    features : HashedFeatures, optional
        Features already computed (:func:`presslens.scale.hashed_features`).
    n_components, sample_size
        LSA dimensions; articles in the sample the SVD and the initial centres come from.
    batch_size, n_init, max_iter, tol
        Mini-batch size; k-means++ runs on the sample; at most ``max_iter`` refinement
        passes, stopping when no centre moves more than ``tol``.

    Returns
    -------
    ScaleClustering

    Example
    -------
    >>> import dask.dataframe as dd
    >>> from presslens.corpus import load_teaching
    >>> from presslens.text import clean
    >>> cleaned = clean(load_teaching().head(200), progress=False).corpus
    >>> articles = dd.from_pandas(cleaned, npartitions=2)
    >>> import tempfile
    >>> result = cluster_corpus(articles, 3, workdir=tempfile.mkdtemp(), n_components=10)
    >>> result.k, result.reason, result.sample_size
    (3, 'k = 3 was given.', 200)
    >>> result.summary.columns[:4].tolist(), int(result.summary["articles"].sum())
    (['cluster', 'articles', 'share', 'top_terms'], 200)
    """
    import dask

    from presslens.cluster import choose_k, class_tfidf, recommend_k
    from presslens.features import lsa

    workdir = Path(workdir)
    if features is None:
        features = hashed_features(articles, workdir, text=text)
    n = features.n_documents
    partition_numbers = range(len(features.paths))
    delayed_features = dask.delayed(features)
    # 1-2: a sample chosen by doc_id hash, LSA fitted on it
    share = min(1.0, sample_size / max(1, n))
    threshold = np.uint64(min(2**64 - 1, int(share * 2**64)))
    sampled = dask.compute(*[dask.delayed(_sample_partition)(delayed_features, p, threshold) for p in partition_numbers])
    import scipy.sparse as sp

    sample_matrix = sp.vstack([m for m, _ in sampled]).tocsr()
    order = np.argsort(np.concatenate([keys for _, keys in sampled]), kind="stable")  # the same order whatever the partitioning
    sample_matrix = sample_matrix[order]
    sample_vectors, lsa_model = lsa(sample_matrix, n_components, random_state=random_state)
    sample_vectors = sample_vectors.astype(np.float64)
    k_table = None
    if k is None:
        k_table = choose_k(sample_vectors, k_values, n_boot=n_boot, random_state=random_state)
        k, reason = recommend_k(k_table)
        reason += f" (k was chosen on a sample of {len(sample_vectors):,} articles.)"
    else:
        reason = f"k = {k} was given."
    # 3: initial centres from the sample
    initial = KMeans(n_clusters=k, n_init=n_init, random_state=random_state).fit(sample_vectors).cluster_centers_
    # every partition projected once; the k-means passes read the vectors
    (workdir / "vectors").mkdir(parents=True, exist_ok=True)
    vector_paths = [str(workdir / "vectors" / f"part-{p:05d}.npy") for p in partition_numbers]
    delayed_lsa = dask.delayed(lsa_model)
    dask.compute(*[dask.delayed(_project_partition)(delayed_features, delayed_lsa, p, path) for p, path in zip(partition_numbers, vector_paths, strict=True)])
    # 4: mini-batch k-means, partitions in order
    model = dask.delayed(MiniBatchKMeans(n_clusters=k, init=initial, n_init=1, batch_size=batch_size, random_state=random_state))
    for path in vector_paths:
        model = dask.delayed(_partial_fit)(model, path, batch_size)
    centers = model.compute().cluster_centers_.astype(np.float64)
    # 5: Lloyd refinement as reductions
    iterations, inertia = 0, float("nan")
    for iterations in range(1, max_iter + 1):  # noqa: B007 (the count is reported)
        tasks = [dask.delayed(_lloyd_partition)(path, centers) for path in vector_paths]
        sums, counts, inertia = tree_reduce(tasks, _add_tuples).compute()
        updated = np.where(counts[:, None] > 0, sums / np.maximum(counts, 1)[:, None], centers)
        shift = float(np.abs(updated - centers).max())
        centers = updated
        if shift <= tol:
            break
    # 6: labels, written per partition, and the reduced counts for the summary
    folder = workdir / "labels"
    folder.mkdir(parents=True, exist_ok=True)
    label_paths = [str(folder / f"part-{p:05d}.parquet") for p in partition_numbers]
    tasks = [dask.delayed(_label_partition)(part, delayed_features, vector_paths[p], p, centers, path, group, n_exemplars)
             for p, (part, path) in enumerate(zip(partitions(articles), label_paths, strict=True))]
    term_sums, group_counts, outlet_counts, year_counts, exemplars = tree_reduce(tasks, _combine_labels).compute()
    clusters = sorted(set(group_counts.index.get_level_values(0)))
    terms = class_tfidf(term_sums[clusters], np.array(clusters), features.terms, top_n=top_n)
    sizes = group_counts.groupby(level=0).sum()
    overall = group_counts.groupby(level=1).sum() / n
    rows = []
    for c in clusters:
        typical = exemplars[exemplars["cluster"] == c].sort_values(["similarity", "partition", "row"], ascending=[False, True, True], kind="stable").head(n_exemplars)
        shares = (group_counts.loc[c] / sizes[c]).sort_index()
        top = shares.sort_values(ascending=False, kind="stable").index[0]
        outlets = outlet_counts.loc[c].sort_index()
        years = year_counts.loc[c].sort_index()
        rows.append({"cluster": int(c), "articles": int(sizes[c]), "share": round(int(sizes[c]) / n, 3),
                     "top_terms": ", ".join(terms.loc[terms["cluster"] == c, "term"]),
                     "typical_headlines": " | ".join(typical["headline"]), "typical_doc_ids": " ".join(typical["doc_id"]),
                     "top_group": top, "group_share": round(float(shares[top]), 3), "group_lift": round(float(shares[top] / overall[top]), 2),
                     "top_outlet": outlets.sort_values(ascending=False, kind="stable").index[0],
                     "median_year": int(_median_from_counts(years)), "peak_year": int(years.idxmax())})
    summary = pd.DataFrame(rows)
    summary["name"] = [", ".join(t.split(", ")[:3]) for t in summary["top_terms"]]
    return ScaleClustering(k=k, reason=reason, k_table=k_table, centers=centers, summary=summary, inertia=inertia, iterations=iterations,
                           features=features, lsa_model=lsa_model, vector_paths=vector_paths, label_paths=label_paths, sample_size=len(sample_vectors))


def _sample_rows(doc_ids, n: int, sample_size: int) -> np.ndarray:
    """Positions of the sampled articles, ordered by their doc_id hash (as in :func:`cluster_corpus`)."""
    keys = pd.util.hash_array(np.asarray(doc_ids, dtype=object).astype(str).astype(object))
    share = min(1.0, sample_size / max(1, n))
    threshold = np.uint64(min(2**64 - 1, int(share * 2**64)))
    rows = np.flatnonzero(keys < threshold)
    return rows[np.argsort(keys[rows], kind="stable")]


def cluster_in_memory(corpus: pd.DataFrame, k: int, *, text: str = "text", analyzer=None, n_components: int = 50, sample_size: int = 20_000,
                      batch_size: int = 4096, n_init: int = 10, max_iter: int = 30, tol: float = 1e-6, random_state: int = 0) -> np.ndarray:
    """The clustering of :func:`cluster_corpus` computed in one process: the reference the
    Dask path is compared with.

    The same hashed TF-IDF (fitted on the whole corpus in memory), the same LSA sample and
    initial centres; then scikit-learn's ``MiniBatchKMeans.fit`` on all vectors at once
    (its own random batches, not partitions) and in-memory Lloyd iterations
    (``KMeans`` from those centres).  Returns one label per article, in corpus order.

    Example
    -------
    >>> from presslens.corpus import load_teaching
    >>> from presslens.text import clean
    >>> cleaned = clean(load_teaching().head(200), progress=False).corpus
    >>> labels = cluster_in_memory(cleaned, 3, n_components=10)
    >>> labels.shape, sorted(set(labels.tolist()))
    ((200,), [0, 1, 2])
    """
    from presslens.features import analyzer as make_analyzer
    from presslens.features import lsa
    from presslens.scale.features import HashedTfidf

    texts = corpus[text].tolist()
    model = HashedTfidf(analyzer or make_analyzer(corpus, text=text, drop_names=True)).fit(texts)
    matrix = model.transform(texts)
    sample = _sample_rows(corpus["doc_id"], len(texts), sample_size)
    sample_vectors, lsa_model = lsa(matrix[sample], n_components, random_state=random_state)
    initial = KMeans(n_clusters=k, n_init=n_init, random_state=random_state).fit(sample_vectors.astype(np.float64)).cluster_centers_
    vectors = np.asarray(lsa_model.transform(matrix), dtype=np.float64)
    centers = MiniBatchKMeans(n_clusters=k, init=initial, n_init=1, batch_size=batch_size, random_state=random_state).fit(vectors).cluster_centers_
    return KMeans(n_clusters=k, init=centers, n_init=1, max_iter=max_iter, tol=tol, algorithm="lloyd").fit_predict(vectors)


__all__ = ["ScaleClustering", "cluster_corpus", "cluster_in_memory"]
