"""Benchmark the explorer page (issue 20): build time and page size.

Targets: the teaching corpus in under 30 s; 100,000 simulated articles in under 3 minutes,
with the page under 10 MB.  Opening the corpus (import and pseudonymisation, which the
report does once for all its pages) is timed separately from building the page.
Baseline, measured in the same run on the same opened corpus: the analyses the report
already runs for the same views (cleaning, clustering with the same choice of k, Fightin'
Words); the ratio says what the explorer costs on top of them.  Wall-clock and CPU
seconds are both given, because the machine is shared.

    python benchmarks/bench_explore.py                  # teaching corpus, 3 runs
    python benchmarks/bench_explore.py --n 100000       # simulates 100k articles (seed 1) first
    python benchmarks/bench_explore.py --corpus DIR     # any corpus folder
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path


def timed(function):
    wall, cpu = time.perf_counter(), time.process_time()
    result = function()
    return result, time.perf_counter() - wall, time.process_time() - cpu


def baseline(corpus):
    from presslens import compare
    from presslens.explore import _cluster, comparison_pair
    from presslens.text import clean

    cleaned = clean(corpus, progress=False).corpus
    _cluster(cleaned, None, 0, False)
    a, b = comparison_pair(cleaned, "outlet_type")
    compare.fightin_words(cleaned, a, b, group="outlet_type")


def browser_timings(page: Path) -> dict | None:
    """Milliseconds the page takes in headless Chromium: loading, the first filter (which
    tokenises the embedded texts), a second filter, and listing a frequent term's KWIC lines.
    Uses the browser test's DevTools driver; None when Chromium is absent."""
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))
    from test_explore import Browser, _websocket, chromium_binary

    if chromium_binary() is None or _websocket() is None:
        return None
    browser = Browser(Path(tempfile.mkdtemp(prefix="bench_explore_chromium_")))
    try:
        started = time.perf_counter()
        browser.open(page)
        timings = {"load": 1000 * (time.perf_counter() - started)}
        click = "(() => {{ const t = performance.now(); document.querySelectorAll('#cluster-filter input')[{}].click(); return performance.now() - t; }})()"
        timings["first filter"] = browser.evaluate(click.format(0))
        timings["second filter"] = browser.evaluate(click.format(1))
        timings["KWIC of the most typical term of group A"] = browser.evaluate(
            "(() => { const t = performance.now(); document.querySelector('#top-a button').click(); return performance.now() - t; })()")
        if browser.problems():
            raise RuntimeError(f"the page reported problems: {browser.problems()}")
        return timings
    finally:
        browser.close()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--corpus", default=None, help="a corpus folder (default: the teaching corpus)")
    parser.add_argument("--n", type=int, default=None, help="simulate this many articles (seed 1) and use them")
    parser.add_argument("--runs", type=int, default=None, help="runs (default 3 for the teaching corpus, 1 otherwise)")
    parser.add_argument("--no-pseudonymise", action="store_true",
                        help="open without replacing names (saves the opening's name pass on large corpora; the page build is the same work)")
    args = parser.parse_args()
    from presslens.explore import build_explorer
    from presslens.report import open_corpus

    work = Path(tempfile.mkdtemp(prefix="bench_explore_"))
    corpus_path, label = args.corpus, "teaching corpus" if args.corpus is None else args.corpus
    if args.n:
        corpus_path = work / "corpus"
        subprocess.run([sys.executable, "-m", "presslens.cli", "simulate", "--n", str(args.n), "--seed", "1", "--out", str(corpus_path)],
                       check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        label = f"{args.n:,} simulated articles (seed 1)"
    runs = args.runs or (3 if corpus_path is None and not args.n else 1)
    opened, open_wall, open_cpu = timed(lambda: open_corpus(corpus_path, pseudonymise=not args.no_pseudonymise))
    corpus = opened.corpus
    print(f"corpus: {label}, {len(corpus):,} articles; {runs} run(s), medians", flush=True)
    print("| step | wall s | CPU s |")
    print("|---|---:|---:|")
    print(f"| open (import{'' if args.no_pseudonymise else ' + pseudonymise'}; shared with the report) | {open_wall:.1f} | {open_cpu:.1f} |", flush=True)
    # warm-up, untimed: the first call in a process pays for imports, compiled patterns and
    # loaded dictionaries; without it whichever of the two is timed first looks slower
    build_explorer(corpus.head(200), work / "warm-up", k=3, progress=False)
    builds, baselines = [], []
    for run in range(runs):  # the page first, so that its time is printed even if the run is cut short
        page, wall, cpu = timed(lambda run=run: build_explorer(corpus, work / f"page{run}", progress=False))
        builds.append((wall, cpu))
        print(f"  run {run + 1}: build_explorer {wall:.1f} s wall, {cpu:.1f} s CPU, {page.stat().st_size / 1e6:.2f} MB", flush=True)
        _, base_wall, base_cpu = timed(lambda: baseline(corpus))
        baselines.append((base_wall, base_cpu))
        print(f"  run {run + 1}: baseline {base_wall:.1f} s wall, {base_cpu:.1f} s CPU", flush=True)
    wall, cpu = (statistics.median(b[i] for b in builds) for i in range(2))
    base_wall, base_cpu = (statistics.median(b[i] for b in baselines) for i in range(2))
    print(f"| baseline: clean + cluster (same k rule) + Fightin' Words | {base_wall:.1f} | {base_cpu:.1f} |")
    print(f"| build_explorer (all of it, from the opened corpus) | {wall:.1f} | {cpu:.1f} |")
    print(f"ratio build_explorer / baseline: {wall / base_wall:.2f} (wall), {cpu / base_cpu:.2f} (CPU)")
    print(f"page size: {page.stat().st_size / 1e6:.2f} MB", flush=True)
    timings = browser_timings(page)
    if timings is None:
        print("Chromium or websocket-client absent: no browser timings")
    else:
        print("in headless Chromium (ms): " + ", ".join(f"{name} {value:.0f}" for name, value in timings.items()))
    return 0


if __name__ == "__main__":
    sys.exit(main())
