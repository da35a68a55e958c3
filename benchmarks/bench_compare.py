"""Benchmark: keyness and Fightin' Words at 100k articles with a 50,000-term vocabulary.

The corpus (simulated) is counted once with presslens's count vectorizer limited to the
50,000 most frequent unigrams and bigrams (timed and reported separately: it is shared by both paths).
Then, for tabloid against broadsheet:

* presslens: ``keyness(..., features=counts)`` (G², chi-square, Log Ratio, %DIFF, PMI,
  Benjamini-Hochberg) and ``fightin_words(..., features=counts)`` (empirical-Bayes prior),
  vectorised with numpy;
* baseline: the same statistics in a straightforward loop over terms: per term a 2 x 2
  table handed to ``scipy.stats.chi2_contingency`` (chi-square and G²), Log Ratio and
  Fightin' Words in plain Python, the way a first implementation is usually written;
  and, as a harder second baseline, the same loop with hand-written ``math.log`` cells.

Prints seconds (median of ``--repeat``), the speed-up, and peak memory of the process.
Target (issue 4): the vectorised version at least 20 times faster.
"""

from __future__ import annotations

import argparse
import math
import resource
import sys
import tempfile
import time
from statistics import median

import numpy as np


def baseline_scipy(a_counts, b_counts):
    """The straightforward loop: per term, a 2 x 2 table handed to scipy for chi-square and
    G², then Log Ratio and the Fightin' Words z in plain Python."""
    from scipy.stats import chi2_contingency

    n_t, n_r = sum(a_counts), sum(b_counts)
    total_pooled = n_t + n_r
    alpha0 = total_pooled / 20
    rows = []
    for a, b in zip(a_counts, b_counts, strict=True):
        if a + b == 0:
            rows.append(None)
            continue
        table = [[a, b], [n_t - a, n_r - b]]
        chi2 = chi2_contingency(table, correction=False)[0]
        g2 = chi2_contingency(table, correction=False, lambda_="log-likelihood")[0]
        ratio = math.log2(((a or 0.5) / n_t) / ((b or 0.5) / n_r))
        alpha = alpha0 * (a + b) / total_pooled
        delta = math.log((a + alpha) / (n_t + alpha0 - a - alpha)) - math.log((b + alpha) / (n_r + alpha0 - b - alpha))
        rows.append((g2, chi2, ratio, delta / math.sqrt(1 / (a + alpha) + 1 / (b + alpha))))
    return rows


