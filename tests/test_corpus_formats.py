"""Round trips through every supported format, column mapping, saving and describing."""

from __future__ import annotations

import json

import pandas as pd
import pytest

from presslens.corpus import describe, load, parse_dates, save, validate


@pytest.fixture
def table():
    return pd.DataFrame(
        {
            "doc_id": ["a1", "a2", "a3", "a4"],
            "outlet": ["The Daily Blaze", "The Albion Times", "The Daily Blaze", "The Severnside Star"],
            "outlet_type": ["tabloid", "broadsheet", "tabloid", "regional"],
            "published": pd.to_datetime(["2016-05-01", "2017-06-02", "2017-07-03", "2019-08-04"], utc=True),
            "headline": ["One", "Two", "Three", "Four"],
            "text": ["a b c", "d e f g", "h i", "j k l m n"],
        }
    )


@pytest.mark.parametrize("name", ["corpus.jsonl", "corpus.jsonl.gz", "corpus.parquet"])
def test_save_and_load_round_trip(tmp_path, table, name):
    descriptor = save(table, tmp_path / name)
    assert descriptor.name == "datapackage.json"
    package = json.loads(descriptor.read_text())
    fields = {f["name"]: f["type"] for f in package["resources"][0]["schema"]["fields"]}
    assert fields["published"] == "date" and fields["doc_id"] == "string"
    for source in (tmp_path / name, descriptor, tmp_path):
        corpus, quarantine = load(source)
        assert len(quarantine) == 0
        assert corpus["doc_id"].tolist() == table["doc_id"].tolist()
        assert corpus["published"].tolist() == table["published"].tolist()
        assert corpus["outlet_type"].tolist() == table["outlet_type"].tolist()


def test_jsonl_gz_is_byte_stable(tmp_path, table):
    save(table, tmp_path / "one" / "c.jsonl.gz")
    save(table, tmp_path / "two" / "c.jsonl.gz")
    assert (tmp_path / "one" / "c.jsonl.gz").read_bytes() == (tmp_path / "two" / "c.jsonl.gz").read_bytes()


def test_csv_and_tsv_with_column_mapping(tmp_path, table):
    renamed = table.rename(columns={"headline": "title", "published": "date", "doc_id": "id"})
    renamed["date"] = ["1 May 2016", "2 June 2017", "3 July 2017", "4 August 2019"]
    renamed.to_csv(tmp_path / "mine.csv", index=False)
    renamed.to_csv(tmp_path / "mine.tsv", index=False, sep="\t")
    for name in ("mine.csv", "mine.tsv"):
        corpus, quarantine = load(tmp_path / name, columns={"title": "headline", "date": "published", "id": "doc_id"})
        assert len(quarantine) == 0
        assert corpus["headline"].tolist() == ["One", "Two", "Three", "Four"]
        assert corpus["published"].dt.strftime("%Y-%m-%d").tolist() == ["2016-05-01", "2017-06-02", "2017-07-03", "2019-08-04"]


def test_save_refuses_duplicates_and_missing_columns(tmp_path, table):
    from presslens.corpus import CorpusError

    with pytest.raises(CorpusError, match="not unique"):
        save(pd.concat([table, table.iloc[:1]]), tmp_path / "x.jsonl")
    with pytest.raises(CorpusError, match="headline"):
        save(table.drop(columns="headline"), tmp_path / "x.jsonl")
    with pytest.raises(CorpusError, match="cannot save"):
        save(table, tmp_path / "x.xlsx")


def test_parse_dates_formats():
    parsed = parse_dates(pd.Series(["2026-11-28", "28 November 2026", "November 28, 2026", "28/11/2026", "2026-11-28T10:00:00Z", None, "soon"]))
    assert parsed.iloc[:5].dt.strftime("%Y-%m-%d").tolist() == ["2026-11-28"] * 5
    assert parsed.iloc[5:].isna().all()


def test_validate_orders_contract_columns_first(table):
    shuffled = table[["text", "headline", "outlet_type", "doc_id", "published", "outlet"]]
    kept, quarantine = validate(shuffled)
    assert kept.columns[:5].tolist() == ["doc_id", "outlet", "published", "headline", "text"]
    assert len(quarantine) == 0


def test_describe_tables(table):
    tables = describe(table)
    by_outlet = tables["by_outlet"].set_index("outlet")
    assert by_outlet.loc["The Daily Blaze", "articles"] == 2
    assert by_outlet.loc["The Daily Blaze", "first"] == "2016-05-01"
    by_year = tables["by_year"].set_index("year")
    assert by_year.loc[2017, "tabloid"] == 1 and by_year.loc[2017, "broadsheet"] == 1 and by_year.loc[2017, "all"] == 2
    lengths = tables["lengths"].set_index("outlet_type")
    assert lengths.loc["tabloid", "median"] == 2.5
    assert tables["outlet_types"]["articles"].sum() == 4
