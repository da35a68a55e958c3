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

from presslens.corpus.formats import decode
from presslens.corpus.schema import CorpusError
from presslens.importers._common import (
    MAX_MEMBER_BYTES,
    ImportResult,
    ImportSafetyError,
    check_member_size,
    finish,
    safe_extract_zip,
)
from presslens.importers._dates import split_date_line

KEYWORDS = {
    "end": r"^\s*End of Document\s*$",
    "body": r"^\s*(?:Body|Text|Texte|Cuerpo|Corpo|Tekst)\s*$",
    "classification": r"^\s*(?:Classification|Klassifikation|Classement|Clasificación|Classificazione)\s*$",
    "cover_count": r"^\s*(?:Documents?|Dokumente?|Documentos?|Documenti)\s*\((\d+)\)\s*$",
    "txt_separator": r"^\s*(?:\d+\s+(?:of|von|de|sur|di)\s+\d+\s+(?:DOCUMENTS?|DOKUMENTE?N?|DOCUMENTOS?|DOCUMENTI)"
                     r"|(?:Dokument|Document|Documento)\s+\d+\s+(?:von|de|of|di|sur)\s+\d+)\s*$",
}
# field names as they appear in the exports -> column names
FIELD_COLUMNS = {
    "byline": "byline", "author": "byline", "autor": "byline", "auteur": "byline", "section": "section", "rubrik": "section", "rubrique": "section",
    "length": "length", "länge": "length", "longueur": "length", "edition": "edition", "ausgabe": "edition", "headline": "headline_field",
    "titel": "headline_field", "titre": "headline_field", "dateline": "dateline", "highlight": "highlight", "show": "show", "guests": "guests",
    "language": "language", "sprache": "language", "langue": "language", "publication-type": "publication_type", "publikationstyp": "publication_type",
    "journal-code": "journal_code", "journal code": "journal_code", "subject": "subject", "company": "company", "organization": "organization",
    "industry": "industry", "geographic": "geographic", "person": "person", "ticker": "ticker", "city": "city", "state": "state", "country": "country",
    "load-date": "load_date", "update": "load_date", "correction-date": "correction_date", "graphic": "graphic", "notes": "notes",
    "document-type": "document_type", "series": "series", "url": "url", "type": "item_type", "source": "source_field", "copyright": "copyright",
}
_UNI_FIELD = re.compile(r"^\s*([A-Z][A-Za-zÄÖÜäöüéè\- ]{1,30}?):[\s\u00a0]*(.*)$")
_OLD_FIELD = re.compile(r"^\s*([A-ZÄÖÜÉ][A-ZÄÖÜÉ\- ]{1,30}?):\s*(.*)$")
_OLD_HEADER = {"byline", "autor", "auteur", "section", "rubrik", "rubrique", "length", "länge", "longueur", "headline", "titel", "titre", "dateline",
               "highlight", "edition", "ausgabe", "correction-date", "graphic", "series", "type"}
_OLD_TAIL = {"load-date", "update", "language", "sprache", "langue", "publication-type", "publikationstyp", "journal-code", "graphic",
             "correction-date", "subject", "organization", "company", "geographic", "person", "industry", "ticker", "city", "state", "country",
             "document-type", "notes", "url"}
_COPYRIGHT = re.compile(r"^\s*(?:Copyright\b|©|\(c\)|All Rights Reserved|Alle Rechte vorbehalten|Tous droits réservés)", re.IGNORECASE)
_CORE = {"doc_id", "outlet", "published", "headline", "text", "source_file", "record_no", "source_format"}


def _column(name: str) -> str:
    """The column a field name goes to (``Publication-Type`` -> ``publication_type``)."""
    key = " ".join(name.lower().split())
    column = FIELD_COLUMNS.get(key) or re.sub(r"[^a-z0-9äöüé]+", "_", key).strip("_")
    return f"nexis_{column}" if column in _CORE else column


