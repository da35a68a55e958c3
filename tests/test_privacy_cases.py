"""presslens.privacy on a hand-written set of fictional cases (tabloid, broadsheet,
regional, court-report and US styles): each case states exactly what changes (the
bracketed private names) and what does not (everything else, byte for byte)."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from presslens.privacy import pseudonymise_corpus
from presslens.privacy.evaluate import expected_text, load_cases, score_pseudonymisation

CASES = load_cases(Path(__file__).parent / "data" / "privacy_cases.yaml")
KEY = "privacy cases key"


@pytest.fixture(scope="module")
def result():
    corpus = pd.DataFrame({"doc_id": CASES["id"], "outlet": "Test " + CASES["style"], "published": pd.Timestamp("2024-01-01", tz="UTC"),
                           "headline": "Court report", "text": CASES["plain"]})
    safe, mapping, people = pseudonymise_corpus(corpus, key=KEY)
    return safe.set_index("doc_id")["text"], dict(zip(mapping["name"], mapping["pseudonym"], strict=True)), people


def test_the_set_is_large_and_varied():
    assert len(CASES) >= 120 and CASES["id"].is_unique
    assert set(CASES["style"]) >= {"court", "tabloid", "broadsheet", "regional", "us"}
    assert CASES["private"].map(len).sum() >= 100 and CASES["protected"].map(len).sum() >= 150


@pytest.mark.parametrize("case", CASES.to_dict("records"), ids=list(CASES["id"]))
def test_case_changes_exactly_the_private_names(case, result):
    texts, pseudonyms, _ = result
    assert texts[case["id"]] == expected_text(case["marked"], pseudonyms)


def test_scores_meet_the_targets(result):
    texts, pseudonyms, _ = result
    scores = score_pseudonymisation(list(CASES["plain"]), [texts[i] for i in CASES["id"]], list(CASES["private"]),
                                    list(CASES["protected"]), list(pseudonyms))
    assert scores["recall"] >= 0.98 and scores["precision"] >= 0.95 and scores["protected_changed_share"] <= 0.02, scores
