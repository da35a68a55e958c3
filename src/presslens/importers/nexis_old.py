"""Old Nexis UK exports (HTML, TXT with 'N of M DOCUMENTS' separators) and LexisNexis Academic TXT.

Part of :mod:`presslens.importers.nexis`.
"""

from __future__ import annotations

import re

from presslens.importers._dates import split_date_line
from presslens.importers.nexis_fields import (
    COPYRIGHT,
    OLD_FIELD,
    OLD_HEADER,
    OLD_TAIL,
    field_column,
)

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
    match = OLD_FIELD.match(line.strip())
    if match and match.group(1).strip().lower() in allowed:
        return match.group(1).strip().lower(), match.group(2).strip()
    return None


def _parse_old(part: list[str], wrapped: bool) -> dict:
    """One article of an old Nexis export (the lines after its separator).  ``wrapped``:
    body lines are hard-wrapped (TXT: a paragraph is a run of lines) rather than one
    line per paragraph (HTML)."""
    first_field = next((i for i, line in enumerate(part) if _old_label(line, OLD_HEADER)), None)
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
            label = _old_label(rest[i], OLD_HEADER)
            if label is None and rest[i].strip():
                break
            if label:
                value = [label[1]]
                i += 1
                while i < len(rest) and rest[i].strip() and not _old_label(rest[i], OLD_HEADER | OLD_TAIL):
                    value.append(rest[i].strip())
                    i += 1
                fields.setdefault(label[0], " ".join(v for v in value if v))
                continue
            i += 1
        for line in rest[i:]:
            label = _old_label(line, OLD_TAIL)
            if label:
                tail_started = True
                fields.setdefault(label[0], label[1])
                continue
            if tail_started:
                if COPYRIGHT.match(line) and "copyright" not in fields:
                    fields["copyright"] = line.strip()
                continue
            body.append(line)
    while body and (not body[-1].strip() or COPYRIGHT.match(body[-1])):
        if body[-1].strip() and "copyright" not in fields:
            fields["copyright"] = body[-1].strip()
        body.pop()
    if wrapped:
        paragraphs = [" ".join(" ".join(g).split()) for g in _groups(body)]
    else:
        paragraphs = [" ".join(line.split()) for line in body if line.strip()]
    for key, value in fields.items():
        column = field_column(key)
        if column == "headline_field":
            record["headline"] = value
        else:
            record[column] = value
    record["text"] = "\n\n".join(paragraphs)
    if not record["text"]:
        record["reason"] = ("graphics-only item (a GRAPHIC field and no text)" if record.get("graphic") else
                            "no body text (no text after the LENGTH field)")
    return record


def old_articles(lines: list[str], keywords: dict, wrapped: bool) -> tuple[list[dict], int]:
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

    from presslens.importers._common import INTERNAL_DTD_SUBSET, collapse_blank_lines

    raw = INTERNAL_DTD_SUBSET.sub("<!DOCTYPE html>", raw, count=1)
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
    return collapse_blank_lines(lines)
