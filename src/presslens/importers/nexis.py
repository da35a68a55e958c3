"""Nexis exports, new and old: Nexis Uni / Lexis Advance DOCX and RTF, the older Nexis
(LexisNexis UK, LexisNexis Academic) HTML and TXT exports, and ZIP archives of them.

**Nexis Uni / Lexis Advance (DOCX, RTF).**  A cover page (date and time, job number,
``Documents (N)``, a numbered list of headlines), then for each article: the headline,
the outlet, the date line, optionally ``Correction Appended`` and a copyright line, then
``Field: value`` lines (``Section``, ``Length``, ``Byline``, ``Highlight``, ``Dateline``,
and for broadcast transcripts ``Show`` and ``Guests``), the word ``Body``, the paragraphs,
then optionally a correction (``Correction`` and ``Correction-Date:``) and a
``Classification`` block (``Language``, ``Publication-Type``, ``Subject``, ``Company``,
``Geographic``, ``Load-Date`` ...), and ``End of Document``.  The date line may carry a
weekday, an edition, a time and a time zone (``March 3, 2019 Sunday, Late Edition -
Final``, ``July 1, 2019 Monday 5:02 PM EST``): the date is read with ``dateparser`` in
any of nine languages, and weekday, edition and time become columns.  Every
Classification field becomes a column (``subject``, ``geographic``, ``load_date``...);
none is left in the text.  An item without ``Body`` (a photograph or graphic with a
caption) is quarantined as graphics-only.  Articles are counted by their ``End of
Document`` markers (plus a last article cut off before its marker); when the cover page
promises more (``Documents (N)``), the missing ones are quarantined, so a file with no
article counts 0 expected, never 1.

**Old Nexis (HTML, TXT).**  Articles follow ``N of M DOCUMENTS`` separators (``Dokument
N von M``, ``N von M DOKUMENTEN``, ``Document N de M``), which give the expected count;
then the outlet, the date line, unlabelled edition lines, the headline (unlabelled, or a
``HEADLINE:`` field), upper-case fields (``BYLINE:``, ``SECTION:``, ``LENGTH:``; German
``AUTOR:``, ``RUBRIK:``, ``LÄNGE:``), the body, and closing fields (``LOAD-DATE:``,
``LANGUAGE:``, ``PUBLICATION-TYPE:``) and the copyright line, as the LexisNexisTools R
package reads them.

A DOCX file is a ZIP of XML parts: before python-docx opens one, every member's size and
compression ratio is checked (zip bombs) and every XML part is parsed with defusedxml,
which refuses DTDs and entity declarations (billion laughs, external entities); a real
Word document never contains either.  Which file is which is decided from the content,
not the file name (:func:`export_kind`).

"""

from __future__ import annotations

import re
from pathlib import Path

from presslens.corpus.encoding import decode
from presslens.corpus.schema import CorpusError
from presslens.importers._common import (
    MAX_MEMBER_BYTES,
    ImportResult,
    ImportSafetyError,
    finish,
    safe_extract_zip,
)
from presslens.importers.nexis_fields import KEYWORDS
from presslens.importers.nexis_files import docx_lines, rtf_lines
from presslens.importers.nexis_old import old_articles, old_html_lines
from presslens.importers.nexis_uni import uni_articles

# ----------------------------------------------------------------------------- entry point


def export_kind(path) -> str:
    """What a Nexis export file is, from its content: ``docx``, ``rtf``, ``uni-txt``
    (Nexis Uni text), ``old-html``, ``old-txt``, ``zip`` or ``""`` (not a Nexis export).

    Example
    -------
    >>> import tempfile, pathlib
    >>> path = pathlib.Path(tempfile.mkdtemp()) / "export.txt"
    >>> _ = path.write_text("   1 of 1 DOCUMENTS\\n\\nThe Carrow Courier\\n\\nMarch 4, 2021 Thursday\\n")
    >>> export_kind(path)
    'old-txt'
    """
    path = Path(path)
    with open(path, "rb") as handle:
        head = handle.read(200_000)
    if head[:4] == b"PK\x03\x04":
        import zipfile

        try:
            with zipfile.ZipFile(path) as archive:
                return "docx" if "word/document.xml" in archive.namelist() else "zip"
        except zipfile.BadZipFile:
            return ""
    text = head.decode("utf-8", errors="replace") if not head.startswith(b"\xff\xfe") else head.decode("utf-16", errors="replace")
    separator = re.compile(KEYWORDS["txt_separator"], re.IGNORECASE | re.MULTILINE)
    plain = re.sub(r"<[^>]+>", "\n", text) if re.search(r"<(?:html|div|p|body)\b", text[:20000], re.IGNORECASE) else text
    if text.lstrip("\ufeff \r\n").startswith("{\\rtf"):
        return "rtf" if re.search(r"End of Document|Length:|Body\\par|of \d+ DOCUMENTS", text) else ""
    if separator.search(plain):
        return "old-html" if plain is not text else "old-txt"
    if re.search(KEYWORDS["end"], plain, re.MULTILINE) and re.search(KEYWORDS["body"], plain, re.MULTILINE):
        return "uni-txt"
    return ""


