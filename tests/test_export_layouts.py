"""The importers on export fixtures written in the layouts of real Factiva and Nexis exports
(tests/fixtures/exports: fictional articles; build.py writes the HTML files, the Nexis Uni
DOCX and RTF are built here from the .lines files): field by field, and the accounting
(expected = kept + quarantined, expected from the export's own markers)."""

from __future__ import annotations

import warnings
from pathlib import Path

import pytest

from presslens.corpus import CorpusError
from presslens.importers import detect_format, read_corpus, read_factiva, read_nexis
from presslens.importers.examples import write_lines_docx, write_lines_rtf

EXPORTS = Path(__file__).parent / "fixtures" / "exports"


def counts(result):
    report = result.report
    assert (report["expected"] == report["parsed"] + report["quarantined"]).all()
    assert report["parsed"].sum() == len(result.corpus) and report["quarantined"].sum() == len(result.quarantine)
    return report[["expected", "parsed", "quarantined"]].values.tolist()[0]


def row(corpus, doc_id):
    return corpus.set_index("doc_id").loc[doc_id]


def day(value):
    return value.strftime("%Y-%m-%d")


# ----------------------------------------------------------------------------- Factiva


@pytest.mark.parametrize("name, expected, doc_id, outlet, date, headline, byline, start, end, extra", [
    ("factiva_article_en.html", [3, 2, 1], "CARCOU0020210304eh340001", "The Carrow Courier", "2021-03-04", "Police warn against vigilante stings",
     "By Jane Holt", "Officers in Northmoor urged", "the force said.", {"word_count": "412 words", "language": "English", "source_code": "CARCOU"}),
    ("factiva_article_de.html", [2, 2, 0], "MARLBO0020111229e7ct0001", "Marlheimer Bote", "2011-12-29", "Polizei warnt vor selbst ernannten Jägern",
     "Von Anna Kessler", "Die Polizei in Marlheim", "wurden festgenommen.", {"word_count": "356 Wörter", "language": "Deutsch"}),
    ("factiva_article_zh.html", [1, 1, 0], "HEXIDB0020111229e7ct000a1", "河西日报", "2011-12-29", "警方提醒市民不要私自设局", "", "警方表示", "正式渠道举报。",
     {"word_count": "820 字", "language": "中文"}),
    ("factiva_article_es.html", [1, 1, 0], "DIAVAL0020190303ef330001", "Diario de Valdoria", "2019-03-03", "La policía alerta contra los grupos de cazadores",
     "Por Lucía Ferrer", "La policía pidió", "fueron detenidos.", {"language": "Español"}),
    ("factiva_article_ja.html", [1, 1, 0], "KANZAK0020190303ef330004", "神崎新聞", "2019-03-03", "警察、私的なおとり捜査に注意呼びかけ", "", "警察は市民に対し", "逮捕された。",
     {"word_count": "1,020 語", "language": "日本語"}),
    ("factiva_full_fr.html", [2, 2, 0], "COURMA0020111229e7ct0000b", "Le Courrier de Marlesse", "2011-12-29", "La police met en garde contre les « chasseurs »",
     "Claire Dumas", "La police de Marlesse", "prévu en mars.", {"section": "Faits divers", "subjects": "gcrim : Criminalité", "regions": "fra : France",
                                                             "copyright": "© 2011 Le Courrier de Marlesse. Tous droits réservés."}),
    ("factiva_full_it.html", [1, 1, 0], "GAZVAL0020190303ef330001", "Gazzetta di Valmora", "2019-03-03", "La polizia avverte contro le trappole online", "",
     "La polizia ha chiesto", "sono stati arrestati.", {"word_count": "301 parole"}),
    ("factiva_full_nl.html", [1, 1, 0], "DAGVEL0020190303ef330002", "Dagblad van Veldhoven-Noord", "2019-03-03", "Politie waarschuwt voor burgerjagers", "",
     "De politie vraagt", "zijn aangehouden.", {"language": "Nederlands"}),
    ("factiva_full_pt.html", [1, 1, 0], "JORSER0020190303ef330003", "Jornal da Serra Alta", "2019-03-03", "Polícia alerta contra grupos de justiceiros", "",
     "A polícia pediu", "foram detidos.", {"word_count": "333 palavras"}),
])
def test_factiva_layouts_and_languages(name, expected, doc_id, outlet, date, headline, byline, start, end, extra):
    path = EXPORTS / name
    assert detect_format(path) == "factiva"
    result = read_corpus(path)
    assert counts(result) == expected and (result.report["importer"] == "factiva").all()
    article = row(result.corpus, doc_id)
    assert (article["outlet"], day(article["published"]), article["headline"], article["byline"]) == (outlet, date, headline, byline)
    assert article["text"].startswith(start) and article["text"].endswith(end)
    for column, value in extra.items():
        assert article[column] == value, column
    # the accession number alone: no footer or copyright glued on
    assert result.corpus["doc_id"].str.fullmatch(r"[A-Z0-9]+\d{8}[a-z][a-z0-9]+").all()
    assert not result.corpus["text"].str.contains("Document|Dokument|©|ppsTrack").any()


