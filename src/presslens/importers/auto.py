"""One entry point for every export: :func:`read_corpus` picks the importer from the
format named (``nexis``, ``factiva``, ``mediacloud``, ``html``, ``tabular``) or, with
``format="auto"``, from the files themselves, and states which it chose in the parse
report (``importer`` column), so a wrong guess is visible rather than silent."""

from __future__ import annotations

import glob
import re
from pathlib import Path

import pandas as pd

from presslens.corpus.encoding import decode
from presslens.corpus.schema import CorpusError
from presslens.importers._common import ImportResult, report_from_load, warn_about, with_warnings

FORMATS = ("auto", "nexis", "factiva", "mediacloud", "html", "tabular")
_TABLE_SUFFIXES = (".csv", ".tsv", ".jsonl", ".gz", ".parquet", ".json", ".xlsx", ".xlsm")
_MEDIACLOUD_COLUMNS = {"publish_date", "title", "url", "media_name"}
_FACTIVA_HTML = re.compile(r"""class=["'][^"']*\b[a-z]{2}articleParagraph\b""")
_FACTIVA_CODES = re.compile(r"(?m)^\s*(?:<[^>]+>\s*)*HD(?:\s*<[^>]+>)*\s*$")
_FACTIVA_DOCUMENT = re.compile(r"(?m)^\s*(?:<[^>]+>\s*)*\S{1,12}\s+[A-Za-z0-9]{2,12}\d{8}[a-z][a-z0-9]{6,9}\s*(?:<[^>]+>\s*)*$")
_HTML = re.compile(r"<(?:html|body|div|p|table|!doctype)\b", re.IGNORECASE)


def _head_text(path: Path, size: int = 400_000) -> str:
    with open(path, "rb") as handle:
        raw = handle.read(size)
    text, _ = decode(raw, path) if raw else ("", "")
    if text.lstrip("\ufeff \r\n").startswith("{\\rtf"):
        from presslens.importers._rtf import rtf_to_text

        text = rtf_to_text(text)
    return text


def _looks_like_factiva(path: Path) -> bool:
    """Factiva exports have paragraphs of class ``enarticleParagraph`` (any language
    prefix), the field codes ``HD`` and ``AN``/``SN`` on lines of their own, or
    ``Document <accession number>`` lines (with ``id="hd"`` in HTML)."""
    head = _head_text(path)
    plain = re.sub(r"<[^>]+>", "\n", head)
    accession = bool(_FACTIVA_DOCUMENT.search(plain))
    if _FACTIVA_HTML.search(head) or (accession and re.search(r"""id=["']hd["']""", head)):
        return True
    lines = {line.strip() for line in plain.splitlines()}
    return ("HD" in lines and ("AN" in lines or "SN" in lines)) or accession


def _looks_like_mediacloud(path: Path) -> bool:
    if path.suffix.lower() != ".csv":
        return False
    head, _ = decode(path.read_bytes()[:20_000], path)
    columns = {c.strip().strip('"') for c in head.splitlines()[0].split(",")} if head else set()
    return _MEDIACLOUD_COLUMNS <= columns and bool(columns & {"stories_id", "id", "story_id"})


def _resemblances(path: Path) -> list[str]:
    """What an unrecognised file looks like, for the error message."""
    head = _head_text(path)
    found = []
    if re.search(r"(?m)^\s*(?:Length|Section|Byline|Load-Date):", head):
        found.append("a Nexis Uni export (it has Length:/Section:/Byline: fields but no 'End of Document' markers)")
    if re.search(r"(?m)^\s*(?:LENGTH|SECTION|BYLINE|LOAD-DATE):", head) or re.search(r"DOCUMENTS?\s*$", head, re.MULTILINE):
        found.append("an old Nexis export (upper-case fields, but no 'N of M DOCUMENTS' separators)")
    if re.search(r"(?m)^\s*(?:HD|PD|SN|LP|TD|AN)\b", head) or re.search(r"Factiva|Dow Jones", head):
        found.append("a Factiva export (field codes or the Factiva name, but no article containers or accession numbers)")
    if _HTML.search(head[:20000]):
        found.append("a web page (HTML): save it as .html to read it with format='html'")
    first = head.splitlines()[0] if head.strip() else ""
    if first.count(",") >= 2 or first.count("\t") >= 2:
        found.append("a table (CSV/TSV): read it with format='tabular' and a column mapping")
    return found


def _sniff(path: Path) -> str:
    """The importer for one file, from its content; ``""`` when none fits."""
    from presslens.importers.nexis import export_kind

    with open(path, "rb") as handle:
        magic = handle.read(8)
    suffix = path.suffix.lower()
    if magic[:4] == b"PK\x03\x04" and suffix in (".xlsx", ".xlsm"):
        return "tabular"
    if magic.startswith(b"PAR1") or suffix in (".parquet", ".gz", ".jsonl", ".json"):
        return "tabular"
    if magic[:4] == b"PK\x03\x04":
        return "nexis" if export_kind(path) in ("docx", "zip") else ""
    if _looks_like_factiva(path):
        return "factiva"
    kind = export_kind(path)
    if kind:
        return "nexis"
    if _looks_like_mediacloud(path):
        return "mediacloud"
    if suffix in (".html", ".htm", ".xhtml"):
        return "html"
    if suffix in (".csv", ".tsv"):
        return "tabular"
    return ""


