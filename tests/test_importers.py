"""presslens.importers: Media Cloud, saved web pages, tabular and ZIP safety. Fixtures are
written here (no real articles); every parse report reconciles."""

from __future__ import annotations

import io
import time
import zipfile

import pandas as pd
import pytest

from presslens.importers import (
    ImportSafetyError,
    read_html_folder,
    read_mediacloud,
    read_tabular,
    safe_extract_zip,
)
from presslens.importers.examples import WEB_PAGE

PAGE = WEB_PAGE


def reconciles(result):
    report = result.report
    assert (report["expected"] == report["parsed"] + report["quarantined"]).all()
    assert report["parsed"].sum() == len(result.corpus) and report["quarantined"].sum() == len(result.quarantine)


def test_html_folder(tmp_path):
    for n, (title, date) in enumerate([("Police warn against stings", "2021-03-04"), ("Crowd gathers at sting", "2021-03-06")]):
        (tmp_path / f"page{n}.html").write_text(PAGE.format(title=title, date=date, n=n), encoding="utf-8")
    (tmp_path / "page9.html").write_text("<html><body><nav>Menu</nav></body></html>", encoding="utf-8")
    result = read_html_folder(tmp_path)
    reconciles(result)
    corpus = result.corpus.set_index("source_file")
    assert corpus.loc["page0.html", "headline"] == "Police warn against stings"
    assert corpus.loc["page0.html", "outlet"] == "The Carrow Courier"
    assert corpus.loc["page0.html", "url"] == "https://carrow.example/news/0"
    assert corpus.loc["page0.html", "published"].strftime("%Y-%m-%d") == "2021-03-04"
    text = corpus.loc["page0.html", "text"]
    assert text.startswith("Officers in Doncaster") and text.count("\n\n") == 2
    assert "onerror" not in text and "Menu" not in text and "Copyright" not in text
    assert result.quarantine["reason"].tolist() == ["no article text could be extracted"]


def test_mediacloud_story_list_with_pages(tmp_path):
    pages = tmp_path / "pages"
    pages.mkdir()
    stories = pd.DataFrame({"stories_id": ["101", "102", "103"], "publish_date": ["2021-03-04 10:00:00", "2021-03-05 08:30:00", "2021-03-06 12:00:00"],
                            "title": ["Police warn against stings", "Charity report", "Not fetched"], "url": [f"https://carrow.example/{i}" for i in (1, 2, 3)],
                            "media_name": ["The Carrow Courier", "Fenland Echo", "The Carrow Courier"]})
    stories.to_csv(tmp_path / "stories.csv", index=False)
    (pages / "101.html").write_text(PAGE.format(title="Police warn against stings", date="2021-03-04", n=1), encoding="utf-8")
    (pages / "102.txt").write_text("The charity called for better reporting tools.\n\nIt said calls had risen.", encoding="utf-8")
    result = read_mediacloud(tmp_path / "stories.csv", pages=pages)
    reconciles(result)
    assert result.corpus["doc_id"].tolist() == ["mc-101", "mc-102"]
    assert result.corpus["outlet"].tolist() == ["The Carrow Courier", "Fenland Echo"]
    assert result.corpus["source_format"].unique().tolist() == ["mediacloud"]
    assert result.quarantine[["doc_id", "reason"]].values.tolist() == [["mc-103", "no text: page not fetched"]]
    assert result.report["expected"].tolist() == [3]


def test_mediacloud_wrong_columns(tmp_path):
    from presslens.corpus import CorpusError

    pd.DataFrame({"a": [1]}).to_csv(tmp_path / "x.csv", index=False)
    with pytest.raises(CorpusError, match="Media Cloud"):
        read_mediacloud(tmp_path / "x.csv")


def test_tabular_excel_with_mapping(tmp_path):
    frame = pd.DataFrame({"id": ["x1", "x2", "x3"], "paper": ["A", "B", "C"], "date": ["2020-01-01", "2020-02-01", "not a date"],
                          "title": ["t1", "t2", "t3"], "body": ["one", "two", "three"]})
    frame.to_excel(tmp_path / "articles.xlsx", index=False)
    result = read_tabular(tmp_path / "articles.xlsx", columns={"id": "doc_id", "paper": "outlet", "date": "published", "title": "headline", "body": "text"})
    reconciles(result)
    assert result.corpus["doc_id"].tolist() == ["x1", "x2"] and result.quarantine["row"].tolist() == [3]
    frame.to_csv(tmp_path / "articles.csv", index=False)
    csv = read_tabular(tmp_path / "articles.csv", columns={"id": "doc_id", "paper": "outlet", "date": "published", "title": "headline", "body": "text"})
    reconciles(csv)
    assert csv.corpus["doc_id"].tolist() == ["x1", "x2"]


def test_zip_with_parent_paths_is_refused(tmp_path):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("fine.txt", "ok")
        archive.writestr("../escape.txt", "bad")
    (tmp_path / "evil.zip").write_bytes(buffer.getvalue())
    with pytest.raises(ImportSafetyError, match="outside the destination"):
        safe_extract_zip(tmp_path / "evil.zip", tmp_path / "out")
    assert not (tmp_path / "escape.txt").exists()


