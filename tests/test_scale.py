"""presslens.scale: the Dask engine gives the pandas path's results on the teaching corpus.

One LocalCluster of two worker processes (one thread each, loopback only) serves the
module.  The teaching corpus is written as four JSON Lines partitions; the pandas path
loads the same files, so both engines see the same articles in the same order.
"""

from __future__ import annotations

import logging
import os
import signal
import threading
import time

import numpy as np
import pandas as pd
import pytest
from sklearn.metrics import adjusted_rand_score

from presslens import compare, frames, reuse, scale, timeline
from presslens.claims import extract_claims
from presslens.corpus import describe, load, load_teaching
from presslens.quotes import attribute, extract_quotes
from presslens.scale.cluster import cluster_in_memory
from presslens.text import clean

distributed = pytest.importorskip("distributed")

ROWS = 400  # four partitions of the 1,500 teaching articles


@pytest.fixture(scope="module")
def client():
    cluster = distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, host="127.0.0.1", dashboard_address=None,
                                       memory_limit="2GiB", silence_logs=logging.CRITICAL)
    client = distributed.Client(cluster)
    yield client
    client.close()
    cluster.close()


@pytest.fixture(scope="module")
def data(tmp_path_factory, client):
    folder = tmp_path_factory.mktemp("scale")
    scale.write_partitions(load_teaching(), folder / "parts", rows_per_partition=ROWS)
    loaded = load(folder / "parts").corpus
    cleaned = clean(loaded, progress=False).corpus
    prepared = scale.prepare(scale.read_corpus(folder / "parts", rows_per_partition=ROWS), folder / "prepared")
    return {"folder": folder, "loaded": loaded, "cleaned": cleaned, "prepared": prepared}


def _without_keys(frame: pd.DataFrame) -> pd.DataFrame:
    return frame.drop(columns=["partition", "row"]).reset_index(drop=True)


def test_read_corpus_gives_the_rows_load_keeps(data):
    articles = scale.read_corpus(data["folder"] / "parts", rows_per_partition=ROWS)
    assert articles.npartitions == 4
    computed = articles.compute()
    assert computed.groupby("partition").size().tolist() == [400, 400, 400, 300]
    assert (computed["row"].to_numpy() == np.concatenate([np.arange(400)] * 3 + [np.arange(300)])).all()
    expected = data["loaded"]
    pd.testing.assert_frame_equal(_without_keys(computed)[list(expected.columns)], expected, check_dtype=False)
    assert scale.read_quarantine(data["folder"] / "parts", rows_per_partition=ROWS).empty
    assert scale.duplicate_ids(articles).empty


def test_bad_lines_are_quarantined_not_dropped(tmp_path, client):
    corpus = load_teaching().head(50)
    scale.write_partitions(corpus, tmp_path, rows_per_partition=20)
    part = tmp_path / "articles" / "part-00001.jsonl"
    lines = part.read_text(encoding="utf-8").splitlines(keepends=True)
    lines[3] = '{"doc_id": "broken", "outlet": \n'
    lines[5] = lines[5].replace('"text": "', '"text": "   ", "old_text": "', 1)
    part.write_text("".join(lines), encoding="utf-8")
    kept = scale.read_corpus(tmp_path, rows_per_partition=7).compute()
    quarantined = scale.read_quarantine(tmp_path, rows_per_partition=7)
    assert len(kept) + len(quarantined) == 50
    assert sorted(quarantined["reason"].str.split(" ").str[0]) == ["empty", "line"]
    assert corpus["doc_id"].iloc[25] in set(quarantined["doc_id"])
    assert quarantined["row"].tolist() == [24, 26]  # records counted across the part files


