"""Writing a simulated corpus: planning the stories, rendering articles, writing files.

The plan (which article appears when, where and about what) is made first and is
small: a few integers per article.  Articles are then rendered one story at a time
(an original with its wire republications and duplicates) in date order and streamed
to JSON Lines, so a corpus of a million articles never sits in memory.

Every random choice draws from a :class:`random.Random` seeded by a string built from
the corpus seed (string seeds are hashed with SHA-512, stable across Python versions),
so the same ``n`` and ``random_state`` (the seed; ``seed`` is its deprecated name) give
the same bytes.
"""

from __future__ import annotations

import csv
import datetime as dt
import json
import random
import re
from pathlib import Path

from presslens._compat import renamed_parameters
from presslens.simulate.finish import finish
from presslens.simulate.plan import SECTIONS, TEACHING_N, TEACHING_SEED, plan_corpus
from presslens.simulate.render import Renderer
from presslens.simulate.world import (
    FRAMES,
    OUTLETS,
)

ARTICLE_FIELDS = ("doc_id", "outlet", "outlet_type", "published", "headline", "byline", "section", "url", "text")
LABEL_FIELDS = {
    "articles": ("doc_id", "outlet", "outlet_type", "published", "story", "off_topic", "offtopic_category", "event_id", "event_type",
                 "primary_frame", "secondary_frame", "wire_source", "duplicate_of", "n_quotes", "n_claims", "noise"),
    "quotes": ("doc_id", "quote_id", "part", "start", "end", "text", "speaker", "speaker_as_written", "person_id", "role", "organisation", "cue", "pattern"),
    "claims": ("doc_id", "mention", "start", "end", "value_start", "value_end", "value_text", "claim_id", "value", "true_value", "unit", "year",
               "true_year", "source", "true_source", "mutation"),
    "events": ("event_id", "event_type", "date", "last_article", "town", "region", "force", "group", "n_articles", "major"),
    "persons": ("person_id", "name", "role", "organisation", "public"),
    "statistics": ("claim_id", "value", "unit", "what", "year", "source", "release_date", "first_doc_id"),
    "frame_shares": ("outlet_type", "frame", "planted_share", "articles"),
}


def _slug(text: str, limit: int = 60) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")[:limit].rstrip("-")


class _Writers:
    def __init__(self, out: Path, n: int, chunk_size: int):
        self.out = out
        self.chunk_size = chunk_size
        self.multipart = n > chunk_size
        (out / "labels").mkdir(parents=True, exist_ok=True)
        if self.multipart:
            (out / "articles").mkdir(exist_ok=True)
        self.part = -1
        self.in_part = 0
        self.parts: list[str] = []
        self.articles = None
        self.tables = {}
        self.files = []
        for name, fields in LABEL_FIELDS.items():
            handle = open(out / "labels" / f"{name}.csv", "w", encoding="utf-8", newline="")
            writer = csv.DictWriter(handle, fieldnames=fields, lineterminator="\n", extrasaction="ignore")
            writer.writeheader()
            self.tables[name] = writer
            self.files.append(handle)

    def article(self, record: dict):
        if self.articles is None or (self.multipart and self.in_part >= self.chunk_size):
            if self.articles is not None:
                self.articles.close()
            self.part += 1
            self.in_part = 0
            name = f"articles/part-{self.part:05d}.jsonl" if self.multipart else "articles.jsonl"
            self.parts.append(name)
            self.articles = open(self.out / name, "w", encoding="utf-8", newline="\n")
        self.articles.write(json.dumps(record, ensure_ascii=False) + "\n")
        self.in_part += 1

    def row(self, table: str, record: dict):
        self.tables[table].writerow(record)

    def close(self):
        if self.articles is not None:
            self.articles.close()
        for handle in self.files:
            handle.close()


def _fmt(value):
    if isinstance(value, float):
        return f"{value:.6g}" if not value.is_integer() else str(int(value))
    if isinstance(value, bool):
        return "true" if value else "false"
    return value


