"""Nexis Uni / Lexis Advance exports (DOCX, RTF): article headers, bodies and the Classification block.

Part of :mod:`presslens.importers.nexis`.
"""

from __future__ import annotations

import re

from presslens.importers._dates import split_date_line
from presslens.importers.nexis_fields import COPYRIGHT, FIELD_COLUMNS, UNI_FIELD, field_column

# ----------------------------------------------------------------------------- Nexis Uni


def _is_field(line: str) -> bool:
    match = UNI_FIELD.match(line)
    return bool(match) and (field_column(match.group(1)) in FIELD_COLUMNS.values() or "\u00a0" in line[: line.find(":") + 2])


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
            match = UNI_FIELD.match(line)
            fields.setdefault(field_column(match.group(1)), match.group(2).strip())
            i -= 1
            continue
        if COPYRIGHT.match(line):
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
        filled = [j for j in range(0, stop) if block[j].strip() and not _is_field(block[j].strip()) and not COPYRIGHT.match(block[j].strip())]
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
        match = UNI_FIELD.match(stripped)
        if match and field_column(match.group(1)) in ("load_date", "correction_date"):
            tail_at = index
            break
    # a correction: a "Correction" line followed by its text, before Correction-Date
    dated = any((m := UNI_FIELD.match(line.strip())) and field_column(m.group(1)) == "correction_date" for line in lines[tail_at:])
    correction_at = next((i for i in range(tail_at) if lines[i].strip() in ("Correction", "Corrections")), None) if dated else None
    tail: dict = {}
    body_end = tail_at
    if correction_at is not None:
        tail["correction"] = " ".join(line.strip() for line in lines[correction_at + 1: tail_at] if line.strip())
        body_end = correction_at
    # fields written after the body without a Classification heading (Graphic:, Notes:)
    while body_end > 0 and (not lines[body_end - 1].strip() or (_is_field(lines[body_end - 1].strip())
                            and field_column(UNI_FIELD.match(lines[body_end - 1].strip()).group(1)) in ("graphic", "notes", "load_date"))):
        if lines[body_end - 1].strip():
            match = UNI_FIELD.match(lines[body_end - 1].strip())
            tail.setdefault(field_column(match.group(1)), match.group(2).strip())
        body_end -= 1
    for line in lines[tail_at:]:
        match = UNI_FIELD.match(line.strip())
        if match:
            column = field_column(match.group(1))
            tail[column] = (tail[column] + "; " if column in tail and tail[column] else "") + match.group(2).strip()
    body = lines[:body_end]
    # one export paragraph is one paragraph of text; a line break inside one (a list
    # written as soft breaks) stays a single newline
    paragraphs = ["\n".join(part.strip() for part in p.split("\n")).strip() for p in body if p.strip()]
    return paragraphs, tail


def uni_articles(lines: list[str], keywords: dict) -> tuple[list[dict], int]:
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
