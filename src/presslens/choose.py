"""Choosing the number of clusters and of topics: stability, internal criteria, the rules.

* ``stability``: mean adjusted Rand index between k-means clusterings of bootstrap
  resamples of the articles, each used to assign every article (Lange et al. 2004;
  Ben-Hur, Elisseeff & Guyon 2002).
* ``choose_k``: silhouette, Calinski-Harabasz, Davies-Bouldin, stability and inertia for
  each k; ``recommend_k`` picks k from it and says why.
* ``recommend_by_stability``: the rule shared by clusters and topics (smallest value
  whose stability is within a tolerance of the best), with :class:`EdgeOfRangeWarning`
  when the choice is at an edge of the range searched.
* ``recommend_by_quality``: the rule for the number of topics: among the numbers whose
  stability is near the best, the one with the best topic quality (coherence x diversity,
  Dieng, Ruiz & Blei 2020).

:mod:`presslens.cluster` re-exports every public name here (``presslens.cluster.choose_k``
and the rest keep working).

References: Lange, T., Roth, V., Braun, M. L., & Buhmann, J. M. (2004). Stability-based
validation of clustering solutions. *Neural Computation*, 16(6), 1299-1323. Ben-Hur, A.,
Elisseeff, A., & Guyon, I. (2002). A stability based method for discovering structure in
clustered data. *Pacific Symposium on Biocomputing*, 7, 6-17. Greene, D., O'Callaghan,
D., & Cunningham, P. (2014). How many topics? Stability analysis for topic models.
*ECML PKDD*, 498-513. Dieng, A. B., Ruiz, F. J. R., & Blei, D. M. (2020). Topic modeling
in embedding spaces. *TACL*, 8, 439-453.
"""

from __future__ import annotations

import itertools
import warnings

import numpy as np
import pandas as pd
from sklearn.cluster import KMeans
from sklearn.metrics import (
    adjusted_rand_score,
    calinski_harabasz_score,
    davies_bouldin_score,
    silhouette_score,
)

from presslens._compat import renamed_parameters, user_stacklevel


class EdgeOfRangeWarning(UserWarning):
    """The chosen number of clusters or topics is at the edge of the range searched: the
    best value may lie outside it, so widen the range."""



def _bootstrap_labels(vectors, k: int, n_bootstrap: int, random_state: int, n_init: int) -> list[np.ndarray]:
    rng = np.random.default_rng(random_state)
    n = len(vectors)
    runs = []
    for b in range(n_bootstrap):
        sample = rng.integers(0, n, n)
        model = KMeans(n_clusters=k, n_init=n_init, random_state=random_state + b).fit(vectors[sample])
        runs.append(model.predict(vectors))
    return runs


def pairwise_agreement(vectors, k: int, *, n_boot: int = 10, random_state: int = 0, n_init: int = 3) -> np.ndarray:
    """Adjusted Rand index between every two k-means clusterings of bootstrap resamples
    (each used to assign every article): ``n_boot * (n_boot - 1) / 2`` values whose mean
    is :func:`stability` and whose spread says how consistently the partition comes back.

    Example
    -------
    >>> vectors = np.vstack([np.eye(2)[i % 2] + 0.01 * i for i in range(20)])
    >>> pairwise_agreement(vectors, 2, n_boot=3).tolist()
    [1.0, 1.0, 1.0]
    """
    runs = _bootstrap_labels(np.asarray(vectors), k, n_boot, random_state, n_init)
    return np.array([adjusted_rand_score(a, b) for a, b in itertools.combinations(runs, 2)])


@renamed_parameters(n_bootstrap="n_boot")
def stability(vectors, k: int, *, n_boot: int = 10, random_state: int = 0, n_init: int = 3) -> float:
    """Mean adjusted Rand index between k-means clusterings of bootstrap resamples.

    Each resample's clustering assigns every article, so any two can be compared on all
    articles (Lange et al. 2004; the adjusted Rand index is already corrected for the
    agreement of random labellings).  1 means the same partition every time; near 0, no
    more agreement than chance.

    Example
    -------
    >>> vectors = np.vstack([np.eye(2)[i % 2] + 0.01 * i for i in range(20)])
    >>> stability(vectors, 2, n_boot=3)
    1.0
    """
    return float(np.mean(pairwise_agreement(vectors, k, n_boot=n_boot, random_state=random_state, n_init=n_init)))


