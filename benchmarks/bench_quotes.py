"""Benchmark: quotes, speakers and roles (presslens.quotes) on 100,000 simulated articles.

Target (issue 17): :func:`presslens.quotes.extract_quotes` (body and headline) followed by
:func:`presslens.quotes.attribute` on 100,000 articles in under 5 minutes on this machine.

Baseline, measured in the same run on the same texts: one bare regular-expression pass
that finds every double-quoted run (``re.finditer`` over body and headline), i.e. the cost
of merely reading the text once in Python.  The corpus is processed in chunks of 10,000
articles; for each chunk both are timed (wall clock and this process's CPU time), and the
script prints the total time of the pipeline, the median per-chunk ratio pipeline /
baseline, and counts.  On a shared machine the CPU time says what the code costs; the
wall time also says how busy the machine was.

The corpus is a simulated one (``presslens simulate --n N --seed 1``), written to
``--scratch`` (default /tmp/presslens-bench-quotes, outside the repository) unless
``--corpus`` names a folder that already holds one::

    PYTHONPATH=src python benchmarks/bench_quotes.py --n 100000
"""

from __future__ import annotations

import argparse
import os
import re
import statistics
import subprocess
import sys
import time
from pathlib import Path

import pandas as pd

from presslens.quotes import attribute, extract_quotes

_BASELINE = re.compile(r"[\"\u201c]([^\"\u201c\u201d\n]*)[\"\u201d]")


def baseline(chunk: pd.DataFrame) -> int:
    found = 0
    for value in chunk["text"].tolist() + chunk["headline"].tolist():
        if isinstance(value, str):
            found += sum(1 for _ in _BASELINE.finditer(value))
    return found


def pipeline(chunk: pd.DataFrame) -> pd.DataFrame:
    return attribute(extract_quotes(chunk, headline=True, progress=False), chunk)


def corpus_folder(scratch: Path, n: int) -> Path:
    folder = scratch / f"n{n}"
    if not (folder / "datapackage.json").exists():
        subprocess.run([sys.executable, "-m", "presslens.cli", "simulate", "--n", str(n), "--seed", "1", "--out", str(folder), "--chunk-size", "50000"],
                       check=True, env={**os.environ, "PRESSLENS_PROGRESS": "0"})
    return folder


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--n", type=int, default=100_000)
    parser.add_argument("--chunk", type=int, default=10_000)
    parser.add_argument("--corpus", type=Path, help="a folder holding a simulated articles.jsonl (else one is simulated)")
    parser.add_argument("--scratch", type=Path, default=Path("/tmp/presslens-bench-quotes"))
    args = parser.parse_args(argv)
    folder = args.corpus or corpus_folder(args.scratch, args.n)
    files = [folder / "articles.jsonl"] if (folder / "articles.jsonl").exists() else sorted((folder / "articles").glob("part-*.jsonl"))
    articles = pd.concat([pd.read_json(f, lines=True, dtype={"doc_id": str})[["doc_id", "headline", "text"]] for f in files], ignore_index=True).head(args.n)
    print(f"{len(articles):,} articles from {folder.name}", flush=True)
    totals = {"baseline": 0.0, "pipeline": 0.0, "pipeline_cpu": 0.0, "baseline_cpu": 0.0}
    ratios, quotes, spans, roles = [], 0, 0, {}
    for start in range(0, len(articles), args.chunk):
        chunk = articles.iloc[start : start + args.chunk].reset_index(drop=True)
        t0, c0 = time.perf_counter(), time.process_time()
        spans += baseline(chunk)
        t1, c1 = time.perf_counter(), time.process_time()
        table = pipeline(chunk)
        t2, c2 = time.perf_counter(), time.process_time()
        totals["baseline"] += t1 - t0
        totals["pipeline"] += t2 - t1
        totals["baseline_cpu"] += c1 - c0
        totals["pipeline_cpu"] += c2 - c1
        ratios.append((t2 - t1) / (t1 - t0))
        quotes += len(table)
        for role, count in table.loc[table["part"] == 1, "role"].value_counts().items():
            roles[role] = roles.get(role, 0) + int(count)
        print(f"  {start + len(chunk):>7,} articles: pipeline {t2 - t1:6.1f} s (CPU {c2 - c1:6.1f} s), baseline {t1 - t0:5.2f} s (CPU {c1 - c0:5.2f} s)", flush=True)
    print(f"quoted runs (baseline regex): {spans:,}; speech quotes (pipeline): {quotes:,}")
    print(f"pipeline total {totals['pipeline']:.1f} s ({len(articles) / totals['pipeline']:.0f} articles/s); baseline total {totals['baseline']:.2f} s")
    print(f"CPU time (this process only, less sensitive to other load): pipeline {totals['pipeline_cpu']:.1f} s, baseline {totals['baseline_cpu']:.2f} s; "
          f"load average at the end {os.getloadavg()[0]:.1f}")
    print(f"median per-chunk ratio pipeline/baseline: {statistics.median(ratios):.1f}x")
    other = roles.get("other", 0) / max(sum(roles.values()), 1)
    print(f"roles: {dict(sorted(roles.items(), key=lambda item: -item[1]))}; share 'other' {other:.3f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
