"""Factiva exports: HTML in both displays, RTF and plain text, in any interface language.

**"Full Article/Report plus Indexing"** writes each article as a run of field codes, each
followed by its value: ``HD`` headline, ``BY`` byline, ``WC`` word count, ``PD``
publication date, ``SN`` source name, ``SC`` source code, ``LA`` language, ``CY``
copyright, ``LP`` lead paragraphs, ``TD`` text, ``AN`` accession number (which ends the
article), plus indexing codes (``CO``, ``IN``, ``NS``, ``RE``...) kept as columns.  The
codes are the same in every interface language; the values (dates, word counts) are not.

**"Article Format"** has no field codes: the headline sits in ``<div id="hd">``, then
come unlabelled ``<div>`` lines (byline, word count, date, time, source name, source
code, language, copyright) in that order, the paragraphs (``<p class="articleParagraph">``)
and the ``Document <accession number>`` line.  Each line is recognised by what it holds
(a word count, a date, a language name, a copyright sign), not by its position alone.

In HTML every article is one container element (``<div class="article enArticle">``),
so the number of containers is the number of articles *expected*, whatever parsed.  In
RTF and text exports the articles are counted by their ``HD`` codes or, in Article
Format, by their ``Document`` lines.  Dates are read in English, French, German,
Spanish, Italian, Dutch, Portuguese, Chinese and Japanese through ``dateparser``
(:mod:`presslens.importers._dates`).  The ``doc_id`` is the accession number alone:
a copyright or footer line after it is never glued on.  Articles without text, date or
source are quarantined with the reason.
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

from presslens.corpus.encoding import decode
from presslens.corpus.schema import CorpusError
from presslens.importers._common import (
    INTERNAL_DTD_SUBSET,
    ImportResult,
    collapse_blank_lines,
    finish,
)
from presslens.importers._dates import LANGUAGES, split_date_line

CODES = ("SE", "HD", "BY", "CR", "WC", "PD", "ET", "SN", "SC", "ED", "PG", "VOL", "LA", "CY", "LP", "TD", "CT", "RF", "CO", "IN", "NS", "RE",
         "IPC", "IPD", "PUB", "AN")
_CODE_LINE = re.compile(r"^(" + "|".join(CODES) + r")\s*(?:\t|\s{2,}|$)(.*)$")
MAX_BYTES = 100 * 1024 * 1024
# the accession number: source code, "00", the date (yyyymmdd), "e", and a 7-8 character serial
_ACCESSION = re.compile(r"\b([A-Za-z0-9]{2,12}\d{8}[a-z][a-z0-9]{6,9})\b")
# "Document ...", "Dokument ...", "Documento ...", "文档 ...", "ドキュメント ..." then the accession number
_DOCUMENT_LINE = re.compile(r"^\s*\S{1,12}\s+([A-Za-z0-9]{2,12}\d{8}[a-z][a-z0-9]{6,9})\s*$")
_WORD_COUNT = re.compile(r"^\s*[\d.,\s\u00a0]+\s*(?:words?|mots?|wörter|wort|palabras?|parole|woorden|woord|palavras?|字|語|単語|文字)\s*$", re.IGNORECASE)
_TIME_ONLY = re.compile(r"^\s*\d{1,2}[:.]\d{2}(?:\s*[AaPp]\.?[Mm]\.?)?(?:\s+[A-Z]{1,5})?\s*$")
_COPYRIGHT = re.compile(r"^\s*(?:©|\(c\)|copyright\b|版权|著作権|\u00a9)", re.IGNORECASE)
_SOURCE_CODE = re.compile(r"^[A-Z0-9]{2,10}$")
INDEXING = {"CO": "companies", "IN": "industries", "NS": "subjects", "RE": "regions", "IPC": "indexing_codes", "IPD": "descriptors", "PUB": "publisher",
            "SE": "section", "ED": "edition", "PG": "page", "ET": "time", "CR": "credit", "CY": "copyright"}


@lru_cache(maxsize=1)
def language_names() -> frozenset[str]:
    """Names of languages as Factiva's interfaces write them (``English``, ``anglais``,
    ``Englisch``, ``inglés``, ``英文``...), from the CLDR data shipped with ``babel``.

    Example
    -------
    >>> {"english", "anglais", "englisch", "inglés", "英文", "英語"} <= language_names()
    True
    """
    from babel import Locale

    names = set()
    for ui in LANGUAGES:
        locale = Locale.parse({"zh": "zh_Hans"}.get(ui, ui))
        names |= {name.lower() for code, name in locale.languages.items() if len(code) <= 3}
    names |= {"中文", "英文", "简体中文", "繁體中文"}
    return frozenset(names)


def classify_lines(values: list[str]) -> dict:
    """The unlabelled metadata lines of an "Article Format" article (after the
    headline, before the paragraphs) read by what they hold: ``byline``, ``word_count``,
    ``published``, ``time``, ``outlet``, ``source_code``, ``edition`` (anything else
    between source and language), ``language``, ``copyright``.

    Example
    -------
    >>> meta = classify_lines(["Par Claire Dumas", "412 mots", "29 décembre 2011", "Le Courrier de Marlesse",
    ...                        "COURMA", "Français", "© 2011 Le Courrier de Marlesse. Tous droits réservés."])
    >>> meta["byline"], meta["word_count"], meta["published"], meta["outlet"], meta["source_code"], meta["language"]
    ('Par Claire Dumas', '412 mots', '2011-12-29', 'Le Courrier de Marlesse', 'COURMA', 'Français')
    """
    meta = {"byline": "", "word_count": "", "published": "", "date_text": "", "time": "", "outlet": "", "source_code": "", "edition": "",
            "language": "", "copyright": "", "section": ""}
    before_count, extra = [], []
    for value in values:
        value = " ".join(value.split())
        if not value:
            continue
        if not meta["word_count"] and _WORD_COUNT.match(value):
            meta["word_count"] = value
        elif not meta["published"] and (parsed := split_date_line(value)) is not None and not parsed.edition:
            meta["published"], meta["date_text"] = parsed.date, value
            if parsed.time:
                meta["time"] = parsed.time
        elif meta["published"] and not meta["time"] and not meta["outlet"] and _TIME_ONLY.match(value):
            meta["time"] = value
        elif _COPYRIGHT.match(value):
            meta["copyright"] = value
        elif meta["outlet"] and value.lower() in language_names():
            meta["language"] = value
        elif not meta["word_count"] and not meta["published"]:
            before_count.append(value)
        elif not meta["outlet"]:
            meta["outlet"] = value
        elif not meta["source_code"] and _SOURCE_CODE.match(value) and not extra:
            meta["source_code"] = value
        elif not meta["language"]:
            extra.append(value)
    if before_count:
        meta["byline"] = before_count[-1]
        meta["section"] = "; ".join(before_count[:-1])
    meta["edition"] = "; ".join(extra)
    return meta


def _clean(text: str) -> str:
    return " ".join(text.replace("\u00a0", " ").split())


def _accession(values: list[str]) -> str:
    """The accession number in the ``AN`` value or ``Document`` line (nothing else)."""
    for value in values:
        found = _ACCESSION.search(value)
        if found:
            return found.group(1)
    return ""


# ----------------------------------------------------------------------------- field codes


def _code_articles(lines: list[str]) -> list[dict]:
    """Field values by code, one dict per article; an article starts at each ``HD`` (or
    at ``SE`` when a section precedes the headline)."""
    articles: list[dict] = []
    current, code = None, None
    for line in lines:
        match = _CODE_LINE.match(line)
        if match:
            code = match.group(1)
            if code in ("HD", "SE") and (current is None or "HD" in current or (code == "SE" and current)):
                if not (code == "HD" and current is not None and list(current) == ["SE"]):
                    current = {}
                    articles.append(current)
            if current is None:
                continue
            current.setdefault(code, [])
            if match.group(2).strip():
                current[code].append(match.group(2).strip())
            continue
        if current is None or code is None:
            continue
        if code == "AN" and current.get("AN") and _accession(current["AN"]):
            continue  # a footer after the accession number belongs to no field
        if not line:
            if code in ("LP", "TD") and current.get(code) and current[code][-1] != "":
                current[code].append("")
            continue
        current[code].append(line)
    return articles


def _paragraphs(values: list[str]) -> list[str]:
    text = "\n".join(values)
    return [" ".join(p.split()) for p in re.split(r"\n\s*\n", text) if p.strip()]


def _record_from_codes(article: dict) -> dict:
    joined = {code: _clean(" ".join(values)) for code, values in article.items()}
    date = split_date_line(joined.get("PD", "")) if joined.get("PD") else None
    record = {"doc_id": _accession(article.get("AN", [])), "headline": joined.get("HD", ""), "byline": joined.get("BY", ""),
              "published": date.date if date else joined.get("PD", ""), "date_text": joined.get("PD", ""), "outlet": joined.get("SN", ""),
              "source_code": joined.get("SC", ""), "language": joined.get("LA", ""), "word_count": joined.get("WC", ""),
              "text": "\n\n".join(_paragraphs(article.get("LP", [])) + _paragraphs(article.get("TD", [])))}
    for code, column in INDEXING.items():
        record[column] = joined.get(code, "")
    return record


# ----------------------------------------------------------------------------- Article Format (lines)


def _format_articles_from_lines(lines: list[str]) -> tuple[list[dict], int]:
    """Article Format in RTF or text: blocks ending with a ``Document <accession>``
    line; the first line is the headline, then the unlabelled metadata lines up to the
    copyright line, then the paragraphs.  Returns (records, expected)."""
    blocks, current = [], []
    for line in lines:
        current.append(line)
        if _DOCUMENT_LINE.match(line):
            blocks.append(current)
            current = []
    truncated = any(line.strip() for line in current) and any(_WORD_COUNT.match(line) for line in current)
    if truncated:
        blocks.append(current)
    records = []
    for block in blocks:
        filled = [_clean(line) for line in block if line.strip()]
        doc_line = filled[-1] if filled and _DOCUMENT_LINE.match(filled[-1]) else ""
        content = filled[:-1] if doc_line else filled
        count_at = next((i for i, v in enumerate(content) if _WORD_COUNT.match(v)), None)
        if count_at is None:
            records.append({"doc_id": _accession([doc_line]), "headline": content[0] if content else "", "text": "", "published": "", "outlet": ""})
            continue
        # the headline is the first line; lines before the word count are byline or section
        cut = next((i for i, v in enumerate(content) if i > count_at and _COPYRIGHT.match(v)), None)
        if cut is None:  # no copyright line: metadata ends at the language name
            cut = next((i for i, v in enumerate(content) if i > count_at and v.lower() in language_names()), count_at + 4)
        meta = classify_lines(content[1: cut + 1])
        records.append({**meta, "doc_id": _accession([doc_line]), "headline": content[0], "text": "\n\n".join(content[cut + 1:])})
    return records, len(blocks)


# ----------------------------------------------------------------------------- HTML


def _html_tree(raw: str):
    import lxml.html

    # an internal DTD subset (entity declarations) has no use in an export and is how
    # entity-expansion attacks are carried; it is dropped before the parser sees it
    raw = INTERNAL_DTD_SUBSET.sub("<!DOCTYPE html>", raw, count=1)
    parser = lxml.html.HTMLParser(encoding="utf-8", no_network=True, remove_comments=True, huge_tree=False)
    tree = lxml.html.document_fromstring(raw.encode("utf-8"), parser=parser)
    for bad in tree.xpath("//script|//style|//noscript"):
        bad.drop_tree()
    return tree


def html_lines(element) -> list[str]:
    """The text of an lxml element, one line per block element (paragraph, div, table
    cell, line break), blank lines between paragraphs.

    Example
    -------
    >>> import lxml.html
    >>> html_lines(lxml.html.fromstring("<div><p>One <b>two</b></p><p>Three</p></div>"))
    ['One two', '', 'Three']
    """
    blocks = {"p", "div", "br", "tr", "td", "th", "li", "h1", "h2", "h3", "h4", "h5", "table", "b", "span"}
    parts: list[str] = []

    def walk(node):
        tag = node.tag if isinstance(node.tag, str) else ""
        block = tag in blocks and (tag != "span" or node.get("class", "").endswith("Headline"))
        if tag == "b" and (node.text or "").strip() not in CODES:
            block = False
        if block:
            parts.append("\n\n" if tag == "p" else "\n")
        if node.text:
            parts.append(node.text)
        for child in node:
            walk(child)
            if child.tail:
                parts.append(child.tail)
        if block:
            parts.append("\n\n" if tag == "p" else "\n")

    walk(element)
    lines = [_clean(line) for line in "".join(parts).split("\n")]
    return collapse_blank_lines(lines)


def _is_container(element) -> bool:
    classes = element.get("class", "").split()
    return "article" in classes or any(re.fullmatch(r"[a-z]{2}(?:-[A-Za-z]+)?Article", c) for c in classes)


def _html_records(tree) -> tuple[list[dict], int, str]:
    """Records, expected count and the display found in a Factiva HTML page."""
    containers = [e for e in tree.iter("div", "article", "section") if _is_container(e)]
    # nested containers (a wrapper holding all articles) are not articles themselves
    containers = [c for c in containers if not any(_is_container(d) for d in c.iterdescendants("div", "article", "section"))]
    if not containers:
        headline_divs = tree.xpath("//*[@id='hd']")
        containers = [h.getparent() for h in headline_divs] if headline_divs else []
    if not containers:  # field codes in a page without article containers: count the HD codes
        articles = _code_articles(html_lines(tree))
        return [_record_from_codes(a) for a in articles], len(articles), "factiva-html"
    records = []
    display = "factiva-html-article"
    for container in containers:
        lines = html_lines(container)
        if any(_CODE_LINE.match(line) and _CODE_LINE.match(line).group(1) == "HD" for line in lines):
            display = "factiva-html"
            coded = _code_articles(lines)
            records.append(_record_from_codes(coded[0]) if coded else {"doc_id": "", "text": "", "headline": "", "published": "", "outlet": ""})
            continue
        headline_el = container.xpath(".//*[@id='hd']")
        headline = _clean(headline_el[0].text_content()) if headline_el else ""
        paragraphs = [_clean(p.text_content()) for p in container.xpath(".//p[contains(concat(' ', normalize-space(@class), ' '), 'rticleParagraph')]")]
        if not paragraphs:
            paragraphs = [_clean(p.text_content()) for p in container.xpath(".//p")]
        meta_values, document_line = [], ""
        inside_headline = set(headline_el[0].iter()) if headline_el else set()
        # the unlabelled metadata lines: the innermost divs (flat, or wrapped in a block),
        # in document order, outside the headline and the paragraphs
        for child in container.iterdescendants("div"):
            if child in inside_headline or any(True for _ in child.iterdescendants("div", "p")) or any(a.tag == "p" for a in child.iterancestors()):
                continue
            value = _clean(child.text_content())
            if _DOCUMENT_LINE.match(value):
                document_line = value
            elif value and not document_line:
                meta_values.append(value)
        meta = classify_lines(meta_values)
        records.append({**meta, "doc_id": _accession([document_line]), "headline": headline, "text": "\n\n".join(p for p in paragraphs if p)})
    return records, len(containers), display


# ----------------------------------------------------------------------------- entry point


def _kind(raw: str) -> str:
    head = raw[:4096].lstrip("\ufeff \r\n\t")
    if head.startswith("{\\rtf"):
        return "rtf"
    if re.search(r"<(?:html|body|div|table|!doctype)\b", raw[:20000], re.IGNORECASE):
        return "html"
    return "txt"


def read_factiva(path, *, dayfirst=True) -> ImportResult:
    """Read a Factiva export (HTML in either display, RTF or text) as ``(corpus,
    quarantine, report)``.

    ``doc_id`` is the accession number (else ``<file stem>-<n>``); the text is the lead
    paragraphs followed by the body.  The report's ``expected`` counts the page's article
    containers (HTML) or ``HD`` codes / ``Document`` lines (RTF, text).

    Example
    -------
    >>> import tempfile, pathlib
    >>> from presslens.importers.examples import write_factiva_article_html
    >>> folder = pathlib.Path(tempfile.mkdtemp())
    >>> corpus, quarantine, report = read_factiva(write_factiva_article_html(folder / "factiva.html"))
    >>> report[["expected", "parsed", "quarantined"]].values.tolist()
    [[2, 2, 0]]
    >>> corpus[["doc_id", "outlet", "headline"]].values.tolist()[0]
    ['CARCOU0020210304eh340001', 'The Carrow Courier', 'Police warn against vigilante stings']
    """
    path = Path(path)
    if path.stat().st_size > MAX_BYTES:
        raise CorpusError(path, f"is larger than {MAX_BYTES:,} bytes", "split the export")
    raw, _ = decode(path.read_bytes(), path)
    kind = _kind(raw)
    if kind == "html":
        records, expected, fmt = _html_records(_html_tree(raw))
    else:
        if kind == "rtf":
            from presslens.importers._rtf import rtf_to_text

            text = rtf_to_text(raw)
        else:
            text = raw
        lines = [_clean(line) for line in text.replace("\r\n", "\n").split("\n")]
        coded = _code_articles(lines)
        if coded:
            records, expected, fmt = [_record_from_codes(a) for a in coded], len(coded), f"factiva-{kind}"
        else:
            records, expected = _format_articles_from_lines(lines)
            fmt = f"factiva-{kind}-article"
    kept, bad = [], []
    for number, record in enumerate(records, start=1):
        record["doc_id"] = record.get("doc_id") or f"{path.stem}-{number}"
        reason = None
        if not record.get("text"):
            reason = "no text (a headline-only item, or the text fields are empty)"
        elif not record.get("outlet"):
            reason = "no source name found in the metadata lines"
        if reason:
            bad.append({"source_file": path.name, "record_no": number, "doc_id": record["doc_id"], "reason": reason})
            continue
        kept.append({**record, "source_file": path.name, "record_no": number})
    columns = {key for record in kept for key in record}
    kept = [{**dict.fromkeys(sorted(columns), ""), **record} for record in kept]
    return finish(kept, bad, fmt, dayfirst=dayfirst, expected={path.name: expected})
