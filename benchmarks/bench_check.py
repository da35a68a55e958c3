"""Benchmark: ``presslens check`` on a newcomer's spreadsheet of 10,000 articles (issue 21).

Writes FICTIONAL spreadsheets (``title,body,date,source``, no ids, 1% of rows with an
unusable date) as CSV and as Excel, then times the whole command ``presslens check FILE``
in a fresh process (interpreter start and imports included, as a user waits for it),
``--repeats`` times, and reports the median.  The baseline, measured in the same run,
is the same child process reading the same file with ``pandas.read_csv`` /
``pandas.read_excel`` and nothing else: the ratio says what recognising the columns,
validating every row, making ids and judging what can run cost on top of reading.
The issue's target: under 10 seconds for 10,000 articles.

    python benchmarks/bench_check.py                 # 10,000 articles, 3 repeats
    python benchmarks/bench_check.py --n 2000 --repeats 1
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

BASELINE = r"""
import sys, pandas as pd
path = sys.argv[1]
frame = pd.read_excel(path, dtype=object) if path.endswith(".xlsx") else pd.read_csv(path, dtype=object)
print(len(frame))
"""

WORDS = ("council police school charity parents families officers review plan safety online helpline court report "
         "spokesperson community group sting warning messages app settings children lessons support figures").split()


def write_sheet(folder: Path, n: int) -> tuple[Path, Path]:
    import random

    import pandas as pd

    rng = random.Random(21)
    outlets = [f"The {town} {kind}" for town in ("Fenland", "Wisbech", "Northmoor", "Carrow") for kind in ("Examiner", "Gazette", "Post")]
    rows = []
    for i in range(n):
        body = " ".join(rng.choice(WORDS) for _ in range(rng.randint(250, 600)))
        rows.append({"title": " ".join(rng.choice(WORDS) for _ in range(8)).capitalize(), "body": f'"{body[:60]}," a spokesperson said. {body}',
                     "date": "today" if i % 100 == 0 else f"20{rng.randint(15, 24)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}",
                     "source": rng.choice(outlets)})
    frame = pd.DataFrame(rows)
    csv_path, xlsx_path = folder / "sheet.csv", folder / "sheet.xlsx"
    frame.to_csv(csv_path, index=False)
    frame.to_excel(xlsx_path, index=False)
    return csv_path, xlsx_path


def timed(command: list[str]) -> tuple[float, str]:
    start = time.perf_counter()
    result = subprocess.run(command, check=True, capture_output=True, text=True)
    return time.perf_counter() - start, result.stdout


def main(argv=None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=10_000)
    parser.add_argument("--repeats", type=int, default=3)
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as folder:
        paths = write_sheet(Path(folder), args.n)
        print(f"{'file':<11} {'articles':>8} {'MB':>6} {'check s (median)':>17} {'read-only s':>12} {'ratio':>6}  rows")
        results = []
        for path in paths:
            checks, baselines, summary = [], [], ""
            for _ in range(args.repeats):
                seconds, out = timed([sys.executable, "-m", "presslens.cli", "check", str(path)])
                checks.append(seconds)
                summary = next(line for line in out.splitlines() if line.startswith("Rows:"))
                baselines.append(timed([sys.executable, "-c", BASELINE, str(path)])[0])
            check, base = statistics.median(checks), statistics.median(baselines)
            size = path.stat().st_size / 1e6
            print(f"{path.suffix[1:]:<11} {args.n:>8,} {size:>6.1f} {check:>17.2f} {base:>12.2f} {check / base:>6.2f}  {summary}")
            results.append({"format": path.suffix[1:], "n": args.n, "mb": round(size, 1), "check_s": round(check, 2), "baseline_s": round(base, 2)})
        print(json.dumps(results))


if __name__ == "__main__":
    main()
