"""Nexis Uni / LexisNexis exports: DOCX (through python-docx), RTF (through striprtf), the
older TXT export, and ZIP archives of them.

A Nexis Uni DOCX export holds a cover page (search terms, job number, a list of
documents) and then, for each article: the headline, the outlet, the date line, then
``Field: value`` lines (Copyright, Section, Length, Byline, Edition, ...), the word
``Body``, the paragraphs, and ``Load-Date:`` / ``End of Document``.  The older TXT
export separates articles with ``N of M DOCUMENTS`` lines and writes ``HEADLINE:``,
``BYLINE:``, ``SECTION:``, ``LENGTH:`` and ``LOAD-DATE:`` fields.  The keywords that
mark the boundary, the body and the fields change between export versions and
languages, so they are parameters (``keywords=``).  Dates in English, German, French
and Spanish month names are read.  A record without a body (a truncated last article) is
quarantined with its reason; nothing is dropped silently.

The RTF export has the same layout as the DOCX export (one paragraph per line).  A DOCX
file is a ZIP of XML parts: before python-docx opens one, every member's size and
compression ratio is checked (zip bombs) and every XML part is parsed with defusedxml,
which refuses DTDs and entity declarations (billion laughs, external entities); a real
Word document never contains either.
"""

from __future__ import annotations

import re
from pathlib import Path

from presslens.corpus.read import decode
from presslens.corpus.schema import CorpusError
from presslens.importers._common import (
    MAX_MEMBER_BYTES,
    ImportSafetyError,
    check_member_size,
    finish,
    safe_extract_zip,
)

KEYWORDS = {
    "end": r"^End of Document$",
    "body": r"^Body$",
    "load_date": r"^Load-Date:",
    "txt_separator": r"^\s*\d+\s+of\s+\d+\s+DOCUMENTS?\s*$",
    "fields": {"byline": r"Byline", "section": r"Section", "length": r"Length", "edition": r"Edition", "language": r"Language", "copyright": r"Copyright"},
}
MONTHS = {
    "januar": "January", "janvier": "January", "enero": "January", "februar": "February", "février": "February", "fevrier": "February", "febrero": "February",
    "märz": "March", "maerz": "March", "mars": "March", "marzo": "March", "avril": "April", "abril": "April", "mai": "May", "mayo": "May", "juni": "June",
    "juin": "June", "junio": "June", "juli": "July", "juillet": "July", "julio": "July", "août": "August", "aout": "August", "agosto": "August",
    "septembre": "September", "septiembre": "September", "oktober": "October", "octobre": "October", "octubre": "October", "novembre": "November",
    "noviembre": "November", "dezember": "December", "décembre": "December", "decembre": "December", "diciembre": "December",
}
_WEEKDAYS = r"\b(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|Montag|Dienstag|Mittwoch|Donnerstag|Freitag|Samstag|Sonntag|lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|lunes|martes|miércoles|jueves|viernes|sábado|domingo)\b"


def english_date(line: str) -> str:
    """A Nexis date line in English: month names translated, weekdays and times dropped.

    Example
    -------
    >>> english_date("4. März 2021 Donnerstag")
    '4 March 2021'
    """
    text = re.sub(_WEEKDAYS, " ", line, flags=re.IGNORECASE)
    text = re.sub(r"\b(\d{1,2})\.", r"\1", text)
    for foreign, english in MONTHS.items():
        text = re.sub(rf"\b{foreign}\b", english, text, flags=re.IGNORECASE)
    text = re.sub(r"\b(?:de|del)\b", " ", text)
    text = re.sub(r"\s+\d{1,2}:\d{2}\s*(?:AM|PM)?(?:\s*[A-Z]{2,4})?\s*$", "", text)
    return " ".join(text.replace(",", " ").split())


def _check_docx(path: Path) -> None:
    """Refuse a DOCX (a ZIP of XML parts) with a member that would expand beyond safe
    limits (zip bomb), or an XML part that declares a DTD or entities (billion laughs,
    external entities): sizes are checked from the headers first, then each part is parsed
    with defusedxml, all before python-docx sees the file."""
    import zipfile
    from xml.etree.ElementTree import ParseError

    import defusedxml.ElementTree as safe_tree
    from defusedxml import DefusedXmlException

    try:
        archive = zipfile.ZipFile(path)
    except zipfile.BadZipFile as exc:
        raise CorpusError(path, f"is not a readable DOCX file ({exc})", "download the export again") from None
    with archive:
        members = archive.infolist()
        if "[Content_Types].xml" not in {m.filename for m in members}:
            raise CorpusError(path, "is a ZIP archive but not a Word document (it has no [Content_Types].xml)", "download the export again, or save it from Word as .docx")
        for member in members:
            check_member_size(path, member)
        for member in members:
            if not member.filename.endswith((".xml", ".rels")):
                continue
            with archive.open(member) as stream:
                try:
                    safe_tree.parse(stream, forbid_dtd=True)
                except (zipfile.BadZipFile, EOFError) as exc:
                    raise CorpusError(path, f"part '{member.filename}' is corrupt ({exc})", "download the export again") from None
                except DefusedXmlException as exc:
                    raise ImportSafetyError(path, f"XML part '{member.filename}' declares a DTD or entities ({type(exc).__name__}: entity expansion or external entities)",
                                            "refuse the file; Word never writes DTDs into a document") from None
                except ParseError as exc:
                    raise CorpusError(path, f"XML part '{member.filename}' is not well-formed ({exc})", "download the export again") from None