def detect_format(path) -> str:
    """The importer for a file or folder, from the content (not only the name):
    ``nexis``, ``factiva``, ``mediacloud``, ``html``, ``tabular``, or ``mixed`` for a
    folder holding several kinds.  A Factiva or Nexis HTML export is never taken for a
    web page.  An unrecognised file raises :class:`CorpusError` naming the formats it
    resembles.

    Example
    -------
    >>> import tempfile, pathlib
    >>> from presslens.importers.examples import write_factiva_article_html, write_nexis_txt
    >>> folder = pathlib.Path(tempfile.mkdtemp())
    >>> detect_format(write_factiva_article_html(folder / "saved.html")), detect_format(write_nexis_txt(folder / "old.txt"))
    ('factiva', 'nexis')
    """
    path = Path(path)
    if not path.exists():
        raise CorpusError(path, "does not exist", "check the path")
    if path.is_dir():
        if (path / "datapackage.json").exists() or (path / "articles").is_dir():
            return "tabular"
        files = _folder_files(path)
        if any(_looks_like_mediacloud(p) for p in files):
            return "mediacloud"
        kinds = {_sniff(p) for p in files} - {""}
        return kinds.pop() if len(kinds) == 1 else ("mixed" if kinds else "tabular")
    chosen = _sniff(path)
    if not chosen:
        hints = _resemblances(path)
        raise CorpusError(path, "is not a recognised export" + (": it resembles " + "; ".join(hints) if hints else
                          " and resembles none of the supported formats (Nexis, Factiva, Media Cloud, web page, table)"),
                          "check the export options (Nexis: DOCX/RTF/HTML/TXT; Factiva: HTML/RTF), or name the format with format=...")
    return chosen


def _folder_files(path: Path) -> list[Path]:
    return sorted(p for p in path.iterdir() if p.is_file() and not p.name.startswith((".", "~$")))


def combine(results: list[ImportResult]) -> ImportResult:
    """Several import results as one (corpus, quarantine and parse report concatenated)."""
    if not results:
        return ImportResult(pd.DataFrame(columns=["doc_id", "outlet", "published", "headline", "text"]),
                            pd.DataFrame(columns=["source_file", "row", "doc_id", "reason"]),
                            pd.DataFrame(columns=["source_file", "expected", "parsed", "quarantined"]))
    corpus = pd.concat([r.corpus for r in results], ignore_index=True)
    quarantine = pd.concat([r.quarantine for r in results], ignore_index=True)
    report = pd.concat([r.report for r in results], ignore_index=True)
    repeated = corpus["doc_id"].duplicated(keep="first").to_numpy()
    if repeated.any():
        # the same accession number or file-built id twice: the same article exported
        # twice (overlapping searches, or one export in two formats); the later copy is
        # quarantined with the file that already gave it, never dropped silently
        first_file = corpus.drop_duplicates("doc_id").set_index("doc_id")["source_file"]
        moved = corpus[repeated]
        quarantine = pd.concat([quarantine, pd.DataFrame({
            "source_file": moved["source_file"].to_numpy(), "row": moved["record_no"].to_numpy(), "doc_id": moved["doc_id"].to_numpy(),
            "reason": [f"duplicate doc_id: already read from {first_file[d]}" for d in moved["doc_id"]]})], ignore_index=True)
        corpus = corpus[~repeated].reset_index(drop=True)
        counts = moved["source_file"].value_counts()
        report["parsed"] = report["parsed"] - report["source_file"].map(counts).fillna(0).astype(int)
        report["quarantined"] = report["quarantined"] + report["source_file"].map(counts).fillna(0).astype(int)
    return ImportResult(corpus, quarantine, report)


