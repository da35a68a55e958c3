"""presslens.claims: number phrases (each asserting the parsed value), extraction and
tracking of the teaching corpus's planted claims and mutations."""

from __future__ import annotations

import pandas as pd
import pytest

from presslens.claims import extract_claims, parse_number, track_claims
from presslens.evaluate import MUTATION_NAMES, match_claims, score_claims

PHRASES = [
    ("300,000", 300_000, "count", ""),
    ("8,734", 8_734, "count", ""),
    ("1.2 million", 1_200_000, "count", ""),
    ("2.5m", 2_500_000, "count", ""),
    ("a million", 1_000_000, "count", ""),
    ("half a million", 500_000, "count", ""),
    ("a quarter of a million", 250_000, "count", ""),
    ("nine thousand", 9_000, "count", ""),
    ("nearly nine thousand", 9_000, "count", "approximately-below"),
    ("nearly nine million", 9_000_000, "count", "approximately-below"),
    ("almost 8,700", 8_700, "count", "approximately-below"),
    ("more than 8,000", 8_000, "count", "above"),
    ("over 65,000", 65_000, "count", "above"),
    ("some 8,700", 8_700, "count", "approximately"),
    ("around 400", 400, "count", "approximately"),
    ("about 1,500", 1_500, "count", "approximately"),
    ("up to 50,000", 50_000, "count", "at most"),
    ("at least 200", 200, "count", "at least"),
    ("fewer than 300", 300, "count", "below"),
    ("twenty-five", 25, "count", ""),
    ("three hundred", 300, "count", ""),
    ("twelve hundred", 1_200, "count", ""),
    ("two thousand five hundred", 2_500, "count", ""),
    ("forty-two thousand", 42_000, "count", ""),
    ("between 200 and 300", 250, "count", ""),
    ("between 1,000 and 2,000", 1_500, "count", ""),
    ("38 per cent", 38, "percent", ""),
    ("38%", 38, "percent", ""),
    ("12.5 per cent", 12.5, "percent", ""),
    ("nearly 40 per cent", 40, "percent", "approximately-below"),
    ("more than 40%", 40, "percent", "above"),
    ("42 percent", 42, "percent", ""),
    ("more than half", 0.5, "proportion", "above"),
    ("a third", 1 / 3, "proportion", ""),
    ("two-thirds", 2 / 3, "proportion", ""),
    ("three quarters", 0.75, "proportion", ""),
    ("two in five", 0.4, "proportion", ""),
    ("one in ten", 0.1, "proportion", ""),
    ("£4.7 million", 4_700_000, "money", ""),
    ("£500,000", 500_000, "money", ""),
    ("£3bn", 3_000_000_000, "money", ""),
    ("£25 million", 25_000_000, "money", ""),
    ("almost £25 million", 25_000_000, "money", "approximately-below"),
    ("$1.5 billion", 1_500_000_000, "money", ""),
    ("five-fold", 5, "fold", ""),
    ("fivefold", 5, "fold", ""),
    ("ten-fold", 10, "fold", ""),
    ("3-fold", 3, "fold", ""),
]


@pytest.mark.parametrize(("phrase", "value", "unit", "qualifier"), PHRASES, ids=[p[0] for p in PHRASES])
def test_number_phrase(phrase, value, unit, qualifier):
    parsed = parse_number(phrase)
    assert parsed is not None, phrase
    assert parsed["value"] == pytest.approx(value)
    assert parsed["unit"] == unit
    assert parsed["qualifier"] == qualifier


def test_ranges_keep_their_ends_and_non_numbers_are_refused():
    parsed = parse_number("between 200 and 300")
    assert (parsed["low"], parsed["high"]) == (200, 300)
    for text in ("am", "the", "police", "a", ""):
        assert parse_number(text) is None, text