def test_zip_bomb_is_refused_quickly(tmp_path):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("bomb.txt", b"\0" * (60 * 1024 * 1024))
    (tmp_path / "bomb.zip").write_bytes(buffer.getvalue())
    assert (tmp_path / "bomb.zip").stat().st_size < 1_000_000
    with pytest.raises(ImportSafetyError, match="zip bomb"):
        safe_extract_zip(tmp_path / "bomb.zip", tmp_path / "out")
    assert not (tmp_path / "out" / "bomb.txt").exists()


def test_zip_extracts_a_normal_archive(tmp_path):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("exports/a.html", PAGE.format(title="A", date="2021-01-01", n=1))
        archive.writestr("exports/b.html", PAGE.format(title="B", date="2021-01-02", n=2))
    (tmp_path / "ok.zip").write_bytes(buffer.getvalue())
    files = safe_extract_zip(tmp_path / "ok.zip", tmp_path / "out")
    assert [f.name for f in files] == ["a.html", "b.html"]
    assert len(read_html_folder(tmp_path / "out" / "exports").corpus) == 2


@pytest.fixture(scope="module")
def examples(tmp_path_factory):
    from presslens.importers.examples import write_examples

    return write_examples(tmp_path_factory.mktemp("examples"))


@pytest.mark.parametrize("name, importer, counts", [
    ("nexis_docx", "nexis", (3, 2, 1)), ("nexis_rtf", "nexis", (3, 3, 0)), ("nexis_txt", "nexis", (2, 2, 0)), ("nexis_zip", "nexis", (5, 4, 1)),
    ("factiva_html", "factiva", (3, 2, 1)), ("factiva_rtf", "factiva", (3, 2, 1)), ("mediacloud", "mediacloud", (3, 2, 1)),
    ("web_pages", "html", (3, 2, 1)), ("excel", "tabular", (2, 2, 0)),
])
def test_read_corpus_detects_every_example(examples, name, importer, counts):
    from presslens.importers import detect_format, read_corpus
    from presslens.importers.examples import EXCEL_COLUMNS

    assert detect_format(examples[name]) == importer
    result = read_corpus(examples[name], columns=EXCEL_COLUMNS if name == "excel" else None)
    reconciles(result)
    assert (result.report["importer"] == importer).all()
    assert tuple(result.report[["expected", "parsed", "quarantined"]].sum()) == counts
    assert {"source_file", "source_format", "record_no"} <= set(result.corpus.columns)
    assert result.corpus["text"].str.len().min() > 0 and result.corpus["published"].notna().all()


def test_read_corpus_folder_quarantines_an_article_exported_twice(examples):
    from presslens.importers import read_corpus

    result = read_corpus(examples["factiva_html"].parent)  # export.html and export.rtf hold the same items
    reconciles(result)
    assert len(result.corpus) == 2 and result.corpus["doc_id"].is_unique
    duplicates = result.quarantine[result.quarantine["reason"].str.startswith("duplicate doc_id")]
    assert len(duplicates) == 2 and set(duplicates["source_file"]) == {"export.rtf"}
    assert "already read from export.html" in duplicates["reason"].iat[0]


def test_read_corpus_explicit_format_and_unknown_format(examples):
    from presslens.corpus import CorpusError
    from presslens.importers import read_corpus

    assert len(read_corpus(examples["web_pages"], format="html").corpus) == 2
    with pytest.raises(CorpusError, match="unknown format 'lexis'"):
        read_corpus(examples["web_pages"], format="lexis")


LAUGHS_DTD = "<!DOCTYPE html [<!ENTITY a \"aaaaaaaaaa\">" + "".join(
    f"<!ENTITY {chr(98 + i)} \"{('&' + chr(97 + i) + ';') * 10}\">" for i in range(8)) + "]>"


@pytest.mark.parametrize("reader", ["web", "factiva"])
def test_html_with_entity_expansion_is_not_expanded(tmp_path, reader):
    from presslens.importers import read_factiva
    from presslens.importers.examples import write_factiva_html

    if reader == "web":
        page = LAUGHS_DTD + PAGE.format(title="Police warn &i; against stings", date="2021-03-04", n=1).replace("Friday evening.", "Friday &i; evening.")
        (tmp_path / "page.html").write_text(page, encoding="utf-8")
        started = time.perf_counter()
        result = read_html_folder(tmp_path)
    else:
        path = write_factiva_html(tmp_path / "export.html")
        path.write_text(LAUGHS_DTD + path.read_text(encoding="utf-8").replace("Jane Holt", "Jane &i; Holt"), encoding="utf-8")
        started = time.perf_counter()
        result = read_factiva(path)
    assert time.perf_counter() - started < 5
    text = " ".join(result.corpus["text"]) + " ".join(result.corpus["headline"]) + " ".join(result.corpus.get("byline", []))
    assert "aaaaaaaaaa" not in text  # 10^9 characters had the entities been expanded
    assert len(result.corpus) >= 1
