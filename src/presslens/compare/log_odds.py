"""Fightin' Words: the words that set two groups apart, with a Dirichlet prior.

The log-odds ratio with an informative Dirichlet prior of Monroe, Colaresi & Quinn
(2008), its variance and z-score, for two groups, one group against the rest, or each
group against the rest.  The prior is uniform, informative (the pooled counts), a
background corpus, or chosen by empirical Bayes (:func:`empirical_alpha0`).
:func:`fightin_words_from_counts` is the same table from counts already made (the Dask
engine reduces them over partitions).

References: Monroe, B. L., Colaresi, M. P., & Quinn, K. M. (2008). Fightin' words:
Lexical feature selection and evaluation for identifying the content of political
conflict. *Political Analysis*, 16(4), 372-403.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from presslens.compare.counting import group_mask, term_counts


def fightin_words_counts(y_a, y_b, *, prior: str = "empirical", alpha: float = 0.01, alpha0: float | None = None, background=None) -> pd.DataFrame:
    """Monroe et al. (2008) log-odds with a Dirichlet prior, from two count vectors.

    ``prior="uniform"``: every word gets ``alpha``. ``"informative"``: ``alpha0`` times
    the pooled word proportions of the two groups (``alpha0`` defaults to the mean group
    size in tokens divided by 10). ``"background"``: ``alpha0`` times the proportions of
    a ``background`` count vector. ``"empirical"``: informative, with ``alpha0`` chosen by
    maximising the Dirichlet-multinomial likelihood of the two groups' counts (empirical
    Bayes), at most the informative default (two similar groups would otherwise drive it to
    an unbounded concentration and every z-score to zero).

    Returns ``delta`` (log-odds ratio, positive = more typical of group A), ``variance``
    (≈ 1/(y_a+α) + 1/(y_b+α)) and ``z``.

    Example
    -------
    >>> fightin_words_counts([30, 5, 10], [5, 30, 10], prior="uniform").round(3)
       n_a  n_b  delta  variance     z
    0   30    5   2.77     0.233  5.74
    1    5   30  -2.77     0.233 -5.74
    2   10   10   0.00     0.200  0.00
    """
    y_a, y_b = np.asarray(y_a, dtype=np.float64), np.asarray(y_b, dtype=np.float64)
    n_a, n_b = y_a.sum(), y_b.sum()
    if prior == "uniform":
        alphas = np.full_like(y_a, alpha)
    else:
        if prior == "background":
            if background is None:
                raise ValueError("prior='background' needs background counts")
            base = np.asarray(background, dtype=np.float64)
        elif prior in ("informative", "empirical"):
            base = y_a + y_b
        else:
            raise ValueError("prior must be 'uniform', 'informative', 'background' or 'empirical'")
        proportions = (base + 1e-9) / (base + 1e-9).sum()
        if prior == "empirical":
            alpha0 = min(empirical_alpha0(np.vstack([y_a, y_b]), proportions), (n_a + n_b) / 2 / 10)
        elif alpha0 is None:
            alpha0 = (n_a + n_b) / 2 / 10
        alphas = alpha0 * proportions
    a0 = alphas.sum()
    delta = (np.log((y_a + alphas) / (n_a + a0 - y_a - alphas)) - np.log((y_b + alphas) / (n_b + a0 - y_b - alphas)))
    variance = 1 / (y_a + alphas) + 1 / (y_b + alphas)
    return pd.DataFrame({"n_a": y_a.astype(np.int64), "n_b": y_b.astype(np.int64), "delta": delta, "variance": variance, "z": delta / np.sqrt(variance)})


def empirical_alpha0(counts: np.ndarray, proportions: np.ndarray) -> float:
    """The Dirichlet concentration that maximises the Dirichlet-multinomial likelihood of
    the rows of ``counts`` given prior ``proportions`` (a one-dimensional search).

    Example
    -------
    Groups that use words alike call for a strong prior, groups that differ for a weak one:

    >>> similar, different = np.array([[12, 3, 5], [10, 4, 6]]), np.array([[18, 1, 1], [1, 1, 18]])
    >>> empirical_alpha0(similar, similar.sum(axis=0) / similar.sum()) > 1000
    True
    >>> round(empirical_alpha0(different, different.sum(axis=0) / different.sum()), 2)
    2.21
    """
    from scipy.optimize import minimize_scalar
    from scipy.special import gammaln

    def negative_log_likelihood(log_alpha0):
        a0 = np.exp(log_alpha0)
        alphas = a0 * proportions
        total = 0.0
        for row in counts:
            n = row.sum()
            total += gammaln(a0) - gammaln(n + a0) + np.sum(gammaln(row + alphas) - gammaln(alphas))
        return -total

    result = minimize_scalar(negative_log_likelihood, bounds=(np.log(1e-2), np.log(1e9)), method="bounded")
    return float(np.exp(result.x))


def fightin_words(corpus: pd.DataFrame, group_a=None, group_b=None, *, group: str = "outlet_type", text: str = "text", prior: str = "empirical",
                  alpha: float = 0.01, alpha0: float | None = None, background=None, min_freq: int = 5, features=None, **analyzer_options) -> pd.DataFrame:
    """Fightin' Words between two groups, one group against the rest, or each group against the rest.

    With ``group_a`` and ``group_b`` (values of ``group`` or boolean masks; ``group_b="rest"``
    for all articles outside ``group_a``): one table with ``term``, counts, ``delta``,
    ``variance``, ``z`` (positive = typical of A).  With neither: every value of ``group``
    against all other articles, stacked with a ``group`` column.  ``background`` may be a
    term -> count mapping (a reference corpus).  Counts are over all terms;
    ``min_freq`` only filters the rows shown (see :func:`fightin_words_from_counts`).

    Example
    -------
    >>> corpus = pd.DataFrame({"outlet_type": ["tabloid", "tabloid", "broadsheet"],
    ...                        "text": ["Vigilante sting, vigilante video.", "Vigilante group filmed.", "Police warned of risks."]})
    >>> fightin_words(corpus, "tabloid", "rest", prior="uniform", min_freq=2)[["term", "n_a", "n_b"]]
            term  n_a  n_b
    0  vigilante    3    0
    """
    if (group_a is None) != (group_b is None):
        raise ValueError("give both group_a and group_b (or group_b='rest'), or neither (each group against the rest)")
    pairs = []
    if group_a is not None:
        mask_a = group_mask(corpus, group_a, group, "group_a")
        mask_b = ~mask_a if isinstance(group_b, str) and group_b == "rest" else group_mask(corpus, group_b, group, "group_b")
        if (mask_a & mask_b).any():
            raise ValueError("group_a and group_b share articles")
        pairs.append((None, mask_a, mask_b))
    else:
        for value in sorted(corpus[group].dropna().unique()):
            mask = (corpus[group] == value).to_numpy()
            pairs.append((value, mask, ~mask))
    masks = {}
    for i, (_, mask_a, mask_b) in enumerate(pairs):
        masks[f"a{i}"], masks[f"b{i}"] = mask_a, mask_b
    terms, counts = term_counts(corpus, masks, text=text, features=features, **analyzer_options)
    tables = []
    for i, (value, _, _) in enumerate(pairs):
        table = fightin_words_from_counts(terms, counts[f"a{i}"], counts[f"b{i}"], prior=prior, alpha=alpha, alpha0=alpha0,
                                          background=background, min_freq=min_freq)
        if value is not None:
            table.insert(0, "group", value)
        tables.append(table)
    return pd.concat(tables, ignore_index=True)


def fightin_words_from_counts(terms, y_a, y_b, *, prior: str = "empirical", alpha: float = 0.01, alpha0: float | None = None,
                              background=None, min_freq: int = 5) -> pd.DataFrame:
    """One Fightin' Words table (``term``, counts, ``delta``, ``variance``, ``z``, sorted by
    ``z``) from the two groups' counts over ``terms``: what :func:`fightin_words` computes
    once it has counted; :mod:`presslens.scale` calls it with counts reduced over partitions.

    The statistics use the counts of *all* terms (group totals, prior proportions and the
    empirical-Bayes concentration), so a term's z-score does not depend on ``min_freq``;
    terms with fewer than ``min_freq`` occurrences in both groups together are then left
    out of the table.  ``background`` is a term -> count mapping.

    Example
    -------
    >>> table = fightin_words_from_counts(np.array(["a", "b", "c"]), [30, 5, 10], [5, 30, 10], prior="uniform", min_freq=1)
    >>> table["term"].tolist()
    ['a', 'c', 'b']
    >>> bool((fightin_words_from_counts(["a", "b", "c"], [30, 5, 1], [5, 30, 2], prior="uniform", min_freq=5)["z"]
    ...       == table["z"].iloc[[0, 2]].to_numpy()).all())
    False
    """
    terms = np.asarray(terms)
    y_a, y_b = np.asarray(y_a, dtype=np.float64), np.asarray(y_b, dtype=np.float64)
    bg = None
    if background is not None:
        bg = pd.Series(background, dtype=float).reindex(terms).fillna(0.0).to_numpy()
    table = fightin_words_counts(y_a, y_b, prior=prior, alpha=alpha, alpha0=alpha0, background=bg)
    table.insert(0, "term", terms)
    table = table[((y_a + y_b) >= min_freq)]
    return table.sort_values(["z", "term"], ascending=[False, True], kind="stable")
