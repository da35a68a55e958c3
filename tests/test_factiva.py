"""presslens.importers.read_factiva on the Factiva-style example HTML and RTF exports
(presslens.importers.examples)."""

from __future__ import annotations

from presslens.importers import read_factiva
from presslens.importers.examples import FACTIVA_ARTICLES, write_factiva_html, write_factiva_rtf

ARTICLE_ROWS = FACTIVA_ARTICLES


def write_html(path):
    return write_factiva_html(path)


def test_factiva_html(tmp_path):
    write_html(tmp_path / "export.html")
    corpus, quarantine, report = read_factiva(tmp_path / "export.html")
    assert report[["expected", "parsed", "quarantined"]].values.tolist() == [[3, 2, 1]]
    first = corpus.set_index("doc_id").loc["CARCOU0020210304eh340001"]
    assert first["headline"] == "Police warn against vigilante stings" and first["byline"] == "Jane Holt"
    assert first["outlet"] == "The Carrow Courier" and first["source_code"] == "CARCOU" and first["word_count"] == "312 words"
    assert first["published"].strftime("%Y-%m-%d") == "2021-03-04" and first["language"] == "English"
    assert first["text"] == "Officers urged people not to act alone.\n\nTwo men were arrested after the sting.\n\nThe force said it would review footage."
    assert "alert" not in "".join(corpus["text"])
    second = corpus.set_index("doc_id").loc["FENECH0020210305eh350002"]
    assert second["headline"] == "Charity & police call for app checks" and second["byline"] == ""
    assert quarantine["doc_id"].tolist() == ["FENECH0020210306eh360003"]


def test_factiva_rtf(tmp_path):
    lines = []
    for article in ARTICLE_ROWS[:1]:
        for code, value in article:
            lines.append(code + r"\par ")
            for paragraph in value.split("|"):
                lines.append(paragraph + r"\par \par ")
    (tmp_path / "export.rtf").write_text(r"{\rtf1\ansi " + "".join(lines) + "}", encoding="ascii")
    corpus, quarantine, report = read_factiva(tmp_path / "export.rtf")
    assert report[["expected", "parsed", "quarantined"]].values.tolist() == [[1, 1, 0]]
    assert corpus["headline"].iat[0] == "Police warn against vigilante stings"
    assert corpus["text"].iat[0].split("\n\n")[0] == "Officers urged people not to act alone."


def test_factiva_rtf_example_all_items(tmp_path):
    corpus, quarantine, report = read_factiva(write_factiva_rtf(tmp_path / "all.rtf"))
    assert report[["expected", "parsed", "quarantined"]].values.tolist() == [[3, 2, 1]]
    second = corpus.set_index("doc_id").loc["FENECH0020210305eh350002"]
    assert second["headline"] == "Charity & police call for app checks" and second["outlet"] == "Fenland Echo"
    assert second["published"].strftime("%Y-%m-%d") == "2021-03-05" and second["source_code"] == "FENECH"
    assert quarantine["doc_id"].tolist() == ["FENECH0020210306eh360003"]
    assert (corpus["source_format"] == "factiva-rtf").all()
