"""Nexis exports: the lines of a DOCX (its XML checked first) or RTF export.

Part of :mod:`presslens.importers.nexis`.
"""

from __future__ import annotations

from pathlib import Path

from presslens.corpus.encoding import decode
from presslens.corpus.schema import CorpusError
from presslens.importers._common import (
    MAX_MEMBER_BYTES,
    ImportSafetyError,
    check_member_size,
)

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
        if "[Content_Types].xml" not in {m.filename for m in members}:
            raise CorpusError(path, "is a ZIP archive but not a Word document (it has no [Content_Types].xml)", "download the export again, or save it from Word as .docx")
        for member in members:
            check_member_size(path, member)
        for member in members:
            if member.filename.endswith((".xml", ".rels")):
                try:
                    with archive.open(member) as stream:
                        _refuse_dtd(path, member.filename, stream)
                except (zipfile.BadZipFile, EOFError) as exc:  # a bad CRC, a truncated member
                    raise CorpusError(path, f"part '{member.filename}' is corrupt ({exc})", "download the export again") from None


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
    try:
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
    except (KeyError, zipfile.BadZipFile, EOFError) as exc:  # no word/document.xml, a bad CRC
        raise CorpusError(path, f"is not a readable DOCX file ({type(exc).__name__}: {exc})", "download the export again, or save it from Word as .docx") from None
    return lines


def rtf_lines(path) -> list[str]:
    """The paragraphs of an RTF export as lines, through :mod:`presslens.importers._rtf` (size-checked first)."""
    from presslens.importers._rtf import rtf_to_text

    path = Path(path)
    if path.stat().st_size > MAX_MEMBER_BYTES:
        raise ImportSafetyError(path, f"is larger than {MAX_MEMBER_BYTES:,} bytes", "split the export into smaller files")
    raw, _ = decode(path.read_bytes(), path)
    return [line.strip() for line in rtf_to_text(raw).split("\n")]
