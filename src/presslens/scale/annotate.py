"""Per-article annotations at scale: frames, quotes and numeric claims, partition by partition.

Quotes (:func:`presslens.quotes.extract_quotes` and :func:`presslens.quotes.attribute`)
and claims (:func:`presslens.claims.extract_claims`) depend on one article at a time, so
each partition runs the pandas path's function as it is.  Frame scores
(:func:`presslens.frames.score_frames`) weight each term by its inverse document
frequency in the whole corpus: a first pass reduces the document frequencies
(:func:`presslens.frames.frame_document_frequency`), a second scores each partition with
them, which gives the pandas path's scores.  The results are lazy Dask DataFrames, one
partition per corpus partition; write them out (``to_parquet``) or reduce them
(:func:`presslens.scale.prevalence`) rather than gathering them whole.

Tracking a statistic across outlets (:func:`presslens.claims.track_claims`) compares
claims between articles; it runs on the (much smaller) table of claims, gathered or
filtered first.
"""

from __future__ import annotations

import pandas as pd

from presslens.scale.io import native_strings, partitions


def _frequency_partition(frame: pd.DataFrame, text: str, dictionary, headline: bool):
    from presslens.frames import frame_document_frequency

    return frame_document_frequency(frame, text=text, dictionary=dictionary, headline=headline)


def _add_frequencies(results):
    from collections import Counter

    total: Counter = Counter()
    for _, df in results:
        total.update(df)
    return sum(n for n, _ in results), dict(total)


def _dominant_partition(frame: pd.DataFrame, text: str, dictionary, headline: bool, weighting: str, document_frequency) -> pd.DataFrame:
    from presslens.frames import score_frames

    return score_frames(frame, text=text, dictionary=dictionary, headline=headline, weighting=weighting, progress=False,
                        document_frequency=document_frequency).dominant


def _scores_partition(frame: pd.DataFrame, text: str, dictionary, headline: bool, weighting: str, document_frequency) -> pd.DataFrame:
    from presslens.frames import score_frames

    return score_frames(frame, text=text, dictionary=dictionary, headline=headline, weighting=weighting, progress=False,
                        document_frequency=document_frequency).scores


def score_frames(articles, *, text: str = "text", dictionary=None, headline: bool = True, weighting: str = "idf", scores: bool = False):
    """Each article's dominant frame (or, with ``scores=True``, its score on every frame),
    as :func:`presslens.frames.score_frames` computes them on the whole corpus.

    Returns a lazy Dask DataFrame (``doc_id``, ``dominant_frame``, ``per_1000_words``,
    ``runner_up``, ``margin``; or the long score table).

    Example
    -------
    >>> import dask.dataframe as dd
    >>> from presslens.corpus import load_teaching
    >>> from presslens.text import clean
    >>> cleaned = clean(load_teaching().head(100), progress=False).corpus
    >>> articles = dd.from_pandas(cleaned, npartitions=2)
    >>> dominant = score_frames(articles)
    >>> dominant.columns.tolist()
    ['doc_id', 'dominant_frame', 'per_1000_words', 'runner_up', 'margin']
    >>> from presslens import frames
    >>> expected = frames.score_frames(cleaned, progress=False).dominant
    >>> dominant.compute().reset_index(drop=True).equals(expected.reset_index(drop=True))  # the pandas path's scores
    True
    """
    import dask
    import dask.dataframe as dd

    from presslens.frames import FrameDictionary, load_dictionary
    from presslens.scale.counts import tree_reduce

    dictionary = dictionary if isinstance(dictionary, FrameDictionary) else load_dictionary(dictionary)
    parts = partitions(articles)
    frequency = None
    if weighting == "idf":
        frequency = tree_reduce([dask.delayed(_frequency_partition)(p, text, dictionary, headline) for p in parts], _add_frequencies).compute()
    function = _scores_partition if scores else _dominant_partition
    sample = articles._meta.head(0)
    meta = function(sample, text, dictionary, headline, weighting, frequency)
    with native_strings():
        return dd.from_delayed([dask.delayed(function)(p, text, dictionary, headline, weighting, frequency) for p in parts], meta=meta, verify_meta=False)


def _quotes_partition(frame: pd.DataFrame, text: str, roles: bool) -> pd.DataFrame:
    from presslens.quotes import attribute, extract_quotes

    quotes = extract_quotes(frame, text=text, progress=False)
    return attribute(quotes, frame, text=text) if roles else quotes


def extract_quotes(articles, *, text: str = "text", roles: bool = True):
    """Direct quotations with speakers (and, with ``roles``, their roles and organisations)
    per partition: :func:`presslens.quotes.extract_quotes` and
    :func:`presslens.quotes.attribute`, as a lazy Dask DataFrame.

    Example
    -------
    >>> import dask.dataframe as dd
    >>> from presslens.corpus import load_teaching
    >>> from presslens.text import clean
    >>> cleaned = clean(load_teaching().head(100), progress=False).corpus
    >>> articles = dd.from_pandas(cleaned, npartitions=2)
    >>> quotes = extract_quotes(articles)
    >>> from presslens import quotes as pandas_quotes
    >>> expected = pandas_quotes.attribute(pandas_quotes.extract_quotes(cleaned, progress=False), cleaned)
    >>> quotes.compute().reset_index(drop=True).equals(expected.reset_index(drop=True))
    True
    >>> int((quotes["role"] == "police").sum().compute()) == int((expected["role"] == "police").sum())
    True
    """
    import dask
    import dask.dataframe as dd

    meta = _quotes_partition(pd.DataFrame({"doc_id": pd.Series(dtype=object), text: pd.Series(dtype=object)}), text, roles)
    with native_strings():
        return dd.from_delayed([dask.delayed(_quotes_partition)(p, text, roles) for p in partitions(articles)], meta=meta, verify_meta=False)


def _claims_partition(frame: pd.DataFrame, text: str) -> pd.DataFrame:
    from presslens.claims import extract_claims

    return extract_claims(frame, text=text, progress=False)


def extract_claims(articles, *, text: str = "text"):
    """Numeric claims per partition (:func:`presslens.claims.extract_claims`) as a lazy
    Dask DataFrame.

    Example
    -------
    >>> import dask.dataframe as dd
    >>> from presslens.corpus import load_teaching
    >>> from presslens.text import clean
    >>> cleaned = clean(load_teaching().head(100), progress=False).corpus
    >>> articles = dd.from_pandas(cleaned, npartitions=2)
    >>> claims = extract_claims(articles)
    >>> from presslens import claims as pandas_claims
    >>> expected = pandas_claims.extract_claims(cleaned, progress=False)
    >>> claims.compute().reset_index(drop=True).equals(expected.reset_index(drop=True))
    True
    >>> sorted(set(claims["unit"].compute())) == sorted(set(expected["unit"]))
    True
    """
    import dask
    import dask.dataframe as dd

    meta = _claims_partition(pd.DataFrame({"doc_id": pd.Series(dtype=object), text: pd.Series(dtype=object)}), text)
    with native_strings():
        return dd.from_delayed([dask.delayed(_claims_partition)(p, text) for p in partitions(articles)], meta=meta, verify_meta=False)


__all__ = ["extract_claims", "extract_quotes", "score_frames"]