def english_date(line: str) -> str:
    """The ISO date (``YYYY-MM-DD``) at the start of a Nexis date line in any of nine
    languages, or ``""``; weekday, edition and time are ignored.

    Example
    -------
    >>> english_date("4. März 2021 Donnerstag"), english_date("March 3, 2019 Sunday, Late Edition - Final")
    ('2021-03-04', '2019-03-03')
    """
    parsed = split_date_line(line)
    return parsed.date if parsed else ""


_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


class _RootReached(Exception):
    pass


def _refuse_dtd(path: Path, name: str, stream) -> None:
    """Read an XML part's prolog (up to its root element, where a DTD would have to be)
    with expat and refuse a DTD or entity declaration; nothing is expanded."""
    from xml.parsers import expat

    parser = expat.ParserCreate()

    def doctype(*_):
        raise ImportSafetyError(path, f"XML part '{name}' declares a DTD or entities (entity expansion or external entities)",
                                "refuse the file; Word never writes DTDs into a document")

    def root(*_):
        raise _RootReached

    parser.StartDoctypeDeclHandler = doctype
    parser.EntityDeclHandler = doctype
    parser.StartElementHandler = root
    try:
        while chunk := stream.read(1 << 16):
            parser.Parse(chunk, False)
        parser.Parse(b"", True)
    except _RootReached:
        return
    except expat.ExpatError as exc:
        raise CorpusError(path, f"XML part '{name}' is not well-formed ({exc})", "download the export again") from None


def _check_docx(path: Path) -> None:
    """Refuse a DOCX (a ZIP of XML parts) with a member that would expand beyond safe
    limits (zip bomb), or an XML part that declares a DTD or entities (billion laughs,
    external entities): sizes are checked from the headers, then each part's prolog is
    read with expat, which stops at a DTD before expanding anything."""
    import zipfile

    try:
        archive = zipfile.ZipFile(path)
    except zipfile.BadZipFile as exc:
        raise CorpusError(path, f"is not a readable DOCX file ({exc})", "download the export again") from None
    with archive:
        members = archive.infolist()
        for member in members:
            check_member_size(path, member)
        for member in members:
            if member.filename.endswith((".xml", ".rels")):
                with archive.open(member) as stream:
                    _refuse_dtd(path, member.filename, stream)


def docx_lines(path) -> list[str]:
    """The paragraphs of a DOCX file as lines, in document order (tables included):
    the file is size- and DTD-checked first, then ``word/document.xml`` is parsed once
    with defusedxml (runs of text joined; tabs, line breaks kept).

    Example
    -------
    >>> import tempfile, pathlib
    >>> from presslens.importers.examples import write_lines_docx
    >>> docx_lines(write_lines_docx(pathlib.Path(tempfile.mkdtemp()) / "a.docx", ["Body", "Two men were arrested."]))
    ['Body', 'Two men were arrested.']
    """
    import zipfile

    import defusedxml.ElementTree as safe_tree

    path = Path(path)
    _check_docx(path)
    lines: list[str] = []
    with zipfile.ZipFile(path) as archive, archive.open("word/document.xml") as stream:
        parts: list[str] = []
        for event, element in safe_tree.iterparse(stream, events=("start", "end"), forbid_dtd=True):
            tag = element.tag
            if event == "start":
                if tag == _W + "p":
                    parts = []
                continue
            if tag == _W + "t":
                parts.append(element.text or "")
            elif tag == _W + "tab":
                parts.append("\t")
            elif tag in (_W + "br", _W + "cr"):
                parts.append("\n")
            elif tag == _W + "noBreakHyphen":
                parts.append("-")
            elif tag == _W + "p":
                lines.append("".join(parts).strip())
                element.clear()
    return lines


def rtf_lines(path) -> list[str]:
    """The paragraphs of an RTF export as lines, through :mod:`presslens.importers._rtf` (size-checked first)."""
    from presslens.importers._rtf import rtf_to_text

    path = Path(path)
    if path.stat().st_size > MAX_MEMBER_BYTES:
        raise ImportSafetyError(path, f"is larger than {MAX_MEMBER_BYTES:,} bytes", "split the export into smaller files")
    raw, _ = decode(path.read_bytes(), path)
    return [line.strip() for line in rtf_to_text(raw).split("\n")]


