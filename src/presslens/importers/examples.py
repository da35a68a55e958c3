"""Example export files in the documented layouts of Nexis Uni, LexisNexis, Factiva, Media
Cloud, saved web pages and Excel, for tests and for notebook 11.

Every article, outlet, person and organisation here is fictional and every sentence was
written for presslens; nothing is copied from a real export.  The files deliberately
carry the problems real exports have: a cover page, a missing byline, a date in German,
a truncated last article, a Latin-1 (not UTF-8) text file, accented characters escaped
in RTF, an item with no text, a page that is only a menu, and script payloads in HTML.

Example
-------
>>> paths = write_examples("scratch/examples")        # doctest: +SKIP
>>> read_nexis(paths["nexis_docx"]).report             # doctest: +SKIP
"""

from __future__ import annotations

import zipfile
from pathlib import Path

import pandas as pd

NEXIS_ARTICLES = [
    {"headline": "Police warn against vigilante stings", "outlet": "The Carrow Courier", "date": "March 4, 2021 Thursday", "byline": "Jane Holt",
     "section": "NEWS; Pg. 12", "length": "312 words", "edition": "National Edition",
     "body": ["Officers urged people not to act alone.", "Two men were arrested after the sting."]},
    {"headline": "Hunter group founder speaks out", "outlet": "Fenland Echo", "date": "4. März 2021 Donnerstag", "byline": None,
     "section": "LOCAL", "length": "120 words", "edition": None,
     "body": ["The founder said the group would carry on.", "Police said they would review the footage."]},
    {"headline": "Charity calls for app checks", "outlet": "The Carrow Courier", "date": "5 March 2021", "byline": "Sam Price",
     "section": "NEWS", "length": "98 words", "edition": None,
     "body": ["The charity said age checks were too weak."]},
]
COVER_PAGE = ["Nexis Uni", "Search Terms: paedophile hunters", "Job Number: 12345", "Documents (3)", "1. Police warn against vigilante stings", ""]

FACTIVA_ARTICLES = [
    [("HD", "Police warn against vigilante stings"), ("BY", "Jane Holt"), ("WC", "312 words"), ("PD", "4 March 2021"), ("SN", "The Carrow Courier"),
     ("SC", "CARCOU"), ("LA", "English"), ("LP", "Officers urged people not to act alone."), ("TD", "Two men were arrested after the sting.|The force said it would review footage."),
     ("NS", "gcrim : Crime"), ("AN", "Document CARCOU0020210304eh340001")],
    [("HD", "Charity &amp; police call for app checks"), ("WC", "98 words"), ("PD", "5 March 2021"), ("SN", "Fenland Echo"), ("SC", "FENECH"), ("LA", "English"),
     ("LP", "The charity said age checks were too weak."), ("TD", ""), ("AN", "Document FENECH0020210305eh350002")],
    [("HD", "Empty item"), ("PD", "6 March 2021"), ("SN", "Fenland Echo"), ("AN", "Document FENECH0020210306eh360003")],
]

WEB_PAGE = """<html><head><title>{title}</title><meta property="og:site_name" content="The Carrow Courier">
<meta name="date" content="{date}"><link rel="canonical" href="https://carrow.example/news/{n}"></head>
<body><nav>Home | News | Sport</nav><article><h1>{title}</h1>
<p>Officers in Doncaster have urged people not to take the law into their own hands after a sting drew a crowd outside a supermarket on Friday evening.</p>
<p>"Please pass any information to us," said Detective Inspector Ruth Kellaway, of Northmoor Police, who said two men had been arrested.</p>
<script>document.write('<img src=x onerror=alert(1)>')</script>
<p>The force said it had received more than 300 referrals from such groups in the past year, a figure it described as unprecedented.</p>
</article><footer>Copyright The Carrow Courier</footer></body></html>"""


def nexis_lines(articles: list[dict], *, cover_page: bool = True, truncated_last: bool = False) -> list[str]:
    """The paragraphs of a Nexis Uni export (DOCX or RTF) holding ``articles``."""
    lines = [f"Documents ({len(articles)})" if line.startswith("Documents (") else line for line in COVER_PAGE] if cover_page else []
    for index, article in enumerate(articles):
        lines += [article["headline"], article["outlet"], article["date"], "Copyright 2021 Carrow Media Ltd",
                  f"Section: {article['section']}", f"Length: {article['length']}"]
        if article.get("byline"):
            lines.append(f"Byline: {article['byline']}")
        if article.get("edition"):
            lines.append(f"Edition: {article['edition']}")
        lines.append("Body")
        if truncated_last and index == len(articles) - 1:
            break  # the export stops after the Body marker
        lines += list(article["body"]) + [f"Load-Date: {article.get('load_date', 'March 6, 2021')}", "End of Document"]
    return lines


def write_lines_docx(path, lines: list[str]) -> Path:
    """A DOCX file with one Word paragraph per line (how Nexis Uni writes its exports)."""
    import docx

    document = docx.Document()
    for line in lines:
        document.add_paragraph(line)
    document.core_properties.created = pd.Timestamp("2021-03-06").to_pydatetime()
    document.save(str(path))
    return Path(path)


