"""presslens.importers: Media Cloud, saved web pages, tabular and ZIP safety. Fixtures are
written here (no real articles); every parse report reconciles."""

from __future__ import annotations

import io
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

PAGE = """<html><head><title>{title}</title><meta property="og:site_name" content="The Carrow Courier">
<meta name="date" content="{date}"><link rel="canonical" href="https://carrow.example/news/{n}"></head>
<body><nav>Home | News | Sport</nav><article><h1>{title}</h1>
<p>Officers in Doncaster have urged people not to take the law into their own hands after a sting drew a crowd outside a supermarket on Friday evening.</p>
<p>"Please pass any information to us," said Detective Inspector Ruth Kellaway, of Northmoor Police, who said two men had been arrested.</p>
<script>document.write('<img src=x onerror=alert(1)>')</script>
<p>The force said it had received more than 300 referrals from such groups in the past year, a figure it described as unprecedented.</p>
</article><footer>Copyright The Carrow Courier</footer></body></html>"""


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
