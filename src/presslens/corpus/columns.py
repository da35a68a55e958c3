"""Recognising a table's columns and giving rows ids.

:func:`recognise_columns` maps a table's own column names (``Title``, ``Body``,
``Publish Date``) onto the corpus contract by their common names (:data:`COMMON_NAMES`);
:func:`stable_ids` gives rows without an identifier one that is the same on every run.
Both are re-exported by :mod:`presslens.corpus.schema`, which uses :data:`COMMON_NAMES`
in its error messages.
"""

from __future__ import annotations

import re

import numpy as np
import pandas as pd

from presslens.corpus.errors import CorpusError

COMMON_NAMES = {
    "doc_id": ("doc_id", "id", "article_id", "story_id", "docid", "identifier", "guid", "uid"),
    "headline": ("headline", "title", "heading"),
    "text": ("text", "body", "content", "article", "story", "full_text", "article_text", "body_text"),
    "published": ("published", "date", "publish_date", "pub_date", "publication_date", "datetime", "timestamp", "published_at"),
    "outlet": ("outlet", "source", "publication", "publisher", "newspaper", "media_name", "site", "domain"),
    "url": ("url", "link"),
    "byline": ("byline", "author", "authors"),
}


def normalise_name(name) -> str:
    """A column name compared without case, spaces, underscores or hyphens.

    Examples
    --------
    >>> normalise_name(" Publication_Date "), normalise_name("full text")
    ('publicationdate', 'fulltext')
    """
    return re.sub(r"[\s_\-]+", "", str(name)).lower()


def _columns_flag(mapping: dict) -> str:
    return ",".join(f"{yours}={ours}" for yours, ours in mapping.items())


def recognise_columns(columns, overrides: dict | None = None, *, path="<data>", provided=()) -> dict:
    """Map a table's column names onto the corpus contract.

    Each contract field is found under its common names (:data:`COMMON_NAMES`), in any
    case and with spaces, underscores or hyphens: ``Title`` or ``title`` is the headline,
    ``Body`` the text, ``Publish Date`` the date, ``Source`` the outlet.  A column already
    named as the contract names it always wins.  ``overrides`` (yours → ours) come
    first.  Two candidate columns for one field, neither named as the contract, raise
    :class:`CorpusError` listing both and how to choose.

    Parameters
    ----------
    columns : sequence of str
        The table's column names.
    overrides : dict, optional
        Your names mapped onto the contract (``columns=`` in Python, ``--columns`` on the
        command line).
    path : path or str
        Names the file in errors.
    provided : sequence of str
        Contract fields supplied otherwise (constants): not looked for.

    Returns
    -------
    dict
        The renames to apply, yours → ours (only the columns whose name changes).

    Examples
    --------
    >>> recognise_columns(["Title", "Body", "Date", "Source"])
    {'Title': 'headline', 'Body': 'text', 'Date': 'published', 'Source': 'outlet'}
    >>> recognise_columns(["headline", "title", "text"])       # the contract name wins
    {}
    >>> try:
    ...     recognise_columns(["title", "heading", "text"])
    ... except CorpusError as exc:
    ...     print(exc.problem)
    two columns could be the headline: 'title' and 'heading'
    """
    columns = [str(c) for c in columns]
    renames: dict[str, str] = {}
    for yours, ours in (overrides or {}).items():
        if yours not in columns:
            have = ", ".join(columns[:20])
            raise CorpusError(path, f"column '{yours}' named in the mapping is not in the file (it has: {have})",
                              "correct the keys of columns=", cli_fix="correct the names before '=' in --columns")
        renames[yours] = ours
    taken = set(renames.values()) | set(provided)
    clash = [ours for ours in taken if ours in columns and ours not in renames]
    if clash:
        raise CorpusError(path, f"column(s) {clash} exist in the file and are also the target of the mapping",
                          f"map the file's own {clash[0]!r} column elsewhere too, e.g. columns={{{clash[0]!r}: '{clash[0]}_original', ...}}",
                          cli_fix=f"add {clash[0]}={clash[0]}_original to --columns")
    used = set(renames)
    for field in COMMON_NAMES:
        if field in taken:
            continue
        if field in columns and field not in used:
            taken.add(field)
            used.add(field)
            continue
        names = {normalise_name(n) for n in COMMON_NAMES[field]}
        candidates = [c for c in columns if c not in used and c not in taken and normalise_name(c) in names]
        if len(candidates) > 1:
            first, second = candidates[:2]
            raise CorpusError(path, f"two columns could be the {field.replace('_', ' ')}: '{first}' and '{second}'",
                              f"choose one with columns={{{first!r}: {field!r}}} (or {{{second!r}: {field!r}}})",
                              cli_fix=f"choose one with --columns {_columns_flag({first: field})} (or --columns {_columns_flag({second: field})})")
        if candidates:
            renames[candidates[0]] = field
            taken.add(field)
            used.add(candidates[0])
    return renames


def stable_ids(frame: pd.DataFrame, prefix: str = "id-") -> list[str]:
    """Identifiers for rows that have none: a hash of outlet, date and headline, with the
    text added for rows where these three collide.

    The same row gives the same id on every run and machine; rows identical in all four
    get the same id (and the later ones are quarantined as duplicates by :func:`validate`).

    Examples
    --------
    >>> table = pd.DataFrame({"outlet": ["Daily Example", "Daily Example", "Daily Example"],
    ...                       "published": ["2024-03-01"] * 3, "headline": ["Police warn parents", "Court hears case", "Court hears case"],
    ...                       "text": ["One.", "Two.", "Three."]})
    >>> ids = stable_ids(table)
    >>> ids[0], len(set(ids))
    ('id-0748bd55eaec480c', 3)
    """
    import hashlib

    def part(column):
        if column not in frame.columns:
            return [""] * len(frame)
        return ["" if v is None or (isinstance(v, float) and np.isnan(v)) else str(v).strip() for v in frame[column]]

    keys = ["\x1f".join(values) for values in zip(part("outlet"), part("published"), part("headline"), strict=True)]
    counts: dict[str, int] = {}
    for key in keys:
        counts[key] = counts.get(key, 0) + 1
    texts = part("text")
    keys = [key + "\x1f" + text if counts[key] > 1 else key for key, text in zip(keys, texts, strict=True)]
    return [prefix + hashlib.sha256(key.encode("utf-8")).hexdigest()[:16] for key in keys]