def test_extraction_skips_ages_durations_years_and_phone_numbers():
    text = ("Keith Dawlish, 47, was jailed for 18 months in 2019. Police said to call 101. "
            "Figures from the Lantern Trust show 8,734 reports of suspected online grooming in 2019. "
            "He travelled thirty miles.")
    claims = extract_claims(pd.DataFrame({"doc_id": ["a"], "text": [text]}))
    assert claims["value_text"].tolist() == ["8,734"]
    row = claims.iloc[0]
    assert row["year"] == 2019 and row["source"] == "the Lantern Trust" and row["value"] == 8734
    assert text[row["value_start"] : row["value_end"]] == "8,734"
    assert row["what"].startswith("reports of suspected online grooming")


@pytest.mark.parametrize(("sentence", "source"), [
    ("According to the Home Office, there were 12,000 offences recorded in 2018.", "the Home Office"),
    ("Data published by Safe Harbour for Children revealed 4,100 calls during 2020.", "Safe Harbour for Children"),
    ("The National Online Crime Agency said 2,300 arrests were logged in 2021.", "the National Online Crime Agency"),
    ("There were 12,000 offences recorded in 2018.", ""),
])
def test_sources(sentence, source):
    claims = extract_claims(pd.DataFrame({"doc_id": ["a"], "text": [sentence]}))
    assert claims["source"].tolist() == [source]


@pytest.fixture(scope="module")
def teaching_claims():
    from presslens.corpus import load_labels, load_teaching
    from presslens.text import clean, clean_text

    corpus = clean(load_teaching(), progress=False).corpus
    found = extract_claims(corpus)
    labels = load_labels("claims")
    labels["key"] = labels["value_text"].map(lambda s: " ".join(clean_text(str(s)).text.split()))
    found["label"] = match_claims(found, labels)
    return corpus, found, labels


def test_claim_mentions_f1(teaching_claims):
    """Issue 6: mention-level F1 at least 0.85 against the planted claim mentions."""
    _, found, labels = teaching_claims
    scores = score_claims(found["label"], len(labels)).iloc[0]
    assert scores["f1"] >= 0.85, scores
    matched = found[found["label"] >= 0]
    assert (matched["value"].to_numpy() == pytest.approx(labels.loc[matched["label"], "value"].astype(float).to_numpy()))


def test_mutation_kinds(teaching_claims):
    """Issue 6: mutation kind correct for at least 80% of planted mutations."""
    corpus, found, labels = teaching_claims
    tracked = track_claims(found, corpus)
    tracked = tracked[tracked["label"] >= 0]
    truth = labels.loc[tracked["label"], "mutation"].map(MUTATION_NAMES).to_numpy()
    mutated = truth != "none"
    assert (tracked["mutation"].to_numpy()[mutated] == truth[mutated]).mean() >= 0.8
    assert (tracked["mutation"].to_numpy()[~mutated] == "none").mean() >= 0.8
    first = tracked.groupby("claim").head(1)
    assert (first["mutation"] == "none").all() and (first["order"] == 0).all()


@pytest.mark.parametrize("sentence, what", [
    ("Support reached 79 percent in Ohio (a poll found), Marlow (78 percent) and Ridgemont, the survey said.", {"", "in Ohio"}),
    ("Officials said 300 reports of online grooming were logged in 2021, according to the department.", {"reports of online grooming were logged"}),
    ("A survey found 45% of parents and the teachers worried, the charity said.", {"of parents and the teachers worried"}),
])
def test_the_what_of_a_figure_is_a_whole_phrase(sentence, what):
    from presslens.claims import claims_in_text

    found = claims_in_text(sentence)
    assert found, sentence
    for claim in found:
        text = claim["what"]
        assert not text or (text[0].isalnum() and len(text.split()[0]) > 1 or text.split()[0].lower() == "a"), text
        assert not text.endswith((" and", " the", " of", ")")), text
        assert text in sentence  # a span of the sentence: never cut inside a word
        if claim["sentence"].find(text) >= 0 and text:
            end = claim["sentence"].find(text) + len(text)
            assert end == len(claim["sentence"]) or not claim["sentence"][end].isalnum()
    assert {c["what"] for c in found} & what, [c["what"] for c in found]