def test_parquet_partitions_read_the_same(data, tmp_path):
    scale.write_partitions(data["loaded"], tmp_path, rows_per_partition=500, format="parquet")
    articles = scale.read_corpus(tmp_path, rows_per_partition=500)
    assert articles.npartitions == 3
    computed = _without_keys(articles.compute())
    pd.testing.assert_frame_equal(computed[["doc_id", "outlet", "published", "text"]], data["loaded"][["doc_id", "outlet", "published", "text"]], check_dtype=False)


def test_overview_counts_are_identical(data):
    ours, theirs = scale.describe(data["prepared"]), describe(data["cleaned"])
    for name in ("by_outlet", "by_year", "outlet_types", "lengths"):
        pd.testing.assert_frame_equal(ours[name], theirs[name], check_dtype=False)


def test_term_counts_by_outlet_type_and_keyness_are_identical(data):
    cleaned = data["cleaned"]
    counts = scale.term_counts(data["prepared"], "outlet_type")
    types = sorted(cleaned["outlet_type"].unique())
    assert list(counts.columns) == types
    assert counts.attrs["articles"] == cleaned["outlet_type"].value_counts().to_dict()
    terms, expected = compare.term_counts(cleaned, {t: (cleaned["outlet_type"] == t).to_numpy() for t in types})
    assert list(counts.index) == list(terms)
    for t in types:
        assert (counts[t].to_numpy() == expected[t]).all()
    ours = scale.keyness(None, "tabloid", "broadsheet", group="outlet_type", counts=counts)
    theirs = compare.keyness(cleaned, "tabloid", "broadsheet", group="outlet_type")
    assert len(theirs) > 1000
    pd.testing.assert_frame_equal(ours, theirs)
    rest = scale.keyness(None, ["tabloid", "mid-market"], group="outlet_type", counts=counts, measures=("g2", "log_ratio"), min_freq=10)
    pd.testing.assert_frame_equal(rest, compare.keyness(cleaned, ["tabloid", "mid-market"], group="outlet_type", measures=("g2", "log_ratio"), min_freq=10))
    words = scale.fightin_words(None, "tabloid", "broadsheet", group="outlet_type", counts=counts)
    pd.testing.assert_frame_equal(words, compare.fightin_words(cleaned, "tabloid", "broadsheet", group="outlet_type"))
    with pytest.raises(ValueError, match="no article has outlet_type"):
        scale.keyness(None, "magazine", group="outlet_type", counts=counts)


def test_near_duplicate_pairs_are_identical(data, tmp_path):
    ours = scale.near_duplicates(data["prepared"], workdir=tmp_path)
    theirs = reuse.near_duplicates(data["cleaned"])
    assert len(theirs) > 100
    pd.testing.assert_frame_equal(ours, theirs)
    either = scale.near_duplicates(data["prepared"], workdir=tmp_path, measure="either", threshold=0.7, shuffle_method="tasks")
    pd.testing.assert_frame_equal(either, reuse.near_duplicates(data["cleaned"], measure="either", threshold=0.7))


def test_volume_and_prevalence_are_identical(data):
    cleaned, prepared = data["cleaned"], data["prepared"]
    query = {"vigilantes": r"hunter|vigilante", "police": r"\bpolice\b"}
    pd.testing.assert_frame_equal(scale.volume(prepared, "M", group="outlet_type", query=query), timeline.volume(cleaned, "M", group="outlet_type", query=query))
    pd.testing.assert_frame_equal(scale.volume(prepared, "W"), timeline.volume(cleaned, "W"))
    ours = scale.prevalence(prepared[["outlet_type", "section"]], "outlet_type", category="section", n_boot=300)
    theirs = compare.prevalence(cleaned, "outlet_type", category="section", n_boot=300)
    pd.testing.assert_frame_equal(ours, theirs)
    counts_only = scale.prevalence(prepared[["outlet_type", "section"]], "outlet_type", category="section", n_boot=300, exact_limit=0)
    pd.testing.assert_frame_equal(counts_only[["group", "category", "share", "articles", "count"]], theirs[["group", "category", "share", "articles", "count"]],
                                  check_dtype=False)
    assert ((counts_only["lower"] <= counts_only["share"]) & (counts_only["share"] <= counts_only["upper"])).all()
    assert np.abs(counts_only["upper"] - theirs["upper"]).max() < 0.05  # the same bootstrap distribution, other draws


