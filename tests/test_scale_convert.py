"""The Dask engine reads any corpus the pandas path opens: a CSV is converted to parts once."""

from __future__ import annotations

import pandas as pd
import pytest

from presslens import open_corpus, scale
from presslens.corpus import ensure_partitioned

ROWS = [
    ("c1", "The Example Post", "2023-01-05", "Police warn online groups", "Officers asked members of the public to report concerns to the force."),
    ("c2", "Daily Example", "2023-01-06", "Court hears sting case", "A man appeared before magistrates after a group filmed a meeting."),
    ("c3", "The Example Post", "not a date", "Undated story", "This row has no usable date and is quarantined."),
    ("c4", "Daily Example", "2023-02-01", "Council reviews safety", "The council said it would review its online safety advice."),
    ("c5", "Fenland Echo", "2023-03-09", "Charity welcomes guidance", "A children's charity welcomed new guidance for parents."),
]


@pytest.fixture
def csv_corpus(tmp_path):
    path = tmp_path / "articles.csv"
    pd.DataFrame(ROWS, columns=["doc_id", "outlet", "published", "headline", "text"]).to_csv(path, index=False)
    return path


def test_a_csv_is_converted_and_nothing_is_lost(csv_corpus, tmp_path):
    result = ensure_partitioned(csv_corpus, tmp_path / "parts", rows_per_partition=2)
    assert result.converted and result.path.name == "datapackage.json"
    report = result.report
    assert int(report["expected"].sum()) == 5
    assert int(report["expected"].sum()) == int(report["parsed"].sum()) + int(report["quarantined"].sum())
    quarantine = pd.read_csv(result.path.parent / "quarantine.csv")
    assert quarantine["doc_id"].tolist() == ["c3"]
    articles = scale.read_corpus(result.path, rows_per_partition=2)
    assert articles.npartitions == 2
    read = articles.compute().sort_values("doc_id")
    expected = open_corpus(csv_corpus, pseudonymise=False).articles.sort_values("doc_id")
    assert read["doc_id"].tolist() == expected["doc_id"].tolist() == ["c1", "c2", "c4", "c5"]
    assert read["text"].tolist() == expected["text"].tolist()
    assert (read["published"].dt.strftime("%Y-%m-%d").tolist() == expected["published"].dt.strftime("%Y-%m-%d").tolist())


def test_outlets_are_joined_while_converting(csv_corpus, tmp_path):
    outlets = pd.DataFrame({"outlet": ["The Example Post", "Daily Example"], "outlet_type": ["broadsheet", "tabloid"]})
    result = ensure_partitioned(csv_corpus, tmp_path / "parts", outlets=outlets)
    read = scale.read_corpus(result.path).compute().set_index("doc_id")
    assert read.loc["c1", "outlet_type"] == "broadsheet"
    assert read.loc["c2", "outlet_type"] == "tabloid"
    assert read.loc["c5", "outlet_type"] == "(not in outlet table)"


def test_a_corpus_in_parts_is_not_rewritten(csv_corpus, tmp_path):
    first = ensure_partitioned(csv_corpus, tmp_path / "parts")
    again = ensure_partitioned(first.path, tmp_path / "elsewhere")
    assert not again.converted and again.path == first.path
    assert not (tmp_path / "elsewhere").exists()
    assert "as it is" in str(again) and "1 quarantined" in str(first)


def test_a_missing_file_says_so(tmp_path):
    with pytest.raises(Exception, match="missing.csv"):
        ensure_partitioned(tmp_path / "missing.csv", tmp_path / "parts")


def test_outlets_join_a_corpus_already_in_parts(csv_corpus, tmp_path):
    from presslens.corpus import join_outlets

    parts = ensure_partitioned(csv_corpus, tmp_path / "parts").path
    outlets = tmp_path / "outlets.csv"
    pd.DataFrame({"outlet": ["Daily Example"], "outlet_type": ["tabloid"]}).to_csv(outlets, index=False)
    articles = scale.read_corpus(parts).map_partitions(join_outlets, outlets)
    read = articles.compute().set_index("doc_id")
    assert read.loc["c2", "outlet_type"] == "tabloid" and read.loc["c1", "outlet_type"] == "(not in outlet table)"
