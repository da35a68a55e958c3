"""Hashed document-term features: TF-IDF without a global vocabulary pass.

Each partition's texts go through presslens's analyzer (the same tokens as the pandas
path) and scikit-learn's :class:`~sklearn.feature_extraction.text.HashingVectorizer`
(the hashing trick, Weinberger et al. 2009): a term's column is the MurmurHash3 of the
term modulo ``n_features``, so partitions can be vectorised independently and their
columns agree.  The raw counts of each partition are written once to the work folder
(``features/part-NNNNN.npz``) and read by every later pass (LSA, k-means, labels), so the
text is tokenised once.  One reduction gives the document frequencies, from which
``HashedTfidf`` computes scikit-learn's TF-IDF (smooth idf, sublinear tf, ``min_df`` /
``max_df`` limits) with the terms outside the limits dropped.  The same reduction keeps
each term's total count, so a column can be named after the most frequent term hashed to
it (collisions are rare at ``2**18`` columns and reported).

References: Weinberger, K., Dasgupta, A., Langford, J., Smola, A., & Attenberg, J. (2009).
Feature hashing for large scale multitask learning. *ICML*, 1113-1120. Salton, G., &
Buckley, C. (1988). Term-weighting approaches in automatic text retrieval. *Information
Processing & Management*, 24(5), 513-523.
"""

from __future__ import annotations

import os
from collections import Counter
from pathlib import Path

import numpy as np
import pandas as pd
import scipy.sparse as sp
from sklearn.base import BaseEstimator, TransformerMixin
from sklearn.feature_extraction.text import HashingVectorizer
from sklearn.preprocessing import normalize


def _identity(tokens):
    return tokens


def column_of(term: str, n_features: int) -> int:
    """The column :class:`~sklearn.feature_extraction.text.HashingVectorizer` gives ``term``.

    Example
    -------
    >>> vectorizer = HashingVectorizer(analyzer=_identity, n_features=2**10, alternate_sign=False, norm=None)
    >>> int(vectorizer.transform([["vigilante"]]).indices[0]) == column_of("vigilante", 2**10)
    True
    >>> 0 <= column_of("vigilante", 2**10) < 2**10
    True
    """
    from sklearn.utils import murmurhash3_32

    return abs(murmurhash3_32(term, seed=0, positive=False)) % n_features


