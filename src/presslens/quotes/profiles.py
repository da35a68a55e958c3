"""Who is quoted, summarised: source profiles by group with bootstrap intervals, and paraphrased speech.

Part of :mod:`presslens.quotes`; see its docstring for the pipeline and references.
"""

from __future__ import annotations

import re

import numpy as np
import pandas as pd

from presslens._compat import renamed_parameters
from presslens.quotes.vocabulary import CLOSE_MARKS, NAME, OPEN_MARKS, TITLES, VERB

# --------------------------------------------------------------------------- source profiles

@renamed_parameters(by="group")
def source_profile(quotes: pd.DataFrame, corpus: pd.DataFrame, group: str = "outlet_type", *, n_boot: int = 1000, random_state: int = 0, first_only: bool = False) -> pd.DataFrame:
    """Share of quotes by speaker role within each group, with cluster-bootstrap intervals
    (articles are resampled, with all their quotes, within each group).

    Speech only: rows whose ``kind`` is not ``speech`` are left out.  ``first_only=True``
    counts only each article's first quote: who is quoted first.  Returns ``group``,
    ``role``, ``share``, ``lower``, ``upper``, ``quotes``, ``articles``.

    Example
    -------
    >>> corpus = pd.DataFrame({"doc_id": ["a", "b"], "outlet_type": ["tabloid", "tabloid"]})
    >>> quotes = pd.DataFrame({"doc_id": ["a", "b"], "part": [1, 1], "start": [0, 0], "role": ["police", "public"]})
    >>> source_profile(quotes, corpus, n_boot=10)[["group", "role", "share", "quotes"]].values.tolist()
    [['tabloid', 'police', 0.5, 1], ['tabloid', 'public', 0.5, 1]]
    """
    table = quotes[quotes["part"] == 1]
    if "kind" in table:
        table = table[table["kind"] == "speech"]
    table = table.merge(corpus[["doc_id", group]], on="doc_id")
    if first_only:
        table = table.sort_values(["doc_id", "start"]).drop_duplicates("doc_id")
    roles = sorted(table["role"].unique())
    order = pd.Index(corpus["doc_id"])
    rng = np.random.default_rng(random_state)
    rows = []
    for value, part in table.groupby(group, sort=True):
        per_article = pd.crosstab(part["doc_id"], part["role"]).reindex(columns=roles, fill_value=0)
        # articles in corpus order, not sorted by id: the bootstrap then depends only on the
        # corpus, not on how its documents happen to be named
        per_article = per_article.iloc[np.argsort(order.get_indexer(per_article.index), kind="stable")]
        counts = per_article.to_numpy(dtype=float)
        totals = counts.sum(axis=0)
        share = totals / totals.sum()
        index = rng.integers(0, len(counts), size=(n_boot, len(counts)))
        boot = counts[index].sum(axis=1)
        boot = boot / boot.sum(axis=1, keepdims=True)
        lower, upper = np.quantile(boot, [0.025, 0.975], axis=0)
        for j, role in enumerate(roles):
            rows.append({"group": value, "role": role, "share": round(share[j], 4), "lower": round(lower[j], 4), "upper": round(upper[j], 4),
                         "quotes": int(totals[j]), "articles": len(counts)})
    return pd.DataFrame(rows)


_PARAPHRASE = re.compile(rf"\b(?P<who>(?:(?:{TITLES})\s+)*{NAME}|[Hh]e|[Ss]he|[Tt]hey)\s+{VERB}\s+(?:that\s+)?(?=[a-z])")


def paraphrases(corpus: pd.DataFrame, *, text: str = "text") -> pd.DataFrame:
    """Reported (indirect) speech outside quote marks: "X said (that) ..." sentences.

    Returns ``doc_id``, ``speaker_as_written`` and ``sentence`` for each, so quoted and
    paraphrased voices can be compared.

    Example
    -------
    >>> paraphrases(pd.DataFrame({"doc_id": ["a"], "text": ["Smith said the plan had failed."]}))["speaker_as_written"].tolist()
    ['Smith']
    """
    from presslens.text import sentences

    rows = []
    for doc_id, value in corpus[["doc_id", text]].itertuples(index=False, name=None):
        for sentence in sentences(value):
            if any(m in sentence for m in OPEN_MARKS + CLOSE_MARKS):
                continue
            match = _PARAPHRASE.search(sentence)
            if match:
                rows.append({"doc_id": doc_id, "speaker_as_written": match.group("who"), "sentence": sentence})
    return pd.DataFrame(rows, columns=["doc_id", "speaker_as_written", "sentence"])
