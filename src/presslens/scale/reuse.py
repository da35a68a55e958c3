"""Near duplicates at scale: MinHash per partition, LSH banding as a shuffle, verification per block.

The pairs are those of :func:`presslens.reuse.near_duplicates` with the same
``threshold``, ``shingle_size``, ``num_perm``, ``measure`` and ``random_state``: the shingle
hashes, the MinHash signatures and the band count and width come from the same functions
(:func:`presslens.reuse.shingle_hashes`, ``minhash_signatures``, ``band_parameters``), and each
candidate pair is verified with the same exact Jaccard and containment code
(``verify_pairs``).  Only the way candidates meet changes:

1. **Signatures** (one task per partition): shingle hashes and MinHash signatures; the
   shingle sets are written to ``workdir/shingles/`` for verification; each article
   emits one row per band, ``(key, doc)``, where ``key`` is a 64-bit hash of the band's
   values and the band number, and ``doc`` is ``partition * 2**32 + row``.  Articles
   without a shingle are left out (they can never pass verification).
2. **Banding as a shuffle**: rows are shuffled on ``key`` (Dask DataFrame shuffle), so
   all articles sharing a band value meet in one partition, which emits every pair of
   them as a candidate (Leskovec, Rajaraman & Ullman, ch. 3).  Two different band values
   given the same 64-bit key only add candidates, which verification removes.
3. **Verification per block**: candidates are shuffled on the pair of partitions they
   join, duplicates (pairs that share several bands) dropped, and each block of
   partitions verified against the stored shingle sets (memory-mapped, so a task reads
   only the sets it needs).

References: Broder, A. Z. (1997). On the resemblance and containment of documents.
*Compression and Complexity of Sequences*, 21-29. Leskovec, J., Rajaraman, A., & Ullman,
J. D. (2020). *Mining of Massive Datasets* (3rd ed.), ch. 3. Cambridge University Press.
"""

from __future__ import annotations

import os
from pathlib import Path

import numpy as np
import pandas as pd

from presslens._compat import renamed_parameters
from presslens.scale.io import native_strings, partitions

_GOLDEN = np.uint64(0x9E3779B97F4A7C15)
_BAND_META = pd.DataFrame({"key": pd.Series(dtype=np.uint64), "doc": pd.Series(dtype=np.int64)})
_PAIR_META = pd.DataFrame({"a": pd.Series(dtype=np.int64), "b": pd.Series(dtype=np.int64), "block": pd.Series(dtype=np.int64)})
_RESULT_META = pd.DataFrame({"doc_a": pd.Series(dtype=object), "doc_b": pd.Series(dtype=object), "jaccard": pd.Series(dtype=float),
                             "containment_a": pd.Series(dtype=float), "containment_b": pd.Series(dtype=float), "shared": pd.Series(dtype=np.int64)})


def _mix(values: np.ndarray) -> np.ndarray:
    """The splitmix64 finaliser: spreads 64-bit values evenly over 64 bits."""
    with np.errstate(over="ignore"):
        values = values ^ (values >> np.uint64(30))
        values = values * np.uint64(0xBF58476D1CE4E5B9)
        values = values ^ (values >> np.uint64(27))
        values = values * np.uint64(0x94D049BB133111EB)
        return values ^ (values >> np.uint64(31))


def band_keys(signatures: np.ndarray, bands: int, rows: int) -> np.ndarray:
    """(n, bands) 64-bit keys: equal band values in the same band give equal keys.

    Example
    -------
    >>> signatures = np.array([[1, 2, 3, 4], [1, 2, 9, 9], [5, 6, 3, 4]], dtype=np.uint32)
    >>> keys = band_keys(signatures, bands=2, rows=2)
    >>> keys.shape, keys.dtype
    ((3, 2), dtype('uint64'))
    >>> bool(keys[0, 0] == keys[1, 0]), bool(keys[0, 1] == keys[2, 1]), bool(keys[0, 0] == keys[2, 0])
    (True, True, False)
    """
    keys = np.empty((len(signatures), bands), dtype=np.uint64)
    with np.errstate(over="ignore"):
        for band in range(bands):
            value = np.full(len(signatures), np.uint64(band + 1) * _GOLDEN, dtype=np.uint64)
            for column in range(band * rows, (band + 1) * rows):
                value = _mix(value ^ signatures[:, column].astype(np.uint64))
            keys[:, band] = value
    return keys


