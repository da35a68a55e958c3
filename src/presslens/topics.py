"""Topic models: NMF (default) and LDA, coherence, diversity, prevalence by group.

A topic model describes each article as a *mixture* of topics, where clustering puts it
in one group.  NMF factorises the TF-IDF matrix (Lee & Seung 1999); LDA is a generative
model of word counts (Blei, Ng & Jordan 2003); both come from scikit-learn.

Coherence is NPMI between a topic's top words: over document co-occurrence (Lau,
Newman & Baldwin 2014) or over a sliding window of words (Röder, Both & Hinneburg 2015,
C_NPMI with a window of 10).  Topic diversity is the share of distinct words among all
topics' top 25 words (Dieng, Ruiz & Blei 2020).  Written here because the reference
implementation (gensim's CoherenceModel) is a heavy dependency for two short functions.

References: Lee, D. D., & Seung, H. S. (1999). Learning the parts of objects by
non-negative matrix factorization. *Nature*, 401, 788-791. Blei, D. M., Ng, A. Y., &
Jordan, M. I. (2003). Latent Dirichlet allocation. *JMLR*, 3, 993-1022. Lau, J. H.,
Newman, D., & Baldwin, T. (2014). Machine reading tea leaves. *EACL*, 530-539. Röder, M.,
Both, A., & Hinneburg, A. (2015). Exploring the space of topic coherence measures.
*WSDM*, 399-408. Dieng, A. B., Ruiz, F. J. R., & Blei, D. M. (2020). Topic modeling in
embedding spaces. *TACL*, 8, 439-453. Greene, D., O'Callaghan, D., & Cunningham, P.
(2014). How many topics? Stability analysis for topic models. *ECML PKDD*, 498-513.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass

import numpy as np
import pandas as pd
from sklearn.decomposition import NMF, LatentDirichletAllocation

from presslens._compat import renamed_parameters
from presslens.compare import prevalence
from presslens.features import Features, corpus_texts, vectorize


@dataclass
class TopicModel:
    """A fitted topic model: document-topic table, top words, and what it was fitted on.

    ``model`` (NMF or LDA) and ``features.vectorizer`` are the fitted models;
    :meth:`transform` applies them to new articles.
    """

    method: str
    model: object
    features: Features
    doc_topics: pd.DataFrame  # doc_id, topic_0 ... topic_{k-1} (rows sum to 1)
    top_words: pd.DataFrame  # topic, rank, term, weight
    text: str = "text"  # the text column fitted on

    @property
    def n_topics(self) -> int:
        return self.model.n_components

    @property
    def topic_columns(self) -> list[str]:
        return [f"topic_{i}" for i in range(self.n_topics)]

    def words(self, top_n: int = 10) -> list[list[str]]:
        """Top words per topic, as lists."""
        return [list(g.sort_values("rank")["term"].head(top_n)) for _, g in self.top_words.groupby("topic", sort=True)]

    def labels(self, n_words: int = 3) -> list[str]:
        """Readable names: the topic's first words."""
        return [f"{i}: " + ", ".join(words[:n_words]) for i, words in enumerate(self.words(n_words))]

    def dominant(self) -> pd.Series:
        """Each article's largest topic."""
        return self.doc_topics[self.topic_columns].to_numpy().argmax(axis=1)

    def transform(self, corpus) -> pd.DataFrame:
        """Topic shares of new articles, with the topics fixed: a table like :attr:`doc_topics`.

        ``corpus`` is a corpus table (its text column, as at fit time; the result starts
        with its ``doc_id``) or a list of texts (topic columns only).  :func:`fit_topics`
        does not clean texts, so pass them prepared exactly as the fitted ones were (e.g.
        through :func:`presslens.text.clean` if the model was fitted on a cleaned corpus).
        The fitted vectorizer ignores words it never saw; an article with none of the
        model's words gets equal shares.  NMF re-solves each article's weights against the
        fixed topics, so on the training articles the shares agree with :attr:`doc_topics`
        to about three decimals (5e-4 at most on the teaching corpus), not digit for digit; LDA's agree.

        Example
        -------
        >>> corpus = pd.DataFrame({"doc_id": range(6), "text": ["jury verdict judge trial"] * 3 + ["pupils teachers classroom lessons"] * 3})
        >>> model = fit_topics(corpus, 2, min_df=1, max_df=1.0)
        >>> model.transform(["the judge and the jury", "pupils in lessons", "weather"])
           topic_0  topic_1
        0      1.0      0.0
        1      0.0      1.0
        2      0.5      0.5
        """
        texts, doc_ids = corpus_texts(corpus, self.text)
        if not texts:
            shares = np.zeros((0, self.n_topics))
        else:
            shares = _shares(self.model.transform(self.features.vectorizer.transform(texts)))
        table = pd.DataFrame(shares, columns=self.topic_columns)
        if doc_ids is not None:
            table.insert(0, "doc_id", doc_ids)
        return table


