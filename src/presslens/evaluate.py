"""Scoring analyses against labels: planted (the teaching corpus) or hand-coded.

One module for every comparison of what an analysis found with what is known to be there,
so the tests, the notebooks and the benchmarks score the same way:

* clusters: :func:`score_clusters` (NMI, ARI, homogeneity, completeness, V-measure, purity);
* frames: :func:`score_frames` (per-frame precision, recall and F1, accuracy, confusion);
* quotes: :func:`match_quotes` and :func:`score_quotes` (span precision and recall, speaker
  and role accuracy on the quotes found);
* claims: :func:`match_claims`, :func:`score_claims` (mention precision, recall, F1) and
  :func:`score_mutations` (how often a planted mutation is named correctly);
* reuse: :func:`reuse_families` and :func:`score_reuse` (pair precision and recall).

Analyses never read labels; only this module, the tests and the notebooks' validation
cells do.  Scores are rounded to 4 decimals where they are returned as tables.

References
----------
Manning, C. D., Raghavan, P. and Schütze, H. (2008). *Introduction to Information
Retrieval*, ch. 16.3 (purity, NMI, Rand index). Cambridge University Press.

Hubert, L. and Arabie, P. (1985). Comparing partitions. *Journal of Classification* 2,
193-218.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

MUTATION_NAMES = {"none": "none", "rounded": "rounded", "inflated": "value_changed", "wrong_year": "year_changed",
                  "misattributed": "source_changed", "unattributed": "unattributed"}
"""The simulator's mutation labels mapped onto the names :func:`presslens.claims.track_claims` gives."""


def _known(truth) -> pd.Series:
    truth = pd.Series(np.asarray(truth, dtype=object))
    return truth.notna() & (truth.astype(str) != "")


# --------------------------------------------------------------------------- clusters


def score_clusters(labels, truth, *, ignore=None) -> pd.DataFrame:
    """Agreement between clusters and a reference labelling (one row).

    Parameters
    ----------
    labels : array-like
        The cluster of each article.
    truth : array-like
        The reference class of each article, in the same order; missing or empty values
        are left out.
    ignore : str, optional
        A reference value to leave out too (e.g. an "off topic" class).

    Returns
    -------
    pandas.DataFrame
        ``articles``, ``nmi`` (arithmetic normalisation, scikit-learn's default), ``ari``,
        ``homogeneity`` (each cluster holds one class), ``completeness`` (each class falls
        in one cluster), ``v_measure`` and ``purity`` (share of articles in their
        cluster's largest class).

    Examples
    --------
    >>> score_clusters([0, 0, 1, 1], ["a", "a", "b", "b"])[["articles", "nmi", "ari", "purity"]].to_dict("records")
    [{'articles': 4, 'nmi': 1.0, 'ari': 1.0, 'purity': 1.0}]
    >>> float(score_clusters([0, 0, 0, 1], ["a", "a", "b", ""])["purity"].iat[0])
    0.6667
    """
    from sklearn.metrics import (
        adjusted_rand_score,
        completeness_score,
        homogeneity_score,
        normalized_mutual_info_score,
        v_measure_score,
    )

    labels = np.asarray(labels)
    truth = pd.Series(truth).reset_index(drop=True)
    keep = truth.notna().to_numpy() & (truth.astype(str) != "").to_numpy()
    if ignore is not None:
        keep &= (truth != ignore).to_numpy()
    a, b = truth[keep].astype(str).to_numpy(), labels[keep]
    table = pd.crosstab(pd.Series(b, name="cluster"), pd.Series(a, name="truth")) if len(a) else pd.DataFrame()
    return pd.DataFrame([{
        "articles": int(keep.sum()),
        "nmi": normalized_mutual_info_score(a, b),
        "ari": adjusted_rand_score(a, b),
        "homogeneity": homogeneity_score(a, b),
        "completeness": completeness_score(a, b),
        "v_measure": v_measure_score(a, b),
        "purity": float(table.max(axis=1).sum() / len(a)) if len(a) else np.nan,
    }]).round(4)


# --------------------------------------------------------------------------- frames


