"""Saved web pages: text, title, date and site name through trafilatura."""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

from presslens.importers._common import finish

MAX_PAGE_BYTES = 20 * 1024 * 1024
_INTERNAL_SUBSET = re.compile(r"<!DOCTYPE[^>\[]*\[.*?\]\s*>", re.IGNORECASE | re.DOTALL)
MIN_WORDS = 10  # fewer words than this is a menu or an error page, not an article
_DECLARED = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.IGNORECASE)


def decode_page(raw: bytes) -> str:
    """The text of a saved page: a byte-order mark, else strict UTF-8, else the charset the
    page declares (``<meta charset>`` or ``http-equiv``), else detection.

    Examples
    --------
    >>> decode_page('<meta charset="windows-1252"><p>caf\u00e9 \u2013 \u00a35</p>'.encode("cp1252"))[-16:]
    '<p>café – £5</p>'
    """
    import codecs

    from presslens.corpus.encoding import decode

    if raw.startswith(codecs.BOM_UTF8):
        return raw[3:].decode("utf-8", errors="replace")
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        pass
    declared = _DECLARED.search(raw[:8192])
    if declared:
        name = declared.group(1).decode("ascii", errors="ignore").lower()
        name = "cp1252" if name in ("iso-8859-1", "latin-1", "latin1", "us-ascii", "ascii") else name  # as browsers read them (WHATWG)
        try:
            return raw.decode(name, errors="replace")
        except LookupError:
            pass
    return decode(raw, "<page>")[0]


def extract_page(html: str, url: str | None = None) -> dict:
    """Title, date, site name, URL and text (paragraphs separated by blank lines) of one
    page, through ``trafilatura.bare_extraction``; scripts and navigation are dropped."""
    import trafilatura

    # an internal DTD subset has no use in a web page and is how entity-expansion attacks
    # are carried; it is replaced by a plain doctype before lxml sees the page
    html = _INTERNAL_SUBSET.sub("<!DOCTYPE html>", html, count=1)
    document = trafilatura.bare_extraction(html, url=url, with_metadata=True, include_comments=False, include_tables=False)
    if document is None:
        return {}
    data = document.as_dict() if hasattr(document, "as_dict") else dict(document)
    text = data.get("text") or ""
    lines = [line.strip() for line in text.split("\n") if line.strip()]
    if lines and data.get("title") and lines[0] == data["title"].strip():
        lines = lines[1:]
    return {"headline": data.get("title") or "", "published": data.get("date") or "", "outlet": data.get("sitename") or "",
            "url": data.get("url") or url or "", "text": "\n\n".join(lines)}


def read_html_folder(folder, *, outlet: str | None = None, pattern: str = "*.htm*", dayfirst=None):
    """Every saved page in a folder (``*.html``/``*.htm``, sorted by name) as one record.

    ``outlet`` overrides the site name for pages that lack one.  Pages that cannot be
    read, are too large, or have no extractable text are quarantined with the reason.

    Example
    -------
    >>> import tempfile, warnings
    >>> folder = Path(tempfile.mkdtemp())
    >>> _ = (folder / "story.html").write_text(
    ...     '<html><head><title>Council backs new online safety lessons</title>'
    ...     '<meta property="og:site_name" content="The Example Gazette"><meta name="date" content="2024-03-01"></head>'
    ...     '<body><article><h1>Council backs new online safety lessons</h1>'
    ...     '<p>Councillors in the fictional town of Eastbridge voted on Tuesday to fund online safety lessons in every primary school.</p>'
    ...     '<p>The lessons will start in September, a spokesperson said.</p></article></body></html>', encoding="utf-8")
    >>> _ = (folder / "menu.html").write_text("<html><body><nav>Home | News</nav></body></html>", encoding="utf-8")
    >>> with warnings.catch_warnings(record=True):  # menu.html yields no article: a ParseWarning
    ...     result = read_html_folder(folder)
    >>> result.corpus.loc[0, ["outlet", "headline"]].tolist(), str(result.corpus.loc[0, "published"].date())
    (['The Example Gazette', 'Council backs new online safety lessons'], '2024-03-01')
    >>> result.quarantine[["source_file", "reason"]].to_dict("records")
    [{'source_file': 'menu.html', 'reason': 'no article text could be extracted'}]
    """
    folder = Path(folder)
    records, bad, expected = [], [], {}
    for record_no, path in enumerate(sorted(folder.glob(pattern)), start=1):
        expected[path.name] = 1
        if path.stat().st_size > MAX_PAGE_BYTES:
            bad.append({"source_file": path.name, "record_no": record_no, "reason": f"page larger than {MAX_PAGE_BYTES:,} bytes"})
            continue
        raw = path.read_bytes()
        html = decode_page(raw)
        page = extract_page(html)
        if len(page.get("text", "").split()) < MIN_WORDS:
            bad.append({"source_file": path.name, "record_no": record_no, "reason": "no article text could be extracted"})
            continue
        page["outlet"] = page.get("outlet") or outlet or ""
        page["doc_id"] = "html-" + hashlib.sha1((page.get("url") or path.name).encode("utf-8")).hexdigest()[:12]
        page["headline"] = re.sub(r"\s+", " ", page["headline"]).strip()
        records.append({**page, "source_file": path.name, "record_no": record_no})
    return finish(records, bad, "html", dayfirst=dayfirst, expected=expected)
