"""Counting terms by group, the first step of every word-level comparison.

:func:`term_counts` sums a document-term matrix over the articles of each group with one
sparse product per group; :func:`group_mask` turns the ways a group can be named (a
value of a column, a list of values, a boolean mask) into a boolean mask over articles.
:mod:`presslens.compare.keywords` and :mod:`presslens.compare.log_odds` count with
them, so both tests see the same tokens.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pandas as pd


def group_mask(corpus: pd.DataFrame, spec, group: str | None, name: str) -> np.ndarray:
    """A boolean mask over the articles of ``corpus`` for a group given as ``spec``.

    ``spec`` is a boolean mask (a list, array or Series with one value per article) or a
    value, or list of values, of the column ``group``.  ``name`` names the argument in
    error messages (``"target"``, ``"group_a"``).

    Example
    -------
    >>> corpus = pd.DataFrame({"outlet_type": ["tabloid", "broadsheet", "wire"]})
    >>> group_mask(corpus, ["tabloid", "wire"], "outlet_type", "target").tolist()
    [True, False, True]
    >>> group_mask(corpus, [False, True, False], None, "target").tolist()
    [False, True, False]
    """
    if isinstance(spec, pd.Series | np.ndarray | list) and len(spec) == len(corpus) and not isinstance(spec, str):
        mask = np.asarray(spec)
        if mask.dtype != bool:
            raise ValueError(f"{name} given as a sequence must be a boolean mask with one value per article")
        return mask
    if group is None:
        raise ValueError(f"{name}={spec!r} needs group= (the column holding {spec!r})")
    values = [spec] if isinstance(spec, str) or not isinstance(spec, Sequence) else list(spec)
    mask = corpus[group].isin(values).to_numpy()
    if not mask.any():
        raise ValueError(f"no article has {group} in {values}")
    return mask


def term_counts(corpus: pd.DataFrame, masks: dict[str, np.ndarray], *, text: str = "text", features=None, min_df: int = 1, **analyzer_options):
    """Token counts per group: (terms, {name: counts}) using presslens's analyzer.

    The analyzer is the one clustering and topic models use (English stop words and
    contractions, news stop words, no single letters, possessives stripped; see
    :func:`presslens.text.tokenize`), so pronouns and letters never top a keyword list.
    Outlet names are kept (``outlet_stop_words=False``): an outlet naming itself is a
    real difference between outlets.  ``features`` (a count
    :class:`presslens.features.Features` fitted on ``corpus``) can be passed to reuse a
    document-term matrix.

    Example
    -------
    >>> corpus = pd.DataFrame({"text": ["I said the UK's police acted.", "She said police in the UK waited."]})
    >>> terms, counts = term_counts(corpus, {"first": np.array([True, False])})
    >>> dict(zip(terms.tolist(), counts["first"].tolist()))
    {'acted': 1.0, 'police': 1.0, 'uk': 1.0, 'waited': 0.0}
    """
    from presslens.features import vectorize

    if features is None:
        analyzer_options.setdefault("outlet_stop_words", False)
        features = vectorize(corpus, text=text, kind="count", min_df=min_df, max_df=1.0, **analyzer_options)
    matrix = features.matrix
    # one sparse product per group gives the column sums over the group's rows; the mask
    # takes the matrix's dtype so that scipy does not copy the matrix to upcast it
    counts = {name: np.asarray(matrix.T @ np.asarray(mask, dtype=matrix.dtype)).ravel().astype(np.float64) for name, mask in masks.items()}
    return np.asarray(features.terms), counts
