"""Privacy on real news: are well-known public figures, places and organisations left
alone?  And the scores on the hand-written cases and the teaching corpus.

Reads PolNeAR's ``train`` compartment (US election news, 2015-2016; only ``train`` is used
for development) from the folder in ``PRESSLENS_POLNEAR`` (the folder holding the
``<outlet>_<date>_<slug>.txt`` files).  Without it, the real-news part is skipped and says
so.  Prints a Markdown table for benchmarks/RESULTS.md.

    PRESSLENS_POLNEAR=~/devdata/polnear-train/data/train/text python benchmarks/eval_privacy_real.py
"""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path

import pandas as pd

from presslens.privacy import pseudonymise_corpus
from presslens.privacy.evaluate import expected_text, load_cases, score_pseudonymisation

KEY = "evaluation key"
WELL_KNOWN = ["Donald Trump", "Hillary Clinton", "Bernie Sanders", "Barack Obama", "Ted Cruz", "Marco Rubio", "Jeb Bush", "Mike Pence",
              "Tim Kaine", "John Kasich", "Ben Carson", "Bill Clinton", "Paul Ryan", "United States", "White House", "New York",
              "Democratic Party", "Republican Party"]


def cases_scores() -> dict:
    cases = load_cases(Path(__file__).parents[1] / "tests" / "data" / "privacy_cases.yaml")
    corpus = pd.DataFrame({"doc_id": cases["id"], "outlet": "Test " + cases["style"], "published": pd.Timestamp("2024-01-01", tz="UTC"),
                           "headline": "Report", "text": cases["plain"]})
    safe, mapping, _ = pseudonymise_corpus(corpus, key=KEY)
    pseudonyms = dict(zip(mapping["name"], mapping["pseudonym"], strict=True))
    after = list(safe["text"])
    scores = score_pseudonymisation(list(cases["plain"]), after, list(cases["private"]), list(cases["protected"]), list(mapping["name"]))
    scores["exact"] = sum(a == expected_text(m, pseudonyms) for a, m in zip(after, cases["marked"], strict=True)) / len(cases)
    scores["items"] = len(cases)
    return scores


def teaching_scores() -> dict:
    from presslens.corpus import load_labels, load_teaching

    corpus = load_teaching()
    safe, mapping, _ = pseudonymise_corpus(corpus, key=KEY)
    persons = load_labels("persons")
    public = dict(zip(persons["name"], persons["public"].astype(str).str.lower() == "true", strict=True))
    before = list(corpus["headline"] + "\n\n" + corpus["text"])
    after = list(safe["headline"] + "\n\n" + safe["text"])
    private = [[n for n, p in public.items() if not p and n in b] for b in before]
    protected = [[n for n, p in public.items() if p and n in b] for b in before]
    scores = score_pseudonymisation(before, after, private, protected, list(mapping["name"]))
    labelled_private = {n for n, p in public.items() if not p}
    scores["precision"] = sum(n in labelled_private for n in mapping["name"]) / max(len(mapping), 1)
    return scores


def read_polnear(folder: Path) -> pd.DataFrame:
    rows = []
    for path in sorted(folder.glob("*.txt")):
        outlet, date, _ = path.stem.split("_", 2)
        rows.append({"doc_id": path.stem, "outlet": outlet, "published": pd.Timestamp(date, tz="UTC"), "headline": "",
                     "text": path.read_text(encoding="utf-8", errors="replace")})
    return pd.DataFrame(rows)


def main() -> int:
    started = time.perf_counter()
    print("| set | items | recall | precision | protected strings changed |")
    print("|---|---|---|---|---|")
    s = cases_scores()
    print(f"| hand-written cases (tests/data/privacy_cases.yaml) | {s['items']} items, {s['private']} private names, {s['protected']} protected "
          f"strings | {s['recall']:.3f} | {s['precision']:.3f} | {s['protected_changed']} of {s['protected']} "
          f"({s['protected_changed_share']:.1%}); exact output {s['exact']:.3f} |")
    t = teaching_scores()
    print(f"| teaching corpus, person labels | {t['private']} private mentions-by-article, {t['protected']} public | {t['recall']:.3f} | "
          f"{t['precision']:.3f} | {t['protected_changed']} of {t['protected']} public names |")
    folder = os.environ.get("PRESSLENS_POLNEAR")
    if not folder or not Path(folder).expanduser().is_dir():
        print("\nPRESSLENS_POLNEAR is not set to PolNeAR's train text folder: the real-news check is skipped.")
        return 0
    corpus = read_polnear(Path(folder).expanduser())
    size = sum(len(t.encode("utf-8")) for t in corpus["text"])
    real_started = time.perf_counter()
    safe, mapping, people = pseudonymise_corpus(corpus, key=KEY)
    seconds = time.perf_counter() - real_started
    text = "\n".join(corpus["text"])
    replaced = set(mapping["name"])
    kept = [n for n in WELL_KNOWN if n in text]
    wrongly = [n for n in kept if n in replaced or n not in "\n".join(safe["text"])]
    print(f"\nPolNeAR train: {len(corpus)} articles, {corpus['outlet'].nunique()} outlets, {size / 1e6:.1f} MB of text; "
          f"{len(people)} names found, {len(mapping)} pseudonymised ({len(mapping) / max(len(people), 1):.1%}); {seconds:.0f} s.")
    print(f"Well-known names present: {len(kept)}; pseudonymised or changed: {len(wrongly)} {wrongly}")
    top = people[people["private"]].sort_values("mentions", ascending=False).head(25)
    print("Most-mentioned names judged private (review by hand): " + ", ".join(f"{n} ({m})" for n, m in zip(top["name"], top["mentions"], strict=True)))
    print(f"\nTotal {time.perf_counter() - started:.0f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