# ----------------------------------------------------------------------------- Nexis Uni


def _is_field(line: str) -> bool:
    match = _UNI_FIELD.match(line)
    return bool(match) and (_column(match.group(1)) in FIELD_COLUMNS.values() or "\u00a0" in line[: line.find(":") + 2])


def _header(block: list[str], stop: int, keywords: dict) -> tuple[dict, int]:
    """Headline, outlet, date line and fields above ``stop`` (the Body marker, or the end
    of a graphics-only item); returns (record, index where the article starts)."""
    record: dict = {"headline": "", "outlet": "", "published": "", "date_text": "", "weekday": "", "time": "", "date_edition": "", "correction_appended": False}
    fields: dict[str, str] = {}
    i = stop - 1
    extra: list[str] = []
    date_at = None
    while i >= 0:
        line = block[i].strip()
        if not line:
            i -= 1
            continue
        if _is_field(line):
            match = _UNI_FIELD.match(line)
            fields.setdefault(_column(match.group(1)), match.group(2).strip())
            i -= 1
            continue
        if _COPYRIGHT.match(line):
            fields.setdefault("copyright", line)
            i -= 1
            continue
        if re.fullmatch(r"Correction Appended|Berichtigung angefügt|Rectificatif", line, re.IGNORECASE):
            record["correction_appended"] = True
            i -= 1
            continue
        if split_date_line(line):
            date_at = i
            break
        extra.append(line)
        if len(extra) > 2:
            break
        i -= 1
    if date_at is None:  # no date line where one belongs: take the three lines before the fields
        filled = [j for j in range(0, stop) if block[j].strip() and not _is_field(block[j].strip()) and not _COPYRIGHT.match(block[j].strip())]
        date_at = filled[-1] if filled else 0
        extra = []
    parsed = split_date_line(block[date_at].strip())
    record["date_text"] = block[date_at].strip()
    if parsed:
        record.update(published=parsed.date, weekday=parsed.weekday, time=parsed.time)
        record["date_edition"] = parsed.edition
    else:
        record["published"] = block[date_at].strip()
    above = [j for j in range(date_at) if block[j].strip()]
    start = above[-2] if len(above) >= 2 else (above[0] if above else date_at)
    if len(above) >= 1:
        record["outlet"] = block[above[-1]].strip()
    if len(above) >= 2:
        record["headline"] = block[above[-2]].strip()
    editions = [e for e in [record.pop("date_edition")] + list(reversed(extra)) + [fields.pop("edition", "")] if e]
    record["edition"] = "; ".join(editions)
    for key, value in fields.items():
        record[key] = value
    return record, start


def _body_and_tail(lines: list[str], keywords: dict) -> tuple[list[str], dict]:
    """The body paragraphs and the fields after them (correction, Classification,
    Load-Date, graphic), which never stay in the text."""
    classification = re.compile(keywords["classification"])
    tail_at = len(lines)
    for index, line in enumerate(lines):
        stripped = line.strip()
        if classification.match(stripped):
            tail_at = index
            break
        match = _UNI_FIELD.match(stripped)
        if match and _column(match.group(1)) in ("load_date", "correction_date"):
            tail_at = index
            break
    # a correction: a "Correction" line followed by its text, before Correction-Date
    dated = any((m := _UNI_FIELD.match(line.strip())) and _column(m.group(1)) == "correction_date" for line in lines[tail_at:])
    correction_at = next((i for i in range(tail_at) if lines[i].strip() in ("Correction", "Corrections")), None) if dated else None
    tail: dict = {}
    body_end = tail_at
    if correction_at is not None:
        tail["correction"] = " ".join(line.strip() for line in lines[correction_at + 1: tail_at] if line.strip())
        body_end = correction_at
    # fields written after the body without a Classification heading (Graphic:, Notes:)
    while body_end > 0 and (not lines[body_end - 1].strip() or (_is_field(lines[body_end - 1].strip())
                            and _column(_UNI_FIELD.match(lines[body_end - 1].strip()).group(1)) in ("graphic", "notes", "load_date"))):
        if lines[body_end - 1].strip():
            match = _UNI_FIELD.match(lines[body_end - 1].strip())
            tail.setdefault(_column(match.group(1)), match.group(2).strip())
        body_end -= 1
    for line in lines[tail_at:]:
        match = _UNI_FIELD.match(line.strip())
        if match:
            column = _column(match.group(1))
            tail[column] = (tail[column] + "; " if column in tail and tail[column] else "") + match.group(2).strip()
    body = lines[:body_end]
    # one export paragraph is one paragraph of text; a line break inside one (a list
    # written as soft breaks) stays a single newline
    paragraphs = ["\n".join(part.strip() for part in p.split("\n")).strip() for p in body if p.strip()]
    return paragraphs, tail


