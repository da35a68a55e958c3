"""Finishing a draft in its outlet's house style: sentence length, captions, wire lines,
encoding damage, and the label rows that record what was planted."""

from __future__ import annotations

import datetime as dt
import random
import re

from presslens.simulate.plan import AGGREGATOR_LINES, CAPTION_FORMS
from presslens.simulate.render import Draft
from presslens.simulate.world import (
    OUTLETS,
)

# ----------------------------------------------------------------------------- house style and noise

_SPLIT = re.compile(r"(?<=[.!?])\s+(?=[A-Z])")
# a clause is cut off only where a new subject follows, so no sentence loses its subject
_CLAUSE = re.compile(r"(?<=[a-z]), (and|but|so) (?=(?:the|a|an|he|she|they|it|his|her|their|this|that|there|we|police|officers|many|some)\b)")


_JOINABLE = re.compile(r"(?<=[a-z])\. (The|A|An|He|She|It|They|This|That|There|Its|Their|His|Her) ")


def _broadsheet_sentences(text: str, rng: random.Random) -> str:
    """Broadsheet house style: some consecutive sentences joined by a semicolon."""
    return _JOINABLE.sub(lambda m: f"; {m.group(1).lower()} " if rng.random() < 0.5 else m.group(0), text)


def _tabloid_clauses(sentence: str, rng: random.Random) -> list[str]:
    """Tabloid house style: long sentences broken at ', and' / ', but' into short ones."""
    def cut(match):
        return f". {match.group(1).capitalize()} " if rng.random() < 0.7 else match.group(0)

    return _SPLIT.split(_CLAUSE.sub(cut, sentence))


def _style_text(text: str, outlet) -> str:
    if outlet.percent_style == "%":
        text = re.sub(r"(\d) per cent", r"\1%", text)
    if outlet.quote_style == "curly":
        text = re.sub(r"(^|[\s(\x01\u2014-])'", "\\1\u2018", text)
        text = text.replace("'", "\u2019")
        text = text.replace("\x01", "\u201c").replace("\x02", "\u201d")
    else:
        text = text.replace("\x01", '"').replace("\x02", '"')
    return text


def _entities(text: str) -> str:
    return text.replace("&", "&amp;").replace("\u2019", "&#8217;").replace("\u2018", "&#8216;").replace('"', "&quot;").replace("\u00a3", "&pound;")


def _mojibake(text: str) -> str:
    return text.replace("\u2019", "\u00e2\u20ac\u2122").replace("\u201c", "\u00e2\u20ac\u0153").replace("\u201d", "\u00e2\u20ac\u009d").replace("\u00a3", "\u00c2\u00a3")


def finish(draft: Draft, rng: random.Random, doc_id: str):
    """Apply house style and news noise; return the article text and its span labels."""
    outlet = OUTLETS[draft.outlet]
    paragraphs, kinds = [], []
    for paragraph, kind in zip(draft.paragraphs, draft.kinds, strict=True):
        if outlet.type == "tabloid" and len(paragraph) == 1 and paragraph[0][1] is None and (kind in ("lede", "detail", "colour", "offtopic") or kind.startswith("frame:")):
            for sentence in _tabloid_clauses(paragraph[0][0], rng):
                paragraphs.append([(sentence, None)])
                kinds.append(kind)
        elif outlet.type == "broadsheet" and len(paragraph) == 1 and paragraph[0][1] is None and kind != "offtopic":
            paragraphs.append([(_broadsheet_sentences(paragraph[0][0], rng), None)])
            kinds.append(kind)
        else:
            paragraphs.append(paragraph)
            kinds.append(kind)
    noise = []
    plain = [i for i, k in enumerate(kinds) if k in ("detail", "colour", "offtopic") or (k.startswith("frame:") and "claim" not in k)]
    if plain and rng.random() < 0.10:
        i = rng.choice(plain)
        sentence = _SPLIT.split(paragraphs[i][0][0])[0]
        caption = rng.choice(CAPTION_FORMS).format(sentence=sentence, short=outlet.short)
        paragraphs.insert(i, [(caption, None)])
        kinds.insert(i, "caption")
        noise.append("caption")
        plain = [j + (1 if j >= i else 0) for j in plain]
    if plain and rng.random() < 0.04:
        i = rng.choice(plain)
        paragraphs.insert(i + 1, list(paragraphs[i]))
        kinds.insert(i + 1, "repeat")
        noise.append("repeated_paragraph")
    if outlet.standfirst == "bullets" and rng.random() < 0.7:
        sources = [p[0][0] for p, k in zip(paragraphs, kinds, strict=True) if k in ("lede", "detail", "offtopic") or (k.startswith("frame:") and "claim" not in k)]
        bullets = [_SPLIT.split(s)[0] for s in sources[: rng.choice((2, 3))]]
        if bullets:
            paragraphs.insert(0, [("\n".join("\u2022 " + b for b in bullets), None)])
            kinds.insert(0, "bullets")
            noise.append("bullet_summary")
    elif draft.standfirst:
        paragraphs.insert(0, [(draft.standfirst, None)])
        kinds.insert(0, "standfirst")
    if rng.random() < 0.12:
        year = dt.date.fromordinal(draft.day).year
        site = outlet.name.lower().removeprefix("the ").replace(" ", "") + ".example"
        paragraphs.append([(rng.choice(AGGREGATOR_LINES).format(outlet=outlet.name, year=year, site=site), None)])
        kinds.append("aggregator")
        noise.append("aggregator_line")
    transform = None
    roll = rng.random()
    if roll < 0.05:
        transform = _entities
    elif roll < 0.08:
        transform = _mojibake
    pieces, labels, offset = [], [], 0
    for p_index, paragraph in enumerate(paragraphs):
        if p_index:
            pieces.append("\n\n")
            offset += 2
        for text, label in paragraph:
            text = _style_text(text, outlet)
            if transform is not None:
                text = transform(text)
            if label is not None:
                record = {**label, "doc_id": doc_id, "start": offset, "end": offset + len(text), "text": text}
                if label["kind"] == "claim":
                    value_text = _style_text(label["value_text"], outlet)
                    if transform is not None:
                        value_text = transform(value_text)
                    local = text.find(value_text)
                    record["value_start"] = offset + local
                    record["value_end"] = offset + local + len(value_text)
                    record["value_text"] = value_text
                labels.append(record)
            pieces.append(text)
            offset += len(text)
    headline = _style_text(draft.headline, outlet)
    text = "".join(pieces)
    if transform is not None:
        headline = transform(headline)
        # recorded only where the transform changed something (a text without curly
        # quotes, ampersands or pound signs shows no mojibake)
        if any(transform(_style_text(t, outlet)) != _style_text(t, outlet) for p in paragraphs for t, _ in p):
            noise.append("html_entities" if transform is _entities else "mojibake")
    return text, headline, labels, noise


# ----------------------------------------------------------------------------- writing