def test_factiva_article_format_details():
    corpus, quarantine, report = read_factiva(EXPORTS / "factiva_article_en.html")
    second = row(corpus, "FENECH0020210305eh350002")
    assert second["time"] == "10:42 GMT" and second["word_count"] == "1,208 words" and second["byline"] == ""
    assert second["text"] == "A children's charity said age checks on messaging apps were too weak.\n\nIt called for an independent review."
    assert second["copyright"] == "(c) 2021 Carrow Media Ltd. All rights reserved."
    assert quarantine[["row", "doc_id"]].values.tolist() == [[3, "FENECH0020210306eh360003"]]
    assert quarantine["reason"].iat[0].startswith("no text")
    assert (corpus["source_format"] == "factiva-html-article").all()


def test_factiva_full_article_headline_only_item_keeps_lead():
    corpus, _, _ = read_factiva(EXPORTS / "factiva_full_fr.html")
    brief = row(corpus, "COURMA0020111230e7cu0000c")
    assert brief["text"] == "L'audience a été reportée au 12 janvier." and brief["headline"] == "Brève : audience reportée"
    assert day(brief["published"]) == "2011-12-30" and (corpus["source_format"] == "factiva-html").all()


def test_factiva_article_format_as_text_lines(tmp_path):
    """Article Format saved as text (or RTF): counted by its Document lines."""
    lines = ["Police warn against vigilante stings", "By Jane Holt", "412 words", "4 March 2021", "The Carrow Courier", "CARCOU", "English",
             "(c) 2021 Carrow Media Ltd.", "", "Officers urged people not to act alone.", "", "Two men were arrested.", "", "Document CARCOU0020210304eh340001",
             "", "Pictures of the week", "35 words", "6 March 2021", "Fenland Echo", "FENECH", "English", "Document FENECH0020210306eh360003"]
    (tmp_path / "factiva.txt").write_text("\n".join(lines), encoding="utf-8")
    write_lines_rtf(tmp_path / "factiva.rtf", lines)
    for name in ("factiva.txt", "factiva.rtf"):
        assert detect_format(tmp_path / name) == "factiva"
        result = read_corpus(tmp_path / name)
        assert counts(result) == [2, 1, 1]
        first = result.corpus.iloc[0]
        assert (first["doc_id"], first["outlet"], day(first["published"]), first["byline"]) == ("CARCOU0020210304eh340001", "The Carrow Courier", "2021-03-04", "By Jane Holt")
        assert first["text"] == "Officers urged people not to act alone.\n\nTwo men were arrested."


# ----------------------------------------------------------------------------- Nexis Uni


@pytest.fixture(scope="module", params=["docx", "rtf"])
def uni(request, tmp_path_factory):
    lines = (EXPORTS / "nexis_uni_2019.lines").read_text(encoding="utf-8").split("\n")
    writer = write_lines_docx if request.param == "docx" else write_lines_rtf
    path = writer(tmp_path_factory.mktemp("uni") / f"nexis_uni_2019.{request.param}", lines)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return read_corpus(path)


def test_uni_accounting(uni):
    assert counts(uni) == [6, 4, 2]
    assert uni.quarantine[["row", "reason"]].values.tolist() == [[4, "graphics-only item (no Body section)"], [6, "no body text (truncated or empty article)"]]


