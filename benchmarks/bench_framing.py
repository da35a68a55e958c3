"""Benchmark: quotes, roles, frames and tone on 10k and 100k simulated articles.

Each size runs in a fresh child process (peak memory is its own). The corpus is loaded
and cleaned first (timed separately); then quotes (``extract_quotes``), roles
(``attribute``), frames (``score_frames``) and tone (``actor_tone``) are timed one by one.
There is no plain baseline for these rule-based steps; the last column compares time
per article with the smallest run (1.00 = linear). Target (issue 5): 100k articles in
under 5 minutes.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path

CHILD = r"""
import json, resource, sys, time
from presslens.corpus import load
from presslens.text import clean
from presslens.quotes import extract_quotes, attribute
from presslens.frames import score_frames
from presslens.tone import actor_tone
times = {}
start = time.perf_counter(); corpus, _ = load(sys.argv[1]); times["load"] = time.perf_counter() - start
start = time.perf_counter(); cleaned = clean(corpus, progress=False).corpus; times["clean"] = time.perf_counter() - start
start = time.perf_counter(); quotes = extract_quotes(cleaned, progress=False); times["quotes"] = time.perf_counter() - start
start = time.perf_counter(); roles = attribute(quotes, cleaned); times["roles"] = time.perf_counter() - start
start = time.perf_counter(); scores, dominant = score_frames(cleaned, progress=False); times["frames"] = time.perf_counter() - start
start = time.perf_counter(); tone = actor_tone(cleaned, progress=False); times["tone"] = time.perf_counter() - start
times["analyses"] = times["quotes"] + times["roles"] + times["frames"] + times["tone"]
print(json.dumps({"n": len(corpus), "times": times, "peak_mib": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, "quotes": len(quotes)}))
"""


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000])
    args = parser.parse_args(argv)
    from presslens.simulate import simulate

    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        for n in args.sizes:
            folder = Path(tmp) / f"sim-{n}"
            simulate(n=n, random_state=41, out=folder, progress=False)
            out = subprocess.run([sys.executable, "-c", CHILD, str(folder)], check=True, capture_output=True, text=True)
            rows.append(json.loads(out.stdout.strip().splitlines()[-1]))
    base = rows[0]["times"]["analyses"] / rows[0]["n"]
    print(f"{'articles':>9} {'load':>6} {'clean':>6} {'quotes':>7} {'roles':>6} {'frames':>7} {'tone':>6} {'analyses':>9} {'peak MiB':>9} {'per article vs smallest':>24}")
    for r in rows:
        t = r["times"]
        print(f"{r['n']:>9,} {t['load']:>6.1f} {t['clean']:>6.1f} {t['quotes']:>7.1f} {t['roles']:>6.1f} {t['frames']:>7.1f} {t['tone']:>6.1f} {t['analyses']:>9.1f} {r['peak_mib']:>9.0f} {t['analyses'] / r['n'] / base:>24.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
