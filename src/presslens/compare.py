"""Comparing coverage between groups: keyness, Fightin' Words, KWIC, collocations,
prevalence with intervals, tests of independence and correspondence analysis.

Word-level comparison follows the corpus-linguistic literature exactly:

* ``keyness``: log-likelihood G² (Rayson & Garside 2000; Dunning 1993) on the full 2 × 2
  table, equal to ``scipy.stats.chi2_contingency(..., lambda_="log-likelihood")``, or in
  the two-term form of the UCREL log-likelihood calculator (``g2_form="ucrel"``); the
  Williams (1976) correction is optional and off by default; Pearson chi-square (Yates
  correction optional); Hardie's (2014) Log Ratio, the binary log of the ratio of
  relative frequencies, with a zero count replaced by 0.5; %DIFF (Gabrielatos & Marchi
  2012), with a zero reference frequency replaced by 10⁻¹⁸ as they propose; Fisher's
  exact test with its odds ratio; PMI of term and target; Benjamini-Hochberg adjusted
  p-values.
* ``fightin_words``: Monroe, Colaresi & Quinn (2008) log-odds ratio with a Dirichlet
  prior (uniform, informative from the pooled counts or a background corpus, or
  empirical Bayes), its variance and z-score.
* ``kwic`` and ``collocations`` (PMI and G² within sentences).

``prevalence`` gives the share of each category (cluster, topic, frame) by group
(outlet, outlet type, period) with percentile bootstrap confidence intervals, resampling
articles within each group (Efron & Tibshirani 1993), and the counts the shares come
from.  It accepts either one categorical column (each article in one category) or
several numeric columns (each article a mixture, e.g. document-topic proportions).

``compare_groups`` tests the independence of a groups × categories table (chi-square,
Cramér's V, adjusted standardised residuals; Agresti 2013) and ``correspondence``
computes a correspondence analysis (Greenacre 2017) with scipy's SVD: a dozen lines,
written here rather than adding a dependency.

References: Agresti, A. (2013). *Categorical Data Analysis* (3rd ed.). Wiley. Benjamini,
Y., & Hochberg, Y. (1995). Controlling the false discovery rate. *JRSS B*, 57(1),
289-300. Dunning, T. (1993). Accurate methods for the statistics of surprise and
coincidence. *Computational Linguistics*, 19(1), 61-74. Efron, B., & Tibshirani, R. J.
(1993). *An Introduction to the Bootstrap*. Chapman & Hall. Gabrielatos, C., & Marchi,
A. (2012). Keyness: Appropriate metrics and practical issues. CADS International
Conference, Bologna. Greenacre, M. (2017). *Correspondence Analysis in Practice* (3rd
ed.). CRC Press. Hardie, A. (2014). Log Ratio: an informal introduction. ESRC Centre for
Corpus Approaches to Social Science (CASS). Monroe, B. L., Colaresi, M. P., & Quinn, K. M.
(2008). Fightin' words. *Political Analysis*, 16(4), 372-403. Rayson, P., & Garside, R.
(2000). Comparing corpora using frequency profiling. *Workshop on Comparing Corpora*,
ACL, 1-6. Williams, D. A. (1976). Improved likelihood ratio tests for complete
contingency tables. *Biometrika*, 63(1), 33-37.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence

import numpy as np
import pandas as pd
from scipy import stats
from scipy.special import chdtrc

from presslens._compat import renamed_parameters


def _bootstrap_means(values: np.ndarray, n_boot: int, rng: np.random.Generator, chunk: int = 200) -> np.ndarray:
    n = len(values)
    out = np.empty((n_boot, values.shape[1]))
    for start in range(0, n_boot, chunk):
        stop = min(n_boot, start + chunk)
        index = rng.integers(0, n, size=(stop - start, n))
        out[start:stop] = values[index].mean(axis=1)
    return out


@renamed_parameters(by="group")
def prevalence(
    table: pd.DataFrame,
    group: str,
    *,
    category: str | None = None,
    columns: Sequence[str] | None = None,
    n_boot: int = 1000,
    ci: float = 0.95,
    random_state: int = 0,
) -> pd.DataFrame:
    """Share of each category within each group, with bootstrap confidence intervals.

    Parameters
    ----------
    table : DataFrame
        One row per article, holding the group column ``group`` (``by`` is its deprecated name) and either ``category``
        (a categorical column) or ``columns`` (numeric shares per article, such as
        document-topic proportions).
    by : str
        The grouping column (``outlet_type``, ``outlet``, a year or period column).
    n_boot, ci, random_state
        Bootstrap resamples, confidence level, seed.

    Returns
    -------
    DataFrame
        ``group``, ``category``, ``share``, ``lower``, ``upper``, ``articles`` (in the
        group) and, for a categorical column, ``count``.

    Example
    -------
    >>> table = pd.DataFrame({"outlet_type": ["tabloid"] * 4 + ["broadsheet"] * 4,
    ...                       "frame": ["a", "a", "a", "b", "a", "b", "b", "b"]})
    >>> prevalence(table, "outlet_type", category="frame", n_boot=200)[["group", "category", "share", "count"]]
            group category  share  count
    0  broadsheet        a   0.25      1
    1  broadsheet        b   0.75      3
    2     tabloid        a   0.75      3
    3     tabloid        b   0.25      1
    """
    if (category is None) == (columns is None):
        raise ValueError("give either category= (a categorical column) or columns= (numeric share columns)")
    if category is not None:
        data = table[[group, category]].dropna(subset=[group])
        values = pd.get_dummies(data[category].astype(str)).astype(float)
        values = values[sorted(values.columns)]
    else:
        data = table[[group, *columns]].dropna(subset=[group])
        values = data[list(columns)].astype(float)
    names = list(values.columns)
    matrix = values.to_numpy()
    groups = data[group].to_numpy()
    rng = np.random.default_rng(random_state)
    alpha = (1 - ci) / 2
    rows = []
    for value in sorted(pd.unique(groups), key=lambda g: (str(type(g)), g)):
        member = matrix[groups == value]
        boot = _bootstrap_means(member, n_boot, rng)
        lower, upper = np.quantile(boot, [alpha, 1 - alpha], axis=0)
        share = member.mean(axis=0)
        for j, name in enumerate(names):
            row = {"group": value, "category": name, "share": share[j], "lower": lower[j], "upper": upper[j], "articles": len(member)}
            if category is not None:
                row["count"] = int(member[:, j].sum())
            rows.append(row)
    out = pd.DataFrame(rows)
    for column in ("share", "lower", "upper"):
        out[column] = out[column].round(4)
    return out


# --------------------------------------------------------------------------- counting

def _group_mask(corpus: pd.DataFrame, spec, group: str | None, name: str) -> np.ndarray:
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


# --------------------------------------------------------------------------- keyness

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
    (as scipy applies it: the absolute deviation is reduced by at most 0.5)."""
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
    is replaced by 0.5 so the ratio stays finite."""
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
    >>> keyness(corpus, "tabloid", "broadsheet", group="outlet_type").head()   # doctest: +SKIP
    """
    unknown = set(measures) - set(KEYNESS_MEASURES)
    if unknown:
        raise ValueError(f"unknown measures {sorted(unknown)}; choose from {KEYNESS_MEASURES}")
    external = isinstance(reference, dict | pd.Series)
    if corpus is not None:
        target_mask = _group_mask(corpus, target, group, "target")
        masks = {"target": target_mask}
        if not external:
            masks["reference"] = ~target_mask if isinstance(reference, str) and reference == "rest" else _group_mask(corpus, reference, group, "reference")
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


