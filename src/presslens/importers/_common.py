"""What every importer shares: the result type, the parse report, validation into the
corpus contract, and safe ZIP extraction."""

from __future__ import annotations

import re
import zipfile
import zlib
from pathlib import Path, PurePosixPath
from typing import NamedTuple

import pandas as pd

from presslens.corpus.guard import (
    MAX_DECOMPRESSED_BYTES,
    MAX_MEMBER_BYTES,
    MAX_RATIO,
    ImportSafetyError,
    check_member,
)
from presslens.corpus.read import parse_report_of
from presslens.corpus.schema import CorpusError, validate

MAX_TOTAL_BYTES = MAX_DECOMPRESSED_BYTES  # the whole archive, uncompressed (limits: presslens.corpus.guard)
__all__ = ["MAX_MEMBER_BYTES", "MAX_RATIO", "MAX_TOTAL_BYTES", "ImportResult", "ImportSafetyError", "check_member_size", "finish",
           "report_from_load", "safe_extract_zip"]


class ParseWarning(UserWarning):
    """A file that yielded no article, was skipped, or does not reconcile.

    Example
    -------
    >>> import warnings
    >>> with warnings.catch_warnings():
    ...     warnings.simplefilter("error", ParseWarning)  # turn the importers' warnings into errors
    ...     try:
    ...         warn_about("empty.docx", "no articles found in empty.docx")
    ...     except ParseWarning as warning:
    ...         print(warning)
    no articles found in empty.docx
    """


def warn_about(source_file: str, message: str) -> None:
    """Issue a :class:`ParseWarning` attributed to the export file itself (not to a line
    of presslens), so the message names the file and carries no machine-specific path.

    Example
    -------
    >>> import warnings
    >>> with warnings.catch_warnings(record=True) as caught:
    ...     warnings.simplefilter("always")
    ...     warn_about("notes.txt", "skipped: not a recognised export")
    >>> caught[0].filename, str(caught[0].message)
    ('notes.txt', 'skipped: not a recognised export')
    """
    import warnings

    warnings.warn_explicit(message, ParseWarning, filename=str(source_file), lineno=0, module="presslens.importers")


class ImportResult(NamedTuple):
    """``(corpus, quarantine, report)``; ``report`` has records expected, parsed and
    quarantined, by source file.

    Every importer returns one (:func:`finish` builds it); it unpacks like a tuple.

    Example
    -------
    >>> records = [{"doc_id": "a1", "outlet": "The Example Gazette", "published": "2024-03-01", "headline": "Council backs lessons",
    ...             "text": "Councillors voted to fund online safety lessons.", "source_file": "export.txt", "record_no": 1}]
    >>> result = finish(records, [], "example")
    >>> corpus, quarantine, report = result
    >>> corpus["doc_id"].tolist(), len(quarantine)
    (['a1'], 0)
    >>> report[["source_file", "expected", "parsed", "quarantined"]].to_dict("records")
    [{'source_file': 'export.txt', 'expected': 1, 'parsed': 1, 'quarantined': 0}]
    """

    corpus: pd.DataFrame
    quarantine: pd.DataFrame
    report: pd.DataFrame


def finish(records: list[dict], bad: list[dict], source_format: str, *, dayfirst=None, expected: dict | None = None) -> ImportResult:
    """Validate parsed records into the corpus contract and build the parse report.

    ``records`` carry ``source_file`` and ``record_no``; ``bad`` are records that could
    not be parsed at all (``source_file``, ``record_no``, ``reason``).
    """
    frame = pd.DataFrame(records)
    columns = ["doc_id", "outlet", "published", "headline", "text"]
    for column in columns:
        if column not in frame:
            frame[column] = pd.Series(dtype=object)
    if len(frame):
        kept, quarantine = validate(frame, dayfirst=dayfirst, record_no=frame["record_no"].tolist())
        kept["source_format"] = source_format
    else:
        kept = frame.assign(source_format=source_format)
        quarantine = pd.DataFrame(columns=["source_file", "row", "doc_id", "reason"])
    if bad:
        extra = pd.DataFrame([{"source_file": b["source_file"], "row": b["record_no"], "doc_id": b.get("doc_id", ""), "reason": b["reason"]} for b in bad])
        quarantine = pd.concat([quarantine, extra], ignore_index=True)
    quarantine = quarantine.reset_index(drop=True)
    files = sorted(set(frame.get("source_file", pd.Series(dtype=object)).dropna()) | {b["source_file"] for b in bad} | set(expected or {}))
    rows = []
    for name in files:
        parsed = int((kept["source_file"] == name).sum()) if len(kept) else 0
        quarantined = int((quarantine["source_file"] == name).sum()) if len(quarantine) else 0
        rows.append({"source_file": name, "expected": (expected or {}).get(name, parsed + quarantined), "parsed": parsed, "quarantined": quarantined})
    report = with_warnings(pd.DataFrame(rows, columns=["source_file", "expected", "parsed", "quarantined"]), source_format)
    return ImportResult(kept, quarantine, report)