def docx_lines(path) -> list[str]:
    """The paragraphs of a DOCX file as lines (size- and entity-checked before python-docx
    opens it)."""
    import docx

    path = Path(path)
    _check_docx(path)
    import zipfile

    try:
        document = docx.Document(str(path))
    except (zipfile.BadZipFile, KeyError, ValueError, EOFError) as exc:
        raise CorpusError(path, f"is not a readable DOCX file ({type(exc).__name__}: {exc})", "download the export again, or save it from Word as .docx") from None
    return [p.text.strip() for p in document.paragraphs]


def rtf_lines(path) -> list[str]:
    """The paragraphs of an RTF export as lines, through striprtf (size-checked first)."""
    from striprtf.striprtf import rtf_to_text

    path = Path(path)
    if path.stat().st_size > MAX_MEMBER_BYTES:
        raise ImportSafetyError(path, f"is larger than {MAX_MEMBER_BYTES:,} bytes", "split the export into smaller files")
    raw, _ = decode(path.read_bytes(), path)
    return [line.strip() for line in rtf_to_text(raw, errors="replace").split("\n")]


def _article_start(block: list[str], keywords: dict) -> int:
    """Where the article begins in a block: the three non-empty lines (headline, outlet,
    date) before its first field line; anything earlier is a cover page."""
    body = re.compile(keywords["body"])
    names = "|".join(keywords["fields"].values())
    field = re.compile(rf"^(?:(?:{names}):|Copyright\b|Load-Date:)", re.IGNORECASE)
    marker = next((i for i, line in enumerate(block) if body.match(line)), len(block))
    first_field = next((i for i in range(marker) if field.match(block[i])), marker)
    filled = [i for i in range(first_field) if block[i].strip()]
    return filled[-3] if len(filled) >= 3 else (filled[0] if filled else 0)


def _split_uni(lines: list[str], keywords: dict) -> list[list[str]]:
    """Articles of a Nexis Uni export: blocks ending with the end marker (a last block
    without it is a truncated article), each cut at its start (after any cover page)."""
    end = re.compile(keywords["end"])
    blocks, current = [], []
    for line in lines:
        if end.match(line):
            blocks.append(current)
            current = []
        else:
            current.append(line)
    if any(line.strip() for line in current):
        blocks.append(current)
    return [block[_article_start(block, keywords) :] for block in blocks if any(line.strip() for line in block)]


def _parse_uni(block: list[str], keywords: dict) -> dict:
    body_marker, load_date = re.compile(keywords["body"]), re.compile(keywords["load_date"])
    lines = [line for line in block]
    content = [line for line in lines if line.strip()]
    record = {"headline": "", "outlet": "", "published": "", "text": ""}
    if not content:
        return record
    marker = next((i for i, line in enumerate(lines) if body_marker.match(line)), None)
    header = [line for line in (lines[:marker] if marker is not None else lines) if line.strip()]
    fields = {}
    plain = []
    for line in header:
        match = re.match(r"^([A-Z][A-Za-z\- ]{1,20}):\s*(.*)$", line)
        if match and any(re.fullmatch(p, match.group(1), re.IGNORECASE) for p in keywords["fields"].values()):
            key = next(k for k, p in keywords["fields"].items() if re.fullmatch(p, match.group(1), re.IGNORECASE))
            fields[key] = match.group(2).strip()
        elif line.startswith("Copyright"):
            fields["copyright"] = line
        else:
            plain.append(line)
    record["headline"] = plain[0] if plain else ""
    record["outlet"] = plain[1] if len(plain) > 1 else ""
    record["published"] = english_date(plain[2]) if len(plain) > 2 else ""
    if marker is not None:
        body = []
        for line in lines[marker + 1 :]:
            if load_date.match(line):
                break
            body.append(line)
        # one export paragraph is one paragraph of text; a line break inside one (a list
        # written as soft breaks) stays a single newline
        paragraphs = ["\n".join(part.strip() for part in p.split("\n")) for p in body if p.strip()]
        record["text"] = "\n\n".join(paragraphs)
    record["byline"] = fields.get("byline", "")
    record["section"] = fields.get("section", "")
    record["length"] = fields.get("length", "")
    record["edition"] = fields.get("edition", "")
    return record