def test_uni_date_line_with_edition_and_correction(uni):
    first = uni.corpus.iloc[0]
    assert (first["headline"], first["outlet"], day(first["published"])) == ("Police urge caution over online 'hunter' stings", "The Carrow Times", "2019-03-03")
    assert (first["weekday"], first["edition"], first["time"]) == ("Sunday", "Late Edition - Final", "")
    assert first["byline"] == "By Jane Holt" and first["section"] == "Section A; Column 0; National Desk; Pg. 18" and first["dateline"] == "NORTHMOOR"
    assert first["correction_appended"] is True or first["correction_appended"] == True  # noqa: E712
    assert first["correction"].startswith("An article on Sunday") and first["correction_date"] == "March 5, 2019"
    assert first["text"].startswith("NORTHMOOR — Police officers") and first["text"].endswith("from such groups in a year.")
    assert first["copyright"] == "Copyright 2019 The Carrow Times Company"


def test_uni_classification_moved_to_columns(uni):
    first = uni.corpus.iloc[0]
    assert first["subject"] == "POLICE FORCES (92%); ARRESTS (90%); CHILD PROTECTION (78%)"
    assert first["company"] == "CARROW TIMES CO (55%)" and first["geographic"] == "NORTHMOOR (79%); UNITED KINGDOM (92%)"
    assert first["language"] == "ENGLISH" and first["publication_type"] == "Newspaper" and first["load_date"] == "March 3, 2019"
    for marker in ("Classification", "Load-Date", "Subject:", "Correction-Date", "Publication-Type", "End of Document"):
        assert not uni.corpus["text"].str.contains(marker).any(), marker


def test_uni_time_zone_transcript_and_german(uni):
    web, show, german = uni.corpus.iloc[1], uni.corpus.iloc[2], uni.corpus.iloc[3]
    assert (day(web["published"]), web["time"], web["weekday"], web["edition"]) == ("2019-07-01", "5:02 PM EST", "Monday", "")
    assert web["highlight"] == "The group streamed the encounter to 40,000 viewers." and web["text"].endswith("put investigations at risk.")
    assert (show["headline"], show["outlet"], show["show"], show["guests"]) == ("STATE OF THE REGION for March 3, 2019", "Northmoor Broadcasting Network",
                                                                                "STATE OF THE REGION", "Ruth Kellaway")
    assert show["text"].startswith("ALI REYES, NBN HOST: Good morning.") and show["text"].endswith("(END VIDEOTAPE)")
    assert show["publication_type"] == "Transcript" and show["time"] == "9:00 AM EST"
    assert (german["headline"], day(german["published"]), german["weekday"], german["byline"]) == ("Polizei warnt vor selbst ernannten Jägern", "2019-03-03",
                                                                                                    "Sonntag", "Anna Kessler")
    assert german["text"] == "Die Polizei hat vor privaten Fallen im Internet gewarnt.\n\nZwei Männer wurden festgenommen."


def test_uni_docx_without_articles_expects_none(tmp_path):
    path = write_lines_docx(tmp_path / "empty.docx", (EXPORTS / "nexis_uni_empty.lines").read_text(encoding="utf-8").split("\n"))
    with pytest.warns(UserWarning, match="no articles found in empty.docx"):
        result = read_nexis(path)
    assert counts(result) == [0, 0, 0] and result.report["warning"].iat[0].startswith("no articles found")


def test_uni_cover_page_promises_more_than_the_file_holds(tmp_path):
    lines = (EXPORTS / "nexis_uni_2019.lines").read_text(encoding="utf-8").split("\n")
    lines = [line.replace("Documents (6)", "Documents (8)") for line in lines]
    result = read_nexis(write_lines_docx(tmp_path / "short.docx", lines))
    assert counts(result) == [8, 4, 4]
    assert result.quarantine["reason"].iat[-1] == "listed on the cover page (8 documents) but not in the file"


# ----------------------------------------------------------------------------- old Nexis


