"""Benchmark: prepare -> features -> k-means -> labels, against a bare scikit-learn pipeline.

For each corpus size (simulated articles, generated once into a temporary folder) two
pipelines run in fresh child processes, so each peak memory is its own:

* presslens: ``presslens.cluster.cluster_corpus(corpus, k=10)``: cleaning, the news
  analyzer (stop words, outlet names, person names), TF-IDF, LSA (50), k-means, cluster
  labels (c-TF-IDF, exemplars, dominant groups);
* bare: ``TfidfVectorizer() -> TruncatedSVD(50) -> Normalizer -> KMeans(10)`` on the raw
  text, the plain scikit-learn recipe.

Both load the corpus in the child (loading is timed separately and not counted).
Prints seconds, peak memory and the ratio presslens / bare (median of ``--repeat`` runs).
Targets (issue 3): 100k articles in under 3 minutes and 4 GB; ratio at most 1.5.

    python benchmarks/bench_cluster.py                      # 10k and 100k
    python benchmarks/bench_cluster.py --sizes 10000 --repeat 3
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path
from statistics import median

CHILD = r"""
import json, resource, sys, time
from presslens.corpus import load
corpus, _ = load(sys.argv[2])
start = time.perf_counter()
if sys.argv[1] == "presslens":
    from presslens.cluster import cluster_corpus
    result = cluster_corpus(corpus, k=10, progress=False)
    labels = result.labels
else:
    from sklearn.cluster import KMeans
    from sklearn.decomposition import TruncatedSVD
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.pipeline import make_pipeline
    from sklearn.preprocessing import Normalizer
    matrix = TfidfVectorizer().fit_transform(corpus["text"])
    vectors = make_pipeline(TruncatedSVD(50, random_state=0), Normalizer(copy=False)).fit_transform(matrix)
    labels = KMeans(10, n_init=10, random_state=0).fit_predict(vectors)
seconds = time.perf_counter() - start
print(json.dumps({"seconds": seconds, "peak_mib": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, "clusters": int(len(set(labels)))}))
"""


def run(pipeline: str, folder: Path) -> dict:
    out = subprocess.run([sys.executable, "-c", CHILD, pipeline, str(folder)], check=True, capture_output=True, text=True)
    return json.loads(out.stdout.strip().splitlines()[-1])


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000])
    parser.add_argument("--repeat", type=int, default=1)
    args = parser.parse_args(argv)
    from presslens.simulate import simulate

    print(f"{'articles':>9} {'pipeline':>10} {'seconds':>8} {'peak MiB':>9} {'ratio to bare':>14}")
    with tempfile.TemporaryDirectory() as tmp:
        for n in args.sizes:
            folder = Path(tmp) / f"sim-{n}"
            simulate(n=n, random_state=21, out=folder, progress=False)
            results = {p: [run(p, folder) for _ in range(args.repeat)] for p in ("bare", "presslens")}
            seconds = {p: median(r["seconds"] for r in runs) for p, runs in results.items()}
            for p in ("bare", "presslens"):
                peak = median(r["peak_mib"] for r in results[p])
                print(f"{n:>9,} {p:>10} {seconds[p]:>8.1f} {peak:>9.0f} {seconds[p] / seconds['bare']:>14.2f}", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
