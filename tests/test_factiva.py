"""presslens.importers.read_factiva on Factiva-style HTML and RTF exports written here."""

from __future__ import annotations

from presslens.importers import read_factiva

ARTICLE_ROWS = [
    [("HD", "Police warn against vigilante stings"), ("BY", "Jane Holt"), ("WC", "312 words"), ("PD", "4 March 2021"), ("SN", "The Carrow Courier"),
     ("SC", "CARCOU"), ("LA", "English"), ("LP", "Officers urged people not to act alone."), ("TD", "Two men were arrested after the sting.|The force said it would review footage."),
     ("NS", "gcrim : Crime"), ("AN", "Document CARCOU0020210304eh340001")],
    [("HD", "Charity &amp; police call for app checks"), ("WC", "98 words"), ("PD", "5 March 2021"), ("SN", "Fenland Echo"), ("SC", "FENECH"), ("LA", "English"),
     ("LP", "The charity said age checks were too weak."), ("TD", ""), ("AN", "Document FENECH0020210305eh350002")],
    [("HD", "Empty item"), ("PD", "6 March 2021"), ("SN", "Fenland Echo"), ("AN", "Document FENECH0020210306eh360003")],
]


def write_html(path):
    rows = []
    for article in ARTICLE_ROWS:
        rows.append("<div class='article'><table>")
        for code, value in article:
            cells = "".join(f"<p>{p}</p>" for p in value.split("|")) if code in ("LP", "TD") else value
            rows.append(f"<tr><td><b>{code}</b></td><td>{cells}</td></tr>")
        rows.append("</table></div><script>alert(1)</script>")
    path.write_text("<html><body><h1>Factiva</h1>" + "".join(rows) + "</body></html>", encoding="utf-8")


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
