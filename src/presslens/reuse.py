"""Text reuse: exact and near duplicates, passage reuse, syndication and churn.

* ``exact_duplicates``: groups of articles whose normalised text is identical (a hash).
* ``near_duplicates``: candidate pairs from MinHash signatures and locality-sensitive
  hashing (banding) over word shingles (Broder 1997; Leskovec, Rajaraman & Ullman,
  *Mining of Massive Datasets*, ch. 3), each verified by the exact Jaccard similarity and
  the containment of one article's shingles in the other's.  The band count and width
  are those datasketch's ``MinHashLSH`` chooses for the threshold, but shingles,
  signatures (multiply-shift universal hashing) and bands are computed with numpy over
  many articles at once: datasketch's per-document Python loop made near-duplicate
  detection slower than an exhaustive sparse product at 10,000 articles.
* ``passages``: which paragraphs of a later article come from an earlier one, and the
  share of it that is reused (in the spirit of passim and textreuse; Smith, Cordell &
  Mullen 2015).
* ``reuse_pairs`` / ``syndication``: pairs ordered earlier -> later, clusters of
  connected articles, the likely original of each cluster, reuse within one outlet
  ignored on request (passim's "series"), and same-day duplicate flags as in
  LexisNexisTools.
* ``deduplicate``: the corpus with duplicates removed or flagged, and a table of what
  was removed, so counts elsewhere can be run with or without them.
* ``churn``: by outlet, the share of articles that reuse another outlet's (or the
  wire's) text and the share of their text that is reused, with bootstrap intervals.

References: Broder, A. Z. (1997). On the resemblance and containment of documents.
*Compression and Complexity of Sequences*, 21-29. Leskovec, J., Rajaraman, A., & Ullman,
J. D. (2020). *Mining of Massive Datasets* (3rd ed.), ch. 3. Smith, D. A., Cordell, R., &
Mullen, A. (2015). Computational methods for uncovering reprinted texts in antebellum
newspapers. *American Literary History*, 27(3), E1-E15. Dietzfelbinger, M., Hagerup, T.,
Katajainen, J., & Penttonen, M. (1997). A reliable randomized algorithm for the
closest-pair problem. *Journal of Algorithms*, 25(1), 19-51.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable

import numpy as np
import pandas as pd

from presslens._compat import renamed_parameters

_WORD = re.compile(r"[a-z0-9]+")


def normalise(text: str) -> str:
    """Lower case, words and numbers only, "%" spelt "per cent": the text a reuse
    comparison sees, so house-style differences do not hide shared passages."""
    text = text.lower().replace("%", " per cent").replace("\u2019", "'")
    return " ".join(_WORD.findall(text))


def shingles(text: str, size: int = 5) -> set[str]:
    """The set of word ``size``-grams of a normalised text."""
    words = normalise(text).split()
    if len(words) < size:
        return {" ".join(words)} if words else set()
    return {" ".join(words[i : i + size]) for i in range(len(words) - size + 1)}


def exact_duplicates(corpus: pd.DataFrame, *, text: str = "text") -> pd.DataFrame:
    """Groups of articles with identical normalised text: ``doc_id``, ``group`` (the first
    doc_id of the group), ``size``.  Articles without a duplicate are not listed."""
    digests = corpus[text].map(lambda t: hashlib.sha1(normalise(t).encode("utf-8")).hexdigest())
    table = pd.DataFrame({"doc_id": corpus["doc_id"].to_numpy(), "digest": digests.to_numpy()})
    sizes = table.groupby("digest")["doc_id"].transform("size")
    table = table[sizes > 1].copy()
    table["group"] = table.groupby("digest")["doc_id"].transform("first")
    table["size"] = table.groupby("digest")["doc_id"].transform("size")
    return table.drop(columns="digest").reset_index(drop=True)


_MAX_HASH = np.uint64((1 << 32) - 1)
_MULTIPLIER = np.uint64(1_000_003)


def shingle_hashes(texts, size: int, chunk: int = 5000) -> list[np.ndarray]:
    """Each text's word ``size``-grams as sorted unique 32-bit hashes.

    Words are hashed with pandas' fixed-key SipHash (``pandas.util.hash_array``: C speed,
    the same value on every run and machine) a chunk of texts at a time, so memory stays
    bounded; each text's n-grams are then combined arithmetically with numpy.

    Examples
    --------
    >>> hashes = shingle_hashes(["one two three four five six", "one two three four five seven"], 5)
    >>> [len(h) for h in hashes], len(np.intersect1d(*hashes))
    ([2, 2], 1)
    """
    from itertools import chain

    out = []
    for start in range(0, len(texts), chunk):
        words = [_WORD.findall(text.lower().replace("%", " per cent ")) for text in texts[start : start + chunk]]
        flat = list(chain.from_iterable(words))
        codes = pd.util.hash_array(np.array(flat, dtype=object)) if flat else np.zeros(0, dtype=np.uint64)
        position = 0
        with np.errstate(over="ignore"):
            for text_words in words:
                ids = codes[position : position + len(text_words)]
                position += len(text_words)
                if len(ids) == 0:
                    out.append(np.zeros(0, dtype=np.uint64))
                    continue
                width = min(size, len(ids))
                grams = np.zeros(len(ids) - width + 1, dtype=np.uint64)
                for k in range(width):
                    grams = grams * _MULTIPLIER + ids[k : len(ids) - width + 1 + k]
                grams ^= grams >> np.uint64(29)
                out.append(np.unique(grams & _MAX_HASH))
    return out


def minhash_signatures(hashes: list[np.ndarray], num_perm: int, seed: int, chunk: int = 64) -> np.ndarray:
    """MinHash signatures (n_texts, num_perm): for each of ``num_perm`` random universal
    hash functions (multiply-shift: the upper 32 bits of ``a * h + b`` modulo 2**64, with
    odd ``a``; Dietzfelbinger et al. 1997), the minimum over each text's shingle hashes.
    Computed for ``chunk`` texts at a time with one numpy reduction.

    Examples
    --------
    >>> signatures = minhash_signatures(shingle_hashes(["a b c d e f", "a b c d e f"], 5), 16, seed=1)
    >>> signatures.shape, bool((signatures[0] == signatures[1]).all())
    ((2, 16), True)
    """
    generator = np.random.RandomState(seed)
    a = (generator.randint(0, 2**62, num_perm, dtype=np.uint64) * np.uint64(2) + np.uint64(1))[:, None]
    b = generator.randint(0, 2**62, num_perm, dtype=np.uint64)[:, None]
    signatures = np.full((len(hashes), num_perm), np.uint32(0xFFFFFFFF), dtype=np.uint32)
    shift = np.uint64(32)
    with np.errstate(over="ignore"):
        for start in range(0, len(hashes), chunk):
            block = hashes[start : start + chunk]
            lengths = np.array([len(h) for h in block])
            nonempty = np.flatnonzero(lengths)
            if len(nonempty) == 0:
                continue
            values = np.concatenate([block[i] for i in nonempty])
            offsets = np.concatenate([[0], np.cumsum(lengths[nonempty])[:-1]])
            hashed = (a * values[None, :] + b) >> shift
            signatures[start + nonempty] = np.minimum.reduceat(hashed, offsets, axis=1).T.astype(np.uint32)
    return signatures


def band_parameters(threshold: float, num_perm: int) -> tuple[int, int]:
    """(bands, rows per band): what datasketch's MinHashLSH chooses for this threshold,
    weighting false positives and false negatives equally.

    Examples
    --------
    >>> bands, rows = band_parameters(0.4, 128)
    >>> bands * rows <= 128
    True
    """
    from datasketch.lsh import _optimal_param

    return _optimal_param(threshold, num_perm, 0.5, 0.5)


def _band_bytes(signatures: np.ndarray, band: int, rows: int) -> np.ndarray:
    """Each signature's ``band``-th band as one opaque value (``rows`` uint32 as bytes)."""
    return np.ascontiguousarray(signatures[:, band * rows : (band + 1) * rows]).view(np.dtype((np.void, rows * 4))).ravel()


