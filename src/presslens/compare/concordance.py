"""Reading words in context: keyword in context (KWIC) and collocations.

:func:`kwic` lists every match of a word or phrase with the words either side;
:func:`collocations` scores word pairs within sentences by PMI and G² (the
log-likelihood of :func:`presslens.compare.keywords.log_likelihood`).
"""

from __future__ import annotations

import re
from collections import Counter

import numpy as np
import pandas as pd

from presslens.compare.keywords import log_likelihood


def kwic(corpus: pd.DataFrame, pattern: str, *, window: int = 8, regex: bool = False, text: str = "text", case: bool = False, limit: int | None = None) -> pd.DataFrame:
    """Keyword in context: every match of ``pattern`` with ``window`` words either side.

    ``pattern`` is a word or phrase (matched on word boundaries, whitespace-insensitive)
    or, with ``regex=True``, a regular expression.  Returns ``doc_id``, ``outlet``,
    ``published``, ``left``, ``match``, ``right`` (and ``start`` offsets).

    Example
    -------
    >>> corpus = pd.DataFrame({"doc_id": ["t1", "b1"], "outlet": ["The Daily Example", "The Example Times"],
    ...     "text": ["A vigilante group confronted a man. Police later arrested him.",
    ...              "Police warned that online stings can harm investigations."]})
    >>> kwic(corpus, "police", window=3)[["doc_id", "left", "match", "right"]]
      doc_id               left   match                right
    0     t1  confronted a man.  Police  later arrested him.
    1     b1                     Police   warned that online
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
    >>> corpus = pd.DataFrame({"text": ["Vigilante group confronted a man. Police later arrested him.",
    ...                                 "A vigilante group streamed the sting online. Police arrested a suspect.",
    ...                                 "Police warned that online stings can harm investigations."]})
    >>> collocations(corpus, min_count=2)[["first", "second", "n_pair", "n_first", "n_second"]]
           first second  n_pair  n_first  n_second
    0  vigilante  group       2        2         2
    >>> collocations(corpus, "police", span=3, min_count=2).round(3)
        first    second  n_pair  n_first  n_second    pmi     g2
    0  police  arrested       2        3         2  1.515  4.628
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