def write_lines_rtf(path, lines: list[str]) -> Path:
    """An RTF file with one paragraph per line, accented characters escaped as Word does."""
    body = "".join(rtf_escape(line) + "\\par\n" for line in lines)
    Path(path).write_text("{\\rtf1\\ansi\\ansicpg1252\\deff0{\\fonttbl{\\f0 Times New Roman;}}\\f0\\fs24\n" + body + "}", encoding="ascii")
    return Path(path)


def write_nexis_docx(path, articles=NEXIS_ARTICLES, *, cover_page: bool = True, truncated_last: bool = False) -> Path:
    """A Nexis Uni DOCX export: one Word paragraph per line of :func:`nexis_lines`."""
    import docx

    document = docx.Document()
    for line in nexis_lines(articles, cover_page=cover_page, truncated_last=truncated_last):
        document.add_paragraph(line)
    document.core_properties.created = pd.Timestamp("2021-03-06").to_pydatetime()  # fixed, so the file is reproducible in content
    document.save(str(path))
    return Path(path)


def rtf_escape(text: str) -> str:
    """Text as RTF: backslashes and braces escaped, Windows-1252 characters as ``\\'xx``,
    anything else as ``\\uN?``."""
    out = []
    for char in text:
        if char in "\\{}":
            out.append("\\" + char)
        elif ord(char) < 128:
            out.append(char)
        else:
            try:
                out.append("\\'" + char.encode("cp1252").hex())
            except UnicodeEncodeError:
                code = ord(char)
                out.append(f"\\u{code if code < 32768 else code - 65536}?")
    return "".join(out)


def write_nexis_rtf(path, articles=NEXIS_ARTICLES, *, cover_page: bool = True, truncated_last: bool = False) -> Path:
    """A Nexis Uni RTF export (the same paragraphs as the DOCX export), with accented
    characters escaped the way Word writes them."""
    body = "".join(rtf_escape(line) + "\\par\n" for line in nexis_lines(articles, cover_page=cover_page, truncated_last=truncated_last))
    Path(path).write_text("{\\rtf1\\ansi\\ansicpg1252\\deff0{\\fonttbl{\\f0 Times New Roman;}}\\f0\\fs24\n" + body + "}", encoding="ascii")
    return Path(path)


def write_nexis_txt(path, articles=NEXIS_ARTICLES, *, encoding: str = "latin-1") -> Path:
    """The older LexisNexis TXT export (``N of M DOCUMENTS`` separators, upper-case fields),
    written in Latin-1 as old exports were."""
    parts = []
    for index, article in enumerate(articles, start=1):
        parts.append(f"                    {index} of {len(articles)} DOCUMENTS\n\n              {article['outlet']}\n\n           {article['date']}\n\n"
                     f"HEADLINE: {article['headline']}\n\n" + (f"BYLINE: {article['byline']}\n\n" if article.get("byline") else "")
                     + f"SECTION: {article['section']}\n\nLENGTH: {article['length']}\n\n" + "\n\n".join(article["body"]) + "\n\nLOAD-DATE: March 6, 2021\n\nLANGUAGE: ENGLISH\n\n")
    Path(path).write_bytes("".join(parts).encode(encoding, errors="replace"))
    return Path(path)


def write_factiva_html(path, articles=FACTIVA_ARTICLES) -> Path:
    """A Factiva "Full Article/Report plus Indexing" HTML export: a table of field codes
    per article, with a script after each (which the importer must never run or keep)."""
    rows = []
    for article in articles:
        rows.append("<div class='article'><table>")
        for code, value in article:
            cells = "".join(f"<p>{p}</p>" for p in value.split("|")) if code in ("LP", "TD") else value
            rows.append(f"<tr><td><b>{code}</b></td><td>{cells}</td></tr>")
        rows.append("</table></div><script>alert(1)</script>")
    Path(path).write_text("<html><body><h1>Factiva</h1>" + "".join(rows) + "</body></html>", encoding="utf-8")
    return Path(path)


def write_factiva_article_html(path, articles=FACTIVA_ARTICLES[:2]) -> Path:
    """A Factiva "Article Format" HTML export: one ``<div class="article enArticle">``
    per article, the headline in ``<div id="hd">``, unlabelled metadata ``<div>`` lines,
    ``<p class="articleParagraph">`` paragraphs and the ``Document`` line."""
    parts = []
    for number, article in enumerate(articles, start=1):
        fields = dict(article)
        meta = [fields.get(code) for code in ("BY", "WC", "PD", "SN", "SC", "LA")] + ["(c) 2021 Carrow Media Ltd. All rights reserved."]
        divs = "".join(f"<div>{value}</div>" for value in meta if value)
        paragraphs = "".join(f'<p class="articleParagraph enarticleParagraph">{p}</p>'
                             for code in ("LP", "TD") for p in fields.get(code, "").split("|") if p)
        parts.append(f'<div id="article-{number}" class="article enArticle"><div id="hd"><span class="enHeadline">{fields["HD"]}</span></div>'
                     f"{divs}{paragraphs}<div>{fields['AN']}</div></div>")
    Path(path).write_text('<html><head><meta charset="utf-8"><title>Factiva</title></head><body><div id="articles">'
                          + "".join(parts) + "</div></body></html>", encoding="utf-8")
    return Path(path)