def lsh_threshold(threshold: float, measure: str) -> float:
    """The Jaccard at which LSH proposes candidates for a verification ``measure``: an
    extract half the length of its source has a Jaccard of about half its containment.

    Examples
    --------
    >>> lsh_threshold(0.4, "jaccard"), lsh_threshold(0.5, "containment")
    (0.4, 0.15)
    """
    if measure not in ("jaccard", "containment", "either"):
        raise ValueError("measure must be 'jaccard', 'containment' or 'either'")
    return threshold if measure == "jaccard" else max(0.05, threshold * 0.3)


def verify_pairs(pairs, ids_a, ids_b, sets_a, sets_b, threshold: float, measure: str) -> list[tuple]:
    """Verify candidate pairs exactly on their shingle sets.

    ``pairs`` are (i, j) positions into ``ids_a``/``sets_a`` and ``ids_b``/``sets_b``;
    returns ``(doc_a, doc_b, jaccard, containment_a, containment_b, shared)`` rows, with
    ``doc_a < doc_b``, for the pairs that pass ``measure`` at ``threshold``.

    Examples
    --------
    >>> sets = shingle_hashes(["a b c d e f g", "a b c d e f h"], 5)
    >>> [row[:2] + (round(row[2], 2),) for row in verify_pairs([(0, 1)], ["x", "y"], ["x", "y"], sets, sets, 0.3, "jaccard")]
    [('x', 'y', 0.5)]
    """
    rows = []
    for i, j in pairs:
        a, b = sets_a[i], sets_b[j]
        if not len(a) or not len(b):
            continue
        shared = len(np.intersect1d(a, b, assume_unique=True))
        jaccard = shared / (len(a) + len(b) - shared)
        contain_a, contain_b = shared / len(a), shared / len(b)
        passes = {"jaccard": jaccard >= threshold, "containment": max(contain_a, contain_b) >= threshold, "either": max(jaccard, contain_a, contain_b) >= threshold}[measure]
        if passes:
            if ids_a[i] < ids_b[j]:
                rows.append((ids_a[i], ids_b[j], jaccard, contain_a, contain_b, shared))
            else:
                rows.append((ids_b[j], ids_a[i], jaccard, contain_b, contain_a, shared))
    return rows


