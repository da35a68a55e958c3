"""The simulator: determinism, label consistency, the committed teaching corpus, the banks."""

from __future__ import annotations

import filecmp
import json
from pathlib import Path

import pandas as pd
import pytest

from presslens.corpus import load, load_labels
from presslens.simulate import TEACHING_N, TEACHING_SEED, simulate
from presslens.simulate.banks import check_banks, load_banks
from presslens.simulate.world import FRAMES, OUTLETS, ROLES, TABLOID_WORDS

ROOT = Path(__file__).resolve().parents[1]
TEACHING = ROOT / "corpus" / "teaching"


@pytest.fixture(scope="module")
def small(tmp_path_factory):
    out = tmp_path_factory.mktemp("sim")
    counts = simulate(400, random_state=7, out=out, progress=False)
    corpus, quarantine = load(out)
    labels = {name: load_labels(name, out) for name in ("articles", "quotes", "claims", "events", "persons", "statistics")}
    return out, counts, corpus, quarantine, labels


def test_counts_and_contract(small):
    out, counts, corpus, quarantine, labels = small
    assert counts["articles"] == len(corpus) == 400
    assert len(quarantine) == 0
    assert corpus["doc_id"].is_unique
    assert set(corpus["outlet"]) <= {o.name for o in OUTLETS}
    assert corpus["published"].min() >= pd.Timestamp("2013-01-01", tz="UTC")
    assert corpus["published"].max() <= pd.Timestamp("2024-12-31", tz="UTC")
    assert labels["articles"]["doc_id"].tolist() == corpus["doc_id"].tolist()


def test_same_seed_same_bytes_other_seed_differs(small, tmp_path):
    out = small[0]
    simulate(400, random_state=7, out=tmp_path / "again", progress=False)
    simulate(400, random_state=8, out=tmp_path / "other", progress=False)
    files = ["articles.jsonl", "datapackage.json"] + [f"labels/{p.name}" for p in (out / "labels").iterdir()]
    for name in files:
        assert (out / name).read_bytes() == (tmp_path / "again" / name).read_bytes(), name
    assert (out / "articles.jsonl").read_bytes() != (tmp_path / "other" / "articles.jsonl").read_bytes()


def test_quote_spans_point_at_the_quoted_words(small):
    _, _, corpus, _, labels = small
    texts = corpus.set_index("doc_id")["text"]
    quotes = labels["quotes"]
    assert len(quotes) > 400
    for row in quotes.itertuples():
        text = texts[row.doc_id]
        assert text[row.start : row.end] == row.text
        before, after = text[row.start - 1], text[row.end : row.end + 1]
        # an opening mark before, a closing mark after (or their HTML-entity / mojibake forms)
        assert before in ('"', "\u201c", ";", "\u0153"), (row.doc_id, before)
        assert after in ("", "\n", '"', "\u201d", "&", "\u00e2") or row.part == 1, (row.doc_id, after)
    assert set(quotes["role"]) <= set(ROLES)
    assert {"said", "told", "added", "according to", "dash", "preceding sentence"} <= set(quotes["cue"])
    # multi-part quotes: middle attributions and quotes running over two paragraphs
    assert (quotes["part"] == 2).sum() > 20


def test_claim_spans_and_mutations(small):
    _, _, corpus, _, labels = small
    texts = corpus.set_index("doc_id")["text"]
    claims = labels["claims"]
    assert len(claims) > 50
    for row in claims.itertuples():
        text = texts[row.doc_id]
        assert text[row.start : row.end] == text[row.start : row.end].strip()
        assert text[row.value_start : row.value_end] == row.value_text
        assert row.start <= row.value_start < row.value_end <= row.end
        if row.mutation == "none":
            assert row.value == row.true_value and row.year == row.true_year and row.source == row.true_source
        if row.mutation == "wrong_year":
            assert row.year != row.true_year
        if row.mutation == "unattributed":
            assert pd.isna(row.source) or row.source == ""
        if row.mutation == "misattributed":
            assert row.source != row.true_source
    # the first mention of every statistic is correct
    first = claims.drop_duplicates("claim_id")
    assert (first["mutation"] == "none").all()
    assert claims["mutation"].nunique() >= 4


def test_wire_copies_and_duplicates(small):
    _, _, corpus, _, labels = small
    articles = labels["articles"].set_index("doc_id")
    texts = corpus.set_index("doc_id")["text"]
    copies = articles[articles["story"] == "wire_copy"]
    assert len(copies) >= 15
    for _, row in copies.iterrows():
        source = articles.loc[row["wire_source"]]
        assert source["outlet"] == "Britannia Press Agency"
        assert row["outlet"] != "Britannia Press Agency"
        assert row["published"] >= source["published"]
    duplicates = articles[articles["story"] == "duplicate"]
    assert len(duplicates) >= 3
    for doc_id, row in duplicates.iterrows():
        assert texts[doc_id] == texts[row["duplicate_of"]]