class HashedTfidf(BaseEstimator, TransformerMixin):
    """TF-IDF over hashed columns, fitted from document frequencies reduced over partitions.

    Parameters
    ----------
    analyzer : callable
        Text -> tokens (presslens's :class:`~presslens.features.NewsAnalyzer`).
    n_features : int
        Hashed columns (default ``2**18``).
    min_df, max_df : int, float
        Columns in fewer than ``min_df`` documents or in more than ``max_df`` (a share) of
        them are dropped, as in :class:`~sklearn.feature_extraction.text.TfidfVectorizer`.
    sublinear_tf : bool
        Use ``1 + log(tf)``.

    Example
    -------
    >>> from presslens.features import analyzer
    >>> model = HashedTfidf(analyzer(None), n_features=2**10, min_df=1, max_df=1.0)
    >>> model = model.fit(["police arrest man", "vigilantes confront man"])
    >>> model.transform(["police confront"]).shape  # five distinct words were seen in fitting
    (1, 5)
    """

    def __init__(self, analyzer=None, n_features: int = 2**18, min_df: int = 2, max_df: float = 0.5, sublinear_tf: bool = True):
        self.analyzer = analyzer
        self.n_features = n_features
        self.min_df = min_df
        self.max_df = max_df
        self.sublinear_tf = sublinear_tf

    # -- per partition
    def tokens(self, texts) -> list[list[str]]:
        """Each text's tokens."""
        return [self.analyzer(t) for t in texts]

    def counts(self, tokens) -> sp.csr_matrix:
        """Raw hashed term counts (documents x ``n_features``, float32) of tokenised texts."""
        vectorizer = HashingVectorizer(analyzer=_identity, n_features=self.n_features, alternate_sign=False, norm=None, dtype=np.float32)
        return vectorizer.transform(tokens).tocsr()

    # -- fitting
    def fit_document_frequency(self, n_documents: int, document_frequency: np.ndarray):
        """Fit from the number of documents and each column's document frequency."""
        df = np.asarray(document_frequency, dtype=np.int64)
        high = self.max_df * n_documents if isinstance(self.max_df, float) else self.max_df
        low = self.min_df * n_documents if isinstance(self.min_df, float) else self.min_df
        keep = (df >= low) & (df <= high) & (df > 0)
        self.n_documents_ = int(n_documents)
        self.columns_ = np.flatnonzero(keep)
        self.idf_ = (np.log((1 + n_documents) / (1 + df[self.columns_])) + 1).astype(np.float32)
        return self

    def fit(self, texts, y=None):
        """Fit on texts in one process (for corpora that fit in memory)."""
        counts = self.counts(self.tokens(list(texts)))
        return self.fit_document_frequency(counts.shape[0], np.asarray((counts > 0).sum(axis=0)).ravel())

    def transform_counts(self, counts: sp.csr_matrix) -> sp.csr_matrix:
        """TF-IDF rows (kept columns only, l2-normalised) from raw hashed counts."""
        matrix = counts[:, self.columns_].tocsr().astype(np.float32)
        if self.sublinear_tf:
            matrix.data = np.log(matrix.data) + 1
        matrix = matrix @ sp.diags(self.idf_)
        return normalize(matrix.tocsr(), copy=False)

    def transform(self, texts) -> sp.csr_matrix:
        """TF-IDF rows of texts."""
        return self.transform_counts(self.counts(self.tokens(list(texts))))

    def get_feature_names_out(self, input_features=None):
        """Column names ``hash_<column>`` (see :func:`hashed_features` for the terms)."""
        return np.array([f"hash_{c}" for c in self.columns_], dtype=object)


def _save_sparse(matrix: sp.csr_matrix, path: Path) -> None:
    temporary = path.with_name(f".{path.name}.{os.getpid()}.tmp.npz")
    sp.save_npz(temporary, matrix, compressed=False)
    os.replace(temporary, path)


def key_path(path: str) -> str:
    """Where the doc_id hashes of a partition's count file are kept."""
    return path.removesuffix(".npz") + ".keys.npy"


def _features_partition(frame: pd.DataFrame, model: HashedTfidf, path: str, text: str):
    tokens = model.tokens(frame[text].tolist())
    counts = model.counts(tokens)
    _save_sparse(counts, Path(path))
    keys = pd.util.hash_array(frame["doc_id"].astype(str).to_numpy(dtype=object))
    temporary = f"{path}.{os.getpid()}.tmp.npy"
    np.save(temporary, keys)
    os.replace(temporary, key_path(path))
    vocabulary = Counter()
    for doc in tokens:
        vocabulary.update(doc)
    document_frequency = np.bincount(counts.indices, minlength=model.n_features).astype(np.int64)
    return counts.shape[0], document_frequency, vocabulary


def _combine_features(results):
    n = sum(r[0] for r in results)
    df = np.sum([r[1] for r in results], axis=0)
    vocabulary: Counter = Counter()
    for r in results:
        vocabulary.update(r[2])
    return n, df, vocabulary


