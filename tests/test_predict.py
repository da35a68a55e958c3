"""Fitted models applied to new articles (issue 14): ``Clustering.predict`` / ``transform`` /
``predict_frame`` and ``TopicModel.transform``.  All articles are fictional."""

from __future__ import annotations

import pickle
import warnings

import numpy as np
import pandas as pd
import pytest
from sklearn.decomposition import TruncatedSVD
from sklearn.exceptions import ConvergenceWarning
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.pipeline import make_pipeline

from presslens import cluster as C
from presslens.features import corpus_texts, transform_documents
from presslens.text import clean, clean_text
from presslens.topics import fit_topics

WORDS = {
    "court": "jury verdict judge sentence trial prosecution barrister appeal",
    "tech": "platform encryption moderation app accounts algorithm regulator messaging",
    "police": "officers detectives unit resources backlog funding forensic devices",
    "school": "parents teachers pupils classroom lessons guidance helpline children",
}

# new fictional articles, one per kind, written as sentences rather than word lists
NEW = pd.DataFrame({
    "doc_id": ["new-court", "new-tech", "new-police", "new-school"],
    "text": [
        "<p>The jury returned its verdict on Friday.</p> The judge adjourned the trial before sentence; the barrister said an appeal was likely.",
        "The regulator told the platform that encryption of messaging must not stop moderation of accounts by its algorithm.",
        "Detectives in the unit said a backlog of forensic work on devices grew because funding and resources fell, officers said.",
        "Parents and teachers met to discuss guidance for pupils, and the classroom lessons will mention the helpline for children.",
    ],
})


def _toy(seed: int = 0, per_kind: int = 30) -> pd.DataFrame:
    rng = np.random.default_rng(seed)
    rows = []
    for topic, words in WORDS.items():
        for i in range(per_kind):
            text = " ".join(rng.choice(words.split(), size=40)) + " the said monday daily blaze"
            rows.append({"doc_id": f"{topic}-{i}", "outlet": "The Daily Blaze", "headline": f"{topic} story {i}", "text": text, "topic": topic,
                         "published": pd.Timestamp("2020-01-01", tz="UTC"), "outlet_type": "tabloid"})
    return pd.DataFrame(rows)


@pytest.fixture(scope="module")
def toy():
    return _toy()


@pytest.fixture(scope="module")
def fitted(toy):
    return C.cluster_corpus(toy, k=4, n_components=10, progress=False)


def _kind_of_cluster(corpus, labels) -> dict[int, str]:
    return {int(c): corpus["topic"][labels == c].mode().iat[0] for c in np.unique(labels)}


# --------------------------------------------------------------------------- clustering


def test_predict_gives_back_the_fitted_labels_and_vectors(toy, fitted):
    np.testing.assert_array_equal(fitted.predict(toy), fitted.labels)
    np.testing.assert_allclose(fitted.transform(toy), fitted.vectors, rtol=0, atol=1e-12)
    assert fitted.predict(toy).dtype == np.int64
    # order and batch do not matter: each article is placed on its own
    reverse = toy.iloc[::-1]
    np.testing.assert_array_equal(fitted.predict(reverse), fitted.labels[::-1])
    np.testing.assert_array_equal([fitted.predict(toy.iloc[[i]])[0] for i in (0, 45, 70, 119)], fitted.labels[[0, 45, 70, 119]])


def test_predict_on_the_teaching_corpus_gives_back_the_fitted_labels():
    from presslens.corpus import load_teaching

    corpus = load_teaching()
    result = C.cluster_corpus(corpus, k=7, progress=False)
    np.testing.assert_array_equal(result.predict(corpus), result.labels)
    assert result.predict_frame(corpus).equals(result.assignments())


def test_new_articles_go_to_the_cluster_of_their_kind(toy, fitted):
    kinds = _kind_of_cluster(toy, fitted.labels)
    assert sorted(kinds.values()) == sorted(WORDS)  # the fit itself found the four kinds
    predicted = fitted.predict(NEW)
    assert [kinds[c] for c in predicted] == ["court", "tech", "police", "school"]
    frame = fitted.predict_frame(NEW)
    assert list(frame.columns) == list(fitted.assignments().columns) == ["doc_id", "cluster", "cluster_name"]
    assert frame["doc_id"].tolist() == NEW["doc_id"].tolist()
    names = dict(zip(fitted.summary["cluster"], fitted.summary["name"], strict=True))
    assert frame["cluster_name"].tolist() == [names[c] for c in predicted]
    # a list of texts works too; its doc_id is the position
    texts = fitted.predict_frame(NEW["text"].tolist())
    assert texts["doc_id"].tolist() == [0, 1, 2, 3] and texts["cluster"].tolist() == predicted.tolist()


