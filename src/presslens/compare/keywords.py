"""Keywords of one group against another: keyness with the corpus-linguistic measures.

:func:`keyness` follows the corpus-linguistic literature exactly: log-likelihood G²
(Rayson & Garside 2000; Dunning 1993) on the full 2 × 2 table, equal to
``scipy.stats.chi2_contingency(..., lambda_="log-likelihood")``, or in the two-term form
of the UCREL log-likelihood calculator (``g2_form="ucrel"``); the Williams (1976)
correction is optional and off by default; Pearson chi-square (Yates correction
optional); Hardie's (2014) Log Ratio, the binary log of the ratio of relative
frequencies, with a zero count replaced by 0.5; %DIFF (Gabrielatos & Marchi 2012), with a
zero reference frequency replaced by 10⁻¹⁸ as they propose; Fisher's exact test with its
odds ratio; PMI of term and target; Benjamini-Hochberg adjusted p-values.
:func:`keyness_from_counts` is the same table from counts already made (the Dask engine
reduces them over partitions).

References: Benjamini, Y., & Hochberg, Y. (1995). Controlling the false discovery rate.
*JRSS B*, 57(1), 289-300. Dunning, T. (1993). Accurate methods for the statistics of
surprise and coincidence. *Computational Linguistics*, 19(1), 61-74. Gabrielatos, C., &
Marchi, A. (2012). Keyness: Appropriate metrics and practical issues. CADS International
Conference, Bologna. Hardie, A. (2014). Log Ratio: an informal introduction. ESRC Centre
for Corpus Approaches to Social Science (CASS). Rayson, P., & Garside, R. (2000).
Comparing corpora using frequency profiling. *Workshop on Comparing Corpora*, ACL, 1-6.
Williams, D. A. (1976). Improved likelihood ratio tests for complete contingency tables.
*Biometrika*, 63(1), 33-37.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
from scipy import stats
from scipy.special import chdtrc

from presslens.compare.counting import group_mask, term_counts

KEYNESS_MEASURES = ("g2", "chi2", "log_ratio", "pct_diff", "fisher", "pmi")


def _xlogx_ratio(observed, expected):
    with np.errstate(divide="ignore", invalid="ignore"):
        return np.where(observed > 0, observed * np.log(observed / expected), 0.0)


def _yates(observed, expected):
    """Each observed count moved up to 0.5 towards its expected count (as scipy does)."""
    return observed + np.sign(expected - observed) * np.minimum(0.5, np.abs(expected - observed))


def log_likelihood(a, b, c, d, *, form: str = "full", williams: bool = False, yates: bool = False):
    """G² for 2 × 2 tables [[a, b], [c, d]] (a, b: the term in target and reference;
    c, d: all other tokens).  Vectorised over arrays.

    ``form="full"`` sums over all four cells (equal to scipy's ``chi2_contingency`` with
    ``lambda_="log-likelihood"``); ``form="ucrel"`` is the two-term form of Rayson &
    Garside (2000) used by the UCREL calculator.

    Example
    -------
    A term seen 30 times in 1,000 target tokens and 10 times in 1,000 reference tokens,
    and one seen 10 times in each:

    >>> log_likelihood([30, 10], [10, 10], [970, 990], [990, 990]).round(3)
    array([10.669,  0.   ])
    >>> round(float(stats.chi2_contingency([[30, 10], [970, 990]], correction=False, lambda_="log-likelihood")[0]), 3)
    10.669
    >>> round(float(log_likelihood(30, 10, 970, 990, form="ucrel")), 3)
    10.465
    """
    a, b, c, d = (np.asarray(x, dtype=np.float64) for x in (a, b, c, d))
    n = a + b + c + d
    row1, row2 = a + b, c + d
    col1, col2 = a + c, b + d
    e_a, e_b = row1 * col1 / n, row1 * col2 / n
    e_c, e_d = row2 * col1 / n, row2 * col2 / n
    if yates:
        a, b, c, d = _yates(a, e_a), _yates(b, e_b), _yates(c, e_c), _yates(d, e_d)
    g2 = 2 * (_xlogx_ratio(a, e_a) + _xlogx_ratio(b, e_b))
    if form == "full":
        g2 = g2 + 2 * (_xlogx_ratio(c, e_c) + _xlogx_ratio(d, e_d))
    elif form != "ucrel":
        raise ValueError("form must be 'full' or 'ucrel'")
    if williams:  # Williams (1976) correction for a 2 x 2 table
        q = 1 + (n * (1 / col1 + 1 / col2) - 1) * (n * (1 / row1 + 1 / row2) - 1) / (6 * n)
        g2 = g2 / q
    return g2


def chi_square(a, b, c, d, *, yates: bool = False):
    """Pearson chi-square for 2 × 2 tables, optionally with Yates's continuity correction
    (as scipy applies it: the absolute deviation is reduced by at most 0.5).

    Example
    -------
    >>> chi_square([30, 10], [10, 10], [970, 990], [990, 990]).round(3)
    array([10.204,  0.   ])
    >>> round(float(chi_square(30, 10, 970, 990, yates=True)), 3), round(float(stats.chi2_contingency([[30, 10], [970, 990]])[0]), 3)
    (9.209, 9.209)
    """
    a, b, c, d = (np.asarray(x, dtype=np.float64) for x in (a, b, c, d))
    n = a + b + c + d
    row1, row2, col1, col2 = a + b, c + d, a + c, b + d
    total = np.zeros_like(a)
    for observed, expected in ((a, row1 * col1 / n), (b, row1 * col2 / n), (c, row2 * col1 / n), (d, row2 * col2 / n)):
        deviation = observed - expected
        if yates:  # each observed count moves up to 0.5 towards its expected count
            deviation = np.sign(deviation) * np.maximum(np.abs(deviation) - 0.5, 0)
        with np.errstate(divide="ignore", invalid="ignore"):
            total = total + np.where(expected > 0, deviation**2 / expected, 0.0)
    return total


def log_ratio(a, b, n_target, n_reference):
    """Hardie's (2014) Log Ratio: log2 of the ratio of relative frequencies; a zero count
    is replaced by 0.5 so the ratio stays finite.

    Example
    -------
    Twice as frequent in the target is +1, equally frequent 0; a term absent from the
    target counts as 0.5 occurrences:

    >>> log_ratio([20, 10, 0], [10, 10, 4], 1000, 1000).tolist()
    [1.0, 0.0, -3.0]
    """
    a = np.where(np.asarray(a, dtype=np.float64) == 0, 0.5, a)
    b = np.where(np.asarray(b, dtype=np.float64) == 0, 0.5, b)
    return np.log2((a / n_target) / (b / n_reference))


def keyness(
    corpus: pd.DataFrame | None,
    target,
    reference="rest",
    *,
    group: str | None = None,
    text: str = "text",
    measures=("g2", "chi2", "log_ratio", "pct_diff", "pmi"),
    min_freq: int = 5,
    g2_form: str = "full",
    williams: bool = False,
    yates: bool = False,
    ngram_range=(1, 1),
    features=None,
    sort_by: str = "g2",
    **analyzer_options,
) -> pd.DataFrame:
    """Keywords of a target group against a reference, with the standard measures.

    Parameters
    ----------
    corpus : DataFrame
        The corpus (``None`` only when ``target`` and ``reference`` are frequency lists).
    target, reference
        A boolean mask over articles, a value (or list of values) of ``group``, or for
        ``reference`` the string ``"rest"`` (all other articles) or an external frequency
        list: a mapping or Series ``term -> count`` (a reference corpus).
    measures : sequence
        Any of ``g2``, ``chi2``, ``log_ratio``, ``pct_diff``, ``fisher``, ``pmi``.
    min_freq : int
        Terms with fewer occurrences in target and reference together are left out.
    g2_form, williams, yates
        G² over the full table or the UCREL two-term form; Williams correction; Yates
        continuity correction (for both G² and chi-square, as scipy applies it).

    Returns
    -------
    DataFrame
        ``term``, ``n_target``, ``n_reference`` (counts), ``per_million_target``,
        ``per_million_reference``, each measure (``g2`` with ``g2_p``, ``chi2`` with
        ``chi2_p``, ``fisher_p`` with ``odds_ratio``...), ``sign`` (``+`` where the term is
        relatively more frequent in the target) and ``p_adjusted`` (Benjamini-Hochberg, on
        ``g2_p`` or else the first test's p).  Sorted by ``sort_by`` with overused terms
        first.

    Example
    -------
    >>> corpus = pd.DataFrame({"outlet_type": ["tabloid", "tabloid", "broadsheet", "broadsheet"],
    ...     "text": ["Vigilante group confronted a man outside a supermarket. Police later arrested him.",
    ...              "A vigilante group streamed the sting online. Police urged caution.",
    ...              "Police warned that online stings can harm investigations. Ministers plan new laws.",
    ...              "Ministers said police need more officers for online safety work."]})
    >>> table = keyness(corpus, "tabloid", "broadsheet", group="outlet_type", min_freq=2)
    >>> table[["term", "n_target", "n_reference", "g2", "log_ratio", "sign"]].round(2)
            term  n_target  n_reference    g2  log_ratio sign
    0      group         2            0  2.77       1.91    +
    1  vigilante         2            0  2.77       1.91    +
    2     police         2            2  0.00      -0.09    -
    3     online         1            2  0.44      -1.09    -
    4  ministers         0            2  3.03      -2.09    -
    """
    unknown = set(measures) - set(KEYNESS_MEASURES)
    if unknown:
        raise ValueError(f"unknown measures {sorted(unknown)}; choose from {KEYNESS_MEASURES}")
    external = isinstance(reference, dict | pd.Series)
    if corpus is not None:
        target_mask = group_mask(corpus, target, group, "target")
        masks = {"target": target_mask}
        if not external:
            masks["reference"] = ~target_mask if isinstance(reference, str) and reference == "rest" else group_mask(corpus, reference, group, "reference")
            if (masks["target"] & masks["reference"]).any():
                raise ValueError("target and reference share articles")
        terms, counts = term_counts(corpus, masks, text=text, features=features, ngram_range=ngram_range, **analyzer_options)
        a = counts["target"]
    else:
        if not isinstance(target, dict | pd.Series) or not external:
            raise ValueError("without a corpus, target and reference must both be frequency lists")
        target = pd.Series(target, dtype=float)
        terms, a = target.index.to_numpy(), target.to_numpy()
    if external:
        ref = pd.Series(reference, dtype=float)
        n_reference = float(ref.sum())
        b = ref.reindex(terms).fillna(0.0).to_numpy()
    else:
        b = counts["reference"]
        n_reference = float(b.sum())
    return keyness_from_counts(terms, a, b, n_target=float(a.sum()), n_reference=n_reference, measures=measures, min_freq=min_freq,
                               g2_form=g2_form, williams=williams, yates=yates, sort_by=sort_by)


def keyness_from_counts(terms, a, b, *, n_target: float | None = None, n_reference: float | None = None,
                        measures=("g2", "chi2", "log_ratio", "pct_diff", "pmi"), min_freq: int = 5, g2_form: str = "full",
                        williams: bool = False, yates: bool = False, sort_by: str = "g2") -> pd.DataFrame:
    """The keyness table from term counts: what :func:`keyness` computes once it has counted.

    Parameters
    ----------
    terms : array of str
        The terms, one per count.
    a, b : array
        Each term's count in the target and in the reference.
    n_target, n_reference : float, optional
        Token totals of target and reference (default: the sums of ``a`` and ``b``; give
        them when ``terms`` is a subset of the vocabulary).
    measures, min_freq, g2_form, williams, yates, sort_by
        As for :func:`keyness`.

    Used by :mod:`presslens.scale`, which reduces the counts over partitions of a large
    corpus and then calls this function, so both engines share the statistics code.

    Example
    -------
    >>> table = keyness_from_counts(np.array(["police", "vigilante"]), np.array([10, 30]), np.array([20, 5]), min_freq=1)
    >>> table[["term", "n_target", "n_reference", "sign"]]
            term  n_target  n_reference sign
    0  vigilante        30            5    +
    1     police        10           20    -
    """
    unknown = set(measures) - set(KEYNESS_MEASURES)
    if unknown:
        raise ValueError(f"unknown measures {sorted(unknown)}; choose from {KEYNESS_MEASURES}")
    terms = np.asarray(terms)
    a, b = np.asarray(a, dtype=np.float64), np.asarray(b, dtype=np.float64)
    n_target = float(a.sum()) if n_target is None else float(n_target)
    n_reference = float(b.sum()) if n_reference is None else float(n_reference)
    keep = (a + b) >= min_freq
    terms, a, b = terms[keep], a[keep], b[keep]
    c, d = n_target - a, n_reference - b
    out = pd.DataFrame({"term": terms, "n_target": a.astype(np.int64), "n_reference": b.astype(np.int64),
                        "per_million_target": a / n_target * 1e6, "per_million_reference": b / n_reference * 1e6})
    expected_ratio = n_target / (n_target + n_reference)
    sign = np.where(a / n_target >= b / n_reference, "+", "-")
    if "g2" in measures:
        out["g2"] = log_likelihood(a, b, c, d, form=g2_form, williams=williams, yates=yates)
        out["g2_p"] = chdtrc(1, out["g2"].to_numpy())
    if "chi2" in measures:
        out["chi2"] = chi_square(a, b, c, d, yates=yates)
        out["chi2_p"] = chdtrc(1, out["chi2"].to_numpy())
    if "log_ratio" in measures:
        out["log_ratio"] = log_ratio(a, b, n_target, n_reference)
    if "pct_diff" in measures:
        norm_t, norm_r = a / n_target * 1e6, b / n_reference * 1e6
        out["pct_diff"] = (norm_t - norm_r) * 100 / np.where(norm_r == 0, 1e-18, norm_r)
    if "fisher" in measures:
        results = [stats.fisher_exact([[int(x), int(y)], [int(z), int(w)]]) for x, y, z, w in zip(a, b, c, d, strict=True)]
        out["odds_ratio"] = [r[0] for r in results]
        out["fisher_p"] = [r[1] for r in results]
    if "pmi" in measures:
        total = n_target + n_reference
        with np.errstate(divide="ignore"):
            out["pmi"] = np.log2((a / total) / (((a + b) / total) * expected_ratio))
    out["sign"] = sign
    p_column = next((p for p in ("g2_p", "chi2_p", "fisher_p") if p in out), None)
    if p_column is not None:
        out["p_adjusted"] = stats.false_discovery_control(np.clip(out[p_column].to_numpy(), 0, 1), method="bh") if len(out) else []
    order = sort_by if sort_by in out else out.columns[5]
    signed = np.where(out["sign"] == "+", 1, -1) * (out[order].abs() if order in ("g2", "chi2") else out[order])
    out = out.assign(_order=signed).sort_values(["_order", "term"], ascending=[False, True], kind="stable").drop(columns="_order")
    return out.reset_index(drop=True)