class HashedFeatures:
    """The result of :func:`hashed_features`: the fitted ``model``, the per-partition count
    files ``paths`` and ``terms`` (the name of each kept column: its most frequent term).

    ``collisions`` counts kept columns shared by more than one term.

    Example
    -------
    >>> import dask.dataframe as dd
    >>> from presslens.corpus import load_teaching
    >>> from presslens.text import clean
    >>> cleaned = clean(load_teaching().head(100), progress=False).corpus
    >>> articles = dd.from_pandas(cleaned, npartitions=2)
    >>> import tempfile
    >>> features = hashed_features(articles, tempfile.mkdtemp())
    >>> features
    HashedFeatures(100 documents x 2,259 columns, 2 partitions)
    >>> features.matrix(0).shape, features.keys(0).shape, len(features.terms)
    ((50, 2259), (50,), 2259)
    """

    def __init__(self, model: HashedTfidf, paths: list[str], terms: np.ndarray, collisions: int, n_documents: int):
        self.model = model
        self.paths = paths
        self.terms = terms
        self.collisions = collisions
        self.n_documents = n_documents

    def matrix(self, partition: int) -> sp.csr_matrix:
        """The TF-IDF rows of one partition."""
        return self.model.transform_counts(sp.load_npz(self.paths[partition]))

    def keys(self, partition: int) -> np.ndarray:
        """64-bit hashes of the partition's doc_ids (for samples that do not depend on the
        partitioning)."""
        return np.load(key_path(self.paths[partition]))

    def __repr__(self) -> str:
        return f"HashedFeatures({self.n_documents:,} documents x {len(self.terms):,} columns, {len(self.paths)} partitions)"


def hashed_features(articles, workdir, *, analyzer=None, text: str = "text", n_features: int = 2**18, min_df: int = 2, max_df: float = 0.5,
                    sublinear_tf: bool = True) -> HashedFeatures:
    """Tokenise and hash every partition once, write its counts, and fit TF-IDF.

    Parameters
    ----------
    articles : dask.dataframe.DataFrame
        The (cleaned) corpus.
    workdir : path
        A folder every worker can write to; the counts go to ``workdir/features/``.
    analyzer : callable, optional
        Default: :func:`presslens.scale.analyzer` (English and news stop words, outlet
        names and proper nouns removed: the pandas clustering's analyzer).
    n_features, min_df, max_df, sublinear_tf
        See :class:`HashedTfidf`.

    Example
    -------
    >>> import dask.dataframe as dd
    >>> from presslens.corpus import load_teaching
    >>> from presslens.text import clean
    >>> cleaned = clean(load_teaching().head(100), progress=False).corpus
    >>> articles = dd.from_pandas(cleaned, npartitions=2)
    >>> import tempfile
    >>> workdir = Path(tempfile.mkdtemp())
    >>> features = hashed_features(articles, workdir)
    >>> features.n_documents, features.matrix(1).shape[0], [Path(p).relative_to(workdir).as_posix() for p in features.paths]
    (100, 50, ['features/part-00000.npz', 'features/part-00001.npz'])
    >>> column = list(features.terms).index("vigilante")  # a column is named after its most frequent term
    >>> int(features.model.columns_[column]) == column_of("vigilante", 2**18)
    True
    """
    import dask

    from presslens.scale.counts import analyzer as corpus_analyzer
    from presslens.scale.counts import tree_reduce
    from presslens.scale.io import partitions

    folder = Path(workdir) / "features"
    folder.mkdir(parents=True, exist_ok=True)
    model = HashedTfidf(analyzer or corpus_analyzer(articles, text=text), n_features=n_features, min_df=min_df, max_df=max_df, sublinear_tf=sublinear_tf)
    parts = partitions(articles)
    paths = [str(folder / f"part-{number:05d}.npz") for number in range(len(parts))]
    delayed_model = dask.delayed(model)
    tasks = [dask.delayed(_features_partition)(part, delayed_model, path, text) for part, path in zip(parts, paths, strict=True)]
    n_documents, document_frequency, vocabulary = tree_reduce(tasks, _combine_features).compute()
    model.fit_document_frequency(n_documents, document_frequency)
    best: dict[int, tuple[int, str]] = {}
    seen: Counter = Counter()
    for term, count in vocabulary.items():
        column = column_of(term, n_features)
        seen[column] += 1
        if column not in best or (count, term) > best[column]:
            best[column] = (count, term)
    terms = np.array([best.get(int(c), (0, f"hash_{c}"))[1] for c in model.columns_], dtype=object)
    collisions = int(sum(1 for c in model.columns_ if seen[int(c)] > 1))
    return HashedFeatures(model, paths, terms, collisions, n_documents)


__all__ = ["HashedFeatures", "HashedTfidf", "column_of", "hashed_features"]
