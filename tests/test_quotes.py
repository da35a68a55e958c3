"""presslens.quotes: hand-written tricky cases (exact quote, speaker, role) and recovery of
the teaching corpus's planted quotes (span precision/recall, role accuracy)."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd
import pytest
import yaml

from presslens.quotes import attribute, extract_quotes, role_of, source_profile

CASES = yaml.safe_load((Path(__file__).parent / "data" / "quote_cases.yaml").read_text(encoding="utf-8"))
# Cases the rules do not yet get right: listed, not hidden (strict xfail turns a fix into a pass).
KNOWN_FAILURES: dict[str, str] = {}


def run_case(case):
    corpus = pd.DataFrame({"doc_id": [case["id"]], "headline": [case.get("headline", "")], "text": [case["text"]]})
    quotes = attribute(extract_quotes(corpus, headline=True), corpus)
    return [{"quote": q.quote, "speaker": q.speaker, "role": q.role} for q in quotes.itertuples()]


@pytest.mark.parametrize("case", CASES, ids=[c["id"] for c in CASES])
def test_hand_written_case(case):
    if case["id"] in KNOWN_FAILURES:
        pytest.xfail(KNOWN_FAILURES[case["id"]])
    assert run_case(case) == case["quotes"]


def test_recall_on_hand_written_cases_is_reported():
    expected = [(c["id"], q["quote"]) for c in CASES for q in c["quotes"]]
    found = {(c["id"], q["quote"]) for c in CASES for q in run_case(c)}
    recall = np.mean([e in found for e in expected])
    assert len(CASES) >= 40
    assert recall >= 0.9, recall


def test_role_of_examples():
    assert role_of("a spokesperson for the Lantern Trust") == ("charity", "Lantern Trust")
    assert role_of("head of trust and safety at Chirrup")[0] == "tech"
    assert role_of("34, who lives nearby")[0] == "public"
    assert role_of("prosecuting")[0] == "legal"
    assert role_of("his sister")[0] == "family"
    assert role_of("a volunteer at the allotments")[0] == "other"
    assert role_of("a spokesperson for Acme Online", extra_organisations={"Acme Online": "tech"})[0] == "tech"


@pytest.fixture(scope="module")
def teaching_quotes():
    from presslens.corpus import load_labels, load_teaching
    from presslens.text import clean, clean_text

    corpus = clean(load_teaching(), progress=False).corpus
    found = attribute(extract_quotes(corpus), corpus)
    labels = load_labels("quotes")
    labels["key"] = labels["text"].map(lambda s: " ".join(clean_text(str(s)).text.split()))
    found["key"] = found["quote"].map(lambda s: " ".join(s.split()))
    return corpus, found, labels


def test_planted_quote_spans_precision_recall_and_roles(teaching_quotes):
    """Issue 5: precision and recall of quote spans at least 0.95; speaker role accuracy
    at least 0.90 on correctly found quotes."""
    from presslens.evaluate import score_quotes

    _, found, labels = teaching_quotes
    scores = score_quotes(found, labels).iloc[0]
    assert scores["precision"] >= 0.95 and scores["recall"] >= 0.95, scores
    assert scores["role_accuracy"] >= 0.90
    assert scores["speaker_accuracy"] >= 0.95


def test_source_profile_shares_and_intervals(teaching_quotes):
    corpus, found, _ = teaching_quotes
    profile = source_profile(found, corpus, "outlet_type", n_boot=300)
    assert (profile.groupby("group")["share"].sum().round(3) == 1.0).all()
    assert ((profile["lower"] <= profile["share"]) & (profile["share"] <= profile["upper"])).all()
    tabloid = profile.set_index(["group", "role"])
    # planted: tabloids quote hunters more than broadsheets do, broadsheets academics more
    assert tabloid.loc[("tabloid", "vigilante"), "lower"] > tabloid.loc[("broadsheet", "vigilante"), "upper"]
    assert tabloid.loc[("broadsheet", "academic"), "lower"] > tabloid.loc[("tabloid", "academic"), "upper"]
    first = source_profile(found, corpus, "outlet_type", first_only=True, n_boot=100)
    assert first.groupby("group")["quotes"].sum().sum() == found.loc[found["part"] == 1, "doc_id"].nunique()
