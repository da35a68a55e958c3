"""presslens.frames and presslens.tone: matching rules, auditability, validation and
agreement against independent computations, and recovery of planted frames and tone."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from presslens import frames, tone

TOY = {
    "name": "toy", "version": "0", "citation": "",
    "exclusions": ["bargain hunters"],
    "dimensions": {"d": {"frames": {
        "heroes": {"terms": ["brave", "hunters", "brought to justice", "hero*"]},
        "courts": {"terms": ["court", "crown court", "jury"]},
    }}},
}


def corpus_of(*texts):
    return pd.DataFrame({"doc_id": [f"d{i}" for i in range(len(texts))], "headline": "", "text": list(texts)})


def test_matching_phrases_wildcards_exclusions_and_audit_trail():
    corpus = corpus_of("Brave hunters brought to justice a man at Leeds Crown Court, heroically.", "Bargain hunters queued at the jury-free court.")
    scores, dominant = frames.score_frames(corpus, dictionary=TOY, weighting="count")
    first = scores[scores["doc_id"] == "d0"].set_index("frame")
    assert first.loc["heroes", "matches"] == 4  # brave, hunters, brought to justice, heroically
    assert first.loc["heroes", "terms"] == "brave\u00d71; brought to justice\u00d71; hero*\u00d71; hunters\u00d71"
    assert first.loc["courts", "matches"] == 1 and first.loc["courts", "terms"] == "crown court\u00d71", "longest match first"
    words = len("Brave hunters brought to justice a man at Leeds Crown Court, heroically.".split())
    assert first.loc["heroes", "per_1000_words"] == pytest.approx(1000 * 4 / words, abs=1e-3)
    second = scores[scores["doc_id"] == "d1"].set_index("frame")
    assert second.loc["heroes", "matches"] == 0, "'bargain hunters' is excluded"
    assert second.loc["courts", "matches"] == 1, "'jury-free' is not 'jury'"
    assert dominant.set_index("doc_id").loc["d0", "dominant_frame"] == "heroes"


def test_tie_rule_and_no_match():
    corpus = corpus_of("brave court", "jury brave hunters court crown", "nothing relevant here")
    _, dominant = frames.score_frames(corpus, dictionary=TOY, weighting="count")
    result = dominant.set_index("doc_id")["dominant_frame"]
    assert result["d0"] == "heroes", "equal rates and terms: the frame listed first wins"
    assert result["d1"] == "heroes" and result["d2"] == frames.NO_FRAME


def test_idf_weighting_discounts_ubiquitous_terms():
    corpus = corpus_of("court brave", "court jury", "court hunters", "court")
    scores, _ = frames.score_frames(corpus, dictionary=TOY, weighting="idf")
    d1 = scores[scores["doc_id"] == "d1"].set_index("frame")
    assert d1.loc["courts", "score"] == pytest.approx(np.log(4 / 1), abs=1e-4), "'court' is in every article: weight 0; 'jury' in one: log 4"


def test_default_dictionary_is_organised_under_policy_frames_dimensions():
    dictionary = frames.load_dictionary()
    assert set(dictionary.order) == {"vigilante_justice", "vigilante_risk", "police_capacity", "legal_process", "tech_responsibility", "child_safeguarding", "scale_of_threat"}
    assert {f["dimension"] for f in dictionary.frames.values()} >= {"crime_and_punishment", "legality", "health_and_safety", "capacity_and_resources"}
    assert dictionary.version and "Boydstun" in dictionary.citation
    assert any(" " in t for t in dictionary.table()["term"])


def test_validate_frames_against_sklearn():
    from sklearn.metrics import f1_score

    truth = ["a", "a", "b", "b", "c", None]
    predicted = ["a", "b", "b", "b", "a", "c"]
    result = frames.validate_frames(predicted, truth)
    assert result["summary"]["n"].iat[0] == 5
    assert result["summary"]["macro_f1"].iat[0] == pytest.approx(round(f1_score(truth[:5], predicted[:5], average="macro"), 4))
    assert result["confusion"].loc["a", "b"] == 1


def test_agreement_against_hand_computation():
    a = ["x", "x", "y", "y", "x", "y", "x", "x"]
    b = ["x", "y", "y", "y", "x", "y", "x", "y"]
    result = frames.agreement(a, b).iloc[0]
    observed = 6 / 8
    expected = (5 / 8) * (3 / 8) + (3 / 8) * (5 / 8)
    assert result["agreement"] == observed
    assert result["cohens_kappa"] == pytest.approx((observed - expected) / (1 - expected), abs=1e-4)
    # Krippendorff's alpha (nominal) from the coincidence matrix: 16 pairable values
    n_x, n_y = 8, 8
    disagreements = 2 * 2  # two disagreeing units, each giving two ordered pairs
    alpha = 1 - (16 - 1) * disagreements / (2 * n_x * n_y)
    assert result["krippendorffs_alpha"] == pytest.approx(alpha, abs=1e-4)


def test_coding_sample_is_blind_and_reproducible(tmp_path):
    from presslens.corpus import load_teaching

    corpus = load_teaching()
    sheet = frames.coding_sample(corpus, 20, path=tmp_path / "sheet.csv")
    again = frames.coding_sample(corpus, 20)
    assert sheet["doc_id"].tolist() == again["doc_id"].tolist()
    assert "dominant_frame" not in sheet and (sheet["coder_frame"] == "").all()
    assert pd.read_csv(tmp_path / "sheet.csv").shape[0] == 20


@pytest.fixture(scope="module")
def teaching():
    from presslens.corpus import load_labels, load_teaching
    from presslens.text import clean

    corpus = clean(load_teaching(), progress=False).corpus
    labels = load_labels("articles").set_index("doc_id").loc[corpus["doc_id"]].reset_index()
    return corpus, labels


def test_dominant_frame_macro_f1_on_planted_frames(teaching):
    """Issue 5: dominant-frame macro-F1 against the planted primary frame at least 0.65,
    every score traceable to matched terms."""
    corpus, labels = teaching
    scores, dominant = frames.score_frames(corpus)
    on_topic = labels["off_topic"].astype(str).str.lower() != "true"
    result = frames.validate_frames(dominant["dominant_frame"][on_topic], labels["primary_frame"][on_topic])
    assert result["summary"]["macro_f1"].iat[0] >= 0.65, result["per_frame"]
    present = scores[scores["matches"] > 0]
    assert (present["terms"].str.len() > 0).all() and (scores.loc[scores["matches"] == 0, "terms"] == "").all()


def test_tabloids_are_warmer_toward_hunter_groups(teaching):
    """Issue 5: the planted direction (tabloids warmer toward hunter groups than
    broadsheets) is recovered with an interval that excludes zero."""
    corpus, _ = teaching
    scores = tone.actor_tone(corpus)
    difference = tone.tone_difference(scores, corpus, "vigilantes", "tabloid", "broadsheet").iloc[0]
    assert difference["lower"] > 0, difference
    by_group = tone.tone_by_group(scores, corpus, n_boot=200)
    assert ((by_group["lower"] <= by_group["tone"]) & (by_group["tone"] <= by_group["upper"])).all()


def test_sentence_tone_and_actor_matching():
    corpus = corpus_of("The brave volunteers were praised. Police were criticised. The weather was fine.")
    found = tone.actor_sentences(corpus, organisations=False)
    assert set(found["actor"]) == {"vigilantes", "police"}
    assert found.set_index("actor").loc["vigilantes", "tone"] > 0 > found.set_index("actor").loc["police", "tone"]