def _shares(weights: np.ndarray) -> np.ndarray:
    """Topic weights as shares of each document (equal shares for a document with none), to 6 decimals."""
    totals = weights.sum(axis=1, keepdims=True)
    return np.divide(weights, totals, out=np.full_like(weights, 1.0 / weights.shape[1]), where=totals > 0).round(6)


def fit_topics(corpus: pd.DataFrame, n_topics: int = 8, *, method: str = "nmf", text: str = "text", features: Features | None = None,
               random_state: int = 0, top_n: int = 15, max_iter: int = 400, **vectorize_options) -> TopicModel:
    """Fit NMF (on TF-IDF) or LDA (on counts) and return document-topic shares and top words.

    Topics are numbered canonically: topic 0 is the largest share of documents' dominant
    topic, ties broken by the first such document in corpus order, so the same model gets
    the same numbers.

    Example
    -------
    >>> corpus = pd.DataFrame({"doc_id": range(6), "text": ["jury verdict judge trial"] * 3 + ["pupils teachers classroom lessons"] * 3})
    >>> fit_topics(corpus, 2, min_df=1, max_df=1.0).words(2)
    [['judge', 'jury'], ['classroom', 'lessons']]
    """
    if method not in ("nmf", "lda"):
        raise ValueError("method must be 'nmf' or 'lda'")
    if features is None:
        features = vectorize(corpus, text=text, kind="tfidf" if method == "nmf" else "count", **vectorize_options)
    if method == "nmf":
        model = NMF(n_components=n_topics, init="nndsvda", random_state=random_state, max_iter=max_iter)
    else:
        model = LatentDirichletAllocation(n_components=n_topics, learning_method="batch", random_state=random_state, max_iter=min(max_iter, 25))
    weights = model.fit_transform(features.matrix)
    # canonical numbering: topics by the number of documents they dominate (largest first), ties
    # by the first such document in corpus order (integers, so no near-tie of floating sums decides)
    components = model.components_
    dominant = weights.argmax(axis=1) if len(weights) else np.zeros(0, dtype=int)
    sizes = np.bincount(dominant, minlength=n_topics)
    first = [int(np.flatnonzero(dominant == t)[0]) if sizes[t] else len(dominant) for t in range(n_topics)]
    top_terms = [str(features.terms[int(np.argmax(row))]) for row in components]
    order = sorted(range(n_topics), key=lambda t: (-int(sizes[t]), first[t], top_terms[t], t))
    weights = weights[:, order]
    model.components_ = components[order]
    if method == "lda":
        model.exp_dirichlet_component_ = model.exp_dirichlet_component_[order]
    doc_topics = pd.DataFrame(_shares(weights), columns=[f"topic_{i}" for i in range(n_topics)])
    doc_topics.insert(0, "doc_id", np.asarray(features.doc_ids))
    components = model.components_
    rows = []
    for topic, row in enumerate(components):
        order = np.argsort(-row, kind="stable")[:top_n]
        for rank, j in enumerate(order, start=1):
            rows.append({"topic": topic, "rank": rank, "term": features.terms[j], "weight": float(row[j])})
    return TopicModel(method, model, features, doc_topics, pd.DataFrame(rows), text=text)


def _token_lists(topic_model: TopicModel, corpus: pd.DataFrame, text: str) -> list[list[str]]:
    analyze = topic_model.features.vectorizer.build_analyzer()
    return [analyze(t) for t in corpus[text]]


