"""Removing news noise from articles without touching what journalists wrote.

``clean`` removes what databases, aggregators and scrapers add to articles: HTML tags
and entities, mojibake (repaired with ftfy), aggregator lines (``Source: Read Full
Article`` and the like, from the maintained list in ``data/news_noise.yaml``), picture
captions that repeat a body sentence, bullet summaries that repeat the body, and
paragraphs repeated verbatim.  Curly quotes and whitespace are normalised.  It reports
what it removed from every article, so nothing vanishes unseen.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterable
from functools import lru_cache
from importlib import resources
from typing import NamedTuple

import pandas as pd
import yaml

NOISE_KINDS = ("html_tags", "html_entities", "mojibake", "aggregator_lines", "captions", "bullet_lines", "repeated_paragraphs")

_TAG = re.compile(r"</?[a-zA-Z][a-zA-Z0-9]*(\s[^<>]*)?/?>|<!--.*?-->", re.S)
_ENTITY = re.compile(r"&(#\d{1,7}|#x[0-9a-fA-F]{1,6}|[a-zA-Z][a-zA-Z0-9]{1,31});")
_MOJIBAKE_HINT = re.compile("[\u00c2\u00c3\u00e2][\u0080-\u00bf\u20ac\u2122\u0153\u201c\u201d\u2018\u2019\u00a2-\u00bf]")
_QUOTES = (("\u2018", "'"), ("\u2019", "'"), ("\u201a", "'"), ("\u201b", "'"), ("\u201c", '"'), ("\u201d", '"'), ("\u201e", '"'), ("\u00a0", " "), ("\u2009", " "), ("\u202f", " "))


def normalise_quotes(text: str) -> str:
    """Curly quotes to straight ones, non-breaking and thin spaces to plain spaces.

    Example
    -------
    >>> print(normalise_quotes("\u201cWe\u2019re worried,\u201d she said.\u00a0Police agreed."))
    "We're worried," she said. Police agreed.
    """
    for old, new in _QUOTES:
        if old in text:  # str.replace is fast; str.translate with a dict is not
            text = text.replace(old, new)
    return text
_SPACES = re.compile(r"[ \t\f\v]+")
_PARAGRAPH_BREAK = re.compile(r"\n\s*\n")


def _caption_hint(paragraph: str) -> bool:
    low = paragraph.lower()
    return "pictur" in low or "photo" in low or "image" in low or "pic" in low


@lru_cache(maxsize=1)
def _noise_lists():
    data = yaml.safe_load(resources.files("presslens").joinpath("data", "news_noise.yaml").read_text(encoding="utf-8"))
    return data


@lru_cache(maxsize=8)
def _compiled(extra: tuple[str, ...] = ()):
    data = _noise_lists()
    aggregator = re.compile(r"^\s*(?:" + "|".join(list(data["aggregator_lines"]) + list(extra)) + r")\s*$", re.I)
    caption = [re.compile(p, re.I) for p in data["caption_markers"]]
    credit = re.compile(r"^\s*(?:" + "|".join(data["credit_only"]) + r")\s*$", re.I)
    bullet = re.compile(data["bullet_prefix"])
    return aggregator, caption, credit, bullet


_NOT_KEY = re.compile(r"[^a-z0-9]+")


def _key(text: str) -> str:
    """A comparison key for detecting repeats: lower case, letters and digits only."""
    return _NOT_KEY.sub(" ", text.lower()).strip()


class Cleaned(NamedTuple):
    """One cleaned text and the counts of what was removed from it (what :func:`clean_text`
    returns).

    Example
    -------
    >>> result = clean_text("<b>Police</b> said no.")
    >>> result.text, {kind: n for kind, n in result.removed.items() if n}
    ('Police said no.', {'html_tags': 2})
    """

    text: str
    removed: dict


def clean_text(text: str, *, extra_patterns: Iterable[str] = ()) -> Cleaned:
    """Clean one article text; see :func:`clean`.

    Example
    -------
    >>> result = clean_text("Police said&nbsp;no.\\n\\nSource: Read Full Article")
    >>> result.text, result.removed["aggregator_lines"]
    ('Police said no.', 1)
    """
    removed = dict.fromkeys(NOISE_KINDS, 0)
    aggregator, caption_markers, credit, bullet = _compiled(tuple(extra_patterns))
    if "<" in text:
        text, n = _TAG.subn(" ", text)
        removed["html_tags"] = n
    if "&" in text:
        for _ in range(2):  # double-escaped entities (&amp;#8217;) need two passes
            found = len(_ENTITY.findall(text))
            if not found:
                break
            removed["html_entities"] += found
            text = html.unescape(text)
    if ("\u00e2" in text or "\u00c3" in text or "\u00c2" in text) and _MOJIBAKE_HINT.search(text):
        import ftfy

        fixed = ftfy.fix_encoding(text)
        if fixed != text:
            removed["mojibake"] = len(_MOJIBAKE_HINT.findall(text))
            text = fixed
    text = normalise_quotes(text)
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    if "  " in text or "\t" in text or "\f" in text or "\v" in text:
        text = _SPACES.sub(" ", text)
    paragraphs = [p.strip() for p in _PARAGRAPH_BREAK.split(text)]
    paragraphs = [p for p in paragraphs if p]

    kept: list[str] = []
    for paragraph in paragraphs:
        # aggregator lines are short; long paragraphs are never boilerplate
        if len(paragraph) < 300:
            lines = paragraph.split("\n")
            if aggregator.match(paragraph) or (len(lines) > 1 and all(aggregator.match(line) for line in lines)):
                removed["aggregator_lines"] += len(lines)
                continue
        kept.append(paragraph)

    def is_bullets(p):
        return bullet.match(p) is not None and all(bullet.match(line) for line in p.split("\n"))

    def caption_core(p):
        if "\n" in p or len(p) > 600 or not _caption_hint(p):
            return None
        for marker in caption_markers:
            if marker.search(p):
                return marker.sub("", p).strip()
        return None

    flags = [(is_bullets(p), caption_core(p)) for p in kept]
    body: list[str] = []

    def body_keys():  # the body against which bullets and captions are checked for repetition, made when first needed
        if not body:
            body.append(" \n ".join(_key(p) for p, (b, c) in zip(kept, flags, strict=True) if not b and c is None))
        return body[0]

    out: list[str] = []
    seen: set[str] = set()
    for paragraph, (bullets, core) in zip(kept, flags, strict=True):
        if bullets:
            lines = paragraph.split("\n")
            keep = [line for line in lines if not (key := _key(bullet.sub("", line))) or key not in body_keys()]
            removed["bullet_lines"] += len(lines) - len(keep)
            if keep:
                out.append("\n".join(keep))
            continue
        if core is not None and (credit.match(paragraph) or (len(key := _key(core)) > 15 and key in body_keys())):
            removed["captions"] += 1
            continue
        if len(paragraph) > 20:
            if paragraph in seen:
                removed["repeated_paragraphs"] += 1
                continue
            seen.add(paragraph)
        out.append(paragraph)
    return Cleaned("\n\n".join(out), removed)


class CleanResult(NamedTuple):
    """What :func:`clean` returns: the cleaned corpus and a table of removals per article.

    Example
    -------
    >>> result = clean(pd.DataFrame({"doc_id": ["a1"], "text": ["Police met parents.\\n\\nSource: Read Full Article"]}), progress=False)
    >>> result.corpus["text"].tolist(), result.removed[["doc_id", "aggregator_lines"]].to_dict("records")
    (['Police met parents.'], [{'doc_id': 'a1', 'aggregator_lines': 1}])
    """

    corpus: pd.DataFrame
    removed: pd.DataFrame


def clean(corpus: pd.DataFrame, *, text: str = "text", extra_patterns: Iterable[str] = (), progress: bool | None = None) -> CleanResult:
    """Remove news noise from every article; report what was removed from each.

    Parameters
    ----------
    corpus : DataFrame
        A corpus table.
    text : str
        The text column.
    extra_patterns : iterable of str
        More aggregator-line patterns (regular expressions matched against whole
        paragraphs, case-insensitively).

    Returns
    -------
    CleanResult
        ``(corpus, removed)``: a copy of the corpus with the text cleaned (and the
        headline's entities, mojibake and quotes normalised), and a table
        with ``doc_id``, one count column per kind of noise (``html_tags``,
        ``html_entities``, ``mojibake``, ``aggregator_lines``, ``captions``,
        ``bullet_lines``, ``repeated_paragraphs``) and ``chars_before`` /
        ``chars_after``.

    Example
    -------
    >>> corpus = pd.DataFrame({"doc_id": ["a1", "a2"], "headline": ["Council &amp; police meet", "Parents\u2019 warning"],
    ...     "text": ["Councillors met police on Monday.\\n\\nSource: Read Full Article",
    ...              "<p>Parents were warned about online scams.</p>\\n\\nParents were warned about online scams."]})
    >>> cleaned, removed = clean(corpus, progress=False)
    >>> cleaned[["headline", "text"]]
                    headline                                     text
    0  Council & police meet        Councillors met police on Monday.
    1       Parents' warning  Parents were warned about online scams.
    >>> removed[["doc_id", "html_tags", "aggregator_lines", "repeated_paragraphs", "chars_after"]]
      doc_id  html_tags  aggregator_lines  repeated_paragraphs  chars_after
    0     a1          0                 1                    0           33
    1     a2          2                 0                    1           39
    """
    from presslens._progress import progress_bar

    extra = tuple(extra_patterns)
    texts, rows = [], []
    bar = progress_bar(total=len(corpus), desc="cleaning", unit="article", enabled=progress)
    for value in corpus[text]:
        result = clean_text(value, extra_patterns=extra)
        texts.append(result.text)
        rows.append({**result.removed, "chars_before": len(value), "chars_after": len(result.text)})
        bar.update(1)
    bar.close()
    out = corpus.copy()
    out[text] = texts
    if "headline" in out and text != "headline":
        # headlines carry the same entities, mojibake and curly quotes
        out["headline"] = [clean_text(h).text if isinstance(h, str) else h for h in out["headline"]]
    removed = pd.DataFrame(rows, index=corpus.index)
    removed.insert(0, "doc_id", corpus["doc_id"].to_numpy() if "doc_id" in corpus else corpus.index.to_numpy())
    return CleanResult(out, removed.reset_index(drop=True))

