"""presslens.topics (coherence against hand computation, recovery of planted topics) and
presslens.compare.prevalence (against direct computation)."""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
import pytest

from presslens.compare import prevalence
from presslens.topics import (
    coherence,
    compare_topic_numbers,
    fit_topics,
    topic_diversity,
    topic_prevalence,
)


def npmi(p_ab, p_a, p_b):
    return math.log(p_ab / (p_a * p_b)) / -math.log(p_ab)


def test_document_coherence_matches_hand_computation():
    docs = [["a", "b", "c"], ["a", "b"], ["a", "c"], ["d"]]
    got = coherence([["a", "b", "c"]], docs)["npmi"].iat[0]
    # P(a)=3/4 P(b)=2/4 P(c)=2/4 P(ab)=2/4 P(ac)=2/4 P(bc)=1/4
    expected = np.mean([npmi(2 / 4, 3 / 4, 2 / 4), npmi(2 / 4, 3 / 4, 2 / 4), npmi(1 / 4, 2 / 4, 2 / 4)])
    assert got == pytest.approx(expected, abs=1e-9)


def test_window_coherence_matches_hand_computation():
    docs = [["a", "x", "x", "b", "a"]]
    # windows of 2: [a x] [x x] [x b] [b a] -> P(a)=2/4 P(b)=2/4 P(ab)=1/4
    got = coherence([["a", "b"]], docs, window=2)["npmi"].iat[0]
    assert got == pytest.approx(npmi(1 / 4, 2 / 4, 2 / 4), abs=1e-9)
    assert coherence([["a", "b"]], [["a", "x", "x", "b"]], window=2)["npmi"].iat[0] == -1.0


def test_topic_diversity():
    assert topic_diversity([["a", "b"], ["c", "d"]]) == 1.0
    assert topic_diversity([["a", "b"], ["a", "b"]]) == 0.5


@pytest.fixture(scope="module")
def planted():
    rng = np.random.default_rng(1)
    vocabularies = {"courts": "jury verdict judge sentence trial barrister", "tech": "platform encryption moderation app accounts algorithm",
                    "schools": "parents teachers pupils classroom lessons helpline"}
    rows = []
    for topic, words in vocabularies.items():
        for i in range(40):
            rows.append({"doc_id": f"{topic}-{i}", "outlet": "X", "outlet_type": "tabloid" if i % 2 else "broadsheet", "topic": topic,
                         "published": pd.Timestamp(f"{2015 + i % 3}-01-01", tz="UTC"), "text": " ".join(rng.choice(words.split(), 30))})
    return pd.DataFrame(rows)


@pytest.mark.parametrize("method", ["nmf", "lda"])
def test_fit_topics_recovers_planted_topics(planted, method):
    model = fit_topics(planted, 3, method=method)
    shares = model.doc_topics[model.topic_columns].to_numpy()
    np.testing.assert_allclose(shares.sum(axis=1), 1.0, atol=1e-5)
    dominant = pd.Series(model.dominant())
    assert pd.crosstab(planted["topic"], dominant).to_numpy().max(axis=1).tolist() == [40, 40, 40]
    assert len(model.labels()) == 3 and model.top_words["rank"].max() == 15


def test_compare_topic_numbers(planted):
    table = compare_topic_numbers(planted, (3, 6), top_n=5, diversity_top_n=5).set_index("n_topics")
    # three topics: coherent (every pair co-occurs in a third of documents) and distinct
    assert table.loc[3, "npmi_document"] > 0.95
    assert table.loc[3, "diversity"] == 1.0
    # six topics must reuse the eighteen planted words: diversity falls
    assert table.loc[6, "diversity"] < table.loc[3, "diversity"]


def test_topic_prevalence_by_group(planted):
    model = fit_topics(planted, 3)
    table = topic_prevalence(model, planted, "year", n_boot=200)
    assert set(table["group"]) == {2015, 2016, 2017}
    assert (table["lower"] <= table["share"]).all() and (table["share"] <= table["upper"]).all()
    assert table.groupby("group")["share"].sum().round(3).eq(1.0).all()


