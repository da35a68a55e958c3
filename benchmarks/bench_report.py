"""Benchmark: the full report with every notebook on 1,000 articles (issue 15: under 5 minutes).

For a corpus (``presslens simulate --n 1000`` by default, or ``--corpus`` for your own
export, e.g. real news kept outside the repository, with ``--outlets``), runs in fresh
child processes, ``--repeat`` times each:

* baseline: ``presslens report --notebooks none`` (the sections only);
* full: ``presslens report --notebooks notebooks/`` (the sections and all twelve notebooks).

Prints, per run, wall seconds and CPU seconds (user + system of the child and its
kernels: on a shared machine wall time includes waiting for a core), the exit code and
how many notebooks ran ok; then the medians and the ratio full / baseline.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def timed(command: list[str]) -> tuple[float, float, int]:
    """Wall and CPU seconds (this child and everything it waited for) and the exit code."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    code = subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env={**os.environ, "PYTHONPATH": str(ROOT / "src")}).returncode
    wall = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime), code


def notebooks_ok(out: Path) -> str:
    manifest = json.loads((out / "manifest.json").read_text()) if (out / "manifest.json").exists() else {}
    runs = manifest.get("notebooks", [])
    return f"{sum(r['status'] == 'ok' for r in runs)}/{len(runs)}" if runs else "-"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=1000, help="articles to simulate (without --corpus)")
    parser.add_argument("--corpus", help="a corpus file or folder instead of a simulated one")
    parser.add_argument("--outlets", help="an outlets file for --corpus")
    parser.add_argument("--repeat", type=int, default=1)
    parser.add_argument("--sections-only", action="store_true", help="run the baseline only")
    args = parser.parse_args()
    presslens = [sys.executable, "-m", "presslens.cli"]
    with tempfile.TemporaryDirectory() as work:
        work = Path(work)
        if args.corpus:
            corpus = Path(args.corpus).resolve()
        else:
            corpus = work / "corpus"
            subprocess.run([*presslens, "simulate", "--n", str(args.n), "--out", str(corpus)], check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                           env={**os.environ, "PYTHONPATH": str(ROOT / "src")})
        extra = ["--outlets", str(Path(args.outlets).resolve())] if args.outlets else []
        cases = {"sections only (baseline)": ["--notebooks", "none"]}
        if not args.sections_only:
            cases["sections + 12 notebooks"] = ["--notebooks", str(ROOT / "notebooks")]
        medians = {}
        print(f"corpus: {args.corpus or f'simulated, {args.n} articles'}")
        print(f"{'run':28} {'wall s':>8} {'cpu s':>8} {'exit':>5} {'notebooks ok':>13}")
        for name, options in cases.items():
            walls = []
            for repeat in range(args.repeat):
                out = work / f"report-{len(medians)}-{repeat}"
                wall, cpu, code = timed([*presslens, "report", "--corpus", str(corpus), "--out", str(out), *extra, *options])
                walls.append(wall)
                print(f"{name:28} {wall:8.1f} {cpu:8.1f} {code:5d} {notebooks_ok(out):>13}", flush=True)
            medians[name] = statistics.median(walls)
        if len(medians) == 2:
            base, full = medians.values()
            print(f"median wall: baseline {base:.1f} s, full {full:.1f} s, ratio full/baseline {full / base:.2f}; target: full under 300 s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