def test_nexis_uk_html_english():
    path = EXPORTS / "nexis_uk_en.html"
    assert detect_format(path) == "nexis"  # never one web page
    result = read_corpus(path)
    assert counts(result) == [3, 2, 1]
    first = result.corpus.iloc[0]
    assert (first["outlet"], day(first["published"]), first["headline"], first["byline"]) == ("The Carrow Courier", "2012-03-03",
                                                                                              "Police warn against vigilante stings", "Jane Holt")
    assert (first["section"], first["length"], first["edition"], first["load_date"]) == ("NEWS; Pg. 12", "312 words", "Final Edition", "March 4, 2012")
    assert first["text"] == "Officers urged people not to act alone after a sting in Northmoor.\n\nTwo men were arrested, the force said."
    assert first["copyright"] == "Copyright 2012 Carrow Media Ltd All Rights Reserved"
    second = result.corpus.iloc[1]
    assert (second["outlet"], second["headline"], second["byline"], second["section"]) == ("Fenland Echo", "Charity calls for app checks", "", "LOCAL")
    assert result.quarantine["row"].tolist() == [3] and (result.corpus["source_format"] == "nexis-html").all()


def test_nexis_uk_html_german():
    result = read_corpus(EXPORTS / "nexis_uk_de.html")
    assert counts(result) == [2, 2, 0]
    first, second = result.corpus.iloc[0], result.corpus.iloc[1]
    assert (first["outlet"], day(first["published"]), first["headline"], first["byline"], first["section"], first["length"]) == (
        "Marlheimer Bote", "2012-03-03", "Polizei warnt vor privaten Fallen", "Anna Kessler", "Lokales; S. 9", "214 Wörter")
    assert first["weekday"] == "Samstag" and first["language"] == "GERMAN; DEUTSCH" and first["load_date"] == "5. März 2012"
    assert second["edition"] == "Ausgabe Nord" and day(second["published"]) == "2012-03-05"
    assert second["text"] == "Das Landgericht hat das Verfahren vertagt."


def test_lexisnexis_academic_txt():
    path = EXPORTS / "lexis_academic.txt"
    assert detect_format(path) == "nexis"
    result = read_corpus(path)
    assert counts(result) == [4, 3, 1]
    first, second, fourth = (result.corpus.iloc[i] for i in range(3))
    assert first["headline"] == "Police warn against vigilante stings: force says 'leave it to us'"
    assert (first["outlet"], day(first["published"]), first["edition"], first["section"], first["byline"]) == (
        "The Carrow Courier", "2010-01-11", "Edition 1; Scotland", "NEWS; Pg. 12", "Jane Holt")
    assert first["text"] == ("Officers in Northmoor urged people not to act alone after a sting outside a supermarket drew a crowd on Friday evening."
                             "\n\nTwo men were later arrested, the force said.")
    assert (second["headline"], second["edition"], second["byline"]) == ("Charity calls for app checks", "3 Star Edition", "")
    assert (fourth["headline"], fourth["edition"], day(fourth["published"])) == ("Court hears sting evidence", "", "2010-01-08")
    assert fourth["text"].endswith("The trial continues.") and "Copyright" not in "".join(result.corpus["text"])
    assert result.quarantine[["row", "reason"]].values.tolist() == [[3, "graphics-only item (a GRAPHIC field and no text)"]]


# ----------------------------------------------------------------------------- routing and accounting


def test_folder_reads_each_file_by_content_and_lists_skipped(tmp_path):
    for name in ("factiva_article_de.html", "nexis_uk_en.html", "lexis_academic.txt"):
        (tmp_path / name.replace(".html", ".htm")).write_bytes((EXPORTS / name).read_bytes())
    (tmp_path / "renamed-export.dat").write_bytes((EXPORTS / "factiva_full_it.html").read_bytes())
    (tmp_path / "notes.txt").write_text("Length: my notes\nSection: none\n", encoding="utf-8")
    with pytest.warns(UserWarning):
        result = read_corpus(tmp_path)
    report = result.report.set_index("source_file")
    assert report.loc["factiva_article_de.htm", "importer"] == "factiva" and report.loc["nexis_uk_en.htm", "importer"] == "nexis"
    assert report.loc["renamed-export.dat", "importer"] == "factiva" and report.loc["renamed-export.dat", "parsed"] == 1
    assert report.loc["notes.txt", "warning"].startswith("skipped: not a recognised export (it resembles a Nexis Uni export")
    assert (report["expected"] == report["parsed"] + report["quarantined"]).all() and report["expected"].sum() == 10