def test_off_topic_share_and_frames(small):
    articles = small[4]["articles"]
    off = articles["off_topic"].astype(str).str.lower() == "true"
    assert 0.05 <= off.mean() <= 0.11
    assert set(articles.loc[~off, "primary_frame"]) == set(FRAMES)
    assert articles.loc[off, "primary_frame"].isna().all()


def test_private_people_are_labelled(small):
    _, _, corpus, _, labels = small
    persons = labels["persons"]
    private = persons[persons["public"].astype(str).str.lower() == "false"]
    assert len(private) > 100
    text = "\n".join(corpus["text"])
    quoted_private = labels["quotes"].merge(private, on="person_id")
    assert len(quoted_private) > 0
    # every quoted person is in the persons table, with the same name
    merged = labels["quotes"].merge(persons, on="person_id", suffixes=("", "_person"))
    assert len(merged) == len(labels["quotes"])
    assert (merged["speaker"] == merged["name"]).all()
    assert any(name in text for name in private["name"].head(200))


def test_tabloid_register_is_planted(small):
    _, _, corpus, _, labels = small
    words = r"\b(" + "|".join(TABLOID_WORDS) + r")\b"
    rate = corpus["text"].str.lower().str.count(words) / corpus["text"].str.split().str.len()
    by_type = rate.groupby(corpus["outlet_type"]).mean()
    assert by_type["tabloid"] > 3 * by_type["broadsheet"]


def test_events_have_bursts(small):
    _, _, corpus, _, labels = small
    events = labels["events"]
    assert events["event_type"].nunique() >= 8
    articles = labels["articles"].merge(events[["event_id", "date"]], on="event_id")
    lag = (pd.to_datetime(articles["published"]) - pd.to_datetime(articles["date"])).dt.days
    assert lag.min() >= 0 and lag.quantile(0.9) <= 7


def test_multipart_output_loads_as_one_corpus(tmp_path):
    counts = simulate(250, random_state=3, out=tmp_path, chunk_size=100, progress=False)
    assert counts["parts"] == 3
    package = json.loads((tmp_path / "datapackage.json").read_text())
    assert package["resources"][0]["path"] == [f"articles/part-{i:05d}.jsonl" for i in range(3)]
    corpus, quarantine = load(tmp_path)
    assert len(corpus) == 250 and len(quarantine) == 0
    assert corpus["record_no"].tolist() == list(range(1, 251))
    assert corpus["source_file"].iloc[0] == "part-00000.jsonl" and corpus["source_file"].iloc[-1] == "part-00002.jsonl"


def test_banks_are_clean_and_large_enough():
    assert check_banks() == []
    banks = load_banks()
    for frame in FRAMES:
        assert len(banks.frames[frame]["paragraphs"]) >= 50
        assert len(banks.frames[frame]["tabloid"]) >= 15 and len(banks.frames[frame]["broadsheet"]) >= 15
    for role in ROLES:
        for frame in FRAMES:
            assert len(banks.quotes[role][frame]) >= 10, (role, frame)
    assert len(banks.events) == 14
    for sections in banks.events.values():
        assert len(sections["headlines_tabloid"]) >= 5 and len(sections["headlines_plain"]) >= 5


def test_committed_teaching_corpus_regenerates_exactly(tmp_path):
    simulate(TEACHING_N, random_state=TEACHING_SEED, out=tmp_path, progress=False)
    committed = sorted(p.relative_to(TEACHING) for p in TEACHING.rglob("*") if p.is_file() and p.suffix in (".jsonl", ".csv", ".json"))
    assert Path("articles.jsonl") in committed and Path("labels/quotes.csv") in committed
    for relative in committed:
        assert filecmp.cmp(TEACHING / relative, tmp_path / relative, shallow=False), f"{relative} differs: run `make teaching`"


def test_simulate_old_seed_argument_still_works_with_a_warning(tmp_path):
    with pytest.warns(DeprecationWarning, match=r"simulate\(seed=\.\.\.\) is deprecated.*random_state"):
        simulate(30, seed=5, out=tmp_path / "old", progress=False)
    simulate(30, random_state=5, out=tmp_path / "new", progress=False)
    assert (tmp_path / "old" / "articles.jsonl").read_bytes() == (tmp_path / "new" / "articles.jsonl").read_bytes()
