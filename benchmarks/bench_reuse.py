"""Benchmark: near-duplicate detection at 10k, 50k and 100k simulated articles.

For each size, in fresh child processes (each peak memory its own):

* presslens: ``near_duplicates`` (MinHash LSH over word 5-gram shingles, 128
  permutations, candidates verified by exact Jaccard >= 0.4);
* baseline: ``all_pairs_similar`` (every pair's cosine similarity of binary shingle
  vectors, blockwise sparse products, >= 0.4), run up to ``--baseline-max`` articles
  because it is quadratic.

Recall is measured against the planted wire copies and duplicates (labels the method
never reads). Prints seconds, peak memory, pairs, recall, the speed-up at each size where
the baseline ran, and the log-log slope of time against N (1 = linear).
Targets (issue 6): at 50k at least 20x faster than all pairs, recall >= 0.97; close to
linear scaling.
"""

from __future__ import annotations

import argparse
import json
import math
import subprocess
import sys
import tempfile
from pathlib import Path

CHILD = r"""
import json, resource, sys, time
import pandas as pd
from presslens.corpus import load, load_labels
from presslens import reuse
method, folder = sys.argv[1], sys.argv[2]
corpus, _ = load(folder)
start = time.perf_counter()
if method == "lsh":
    pairs = reuse.near_duplicates(corpus, threshold=0.4, progress=False)
else:
    pairs = reuse.all_pairs_similar(corpus, threshold=0.4)
seconds = time.perf_counter() - start
labels = load_labels("articles", folder)
planted = set()
for row in labels.itertuples():
    for other in (row.wire_source, row.duplicate_of):
        if isinstance(other, str) and other:
            planted.add(tuple(sorted((row.doc_id, other))))
found = set(zip(pairs["doc_a"], pairs["doc_b"]))
print(json.dumps({"seconds": seconds, "peak_mib": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, "pairs": len(found),
                  "recall": len(planted & found) / max(1, len(planted)), "planted": len(planted)}))
"""


def run(method: str, folder: Path) -> dict:
    out = subprocess.run([sys.executable, "-c", CHILD, method, str(folder)], check=True, capture_output=True, text=True)
    return json.loads(out.stdout.strip().splitlines()[-1])


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000, 50_000, 100_000])
    parser.add_argument("--baseline-max", type=int, default=50_000)
    args = parser.parse_args(argv)
    from presslens.simulate import simulate

    print(f"{'articles':>9} {'method':>10} {'seconds':>9} {'peak MiB':>9} {'pairs':>8} {'recall':>7} {'speed-up':>9}", flush=True)
    lsh_times = []
    with tempfile.TemporaryDirectory() as tmp:
        for n in args.sizes:
            folder = Path(tmp) / f"sim-{n}"
            simulate(n=n, random_state=51, out=folder, progress=False)
            fast = run("lsh", folder)
            lsh_times.append((n, fast["seconds"]))
            slow = run("all_pairs", folder) if n <= args.baseline_max else None
            print(f"{n:>9,} {'lsh':>10} {fast['seconds']:>9.1f} {fast['peak_mib']:>9.0f} {fast['pairs']:>8,} {fast['recall']:>7.3f} "
                  f"{(slow['seconds'] / fast['seconds']) if slow else float('nan'):>9.1f}", flush=True)
            if slow:
                print(f"{n:>9,} {'all pairs':>10} {slow['seconds']:>9.1f} {slow['peak_mib']:>9.0f} {slow['pairs']:>8,} {slow['recall']:>7.3f} {'':>9}", flush=True)
    if len(lsh_times) > 1:
        (n0, t0), (n1, t1) = lsh_times[0], lsh_times[-1]
        print(f"log-log slope of LSH time against N: {math.log(t1 / t0) / math.log(n1 / n0):.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
