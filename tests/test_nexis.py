"""presslens.importers.read_nexis on the Nexis-style example exports
(presslens.importers.examples): a DOCX and an RTF with a cover page, several articles, a
missing byline, a German date and a truncated last article; the older TXT export in
Latin-1; a ZIP of them; a DOCX zip bomb and a DOCX carrying a billion-laughs DTD."""

from __future__ import annotations

import io
import time
import tracemalloc
import zipfile

import pytest

from presslens.importers import ImportSafetyError, read_nexis
from presslens.importers.examples import (
    NEXIS_ARTICLES,
    write_nexis_docx,
    write_nexis_rtf,
    write_nexis_txt,
)


def reconciles(result):
    report = result.report
    assert (report["expected"] == report["parsed"] + report["quarantined"]).all()
    assert report["parsed"].sum() == len(result.corpus) and report["quarantined"].sum() == len(result.quarantine)


@pytest.mark.parametrize("writer, fmt", [(write_nexis_docx, "nexis-docx"), (write_nexis_rtf, "nexis-rtf")])
def test_uni_export_fields(tmp_path, writer, fmt):
    path = writer(tmp_path / f"export.{fmt[-4:].strip('-')}", truncated_last=True)
    result = read_nexis(path)
    corpus, quarantine, report = result
    reconciles(result)
    assert report[["expected", "parsed", "quarantined"]].values.tolist() == [[3, 2, 1]]
    first, second = corpus.iloc[0], corpus.iloc[1]
    assert first["headline"] == "Police warn against vigilante stings" and first["outlet"] == "The Carrow Courier"
    assert first["published"].strftime("%Y-%m-%d") == "2021-03-04"
    assert first["byline"] == "Jane Holt" and first["section"] == "NEWS; Pg. 12" and first["length"] == "312 words"
    assert first["edition"] == "National Edition" and second["edition"] == ""
    assert first["text"] == "Officers urged people not to act alone.\n\nTwo men were arrested after the sting."
    assert second["headline"] == "Hunter group founder speaks out"
    assert second["published"].strftime("%Y-%m-%d") == "2021-03-04", "German date (with an umlaut, escaped in RTF)"
    assert second["byline"] == "" and second["outlet"] == "Fenland Echo" and second["section"] == "LOCAL"
    assert second["text"] == "The founder said the group would carry on.\n\nPolice said they would review the footage."
    assert quarantine["reason"].tolist() == ["no body text (truncated or empty article)"]
    assert quarantine["doc_id"].tolist() == ["export-3"]
    assert (corpus["source_format"] == fmt).all() and corpus["record_no"].tolist() == [1, 2]
    assert (corpus["source_file"] == path.name).all()


def test_rtf_keeps_accents_and_all_articles(tmp_path):
    articles = [dict(NEXIS_ARTICLES[0], body=["A café owner said the £500 fine was unfair — and would appeal.", "Police said {nothing} more."]), NEXIS_ARTICLES[2]]
    corpus, quarantine, report = read_nexis(write_nexis_rtf(tmp_path / "accents.rtf", articles))
    assert report[["expected", "parsed", "quarantined"]].values.tolist() == [[2, 2, 0]]
    assert corpus["text"].iat[0] == "A café owner said the £500 fine was unfair — and would appeal.\n\nPolice said {nothing} more."
    assert corpus["headline"].tolist() == ["Police warn against vigilante stings", "Charity calls for app checks"]


def test_txt_export_with_latin1(tmp_path):
    articles = [dict(NEXIS_ARTICLES[0], body=["A café owner in Leeds said the £500 fine was unfair.", "Police said they would appeal."]), NEXIS_ARTICLES[2]]
    result = read_nexis(write_nexis_txt(tmp_path / "old.txt", articles))
    corpus, quarantine, report = result
    reconciles(result)
    assert report[["expected", "parsed", "quarantined"]].values.tolist() == [[2, 2, 0]]
    assert corpus["headline"].tolist() == ["Police warn against vigilante stings", "Charity calls for app checks"]
    assert corpus["outlet"].tolist() == ["The Carrow Courier", "The Carrow Courier"]
    assert corpus.iloc[0]["text"] == "A café owner in Leeds said the £500 fine was unfair.\n\nPolice said they would appeal."
    assert corpus.iloc[0]["byline"] == "Jane Holt" and corpus.iloc[1]["section"] == "NEWS" and corpus.iloc[1]["length"] == "98 words"
    assert corpus["published"].dt.strftime("%Y-%m-%d").tolist() == ["2021-03-04", "2021-03-05"]
    assert (corpus["source_format"] == "nexis-txt").all()