# --------------------------------------------------------------------------- Fightin' Words

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
    the rows of ``counts`` given prior ``proportions`` (a one-dimensional search)."""
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
        mask_a = _group_mask(corpus, group_a, group, "group_a")
        mask_b = ~mask_a if isinstance(group_b, str) and group_b == "rest" else _group_mask(corpus, group_b, group, "group_b")
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


# --------------------------------------------------------------------------- reading in context

def kwic(corpus: pd.DataFrame, pattern: str, *, window: int = 8, regex: bool = False, text: str = "text", case: bool = False, limit: int | None = None) -> pd.DataFrame:
    """Keyword in context: every match of ``pattern`` with ``window`` words either side.

    ``pattern`` is a word or phrase (matched on word boundaries, whitespace-insensitive)
    or, with ``regex=True``, a regular expression.  Returns ``doc_id``, ``outlet``,
    ``published``, ``left``, ``match``, ``right`` (and ``start`` offsets).

    Example
    -------
    >>> kwic(corpus, "vigilante justice", window=6).head()   # doctest: +SKIP
    """
    if not regex:
        pattern = r"\b" + r"\s+".join(re.escape(word) for word in pattern.split()) + r"\b"
    compiled = re.compile(pattern, 0 if case else re.IGNORECASE)
    rows = []
    for row in corpus.itertuples(index=False):
        value = getattr(row, text)
        for match in compiled.finditer(value):
            left = " ".join(value[: match.start()].split()[-window:])
            right = " ".join(value[match.end() :].split()[:window])
            rows.append({"doc_id": row.doc_id, "outlet": getattr(row, "outlet", ""), "published": getattr(row, "published", pd.NaT),
                         "left": left, "match": " ".join(match.group(0).split()), "right": right, "start": match.start()})
            if limit is not None and len(rows) >= limit:
                return pd.DataFrame(rows)
    return pd.DataFrame(rows, columns=["doc_id", "outlet", "published", "left", "match", "right", "start"])


def collocations(corpus: pd.DataFrame, node: str | None = None, *, span: int = 3, min_count: int = 5, text: str = "text", stop: bool = True) -> pd.DataFrame:
    """Collocations within sentences, scored by PMI and G².

    Without ``node``: adjacent word pairs (bigrams).  With ``node``: words within ``span``
    words of the node word (either side).  Windows never cross a sentence boundary.
    Counts: ``n_pair`` (co-occurrences), ``n_first`` / ``n_second`` (word frequencies);
    G² on the 2 × 2 table of pair positions.

    Example
    -------
    >>> collocations(corpus, "hunters", span=3).head()   # doctest: +SKIP
    """
    from presslens.text import sentences, stop_words, tokenize

    stop_set = stop_words(corpus) if stop else frozenset()
    words: Counter = Counter()
    pairs: Counter = Counter()
    positions = 0
    node = node.lower() if node else None
    for value in corpus[text]:
        for sentence in sentences(value):
            tokens = [t for t in tokenize(sentence) if t not in stop_set]
            words.update(tokens)
            if node is None:
                positions += max(0, len(tokens) - 1)
                pairs.update(zip(tokens, tokens[1:], strict=False))
            else:
                for i, token in enumerate(tokens):
                    if token == node:
                        context = tokens[max(0, i - span) : i] + tokens[i + 1 : i + 1 + span]
                        pairs.update((node, w) for w in context)
                        positions += len(context)
    total = sum(words.values())
    rows = []
    for (first, second), n_pair in pairs.items():
        if n_pair < min_count:
            continue
        rows.append((first, second, n_pair, words[first], words[second]))
    table = pd.DataFrame(rows, columns=["first", "second", "n_pair", "n_first", "n_second"])
    if table.empty:
        return table.assign(pmi=[], g2=[])
    if node is None:
        expected = table["n_first"] * table["n_second"] / total
        table["pmi"] = np.log2(table["n_pair"] / expected)
        a = table["n_pair"].to_numpy(float)
        b = table["n_first"].to_numpy(float) - a
        c = table["n_second"].to_numpy(float) - a
    else:
        # node windows against the rest of the corpus: is w more frequent near the node?
        expected = table["n_second"] * positions / total
        table["pmi"] = np.log2(table["n_pair"] / expected)
        a = table["n_pair"].to_numpy(float)
        b = np.full_like(a, positions) - a
        c = table["n_second"].to_numpy(float) - a
    d = np.maximum(total - a - b - c, 0)
    table["g2"] = log_likelihood(a, b, c, d)
    return table.sort_values(["g2", "first", "second"], ascending=[False, True, True]).reset_index(drop=True)


# --------------------------------------------------------------------------- tables of groups

def compare_groups(table: pd.DataFrame, group: str, category: str) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Chi-square test of independence of ``group`` and ``category``, Cramér's V, and the
    adjusted standardised residuals of each cell (|r| > 2 marks a notable cell).

    Returns ``(test, cells)``: one row with ``chi2``, ``dof``, ``p``, ``cramers_v``, ``n``;
    and a tidy table of cells with ``observed``, ``expected``, ``residual``.
    """
    observed = pd.crosstab(table[group], table[category])
    chi2, p, dof, expected = stats.chi2_contingency(observed.to_numpy(), correction=False)
    n = observed.to_numpy().sum()
    r, k = observed.shape
    cramers_v = float(np.sqrt(chi2 / (n * (min(r, k) - 1)))) if min(r, k) > 1 else np.nan
    row_share = observed.sum(axis=1).to_numpy()[:, None] / n
    col_share = observed.sum(axis=0).to_numpy()[None, :] / n
    residuals = (observed.to_numpy() - expected) / np.sqrt(expected * (1 - row_share) * (1 - col_share))
    cells = pd.DataFrame({
        "group": np.repeat(observed.index.to_numpy(), k),
        "category": np.tile(observed.columns.to_numpy(), r),
        "observed": observed.to_numpy().ravel(),
        "expected": expected.ravel().round(2),
        "residual": residuals.ravel().round(3),
    })
    test = pd.DataFrame([{"chi2": chi2, "dof": dof, "p": p, "cramers_v": cramers_v, "n": int(n)}])
    return test, cells


