"""presslens.features and presslens.cluster, on synthetic data with known answers and on the
teaching corpus (ground-truth recovery)."""

from __future__ import annotations

import pickle
import warnings

import numpy as np
import pandas as pd
import pytest
from sklearn.cluster import KMeans
from sklearn.decomposition import TruncatedSVD
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.metrics import adjusted_rand_score, normalized_mutual_info_score
from sklearn.pipeline import make_pipeline

from presslens import cluster as C
from presslens.features import Embedder, document_vectors, lsa, vectorize

WORDS = {
    "court": "jury verdict judge sentence trial prosecution barrister appeal",
    "tech": "platform encryption moderation app accounts algorithm regulator messaging",
    "police": "officers detectives unit resources backlog funding forensic devices",
    "school": "parents teachers pupils classroom lessons guidance helpline children",
}


@pytest.fixture(scope="module")
def toy():
    rng = np.random.default_rng(0)
    rows = []
    for topic, words in WORDS.items():
        vocabulary = words.split()
        for i in range(30):
            text = " ".join(rng.choice(vocabulary, size=40)) + " the said monday daily blaze"
            rows.append({"doc_id": f"{topic}-{i}", "outlet": "The Daily Blaze", "headline": f"{topic} story {i}", "text": text, "topic": topic,
                         "published": pd.Timestamp("2020-01-01", tz="UTC"), "outlet_type": "tabloid"})
    return pd.DataFrame(rows)


def test_vectorize_removes_stop_words_and_outlet_names(toy):
    features = vectorize(toy)
    terms = set(features.terms)
    assert {"jury", "encryption", "officers", "pupils"} <= terms
    assert not {"the", "said", "monday", "daily", "blaze"} & terms
    assert features.matrix.shape == (120, len(terms))
    assert list(features.doc_ids[:2]) == ["court-0", "court-1"]
    pickle.loads(pickle.dumps(features.vectorizer))  # picklable, so usable in joblib and Dask



def test_news_analyzer_memory_gives_the_tokenize_path_and_is_not_pickled():
    from presslens.features import NewsAnalyzer
    from presslens.text import tokenize

    text = "The UK's 3G deal: Mr Holt's 1,200 hunters' stings in 2005, and I said the U.S. police were there."
    stop = {"the", "and", "police"}
    for options in [{}, {"numbers": "all", "single_letters": True}, {"numbers": "none"}]:
        analyzer = NewsAnalyzer(stop, **options)
        expected = [t for t in tokenize(text, **options) if t not in stop]
        assert analyzer(text) == expected == analyzer(text)
        copy = pickle.loads(pickle.dumps(analyzer))
        assert "_kept" not in copy.__dict__ and copy(text) == expected
    analyzer.stop = frozenset({"stings"})  # a changed analyzer does not answer from its old memory
    analyzer.numbers = "all"
    assert analyzer(text) == [t for t in tokenize(text, numbers="all") if t != "stings"]

def test_lsa_rows_are_unit_length(toy):
    vectors, model = lsa(vectorize(toy).matrix, 10)
    assert vectors.shape == (120, 10)
    np.testing.assert_allclose(np.linalg.norm(vectors, axis=1), 1.0, rtol=1e-5)
    assert model.transform(vectorize(toy).matrix[:3]).shape == (3, 10)


def test_pluggable_embedding(toy):
    def encode(texts):  # a stand-in for a sentence-embedding model: counts of four words
        return np.array([[t.count(w) for w in ("jury", "encryption", "officers", "pupils")] for t in texts], dtype=float)

    vectors, features = document_vectors(toy, embedding=encode)
    assert vectors.shape == (120, 4)
    labels = C.cluster_articles(vectors, 4)
    assert adjusted_rand_score(toy["topic"], labels) == 1.0
    assert Embedder(encode).fit_transform(toy["text"]).shape == (120, 4)
    pipeline_vectors, _ = document_vectors(toy, embedding=make_pipeline(TfidfVectorizer(), TruncatedSVD(5, random_state=0)))
    assert pipeline_vectors.shape == (120, 5)


def test_choose_k_finds_the_planted_number_of_clusters(toy):
    vectors, _ = document_vectors(toy, n_components=10)
    table = C.choose_k(vectors, range(2, 8), n_boot=5)
    assert list(table.columns) == ["k", "silhouette", "calinski_harabasz", "davies_bouldin", "stability", "stability_sd", "inertia"]
    k, reason = C.recommend_k(table)
    assert k == 4, table
    assert "k = 4" in reason
    assert table.set_index("k").loc[4, "stability"] > 0.95


def test_recommend_k_low_stability_is_tentative_and_edge_warns():
    table = pd.DataFrame({"k": [3, 4], "silhouette": [0.1, 0.2], "calinski_harabasz": [1, 2], "davies_bouldin": [2, 1], "stability": [0.3, 0.2], "inertia": [1, 1]})
    with pytest.warns(C.EdgeOfRangeWarning, match="edge of the range"):
        k, reason = C.recommend_k(table)
    assert k == 3 and "tentative" in reason and "smallest k searched" in reason


def test_recommend_k_prefers_the_smallest_k_near_the_best_and_flags_edges():
    table = pd.DataFrame({"k": range(3, 9), "stability": [0.5, 0.9, 0.93, 0.94, 0.7, 0.6]})
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # no edge warning inside the range
        value, reason, at_edge = C.recommend_by_stability(table, "k")
    assert (value, at_edge) == (4, False) and "k = 4" in reason  # 0.90 is within 0.05 of 0.94
    assert C.recommend_by_stability(table, "k", tolerance=0.02)[0] == 5
    assert C.recommend_by_stability(table, "k", tolerance=0.0)[0] == 6
    top = table.assign(stability=[0.5, 0.6, 0.7, 0.8, 0.85, 0.95])
    with pytest.warns(C.EdgeOfRangeWarning):
        value, reason, at_edge = C.recommend_by_stability(top, "k")
    assert (value, at_edge) == (8, True) and "largest k searched" in reason


