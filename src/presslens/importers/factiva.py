"""Factiva exports (HTML and RTF, "Full Article/Report plus Indexing") with their field codes.

Each article is a run of field codes, each followed by its value: ``HD`` headline,
``BY`` byline, ``WC`` word count, ``PD`` publication date, ``SN`` source name, ``SC``
source code, ``LA`` language, ``LP`` lead paragraphs, ``TD`` text, ``AN`` accession
number (which ends an article), plus indexing codes (``CO``, ``IN``, ``NS``, ``RE``...)
that are kept but not used.  HTML is reduced to text lines with the standard library's
parser (no scripts run; entities decoded once), RTF with ``striprtf``.  Articles with no
text are quarantined.
"""

from __future__ import annotations

import html as html_module
import re
from html.parser import HTMLParser
from pathlib import Path

from presslens.corpus.formats import decode
from presslens.corpus.schema import CorpusError
from presslens.importers._common import finish

CODES = ("HD", "BY", "WC", "PD", "ET", "SN", "SC", "ED", "PG", "LA", "CY", "LP", "TD", "CT", "RF", "CO", "IN", "NS", "RE", "IPC", "IPD", "PUB", "AN", "SE", "CR")
_CODE_LINE = re.compile(r"^(" + "|".join(CODES) + r")\s*(?:\t|\s{2,}|$)(.*)$")
MAX_BYTES = 100 * 1024 * 1024


class _Lines(HTMLParser):
    """Text of an HTML document, one line per block element or table cell."""

    BLOCKS = {"p", "div", "br", "tr", "td", "th", "li", "h1", "h2", "h3", "h4", "table", "b"}

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.skip = 0

    def handle_starttag(self, tag, attrs):
        if tag in ("script", "style"):
            self.skip += 1
        elif tag in self.BLOCKS:
            self.parts.append("\n")

    def handle_endtag(self, tag):
        if tag in ("script", "style"):
            self.skip = max(0, self.skip - 1)
        elif tag in self.BLOCKS:
            self.parts.append("\n")

    def handle_data(self, data):
        if not self.skip:
            self.parts.append(data)


def html_lines(text: str) -> list[str]:
    parser = _Lines()
    parser.feed(text)
    parser.close()
    return [" ".join(line.split()) for line in "".join(parser.parts).split("\n")]


def _articles(lines: list[str]) -> list[dict]:
    """Field values by code, one dict per article; an article starts at each ``HD``."""
    articles: list[dict] = []
    current, code = None, None
    for line in lines:
        match = _CODE_LINE.match(line)
        if match:
            code = match.group(1)
            if code == "HD":
                current = {}
                articles.append(current)
            if current is None:
                continue  # codes before the first headline: a cover page
            current.setdefault(code, [])
            if match.group(2).strip():
                current[code].append(match.group(2).strip())
            continue
        if current is None or code is None:
            continue
        if not line:
            if code in ("LP", "TD") and current.get(code) and current[code][-1] != "":
                current[code].append("")
            continue
        current[code].append(line)
    return articles


def _paragraphs(values: list[str]) -> list[str]:
    text = "\n".join(values)
    return [" ".join(p.split()) for p in re.split(r"\n\s*\n", text) if p.strip()]


def read_factiva(path, *, dayfirst=True):
    """Read a Factiva HTML or RTF export; returns ``(corpus, quarantine, report)``.

    ``doc_id`` is the accession number (``AN``) when present, else ``<file stem>-<n>``;
    the text is the lead paragraphs (``LP``) followed by the body (``TD``).
    """
    path = Path(path)
    if path.stat().st_size > MAX_BYTES:
        raise CorpusError(path, f"is larger than {MAX_BYTES:,} bytes", "split the export")
    raw, _ = decode(path.read_bytes(), path)
    suffix = path.suffix.lower()
    if suffix in (".html", ".htm"):
        lines = html_lines(raw)
        fmt = "factiva-html"
    elif suffix == ".rtf":
        from striprtf.striprtf import rtf_to_text

        lines = [" ".join(line.split()) for line in rtf_to_text(raw).split("\n")]
        fmt = "factiva-rtf"
    else:
        raise CorpusError(path, f"is not a Factiva export ('{suffix}')", "export as HTML or RTF with 'Full Article/Report plus Indexing'")
    articles = _articles(lines)
    records, bad = [], []
    for number, article in enumerate(articles, start=1):
        accession = " ".join(article.get("AN", [])).replace("Document ", "").strip()
        doc_id = accession or f"{path.stem}-{number}"
        text = "\n\n".join(_paragraphs(article.get("LP", [])) + _paragraphs(article.get("TD", [])))
        if not text:
            bad.append({"source_file": path.name, "record_no": number, "doc_id": doc_id, "reason": "no text (LP/TD fields empty)"})
            continue
        records.append({"doc_id": doc_id, "headline": html_module.unescape(" ".join(article.get("HD", []))), "byline": " ".join(article.get("BY", [])),
                        "published": " ".join(article.get("PD", [])), "outlet": " ".join(article.get("SN", [])), "source_code": " ".join(article.get("SC", [])),
                        "language": " ".join(article.get("LA", [])), "word_count": " ".join(article.get("WC", [])), "text": text,
                        "source_file": path.name, "record_no": number})
    return finish(records, bad, fmt, dayfirst=dayfirst, expected={path.name: len(articles)})