def read_corpus(path, format: str = "auto", *, dayfirst=None, columns: dict | None = None, pages=None, outlet: str | None = None) -> ImportResult:
    """Read any supported export (a file or a folder of them) as ``(corpus, quarantine,
    report)``.

    Parameters
    ----------
    path : path
        A file, or a folder of export files: each file is sniffed and read by its own
        importer; files that are not exports are listed in the report as skipped.
    format : str
        ``auto`` (detect), ``nexis``, ``factiva``, ``mediacloud``, ``html`` (a folder of
        saved pages) or ``tabular`` (CSV, TSV, JSON Lines, Parquet, Excel, a
        datapackage or a folder of them, with ``columns`` mapping your names).
    dayfirst : bool, optional
        How to read slashed dates; Nexis and Factiva exports default to day first.
    pages : path, optional
        Media Cloud only: the folder of fetched pages (default: ``pages`` beside the CSV).
    outlet : str, optional
        Web pages only: the outlet of pages that lack a site name.

    Returns
    -------
    ImportResult
        The parse report (one row per file: ``expected``, ``parsed``,
        ``quarantined``) gains a ``warning`` column (files that yielded nothing, or were
        skipped, and why) and an ``importer`` column saying which importer ran.

    Example
    -------
    >>> import tempfile, pathlib, warnings
    >>> from presslens.importers.examples import write_factiva_article_html, write_nexis_txt
    >>> folder = pathlib.Path(tempfile.mkdtemp())
    >>> _ = write_factiva_article_html(folder / "factiva.html"), write_nexis_txt(folder / "nexis.txt")
    >>> _ = (folder / "notes.txt").write_text("my reading notes")
    >>> with warnings.catch_warnings(record=True):
    ...     corpus, quarantine, report = read_corpus(folder)
    >>> report[["source_file", "importer", "expected", "parsed", "quarantined"]].values.tolist()
    [['factiva.html', 'factiva', 2, 2, 0], ['nexis.txt', 'nexis', 3, 3, 0], ['notes.txt', '', 0, 0, 0]]
    >>> report["warning"].iat[2]
    'skipped: not a recognised export'
    """
    from presslens.importers import factiva, html, mediacloud, nexis, tabular

    path = Path(path)
    if format not in FORMATS:
        raise CorpusError(path, f"unknown format '{format}'", f"use one of {', '.join(FORMATS)}")
    chosen = detect_format(path) if format == "auto" else format
    first_day = True if dayfirst is None else dayfirst
    readers = {"nexis": nexis.read_nexis, "factiva": factiva.read_factiva}
    if chosen == "tabular":
        if path.is_dir() or path.suffix.lower() not in (".xlsx", ".xlsm"):
            from presslens.corpus.read import load

            loaded = load(path, columns=columns, dayfirst=dayfirst)
            result = ImportResult(loaded.corpus, loaded.quarantine, with_warnings(report_from_load(loaded, path.name), "tabular"))
        else:
            result = tabular.read_tabular(path, columns=columns, dayfirst=dayfirst)
        return _labelled(result, chosen)
    if chosen == "mediacloud":
        csvs = [p for p in _folder_files(path) if _looks_like_mediacloud(p)] if path.is_dir() else [path]
        result = combine([mediacloud.read_mediacloud(p, pages=pages if pages is not None else (p.parent / "pages" if (p.parent / "pages").is_dir() else None),
                                                     dayfirst=dayfirst) for p in csvs])
        return _labelled(result, chosen)
    if not path.is_dir():
        if chosen == "html":
            result = html.read_html_folder(path.parent, outlet=outlet, dayfirst=dayfirst, pattern=glob.escape(path.name))
        else:
            result = readers[chosen](path, dayfirst=first_day)
        return _labelled(result, chosen)
    # a folder: every file is sniffed and read by its own importer (or by the one named);
    # files that are not exports are listed in the report as skipped, with the reason
    results, skipped = [], []
    for file in _folder_files(path):
        try:
            kind = _sniff(file) if format == "auto" else chosen
            if format != "auto" and _sniff(file) not in (chosen, ""):
                kind = ""
                why = f"skipped: read as {_sniff(file)}, not {chosen}"
            elif not kind:
                hints = _resemblances(file)
                why = "skipped: not a recognised export" + (" (it resembles " + "; ".join(hints) + ")" if hints else "")
        except CorpusError as exc:
            kind, why = "", f"skipped: {exc}"
        if kind in ("tabular", "mediacloud"):
            kind, why = "", f"skipped: a {kind} file among exports; read it on its own"
        if not kind:
            skipped.append({"source_file": file.name, "expected": 0, "parsed": 0, "quarantined": 0, "warning": why, "importer": ""})
            continue
        if kind == "html":
            one = html.read_html_folder(path, outlet=outlet, dayfirst=dayfirst, pattern=file.name)
        else:
            one = readers[kind](file, dayfirst=first_day)
        results.append(_labelled(one, kind))
    if not results:
        raise CorpusError(path, "holds no export files that presslens can read" + (f" ({len(skipped)} skipped: {skipped[0]['warning']})" if skipped else ""),
                          "point at the export files or pass format=...")
    result = combine(results)
    report = result.report
    if skipped:
        for row in skipped:
            warn_about(row["source_file"], row["warning"])
        report = pd.concat([report, pd.DataFrame(skipped)], ignore_index=True).sort_values("source_file", kind="stable").reset_index(drop=True)
    return ImportResult(result.corpus, result.quarantine, report)


def _labelled(result: ImportResult, importer: str) -> ImportResult:
    report = result.report.copy()
    if "warning" not in report:
        report["warning"] = ""
    report["importer"] = importer
    return ImportResult(result.corpus, result.quarantine, report)