def test_unrecognised_file_names_what_it_resembles(tmp_path):
    (tmp_path / "export.txt").write_text("HD\nSomething\nPD\n4 March 2021\n", encoding="utf-8")
    with pytest.raises(CorpusError, match="resembles a Factiva export"):
        read_corpus(tmp_path / "export.txt")
    (tmp_path / "blank.txt").write_text("just some words\n", encoding="utf-8")
    with pytest.raises(CorpusError, match="resembles none of the supported formats"):
        detect_format(tmp_path / "blank.txt")


def test_factiva_html_named_like_a_web_page_is_not_one_page(tmp_path):
    (tmp_path / "page.html").write_bytes((EXPORTS / "factiva_article_en.html").read_bytes())
    result = read_corpus(tmp_path / "page.html")
    assert (result.report["importer"] == "factiva").all() and counts(result) == [3, 2, 1]


@pytest.mark.parametrize("rtf", [
    r"{\rtf1\ansi\ansicpg1252{\fonttbl{\f0 Times;}}\f0 Caf\'e9 \u8212?\par Police said {nothing} \{more\}.\par}",
    r"{\rtf1\ansi\uc2 A\u8212\'97\'97B \'e9t\'e9 {\*\generator x;}{\fonttbl{\f0\fcharset134 SimSun;}}\f0 \'d6\'d0\'ce\'c4 end\par}",
    r"{\rtf1 x\u8212?yz\uc0\u233 k\line tab\tab end\emdash\par}",
])
def test_fast_rtf_reader_matches_striprtf(rtf):
    from striprtf.striprtf import rtf_to_text as reference

    from presslens.importers._rtf import rtf_to_text

    assert rtf_to_text(rtf) == reference(rtf, errors="replace")


@pytest.mark.parametrize("line, parts", [
    ("March 3, 2019 Sunday, Late Edition - Final", ("2019-03-03", "Sunday", "", "Late Edition - Final")),
    ("July 1, 2019 Monday 5:02 PM EST", ("2019-07-01", "Monday", "5:02 PM EST", "")),
    ("3 mars 2019 dimanche, Édition Paris", ("2019-03-03", "dimanche", "", "Édition Paris")),
    ("4. März 2021 Donnerstag", ("2021-03-04", "Donnerstag", "", "")),
    ("3 de marzo de 2019 domingo", ("2019-03-03", "domingo", "", "")),
    ("domenica 3 marzo 2019", ("2019-03-03", "domenica", "", "")),
    ("3 maart 2019 zondag", ("2019-03-03", "zondag", "", "")),
    ("3 de março de 2019 domingo", ("2019-03-03", "domingo", "", "")),
    ("2011 年 12 月 29 日 星期四", ("2011-12-29", "星期四", "", "")),
    ("2019年3月3日 日曜日", ("2019-03-03", "日曜日", "", "")),
])
def test_date_lines_in_nine_languages(line, parts):
    from presslens.importers._dates import split_date_line

    assert tuple(split_date_line(line)) == parts


@pytest.mark.parametrize("line", ["Police warn against stings", "Date and Time: Friday, 8. March 2019", "Documents (6)", "Late Edition - Final"])
def test_lines_that_are_not_date_lines(line):
    from presslens.importers._dates import split_date_line

    assert split_date_line(line) is None


def test_factiva_article_format_with_metadata_wrapped_in_a_block(tmp_path):
    (tmp_path / "wrapped.html").write_text(
        '<html><head><meta charset="utf-8"></head><body><div class="article enArticle"><div id="hd"><span class="enHeadline">Police warn</span></div>'
        '<div class="meta"><div>By Jane Holt</div><div>412 words</div><div>4 March 2021</div><div>The Carrow Courier</div><div>CARCOU</div><div>English</div></div>'
        '<p class="articleParagraph enarticleParagraph">Officers urged people.</p><div>Document CARCOU0020210304eh340001</div></div></body></html>', encoding="utf-8")
    result = read_factiva(tmp_path / "wrapped.html")
    assert counts(result) == [1, 1, 0]
    article = result.corpus.iloc[0]
    assert (article["doc_id"], article["outlet"], article["byline"], article["source_code"], article["language"], article["text"]) == (
        "CARCOU0020210304eh340001", "The Carrow Courier", "By Jane Holt", "CARCOU", "English", "Officers urged people.")