def with_warnings(report: pd.DataFrame, source_format: str = "") -> pd.DataFrame:
    """The parse report with a ``warning`` column: a file that yielded no article, or
    whose counts do not reconcile (expected != parsed + quarantined), is a warning, not a
    success; each warning is also issued as a Python :class:`UserWarning`.

    Example
    -------
    >>> import warnings
    >>> table = pd.DataFrame({"source_file": ["a.docx", "b.docx"], "expected": [0, 2], "parsed": [0, 2], "quarantined": [0, 0]})
    >>> with warnings.catch_warnings(record=True):
    ...     with_warnings(table, "nexis-docx")["warning"].tolist()
    ['no articles found in a.docx (read as nexis-docx): check the file is an export and the format', '']
    """
    report = report.copy()
    messages = []
    for row in report.itertuples(index=False):
        message = ""
        if row.expected != row.parsed + row.quarantined:
            message = f"{row.source_file}: {row.expected} articles expected but {row.parsed} kept and {row.quarantined} quarantined"
        elif row.parsed == 0 and row.quarantined == 0:
            message = f"no articles found in {row.source_file}" + (f" (read as {source_format})" if source_format else "") + ": check the file is an export and the format"
        elif row.parsed == 0:
            message = f"no article kept from {row.source_file}: all {row.quarantined} quarantined (see the quarantine table)"
        if message:
            warn_about(row.source_file, message)
        messages.append(message)
    report["warning"] = messages
    return report


def check_member_size(path, member) -> None:
    """Refuse a ZIP member (of an archive or a DOCX) larger than ``MAX_MEMBER_BYTES`` or
    compressed more than ``MAX_RATIO`` times: a zip bomb."""
    check_member(path, member.filename, member.file_size, member.compress_size)


def report_from_load(loaded, name: str) -> pd.DataFrame:
    """The parse report (per source file: expected, parsed, quarantined) of a
    :func:`presslens.corpus.load` result; ``name`` labels a result without source files
    (:func:`presslens.corpus.read.parse_report_of`)."""
    return parse_report_of(loaded, name)


def safe_extract_zip(path, destination) -> list[Path]:
    """Extract a ZIP archive, refusing absolute or ``..`` member paths, links, members
    larger than ``MAX_MEMBER_BYTES`` or compressed more than ``MAX_RATIO`` times, and
    archives larger than ``MAX_TOTAL_BYTES`` in all (zip bombs).  Returns the files written.

    Example
    -------
    >>> import tempfile
    >>> folder = Path(tempfile.mkdtemp())
    >>> with zipfile.ZipFile(folder / "export.zip", "w") as archive:
    ...     archive.writestr("exports/one.txt", "first")
    ...     archive.writestr("two.txt", "second")
    >>> [p.relative_to(folder / "out").as_posix() for p in safe_extract_zip(folder / "export.zip", folder / "out")]
    ['exports/one.txt', 'two.txt']
    >>> with zipfile.ZipFile(folder / "bad.zip", "w") as archive:
    ...     archive.writestr("../escape.txt", "outside")
    >>> try:
    ...     safe_extract_zip(folder / "bad.zip", folder / "out")
    ... except ImportSafetyError:
    ...     print("refused", (folder / "escape.txt").exists())
    refused False
    """
    path, destination = Path(path), Path(destination)
    try:
        archive = zipfile.ZipFile(path)
    except zipfile.BadZipFile as exc:
        raise CorpusError(path, f"is not a readable ZIP archive ({exc})", "download the export again") from None
    with archive:
        members = archive.infolist()
        total = 0
        for member in members:
            name = PurePosixPath(member.filename)
            if member.filename.startswith(("/", "\\")) or name.is_absolute() or ".." in name.parts or ":" in member.filename:
                raise ImportSafetyError(path, f"member '{member.filename}' would be written outside the destination", "refuse archives with absolute or '..' paths")
            if (member.external_attr >> 16) & 0o170000 == 0o120000:
                raise ImportSafetyError(path, f"member '{member.filename}' is a symbolic link", "extract links by hand if you trust the archive")
            total += member.file_size
            check_member_size(path, member)
        if total > MAX_TOTAL_BYTES:
            raise ImportSafetyError(path, f"the archive expands to {total:,} bytes", "split the export into smaller archives")
        written = []
        destination.mkdir(parents=True, exist_ok=True)
        for member in members:
            if member.is_dir():
                continue
            target = destination / PurePosixPath(member.filename)
            target.parent.mkdir(parents=True, exist_ok=True)
            try:
                with archive.open(member) as source, open(target, "wb") as sink:
                    remaining = MAX_MEMBER_BYTES + 1
                    while chunk := source.read(1 << 20):
                        remaining -= len(chunk)
                        if remaining < 0:  # the header lied about the size
                            raise ImportSafetyError(path, f"member '{member.filename}' is larger than its header says", "refuse the archive")
                        sink.write(chunk)
            except (zipfile.BadZipFile, zlib.error, EOFError) as exc:  # a bad CRC, a corrupt or truncated member
                raise CorpusError(path, f"member '{member.filename}' is corrupt ({exc})", "download the export again; `unzip -t FILE` checks it") from None
            written.append(target)
    return written


# an HTML page's internal DTD subset (<!DOCTYPE html [ ... ]>): removed before parsing, so
# that no entity declared in it is ever expanded
INTERNAL_DTD_SUBSET = re.compile(r"<!DOCTYPE[^>\[]*\[.*?\]\s*>", re.IGNORECASE | re.DOTALL)


def collapse_blank_lines(lines: list[str]) -> list[str]:
    """Lines of an export's text with runs of blank lines folded into one and none at the
    start or end (the HTML readers of Factiva and old Nexis share this).

    Example
    -------
    >>> collapse_blank_lines(["", "One", "", "", "Two", ""])
    ['One', '', 'Two']
    """
    out: list[str] = []
    for line in lines:
        if line or (out and out[-1]):
            out.append(line)
    while out and not out[-1]:
        out.pop()
    return out