def _uni_articles(lines: list[str], keywords: dict) -> tuple[list[dict], int]:
    """Articles of a Nexis Uni export and the number the export's markers promise."""
    end, body = re.compile(keywords["end"]), re.compile(keywords["body"])
    blocks, current = [], []
    for line in lines:
        if end.match(line):
            blocks.append((current, True))
            current = []
        else:
            current.append(line)
    if any(line.strip() for line in current):
        # a last block without its end marker is an article cut off, if it is one at all
        # (it has a Body marker or header fields); otherwise it is a cover page or residue
        if any(body.match(line) for line in current) or sum(_is_field(line.strip()) for line in current) >= 2:
            blocks.append((current, False))
    cover = re.compile(keywords["cover_count"])
    promised = next((int(m.group(1)) for line in lines[:400] if (m := cover.match(line))), None)
    records = []
    for block, complete in blocks:
        marker = next((i for i, line in enumerate(block) if body.match(line)), None)
        if marker is None:
            stop = len(block)
            tail_at = next((i for i, line in enumerate(block) if re.match(keywords["classification"], line.strip())), stop)
            record, _ = _header(block, tail_at, keywords)
            _, tail = _body_and_tail(block[tail_at:], keywords)
            record.update(tail)
            record["text"] = ""
            record["reason"] = ("graphics-only item (no Body section)" if complete else "truncated article (the export ends before its Body)")
        else:
            record, _ = _header(block, marker, keywords)
            paragraphs, tail = _body_and_tail(block[marker + 1:], keywords)
            record.update(tail)
            record["text"] = "\n\n".join(paragraphs)
            if not paragraphs:
                record["reason"] = "no body text (truncated or empty article)"
        records.append(record)
    expected = max(len(records), promised or 0)
    return records, expected


# ----------------------------------------------------------------------------- old Nexis (HTML, TXT)


def _groups(lines: list[str]) -> list[list[str]]:
    groups, current = [], []
    for line in lines:
        if line.strip():
            current.append(line.strip())
        elif current:
            groups.append(current)
            current = []
    if current:
        groups.append(current)
    return groups


def _old_label(line: str, allowed: set[str]) -> tuple[str, str] | None:
    match = _OLD_FIELD.match(line.strip())
    if match and match.group(1).strip().lower() in allowed:
        return match.group(1).strip().lower(), match.group(2).strip()
    return None