def _store(folder: Path, partition: int):
    base = folder / f"part-{partition:05d}"
    return base.with_suffix(".values.npy"), base.with_suffix(".offsets.npy"), base.with_suffix(".ids.npy")


def _save(array: np.ndarray, path: Path) -> None:
    temporary = path.with_name(f".{path.name}.{os.getpid()}.tmp.npy")
    np.save(temporary, array, allow_pickle=array.dtype == object)
    os.replace(temporary, path)


def _signature_partition(frame: pd.DataFrame, partition: int, folder: str, text: str, shingle_size: int, num_perm: int, seed: int,
                         bands: int, rows: int) -> pd.DataFrame:
    from presslens.reuse import minhash_signatures, shingle_hashes

    sets = shingle_hashes(frame[text].tolist(), shingle_size)
    signatures = minhash_signatures(sets, num_perm, seed)
    lengths = np.array([len(s) for s in sets], dtype=np.int64)
    values_path, offsets_path, ids_path = _store(Path(folder), partition)
    _save(np.concatenate(sets).astype(np.uint32) if len(sets) and lengths.sum() else np.zeros(0, dtype=np.uint32), values_path)
    _save(np.concatenate([[0], np.cumsum(lengths)]).astype(np.int64), offsets_path)
    _save(frame["doc_id"].astype(str).to_numpy(dtype=object), ids_path)
    nonempty = np.flatnonzero(lengths > 0)
    keys = band_keys(signatures[nonempty], bands, rows)
    docs = (np.int64(partition) << np.int64(32)) + nonempty.astype(np.int64)
    return pd.DataFrame({"key": keys.ravel(), "doc": np.repeat(docs, bands)})


def _pairs_from_buckets(frame: pd.DataFrame, n_partitions: int) -> pd.DataFrame:
    """Every pair of documents that share a key, as (a, b) with a < b, and their block."""
    if len(frame) == 0:
        return _PAIR_META.copy()
    frame = frame.drop_duplicates().sort_values(["key", "doc"], kind="stable")
    keys, docs = frame["key"].to_numpy(), frame["doc"].to_numpy()
    starts = np.flatnonzero(np.concatenate([[True], keys[1:] != keys[:-1]]))
    lengths = np.diff(np.concatenate([starts, [len(keys)]]))
    firsts, seconds = [], []
    for size in np.unique(lengths[lengths > 1]):
        run_starts = starts[lengths == size]
        upper_i, upper_j = np.triu_indices(int(size), 1)
        firsts.append(docs[(run_starts[:, None] + upper_i[None, :]).ravel()])
        seconds.append(docs[(run_starts[:, None] + upper_j[None, :]).ravel()])
    if not firsts:
        return _PAIR_META.copy()
    a, b = np.concatenate(firsts), np.concatenate(seconds)  # docs are sorted within a run, so a < b
    pairs = pd.DataFrame({"a": a, "b": b}).drop_duplicates()
    pairs["block"] = (pairs["a"].to_numpy() >> 32) * n_partitions + (pairs["b"].to_numpy() >> 32)
    return pairs.reset_index(drop=True)


class _Sets:
    """Shingle sets of one partition, read from the memory-mapped store on demand."""

    def __init__(self, folder: Path, partition: int):
        values_path, offsets_path, ids_path = _store(folder, partition)
        self.values = np.load(values_path, mmap_mode="r")
        self.offsets = np.load(offsets_path)
        self.ids = np.load(ids_path, allow_pickle=True)

    def __getitem__(self, i: int) -> np.ndarray:
        return np.asarray(self.values[self.offsets[i] : self.offsets[i + 1]])


