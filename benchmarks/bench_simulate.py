"""Benchmark: streaming the simulator to disk at 10k, 100k and 1,000,000 articles.

Each size runs in a fresh child process so that its peak resident memory (ru_maxrss of
that child) is the simulator's own.  Prints a table: articles, seconds, articles per
second, peak memory, bytes written, and time per article relative to the smallest run
(a ratio near 1 means the simulator scales linearly).  The issue's target: 1,000,000
articles with peak memory under 2 GB.

    python benchmarks/bench_simulate.py                # 10k, 100k, 1M
    python benchmarks/bench_simulate.py --sizes 10000  # quick check
"""

from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

CHILD = r"""
import json, resource, sys, time
from presslens.simulate import simulate
n, out = int(sys.argv[1]), sys.argv[2]
start = time.perf_counter()
counts = simulate(n=n, random_state=11, out=out, progress=False)
seconds = time.perf_counter() - start
peak_kib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
print(json.dumps({"n": n, "seconds": seconds, "peak_mib": peak_kib / 1024, "counts": counts}))
"""


def run(n: int, folder: Path) -> dict:
    out = folder / f"sim-{n}"
    result = subprocess.run([sys.executable, "-c", CHILD, str(n), str(out)], check=True, capture_output=True, text=True)
    figures = json.loads(result.stdout.strip().splitlines()[-1])
    figures["bytes"] = sum(p.stat().st_size for p in out.rglob("*") if p.is_file())
    shutil.rmtree(out)
    return figures


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000, 1_000_000])
    parser.add_argument("--repeat", type=int, default=1, help="runs per size (the median is reported)")
    args = parser.parse_args(argv)
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        for n in args.sizes:
            runs = sorted((run(n, Path(tmp)) for _ in range(args.repeat)), key=lambda r: r["seconds"])
            rows.append(runs[len(runs) // 2])
    base = rows[0]["seconds"] / rows[0]["n"]
    print(f"{'articles':>10} {'seconds':>9} {'art/s':>8} {'peak MiB':>9} {'MB written':>11} {'time/article vs smallest':>25}")
    for r in rows:
        print(f"{r['n']:>10,} {r['seconds']:>9.1f} {r['n'] / r['seconds']:>8.0f} {r['peak_mib']:>9.0f} {r['bytes'] / 1e6:>11.0f} {r['seconds'] / r['n'] / base:>25.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