def test_prevalence_categorical_against_direct_computation():
    rng = np.random.default_rng(3)
    table = pd.DataFrame({"group": rng.choice(["a", "b", "c"], 600), "frame": rng.choice(["x", "y", "z", "w"], 600)})
    result = prevalence(table, "group", category="frame", n_boot=300, random_state=1)
    direct = pd.crosstab(table["group"], table["frame"], normalize="index")
    for row in result.itertuples():
        assert row.share == pytest.approx(direct.loc[row.group, row.category], abs=1e-4)
        assert row.lower <= row.share <= row.upper
        assert row.count == ((table["group"] == row.group) & (table["frame"] == row.category)).sum()
    # the same seed gives the same intervals
    assert result.equals(prevalence(table, "group", category="frame", n_boot=300, random_state=1))
    # the interval narrows as the group grows (standard error ~ 1/sqrt(n))
    big = prevalence(pd.concat([table] * 9), "group", category="frame", n_boot=300, random_state=1)
    assert (big["upper"] - big["lower"]).mean() < 0.6 * (result["upper"] - result["lower"]).mean()


def test_prevalence_needs_one_kind_of_input():
    with pytest.raises(ValueError):
        prevalence(pd.DataFrame({"g": [1]}), "g")


def test_topic_stability_and_recommendation_on_planted_topics(planted):
    from presslens.cluster import EdgeOfRangeWarning
    from presslens.topics import recommend_topics

    table = compare_topic_numbers(planted, (2, 3, 4, 5), top_n=6, diversity_top_n=6, n_runs=3).set_index("n_topics")
    assert table.loc[3, "stability"] == 1.0  # the planted topics come back on every resample
    assert table.loc[5, "stability"] < table.loc[3, "stability"]
    n, reason = recommend_topics(table.reset_index())
    assert n == 3 and "Number of topics = 3" in reason
    with pytest.warns(EdgeOfRangeWarning):
        assert recommend_topics(table.reset_index().query("n_topics >= 3"))[0] == 3


def test_topic_numbering_is_canonical(planted):
    unequal = pd.concat([planted.query("topic == 'courts'"), planted.query("topic == 'tech'").head(30), planted.query("topic == 'schools'").head(20)],
                        ignore_index=True)
    shuffled = unequal.sample(frac=1, random_state=3).reset_index(drop=True)
    for corpus in (unequal, shuffled):
        model = fit_topics(corpus, 3)
        dominant = pd.crosstab(corpus["topic"].to_numpy(), model.dominant()).idxmax(axis=1)
        assert dominant.to_dict() == {"courts": 0, "tech": 1, "schools": 2}  # numbered by weight, largest first
        assert (np.diff(np.bincount(model.dominant(), minlength=3)) <= 0).all()


def test_recommend_topics_takes_the_best_quality_among_the_stable_numbers():
    """Issue 18: stability screens (within 0.10 of the best), coherence x diversity decides."""
    from presslens.cluster import EdgeOfRangeWarning
    from presslens.topics import recommend_topics

    table = pd.DataFrame({"n_topics": [2, 3, 4, 5, 6, 7], "stability": [0.96, 0.92, 0.88, 0.90, 0.88, 0.70],
                          "npmi_window": [0.21, 0.24, 0.22, 0.25, 0.24, 0.40], "diversity": [0.94, 0.91, 0.93, 0.92, 0.93, 0.90]})
    n, reason = recommend_topics(table)
    assert n == 5 and "Number of topics = 5" in reason and "quality" in reason  # 7 is the most coherent but not stable
    assert recommend_topics(table, tolerance=0.05)[0] == 3  # only 2 and 3 pass the screen
    with pytest.warns(EdgeOfRangeWarning):
        assert recommend_topics(table.query("n_topics <= 5").assign(npmi_window=[0.3, 0.2, 0.2, 0.2]))[0] == 2