def score_frames(predicted, truth, *, labels=None) -> dict[str, pd.DataFrame]:
    """Precision, recall and F1 of dominant frames against a labelled set.

    Parameters
    ----------
    predicted, truth : array-like
        The frame found and the frame coded for each article, in the same order.  Items
        whose truth is missing are left out.
    labels : list, optional
        The frames to report, in order; all frames in ``truth`` by default.

    Returns
    -------
    dict of pandas.DataFrame
        ``per_frame`` (precision, recall, F1, support), ``summary`` (n, accuracy,
        macro-F1, weighted F1) and ``confusion`` (rows: truth, columns: predicted).

    Examples
    --------
    >>> result = score_frames(["a", "a", "b", "b"], ["a", "b", "b", None])
    >>> result["summary"].to_dict("records")
    [{'n': 3, 'accuracy': 0.6667, 'macro_f1': 0.6667, 'weighted_f1': 0.6667}]
    >>> result["per_frame"]["recall"].tolist()
    [1.0, 0.5]
    """
    from sklearn.metrics import accuracy_score, f1_score, precision_recall_fscore_support

    predicted, truth = pd.Series(np.asarray(predicted, dtype=object)), pd.Series(np.asarray(truth, dtype=object))
    keep = _known(truth)
    predicted, truth = predicted[keep].astype(str), truth[keep].astype(str)
    labels = list(labels) if labels is not None else sorted(set(truth))
    precision, recall, f1, support = precision_recall_fscore_support(truth, predicted, labels=labels, zero_division=0)
    per_frame = pd.DataFrame({"frame": labels, "precision": precision, "recall": recall, "f1": f1, "support": support}).round(4)
    summary = pd.DataFrame([{"n": int(keep.sum()), "accuracy": accuracy_score(truth, predicted),
                             "macro_f1": f1_score(truth, predicted, labels=labels, average="macro", zero_division=0),
                             "weighted_f1": f1_score(truth, predicted, labels=labels, average="weighted", zero_division=0)}]).round(4)
    confusion = pd.crosstab(pd.Series(truth.to_numpy(), name="truth"), pd.Series(predicted.to_numpy(), name="predicted"))
    return {"per_frame": per_frame, "summary": summary, "confusion": confusion}


# --------------------------------------------------------------------------- quotes


def match_quotes(found: pd.DataFrame, labels: pd.DataFrame, *, key: str = "key") -> list:
    """Pair each quote found with a planted quote of the same article and the same text.

    Each planted quote is used once, in order.  ``key`` names the column holding the
    normalised quote text in both tables.

    Returns
    -------
    list
        For each row of ``found``, the matching row of ``labels`` (a named tuple) or ``None``.

    Examples
    --------
    >>> found = pd.DataFrame({"doc_id": ["a", "a"], "key": ["we act", "we act"]})
    >>> planted = pd.DataFrame({"doc_id": ["a"], "key": ["we act"], "role": ["police"]})
    >>> [m.role if m is not None else None for m in match_quotes(found, planted)]
    ['police', None]
    """
    pool: dict[tuple, list] = {}
    for row in labels.itertuples():
        pool.setdefault((row.doc_id, getattr(row, key)), []).append(row)
    matched = []
    for row in found.itertuples():
        candidates = pool.get((row.doc_id, getattr(row, key)))
        matched.append(candidates.pop(0) if candidates else None)
    return matched


