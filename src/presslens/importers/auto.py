"""One entry point for every export: :func:`read_corpus` picks the importer from the
format named (``nexis``, ``factiva``, ``mediacloud``, ``html``, ``tabular``) or, with
``format="auto"``, from the files themselves, and states which it chose in the parse
report (``importer`` column), so a wrong guess is visible rather than silent."""

from __future__ import annotations

import glob
import re
from pathlib import Path

import pandas as pd

from presslens.corpus.read import decode
from presslens.corpus.schema import CorpusError
from presslens.importers._common import ImportResult, report_from_load

FORMATS = ("auto", "nexis", "factiva", "mediacloud", "html", "tabular")
_TABLE_SUFFIXES = (".csv", ".tsv", ".jsonl", ".gz", ".parquet", ".json", ".xlsx", ".xlsm")
_NEXIS_SUFFIXES = (".docx", ".rtf", ".txt", ".zip")
_MEDIACLOUD_COLUMNS = {"publish_date", "title", "url", "media_name"}


def _looks_like_factiva(path: Path) -> bool:
    """Factiva exports carry the field codes HD and AN on lines of their own."""
    head, _ = decode(path.read_bytes()[:2_000_000], path)
    if path.suffix.lower() == ".rtf":
        from striprtf.striprtf import rtf_to_text

        head = rtf_to_text(head, errors="replace")
    else:
        head = re.sub(r"<[^>]+>", "\n", head)
    lines = {line.strip() for line in head.splitlines()}
    return "HD" in lines and ("AN" in lines or "SN" in lines)


def _looks_like_mediacloud(path: Path) -> bool:
    if path.suffix.lower() != ".csv":
        return False
    head, _ = decode(path.read_bytes()[:20_000], path)
    columns = {c.strip().strip('"') for c in head.splitlines()[0].split(",")} if head else set()
    return _MEDIACLOUD_COLUMNS <= columns and bool(columns & {"stories_id", "id", "story_id"})


def detect_format(path) -> str:
    """The importer for a file or folder: ``nexis``, ``factiva``, ``mediacloud``, ``html``
    or ``tabular`` (anything :func:`presslens.corpus.load` reads).

    Example
    -------
    >>> detect_format("exports/nexis-2021.docx")   # doctest: +SKIP
    'nexis'
    """
    path = Path(path)
    if not path.exists():
        raise CorpusError(path, "does not exist", "check the path")
    if path.is_dir():
        if (path / "datapackage.json").exists() or (path / "articles").is_dir():
            return "tabular"
        files = sorted(p for p in path.iterdir() if p.is_file() and not p.name.startswith("."))
        suffixes = {p.suffix.lower() for p in files}
        if any(_looks_like_mediacloud(p) for p in files):
            return "mediacloud"
        if suffixes & {".html", ".htm"}:
            first = next(p for p in files if p.suffix.lower() in (".html", ".htm"))
            return "factiva" if _looks_like_factiva(first) else "html"
        if suffixes & {".docx", ".zip"} or (suffixes & {".rtf", ".txt"} and not suffixes & set(_TABLE_SUFFIXES)):
            rtf = [p for p in files if p.suffix.lower() == ".rtf"]
            return "factiva" if rtf and _looks_like_factiva(rtf[0]) else "nexis"
        return "tabular"
    suffix = path.suffix.lower()
    if suffix in (".html", ".htm"):
        return "factiva" if _looks_like_factiva(path) else "html"
    if suffix == ".rtf":
        return "factiva" if _looks_like_factiva(path) else "nexis"
    if suffix in (".docx", ".zip", ".txt"):
        return "nexis"
    if _looks_like_mediacloud(path):
        return "mediacloud"
    return "tabular"


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
        A file, or a folder of export files (every file of the detected kind is read).
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
        The parse report gains an ``importer`` column saying which importer ran.

    Example
    -------
    >>> corpus, quarantine, report = read_corpus("exports/", format="auto")  # doctest: +SKIP
    """
    from presslens.importers import factiva, html, mediacloud, nexis, tabular

    path = Path(path)
    if format not in FORMATS:
        raise CorpusError(path, f"unknown format '{format}'", f"use one of {', '.join(FORMATS)}")
    chosen = detect_format(path) if format == "auto" else format
    first_day = True if dayfirst is None else dayfirst
    if chosen == "tabular":
        if path.is_dir() or path.suffix.lower() not in (".xlsx", ".xlsm"):
            from presslens.corpus.read import load

            loaded = load(path, columns=columns, dayfirst=dayfirst)
            result = ImportResult(loaded.corpus, loaded.quarantine, report_from_load(loaded, path.name))
        else:
            result = tabular.read_tabular(path, columns=columns, dayfirst=dayfirst)
    elif chosen == "html":
        folder = path if path.is_dir() else path.parent
        result = html.read_html_folder(folder, outlet=outlet, dayfirst=dayfirst, **({} if path.is_dir() else {"pattern": glob.escape(path.name)}))
    elif chosen == "mediacloud":
        csvs = [p for p in sorted(path.iterdir()) if _looks_like_mediacloud(p)] if path.is_dir() else [path]
        result = combine([mediacloud.read_mediacloud(p, pages=pages if pages is not None else (p.parent / "pages" if (p.parent / "pages").is_dir() else None),
                                                     dayfirst=dayfirst) for p in csvs])
    elif chosen in ("nexis", "factiva"):
        reader = nexis.read_nexis if chosen == "nexis" else factiva.read_factiva
        suffixes = _NEXIS_SUFFIXES if chosen == "nexis" else (".html", ".htm", ".rtf")
        files = [p for p in sorted(path.iterdir()) if p.suffix.lower() in suffixes] if path.is_dir() else [path]
        if not files:
            raise CorpusError(path, f"holds no {chosen} export files ({', '.join(suffixes)})", "point at the export files or pass --format")
        result = combine([reader(p, dayfirst=first_day) for p in files])
    else:  # pragma: no cover - FORMATS is checked above
        raise AssertionError(chosen)
    report = result.report.copy()
    report["importer"] = chosen
    return ImportResult(result.corpus, result.quarantine, report)
