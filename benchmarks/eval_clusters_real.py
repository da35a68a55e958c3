"""Evaluate presslens's default choices of k and of the number of topics on labelled real news.

Reads every ``*.csv`` in the folder named by ``PRESSLENS_EVAL_DATA`` (columns ``doc_id``,
``text``, ``label``; ``headline``, ``outlet``, ``published`` optional; the headline is
prefixed to the text).  The corpora are not shipped: keep them outside the repository.
For each corpus it reports, over ``--seeds`` seeds:

* name, articles, truth k (distinct labels);
* ``cluster_corpus(k=None)``: the chosen k per seed, how many seeds chose a k within ±1
  of the truth, NMI at the chosen k (mean over seeds), whether the choice was at an edge;
* ``cluster_corpus`` at the true k: NMI (mean over seeds);
* a hand-written scikit-learn baseline at the true k: ``TfidfVectorizer(sublinear_tf=True,
  min_df=2, max_df=0.5, stop_words="english") -> TruncatedSVD(100) -> Normalizer ->
  KMeans`` (mean NMI over the same seeds);
* the number of topics chosen by :func:`presslens.topics.recommend_topics` over 2..12
  and the NMI of each article's dominant topic at that number;
* the run time in minutes (all seeds, the topics included).

    PRESSLENS_EVAL_DATA=~/devdata/eval python benchmarks/eval_clusters_real.py --seeds 5
"""

from __future__ import annotations

import argparse
import os
import sys
import time
import warnings
from pathlib import Path


def baseline_nmi(texts, truth, k: int, seed: int) -> float:
    from sklearn.cluster import KMeans
    from sklearn.decomposition import TruncatedSVD
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.metrics import normalized_mutual_info_score
    from sklearn.pipeline import make_pipeline
    from sklearn.preprocessing import Normalizer

    matrix = TfidfVectorizer(sublinear_tf=True, min_df=2, max_df=0.5, stop_words="english").fit_transform(texts)
    vectors = make_pipeline(TruncatedSVD(100, random_state=seed), Normalizer(copy=False)).fit_transform(matrix)
    return float(normalized_mutual_info_score(truth, KMeans(k, n_init=10, random_state=seed).fit_predict(vectors)))


def read(path: Path):
    import pandas as pd

    corpus = pd.read_csv(path, dtype={"doc_id": str})
    missing = {"doc_id", "text", "label"} - set(corpus.columns)
    if missing:
        raise SystemExit(f"{path}: missing columns {sorted(missing)}; need doc_id, text, label")
    if "headline" in corpus:
        corpus["text"] = corpus["headline"].fillna("").astype(str) + ".\n\n" + corpus["text"].astype(str)
    else:
        corpus["headline"] = corpus["text"].str.slice(0, 60)
    corpus["outlet"] = corpus["outlet"] if "outlet" in corpus else path.stem
    corpus["published"] = pd.to_datetime(corpus["published"] if "published" in corpus else "2000-01-01", utc=True)
    return corpus.reset_index(drop=True)


def evaluate(path: Path, seeds: range, k_values, topic_numbers) -> dict:
    from sklearn.metrics import normalized_mutual_info_score as nmi

    from presslens.cluster import EdgeOfRangeWarning, cluster_corpus
    from presslens.text import clean
    from presslens.topics import compare_topic_numbers, fit_topics, recommend_topics

    corpus = read(path)
    truth = corpus["label"].astype(str).to_numpy()
    true_k = len(set(truth))
    prepared = clean(corpus, progress=False).corpus
    chosen, nmi_chosen, nmi_true, base, edges = [], [], [], [], 0
    start = time.perf_counter()
    for seed in seeds:
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always", EdgeOfRangeWarning)
            result = cluster_corpus(prepared, None, k_values=k_values, clean_first=False, random_state=seed, progress=False)
        edges += any(issubclass(w.category, EdgeOfRangeWarning) for w in caught)
        chosen.append(result.k)
        nmi_chosen.append(nmi(truth, result.labels))
        at_truth = cluster_corpus(prepared, true_k, clean_first=False, random_state=seed, progress=False)
        nmi_true.append(nmi(truth, at_truth.labels))
        base.append(baseline_nmi(corpus["text"], truth, true_k, seed))
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", EdgeOfRangeWarning)
        table = compare_topic_numbers(prepared, topic_numbers, drop_names=True)
        n_topics, _ = recommend_topics(table)
    topics = fit_topics(prepared, n_topics, drop_names=True)
    return {
        "corpus": path.stem, "articles": len(corpus), "truth_k": true_k,
        "chosen_k": " ".join(map(str, chosen)), "k_within_1": sum(abs(k - true_k) <= 1 for k in chosen), "seeds": len(chosen), "edge": edges,
        "nmi_chosen": sum(nmi_chosen) / len(nmi_chosen), "nmi_true_k": sum(nmi_true) / len(nmi_true), "baseline_nmi": sum(base) / len(base),
        "nmi_chosen_seeds": " ".join(f"{v:.2f}" for v in nmi_chosen),
        "n_topics": n_topics, "topic_nmi": nmi(truth, topics.dominant()), "minutes": (time.perf_counter() - start) / 60,
    }


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--seeds", type=int, default=5)
    parser.add_argument("--only", nargs="*", help="corpus file stems to run")
    args = parser.parse_args(argv)
    folder = os.environ.get("PRESSLENS_EVAL_DATA")
    if not folder or not Path(folder).expanduser().is_dir():
        print("PRESSLENS_EVAL_DATA is not set to a folder of labelled corpora (CSV: doc_id, text, label); nothing to evaluate.")
        return 0
    paths = sorted(Path(folder).expanduser().glob("*.csv"))
    if args.only:
        paths = [p for p in paths if p.stem in args.only]
    if not paths:
        print(f"no *.csv corpora in {folder}")
        return 0
    print("| corpus | articles | truth k | chosen k per seed | within ±1 | at edge | NMI (chosen k) per seed | NMI (chosen k) | NMI (true k) | "
          "baseline NMI (true k) | topics chosen | topic NMI | minutes |")
    print("|---|---|---|---|---|---|---|---|---|---|---|---|---|")
    for path in paths:
        r = evaluate(path, range(args.seeds), range(3, 13), (2, 3, 4, 5, 6, 7, 8, 10, 12))
        print(f"| {r['corpus']} | {r['articles']:,} | {r['truth_k']} | {r['chosen_k']} | {r['k_within_1']} of {r['seeds']} | {r['edge']} | "
              f"{r['nmi_chosen_seeds']} | {r['nmi_chosen']:.3f} | {r['nmi_true_k']:.3f} | {r['baseline_nmi']:.3f} | {r['n_topics']} | {r['topic_nmi']:.3f} | "
              f"{r['minutes']:.1f} |", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