def test_predict_cleans_as_the_fit_did(toy, fitted):
    # news noise made of the model's own words: a paragraph repeated verbatim, and an aggregator line
    first = NEW["text"].str.split(r"(?<=[.;]) ", n=1, regex=True).str[0]
    noisy = NEW.assign(text=first + "\n\n" + NEW["text"] + "\n\n" + first + "\n\nSource: Read Full Article")
    once = NEW.assign(text=first + "\n\n" + NEW["text"])
    assert [clean_text(t).text for t in noisy["text"]] == [clean_text(t).text for t in once["text"]]
    np.testing.assert_array_equal(fitted.transform(noisy), fitted.transform(once))
    uncleaned = transform_documents(noisy["text"], fitted.features, fitted.embedder)
    assert np.abs(uncleaned - fitted.transform(once)).max() > 0.01  # uncleaned, the repeat would have moved the vectors
    # with clean_first=False, the texts are used as given: the noise then reaches the vectorizer
    raw = C.cluster_corpus(toy.assign(text=toy["text"] + " source"), k=4, n_components=10, clean_first=False, progress=False)
    assert not raw.clean_first
    np.testing.assert_array_equal(raw.predict(toy.assign(text=toy["text"] + " source")), raw.labels)


def test_predict_is_deterministic_and_survives_pickling(toy, fitted):
    again = C.cluster_corpus(toy, k=4, n_components=10, progress=False)
    np.testing.assert_array_equal(again.predict(NEW), fitted.predict(NEW))
    np.testing.assert_array_equal(again.transform(NEW), fitted.transform(NEW))
    restored = pickle.loads(pickle.dumps(fitted))
    np.testing.assert_array_equal(restored.predict(NEW), fitted.predict(NEW))


def test_predict_with_custom_embeddings(toy):
    def encode(texts):  # stand-in for a sentence-embedding model: counts of one word of each kind
        return np.array([[t.count(w) for w in ("jury", "encryption", "officers", "pupils")] for t in texts], dtype=float)

    by_callable = C.cluster_corpus(toy, k=4, embedding=encode, progress=False)
    np.testing.assert_array_equal(by_callable.predict(toy), by_callable.labels)
    kinds = _kind_of_cluster(toy, by_callable.labels)
    assert [kinds[c] for c in by_callable.predict(NEW)] == ["court", "tech", "police", "school"]

    pipeline = make_pipeline(TfidfVectorizer(), TruncatedSVD(5, random_state=0))
    by_transformer = C.cluster_corpus(toy, k=4, embedding=pipeline, progress=False)
    np.testing.assert_array_equal(by_transformer.predict(toy), by_transformer.labels)
    assert by_transformer.transform(NEW).shape == (4, 5)


def test_errors_are_clear(toy, fitted):
    class FitOnly:  # like t-SNE: fit_transform, but nothing to place new points with
        def fit_transform(self, texts):
            return np.array([[t.count(w) for w in ("jury", "encryption", "officers", "pupils")] for t in texts], dtype=float)

    fit_only = C.cluster_corpus(toy, k=4, embedding=FitOnly(), progress=False)
    with pytest.raises(TypeError, match="FitOnly has no transform method"):
        fit_only.predict(NEW)
    with pytest.raises(TypeError, match="not str"):
        fitted.predict("The jury returned its verdict")
    with pytest.raises(KeyError, match="no 'text' column"):
        fitted.predict(NEW.rename(columns={"text": "body"}))
    # a Clustering put together by hand (as the report does for large corpora) has no models to apply
    bare = C.Clustering(fitted.corpus, fitted.labels, fitted.vectors, fitted.features, fitted.summary, fitted.k, fitted.reason)
    with pytest.raises(ValueError, match="no fitted models"):
        bare.predict(NEW)


def test_empty_input(fitted):
    assert fitted.predict(NEW.iloc[:0]).tolist() == []
    assert fitted.transform([]).shape == (0, fitted.vectors.shape[1])
    assert fitted.predict_frame(NEW.iloc[:0]).columns.tolist() == ["doc_id", "cluster", "cluster_name"]