def pairs_table(rows: list[tuple]) -> pd.DataFrame:
    """The :func:`near_duplicates` table from verified rows (rounded, sorted by doc ids).

    Examples
    --------
    >>> pairs_table([("b", "c", 0.512345, 1.0, 0.5, 3)]).to_dict("records")
    [{'doc_a': 'b', 'doc_b': 'c', 'jaccard': 0.5123, 'containment_a': 1.0, 'containment_b': 0.5, 'shared': 3}]
    """
    table = pd.DataFrame(rows, columns=["doc_a", "doc_b", "jaccard", "containment_a", "containment_b", "shared"])
    for column in ("jaccard", "containment_a", "containment_b"):
        table[column] = table[column].round(4)
    return table.sort_values(["doc_a", "doc_b"]).reset_index(drop=True)


def _band_candidates(signatures: np.ndarray, threshold: float) -> set[tuple[int, int]]:
    """Pairs sharing a band: the LSH banding of Leskovec et al. (ch. 3), with the band count
    and width that datasketch's MinHashLSH chooses for this threshold."""
    bands, rows = band_parameters(threshold, signatures.shape[1])
    candidates: set[tuple[int, int]] = set()
    for band in range(bands):
        keys = _band_bytes(signatures, band, rows)
        _, inverse, counts = np.unique(keys, return_inverse=True, return_counts=True)
        inverse = inverse.ravel()
        shared = np.flatnonzero(counts[inverse] > 1)
        if len(shared) == 0:
            continue
        order = shared[np.argsort(inverse[shared], kind="stable")]
        for bucket in np.split(order, np.flatnonzero(np.diff(inverse[order])) + 1):
            members = sorted(int(x) for x in bucket)
            for x in range(len(members)):
                for y in range(x + 1, len(members)):
                    candidates.add((members[x], members[y]))
    return candidates