def baseline(a_counts, b_counts):
    """Per-term Python loop with math only: G², chi-square, Log Ratio and Fightin' Words z."""
    n_t, n_r = sum(a_counts), sum(b_counts)
    n = n_t + n_r
    pooled = [x + y for x, y in zip(a_counts, b_counts, strict=True)]
    total_pooled = sum(pooled)
    alpha0 = n / 20
    rows = []
    for a, b, p in zip(a_counts, b_counts, pooled, strict=True):
        if a + b == 0:  # a term of other groups only
            rows.append(None)
            continue
        c, d = n_t - a, n_r - b
        g2 = 0.0
        chi2 = 0.0
        for observed, row, col in ((a, a + b, n_t), (b, a + b, n_r), (c, c + d, n_t), (d, c + d, n_r)):
            expected = row * col / n
            if observed > 0:
                g2 += 2 * observed * math.log(observed / expected)
            chi2 += (observed - expected) ** 2 / expected
        ratio = math.log2(((a or 0.5) / n_t) / ((b or 0.5) / n_r))
        alpha = alpha0 * p / total_pooled
        delta = math.log((a + alpha) / (n_t + alpha0 - a - alpha)) - math.log((b + alpha) / (n_r + alpha0 - b - alpha))
        z = delta / math.sqrt(1 / (a + alpha) + 1 / (b + alpha))
        rows.append((g2, chi2, ratio, z))
    return rows


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--n", type=int, default=100_000)
    parser.add_argument("--vocabulary", type=int, default=50_000)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args(argv)

    from presslens import compare
    from presslens.corpus import load
    from presslens.features import vectorize
    from presslens.simulate import simulate

    with tempfile.TemporaryDirectory() as tmp:
        simulate(n=args.n, random_state=31, out=tmp, progress=False)
        corpus, _ = load(tmp)
    start = time.perf_counter()
    # unigrams and bigrams: a simulated corpus has fewer than 50,000 distinct words
    counts = vectorize(corpus, kind="count", min_df=1, max_df=1.0, max_features=args.vocabulary, ngram_range=(1, 2),
                       english_stop_words=False, outlet_stop_words=False)
    counting = time.perf_counter() - start
    print(f"corpus: {len(corpus):,} articles; vocabulary {counts.matrix.shape[1]:,} terms; counting {counting:.1f} s (shared, not compared)")

    fast, kernel, slow, slow_scipy = [], [], [], []
    for _ in range(args.repeat):
        start = time.perf_counter()
        keys = compare.keyness(corpus, "tabloid", "broadsheet", group="outlet_type", features=counts, min_freq=1)
        words = compare.fightin_words(corpus, "tabloid", "broadsheet", features=counts, min_freq=1)
        fast.append(time.perf_counter() - start)
        # the loops start from the same document-term matrix: summing each group's rows is
        # part of their time, as it is part of presslens's
        start = time.perf_counter()
        tabloid = (corpus["outlet_type"] == "tabloid").to_numpy()
        broadsheet = (corpus["outlet_type"] == "broadsheet").to_numpy()
        matrix = counts.matrix.tocsr()
        a = np.asarray(matrix[np.flatnonzero(tabloid)].sum(axis=0)).ravel().tolist()
        b = np.asarray(matrix[np.flatnonzero(broadsheet)].sum(axis=0)).ravel().tolist()
        group_sums = time.perf_counter() - start
        # the vectorised statistics alone, on the same count vectors as the loops
        y_a, y_b = np.asarray(a), np.asarray(b)
        keep = (y_a + y_b) > 0
        y_a, y_b = y_a[keep], y_b[keep]
        start = time.perf_counter()
        n_t, n_r = y_a.sum(), y_b.sum()
        compare.log_likelihood(y_a, y_b, n_t - y_a, n_r - y_b)
        compare.chi_square(y_a, y_b, n_t - y_a, n_r - y_b)
        compare.log_ratio(y_a, y_b, n_t, n_r)
        compare.fightin_words_counts(y_a, y_b, prior="informative", alpha0=(n_t + n_r) / 20)
        kernel.append(time.perf_counter() - start)
        start = time.perf_counter()
        rows = baseline(a, b)
        slow.append(time.perf_counter() - start + group_sums)
        start = time.perf_counter()
        baseline_scipy(a, b)
        slow_scipy.append(time.perf_counter() - start + group_sums)
    # the two paths agree on G² (a check, not a timing)
    by_term = {t: r[0] for t, r in zip(counts.terms, rows, strict=True) if r is not None}
    worst = max(abs(by_term[t] - g) / max(1.0, g) for t, g in zip(keys["term"], keys["g2"], strict=True))
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"{'path':<28} {'seconds':>9}")
    print(f"{'presslens API (tidy tables)':<28} {median(fast):>9.3f}   keyness + fightin_words: BH, %DIFF, PMI, empirical-Bayes prior, sorting")
    print(f"{'vectorised statistics':<28} {median(kernel):>9.3f}   G2, chi2, Log Ratio, Fightin' Words z on count vectors (no group sums)")
    print(f"{'per-term loop with scipy':<28} {median(slow_scipy):>9.3f}   (incl. group sums) presslens API {median(slow_scipy) / median(fast):.1f}x faster")
    print(f"{'per-term loop, math only':<28} {median(slow):>9.3f}   (incl. group sums) presslens API {median(slow) / median(fast):.1f}x faster")
    print(f"largest relative G2 difference {worst:.1e}; peak memory {peak:.0f} MiB; {len(words):,} Fightin' Words terms")
    return 0


if __name__ == "__main__":
    sys.exit(main())