def _parse_old(part: list[str], wrapped: bool) -> dict:
    """One article of an old Nexis export (the lines after its separator).  ``wrapped``:
    body lines are hard-wrapped (TXT: a paragraph is a run of lines) rather than one
    line per paragraph (HTML)."""
    first_field = next((i for i, line in enumerate(part) if _old_label(line, _OLD_HEADER)), None)
    meta_lines = part[:first_field] if first_field is not None else part
    groups = _groups(meta_lines)
    record: dict = {"outlet": "", "published": "", "date_text": "", "weekday": "", "time": "", "edition": "", "headline": ""}
    date_group = next((g for g, group in enumerate(groups) if split_date_line(group[0])), None)
    if groups:
        record["outlet"] = groups[0][0] if date_group != 0 else ""
    if date_group is not None:
        group = groups[date_group]
        parsed = split_date_line(group[0])
        record.update(published=parsed.date, date_text=group[0], weekday=parsed.weekday, time=parsed.time)
        editions = ([parsed.edition] if parsed.edition else []) + group[1:]
        after = groups[date_group + 1:]
        if after:
            editions += [" ".join(g) for g in after[:-1]]
            record["headline"] = " ".join(after[-1])
        record["edition"] = " ".join(" ".join(editions).split())
    elif len(groups) > 1:
        record["published"] = groups[1][0]
    fields: dict[str, str] = {}
    body: list[str] = []
    tail_started = False
    if first_field is not None:
        rest = part[first_field:]
        i = 0
        # header fields, each with its continuation lines, up to the first plain paragraph
        while i < len(rest):
            label = _old_label(rest[i], _OLD_HEADER)
            if label is None and rest[i].strip():
                break
            if label:
                value = [label[1]]
                i += 1
                while i < len(rest) and rest[i].strip() and not _old_label(rest[i], _OLD_HEADER | _OLD_TAIL):
                    value.append(rest[i].strip())
                    i += 1
                fields.setdefault(label[0], " ".join(v for v in value if v))
                continue
            i += 1
        for line in rest[i:]:
            label = _old_label(line, _OLD_TAIL)
            if label:
                tail_started = True
                fields.setdefault(label[0], label[1])
                continue
            if tail_started:
                if _COPYRIGHT.match(line) and "copyright" not in fields:
                    fields["copyright"] = line.strip()
                continue
            body.append(line)
    while body and (not body[-1].strip() or _COPYRIGHT.match(body[-1])):
        if body[-1].strip() and "copyright" not in fields:
            fields["copyright"] = body[-1].strip()
        body.pop()
    if wrapped:
        paragraphs = [" ".join(" ".join(g).split()) for g in _groups(body)]
    else:
        paragraphs = [" ".join(line.split()) for line in body if line.strip()]
    for key, value in fields.items():
        column = _column(key)
        if column == "headline_field":
            record["headline"] = value
        else:
            record[column] = value
    record["text"] = "\n\n".join(paragraphs)
    if not record["text"]:
        record["reason"] = ("graphics-only item (a GRAPHIC field and no text)" if record.get("graphic") else
                            "no body text (no text after the LENGTH field)")
    return record


def _old_articles(lines: list[str], keywords: dict, wrapped: bool) -> tuple[list[dict], int]:
    separator = re.compile(keywords["txt_separator"], re.IGNORECASE)
    starts = [i for i, line in enumerate(lines) if separator.match(line)]
    records = [_parse_old(lines[a + 1: b], wrapped) for a, b in zip(starts, starts[1:] + [len(lines)], strict=True)]
    return records, len(starts)


def old_html_lines(raw: str) -> list[str]:
    """The text of an old Nexis HTML export as lines: one line per paragraph, a blank
    line between the export's ``<div>`` blocks (the layout of the TXT export).

    Example
    -------
    >>> old_html_lines("<div><p>1 of 2 DOCUMENTS</p></div><div><p>The Carrow Courier</p></div>")
    ['1 of 2 DOCUMENTS', '', 'The Carrow Courier']
    """
    import lxml.html

    from presslens.importers.factiva import _INTERNAL_SUBSET

    raw = _INTERNAL_SUBSET.sub("<!DOCTYPE html>", raw, count=1)
    tree = lxml.html.document_fromstring(raw.encode("utf-8"), parser=lxml.html.HTMLParser(encoding="utf-8", no_network=True, remove_comments=True))
    for bad in tree.xpath("//script|//style"):
        bad.drop_tree()
    parts: list[str] = []

    def walk(node):
        tag = node.tag.lower() if isinstance(node.tag, str) else ""
        closing = {"div": "\n\n", "p": "\n", "br": "\n", "tr": "\n\n", "td": "\n", "h1": "\n\n", "h2": "\n\n", "li": "\n", "hr": "\n\n"}.get(tag, "")
        if tag == "br" or tag == "hr":
            parts.append(closing)
            closing = ""
        if closing:
            parts.append(closing)
        if node.text:
            parts.append(node.text)
        for child in node:
            walk(child)
            if child.tail:
                parts.append(child.tail)
        if closing:
            parts.append(closing)

    walk(tree)
    lines = [" ".join(line.replace("\u00a0", " ").split()) for line in "".join(parts).split("\n")]
    out: list[str] = []
    for line in lines:
        if line or (out and out[-1]):
            out.append(line)
    while out and not out[0]:
        out.pop(0)
    while out and not out[-1]:
        out.pop()
    return out


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