@renamed_parameters(seed="random_state")
def near_duplicates(corpus: pd.DataFrame, *, threshold: float = 0.4, text: str = "text", shingle_size: int = 5, num_perm: int = 128,
                    measure: str = "jaccard", random_state: int = 1, progress: bool | None = None) -> pd.DataFrame:
    """Pairs of articles that share much of their text, found with MinHash LSH.

    Parameters
    ----------
    threshold : float
        The similarity a pair must reach, verified exactly on the shingle sets (default
        0.4: light edits of agency copy stay well above it; two articles that merely
        share stock phrases stay below).
    measure : {"jaccard", "containment", "either"}
        ``jaccard`` (default): |A ∩ B| / |A ∪ B|.  ``containment``: the larger of
        |A ∩ B| / |A| and |A ∩ B| / |B| (a short extract of a long article has a low
        Jaccard but a high containment; use a higher threshold, e.g. 0.7, since stock
        phrases also raise containment).  ``either``: a pair passes if either does.  For these, LSH candidates are generated at a Jaccard of ``0.3 * threshold`` so that
        pairs that pass only on containment are still proposed.
    shingle_size, num_perm, random_state
        Word n-gram size, MinHash permutations, and the seed of the MinHash permutations
        (``seed`` is the deprecated name of ``random_state``).

    Returns
    -------
    DataFrame
        ``doc_a``, ``doc_b`` (``doc_a`` < ``doc_b``), ``jaccard``, ``containment_a``
        (share of A's shingles in B), ``containment_b`` and ``shared`` shingles.

    Example
    -------
    A light edit of the same copy is found; an unrelated article is not:

    >>> copy = ("Police said a man was arrested on Tuesday after a group of volunteers confronted "
    ...         "him at a railway station in the town centre and streamed the encounter online")
    >>> corpus = pd.DataFrame({"doc_id": ["a", "b", "c"], "text": [
    ...     copy, copy + " yesterday evening.",
    ...     "A charity urged parents to talk to their children about staying safe online this summer"]})
    >>> near_duplicates(corpus)
      doc_a doc_b  jaccard  containment_a  containment_b  shared
    0     a     b   0.9231            1.0         0.9231      24
    """
    from presslens._progress import progress_bar

    proposal = lsh_threshold(threshold, measure)
    ids = corpus["doc_id"].astype(str).tolist()
    bar = progress_bar(total=2, desc="shingles and signatures", unit="step", enabled=progress if progress is not None else None, min_items=2 if len(ids) >= 5000 else 10**9)
    sets = shingle_hashes(corpus[text].tolist(), shingle_size)
    bar.update(1)
    signatures = minhash_signatures(sets, num_perm, random_state)
    bar.update(1)
    bar.close()
    candidates = _band_candidates(signatures, proposal)
    return pairs_table(verify_pairs(sorted(candidates), ids, ids, sets, sets, threshold, measure))