@renamed_parameters(n_bootstrap="n_boot")
def choose_k(vectors, k_values=range(3, 13), *, n_boot: int = 10, random_state: int = 0, n_init: int = 10, sample_size: int | None = 5000) -> pd.DataFrame:
    """Internal criteria and stability for each number of clusters.

    Returns a table with ``k``, ``silhouette`` (higher is better), ``calinski_harabasz``
    (higher is better), ``davies_bouldin`` (lower is better), ``stability`` (mean ARI
    between bootstrap clusterings, higher is better), ``stability_sd`` (their standard
    deviation: how unevenly the partition comes back) and ``inertia``.  Silhouette is
    computed on a fixed random sample of ``sample_size`` articles for large corpora.
    Silhouette, Davies-Bouldin and the stabilities are rounded to 3 decimals, Calinski-Harabasz
    and inertia to 4 significant figures.

    Example
    -------
    >>> rng = np.random.default_rng(0)
    >>> vectors = np.vstack([centre + 0.05 * rng.standard_normal((10, 3)) for centre in np.eye(3)])
    >>> choose_k(vectors, range(2, 5), n_boot=3)[["k", "stability"]]
       k  stability
    0  2      1.000
    1  3      1.000
    2  4      0.909
    """
    vectors = np.asarray(vectors)
    rows = []
    for k in k_values:  # printed precision: what carries meaning and is the same on every BLAS kernel
        model = KMeans(n_clusters=k, n_init=n_init, random_state=random_state).fit(vectors)
        labels = model.labels_
        agreement = pairwise_agreement(vectors, k, n_boot=n_boot, random_state=random_state)
        rows.append({
            "k": int(k),
            "silhouette": round(float(silhouette_score(vectors, labels, sample_size=sample_size if sample_size and len(vectors) > sample_size else None,
                                                       random_state=random_state)), 3),
            "calinski_harabasz": significant(calinski_harabasz_score(vectors, labels), 4),
            "davies_bouldin": round(float(davies_bouldin_score(vectors, labels)), 3),
            "stability": round(float(agreement.mean()), 3),
            "stability_sd": round(float(agreement.std()), 3),
            "inertia": significant(model.inertia_, 4),
        })
    return pd.DataFrame(rows)


def significant(value: float, digits: int = 4) -> float:
    """``value`` rounded to ``digits`` significant figures (inertia, Calinski-Harabasz):
    the last digits of such sums change with the order a BLAS kernel adds in.

    Example
    -------
    >>> significant(994.71187, 4), significant(0.000123456, 3)
    (994.7, 0.000123)
    """
    return float(f"{float(value):.{digits}g}")


def _warn_at_edge(value: int, values: list[int], what: str, reason: str) -> tuple[str, bool]:
    at_edge = len(values) > 1 and value in (values[0], values[-1])
    if at_edge:
        side = "smallest" if value == values[0] else "largest"
        reason += (f" Warning: this is the {side} {what} searched ({values[0]} to {values[-1]}); the best {what} may lie outside "
                   f"the range: widen it.")
        warnings.warn(f"{what} = {value} is at the edge of the range searched ({values[0]} to {values[-1]}); widen the range",
                      EdgeOfRangeWarning, stacklevel=user_stacklevel())
    return reason, at_edge


def recommend_by_stability(table: pd.DataFrame, column: str, *, tolerance: float = 0.05, what: str = "k",
                            noun: str = "clusterings", min_stability: float = 0.6, spread: str | None = "stability_sd") -> tuple[int, str, bool]:
    """The smallest value of ``column`` whose stability score is within ``tolerance`` of the
    best; ``(value, reason, at_edge)``, warning (:class:`EdgeOfRangeWarning`) at an edge of
    the range.

    The score is the mean agreement between resampled clusterings (``stability``) less
    their standard deviation when the table has a ``spread`` column (``choose_k`` gives
    ``stability_sd``): a lower bound of the agreement, so a k whose partition comes back
    only on some resamples (high mean, wide spread) is not taken for a stable one (the
    distribution of agreements, not only its mean, tells stable from unstable k: Ben-Hur,
    Elisseeff & Guyon 2002).  Without the column the score is the mean.

    Example
    -------
    >>> table = pd.DataFrame({"k": [3, 4, 5, 6], "stability": [0.70, 0.93, 0.95, 0.80]})
    >>> recommend_by_stability(table, "k")[0]
    4
    >>> recommend_by_stability(table.assign(stability_sd=[0.3, 0.2, 0.05, 0.1]), "k")[0]
    5
    """
    table = table.sort_values(column, kind="stable")
    penalised = bool(spread) and spread in table
    score = table["stability"] - table[spread] if penalised else table["stability"]
    best = float(score.max())
    chosen = table[score >= best - tolerance - 1e-12].iloc[0]
    value = int(chosen[column])
    values = table[column].astype(int).tolist()
    measure = "mean adjusted Rand index between clusterings of bootstrap resamples" if noun == "clusterings" else "agreement between models of resamples"
    if penalised:
        reason = (f"{what} = {value}: the smallest {what} whose {noun} are within {tolerance:.2f} of the best stability less its "
                  f"spread ({best:.2f}; stability is the {measure}, less its standard deviation over pairs of resamples); its "
                  f"stability is {float(chosen['stability']):.2f} \u00b1 {float(chosen[spread]):.2f}.")
    else:
        reason = (f"{what} = {value}: the smallest {what} whose {noun} are within {tolerance:.2f} of the best stability "
                  f"({best:.2f}, {measure}); its stability is {float(chosen['stability']):.2f}.")
    if float(table["stability"].max()) < min_stability:
        reason += f" Even the most stable {what} has stability below {min_stability:.2f}: treat the result as tentative."
    reason, at_edge = _warn_at_edge(value, values, what, reason)
    return value, reason, at_edge