@renamed_parameters(seed="random_state")
def simulate(n: int = TEACHING_N, random_state: int = TEACHING_SEED, out="corpus/teaching", *, chunk_size: int = 100_000, progress: bool | None = None) -> dict:
    """Simulate a corpus of ``n`` articles and write it, with its labels, to ``out``.

    Writes ``articles.jsonl`` (or ``articles/part-NNNNN.jsonl`` chunks when ``n`` exceeds
    ``chunk_size``), ``labels/*.csv`` and a ``datapackage.json``.  Returns counts.

    Example
    -------
    >>> import tempfile
    >>> folder = tempfile.mkdtemp()
    >>> simulate(60, random_state=1, out=folder, progress=False)["articles"]
    60
    >>> sorted(path.name for path in Path(folder).iterdir())
    ['articles.jsonl', 'datapackage.json', 'labels']
    """
    from presslens._progress import progress_bar

    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    seed = random_state  # the simulator's own name for it, kept in its labels and datapackage
    plan = plan_corpus(n, seed)
    renderer = Renderer(plan)
    writers = _Writers(out, n, chunk_size)
    for person in plan.world.people.values():
        if person.role != "defendant" and person.public:
            writers.row("persons", {"person_id": person.person_id, "name": person.name, "role": person.role, "organisation": person.organisation, "public": "true"})
    for event in plan.events:
        for person in (event.defendant, event.relative):
            writers.row("persons", {"person_id": person.person_id, "name": person.name, "role": person.role, "organisation": person.organisation, "public": "false"})
    shares: dict[str, list] = {}
    counts = {"articles": 0, "quotes": 0, "claims": 0}
    width = max(6, len(str(n)))
    first_doc: dict[str, str] = {}
    bar = progress_bar(total=n, desc="simulating articles", unit="article", enabled=progress)
    for unit_index, unit in enumerate(plan.units):
        # the first spec of a unit is the original; wire copies and duplicates follow it
        original_id = original_draft = original_finished = original_record = None
        for spec in unit:
            counts["articles"] += 1
            doc_id = f"tc-{counts['articles']:0{width}d}"
            rng = random.Random(f"article:{seed}:{unit_index}:{spec.kind}:{counts['articles']}")
            renderer.new_people = []
            outlet = OUTLETS[spec.outlet]
            if spec.kind == "duplicate":
                text, headline, labels, noise = original_finished
                labels = [{**label, "doc_id": doc_id} for label in labels]
                draft = original_draft
            else:
                if spec.kind == "offtopic":
                    draft = renderer.off_topic(spec, rng)
                elif spec.kind == "wire_copy":
                    draft = renderer.wire_copy(original_draft, spec, rng)
                else:
                    draft = renderer.on_topic(spec, rng)
                text, headline, labels, noise = finish(draft, rng, doc_id)
            if original_id is None:
                original_id, original_draft, original_finished = doc_id, draft, (text, headline, labels, noise)
            published = dt.date.fromordinal(spec.day)
            if spec.kind == "duplicate":  # the same article ingested twice: same metadata
                record = {**original_record, "doc_id": doc_id}
            else:
                section = rng.choice(SECTIONS["offtopic" if spec.kind == "offtopic" else outlet.type])
                byline = rng.choice(outlet.byline_pool)
                if spec.kind == "wire_copy" and rng.random() < 0.5:
                    byline = f"{byline} with BPA"
                site = outlet.name.lower().removeprefix("the ").replace(" ", "")
                url = f"https://www.{site}.example/{_slug(section, 20)}/{published:%Y/%m/%d}/{_slug(headline)}-{counts['articles']:07d}"
                record = {"doc_id": doc_id, "outlet": outlet.name, "outlet_type": outlet.type, "published": published.isoformat(),
                          "headline": headline, "byline": byline, "section": section, "url": url, "text": text}
            if original_record is None:
                original_record = record
            writers.article(record)
            bar.update(1)
            quote_labels = [x for x in labels if x["kind"] == "quote"]
            claim_labels = [x for x in labels if x["kind"] == "claim"]
            for label in quote_labels:
                writers.row("quotes", {**label, "quote_id": f"{doc_id}-q{label['quote_id']}"})
            for m, label in enumerate(claim_labels, start=1):
                writers.row("claims", {**{k: _fmt(v) for k, v in label.items()}, "mention": f"{doc_id}-c{m}"})
                first_doc.setdefault(label["claim_id"], doc_id)
            counts["quotes"] += len(quote_labels)
            counts["claims"] += len(claim_labels)
            event = plan.events[spec.event] if spec.event >= 0 else None
            writers.row("articles", {
                "doc_id": doc_id, "outlet": outlet.name, "outlet_type": outlet.type, "published": published.isoformat(),
                "story": {"event": "event", "background": "background", "offtopic": "offtopic", "wire_copy": "wire_copy", "duplicate": "duplicate"}[spec.kind],
                "off_topic": "true" if spec.kind == "offtopic" or (spec.kind == "duplicate" and not draft.meta["primary_frame"]) else "false",
                "offtopic_category": spec.category, "event_id": event.event_id if event else "", "event_type": spec.event_type,
                "primary_frame": draft.meta.get("primary_frame", ""), "secondary_frame": draft.meta.get("secondary_frame", ""),
                "wire_source": original_id if spec.kind == "wire_copy" else "", "duplicate_of": original_id if spec.kind == "duplicate" else "",
                "n_quotes": len({x["quote_id"] for x in quote_labels}), "n_claims": len(claim_labels), "noise": ";".join(noise),
            })
            for person in renderer.new_people:
                writers.row("persons", {"person_id": person.person_id, "name": person.name, "role": person.role, "organisation": person.organisation, "public": "false"})
            if spec.kind in ("event", "background") and "frame_mix" in draft.meta:
                tally = shares.setdefault(outlet.type, [0, [0.0] * len(FRAMES)])
                tally[0] += 1
                for i, f in enumerate(FRAMES):
                    tally[1][i] += draft.meta["frame_mix"][f]
    bar.close()
    for event in plan.events:
        writers.row("events", {"event_id": event.event_id, "event_type": event.type, "date": dt.date.fromordinal(event.day).isoformat(),
                               "last_article": dt.date.fromordinal(max(event.last_day, event.day)).isoformat(), "town": event.town, "region": event.region,
                               "force": event.force["name"], "group": event.group["name"], "n_articles": event.size, "major": "true" if event.major else "false"})
    for stat in plan.statistics:
        writers.row("statistics", {"claim_id": stat.claim_id, "value": _fmt(stat.value), "unit": stat.unit, "what": stat.what, "year": stat.year,
                                   "source": stat.source, "release_date": dt.date.fromordinal(stat.release_day).isoformat(), "first_doc_id": first_doc.get(stat.claim_id, "")})
    for outlet_type in sorted(shares):
        articles, sums = shares[outlet_type]
        for i, f in enumerate(FRAMES):
            writers.row("frame_shares", {"outlet_type": outlet_type, "frame": f, "planted_share": f"{sums[i] / articles:.4f}", "articles": articles})
    writers.close()
    _write_datapackage(out, writers.parts, n, seed)
    return {**counts, "events": len(plan.events), "statistics": len(plan.statistics), "parts": len(writers.parts)}


