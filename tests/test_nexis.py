"""presslens.importers.read_nexis on Nexis-style exports written here: a DOCX with a cover
page, several articles, a missing byline, a German date and a truncated last article; the
older TXT export with a Latin-1 encoding; a ZIP of both; a DOCX zip bomb."""

from __future__ import annotations

import io
import zipfile

import docx
import pytest

from presslens.importers import ImportSafetyError, read_nexis

ARTICLES = [
    {"headline": "Police warn against vigilante stings", "outlet": "The Carrow Courier", "date": "March 4, 2021 Thursday", "byline": "Jane Holt",
     "section": "NEWS; Pg. 12", "length": "312 words", "body": ["Officers urged people not to act alone.", "Two men were arrested after the sting."]},
    {"headline": "Hunter group founder speaks out", "outlet": "Fenland Echo", "date": "4. März 2021 Donnerstag", "byline": None,
     "section": "LOCAL", "length": "120 words", "body": ["The founder said the group would carry on.", "Police said they would review the footage."]},
    {"headline": "Charity calls for app checks", "outlet": "The Carrow Courier", "date": "5 March 2021", "byline": "Sam Price",
     "section": "NEWS", "length": "98 words", "body": ["The charity said age checks were too weak."]},
]


def write_docx(path, articles, truncated_last: bool = False):
    document = docx.Document()
    for line in ["Nexis Uni", "Search Terms: paedophile hunters", "Job Number: 12345", "Documents (3)", "1. Police warn against vigilante stings", ""]:
        document.add_paragraph(line)
    for index, article in enumerate(articles):
        document.add_paragraph(article["headline"])
        document.add_paragraph(article["outlet"])
        document.add_paragraph(article["date"])
        document.add_paragraph("Copyright 2021 Carrow Media Ltd")
        document.add_paragraph(f"Section: {article['section']}")
        document.add_paragraph(f"Length: {article['length']}")
        if article["byline"]:
            document.add_paragraph(f"Byline: {article['byline']}")
        document.add_paragraph("Body")
        last = truncated_last and index == len(articles) - 1
        if not last:
            for paragraph in article["body"]:
                document.add_paragraph(paragraph)
            document.add_paragraph("Load-Date: March 6, 2021")
            document.add_paragraph("End of Document")
    document.save(path)


def test_docx_export_fields(tmp_path):
    write_docx(tmp_path / "export.docx", ARTICLES, truncated_last=True)
    corpus, quarantine, report = read_nexis(tmp_path / "export.docx")
    assert report[["expected", "parsed", "quarantined"]].values.tolist() == [[3, 2, 1]]
    first, second = corpus.iloc[0], corpus.iloc[1]
    assert first["headline"] == "Police warn against vigilante stings" and first["outlet"] == "The Carrow Courier"
    assert first["published"].strftime("%Y-%m-%d") == "2021-03-04"
    assert first["byline"] == "Jane Holt" and first["section"] == "NEWS; Pg. 12" and first["length"] == "312 words"
    assert first["text"] == "Officers urged people not to act alone.\n\nTwo men were arrested after the sting."
    assert second["published"].strftime("%Y-%m-%d") == "2021-03-04", "German date"
    assert second["byline"] == "" and second["outlet"] == "Fenland Echo"
    assert quarantine["reason"].tolist() == ["no body text (truncated or empty article)"]
    assert quarantine["doc_id"].tolist() == ["export-3"]
    assert (corpus["source_format"] == "nexis-docx").all() and corpus["record_no"].tolist() == [1, 2]


def write_txt(path, articles):
    parts = []
    for index, article in enumerate(articles, start=1):
        parts.append(f"                    {index} of {len(articles)} DOCUMENTS\n\n              {article['outlet']}\n\n           {article['date']}\n\n"
                     f"HEADLINE: {article['headline']}\n\n" + (f"BYLINE: {article['byline']}\n\n" if article["byline"] else "")
                     + f"SECTION: {article['section']}\n\nLENGTH: {article['length']}\n\n" + "\n\n".join(article["body"]) + "\n\nLOAD-DATE: March 6, 2021\n\nLANGUAGE: ENGLISH\n\n")
    path.write_bytes("".join(parts).encode("latin-1", errors="replace"))


def test_txt_export_with_latin1(tmp_path):
    articles = [dict(ARTICLES[0], body=["A café owner in Leeds said the £500 fine was unfair.", "Police said they would appeal."]), ARTICLES[2]]
    write_txt(tmp_path / "old.txt", articles)
    corpus, quarantine, report = read_nexis(tmp_path / "old.txt")
    assert report[["expected", "parsed", "quarantined"]].values.tolist() == [[2, 2, 0]]
    assert corpus["headline"].tolist() == ["Police warn against vigilante stings", "Charity calls for app checks"]
    assert corpus.iloc[0]["text"].startswith("A café owner") and "£500" in corpus.iloc[0]["text"]
    assert corpus.iloc[0]["byline"] == "Jane Holt" and corpus.iloc[1]["section"] == "NEWS"


def test_zip_of_exports(tmp_path):
    write_docx(tmp_path / "a.docx", ARTICLES[:2])
    write_txt(tmp_path / "b.txt", ARTICLES[2:])
    with zipfile.ZipFile(tmp_path / "exports.zip", "w") as archive:
        archive.write(tmp_path / "a.docx", "a.docx")
        archive.write(tmp_path / "b.txt", "b.txt")
    corpus, quarantine, report = read_nexis(tmp_path / "exports.zip")
    assert len(corpus) == 3 and len(quarantine) == 0
    assert report["source_file"].tolist() == ["a.docx", "b.txt"]


def test_docx_zip_bomb_refused(tmp_path):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", b" " * (60 * 1024 * 1024))
    (tmp_path / "bomb.docx").write_bytes(buffer.getvalue())
    with pytest.raises(ImportSafetyError, match="zip bomb"):
        read_nexis(tmp_path / "bomb.docx")