def test_zip_of_exports(tmp_path):
    write_nexis_docx(tmp_path / "a.docx", NEXIS_ARTICLES[:2])
    write_nexis_txt(tmp_path / "b.txt", NEXIS_ARTICLES[2:])
    write_nexis_rtf(tmp_path / "c.rtf", NEXIS_ARTICLES[:1])
    with zipfile.ZipFile(tmp_path / "exports.zip", "w") as archive:
        for name in ("a.docx", "b.txt", "c.rtf"):
            archive.write(tmp_path / name, name)
    result = read_nexis(tmp_path / "exports.zip")
    reconciles(result)
    assert len(result.corpus) == 4 and len(result.quarantine) == 0
    assert result.report["source_file"].tolist() == ["exports.zip/a.docx", "exports.zip/b.txt", "exports.zip/c.rtf"]  # members by full path
    assert result.corpus["source_format"].tolist() == ["nexis-docx", "nexis-docx", "nexis-txt", "nexis-rtf"]


def test_docx_zip_bomb_refused(tmp_path):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", b" " * (60 * 1024 * 1024))
    (tmp_path / "bomb.docx").write_bytes(buffer.getvalue())
    with pytest.raises(ImportSafetyError, match="zip bomb"):
        read_nexis(tmp_path / "bomb.docx")


BILLION_LAUGHS = """<?xml version="1.0"?>
<!DOCTYPE lolz [
 <!ENTITY lol "lol">
 <!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">
 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
 <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
 <!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">
 <!ENTITY lol6 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;">
 <!ENTITY lol7 "&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;">
 <!ENTITY lol8 "&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;">
 <!ENTITY lol9 "&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;">
]>
<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>&lol9;</w:t></w:r></w:p></w:body></w:document>"""


def test_docx_billion_laughs_refused_quickly_with_bounded_memory(tmp_path):
    good = write_nexis_docx(tmp_path / "good.docx")
    with zipfile.ZipFile(good) as source, zipfile.ZipFile(tmp_path / "laughs.docx", "w") as target:
        for member in source.infolist():
            data = BILLION_LAUGHS.encode() if member.filename == "word/document.xml" else source.read(member)
            target.writestr(member, data)
    tracemalloc.start()
    started = time.perf_counter()
    with pytest.raises(ImportSafetyError, match="declares a DTD or entities"):
        read_nexis(tmp_path / "laughs.docx")
    elapsed = time.perf_counter() - started
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    assert elapsed < 5 and peak < 50 * 1024 * 1024  # expanded, it would be 3 GB of "lol"


def test_docx_with_external_entity_refused(tmp_path):
    good = write_nexis_docx(tmp_path / "good.docx")
    payload = ('<?xml version="1.0"?><!DOCTYPE d [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
               '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>&x;</w:t></w:r></w:p></w:body></w:document>')
    with zipfile.ZipFile(good) as source, zipfile.ZipFile(tmp_path / "xxe.docx", "w") as target:
        for member in source.infolist():
            target.writestr(member, payload.encode() if member.filename == "word/document.xml" else source.read(member))
    with pytest.raises(ImportSafetyError):
        read_nexis(tmp_path / "xxe.docx")


def test_unknown_suffix_names_the_fix(tmp_path):
    (tmp_path / "export.pdf").write_bytes(b"%PDF-1.4")
    with pytest.raises(Exception, match="DOCX or RTF"):
        read_nexis(tmp_path / "export.pdf")
