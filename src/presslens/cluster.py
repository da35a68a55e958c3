"""Clustering articles into kinds of coverage: choosing k, stability, labels, evaluation.

* ``cluster_articles``: k-means on LSA vectors (default), agglomerative clustering with
  Ward linkage, or HDBSCAN (scikit-learn's; label ``-1`` is noise).
* ``choose_k``: for each k, silhouette (Rousseeuw 1987), Calinski-Harabasz,
  Davies-Bouldin and stability: the mean adjusted Rand index between clusterings fitted
  on bootstrap resamples of the articles, each used to assign every article (in the
  spirit of Lange et al. 2004 and Hennig 2007).  ``recommend_k`` picks a k and says why.
  Both live in :mod:`presslens.choose` and are re-exported here.
* ``label_clusters``: top terms by class-based TF-IDF (c-TF-IDF, Grootendorst 2022),
  the most typical articles (nearest the centroid) with their headlines, and the outlets,
  outlet types and years that dominate each cluster.
* ``evaluate_clusters`` / ``contingency``: NMI, ARI, homogeneity, completeness against
  any labelling, and the cross-table.
* ``cocluster``: spectral co-clustering of documents and words (Dhillon 2001).

References: Rousseeuw, P. J. (1987). Silhouettes. *J. Comput. Appl. Math.*, 20, 53-65.
Lange, T., Roth, V., Braun, M. L., & Buhmann, J. M. (2004). Stability-based validation
of clustering solutions. *Neural Computation*, 16(6), 1299-1323. Hennig, C. (2007).
Cluster-wise assessment of cluster stability. *Computational Statistics & Data
Analysis*, 52(1), 258-271. Grootendorst, M. (2022). BERTopic: Neural topic modeling
with a class-based TF-IDF procedure. arXiv:2203.05794. Dhillon, I. S. (2001).
Co-clustering documents and words using bipartite spectral graph partitioning. *KDD*.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
from sklearn.cluster import HDBSCAN, AgglomerativeClustering, KMeans, SpectralCoclustering
from sklearn.metrics import adjusted_rand_score

from presslens._compat import renamed_parameters
from presslens.choose import (  # noqa: F401  (re-exported: choosing k lives in presslens.choose)
    EdgeOfRangeWarning,
    choose_k,
    recommend_by_stability,
    recommend_k,
    significant,
    stability,
)

METHODS = ("kmeans", "agglomerative", "hdbscan")


def canonical_labels(labels) -> np.ndarray:
    """Renumber clusters canonically: by size, largest first, ties broken by the first
    member in corpus order; noise (``-1``) stays ``-1``.  The same partition then gets the
    same numbers whatever order an algorithm found its clusters in.

    Example
    -------
    >>> canonical_labels([5, 2, 2, 5, 2, -1, 7]).tolist()
    [1, 0, 0, 1, 0, -1, 2]
    """
    labels = np.asarray(labels)
    values, first, counts = np.unique(labels, return_index=True, return_counts=True)
    keep = values != -1
    order = sorted(zip(-counts[keep], first[keep], values[keep], strict=True))
    mapping = {value: new for new, (_, _, value) in enumerate(order)}
    mapping[-1] = -1
    return np.array([mapping[v] for v in labels], dtype=np.int64)


def cluster_articles(vectors, k: int | None = 8, *, method: str = "kmeans", random_state: int = 0, n_init: int = 10, min_cluster_size: int = 15) -> np.ndarray:
    """Cluster document vectors; return one integer label per article.

    Parameters
    ----------
    vectors : array (n_articles, n_dimensions)
        Document vectors, e.g. from :func:`presslens.features.lsa`.
    k : int
        Number of clusters (ignored by HDBSCAN, which finds its own).
    method : {"kmeans", "agglomerative", "hdbscan"}
        ``agglomerative`` uses Ward linkage; ``hdbscan`` labels noise ``-1``.

    Labels are canonical (:func:`canonical_labels`): cluster 0 is the largest.

    Example
    -------
    >>> vectors = np.array([[0, 1], [0, 0.9], [1, 0], [0.9, 0], [1, 0.1]])
    >>> cluster_articles(vectors, 2).tolist()
    [1, 1, 0, 0, 0]
    """
    if method == "kmeans":
        labels = KMeans(n_clusters=k, n_init=n_init, random_state=random_state).fit_predict(vectors)
    elif method == "agglomerative":
        labels = AgglomerativeClustering(n_clusters=k, linkage="ward").fit_predict(vectors)
    elif method == "hdbscan":
        labels = HDBSCAN(min_cluster_size=min_cluster_size, copy=True).fit_predict(vectors)
    else:
        raise ValueError(f"method must be one of {METHODS}")
    return canonical_labels(labels)


def class_tfidf(matrix, labels, terms, *, top_n: int = 10) -> pd.DataFrame:
    """Top terms of each cluster by class-based TF-IDF (Grootendorst 2022).

    The term counts of a cluster's articles are summed into one class document;
    ``c-TF-IDF = tf(t, c) / |c| * log(1 + A / f(t))`` with ``A`` the average number of
    words per class and ``f(t)`` the term's frequency over all classes.
    """
    labels = np.asarray(labels)
    classes = [c for c in np.unique(labels) if c != -1]
    matrix = matrix.tocsr() if hasattr(matrix, "tocsr") else np.asarray(matrix)
    counts = np.vstack([np.asarray(matrix[labels == c].sum(axis=0)).ravel() for c in classes])
    totals = counts.sum(axis=1, keepdims=True)
    tf = counts / np.where(totals == 0, 1, totals)
    average = counts.sum() / len(classes)
    idf = np.log(1 + average / np.maximum(counts.sum(axis=0), 1e-12))
    scores = tf * idf
    rows = []
    for i, c in enumerate(classes):
        order = np.argsort(-scores[i], kind="stable")[:top_n]
        for rank, j in enumerate(order, start=1):
            rows.append({"cluster": int(c), "rank": rank, "term": terms[j], "score": float(scores[i, j])})
    return pd.DataFrame(rows)


def label_clusters(corpus: pd.DataFrame, labels, vectors, features, *, top_n: int = 8, n_exemplars: int = 3, group: str = "outlet_type") -> pd.DataFrame:
    """One row per cluster: size, top terms, typical headlines, dominant groups and years.

    ``features`` is the :class:`presslens.features.Features` the vectors came from (its
    matrix gives the terms).  Typical articles are those nearest the cluster's centroid
    (cosine similarity).  ``group_share`` is the share of the cluster's articles in its
    most common group, ``group_lift`` that share divided by the group's share of the corpus.
    A corpus without the ``group`` column is grouped by ``outlet`` (always present), so
    the table has the same columns on every corpus.

    Example
    -------
    >>> label_clusters(cleaned, labels, vectors, features)   # doctest: +SKIP
    """
    labels = np.asarray(labels)
    vectors = np.asarray(vectors)
    terms = class_tfidf(features.matrix, labels, features.terms, top_n=top_n)
    corpus = corpus.reset_index(drop=True)
    group = group if group in corpus else "outlet"
    overall = corpus[group].value_counts(normalize=True)
    rows = []
    for c in sorted(set(labels)):
        members = np.flatnonzero(labels == c)
        centroid = vectors[members].mean(axis=0)
        norm = np.linalg.norm(centroid)
        similarity = vectors[members] @ (centroid / norm if norm else centroid)
        typical = members[np.argsort(-similarity, kind="stable")[:n_exemplars]]
        row = {
            "cluster": int(c),
            "articles": len(members),
            "share": round(len(members) / len(labels), 3),
            "top_terms": ", ".join(terms.loc[terms["cluster"] == c, "term"]) if c != -1 else "(noise)",
            "typical_headlines": " | ".join(corpus.loc[typical, "headline"].astype(str)),
            "typical_doc_ids": " ".join(corpus.loc[typical, "doc_id"].astype(str)),
        }
        shares = corpus.loc[members, group].value_counts(normalize=True)
        top = shares.sort_values(ascending=False, kind="stable").index[0]
        row.update({"top_group": top, "group_share": round(float(shares[top]), 3), "group_lift": round(float(shares[top] / overall[top]), 2)})
        top_outlet = corpus.loc[members, "outlet"].value_counts().index[0]
        years = corpus.loc[members, "published"].dt.year
        row.update({"top_outlet": top_outlet, "median_year": int(years.median()), "peak_year": int(years.value_counts().sort_index().idxmax())})
        rows.append(row)
    table = pd.DataFrame(rows)
    table["name"] = [", ".join(t.split(", ")[:3]) for t in table["top_terms"]]
    return table


def evaluate_clusters(labels, truth, *, ignore=None) -> pd.DataFrame:
    """Agreement between clusters and a reference labelling (one row).

    NMI (arithmetic normalisation, scikit-learn's default), ARI, homogeneity (each cluster
    holds one class), completeness (each class falls in one cluster) and V-measure.
    Articles whose reference label is missing, or equal to ``ignore``, are left out.
    """
    from presslens.evaluate import score_clusters

    return score_clusters(labels, truth, ignore=ignore).drop(columns="purity").round(3)


def contingency(labels, truth, *, normalize: bool = False) -> pd.DataFrame:
    """Cross-table of clusters (rows) against a reference labelling (columns)."""
    table = pd.crosstab(pd.Series(np.asarray(labels), name="cluster"), pd.Series(pd.Series(truth).fillna("(none)").to_numpy(), name="reference"))
    return table.div(table.sum(axis=1), axis=0).round(3) if normalize else table


def seed_stability(vectors, k: int, *, seeds=range(10), truth=None, n_init: int = 10) -> pd.DataFrame:
    """k-means with different seeds: NMI against ``truth`` (if given) and ARI to seed 0."""
    rows, reference = [], None
    for seed in seeds:
        labels = KMeans(n_clusters=k, n_init=n_init, random_state=seed).fit_predict(vectors)
        reference = labels if reference is None else reference
        row = {"seed": seed, "ari_to_first": adjusted_rand_score(reference, labels)}
        if truth is not None:
            row["nmi"] = float(evaluate_clusters(labels, truth)["nmi"].iat[0])
        rows.append(row)
    return pd.DataFrame(rows).round(3)


def cocluster(features, k: int, *, random_state: int = 0, top_n: int = 10) -> tuple[np.ndarray, pd.DataFrame]:
    """Spectral co-clustering of documents and words: document labels and each bicluster's words.

    Words are ranked within their bicluster by their total weight in its documents.
    """
    model = SpectralCoclustering(n_clusters=k, random_state=random_state).fit(features.matrix)
    rows = []
    matrix = features.matrix.tocsc()
    for c in range(k):
        docs = np.flatnonzero(model.row_labels_ == c)
        words = np.flatnonzero(model.column_labels_ == c)
        weight = np.asarray(matrix[docs][:, words].sum(axis=0)).ravel() if len(docs) and len(words) else np.zeros(len(words))
        top = words[np.argsort(-weight, kind="stable")[:top_n]]
        rows.append({"bicluster": c, "articles": len(docs), "words": len(words), "top_words": ", ".join(features.terms[top])})
    return model.row_labels_, pd.DataFrame(rows)


def linkage_matrix(vectors, method: str = "ward"):
    """The hierarchical clustering tree (scipy linkage) for a dendrogram."""
    from scipy.cluster.hierarchy import linkage

    return linkage(np.asarray(vectors, dtype=np.float64), method=method)


def kmeans_model(vectors, k: int, *, random_state: int = 0, n_init: int = 10, init_sample: int | None = 2_500) -> tuple[np.ndarray, KMeans, np.ndarray]:
    """k-means as in :func:`cluster_articles`, keeping the model: ``(labels, model, label_map)``;
    ``label_map[model.predict(x)]`` numbers new vectors as the canonical ``labels`` (a centre
    without members, when there are fewer distinct points than ``k``, maps as its nearest).

    Example
    -------
    >>> labels, model, label_map = kmeans_model(np.array([[0, 1], [0, 0.9], [1, 0], [0.9, 0], [1, 0.1]]), 2)
    >>> labels.tolist(), label_map[model.predict(np.array([[0.1, 1.0]]))].tolist()
    ([1, 1, 0, 0, 0], [1])

    On more than twice ``init_sample`` articles the ``n_init`` starts are scored on a random
    sample of ``init_sample`` articles and the best is refined by k-means on all of them
    (refined starting points from a subsample, Bradley & Fayyad 1998): many starts stay
    affordable on a large corpus.  Smaller corpora use every article for every start: with the
    default, every corpus of up to 5,000 articles.  (A 1,000-article sample, the earlier
    default, lost real structure at about 2,200 articles: on a Reuters-21578 sample of 2,185
    articles in 5 topics its best start refined to a worse optimum than 50 full starts, NMI
    0.67 against 0.73 on two seeds of five; benchmarks/RESULTS.md, issue 18.)
    """
    vectors = np.asarray(vectors)
    if init_sample and len(vectors) > 2 * init_sample and n_init > 1:
        sample = np.random.default_rng(random_state).choice(len(vectors), init_sample, replace=False)
        starts = KMeans(n_clusters=k, n_init=n_init, random_state=random_state).fit(vectors[np.sort(sample)]).cluster_centers_
        model = KMeans(n_clusters=k, init=starts, n_init=1, random_state=random_state).fit(vectors)
    else:
        model = KMeans(n_clusters=k, n_init=n_init, random_state=random_state).fit(vectors)
    labels = canonical_labels(model.labels_)
    label_map = np.full(len(model.cluster_centers_), -1, dtype=np.int64)
    label_map[model.labels_] = labels
    empty, used = np.flatnonzero(label_map < 0), np.flatnonzero(label_map >= 0)
    if len(empty):  # centres of no article: the label of the nearest centre with articles
        label_map[empty] = label_map[used[((model.cluster_centers_[empty, None] - model.cluster_centers_[None, used]) ** 2).sum(axis=2).argmin(axis=1)]]
    return labels, model, label_map


class Clustering:
    """The result of :func:`cluster_corpus`: labels, everything needed to read them, and the
    fitted models that place new articles in the same clusters (:meth:`predict`).

    Example
    -------
    >>> kinds = {"court": "jury verdict judge trial sentence", "school": "pupils teachers classroom lessons parents"}
    >>> corpus = pd.DataFrame([{"doc_id": f"{kind}-{i}", "outlet": "Daily Blaze", "headline": kind, "published": pd.Timestamp("2021-03-01"),
    ...                         "text": " ".join(np.roll(words.split(), i))} for kind, words in kinds.items() for i in range(4)])
    >>> result = cluster_corpus(corpus, k=2, progress=False)
    >>> result.labels.tolist()
    [0, 0, 0, 0, 1, 1, 1, 1]
    >>> result.predict(["The judge sent the jury out", "Parents and teachers met"]).tolist()
    [0, 1]
    """

    def __init__(self, corpus, labels, vectors, features, summary, k, reason, k_table=None, k_at_edge=False, *,
                 embedder=None, embedding=None, kmeans=None, label_map=None, text: str = "text", clean_first: bool = True):
        self.corpus = corpus  # the cleaned corpus the clusters were found in
        self.labels = labels
        self.vectors = vectors
        self.features = features
        self.summary = summary  # one row per cluster (label_clusters)
        self.k = k
        self.reason = reason
        self.k_table = k_table
        self.k_at_edge = k_at_edge  # True when the chosen k is at an edge of the range searched
        # for predict (cluster_corpus fills them): the fitted LSA pipeline or embedding, the embedding given (None: LSA),
        # the k-means model and its numbers -> canonical labels; the text column and whether it was cleaned
        self.embedder, self.embedding, self.kmeans, self.label_map = embedder, embedding, kmeans, label_map
        self.text, self.clean_first = text, clean_first

    def assignments(self) -> pd.DataFrame:
        """doc_id, cluster and cluster name for every article."""
        return self._named(self.corpus["doc_id"].to_numpy(), self.labels)

    def _named(self, doc_ids, labels) -> pd.DataFrame:
        names = dict(zip(self.summary["cluster"], self.summary["name"], strict=True))
        return pd.DataFrame({"doc_id": doc_ids, "cluster": labels, "cluster_name": [names[c] for c in labels]})

    def transform(self, corpus) -> np.ndarray:
        """Document vectors of new articles in the fitted space (what :meth:`predict` assigns):
        cleaned when :func:`cluster_corpus` cleaned, then the fitted TF-IDF and LSA models, or
        the embedding's ``transform`` (:func:`presslens.features.transform_documents`)."""
        from presslens.features import corpus_texts, transform_documents
        from presslens.text import clean_text

        if getattr(self, "kmeans", None) is None or getattr(self, "embedder", None) is None:
            raise ValueError("this Clustering holds no fitted models to apply to new articles (it was not made by cluster_corpus, "
                             "or was saved by an older presslens): refit with presslens.cluster.cluster_corpus")
        texts = corpus_texts(corpus, self.text)[0]
        texts = [clean_text(t).text for t in texts] if self.clean_first else texts
        return transform_documents(texts, self.features, self.embedder, embedding=self.embedding, dimensions=self.vectors.shape[1])

    def predict(self, corpus) -> np.ndarray:
        """The fitted cluster of each new article (a corpus table or a list of texts, given as to
        :func:`cluster_corpus`): the nearest k-means centre, numbered as :attr:`labels`, so the
        training articles get back their own labels.  Vectors as :meth:`transform` makes them."""
        vectors = self.transform(corpus)
        return self.label_map[self.kmeans.predict(vectors)] if len(vectors) else np.zeros(0, dtype=np.int64)

    def predict_frame(self, corpus) -> pd.DataFrame:
        """:meth:`predict` as a table like :meth:`assignments`: ``doc_id``, ``cluster``,
        ``cluster_name`` (``doc_id`` is the row position for a list of texts)."""
        from presslens.features import corpus_texts

        labels, doc_ids = self.predict(corpus), corpus_texts(corpus, self.text)[1]
        return self._named(np.arange(len(labels)) if doc_ids is None else doc_ids, labels)

    def __repr__(self) -> str:
        return f"Clustering({len(self.labels):,} articles, k={self.k})"