def read_nexis(path, *, keywords: dict | None = None, dayfirst=True, member: str | None = None) -> ImportResult:
    """Read a Nexis export (Nexis Uni / Lexis Advance DOCX or RTF, old Nexis HTML or TXT,
    or a ZIP of such files) as ``(corpus, quarantine, report)``.

    Records get ``doc_id`` ``<file stem>-<n>``, the header fields (``byline``,
    ``section``, ``length``, ``edition``, ``weekday``, ``time``...) and the
    Classification fields as columns.  Graphics-only items, truncated articles and
    articles the cover page lists but the file lacks are quarantined with the reason.
    Files inside a ZIP are named by their full path in it (``export.zip/week1/results.txt``;
    ``member`` carries it), so two files of one name in different folders stay two sources.

    Example
    -------
    >>> import tempfile, pathlib
    >>> from presslens.importers.examples import write_nexis_docx, NEXIS_ARTICLES
    >>> path = write_nexis_docx(pathlib.Path(tempfile.mkdtemp()) / "export.docx", NEXIS_ARTICLES[:2])
    >>> corpus, quarantine, report = read_nexis(path)
    >>> report[["expected", "parsed", "quarantined"]].values.tolist()
    [[2, 2, 0]]
    >>> corpus[["outlet", "headline", "edition"]].values.tolist()[0]
    ['The Carrow Courier', 'Police warn against vigilante stings', 'National Edition']
    """
    keywords = {**KEYWORDS, **(keywords or {})}
    path = Path(path)
    kind = export_kind(path) if path.exists() else ""
    if kind == "zip":
        import tempfile

        import pandas as pd

        with tempfile.TemporaryDirectory() as folder:
            members = safe_extract_zip(path, folder)
            files = sorted(f for f in members if export_kind(f))
            if not files:
                names = ", ".join(sorted(Path(f).name for f in members)[:5]) or "nothing"
                raise CorpusError(path, f"is a ZIP archive with no Nexis export inside (it holds {names})",
                                  "unpack it and read the files it holds, or download the export again")
            # members are named by their full path in the archive, so two files of one name in
            # different folders stay two sources (and their articles two sets of ids)
            results = [read_nexis(f, keywords=keywords, dayfirst=dayfirst, member=f"{path.name}/{f.relative_to(folder).as_posix()}") for f in files]
        return ImportResult(pd.concat([r.corpus for r in results], ignore_index=True) if results else pd.DataFrame(),
                            pd.concat([r.quarantine for r in results], ignore_index=True) if results else pd.DataFrame(),
                            pd.concat([r.report for r in results], ignore_index=True) if results else pd.DataFrame())
    if kind == "docx":
        articles, expected = uni_articles(docx_lines(path), keywords)
        fmt = "nexis-docx"
    elif kind == "rtf":
        lines = rtf_lines(path)
        if any(re.match(keywords["txt_separator"], line, re.IGNORECASE) for line in lines):
            articles, expected = old_articles(lines, keywords, wrapped=False)
        else:
            articles, expected = uni_articles(lines, keywords)
        fmt = "nexis-rtf"
    elif kind in ("old-txt", "uni-txt", "old-html"):
        if path.stat().st_size > MAX_MEMBER_BYTES:
            raise ImportSafetyError(path, f"is larger than {MAX_MEMBER_BYTES:,} bytes", "split the export into smaller files")
        text, _ = decode(path.read_bytes(), path)
        if kind == "old-html":
            articles, expected = old_articles(old_html_lines(text), keywords, wrapped=False)
            fmt = "nexis-html"
        elif kind == "old-txt":
            articles, expected = old_articles(text.replace("\r\n", "\n").replace("\r", "\n").split("\n"), keywords, wrapped=True)
            fmt = "nexis-txt"
        else:
            articles, expected = uni_articles([line.strip() for line in text.replace("\r\n", "\n").split("\n")], keywords)
            fmt = "nexis-txt"
    else:
        raise CorpusError(path, "is not a Nexis export (no 'End of Document' markers, no 'N of M DOCUMENTS' separators, not a DOCX or RTF export)",
                          "export as DOCX or RTF (Nexis Uni) or HTML/TXT (old Nexis), or pass a ZIP of them")
    records, bad = [], []
    name = member or path.name
    stem = member.split("/", 1)[1].rsplit(".", 1)[0] if member else path.stem
    for number, article in enumerate(articles, start=1):
        doc_id = f"{stem}-{number}"
        reason = article.pop("reason", None)
        if reason or not article.get("text"):
            bad.append({"source_file": name, "record_no": number, "doc_id": doc_id, "reason": reason or "no body text (truncated or empty article)"})
            continue
        records.append({**article, "doc_id": doc_id, "source_file": name, "record_no": number})
    columns = {key for record in records for key in record} | {"byline", "section", "length", "edition"}
    records = [{**dict.fromkeys(sorted(columns), ""), **record} for record in records]
    for number in range(len(articles) + 1, expected + 1):
        bad.append({"source_file": name, "record_no": number, "doc_id": f"{stem}-{number}",
                    "reason": f"listed on the cover page ({expected} documents) but not in the file"})
    return finish(records, bad, fmt, dayfirst=dayfirst, expected={name: expected})
