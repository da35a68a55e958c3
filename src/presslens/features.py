"""Document features: document-term matrices, TF-IDF, LSA, and pluggable embeddings.

The default document vectors are LSA (latent semantic analysis; Deerwester et al. 1990):
TF-IDF with sublinear term frequency and document-frequency limits, reduced with
truncated SVD and normalised to unit length, the set-up scikit-learn recommends for
clustering text with k-means.  Any other embedding can be plugged in: a callable that maps
a list of texts to an array, or a fitted-on-demand scikit-learn transformer (for example
a sentence-transformers or model2vec model the user already has).  Nothing in the
default path downloads model weights.

References: Deerwester, S., Dumais, S. T., Furnas, G. W., Landauer, T. K., & Harshman, R.
(1990). Indexing by latent semantic analysis. *JASIS*, 41(6), 391-407.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

import numpy as np
import pandas as pd
from sklearn.base import BaseEstimator, TransformerMixin
from sklearn.decomposition import TruncatedSVD
from sklearn.feature_extraction.text import CountVectorizer, TfidfVectorizer
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import Normalizer

from presslens.text import (
    TOKEN_PATTERN,
    Phrases,
    TokenRules,
    person_names,
    proper_nouns,
    raw_tokens,
    stop_words,
    tokenize,
)

DROP_NAMES = (False, True, "people", "all")


class NewsAnalyzer:
    """Turns a text into tokens: lower-cased words, stop words removed, phrases joined.

    A picklable callable for the ``analyzer`` argument of scikit-learn vectorizers.
    Tokens follow :func:`presslens.text.tokenize` (``numbers``, ``single_letters``).

    Example
    -------
    >>> NewsAnalyzer({"the"}, ngram_range=(1, 2))("The UK's 3G plan")
    ['uk', '3g', 'plan', 'uk 3g', '3g plan']
    """

    def __init__(self, stop: Iterable[str] = (), phrases: Phrases | None = None, ngram_range=(1, 1), numbers: str = "mixed",
                 single_letters: bool = False):
        self.stop = frozenset(stop)
        self.phrases = phrases
        self.ngram_range = ngram_range
        self.numbers = numbers
        self.single_letters = single_letters

    def __setstate__(self, state):  # analyzers pickled before numbers/single_letters existed
        self.__dict__.update({"numbers": "mixed", "single_letters": False, **state})

    def __getstate__(self):  # without the memory of judged tokens, which is rebuilt on use
        return {key: value for key, value in self.__dict__.items() if key != "_kept"}

    def __call__(self, text: str) -> list[str]:
        if self.phrases is None:  # each distinct token judged once, stop words included
            kept = self.__dict__.get("_kept")
            if kept is None or kept.stop is not self.stop or (kept.numbers, kept.single_letters) != (self.numbers, bool(self.single_letters)):
                kept = self._kept = _KeptTokens(self.numbers, self.single_letters, self.stop)
            tokens = list(filter(None, map(kept.__getitem__, raw_tokens(text))))
        else:
            tokens = self.phrases.join(tokenize(text, numbers=self.numbers, single_letters=self.single_letters))
            tokens = [t for t in tokens if t not in self.stop]
        low, high = self.ngram_range
        if high == 1:
            return tokens
        grams = list(tokens) if low == 1 else []
        for n in range(max(2, low), high + 1):
            grams.extend(" ".join(tokens[i : i + n]) for i in range(len(tokens) - n + 1))
        return grams


class _KeptTokens(TokenRules):
    """:class:`presslens.text.TokenRules` that also drop stop words: what :class:`NewsAnalyzer` keeps of a raw token."""

    def __init__(self, numbers: str, single_letters: bool, stop: frozenset[str]):
        super().__init__(numbers, bool(single_letters))
        self.stop = stop

    def judge(self, token: str) -> str:
        token = super().judge(token)
        return "" if token in self.stop else token

    def __reduce__(self):
        return (type(self), (self.numbers, self.single_letters, self.stop))


def analyzer(corpus: pd.DataFrame | None = None, *, text: str = "text", phrases: bool = False, ngram_range=(1, 1),
             extra_stop_words: Iterable[str] = (), outlet_stop_words: bool = True, drop_names: bool | str = False,
             phrase_min_count: int = 10, english_stop_words: bool = True, numbers: str = "mixed", single_letters: bool = False) -> NewsAnalyzer:
    """The default analyzer: tokens, English + news stop words, outlet names, optional phrases.

    Parameters
    ----------
    corpus : DataFrame, optional
        The corpus (needed for outlet names, ``drop_names`` and ``phrases``).
    phrases : bool
        Learn bigram phrases from ``corpus[text]`` first.
    drop_names : {False, True, "people", "all"}
        ``True`` or ``"people"``: the corpus's person names
        (:func:`presslens.text.person_names`) become stop words, which is right for
        grouping articles by *kind* of story (a name identifies one event) while
        organisations and places, which carry the topic, stay.  ``"all"``: every proper
        noun (:func:`presslens.text.proper_nouns`), places and organisations too.
    numbers, single_letters
        Token rules of :func:`presslens.text.tokenize`.

    Example
    -------
    >>> corpus = pd.DataFrame({"outlet": ["Daily Blaze"] * 2,
    ...                        "text": ["Police said Gary Holt, of Leeds, was charged.", "A man named Gary Holt left Leeds on 3G."]})
    >>> analyzer(corpus, drop_names=True)(corpus["text"][1])
    ['man', 'named', 'left', 'leeds', '3g']
    >>> analyzer(corpus, drop_names="all")(corpus["text"][1])
    ['man', 'named', 'left', '3g']
    """
    if drop_names not in DROP_NAMES:
        raise ValueError(f"drop_names must be one of {DROP_NAMES}, not {drop_names!r}")
    extra = set(extra_stop_words)
    if drop_names:
        if corpus is None:
            raise ValueError("drop_names needs the corpus to find names in")
        extra |= proper_nouns(corpus[text]) if drop_names == "all" else person_names(corpus[text])
    stop = stop_words(corpus, outlets=outlet_stop_words, extra=extra, english=english_stop_words)
    model = None
    if phrases:
        if corpus is None:
            raise ValueError("phrases=True needs the corpus to learn phrases from")
        model = Phrases(min_count=phrase_min_count, threshold=0.5, stop_words=stop).fit(
            tokenize(t, numbers=numbers, single_letters=single_letters) for t in corpus[text])
    return NewsAnalyzer(stop, model, ngram_range, numbers=numbers, single_letters=single_letters)


def tfidf_vectorizer(corpus: pd.DataFrame | None = None, *, min_df=2, max_df=0.5, max_features=None, sublinear_tf=True, **analyzer_options) -> TfidfVectorizer:
    """A TF-IDF vectorizer with presslens's analyzer and news-appropriate defaults.

    Sublinear term frequency (1 + log tf) stops one long article's repetitions from
    dominating; ``min_df=2`` drops words seen in one article only (names, typos);
    ``max_df=0.5`` drops words in more than half of all articles.

    Example
    -------
    >>> corpus = pd.DataFrame({"doc_id": ["a", "b", "c", "d"], "outlet": ["Daily Blaze"] * 4,
    ...     "text": ["Police arrested a man after an online sting.", "Vigilantes filmed the sting and police arrested him.",
    ...              "The charity warned parents about online grooming.", "Parents asked the charity about online safety."]})
    >>> vectorizer = tfidf_vectorizer(corpus, min_df=2, max_df=1.0)
    >>> vectorizer.fit_transform(corpus["text"]).shape
    (4, 6)
    >>> vectorizer.get_feature_names_out().tolist()
    ['arrested', 'charity', 'online', 'parents', 'police', 'sting']
    """
    return TfidfVectorizer(analyzer=analyzer(corpus, **analyzer_options), min_df=min_df, max_df=max_df, max_features=max_features,
                           sublinear_tf=sublinear_tf, dtype=np.float64)


def count_vectorizer(corpus: pd.DataFrame | None = None, *, min_df=2, max_df=0.5, max_features=None, **analyzer_options) -> CountVectorizer:
    """A count (document-term) vectorizer with the same analyzer, for LDA and keyness.

    Example
    -------
    >>> corpus = pd.DataFrame({"doc_id": ["a", "b", "c", "d"], "outlet": ["Daily Blaze"] * 4,
    ...     "text": ["Police arrested a man after an online sting.", "Vigilantes filmed the sting and police arrested him.",
    ...              "The charity warned parents about online grooming.", "Parents asked the charity about online safety."]})
    >>> vectorizer = count_vectorizer(corpus, min_df=2, max_df=1.0)
    >>> vectorizer.fit_transform(corpus["text"]).toarray()[0].tolist()  # arrested, charity, online, parents, police, sting
    [1, 0, 1, 0, 1, 1]
    """
    return CountVectorizer(analyzer=analyzer(corpus, **analyzer_options), min_df=min_df, max_df=max_df, max_features=max_features)


class Features:
    """A fitted document-term matrix with its vectorizer: ``matrix``, ``terms``, ``doc_ids``.

    :func:`vectorize` makes one; it can also wrap any fitted scikit-learn vectorizer.

    Example
    -------
    >>> from sklearn.feature_extraction.text import CountVectorizer
    >>> texts = ["police arrest man", "vigilantes confront man"]
    >>> vectorizer = CountVectorizer()
    >>> features = Features(vectorizer.fit_transform(texts), vectorizer, ["a", "b"])
    >>> features
    Features(2 documents x 5 terms)
    >>> features.terms.tolist(), features.doc_ids.tolist()
    (['arrest', 'confront', 'man', 'police', 'vigilantes'], ['a', 'b'])
    """

    def __init__(self, matrix, vectorizer, doc_ids):
        self.matrix = matrix
        self.vectorizer = vectorizer
        self.terms = vectorizer.get_feature_names_out()
        self.doc_ids = np.asarray(doc_ids)

    def __repr__(self) -> str:
        return f"Features({self.matrix.shape[0]:,} documents x {self.matrix.shape[1]:,} terms)"


def vectorize(corpus: pd.DataFrame, *, text: str = "text", kind: str = "tfidf", **options) -> Features:
    """Fit a TF-IDF (``kind="tfidf"``) or count (``kind="count"``) matrix on a corpus.

    Example
    -------
    >>> corpus = pd.DataFrame({"doc_id": ["a", "b", "c", "d"], "outlet": ["Daily Blaze"] * 4,
    ...     "text": ["Police arrested a man after an online sting.", "Vigilantes filmed the sting and police arrested him.",
    ...              "The charity warned parents about online grooming.", "Parents asked the charity about online safety."]})
    >>> features = vectorize(corpus, min_df=2, max_df=1.0)
    >>> features
    Features(4 documents x 6 terms)
    >>> features.terms.tolist(), features.doc_ids.tolist()
    (['arrested', 'charity', 'online', 'parents', 'police', 'sting'], ['a', 'b', 'c', 'd'])
    >>> int(vectorize(corpus, kind="count", min_df=2, max_df=1.0).matrix.sum())  # 13 uses of the 6 terms
    13
    """
    make = tfidf_vectorizer if kind == "tfidf" else count_vectorizer if kind == "count" else None
    if make is None:
        raise ValueError("kind must be 'tfidf' or 'count'")
    vectorizer = make(corpus, text=text, **options)
    matrix = vectorizer.fit_transform(corpus[text])
    return Features(matrix, vectorizer, corpus["doc_id"] if "doc_id" in corpus else corpus.index)


def lsa(matrix, n_components: int = 100, *, random_state: int = 0):
    """LSA document vectors (float64): truncated SVD of a TF-IDF matrix, rows normalised to length 1.

    Returns ``(vectors, model)``; ``model`` is a fitted scikit-learn pipeline whose
    ``transform`` maps new TF-IDF rows into the same space.  ``n_components`` is capped
    below the matrix's smaller side.

    Example
    -------
    >>> corpus = pd.DataFrame({"doc_id": ["a", "b", "c", "d"], "outlet": ["Daily Blaze"] * 4,
    ...     "text": ["Police arrested a man after an online sting.", "Vigilantes filmed the sting and police arrested him.",
    ...              "The charity warned parents about online grooming.", "Parents asked the charity about online safety."]})
    >>> features = vectorize(corpus, min_df=2, max_df=1.0)
    >>> vectors, model = lsa(features.matrix, 100)   # capped at 6 terms - 1, then at 4 documents - 1
    >>> vectors.shape
    (4, 3)
    >>> np.linalg.norm(vectors, axis=1).round(6).tolist()
    [1.0, 1.0, 1.0, 1.0]
    >>> model.transform(features.vectorizer.transform(["Police arrested a man."])).shape
    (1, 3)
    """
    n_components = max(2, min(n_components, min(matrix.shape) - 1))
    model = make_pipeline(TruncatedSVD(n_components=n_components, random_state=random_state, algorithm="randomized", n_iter=7), Normalizer(copy=False))
    # Double precision on purpose: in float32 the SVD's result moves by up to 5e-4 between
    # OpenBLAS's CPU kernels (they add in different orders), enough to flip near-tie k-means
    # assignments and so the printed stability; in float64 it moves by ~1e-15 (issue 13).
    vectors = model.fit_transform(matrix.astype(np.float64))
    return np.asarray(vectors, dtype=np.float64), model


def explained_variance(model) -> float:
    """Share of the TF-IDF variance kept by a fitted :func:`lsa` model.

    Example
    -------
    >>> corpus = pd.DataFrame({"doc_id": ["a", "b", "c", "d"], "outlet": ["Daily Blaze"] * 4,
    ...     "text": ["Police arrested a man after an online sting.", "Vigilantes filmed the sting and police arrested him.",
    ...              "The charity warned parents about online grooming.", "Parents asked the charity about online safety."]})
    >>> _, model = lsa(vectorize(corpus, min_df=2, max_df=1.0).matrix, 2)
    >>> round(explained_variance(model), 2)
    0.96
    """
    return float(model.steps[0][1].explained_variance_ratio_.sum())


class Embedder(BaseEstimator, TransformerMixin):
    """Wrap any text-to-vector callable as a scikit-learn transformer.

    ``Embedder(model.encode)`` turns a sentence-transformers model into a step of a
    ``Pipeline``; rows are normalised to unit length (cosine geometry) unless
    ``normalize=False``.

    Example
    -------
    >>> import numpy as np
    >>> Embedder(lambda texts: np.array([[len(t), 1.0] for t in texts])).fit_transform(["ab", "abcd"]).shape
    (2, 2)
    """

    def __init__(self, encode: Callable[[list[str]], np.ndarray], normalize: bool = True, batch_size: int = 256):
        self.encode = encode
        self.normalize = normalize
        self.batch_size = batch_size

    def fit(self, X, y=None):
        return self

    def transform(self, X):
        texts = list(X)
        parts = [np.asarray(self.encode(texts[i : i + self.batch_size]), dtype=np.float32) for i in range(0, len(texts), self.batch_size)]
        vectors = np.vstack(parts) if parts else np.zeros((0, 0), dtype=np.float32)
        if self.normalize and len(vectors):
            norms = np.linalg.norm(vectors, axis=1, keepdims=True)
            vectors = vectors / np.where(norms == 0, 1, norms)
        return vectors


def document_vectors(corpus: pd.DataFrame, *, text: str = "text", embedding=None, n_components: int = 100, random_state: int = 0,
                     return_model: bool = False, **tfidf_options):
    """Document vectors for clustering: LSA by default, or any pluggable embedding.

    Parameters
    ----------
    embedding : None, callable or transformer
        ``None`` for LSA on TF-IDF; a callable ``texts -> array``; or an object with
        ``fit_transform`` / ``transform`` taking texts (a scikit-learn transformer or a
        ``Pipeline``).

    return_model : bool
        Also return the fitted model that made the vectors.

    Returns
    -------
    (vectors, features) or (vectors, features, model)
        ``features`` is the TF-IDF :class:`Features` (used to label clusters), fitted
        whatever the embedding.  ``model`` maps new articles into the same space: the
        :func:`lsa` pipeline (applied to TF-IDF rows) when ``embedding`` is ``None``,
        else the embedding itself (a transformer, fitted in place) or the
        :class:`Embedder` wrapping a callable (both applied to texts).

    Example
    -------
    >>> corpus = pd.DataFrame({"doc_id": ["a", "b", "c", "d"], "outlet": ["Daily Blaze"] * 4,
    ...     "text": ["Police arrested a man after an online sting.", "Vigilantes filmed the sting and police arrested him.",
    ...              "The charity warned parents about online grooming.", "Parents asked the charity about online safety."]})
    >>> vectors, features = document_vectors(corpus, n_components=2, min_df=2, max_df=1.0)
    >>> vectors.shape, features
    ((4, 2), Features(4 documents x 6 terms))
    >>> round(float(vectors[2] @ vectors[3]), 2)  # the two articles about online safety point the same way
    1.0
    >>> vectors, _ = document_vectors(corpus, embedding=lambda texts: np.array([[len(t), 1.0] for t in texts]), min_df=2, max_df=1.0)
    >>> vectors.shape
    (4, 2)
    """
    features = vectorize(corpus, text=text, **tfidf_options)
    if embedding is None:
        vectors, model = lsa(features.matrix, n_components, random_state=random_state)
    elif hasattr(embedding, "fit_transform"):
        model = embedding
        vectors = np.asarray(embedding.fit_transform(corpus[text].tolist()), dtype=np.float32)
    elif callable(embedding):
        model = Embedder(embedding)
        vectors = model.fit_transform(corpus[text].tolist())
    else:
        raise TypeError("embedding must be None, a callable texts -> array, or a transformer with fit_transform")
    return (vectors, features, model) if return_model else (vectors, features)


def transform_documents(texts, features: Features, model, *, embedding=None, dimensions: int | None = None) -> np.ndarray:
    """Vectors of new texts in the space fitted by ``document_vectors(..., return_model=True)``.

    ``features`` and ``model`` are what it returned and ``embedding`` what it was given:
    with ``embedding=None`` the texts go through the fitted TF-IDF vectorizer and LSA
    pipeline (float64, words never seen ignored); otherwise through the fitted model's
    ``transform``.  ``dimensions`` sets the width of the result for no texts.  Texts are
    used as given: prepare them as the fitted ones were.

    Example
    -------
    >>> corpus = pd.DataFrame({"doc_id": range(4), "outlet": "Daily Blaze",
    ...                        "text": ["jury judge trial", "judge trial jury", "pupils lessons school", "school pupils lessons"]})
    >>> vectors, features, model = document_vectors(corpus, n_components=2, min_df=1, max_df=1.0, return_model=True)
    >>> np.allclose(transform_documents(corpus["text"], features, model), vectors)
    True
    """
    texts = list(texts)
    if not texts:
        width = dimensions or (model.steps[0][1].n_components if embedding is None else 0)
        return np.zeros((0, width), dtype=np.float64 if embedding is None else np.float32)
    if embedding is None:
        return np.asarray(model.transform(features.vectorizer.transform(texts).astype(np.float64)), dtype=np.float64)
    if not hasattr(model, "transform"):
        raise TypeError(f"the embedding {type(model).__name__} has no transform method, so new texts cannot be placed in the space it "
                        "fitted; use an embedding with transform, or a callable texts -> array")
    return np.asarray(model.transform(texts), dtype=np.float32)  # as document_vectors made them (Embedder's are float32 already)


def corpus_texts(corpus, text: str = "text") -> tuple[list, np.ndarray | None]:
    """The texts to apply a fitted model to, and their ``doc_id`` s.

    ``corpus`` is a corpus table (its ``text`` column; ids from ``doc_id``, else the
    index) or a sequence of texts (a list or Series; ids ``None``).  One bare string is
    refused: it would be read as a sequence of one-letter texts.

    Example
    -------
    >>> corpus_texts(pd.DataFrame({"doc_id": ["a", "b"], "text": ["Jury out", "Pupils in"]}))
    (['Jury out', 'Pupils in'], array(['a', 'b'], dtype=object))
    >>> corpus_texts(["Jury out"])
    (['Jury out'], None)
    """
    if isinstance(corpus, pd.DataFrame):
        if text not in corpus:
            raise KeyError(f"the corpus has no {text!r} column (the text column the model was fitted on); columns: {list(corpus.columns)}")
        return corpus[text].tolist(), (corpus["doc_id"] if "doc_id" in corpus else corpus.index).to_numpy()
    if isinstance(corpus, str | bytes) or not isinstance(corpus, Iterable):
        raise TypeError(f"pass a corpus table or a list of texts, not {type(corpus).__name__}")
    return list(corpus), None


__all__ = ["Embedder", "Features", "NewsAnalyzer", "TOKEN_PATTERN", "analyzer", "corpus_texts", "count_vectorizer", "document_vectors", "explained_variance", "lsa", "tfidf_vectorizer", "transform_documents", "vectorize"]
