"""Comparing coverage between groups: prevalence with bootstrap intervals.

``prevalence`` gives the share of each category (cluster, topic, frame) by group
(outlet, outlet type, period) with percentile bootstrap confidence intervals, resampling
articles within each group (Efron & Tibshirani 1993), and the counts the shares come
from.  It accepts either one categorical column (each article in one category) or
several numeric columns (each article a mixture, e.g. document-topic proportions).

Reference: Efron, B., & Tibshirani, R. J. (1993). *An Introduction to the Bootstrap*.
Chapman & Hall.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pandas as pd


def _bootstrap_means(values: np.ndarray, n_boot: int, rng: np.random.Generator, chunk: int = 200) -> np.ndarray:
    n = len(values)
    out = np.empty((n_boot, values.shape[1]))
    for start in range(0, n_boot, chunk):
        stop = min(n_boot, start + chunk)
        index = rng.integers(0, n, size=(stop - start, n))
        out[start:stop] = values[index].mean(axis=1)
    return out


def prevalence(
    table: pd.DataFrame,
    by: str,
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
        One row per article, holding the group column ``by`` and either ``category``
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
        data = table[[by, category]].dropna(subset=[by])
        values = pd.get_dummies(data[category].astype(str)).astype(float)
        values = values[sorted(values.columns)]
    else:
        data = table[[by, *columns]].dropna(subset=[by])
        values = data[list(columns)].astype(float)
    names = list(values.columns)
    matrix = values.to_numpy()
    groups = data[by].to_numpy()
    rng = np.random.default_rng(random_state)
    alpha = (1 - ci) / 2
    rows = []
    for group in sorted(pd.unique(groups), key=lambda g: (str(type(g)), g)):
        member = matrix[groups == group]
        boot = _bootstrap_means(member, n_boot, rng)
        lower, upper = np.quantile(boot, [alpha, 1 - alpha], axis=0)
        share = member.mean(axis=0)
        for j, name in enumerate(names):
            row = {"group": group, "category": name, "share": share[j], "lower": lower[j], "upper": upper[j], "articles": len(member)}
            if category is not None:
                row["count"] = int(member[:, j].sum())
            rows.append(row)
    out = pd.DataFrame(rows)
    for column in ("share", "lower", "upper"):
        out[column] = out[column].round(4)
    return out