def write_factiva_rtf(path, articles=FACTIVA_ARTICLES) -> Path:
    """A Factiva RTF export: each field code on its own line, then its paragraphs."""
    lines = []
    for article in articles:
        for code, value in article:
            lines.append(code + r"\par ")
            for paragraph in value.split("|"):
                lines.append(rtf_escape(paragraph.replace("&amp;", "&")) + r"\par \par ")
    Path(path).write_text(r"{\rtf1\ansi " + "".join(lines) + "}", encoding="ascii")
    return Path(path)


def write_mediacloud(folder) -> tuple[Path, Path]:
    """A Media Cloud story list (three stories) and a folder of fetched pages for two of
    them; returns ``(stories.csv, pages folder)``."""
    folder = Path(folder)
    pages = folder / "pages"
    pages.mkdir(parents=True, exist_ok=True)
    stories = pd.DataFrame({"stories_id": ["101", "102", "103"], "publish_date": ["2021-03-04 10:00:00", "2021-03-05 08:30:00", "2021-03-06 12:00:00"],
                            "title": ["Police warn against stings", "Charity report on app checks", "Not fetched"],
                            "url": [f"https://carrow.example/{i}" for i in (1, 2, 3)],
                            "media_name": ["The Carrow Courier", "Fenland Echo", "The Carrow Courier"]})
    stories.to_csv(folder / "stories.csv", index=False, lineterminator="\n")
    (pages / "101.html").write_text(WEB_PAGE.format(title="Police warn against stings", date="2021-03-04", n=1), encoding="utf-8")
    (pages / "102.txt").write_text("The charity said age checks on messaging apps were too weak and called for an independent review of how reports are handled.",
                                   encoding="utf-8")
    return folder / "stories.csv", pages


def write_web_pages(folder) -> Path:
    """Two saved article pages and one page that is only a menu."""
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    for n, (title, date) in enumerate([("Police warn against stings", "2021-03-04"), ("Crowd gathers at sting", "2021-03-06")]):
        (folder / f"page{n}.html").write_text(WEB_PAGE.format(title=title, date=date, n=n), encoding="utf-8")
    (folder / "page9.html").write_text("<html><body><nav>Menu</nav></body></html>", encoding="utf-8")
    return folder


def write_excel(path) -> Path:
    """A spreadsheet of articles with the researcher's own column names."""
    frame = pd.DataFrame({"ID": ["x1", "x2"], "Paper": ["The Carrow Courier", "Fenland Echo"], "Date": ["2021-03-04", "2021-03-05"],
                          "Title": ["Police warn against stings", "Charity report"],
                          "Article": ["Officers urged people not to act alone.", "The charity said age checks were too weak."]})
    frame.to_excel(path, index=False, engine="openpyxl")
    return Path(path)


EXCEL_COLUMNS = {"ID": "doc_id", "Paper": "outlet", "Date": "published", "Title": "headline", "Article": "text"}


def write_examples(folder) -> dict[str, Path]:
    """Write one example of every supported export under ``folder``; returns their paths
    by name (``nexis_docx``, ``nexis_rtf``, ``nexis_txt``, ``nexis_zip``, ``factiva_html``,
    ``factiva_rtf``, ``mediacloud``, ``mediacloud_pages``, ``web_pages``, ``excel``)."""
    folder = Path(folder)
    for sub in ("nexis", "factiva", "mediacloud", "web"):
        (folder / sub).mkdir(parents=True, exist_ok=True)
    paths = {
        "nexis_docx": write_nexis_docx(folder / "nexis" / "export.docx", truncated_last=True),
        "nexis_rtf": write_nexis_rtf(folder / "nexis" / "second-export.rtf"),
        "nexis_txt": write_nexis_txt(folder / "nexis" / "old-export.txt", [NEXIS_ARTICLES[0], NEXIS_ARTICLES[2]]),
        "factiva_html": write_factiva_html(folder / "factiva" / "export.html"),
        "factiva_rtf": write_factiva_rtf(folder / "factiva" / "export.rtf"),
    }
    paths["nexis_zip"] = folder / "nexis-exports.zip"
    with zipfile.ZipFile(paths["nexis_zip"], "w") as archive:
        for name in ("nexis_docx", "nexis_txt"):
            archive.write(paths[name], paths[name].name)
    paths["mediacloud"], paths["mediacloud_pages"] = write_mediacloud(folder / "mediacloud")
    paths["web_pages"] = write_web_pages(folder / "web")
    paths["excel"] = write_excel(folder / "articles.xlsx")
    return paths