def all_pairs_similar(corpus: pd.DataFrame, *, threshold: float = 0.3, text: str = "text", shingle_size: int = 5, block: int = 2000) -> pd.DataFrame:
    """The exhaustive baseline: every pair's cosine similarity of binary shingle vectors
    (blockwise sparse products), pairs at or above ``threshold``.  Quadratic: for
    benchmarks and small corpora."""
    from sklearn.feature_extraction.text import HashingVectorizer

    vectorizer = HashingVectorizer(analyzer=lambda t: list(shingles(t, shingle_size)), n_features=2**22, binary=True, norm="l2", alternate_sign=False)
    matrix = vectorizer.transform(corpus[text]).tocsr()
    ids = corpus["doc_id"].astype(str).to_numpy()
    rows = []
    for start in range(0, matrix.shape[0], block):
        product = (matrix[start : start + block] @ matrix.T).tocoo()
        keep = (product.data >= threshold) & (product.row + start < product.col)
        for i, j, value in zip(product.row[keep] + start, product.col[keep], product.data[keep], strict=True):
            a, b = (ids[i], ids[j]) if ids[i] < ids[j] else (ids[j], ids[i])
            rows.append((a, b, float(value)))
    return pd.DataFrame(rows, columns=["doc_a", "doc_b", "cosine"]).sort_values(["doc_a", "doc_b"]).reset_index(drop=True)


def passages(earlier: str, later: str, *, shingle_size: int = 5, min_containment: float = 0.5) -> pd.DataFrame:
    """Which paragraphs of ``later`` come from ``earlier``.

    Returns one row per paragraph of the later text: ``paragraph`` (number), ``words``,
    ``containment`` (share of its shingles found in the earlier text), ``reused``
    (containment at least ``min_containment``), ``source_paragraph`` (the best-matching
    paragraph of the earlier text) and ``text``.
    """
    source_paragraphs = [p for p in re.split(r"\n\s*\n", earlier) if p.strip()]
    source_sets = [shingles(p, shingle_size) for p in source_paragraphs]
    all_source = set().union(*source_sets) if source_sets else set()
    rows = []
    for number, paragraph in enumerate([p for p in re.split(r"\n\s*\n", later) if p.strip()], start=1):
        grams = shingles(paragraph, shingle_size)
        containment = len(grams & all_source) / len(grams) if grams else 0.0
        best = max(range(len(source_sets)), key=lambda k: len(grams & source_sets[k]), default=None) if grams else None
        rows.append({"paragraph": number, "words": len(paragraph.split()), "containment": round(containment, 3),
                     "reused": containment >= min_containment, "source_paragraph": (best + 1) if best is not None and containment > 0 else None,
                     "text": paragraph})
    return pd.DataFrame(rows)


def reused_share(earlier: str, later: str, **options) -> float:
    """Share of the later text's words in paragraphs reused from the earlier one."""
    table = passages(earlier, later, **options)
    return float(table.loc[table["reused"], "words"].sum() / max(1, table["words"].sum()))


class _UnionFind:
    def __init__(self, items: Iterable):
        self.parent = {x: x for x in items}

    def find(self, x):
        while self.parent[x] != x:
            self.parent[x] = self.parent[self.parent[x]]
            x = self.parent[x]
        return x

    def union(self, a, b):
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[max(ra, rb)] = min(ra, rb)


