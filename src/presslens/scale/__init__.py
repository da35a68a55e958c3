"""presslens.scale: the same analyses on Dask, for corpora that outgrow one machine.

A topic study can grow from a few thousand articles to millions.  The functions here run
presslens's analyses partition by partition on a Dask cluster (a local cluster of worker
processes by default, or an existing cluster by address), reusing the pandas path's code
on each partition and reducing counts, so that on a corpus that fits in memory both
engines give the same tables:

==========================  ====================================================  ==========================
step                        here                                                  pandas path
==========================  ====================================================  ==========================
start / connect             :func:`session`, :func:`local_cluster`
any format in parts         ``corpus.ensure_partitioned`` (CSV, Excel, exports)   ``open_corpus``
read, clean                 :func:`read_corpus`, :func:`prepare`                   ``corpus.load``, ``text.clean``
overview                    :func:`describe`                                       ``corpus.describe``
term counts, keyness        :func:`term_counts`, :func:`keyness`,                  ``compare.keyness``,
                            :func:`fightin_words`                                  ``compare.fightin_words``
volume, prevalence          :func:`volume`, :func:`prevalence`                     ``timeline.volume``, ``compare.prevalence``
features                    :func:`hashed_features` (hashed TF-IDF)                ``features.vectorize``
clustering                  :func:`cluster_corpus` (mini-batch k-means)             ``cluster.cluster_corpus``
near duplicates             :func:`near_duplicates` (LSH banding as a shuffle)      ``reuse.near_duplicates``
frames, quotes, claims      :func:`score_frames`, :func:`extract_quotes`,          ``frames``, ``quotes``,
                            :func:`extract_claims`                                 ``claims``
==========================  ====================================================  ==========================

Example
-------
>>> from presslens import scale
>>> with scale.session(n_workers=2, memory_limit="3GiB"):                        # doctest: +SKIP
...     cleaned = scale.prepare(scale.read_corpus("/data/big"), "/scratch/big/prepared")
...     keys = scale.keyness(cleaned, "tabloid", "broadsheet", group="outlet_type")
...     pairs = scale.near_duplicates(cleaned, workdir="/scratch/big")

References: Rocklin, M. (2015). Dask: Parallel computation with blocked algorithms and
task scheduling. *Proceedings of the 14th Python in Science Conference*, 126-132.
Sculley, D. (2010). Web-scale k-means clustering. *WWW*, 1177-1178. Broder, A. Z. (1997).
On the resemblance and containment of documents. *Compression and Complexity of
Sequences*, 21-29. Leskovec, J., Rajaraman, A., & Ullman, J. D. (2020). *Mining of
Massive Datasets* (3rd ed.), ch. 3.
"""

from presslens.scale.annotate import extract_claims, extract_quotes, score_frames
from presslens.scale.cluster import ScaleClustering, cluster_corpus
from presslens.scale.counts import (
    analyzer,
    describe,
    fightin_words,
    keyness,
    prevalence,
    term_counts,
    tree_reduce,
    volume,
)
from presslens.scale.features import HashedFeatures, HashedTfidf, hashed_features
from presslens.scale.io import (
    duplicate_ids,
    plan,
    prepare,
    read_corpus,
    read_quarantine,
    write_partitions,
)
from presslens.scale.reuse import near_duplicates
from presslens.scale.session import local_cluster, session

__all__ = [
    "HashedFeatures", "HashedTfidf", "ScaleClustering", "analyzer", "cluster_corpus", "describe", "duplicate_ids", "extract_claims",
    "extract_quotes", "fightin_words", "hashed_features", "keyness", "local_cluster", "near_duplicates", "plan", "prepare", "prevalence",
    "read_corpus", "read_quarantine", "score_frames", "session", "term_counts", "tree_reduce", "volume", "write_partitions",
]