def read_nexis(path, *, keywords: dict | None = None, dayfirst=True) -> ImportResult:
    """Read a Nexis export (Nexis Uni / Lexis Advance DOCX or RTF, old Nexis HTML or TXT,
    or a ZIP of such files) as ``(corpus, quarantine, report)``.

    Records get ``doc_id`` ``<file stem>-<n>``, the header fields (``byline``,
    ``section``, ``length``, ``edition``, ``weekday``, ``time``...) and the
    Classification fields as columns.  Graphics-only items, truncated articles and
    articles the cover page lists but the file lacks are quarantined with the reason.

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
            files = sorted(f for f in safe_extract_zip(path, folder) if export_kind(f))
            results = [read_nexis(f, keywords=keywords, dayfirst=dayfirst) for f in files]
        return ImportResult(pd.concat([r.corpus for r in results], ignore_index=True) if results else pd.DataFrame(),
                            pd.concat([r.quarantine for r in results], ignore_index=True) if results else pd.DataFrame(),
                            pd.concat([r.report for r in results], ignore_index=True) if results else pd.DataFrame())
    if kind == "docx":
        articles, expected = _uni_articles(docx_lines(path), keywords)
        fmt = "nexis-docx"
    elif kind == "rtf":
        lines = rtf_lines(path)
        if any(re.match(keywords["txt_separator"], line, re.IGNORECASE) for line in lines):
            articles, expected = _old_articles(lines, keywords, wrapped=False)
        else:
            articles, expected = _uni_articles(lines, keywords)
        fmt = "nexis-rtf"
    elif kind in ("old-txt", "uni-txt", "old-html"):
        if path.stat().st_size > MAX_MEMBER_BYTES:
            raise ImportSafetyError(path, f"is larger than {MAX_MEMBER_BYTES:,} bytes", "split the export into smaller files")
        text, _ = decode(path.read_bytes(), path)
        if kind == "old-html":
            articles, expected = _old_articles(old_html_lines(text), keywords, wrapped=False)
            fmt = "nexis-html"
        elif kind == "old-txt":
            articles, expected = _old_articles(text.replace("\r\n", "\n").replace("\r", "\n").split("\n"), keywords, wrapped=True)
            fmt = "nexis-txt"
        else:
            articles, expected = _uni_articles([line.strip() for line in text.replace("\r\n", "\n").split("\n")], keywords)
            fmt = "nexis-txt"
    else:
        raise CorpusError(path, "is not a Nexis export (no 'End of Document' markers, no 'N of M DOCUMENTS' separators, not a DOCX or RTF export)",
                          "export as DOCX or RTF (Nexis Uni) or HTML/TXT (old Nexis), or pass a ZIP of them")
    records, bad = [], []
    for number, article in enumerate(articles, start=1):
        doc_id = f"{path.stem}-{number}"
        reason = article.pop("reason", None)
        if reason or not article.get("text"):
            bad.append({"source_file": path.name, "record_no": number, "doc_id": doc_id, "reason": reason or "no body text (truncated or empty article)"})
            continue
        records.append({**article, "doc_id": doc_id, "source_file": path.name, "record_no": number})
    columns = {key for record in records for key in record} | {"byline", "section", "length", "edition"}
    records = [{**dict.fromkeys(sorted(columns), ""), **record} for record in records]
    for number in range(len(articles) + 1, expected + 1):
        bad.append({"source_file": path.name, "record_no": number, "doc_id": f"{path.stem}-{number}",
                    "reason": f"listed on the cover page ({expected} documents) but not in the file"})
    return finish(records, bad, fmt, dayfirst=dayfirst, expected={path.name: expected})