def test_canonical_labels_do_not_depend_on_the_order_clusters_were_found():
    a = np.array([2, 2, 0, 1, 1, 1, 0, 2, 2])
    b = np.array([0, 0, 1, 2, 2, 2, 1, 0, 0])  # the same partition, other numbers
    assert C.canonical_labels(a).tolist() == C.canonical_labels(b).tolist() == [0, 0, 2, 1, 1, 1, 2, 0, 0]
    # equal sizes: the cluster of the earliest article comes first
    assert C.canonical_labels([7, 3, 3, 7]).tolist() == [0, 1, 1, 0]


def test_methods_and_evaluation(toy):
    vectors, _ = document_vectors(toy, n_components=10)
    for method in ("kmeans", "agglomerative"):
        labels = C.cluster_articles(vectors, 4, method=method)
        assert adjusted_rand_score(toy["topic"], labels) == 1.0, method
    hdb = C.cluster_articles(vectors, method="hdbscan", min_cluster_size=10)
    assert len(set(hdb) - {-1}) == 4
    labels = C.cluster_articles(vectors, 4)
    scores = C.evaluate_clusters(labels, toy["topic"]).iloc[0]
    assert scores["nmi"] == pytest.approx(normalized_mutual_info_score(toy["topic"], labels))
    assert scores["homogeneity"] == 1.0 and scores["articles"] == 120
    table = C.contingency(labels, toy["topic"])
    assert table.to_numpy().sum() == 120 and (table.to_numpy().max(axis=1) == 30).all()


def test_class_tfidf_matches_hand_computation():
    matrix = np.array([[2, 0, 1], [1, 0, 1], [0, 3, 1]])
    table = C.class_tfidf(matrix, [0, 0, 1], np.array(["a", "b", "c"]), top_n=3)
    # class 0 counts (3, 0, 2) of 5; class 1 (0, 3, 1) of 4; A = 9 / 2; f = (3, 3, 3)
    expected_a = 3 / 5 * np.log(1 + 4.5 / 3)
    got = table.set_index(["cluster", "term"])["score"]
    assert got[(0, "a")] == pytest.approx(expected_a)
    assert got[(1, "b")] == pytest.approx(3 / 4 * np.log(1 + 4.5 / 3))
    assert table[table["cluster"] == 0]["term"].tolist()[0] == "a"


def test_label_clusters_names_and_exemplars(toy):
    vectors, features = document_vectors(toy, n_components=10)
    labels = C.cluster_articles(vectors, 4)
    summary = C.label_clusters(toy, labels, vectors, features)
    assert summary["articles"].sum() == 120 and len(summary) == 4
    for row in summary.itertuples():
        topic = toy.loc[labels == row.cluster, "topic"].iloc[0]
        first_terms = set(row.top_terms.split(", ")[:3])
        assert first_terms <= set(WORDS[topic].split())
        assert all(h.startswith(topic) for h in row.typical_headlines.split(" | "))
    assert set(summary["top_group"]) == {"tabloid"}


def test_cocluster(toy):
    features = vectorize(toy)
    rows, table = C.cocluster(features, 4)
    assert adjusted_rand_score(toy["topic"], rows) == 1.0
    assert table["articles"].sum() == 120


@pytest.fixture(scope="module")
def teaching():
    from presslens.corpus import load_labels, load_teaching

    corpus = load_teaching()
    labels = load_labels("articles").set_index("doc_id").loc[corpus["doc_id"]].reset_index()
    return corpus, labels


def test_default_pipeline_beats_the_plain_baseline_on_planted_frames(teaching):
    """Issue 3: NMI against the primary frame beats raw TF-IDF + k-means by at least 0.10,
    with the mean and spread over 10 seeds."""
    corpus, labels = teaching
    truth = labels["primary_frame"].where(labels["off_topic"].astype(str).str.lower() != "true")
    result = C.cluster_corpus(corpus, k=7, progress=False)
    default = C.seed_stability(result.vectors, 7, seeds=range(10), truth=truth)
    raw = TfidfVectorizer().fit_transform(corpus["text"])
    baseline = [float(C.evaluate_clusters(KMeans(7, n_init=10, random_state=s).fit_predict(raw), truth)["nmi"].iat[0]) for s in range(10)]
    assert default["nmi"].mean() >= np.mean(baseline) + 0.10, (default["nmi"].mean(), np.mean(baseline))
    assert default["nmi"].std() < 0.1  # the spread over seeds is reported in the note
    assert len(result.summary) == 7 and result.summary["articles"].sum() == len(corpus)


def test_recommend_k_discounts_a_k_that_comes_back_only_on_some_resamples():
    """Issue 18: a coarse k whose bootstrap clusterings agree on average but unevenly
    (wide spread of pairwise ARI) loses to a k that comes back on every resample."""
    table = pd.DataFrame({"k": range(3, 9), "stability": [0.70, 0.66, 0.64, 0.64, 0.60, 0.58],
                          "stability_sd": [0.30, 0.20, 0.10, 0.06, 0.07, 0.07]})
    with pytest.warns(C.EdgeOfRangeWarning):
        assert C.recommend_by_stability(table.drop(columns="stability_sd"), "k")[0] == 3  # the mean alone: the coarse k
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        k, reason = C.recommend_k(table)
    assert k == 5 and "less its spread" in reason  # 0.54 is within 0.05 of the best 0.58 (k = 6)
    assert C.recommend_k(table, tolerance=0.0)[0] == 6