def score_quotes(found: pd.DataFrame, labels: pd.DataFrame, *, key: str = "key", group: str | None = None) -> pd.DataFrame:
    """Quote spans and speakers against planted quotes (one row).

    Parameters
    ----------
    found : pandas.DataFrame
        Quotes found (``doc_id``, ``key``, ``speaker``, ``role``), e.g. from
        :func:`presslens.quotes.attribute` with a normalised ``key``.
    labels : pandas.DataFrame
        Planted quotes with the same columns.
    group : str, optional
        A column of ``found`` (e.g. ``"rule"``, the attribution rule that named the
        speaker): one row per value, scoring the quotes found with that value (without ``planted``
        and ``recall``, since a planted quote has no rule).

    Returns
    -------
    pandas.DataFrame
        ``found``, ``planted``, ``matched``, span ``precision`` and ``recall``, and on the
        quotes matched the share with the right ``speaker`` and ``role``.

    Examples
    --------
    >>> found = pd.DataFrame({"doc_id": ["a", "b"], "key": ["we act", "no"], "speaker": ["Ann Lee", "X"], "role": ["police", "other"]})
    >>> planted = pd.DataFrame({"doc_id": ["a", "a"], "key": ["we act", "later"], "speaker": ["Ann Lee", "Bo"], "role": ["charity", "police"]})
    >>> score_quotes(found, planted).to_dict("records")[0]
    {'found': 2, 'planted': 2, 'matched': 1, 'precision': 0.5, 'recall': 0.5, 'speaker_accuracy': 1.0, 'role_accuracy': 0.0}
    >>> score_quotes(found.assign(rule=["same sentence", "adjacent sentence"]), planted, group="rule")[["rule", "found", "matched", "speaker_accuracy"]]
                    rule  found  matched  speaker_accuracy
    0  adjacent sentence      1        0               NaN
    1      same sentence      1        1               1.0
    """
    matched = match_quotes(found, labels, key=key)
    if group is not None:
        found = found.assign(_matched=pd.Series(matched, index=found.index, dtype=object))
        rows = []
        for value, part in found.groupby(group, sort=True):
            pairs = [(row, m) for row, m in zip(part.itertuples(), part["_matched"], strict=True) if m is not None]
            rows.append({group: value, "found": len(part), "matched": len(pairs), "precision": len(pairs) / len(part),
                         "speaker_accuracy": float(np.mean([row.speaker == m.speaker for row, m in pairs])) if pairs else np.nan,
                         "role_accuracy": float(np.mean([row.role == m.role for row, m in pairs])) if pairs else np.nan})
        return pd.DataFrame(rows).round(4)
    pairs = [(row, m) for row, m in zip(found.itertuples(), matched, strict=True) if m is not None]
    speaker = np.mean([row.speaker == m.speaker for row, m in pairs]) if pairs else np.nan
    role = np.mean([row.role == m.role for row, m in pairs]) if pairs else np.nan
    return pd.DataFrame([{"found": len(found), "planted": len(labels), "matched": len(pairs),
                          "precision": len(pairs) / len(found) if len(found) else np.nan,
                          "recall": len(pairs) / len(labels) if len(labels) else np.nan,
                          "speaker_accuracy": float(speaker), "role_accuracy": float(role)}]).round(4)


# --------------------------------------------------------------------------- claims


def match_claims(found: pd.DataFrame, labels: pd.DataFrame, *, key: str = "key") -> list[int]:
    """Pair each claim found with a planted claim mention of the same article and value text.

    ``found["value_text"]`` is compared with ``labels[key]`` (the planted value text,
    normalised as the analysis normalises text); each planted mention is used once.

    Returns
    -------
    list of int
        For each row of ``found``, the index of the matching row of ``labels``, or -1.

    Examples
    --------
    >>> found = pd.DataFrame({"doc_id": ["a", "a"], "value_text": ["40%", "12"]})
    >>> planted = pd.DataFrame({"doc_id": ["a"], "key": ["40%"]}, index=[7])
    >>> match_claims(found, planted)
    [7, -1]
    """
    pool: dict[str, list] = {}
    for row in labels.itertuples():
        pool.setdefault(row.doc_id, []).append(row)
    matched = []
    for row in found.itertuples():
        candidates = [m for m in pool.get(row.doc_id, []) if getattr(m, key) == row.value_text]
        if candidates:
            pool[row.doc_id].remove(candidates[0])
        matched.append(candidates[0].Index if candidates else -1)
    return matched


def score_claims(matched, n_planted: int) -> pd.DataFrame:
    """Mention-level precision, recall and F1 of claims found (one row).

    Parameters
    ----------
    matched : array-like of int
        :func:`match_claims`'s result (-1: no planted mention).
    n_planted : int
        The number of planted mentions.

    Examples
    --------
    >>> score_claims([7, -1, 3], 4).to_dict("records")[0]
    {'found': 3, 'planted': 4, 'matched': 2, 'precision': 0.6667, 'recall': 0.5, 'f1': 0.5714}
    """
    matched = np.asarray(matched)
    hits = int((matched >= 0).sum())
    precision = hits / len(matched) if len(matched) else np.nan
    recall = hits / n_planted if n_planted else np.nan
    f1 = 2 * precision * recall / (precision + recall) if hits else 0.0
    return pd.DataFrame([{"found": len(matched), "planted": n_planted, "matched": hits, "precision": precision, "recall": recall, "f1": f1}]).round(4)