def _verify_blocks(frame: pd.DataFrame, folder: str, threshold: float, measure: str) -> pd.DataFrame:
    from presslens.reuse import verify_pairs

    if len(frame) == 0:
        return _RESULT_META.copy()
    frame = frame.drop_duplicates(["a", "b"]).sort_values(["a", "b"], kind="stable")
    stores: dict[int, _Sets] = {}
    rows = []
    frame = frame.assign(part_a=frame["a"].to_numpy() >> 32, part_b=frame["b"].to_numpy() >> 32)
    for (part_a, part_b), block in frame.groupby(["part_a", "part_b"], sort=True):
        for p in (part_a, part_b):
            if p not in stores:
                stores[p] = _Sets(Path(folder), int(p))
        a, b = stores[part_a], stores[part_b]
        positions = zip((block["a"].to_numpy() & 0xFFFFFFFF).tolist(), (block["b"].to_numpy() & 0xFFFFFFFF).tolist(), strict=True)
        rows.extend(verify_pairs(positions, a.ids, b.ids, a, b, threshold, measure))
    out = pd.DataFrame(rows, columns=list(_RESULT_META.columns))
    return out.astype({"doc_a": object, "doc_b": object, "shared": np.int64})


@renamed_parameters(seed="random_state")
def near_duplicates(articles, *, workdir, threshold: float = 0.4, text: str = "text", shingle_size: int = 5, num_perm: int = 128,
                    measure: str = "jaccard", random_state: int = 1, shuffle_method: str | None = None) -> pd.DataFrame:
    """Pairs of articles that share much of their text: :func:`presslens.reuse.near_duplicates` at scale.

    Parameters
    ----------
    articles : dask.dataframe.DataFrame
        The (cleaned) corpus.
    workdir : path
        Folder for the shingle sets (``workdir/shingles/``), reachable by every worker.
    threshold, text, shingle_size, num_perm, measure, random_state
        As for :func:`presslens.reuse.near_duplicates`; the same values give the same pairs.
    shuffle_method : str, optional
        Dask's shuffle method (``"p2p"`` or ``"tasks"``; default: Dask's choice).

    Returns
    -------
    DataFrame
        ``doc_a``, ``doc_b`` (``doc_a`` < ``doc_b``), ``jaccard``, ``containment_a``,
        ``containment_b`` and ``shared``, sorted by ``doc_a`` and ``doc_b``.

    Example
    -------
    >>> import dask.dataframe as dd
    >>> from presslens.corpus import load_teaching
    >>> from presslens.text import clean
    >>> cleaned = clean(load_teaching().head(200), progress=False).corpus
    >>> articles = dd.from_pandas(cleaned, npartitions=2)
    >>> import tempfile
    >>> pairs = near_duplicates(articles, workdir=tempfile.mkdtemp())
    >>> pairs[["doc_a", "doc_b", "jaccard"]].head(1).to_dict("records")
    [{'doc_a': 'tc-000012', 'doc_b': 'tc-000013', 'jaccard': 0.8571}]
    >>> from presslens import reuse
    >>> pairs.equals(reuse.near_duplicates(cleaned))  # the pandas path's pairs
    True
    """
    import dask
    import dask.dataframe as dd

    from presslens.reuse import band_parameters, lsh_threshold, pairs_table

    bands, rows = band_parameters(lsh_threshold(threshold, measure), num_perm)
    folder = Path(workdir) / "shingles"
    folder.mkdir(parents=True, exist_ok=True)
    parts = partitions(articles)
    n_partitions = len(parts)
    if n_partitions >= 2**31:
        raise ValueError("too many partitions")
    with native_strings():
        band_rows = dd.from_delayed([dask.delayed(_signature_partition)(part, p, str(folder), text, shingle_size, num_perm, random_state, bands, rows)
                                     for p, part in enumerate(parts)], meta=_BAND_META, verify_meta=False)
    buckets = band_rows.shuffle(on="key", npartitions=n_partitions, shuffle_method=shuffle_method)
    candidates = buckets.map_partitions(_pairs_from_buckets, n_partitions, meta=_PAIR_META)
    blocks = candidates.shuffle(on="block", npartitions=n_partitions, shuffle_method=shuffle_method)
    verified = blocks.map_partitions(_verify_blocks, str(folder), threshold, measure, meta=_RESULT_META)
    return pairs_table(list(verified.compute().itertuples(index=False, name=None)))


__all__ = ["band_keys", "near_duplicates"]