def correspondence(table: pd.DataFrame, n_components: int = 2) -> dict[str, pd.DataFrame]:
    """Correspondence analysis of a contingency table (rows such as outlets, columns such
    as clusters or frames), by SVD of the standardised residuals (Greenacre 2017).

    Returns ``rows`` and ``columns`` (principal coordinates on each dimension, with
    masses) and ``inertia`` (principal inertia and the share explained per dimension).
    """
    counts = table.to_numpy(dtype=float)
    n = counts.sum()
    p = counts / n
    r, c = p.sum(axis=1), p.sum(axis=0)
    standardised = (p - np.outer(r, c)) / np.sqrt(np.outer(r, c))
    u, singular, vt = np.linalg.svd(standardised, full_matrices=False)
    # fix signs so the largest coordinate of each column dimension is positive (determinism)
    for k in range(len(singular)):
        if vt[k, np.argmax(np.abs(vt[k]))] < 0:
            u[:, k], vt[k] = -u[:, k], -vt[k]
    dims = min(n_components, len(singular))
    row_coordinates = (u[:, :dims] * singular[:dims]) / np.sqrt(r)[:, None]
    column_coordinates = (vt[:dims].T * singular[:dims]) / np.sqrt(c)[:, None]
    names = [f"dim_{i + 1}" for i in range(dims)]
    rows = pd.DataFrame(row_coordinates, index=table.index, columns=names).assign(mass=r)
    columns = pd.DataFrame(column_coordinates, index=table.columns, columns=names).assign(mass=c)
    eigen = singular**2
    inertia = pd.DataFrame({"dimension": [f"dim_{i + 1}" for i in range(len(eigen))], "inertia": eigen, "share": eigen / eigen.sum() if eigen.sum() else eigen})
    return {"rows": rows, "columns": columns, "inertia": inertia}
