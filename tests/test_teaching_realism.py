"""The teaching corpus meets the realism figures its datasheet reports (issue thresholds)."""

from __future__ import annotations

import pytest

from presslens.corpus import load_labels, load_teaching, teaching_path
from presslens.simulate.realism import realism


@pytest.fixture(scope="module")
def figures():
    return realism(teaching_path())


def test_vocabulary_is_rich(figures):
    assert figures["word_types"] >= 8000


def test_articles_are_not_near_copies_outside_planted_reuse(figures):
    assert figures["shared_5gram_median"] <= 0.25


def test_structure_is_learnable_but_not_trivial(figures):
    assert 0.30 <= figures["baseline_nmi"] <= 0.75


def test_sentence_lengths_differ_by_outlet_type(figures):
    assert figures["kruskal_wallis_p"] < 1e-6
    medians = figures["sentence_length_by_outlet_type"]["mean"]
    assert medians["tabloid"] < medians["broadsheet"] - 1.0


def test_planted_world_size():
    corpus = load_teaching()
    events = load_labels("events")
    articles = load_labels("articles")
    assert 1400 <= len(corpus) <= 1600
    assert corpus["outlet"].nunique() >= 12
    assert len(events) >= 60 and events["event_type"].nunique() >= 12
    assert articles["primary_frame"].nunique() == 7
    off_topic = (articles["off_topic"].astype(str).str.lower() == "true").mean()
    assert 0.06 <= off_topic <= 0.10
    assert (articles["story"] == "wire_copy").sum() >= 50
    assert (articles["story"] == "duplicate").sum() >= 10