def reuse_pairs(corpus: pd.DataFrame, pairs: pd.DataFrame | None = None, *, ignore_same_outlet: bool = False, text: str = "text", **options) -> pd.DataFrame:
    """Near-duplicate pairs ordered in time: ``source`` (earlier) -> ``target`` (later).

    On the same date, a news agency's article (``outlet_type`` "wire") is the source;
    otherwise the article that contains more of the other (an original is longer than its
    cut-down copies).  Adds ``same_outlet``,
    ``same_day`` and ``same_day_duplicate`` (same day and Jaccard >= 0.9, as
    LexisNexisTools flags duplicates).  ``ignore_same_outlet=True`` drops pairs within
    one outlet (passim's "series").  With no pairs the table is empty but typed.

    Examples
    --------
    >>> corpus = pd.DataFrame({"doc_id": ["a", "b"], "outlet": ["Ledger", "Courier"],
    ...                        "published": pd.to_datetime(["2020-01-01", "2020-01-02"]), "text": ["one story", "another story"]})
    >>> pairs = pd.DataFrame({"doc_a": ["a"], "doc_b": ["b"], "jaccard": [0.5], "containment_a": [0.6], "containment_b": [0.6]})
    >>> reuse_pairs(corpus, pairs)[["source", "target", "same_day"]].to_dict("records")
    [{'source': 'a', 'target': 'b', 'same_day': False}]
    >>> reuse_pairs(corpus, pairs.iloc[:0])["same_day"].tolist()
    []
    """
    if pairs is None:
        pairs = near_duplicates(corpus, text=text, **options)
    columns = ["outlet", "published"] + (["outlet_type"] if "outlet_type" in corpus else [])
    meta = corpus.set_index(corpus["doc_id"].astype(str))[columns]
    rows = []
    for row in pairs.itertuples():
        a, b = meta.loc[row.doc_a], meta.loc[row.doc_b]
        day_a, day_b = a["published"].normalize(), b["published"].normalize()
        agency_a = "outlet_type" in meta and a["outlet_type"] == "wire"
        agency_b = "outlet_type" in meta and b["outlet_type"] == "wire"
        if day_a != day_b:
            a_first = day_a < day_b
        elif agency_a != agency_b:
            a_first = agency_a  # agencies originate copy
        else:
            a_first = row.containment_b >= row.containment_a
        if a_first:
            source, target, contained = row.doc_a, row.doc_b, row.containment_b
        else:
            source, target, contained = row.doc_b, row.doc_a, row.containment_a
        rows.append({"source": source, "target": target, "source_outlet": meta.loc[source, "outlet"], "target_outlet": meta.loc[target, "outlet"],
                     "source_published": meta.loc[source, "published"], "target_published": meta.loc[target, "published"],
                     "jaccard": row.jaccard, "target_contained": contained})
    out = pd.DataFrame(rows, columns=["source", "target", "source_outlet", "target_outlet", "source_published", "target_published", "jaccard", "target_contained"])
    for column in ("source_published", "target_published"):  # typed even with no pairs, so .dt works on an empty table
        out[column] = out[column].astype(meta["published"].dtype)
    out["same_outlet"] = out["source_outlet"] == out["target_outlet"]
    out["same_day"] = out["source_published"].dt.normalize() == out["target_published"].dt.normalize()
    out["same_day_duplicate"] = out["same_day"] & (out["jaccard"] >= 0.9)
    if ignore_same_outlet:
        out = out[~out["same_outlet"]]
    return out.reset_index(drop=True)


def syndication(corpus: pd.DataFrame, ordered: pd.DataFrame) -> pd.DataFrame:
    """Clusters of connected articles and the likely original of each.

    Returns one row per article in a cluster: ``doc_id``, ``cluster`` (the original's
    doc_id), ``original`` (bool), ``outlet``, ``published``, ``size``.  The original is the
    earliest article; among same-day articles, a news agency's (``outlet_type`` "wire",
    when the corpus has that column: agencies originate copy), then the one that
    contains most of the others, then the first ``doc_id``.
    """
    members = sorted(set(ordered["source"]) | set(ordered["target"]))
    groups = _UnionFind(members)
    for row in ordered.itertuples():
        groups.union(row.source, row.target)
    columns = ["outlet", "published"] + (["outlet_type"] if "outlet_type" in corpus else [])
    meta = corpus.set_index(corpus["doc_id"].astype(str))[columns]
    contained_in = {}  # how much of the others each article contains (sum of targets' containment)
    for row in ordered.itertuples():
        contained_in[row.source] = contained_in.get(row.source, 0.0) + row.target_contained
    table = pd.DataFrame({"doc_id": members, "root": [groups.find(m) for m in members]})
    table = table.join(meta, on="doc_id")
    table["score"] = table["doc_id"].map(contained_in).fillna(0.0)
    table["not_agency"] = table["outlet_type"].ne("wire") if "outlet_type" in table else True
    table["day"] = table["published"].dt.normalize()
    table = table.sort_values(["root", "day", "not_agency", "score", "doc_id"], ascending=[True, True, True, False, True])
    originals = table.groupby("root")["doc_id"].first()
    table["cluster"] = table["root"].map(originals)
    table["original"] = table["doc_id"] == table["cluster"]
    table["size"] = table.groupby("root")["doc_id"].transform("size")
    return table[["doc_id", "cluster", "original", "outlet", "published", "size"]].reset_index(drop=True)