def test_clusterings_agree_between_engines(data, tmp_path):
    prepared, cleaned = data["prepared"], data["cleaned"]
    features = scale.hashed_features(prepared, tmp_path)
    result = scale.cluster_corpus(prepared, 7, workdir=tmp_path, features=features, sample_size=600)
    again = scale.cluster_corpus(prepared, 7, workdir=tmp_path / "again", features=features, sample_size=600)
    labels = result.assignments()
    assert labels["doc_id"].tolist() == cleaned["doc_id"].tolist()
    assert (labels["cluster"] == again.assignments()["cluster"]).all()  # deterministic
    reference = cluster_in_memory(cleaned, 7, sample_size=600)
    ari = adjusted_rand_score(reference, labels["cluster"])
    assert ari >= 0.95, ari
    assert result.summary["articles"].sum() == len(cleaned)
    assert (result.summary["articles"].to_numpy() == np.bincount(labels["cluster"])).all()
    assert result.summary["top_terms"].str.count(",").eq(7).all()
    typical = result.summary["typical_doc_ids"].str.split(" ").explode()
    assert set(typical) <= set(cleaned["doc_id"])
    # cluster labels in the same article's own cluster
    owner = dict(zip(labels["doc_id"], labels["cluster"], strict=True))
    for row in result.summary.itertuples():
        assert {owner[d] for d in row.typical_doc_ids.split(" ")} == {row.cluster}


def test_frames_quotes_and_claims_per_partition(data):
    prepared, cleaned = data["prepared"], data["cleaned"]
    dominant = scale.score_frames(prepared).compute().reset_index(drop=True)
    pd.testing.assert_frame_equal(dominant, frames.score_frames(cleaned).dominant, check_dtype=False)
    quotes = scale.extract_quotes(prepared).compute().reset_index(drop=True)
    pd.testing.assert_frame_equal(quotes[["doc_id", "start", "quote", "speaker", "role"]], attribute(extract_quotes(cleaned), cleaned)[["doc_id", "start", "quote", "speaker", "role"]],
                                  check_dtype=False)
    claims = scale.extract_claims(prepared).compute().reset_index(drop=True)
    pd.testing.assert_frame_equal(claims[["doc_id", "value_text", "value"]], extract_claims(cleaned)[["doc_id", "value_text", "value"]], check_dtype=False)


def test_a_worker_killed_mid_run_changes_nothing(data, client, tmp_path):
    expected = scale.near_duplicates(data["prepared"], workdir=tmp_path / "quiet")
    pids = client.run(os.getpid)
    killed: list[int] = []

    def kill_when_busy():
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline and not killed:
            for address, keys in client.processing().items():
                if any("signature_partition" in str(key) for key in keys):
                    os.kill(pids[address], signal.SIGKILL)
                    killed.append(pids[address])
                    return
            time.sleep(0.005)

    watcher = threading.Thread(target=kill_when_busy)
    watcher.start()
    disturbed = scale.near_duplicates(data["prepared"], workdir=tmp_path / "disturbed")
    watcher.join()
    assert killed, "no worker was killed while the MinHash tasks ran"
    pd.testing.assert_frame_equal(disturbed, expected)
    client.wait_for_workers(2, timeout=60)
    assert killed[0] not in set(client.run(os.getpid).values())  # the nanny started a new process


def test_session_connects_to_an_existing_cluster(data, client):
    address = client.scheduler.address
    with scale.session(address) as other:
        assert other.scheduler.address == address
        counts = scale.term_counts(data["prepared"], "outlet_type")
    assert int(counts["tabloid"].sum()) > 0
    client.as_current()