def _parse_txt(text: str, keywords: dict) -> list[dict]:
    separator = re.compile(keywords["txt_separator"], re.MULTILINE)
    parts = separator.split(text)
    records = []
    for part in parts[1:]:
        lines = [line.rstrip() for line in part.split("\n")]
        header = []
        fields = {}
        body = []
        in_body = False
        for line in lines:
            stripped = line.strip()
            match = re.match(r"^([A-Z][A-Z\- ]{2,20}):\s*(.*)$", stripped)
            if match and not in_body:
                fields[match.group(1).lower()] = match.group(2).strip()
                if match.group(1) == "LENGTH":
                    in_body = True
                continue
            if match and in_body and match.group(1) in ("LOAD-DATE", "LANGUAGE", "PUBLICATION-TYPE", "GRAPHIC", "JOURNAL-CODE"):
                in_body = False
                continue
            if in_body:
                body.append(stripped)
            elif stripped:
                header.append(stripped)
        paragraphs = [p.strip() for p in re.split(r"\n\s*\n", "\n".join(body)) if p.strip()]
        records.append({"headline": fields.get("headline", ""), "outlet": header[0] if header else "", "published": english_date(header[1]) if len(header) > 1 else "",
                        "byline": fields.get("byline", ""), "section": fields.get("section", ""), "length": fields.get("length", ""),
                        "edition": fields.get("edition", ""), "text": "\n\n".join(" ".join(p.split()) for p in paragraphs)})
    return records


def read_nexis(path, *, keywords: dict | None = None, dayfirst=True, member: str | None = None):
    """Read a Nexis Uni DOCX or RTF export, a LexisNexis TXT export, or a ZIP of such files.

    Returns ``(corpus, quarantine, report)``.  Records get ``doc_id`` ``<file stem>-<n>``,
    ``byline``, ``section``, ``length`` and provenance.  Articles without a body (for
    example a truncated last article) are quarantined.  Files inside a ZIP are named by
    their full path in it (``export.zip/week1/results.txt``; ``member`` carries it), so
    two files of one name in different folders stay two sources.

    Examples
    --------
    >>> import tempfile, zipfile
    >>> from presslens.importers.examples import NEXIS_ARTICLES, write_nexis_txt
    >>> folder = Path(tempfile.mkdtemp())
    >>> with zipfile.ZipFile(folder / "export.zip", "w") as archive:
    ...     for week, articles in (("week1", NEXIS_ARTICLES[:1]), ("week2", NEXIS_ARTICLES[1:2])):
    ...         archive.write(write_nexis_txt(folder / f"{week}.txt", articles), f"{week}/results.txt")
    >>> read_nexis(folder / "export.zip").corpus["source_file"].tolist()
    ['export.zip/week1/results.txt', 'export.zip/week2/results.txt']
    """
    keywords = {**KEYWORDS, **(keywords or {})}
    path = Path(path)
    if path.suffix.lower() == ".zip":
        import tempfile

        with tempfile.TemporaryDirectory() as folder:
            files = sorted(f for f in safe_extract_zip(path, folder) if f.suffix.lower() in (".docx", ".rtf", ".txt"))
            # members are named by their full path in the archive, so two files of one name in
            # different folders stay two sources (and their articles two sets of ids)
            results = [read_nexis(f, keywords=keywords, dayfirst=dayfirst, member=f"{path.name}/{f.relative_to(folder).as_posix()}") for f in files]
        import pandas as pd

        from presslens.importers._common import ImportResult

        return ImportResult(pd.concat([r.corpus for r in results], ignore_index=True) if results else pd.DataFrame(),
                            pd.concat([r.quarantine for r in results], ignore_index=True) if results else pd.DataFrame(),
                            pd.concat([r.report for r in results], ignore_index=True) if results else pd.DataFrame())
    if path.suffix.lower() == ".docx":
        articles = [_parse_uni(block, keywords) for block in _split_uni(docx_lines(path), keywords)]
        fmt = "nexis-docx"
    elif path.suffix.lower() == ".rtf":
        articles = [_parse_uni(block, keywords) for block in _split_uni(rtf_lines(path), keywords)]
        fmt = "nexis-rtf"
    elif path.suffix.lower() == ".txt":
        text, _ = decode(path.read_bytes(), path)
        articles = _parse_txt(text, keywords)
        fmt = "nexis-txt"
    else:
        raise CorpusError(path, f"is not a Nexis export ('{path.suffix}')", "export as DOCX or RTF (Nexis Uni) or TXT, or pass a ZIP of them")
    records, bad = [], []
    name = member or path.name
    stem = member.split("/", 1)[1].rsplit(".", 1)[0] if member else path.stem
    for number, article in enumerate(articles, start=1):
        doc_id = f"{stem}-{number}"
        if not article.get("text"):
            bad.append({"source_file": name, "record_no": number, "doc_id": doc_id, "reason": "no body text (truncated or empty article)"})
            continue
        records.append({**article, "doc_id": doc_id, "source_file": name, "record_no": number})
    return finish(records, bad, fmt, dayfirst=dayfirst, expected={name: len(articles)})