def coherence(top_words: list[list[str]], documents: list[list[str]], *, window: int | None = None, epsilon: float = 1e-12) -> pd.DataFrame:
    """NPMI coherence of each topic's top words, averaged over word pairs.

    Parameters
    ----------
    top_words : list of lists of str
        Each topic's top words (as produced by the same analyzer as ``documents``).
    documents : list of lists of str
        Tokenised reference texts.
    window : int or None
        ``None``: co-occurrence within a document (Lau et al. 2014).  An integer: within a
        sliding window of that many tokens (Röder et al. 2015 use 10).

    Returns
    -------
    DataFrame with ``topic`` and ``npmi`` (from -1, never together, to 1, always together).

    Example
    -------
    >>> docs = [["police", "warn", "hunters"], ["police", "warn"], ["court", "jury"], ["court", "jury"]]
    >>> coherence([["police", "warn"], ["police", "jury"]], docs)["npmi"].round(2).tolist()
    [1.0, -1.0]
    """
    vocabulary = sorted({w for words in top_words for w in words})
    index = {w: i for i, w in enumerate(vocabulary)}
    v = len(vocabulary)
    single = np.zeros(v)
    joint = np.zeros((v, v))
    segments = 0
    for tokens in documents:
        positions = [(i, index[t]) for i, t in enumerate(tokens) if t in index]
        if window is None:
            present = np.zeros(v)
            for _, j in positions:
                present[j] = 1.0
            single += present
            joint += np.outer(present, present)
            segments += 1
            continue
        n_windows = max(1, len(tokens) - window + 1)
        segments += n_windows
        if not positions:
            continue
        indicator = np.zeros((len(tokens) + 1, v))
        for i, j in positions:
            indicator[i + 1, j] = 1.0
        cumulative = np.cumsum(indicator, axis=0)
        width = min(window, len(tokens))
        starts = np.arange(n_windows)
        present = (cumulative[starts + width] - cumulative[starts]) > 0
        present = present.astype(float)
        single += present.sum(axis=0)
        joint += present.T @ present
    rows = []
    for topic, words in enumerate(top_words):
        scores = []
        for a, b in itertools.combinations([w for w in words if w in index], 2):
            i, j = index[a], index[b]
            p_ab = joint[i, j] / segments
            if p_ab == 0:
                scores.append(-1.0)
                continue
            p_a, p_b = single[i] / segments, single[j] / segments
            pmi = np.log((p_ab + epsilon) / (p_a * p_b))
            scores.append(float(pmi / -np.log(p_ab + epsilon)))
        rows.append({"topic": topic, "npmi": float(np.mean(scores)) if scores else np.nan})
    return pd.DataFrame(rows)


def topic_diversity(top_words: list[list[str]], top_n: int = 25) -> float:
    """Share of distinct words among the topics' top ``top_n`` words (1 = no overlap)."""
    words = [w for topic in top_words for w in topic[:top_n]]
    return len(set(words)) / len(words) if words else float("nan")


def _matched_jaccard(reference: list[set], other: list[set]) -> float:
    """Mean Jaccard similarity of two sets of topics' top words, topics matched one to one
    to maximise the total (Hungarian algorithm)."""
    from scipy.optimize import linear_sum_assignment

    similarity = np.array([[len(a & b) / len(a | b) if a | b else 1.0 for b in other] for a in reference])
    rows, cols = linear_sum_assignment(-similarity)
    return float(similarity[rows, cols].mean())


def topic_stability(features: Features, n_topics: int, *, method: str = "nmf", n_runs: int = 5, sample: float = 0.8, top_n: int = 10,
                    random_state: int = 0, max_iter: int = 400) -> float:
    """Stability of a number of topics (Greene, O'Callaghan & Cunningham 2014): the mean
    agreement between the topics of a model fitted on all documents and models fitted on
    random ``sample`` shares of them; agreement is the mean Jaccard similarity of the topics'
    ``top_n`` words, topics matched one to one.  1: the same topics every time.

    Example
    -------
    >>> corpus = pd.DataFrame({"doc_id": range(20), "text": ["jury verdict judge trial"] * 10 + ["pupils teachers classroom lessons"] * 10})
    >>> topic_stability(vectorize(corpus, min_df=1, max_df=1.0), 2, n_runs=2, top_n=3)
    1.0
    """
    def top_sets(matrix):
        if method == "nmf":
            model = NMF(n_components=n_topics, init="nndsvda", random_state=random_state, max_iter=max_iter)
        else:
            model = LatentDirichletAllocation(n_components=n_topics, learning_method="batch", random_state=random_state, max_iter=min(max_iter, 25))
        model.fit(matrix)
        return [set(np.argsort(-row, kind="stable")[:top_n].tolist()) for row in model.components_]

    matrix = features.matrix
    reference = top_sets(matrix)
    rng = np.random.default_rng(random_state)
    n = matrix.shape[0]
    scores = []
    for _ in range(n_runs):
        rows = np.sort(rng.choice(n, size=max(n_topics + 1, int(round(sample * n))), replace=False))
        scores.append(_matched_jaccard(reference, top_sets(matrix[rows])))
    return float(np.mean(scores))