def score_mutations(tracked: pd.DataFrame, planted: pd.DataFrame) -> dict:
    """How the mutations :func:`presslens.claims.track_claims` names compare with the planted ones.

    Mentions are paired on ``doc_id`` and ``value_text``; planted mutation labels are
    mapped with :data:`MUTATION_NAMES`.

    Returns
    -------
    dict
        ``matched`` (the paired mentions with ``planted`` and ``mutation``), ``confusion``
        (rows: planted, columns: named) and ``summary`` (one row: ``mutated`` mentions and
        the share whose mutation is named correctly, ``unmutated`` mentions and the share
        named ``none``).

    Examples
    --------
    >>> tracked = pd.DataFrame({"doc_id": ["a", "b", "c"], "value_text": ["40%", "40%", "41%"], "mutation": ["none", "rounded", "none"]})
    >>> planted = pd.DataFrame({"doc_id": ["a", "b", "c"], "value_text": ["40%", "40%", "41%"], "mutation": ["none", "rounded", "inflated"]})
    >>> score_mutations(tracked, planted)["summary"].to_dict("records")[0]
    {'mutated': 2, 'named_correctly': 0.5, 'unmutated': 1, 'named_none': 1.0}
    """
    merged = tracked.merge(planted[["doc_id", "value_text", "mutation"]].drop_duplicates(["doc_id", "value_text"]),
                           on=["doc_id", "value_text"], how="inner", suffixes=("", "_planted"))
    merged["planted"] = merged["mutation_planted"].map(MUTATION_NAMES)
    changed = merged[merged["planted"] != "none"]
    unchanged = merged[merged["planted"] == "none"]
    summary = pd.DataFrame([{"mutated": len(changed), "named_correctly": float((changed["mutation"] == changed["planted"]).mean()) if len(changed) else np.nan,
                             "unmutated": len(unchanged), "named_none": float((unchanged["mutation"] == "none").mean()) if len(unchanged) else np.nan}])
    return {"matched": merged, "confusion": pd.crosstab(merged["planted"], merged["mutation"]), "summary": summary.round(4)}


# --------------------------------------------------------------------------- reuse


def reuse_families(labels: pd.DataFrame) -> tuple[dict[str, str], set[tuple[str, str]]]:
    """The planted reuse of a simulated corpus: each article's family and the planted pairs.

    An article's family is the article it copies (``wire_source`` for wire copy,
    ``duplicate_of`` for a duplicate) or itself; the planted pairs are ``(copy, source)``
    sorted by id.

    Examples
    --------
    >>> labels = pd.DataFrame({"doc_id": ["w1", "p1", "p2"], "wire_source": ["", "w1", ""], "duplicate_of": ["", "", ""]})
    >>> family, planted = reuse_families(labels)
    >>> family["p1"], sorted(planted)
    ('w1', [('p1', 'w1')])
    """
    family, planted = {}, set()
    for row in labels.itertuples():
        source = row.wire_source if isinstance(row.wire_source, str) and row.wire_source else row.duplicate_of if isinstance(row.duplicate_of, str) and row.duplicate_of else None
        family[row.doc_id] = source or row.doc_id
        if source:
            planted.add(tuple(sorted((row.doc_id, source))))
    return family, planted


def score_reuse(pairs: pd.DataFrame, labels: pd.DataFrame) -> dict:
    """Near-duplicate pairs against the planted reuse.

    Parameters
    ----------
    pairs : pandas.DataFrame
        ``doc_a``, ``doc_b``, e.g. from :func:`presslens.reuse.near_duplicates`.
    labels : pandas.DataFrame
        The article labels (``doc_id``, ``wire_source``, ``duplicate_of``).

    Returns
    -------
    dict
        ``pairs`` found, ``precision`` (share of pairs within one family; NaN without
        pairs) and ``recall`` (share of planted pairs found).

    Examples
    --------
    >>> labels = pd.DataFrame({"doc_id": ["w1", "p1", "p2"], "wire_source": ["", "w1", ""], "duplicate_of": ["", "", ""]})
    >>> score_reuse(pd.DataFrame({"doc_a": ["p1", "p1"], "doc_b": ["w1", "p2"]}), labels)
    {'pairs': 2, 'precision': 0.5, 'recall': 1.0}
    """
    family, planted = reuse_families(labels)
    found = set(zip(pairs["doc_a"], pairs["doc_b"], strict=True))
    precision = float(np.mean([family[a] == family[b] for a, b in found])) if found else np.nan
    recall = len(planted & found) / len(planted) if planted else np.nan
    return {"pairs": len(found), "precision": precision, "recall": recall}