def recommend_by_quality(table: pd.DataFrame, column: str = "n_topics", *, tolerance: float = 0.10, coherence: str = "npmi_window",
                         what: str = "n_topics") -> tuple[int, str, bool]:
    """Among the values of ``column`` whose stability is within ``tolerance`` of the best,
    the one with the best topic quality, ``coherence x diversity`` (Dieng, Ruiz & Blei
    2020); ties go to the smaller value.  ``(value, reason, at_edge)``, warning
    (:class:`EdgeOfRangeWarning`) at an edge of the range.

    Stability alone (Greene, O'Callaghan & Cunningham 2014) rewards coarse models that
    merge real topics (two or three topics come back on every resample); coherence alone
    rewards many small topics.  Stability screens out the models that do not come back,
    and quality chooses among those that do.

    Example
    -------
    >>> table = pd.DataFrame({"n_topics": [2, 4, 6, 8], "stability": [0.95, 0.90, 0.88, 0.70],
    ...                       "npmi_window": [0.10, 0.20, 0.18, 0.25], "diversity": [1.0, 0.95, 0.9, 0.8]})
    >>> recommend_by_quality(table)[0]
    4
    """
    table = table.sort_values(column, kind="stable").reset_index(drop=True)
    best = float(table["stability"].max())
    near = table[table["stability"] >= best - tolerance - 1e-12]
    quality = near[coherence] * near["diversity"]
    chosen = near.loc[quality.idxmax()]
    value = int(chosen[column])
    reason = (f"{what} = {value}: among the numbers whose topics are within {tolerance:.2f} of the best stability ({best:.2f}, "
              f"agreement between models of resamples), the best topic quality (coherence {coherence} x diversity: "
              f"{float(chosen[coherence]):.3f} x {float(chosen['diversity']):.2f}); its stability is {float(chosen['stability']):.2f}.")
    reason, at_edge = _warn_at_edge(value, table[column].astype(int).tolist(), what, reason)
    return value, reason, at_edge


def recommend_k(table: pd.DataFrame, *, tolerance: float = 0.05, min_stability: float | None = None) -> tuple[int, str]:
    """Pick k from a :func:`choose_k` table and explain the choice.

    Rule: stability is the score (Lange et al. 2004; Ben-Hur, Elisseeff & Guyon 2002):
    take the *smallest* k whose stability, less its spread over pairs of resamples
    (``stability_sd``, when the table has it), is within ``tolerance`` of the best.
    Clusterings that reappear on resamples of the articles, on all of them and not only
    on average, are real structure; among nearly equally stable choices the simpler one is
    preferred (see :func:`recommend_by_stability`).  Silhouette, Calinski-Harabasz and
    Davies-Bouldin stay in the table as descriptions, not as the rule: on news they
    improve steadily with k and favour the top of any range.  A choice at either edge of
    the range searched raises :class:`EdgeOfRangeWarning` and says so in the reason.
    When even the best stability is under ``min_stability`` (default 0.6) the reason
    says the clusters are tentative.

    Example
    -------
    >>> table = pd.DataFrame({"k": [3, 4, 5, 6], "stability": [0.70, 0.93, 0.95, 0.80]})
    >>> recommend_k(table)[0]
    4
    """
    value, reason, _ = recommend_by_stability(table, "k", tolerance=tolerance, min_stability=0.6 if min_stability is None else min_stability)
    return value, reason