def _write_datapackage(out: Path, parts: list[str], n: int, seed: int) -> None:
    from presslens.corpus.schema import FIELD_DESCRIPTIONS

    fields = [{"name": name, "type": "date" if name == "published" else "string", "description": FIELD_DESCRIPTIONS.get(name, name)} for name in ARTICLE_FIELDS]
    resources = [{
        "name": "articles", "path": parts[0] if len(parts) == 1 else parts, "format": "jsonl", "mediatype": "application/x-ndjson",
        "encoding": "utf-8", "schema": {"fields": fields, "primaryKey": "doc_id"},
    }]
    for name, columns in LABEL_FIELDS.items():
        resources.append({"name": f"labels-{name.replace('_', '-')}", "path": f"labels/{name}.csv", "format": "csv", "mediatype": "text/csv", "encoding": "utf-8",
                          "schema": {"fields": [{"name": c, "type": "string"} for c in columns]}})
    descriptor = {
        "profile": "data-package",
        "name": "presslens-teaching-corpus" if (n, seed) == (TEACHING_N, TEACHING_SEED) else f"presslens-simulated-{n}-{seed}",
        "title": "presslens simulated UK press corpus on online child-safety policing and vigilante groups",
        "description": "Simulated, entirely fictional news articles with ground-truth labels, written by presslens.simulate. See DATASHEET.md.",
        "licenses": [{"name": "CC-BY-4.0", "path": "https://creativecommons.org/licenses/by/4.0/", "title": "Creative Commons Attribution 4.0"}],
        "sources": [{"title": "presslens.simulate", "path": "https://github.com/presslens/presslens"}],
        "presslens": {"simulator_n": n, "simulator_seed": seed},
        "resources": resources,
    }
    (out / "datapackage.json").write_text(json.dumps(descriptor, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