def deduplicate(corpus: pd.DataFrame, *, policy: str = "near", threshold: float = 0.9, flag_only: bool = False, text: str = "text") -> tuple[pd.DataFrame, pd.DataFrame]:
    """Remove (or flag) duplicates; return ``(corpus, removed)``.

    ``policy="exact"``: identical normalised text.  ``policy="near"``: Jaccard at least
    ``threshold`` (default 0.9: the same story re-ingested with trivial changes, not
    rewritten agency copy).  ``policy="syndication"``: keep only the likely original of
    each syndication cluster found at ``threshold`` (use e.g. 0.3 to count each story
    once).  The first / original article is kept.  With ``flag_only`` nothing is removed
    and a boolean ``duplicate`` column is added instead.  ``removed`` lists ``doc_id``,
    ``kept_instead`` and ``reason``.
    """
    if policy == "exact":
        groups = exact_duplicates(corpus, text=text)
        removed = groups[groups["doc_id"] != groups["group"]].rename(columns={"group": "kept_instead"})[["doc_id", "kept_instead"]]
        reason = "exact duplicate"
    elif policy in ("near", "syndication"):
        ordered = reuse_pairs(corpus, near_duplicates(corpus, threshold=threshold, text=text, measure="jaccard"))
        clusters = syndication(corpus, ordered)
        removed = clusters[~clusters["original"]].rename(columns={"cluster": "kept_instead"})[["doc_id", "kept_instead"]]
        reason = f"{'near duplicate' if policy == 'near' else 'syndicated copy'} (Jaccard >= {threshold})"
    else:
        raise ValueError("policy must be 'exact', 'near' or 'syndication'")
    removed = removed.assign(reason=reason).reset_index(drop=True)
    if flag_only:
        out = corpus.copy()
        out["duplicate"] = out["doc_id"].astype(str).isin(set(removed["doc_id"]))
        return out, removed
    return corpus[~corpus["doc_id"].astype(str).isin(set(removed["doc_id"]))].reset_index(drop=True), removed


@renamed_parameters(by="group")
def churn(corpus: pd.DataFrame, ordered: pd.DataFrame, *, group: str = "outlet", source_outlet: str | None = None, n_boot: int = 1000,
          random_state: int = 0) -> pd.DataFrame:
    """By group, the share of articles that reuse text from another outlet (or from
    ``source_outlet``, e.g. the wire) and the mean share of their text that is reused.

    Returns ``group``, ``articles``, ``reusing`` (count), ``share`` with ``lower`` /
    ``upper`` (bootstrap over articles) and ``text_reused`` (mean containment of the
    reusing articles in their source).
    """
    from presslens.compare import prevalence

    pairs = ordered[ordered["source_outlet"] != ordered["target_outlet"]]
    if source_outlet is not None:
        pairs = pairs[pairs["source_outlet"] == source_outlet]
    best = pairs.groupby("target")["target_contained"].max()
    table = corpus[["doc_id", group]].copy()
    table["reuses"] = table["doc_id"].astype(str).isin(best.index).map({True: "reuses", False: "original"})
    result = prevalence(table, group, category="reuses", n_boot=n_boot, random_state=random_state)
    result = result[result["category"] == "reuses"].drop(columns="category").rename(columns={"count": "reusing"})
    contained = table.assign(contained=table["doc_id"].astype(str).map(best)).groupby(group)["contained"].mean()
    result["text_reused"] = result["group"].map(contained).round(3)
    return result[["group", "articles", "reusing", "share", "lower", "upper", "text_reused"]].reset_index(drop=True)