@renamed_parameters(n_bootstrap="n_boot")
def cluster_corpus(corpus: pd.DataFrame, k: int | None = None, *, k_values=range(3, 13), text: str = "text", clean_first: bool = True,
                   n_components: int = 50, drop_names: bool | str = True, random_state: int = 0, n_boot: int = 10,
                   embedding=None, progress: bool | None = None, group: str = "outlet_type", n_init: int = 50) -> Clustering:
    """The default pipeline for kinds of coverage: clean, TF-IDF, LSA, k-means, labels.

    1. :func:`presslens.text.clean` removes news noise (``clean_first=True``);
    2. TF-IDF with English and news stop words, outlet names and (``drop_names=True``)
       the corpus's person names removed (``drop_names="all"``: every proper noun,
       places and organisations too), sublinear tf, ``min_df=2``, ``max_df=0.5``;
    3. LSA to ``n_components`` dimensions, rows normalised (or any ``embedding``);
    4. k-means, the best of ``n_init`` starts (lowest inertia; k-means only finds a local
       optimum, and on news of several close kinds ten starts often miss the best one; above
       5,000 articles the starts are scored on a sample, see :func:`kmeans_model`); with
       ``k=None`` the number of clusters comes from :func:`choose_k` over ``k_values`` and
       :func:`recommend_k` (stability less its spread as the score, the smallest k near the
       best; ``result.k_at_edge`` and an :class:`EdgeOfRangeWarning` when the choice is at
       an edge of ``k_values``);
    5. :func:`label_clusters` for top terms, typical headlines and dominant groups.

    The result keeps the fitted vectorizer, LSA model (or embedding) and k-means model:
    :meth:`Clustering.predict` places new articles in the same clusters.

    Example
    -------
    >>> result = cluster_corpus(load_teaching(), k=7)    # doctest: +SKIP
    >>> result.summary[["cluster", "articles", "name"]]  # doctest: +SKIP
    """
    from presslens.features import document_vectors
    from presslens.text import clean

    prepared = clean(corpus, text=text, progress=progress).corpus if clean_first else corpus
    prepared = prepared.reset_index(drop=True)
    vectors, features, embedder = document_vectors(prepared, text=text, embedding=embedding, n_components=n_components, random_state=random_state,
                                                   drop_names=drop_names, return_model=True)
    k_table, at_edge = None, False
    if k is None:
        k_table = choose_k(vectors, k_values, n_boot=n_boot, random_state=random_state)
        k, reason, at_edge = recommend_by_stability(k_table, "k")
    else:
        reason = f"k = {k} was given."
    labels, kmeans, label_map = kmeans_model(vectors, k, random_state=random_state, n_init=n_init)
    summary = label_clusters(prepared, labels, vectors, features, group=group)
    return Clustering(prepared, labels, vectors, features, summary, k, reason, k_table, k_at_edge=at_edge, embedder=embedder, embedding=embedding,
                      kmeans=kmeans, label_map=label_map, text=text, clean_first=clean_first)
