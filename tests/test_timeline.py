"""presslens.timeline: volume tables, Kleinberg bursts on planted streams, event recovery."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from presslens import timeline


def corpus_from(dates, texts=None, groups=None):
    n = len(dates)
    return pd.DataFrame({
        "doc_id": [f"d{i}" for i in range(n)],
        "outlet": "X",
        "outlet_type": groups if groups is not None else ["tabloid"] * n,
        "published": pd.to_datetime(dates, utc=True),
        "headline": ["h"] * n,
        "text": texts if texts is not None else ["police"] * n,
    })


def test_volume_counts_every_period_and_keeps_raw_counts():
    corpus = corpus_from(["2020-01-01", "2020-01-02", "2020-03-05", "2020-03-06"], ["hunters sting", "court", "hunters", "police"], ["tabloid", "broadsheet", "tabloid", "tabloid"])
    table = timeline.volume(corpus, "M", group="outlet_type", query={"hunters": "hunter"})
    tabloid = table[table["group"] == "tabloid"].set_index("period")
    assert list(tabloid.index.strftime("%Y-%m")) == ["2020-01", "2020-02", "2020-03"]
    assert tabloid["matching"].tolist() == [1, 0, 1] and tabloid["total"].tolist() == [1, 0, 2]
    assert tabloid["share"].iloc[2] == 0.5 and np.isnan(tabloid["share"].iloc[1])
    everything = timeline.volume(corpus, "M")
    assert everything["total"].sum() == 4 and (everything["query"] == "all").all()


def test_batched_bursts_recover_a_planted_burst():
    rng = np.random.default_rng(0)
    total = rng.integers(80, 120, 200)
    rate = np.full(200, 0.05)
    rate[120:135] = 0.25  # planted burst
    matching = rng.binomial(total, rate)
    states, _ = timeline.kleinberg_batched(matching, total, s=2, gamma=1, levels=2)
    burst_days = np.flatnonzero(states >= 1)
    assert burst_days.min() >= 118 and burst_days.max() <= 137
    assert len(set(range(122, 133)) - set(burst_days)) == 0


def test_stream_bursts_recover_a_planted_burst():
    rng = np.random.default_rng(1)
    quiet = np.cumsum(rng.exponential(1.0, 300))
    burst = quiet[150] + np.cumsum(rng.exponential(0.1, 60))
    times = np.sort(np.concatenate([quiet, burst]))
    states, _ = timeline.kleinberg_stream(times, s=2, gamma=1, levels=3)
    in_burst = times[1:][states >= 2]
    assert in_burst.min() >= quiet[145] and in_burst.max() <= burst[-1] + 2


def test_bursts_on_a_corpus_and_the_batched_form_needs_a_query():
    days = list(pd.date_range("2020-01-01", periods=100, freq="D"))
    dates = [d for d in days for _ in range(3)] + [days[60]] * 30
    texts = ["local council news"] * 300 + ["hunters sting outside a supermarket"] * 30
    corpus = corpus_from(dates, texts)
    found = timeline.bursts(corpus, query="hunters|sting", kind="batched")
    assert len(found) and (found["start"] <= days[60]).all() and (found["end"] >= days[60]).all()
    assert found["articles"].max() == 30
    volume_bursts = timeline.bursts(corpus, kind="stream")
    assert len(volume_bursts) and volume_bursts["start"].min() <= days[60] <= volume_bursts["end"].max()
    with pytest.raises(ValueError, match="needs a query"):
        timeline.bursts(corpus)


def test_planted_major_events_are_found_as_bursts():
    """Issue 4: at least 90% of planted major events found as bursts within 14 days of their
    date; no more than 20% of reported bursts match no planted event."""
    from presslens.corpus import load_labels, load_teaching

    corpus = load_teaching()
    events = load_labels("events").assign(date=lambda t: pd.to_datetime(t["date"]))
    found = timeline.bursts(corpus, kind="stream", s=2, gamma=1, levels=3)
    sharp = found[found["level"] >= 2]
    window = pd.Timedelta(days=14)
    major = events[events["major"].astype(str).str.lower() == "true"]
    detected = major["date"].apply(lambda d: ((sharp["start"] - d).abs() <= window).any())
    assert detected.mean() >= 0.9, detected.mean()
    matched = sharp.apply(lambda b: ((events["date"] <= b["end"]) & (events["date"] + window >= b["start"])).any(), axis=1)
    assert 1 - matched.mean() <= 0.2
    headlines = timeline.burst_headlines(corpus, sharp.head(2))
    assert len(headlines) == 6


def test_shares_over_time_pool_neighbouring_periods():
    dates = [f"{y}-06-01" for y in range(2015, 2020) for _ in range(20)]
    frames = [("a" if (i % 4) < (y - 2014) else "b") for y in range(2015, 2020) for i in range(20)]
    table = pd.DataFrame({"published": pd.to_datetime(dates, utc=True), "frame": frames})
    raw = timeline.shares_over_time(table, category="frame", freq="Y", n_boot=200)
    pooled = timeline.shares_over_time(table, category="frame", freq="Y", window=1, n_boot=200)
    a_raw = raw[raw["category"] == "a"].set_index("group")["share"]
    a_pooled = pooled[pooled["category"] == "a"].set_index("group")["share"]
    assert a_raw.loc[pd.Timestamp("2016-01-01")] == 0.5
    assert a_pooled.loc[pd.Timestamp("2016-01-01")] == pytest.approx((0.25 + 0.5 + 0.75) / 3)
    assert (pooled["articles"].iloc[0] == 40) and (pooled.groupby("group")["articles"].first().max() == 60)


def test_volume_old_argument_name_still_works_with_a_warning():
    corpus = pd.DataFrame({"published": pd.to_datetime(["2020-01-03", "2020-02-09"], utc=True),
                           "outlet_type": ["tabloid", "broadsheet"], "text": ["a", "b"]})
    with pytest.warns(DeprecationWarning, match=r"volume\(by=\.\.\.\) is deprecated.*use group=\.\.\. instead"):
        old = timeline.volume(corpus, "M", by="outlet_type")
    pd.testing.assert_frame_equal(old, timeline.volume(corpus, "M", group="outlet_type"))
