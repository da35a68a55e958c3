"""Benchmark: the Dask engine (presslens.scale) at 100k, 300k and 1,000,000 simulated articles.

For each size, in a fresh child process that starts its own LocalCluster (2 worker
processes, 1 thread each, ``--memory-limit`` per worker, loopback only):

* dask: read the JSON Lines parts and clean them to Parquet (``read_corpus`` +
  ``prepare``); hashed TF-IDF features (``hashed_features``); clustering (``cluster_corpus``,
  k = 8: LSA from a 20,000-article sample, mini-batch k-means over partitions, Lloyd
  refinement, labels); keyness of tabloids against broadsheets (``term_counts`` by outlet
  type + ``keyness``); near-duplicate detection (``near_duplicates``: MinHash, LSH banding
  as a shuffle, verification per block);
* pandas (the baseline, up to ``--pandas-max`` articles): the same analyses in one
  process with the pandas path (``load``, ``clean``, ``document_vectors`` +
  ``cluster_articles``, ``compare.keyness``, ``reuse.near_duplicates``).

Time: wall-clock seconds per stage, and the CPU seconds of the workers and the client
process together (the machine is shared, so wall time also measures what else ran; CPU
time much less so).  Memory: each worker's peak resident set (``ru_maxrss`` read inside the worker), and the
total: the sum of the resident sets of the child and all its descendants (scheduler,
client, nannies, workers) sampled every 0.2 s, whose maximum is reported.  Prints seconds
per stage, peak memory per worker and in total, and the log-log slope of the total time
against N (1 = linear).  Target (issue 8): 1,000,000 articles complete with total peak
memory under 8 GB; slope at most 1.1.

Corpora are simulated (seed 1, 50,000 articles per part) into ``--scratch`` (default
/tmp/presslens-bench, outside the repository) unless already there; 1,000,000 articles
take about 6 minutes to simulate and 3.8 GB of disk.
"""

from __future__ import annotations

import argparse
import json
import math
import os
import subprocess
import sys
from pathlib import Path

DASK_CHILD = r"""
import json, os, resource, shutil, sys, threading, time
import psutil

def worker_cpu():
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime

def tree_rss(process):
    total = 0
    for p in [process, *process.children(recursive=True)]:
        try:
            total += p.memory_info().rss
        except psutil.Error:
            pass
    return total

def main():
    folder, scratch, memory_limit = sys.argv[1], sys.argv[2], sys.argv[3]
    rows = int(sys.argv[4])
    from presslens import scale
    me = psutil.Process()
    peak = [0]
    stop = threading.Event()
    def watch():
        while not stop.is_set():
            peak[0] = max(peak[0], tree_rss(me))
            stop.wait(0.2)
    threading.Thread(target=watch, daemon=True).start()
    shutil.rmtree(scratch, ignore_errors=True)
    times, cpu = {}, {}
    with scale.session(n_workers=2, memory_limit=memory_limit, dashboard_address=None) as client:
        def cpu_now():
            return sum(client.run(worker_cpu).values()) + worker_cpu()
        marks = [cpu_now()]
        def stage(name, began):
            times[name] = time.perf_counter() - began
            marks.append(cpu_now())
            cpu[name] = marks[-1] - marks[-2]
        start = time.perf_counter()
        articles = scale.read_corpus(folder, rows_per_partition=rows)
        cleaned = scale.prepare(articles, os.path.join(scratch, "prepared"))
        stage("read + clean", start)
        start = time.perf_counter()
        features = scale.hashed_features(cleaned, scratch)
        stage("features", start)
        start = time.perf_counter()
        clustering = scale.cluster_corpus(cleaned, 8, workdir=scratch, features=features)
        stage("clustering", start)
        start = time.perf_counter()
        counts = scale.term_counts(cleaned, "outlet_type")
        keys = scale.keyness(None, "tabloid", "broadsheet", group="outlet_type", counts=counts)
        stage("keyness", start)
        start = time.perf_counter()
        pairs = scale.near_duplicates(cleaned, workdir=scratch)
        stage("near duplicates", start)
        workers = client.run(lambda: resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)
    stop.set()
    peak[0] = max(peak[0], tree_rss(me))
    shutil.rmtree(scratch, ignore_errors=True)
    print(json.dumps({"times": times, "seconds": sum(times.values()), "cpu": cpu, "cpu_seconds": sum(cpu.values()), "worker_peak_mib": sorted(workers.values()),
                      "total_peak_mib": peak[0] / 2**20, "partitions": cleaned.npartitions, "articles": features.n_documents,
                      "pairs": len(pairs), "keywords": int((keys["p_adjusted"] < 0.05).sum()), "iterations": clustering.iterations,
                      "collisions": features.collisions}))

if __name__ == "__main__":
    main()
"""

