"""Categories across groups: prevalence with intervals, independence, correspondence.

:func:`prevalence` gives the share of each category (cluster, topic, frame) by group
(outlet, outlet type, period) with percentile bootstrap confidence intervals, resampling
articles within each group (Efron & Tibshirani 1993), and the counts the shares come
from.  It accepts either one categorical column (each article in one category) or
several numeric columns (each article a mixture, e.g. document-topic proportions).

:func:`compare_groups` tests the independence of a groups × categories table
(chi-square, Cramér's V, adjusted standardised residuals; Agresti 2013) and
:func:`correspondence` computes a correspondence analysis (Greenacre 2017) with numpy's
SVD: a dozen lines, written here rather than adding a dependency.

References: Agresti, A. (2013). *Categorical Data Analysis* (3rd ed.). Wiley. Efron, B.,
& Tibshirani, R. J. (1993). *An Introduction to the Bootstrap*. Chapman & Hall.
Greenacre, M. (2017). *Correspondence Analysis in Practice* (3rd ed.). CRC Press.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pandas as pd
from scipy import stats

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


def compare_groups(table: pd.DataFrame, group: str, category: str) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Chi-square test of independence of ``group`` and ``category``, Cramér's V, and the
    adjusted standardised residuals of each cell (|r| > 2 marks a notable cell).

    Returns ``(test, cells)``: one row with ``chi2``, ``dof``, ``p``, ``cramers_v``, ``n``;
    and a tidy table of cells with ``observed``, ``expected``, ``residual``.

    Example
    -------
    >>> table = pd.DataFrame({"outlet_type": ["tabloid"] * 4 + ["broadsheet"] * 4,
    ...                       "frame": ["crime", "crime", "crime", "policy", "crime", "policy", "policy", "policy"]})
    >>> test, cells = compare_groups(table, "outlet_type", "frame")
    >>> test.round(3)
       chi2  dof      p  cramers_v  n
    0   2.0    1  0.157        0.5  8
    >>> cells
            group category  observed  expected  residual
    0  broadsheet    crime         1       2.0    -1.414
    1  broadsheet   policy         3       2.0     1.414
    2     tabloid    crime         3       2.0     1.414
    3     tabloid   policy         1       2.0    -1.414
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
    Signs are fixed so that the largest column coordinate of each dimension is positive.

    Example
    -------
    >>> counts = pd.DataFrame({"crime": [30, 12, 6], "policy": [8, 25, 9], "safety": [4, 10, 28]},
    ...                       index=["tabloid", "broadsheet", "regional"])
    >>> result = correspondence(counts)
    >>> result["inertia"]["share"].round(3).tolist()[:2]  # the first dimension explains most
    [0.722, 0.278]
    >>> result["rows"]["dim_1"].sort_values().index.tolist(), result["columns"]["dim_1"].sort_values().index.tolist()
    (['tabloid', 'broadsheet', 'regional'], ['crime', 'policy', 'safety'])
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