def test_kmeans_model_maps_like_cluster_articles_and_covers_empty_centres():
    rng = np.random.default_rng(1)
    vectors = np.vstack([centre + 0.05 * rng.standard_normal((8, 2)) for centre in ([0, 0], [3, 0], [0, 3])])
    labels, model, label_map = C.kmeans_model(vectors, 3)
    np.testing.assert_array_equal(labels, C.cluster_articles(vectors, 3))
    np.testing.assert_array_equal(label_map[model.predict(vectors)], labels)
    # two distinct points and k = 3: a centre has no members, and still maps to a real label
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", ConvergenceWarning)
        labels, model, label_map = C.kmeans_model(np.array([[0.0, 0.0]] * 3 + [[1.0, 1.0]] * 2), 3, n_init=1)
    assert sorted(set(label_map.tolist())) == [0, 1]
    assert labels.tolist() == [0, 0, 0, 1, 1]


# --------------------------------------------------------------------------- topics


@pytest.fixture(scope="module")
def topics(toy):
    return fit_topics(toy, 4)


def test_topic_transform_round_trip_nmf(toy, topics):
    shares = topics.transform(toy)
    assert list(shares.columns) == list(topics.doc_topics.columns) == ["doc_id", *topics.topic_columns]
    assert shares["doc_id"].tolist() == topics.doc_topics["doc_id"].tolist()
    np.testing.assert_allclose(shares[topics.topic_columns], topics.doc_topics[topics.topic_columns], atol=5e-3)
    np.testing.assert_array_equal(shares[topics.topic_columns].to_numpy().argmax(axis=1), topics.dominant())
    np.testing.assert_allclose(shares[topics.topic_columns].sum(axis=1), 1.0, atol=1e-5)


def test_topic_transform_round_trip_lda(toy):
    model = fit_topics(toy, 4, method="lda")
    shares = model.transform(toy)
    np.testing.assert_allclose(shares[model.topic_columns], model.doc_topics[model.topic_columns], rtol=0, atol=1e-6)


def test_new_articles_get_the_topic_of_their_kind(toy, topics):
    kinds = _kind_of_cluster(toy, topics.dominant())
    assert sorted(kinds.values()) == sorted(WORDS)
    shares = topics.transform(NEW)
    assert shares["doc_id"].tolist() == NEW["doc_id"].tolist()
    assert [kinds[t] for t in shares[topics.topic_columns].to_numpy().argmax(axis=1)] == ["court", "tech", "police", "school"]
    assert (shares[topics.topic_columns].max(axis=1) > 0.8).all()
    # a list of texts: topic columns only; an article with none of the model's words: equal shares
    texts = topics.transform([*NEW["text"], "Sunny spells and light winds"])
    assert list(texts.columns) == topics.topic_columns
    pd.testing.assert_frame_equal(texts.iloc[:4], shares[topics.topic_columns])
    assert texts.iloc[4].tolist() == [0.25] * 4


def test_topic_transform_uses_the_fitted_text_column_and_is_deterministic(toy):
    body = toy.rename(columns={"text": "body"})
    model = fit_topics(body, 4, text="body")
    again = fit_topics(body, 4, text="body")
    pd.testing.assert_frame_equal(model.transform(NEW.rename(columns={"text": "body"})), again.transform(NEW.rename(columns={"text": "body"})))
    with pytest.raises(KeyError, match="no 'body' column"):
        model.transform(NEW)
    with pytest.raises(TypeError, match="not str"):
        model.transform("The jury returned its verdict")
    assert model.transform([]).shape == (0, 4)
    # a frame without doc_id: ids come from its index, as vectorize does at fit time
    assert model.transform(NEW.drop(columns="doc_id").rename(columns={"text": "body"}).set_index(pd.Index([7, 8, 9, 10])))["doc_id"].tolist() == [7, 8, 9, 10]


def test_topic_transform_on_the_teaching_corpus():
    from presslens.corpus import load_teaching

    cleaned = clean(load_teaching(), progress=False).corpus
    model = fit_topics(cleaned, 8, drop_names=True)
    shares = model.transform(cleaned)
    np.testing.assert_allclose(shares[model.topic_columns], model.doc_topics[model.topic_columns], atol=5e-3)
    np.testing.assert_array_equal(shares[model.topic_columns].to_numpy().argmax(axis=1), model.dominant())


def test_corpus_texts():
    assert corpus_texts(pd.Series(["a", "b"])) == (["a", "b"], None)
    with pytest.raises(TypeError, match="not int"):
        corpus_texts(3)