PANDAS_CHILD = r"""
import json, resource, sys, time
from presslens import compare, reuse
from presslens.cluster import cluster_articles
from presslens.corpus import load
from presslens.features import document_vectors
from presslens.text import clean
folder = sys.argv[1]
times = {}
start = time.perf_counter()
corpus, _ = load(folder)
cleaned = clean(corpus, progress=False).corpus
del corpus
times["read + clean"] = time.perf_counter() - start
start = time.perf_counter()
vectors, features = document_vectors(cleaned, n_components=50, drop_names=True)
times["features"] = time.perf_counter() - start
start = time.perf_counter()
labels = cluster_articles(vectors, 8)
times["clustering"] = time.perf_counter() - start
del vectors, features
start = time.perf_counter()
keys = compare.keyness(cleaned, "tabloid", "broadsheet", group="outlet_type")
times["keyness"] = time.perf_counter() - start
start = time.perf_counter()
pairs = reuse.near_duplicates(cleaned, progress=False)
times["near duplicates"] = time.perf_counter() - start
usage = resource.getrusage(resource.RUSAGE_SELF)
print(json.dumps({"times": times, "seconds": sum(times.values()), "cpu_seconds": usage.ru_utime + usage.ru_stime, "worker_peak_mib": [], "articles": len(cleaned),
                  "total_peak_mib": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, "pairs": len(pairs),
                  "keywords": int((keys["p_adjusted"] < 0.05).sum())}))
"""

STAGES = ("read + clean", "features", "clustering", "keyness", "near duplicates")


def slope(sizes, values) -> float:
    """Least-squares slope of log(value) against log(size)."""
    xs, ys = [math.log(n) for n in sizes], [math.log(v) for v in values]
    mean_x, mean_y = sum(xs) / len(xs), sum(ys) / len(ys)
    return sum((x - mean_x) * (y - mean_y) for x, y in zip(xs, ys, strict=True)) / sum((x - mean_x) ** 2 for x in xs)


def corpus_folder(scratch: Path, n: int) -> Path:
    folder = scratch / f"n{n}"
    if not (folder / "datapackage.json").exists():
        subprocess.run([sys.executable, "-m", "presslens.cli", "simulate", "--n", str(n), "--seed", "1", "--out", str(folder), "--chunk-size", "50000"], check=True,
                       env={**os.environ, "PRESSLENS_PROGRESS": "0"})
    return folder


def run(engine: str, folder: Path, scratch: Path, memory_limit: str, rows: int) -> dict:
    if engine == "dask":
        command = [sys.executable, "-c", DASK_CHILD, str(folder), str(scratch / f"work-{folder.name}"), memory_limit, str(rows)]
    else:
        command = [sys.executable, "-c", PANDAS_CHILD, str(folder)]
    out = subprocess.run(command, check=True, capture_output=True, text=True)
    return json.loads(out.stdout.strip().splitlines()[-1])


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[100_000, 300_000, 1_000_000])
    parser.add_argument("--pandas-max", type=int, default=100_000, help="largest size the one-process pandas baseline runs at")
    parser.add_argument("--memory-limit", default="3GiB", help="memory limit of each of the two workers")
    parser.add_argument("--rows-per-partition", type=int, default=20_000)
    parser.add_argument("--scratch", type=Path, default=Path("/tmp/presslens-bench"))
    args = parser.parse_args(argv)
    args.scratch.mkdir(parents=True, exist_ok=True)
    header = (f"{'articles':>9} {'engine':>6} " + " ".join(f"{s:>15}" for s in STAGES)
              + f" {'total s':>8} {'CPU s':>7} {'worker peak MiB':>16} {'total peak MiB':>14} {'pairs':>7}")
    print(header, flush=True)
    dask_times = []
    for n in args.sizes:
        folder = corpus_folder(args.scratch, n)
        engines = ["dask"] + (["pandas"] if n <= args.pandas_max else [])
        results = {}
        for engine in engines:
            try:
                result = run(engine, folder, args.scratch, args.memory_limit, args.rows_per_partition)
            except subprocess.CalledProcessError as error:
                print(f"{n:>9,} {engine:>6} failed: {error.stderr.strip().splitlines()[-1] if error.stderr.strip() else error}", flush=True)
                continue
            results[engine] = result
            workers = "/".join(f"{m:.0f}" for m in result["worker_peak_mib"]) or "-"
            print(f"{n:>9,} {engine:>6} " + " ".join(f"{result['times'][s]:>15.1f}" for s in STAGES)
                  + f" {result['seconds']:>8.1f} {result['cpu_seconds']:>7.0f} {workers:>16} {result['total_peak_mib']:>14.0f} {result['pairs']:>7,}", flush=True)
        if "dask" in results:
            dask_times.append((n, results["dask"]["seconds"], results["dask"]["cpu_seconds"], results["dask"]["times"]))
        if "pandas" in results and "dask" in results:
            same = results["pandas"]["pairs"] == results["dask"]["pairs"]
            print(f"{'':>9} dask / pandas time: {results['dask']['seconds'] / results['pandas']['seconds']:.2f}; same number of duplicate pairs: {same}", flush=True)
    if len(dask_times) > 1:
        sizes = [n for n, *_ in dask_times]
        print(f"log-log slope against N (least squares over {len(sizes)} sizes): "
              f"wall time {slope(sizes, [t for _, t, _, _ in dask_times]):.2f}, CPU time {slope(sizes, [c for _, _, c, _ in dask_times]):.2f}; by stage (wall): "
              + ", ".join(f"{s} {slope(sizes, [times[s] for *_, times in dask_times]):.2f}" for s in STAGES))
    return 0


if __name__ == "__main__":
    sys.exit(main())