def compare_topic_numbers(corpus: pd.DataFrame, n_topics=(4, 6, 8, 10, 12, 15), *, method: str = "nmf", text: str = "text",
                          random_state: int = 0, top_n: int = 10, window: int = 10, diversity_top_n: int = 25, n_runs: int = 5,
                          **vectorize_options) -> pd.DataFrame:
    """Coherence (document and window NPMI of the top ``top_n`` words), diversity (of the
    top ``diversity_top_n`` words) and stability (:func:`topic_stability` over ``n_runs``
    resamples) for several numbers of topics; :func:`recommend_topics` picks from it.

    Example
    -------
    >>> corpus = pd.DataFrame({"doc_id": range(20), "text": ["jury verdict judge trial"] * 10 + ["pupils teachers classroom lessons"] * 10})
    >>> compare_topic_numbers(corpus, (2, 3), top_n=3, n_runs=2, min_df=1, max_df=1.0)[["n_topics", "diversity", "stability"]]
       n_topics  diversity  stability
    0         2      0.500      1.000
    1         3      0.333      0.667
    """
    features = vectorize(corpus, text=text, kind="tfidf" if method == "nmf" else "count", **vectorize_options)
    analyze = features.vectorizer.build_analyzer()
    documents = [analyze(t) for t in corpus[text]]
    rows = []
    for k in n_topics:
        model = fit_topics(corpus, k, method=method, text=text, features=features, random_state=random_state, top_n=max(top_n, diversity_top_n))
        words = model.words(top_n)
        rows.append({
            "n_topics": k,
            "npmi_document": float(coherence(words, documents)["npmi"].mean()),
            "npmi_window": float(coherence(words, documents, window=window)["npmi"].mean()),
            "diversity": topic_diversity(model.words(diversity_top_n), diversity_top_n),
            "stability": topic_stability(features, k, method=method, n_runs=n_runs, top_n=top_n, random_state=random_state),
        })
    return pd.DataFrame(rows).round(3)


def recommend_topics(table: pd.DataFrame, *, tolerance: float = 0.10) -> tuple[int, str]:
    """Pick the number of topics from a :func:`compare_topic_numbers` table.

    Rule (:func:`presslens.choose.recommend_by_quality`): among the numbers of topics
    whose stability is within ``tolerance`` of the best (Greene et al. 2014), the one
    with the best topic quality, window NPMI coherence x diversity (Dieng, Ruiz & Blei
    2020).  Stability alone favours two or three broad topics that merge real ones;
    coherence alone favours many small, tight topics.  A table without coherence and
    diversity falls back to the smallest number whose stability is within ``tolerance``
    of the best.  At an edge of the range searched,
    :class:`presslens.cluster.EdgeOfRangeWarning` is raised and the reason says so.
    Returns ``(n_topics, reason)``.

    Example
    -------
    >>> recommend_topics(pd.DataFrame({"n_topics": [4, 6, 8, 10], "stability": [0.6, 0.9, 0.92, 0.7]}))[0]
    6
    >>> recommend_topics(pd.DataFrame({"n_topics": [4, 6, 8, 10], "stability": [0.6, 0.9, 0.92, 0.7],
    ...                                "npmi_window": [0.1, 0.12, 0.2, 0.3], "diversity": [1.0, 0.9, 0.9, 0.8]}))[0]
    8
    """
    from presslens.choose import recommend_by_quality, recommend_by_stability

    if {"npmi_window", "diversity"} <= set(table.columns):
        value, reason, _ = recommend_by_quality(table, "n_topics", tolerance=tolerance)
    else:
        value, reason, _ = recommend_by_stability(table, "n_topics", tolerance=tolerance, what="n_topics", noun="topics")
    return value, reason.replace("n_topics =", "Number of topics =", 1)


@renamed_parameters(by="group")
def topic_prevalence(topic_model: TopicModel, corpus: pd.DataFrame, group: str = "outlet_type", *, n_boot: int = 1000, random_state: int = 0) -> pd.DataFrame:
    """Mean topic share by group (outlet type, outlet, year...) with bootstrap intervals.

    ``group="year"`` groups by publication year.  The category column holds readable labels.
    """
    table = topic_model.doc_topics.merge(corpus.assign(year=corpus["published"].dt.year)[["doc_id", group]] if group == "year" else corpus[["doc_id", group]], on="doc_id")
    result = prevalence(table, group, columns=topic_model.topic_columns, n_boot=n_boot, random_state=random_state)
    names = dict(zip(topic_model.topic_columns, topic_model.labels(), strict=True))
    result["topic"] = result["category"].map(names)
    return result
