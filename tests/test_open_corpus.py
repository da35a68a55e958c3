"""The front door (issue 14): every way into a corpus gives the same table, one shape out."""

from __future__ import annotations

import warnings

import pandas as pd
import pytest

import presslens
from presslens.corpus import (
    Corpus,
    CorpusError,
    LoadResult,
    load,
    load_teaching,
    open_corpus,
    save,
    teaching_path,
)


@pytest.fixture(scope="module")
def small(tmp_path_factory):
    """200 teaching articles saved as JSON Lines and as CSV."""
    folder = tmp_path_factory.mktemp("small")
    corpus = load_teaching().head(200).drop(columns=["source_file", "source_format", "record_no"])
    save(corpus, folder / "articles.jsonl")
    table = corpus.assign(published=corpus["published"].dt.strftime("%Y-%m-%d"))
    table.to_csv(folder / "articles.csv", index=False)
    return folder, corpus


ANALYSED = ["doc_id", "outlet", "published", "headline", "text", "outlet_type"]


def test_front_door_is_exported_from_presslens_and_corpus():
    from presslens import corpus as package

    assert presslens.open_corpus is open_corpus and presslens.Corpus is Corpus
    assert package.open_corpus is open_corpus


def test_every_way_in_gives_the_same_articles(small):
    folder, corpus = small
    ways = {
        "jsonl file": open_corpus(folder / "articles.jsonl"),
        "folder": open_corpus(folder),
        "forced format": open_corpus(folder / "articles.jsonl", format="jsonl"),
        "csv": open_corpus(folder / "articles.csv", dayfirst=True),
        "dataframe": open_corpus(corpus),
        "load result": open_corpus(load(folder / "articles.jsonl")),
    }
    reference = ways["jsonl file"].articles[ANALYSED].reset_index(drop=True)
    assert len(reference) == 200
    for name, opened in ways.items():
        assert isinstance(opened, Corpus), name
        pd.testing.assert_frame_equal(opened.articles[ANALYSED].reset_index(drop=True), reference, check_dtype=False, obj=name)
        assert opened.mapping.equals(ways["jsonl file"].mapping), name
        assert int(opened.parse_report["expected"].sum()) == len(opened.articles) + len(opened.quarantine), name
    # the same names are replaced whichever way the corpus came in
    assert len(ways["dataframe"].mapping) > 0


def test_teaching_corpus_is_the_default_and_provenance_has_checksums():
    opened = open_corpus(pseudonymise=False)
    assert opened.note.startswith("1,500 articles (0 rows quarantined) from the teaching corpus.")
    files = set(opened.provenance["file"])
    assert {"datapackage.json", "articles.jsonl"} <= files
    assert opened.provenance["sha256"].str.fullmatch(r"[0-9a-f]{64}").all()
    assert opened.root == teaching_path()


def test_backwards_compatible_shape():
    opened = open_corpus(pseudonymise=False)
    articles, quarantine, parse_report, mapping, note = opened
    assert articles is opened.articles is opened.corpus and opened[4] == note
    assert list(parse_report.columns)[:4] == ["source_file", "expected", "parsed", "quarantined"] and "importer" in parse_report


def test_report_alias_is_deprecated():
    from presslens.report import open_corpus as old

    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        opened = old(None, pseudonymise=False)
    assert [w.category for w in caught] == [DeprecationWarning]
    assert len(opened.articles) == 1500


def test_constants_fill_a_missing_column_and_refuse_an_existing_one(small, tmp_path):
    folder, corpus = small
    path = tmp_path / "one_paper.csv"
    corpus.drop(columns=["outlet"]).assign(published=corpus["published"].dt.strftime("%Y-%m-%d")).to_csv(path, index=False)
    # without an outlet column the file's name is the outlet (issue 21), and the mapping says so
    assert set(open_corpus(path, pseudonymise=False).articles["outlet"]) == {"one_paper"}
    opened = open_corpus(path, constants={"outlet": "The Daily Example"}, pseudonymise=False)
    assert set(opened.articles["outlet"]) == {"The Daily Example"} and len(opened.articles) == 200
    assert load(path, constants={"outlet": "The Daily Example"}).corpus["outlet"].eq("The Daily Example").all()
    with pytest.raises(CorpusError, match="already has column|exist in the file"):
        open_corpus(folder / "articles.csv", constants={"outlet": "X"}, pseudonymise=False)


def test_a_dataframe_is_validated_into_kept_and_quarantined():
    table = pd.DataFrame({"doc_id": ["a", "a", "b"], "outlet": ["X"] * 3, "published": ["2024-03-01", "2024-03-02", "later"],
                          "headline": ["h"] * 3, "text": ["t"] * 3})
    opened = open_corpus(table, pseudonymise=False)
    assert opened.articles["doc_id"].tolist() == ["a"]
    assert sorted(opened.quarantine["reason"]) == ["duplicate doc_id (first seen in row 1)", "unparsable date 'later'"]
    assert opened.provenance.empty and opened.parse_report["expected"].tolist() == [3]


def test_dask_engine_needs_an_explicit_choice_about_names_and_gives_the_same_rows():
    pytest.importorskip("dask.dataframe")
    with pytest.raises(ValueError, match="pseudonymise=False"):
        open_corpus(engine="dask")
    with pytest.raises(ValueError, match="engine"):
        open_corpus(engine="spark")
    opened = open_corpus(engine="dask", pseudonymise=False, rows_per_partition=600)
    assert opened.engine == "dask" and opened.articles.npartitions >= 2
    pandas = open_corpus(pseudonymise=False).articles
    computed = opened.articles.compute()
    assert sorted(computed["doc_id"]) == sorted(pandas["doc_id"])
    assert int(opened.parse_report["parsed"].sum()) == len(pandas) and len(opened.quarantine) == 0


def test_load_result_input_keeps_its_quarantine():
    corpus = load_teaching().head(10)
    quarantine = pd.DataFrame({"source_file": ["x.csv"], "row": [11], "doc_id": [""], "reason": ["empty text"]})
    opened = open_corpus(LoadResult(corpus, quarantine), pseudonymise=False)
    assert len(opened.quarantine) == 1 and opened.parse_report["expected"].tolist() == [11]
