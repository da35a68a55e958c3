"""Writing a simulated corpus: planning the stories, rendering articles, writing files.

The plan (which article appears when, where and about what) is made first and is
small: a few integers per article.  Articles are then rendered one story at a time
(an original with its wire republications and duplicates) in date order and streamed
to JSON Lines, so a corpus of a million articles never sits in memory.

Every random choice draws from a :class:`random.Random` seeded by a string built from
the corpus seed (string seeds are hashed with SHA-512, stable across Python versions),
so the same ``n`` and ``seed`` give the same bytes.
"""

from __future__ import annotations

import bisect
import csv
import datetime as dt
import json
import random
import re
from dataclasses import dataclass, field
from pathlib import Path

from presslens.simulate import claims_bank as cb
from presslens.simulate.banks import load_banks
from presslens.simulate.world import (
    AGENCY,
    BILL,
    CHANNELS,
    CHARITIES,
    COURT_KINDS,
    DEPARTMENTS,
    DOCUMENTARIES,
    EVENT_TYPE,
    EVENT_TYPES,
    FRAME_BY_OUTLET_TYPE,
    FRAMES,
    MONTHS,
    NUMBER_WORDS,
    OUTLET_TYPE_WEIGHT,
    OUTLETS,
    RELATIONS,
    ROLE_BY_FRAME,
    ROLE_BY_OUTLET_TYPE,
    WEEKDAYS,
    WIRE,
    Person,
    World,
    build_world,
    frame_trend,
)

TEACHING_N = 1500
TEACHING_SEED = 2024
START = dt.date(2013, 1, 1)
END = dt.date(2024, 12, 31)
FIRST_DAY, LAST_DAY = START.toordinal(), END.toordinal()
YEAR_WEIGHT = {2013: 0.5, 2014: 0.7, 2015: 0.9, 2016: 1.2, 2017: 1.5, 2018: 1.6, 2019: 1.5, 2020: 1.4, 2021: 1.2, 2022: 1.0, 2023: 0.9, 2024: 0.85}
BURST_OFFSETS = (0,) * 40 + (1,) * 25 + (2,) * 12 + (3,) * 8 + (4,) * 5 + (5,) * 4 + (6,) * 3 + (7,) * 2 + (9,) * 1
OFFTOPIC_SHARE = 0.08
DUPLICATE_SHARE = 0.01
EVENT_SHARE = 0.62
DEFENDANT_EVENTS = ("sting_conviction", "wrong_target", "death_after_exposure", "sting_violence", "hunter_prosecuted")
PRIMARY_SHARE = 0.85  # share of frame paragraphs and quotes that serve the primary frame
AGGREGATOR_LINES = (
    "Source: Read Full Article",
    "Read Full Article at Source",
    "Click here to read the full story",
    "Continue reading the full article on the publisher's website",
    "This article originally appeared on {site}.",
    "Sign up to our free newsletter for the latest news.",
    "Follow us on social media for breaking news updates.",
    "Copyright {year} {outlet}. All rights reserved.",
    "(c) {outlet} {year}",
    "Share this article: Facebook | X | Email",
)
CAPTION_FORMS = ("{sentence} Picture: {short}", "{sentence} (Image: {short})", "PICTURED: {sentence}", "{sentence} Photo: {short}/Stock")
SECTIONS = {
    "tabloid": ("News", "UK News", "Crime"),
    "mid-market": ("News", "UK", "Crime"),
    "broadsheet": ("UK news", "Society", "Law", "Technology"),
    "broadcaster": ("UK", "England", "Technology"),
    "regional": ("Local news", "Courts", "Crime"),
    "wire": ("Home news", "Courts"),
    "offtopic": ("News", "Lifestyle", "Business"),
}


# ----------------------------------------------------------------------------- plan


@dataclass
class Event:
    event_id: str
    type: str
    day: int
    force: dict
    town: str
    region: str
    court: str
    group: dict
    defendant: Person
    relative: Person
    judge: str
    prosecutor: str
    defence: str
    major: bool
    size: int
    last_day: int = 0


@dataclass
class Statistic:
    claim_id: str
    unit: str
    what: str
    year: int
    value: float
    source: str
    source_kind: str
    release_day: int
    first_doc: str = ""


@dataclass(slots=True)
class Spec:
    kind: str  # event, background, offtopic, wire_copy, duplicate
    outlet: int
    day: int
    event: int = -1
    event_type: str = ""
    category: str = ""


@dataclass
class Plan:
    n: int
    seed: int
    world: World
    events: list[Event]
    units: list[list[Spec]]
    statistics: list[Statistic]
    stat_days: list[int] = field(default_factory=list)
    source_names: dict[str, list[str]] = field(default_factory=dict)  # who publishes statistics, by kind


def _weighted(rng: random.Random, options, weights):
    return rng.choices(options, weights=weights, k=1)[0]


def _random_day(rng: random.Random, years=(2013, 2024)) -> int:
    allowed = [y for y in YEAR_WEIGHT if years[0] <= y <= years[1]]
    year = _weighted(rng, allowed, [YEAR_WEIGHT[y] for y in allowed])
    first = dt.date(year, 1, 1).toordinal()
    last = dt.date(year, 12, 31).toordinal()
    if year == 2020 and years == (2020, 2021):
        first = dt.date(2020, 3, 23).toordinal()
    if year == 2021 and years == (2020, 2021):
        last = dt.date(2021, 7, 19).toordinal()
    return rng.randint(first, last)


def _outlet_weights(interest: dict | None = None, exclude_wire=False):
    weights = []
    for outlet in OUTLETS:
        w = OUTLET_TYPE_WEIGHT[outlet.type] * (interest or {}).get(outlet.type, 1.0)
        if exclude_wire and outlet.name == WIRE:
            w = 0.0
        weights.append(w)
    return weights


def _private(world: World, rng: random.Random, role: str, organisation: str, title: str, gender=None, keep=True) -> Person:
    return world.new_person(rng, role, organisation, title, public=False, gender=gender, keep=keep)


def plan_corpus(n: int, seed: int) -> Plan:
    """Decide every article's kind, outlet, date and story, before any text is written."""
    if n < 20:
        raise ValueError("simulate at least 20 articles")
    world = build_world(seed)
    rng = random.Random(f"plan:{seed}")
    n_off = round(OFFTOPIC_SHARE * n)
    n_dup = max(1, round(DUPLICATE_SHARE * n))
    n_main = n - n_off - n_dup
    n_events = max(60, round(n / 25)) if n >= 600 else max(3, n // 25)

    events: list[Event] = []
    type_weights = [e.weight for e in EVENT_TYPES]
    for i in range(n_events):
        etype = _weighted(rng, EVENT_TYPES, type_weights)
        force = rng.choice(world.forces)
        town, region = rng.choice(force["towns"])
        group = rng.choice([g for g in world.groups if g["force"] == force["name"]] or world.groups)
        if etype.name == "hunter_prosecuted":
            defendant = _private(world, rng, "defendant", group["name"], f"a member of {group['name']}", gender="m")
        else:
            defendant = _private(world, rng, "defendant", "", "defendant", gender="m")
        relation = rng.choice(RELATIONS)
        relative = world.new_person(rng, "family", "", f"his {relation}", public=False, gender="m" if relation in ("brother", "father", "son") else "f" if relation in ("sister", "mother", "daughter") else None, fixed_name=None)
        if rng.random() < 0.5:  # relatives often share the surname
            relative.name = relative.name.split()[0] + " " + defendant.surname
        major = rng.random() < 0.3
        size = rng.randint(18, 34) if major else rng.randint(5, 12)
        events.append(
            Event(
                f"ev{i + 1:05d}", etype.name, _random_day(rng, etype.years), force, town, region,
                f"{town} {rng.choice(COURT_KINDS)}", group, defendant, relative,
                rng.choice(world.judges), rng.choice(world.prosecutors), rng.choice(world.defence), major, size,
            )
        )
    target = EVENT_SHARE * n_main
    scale = target / sum(e.size for e in events)
    for e in events:
        e.size = max(3, round(e.size * scale))
    events.sort(key=lambda e: (e.day, e.event_id))
    for i, e in enumerate(events):
        e.event_id = f"ev{i + 1:05d}"

    units: list[list[Spec]] = []
    budget = n_main
    wire_index = next(i for i, o in enumerate(OUTLETS) if o.name == WIRE)
    copy_weights = _outlet_weights(exclude_wire=True)

    def with_copies(spec: Spec) -> list[Spec]:
        nonlocal budget
        unit = [spec]
        budget -= 1
        if spec.outlet == wire_index and rng.random() < 0.7:
            for _ in range(rng.choice((1, 1, 2, 2, 3))):
                if budget <= 0:
                    break
                outlet = _weighted(rng, range(len(OUTLETS)), copy_weights)
                unit.append(Spec("wire_copy", outlet, min(spec.day + rng.choice((0, 0, 0, 1)), LAST_DAY), spec.event, spec.event_type))
                budget -= 1
        return unit

    for index, event in enumerate(events):
        weights = _outlet_weights(EVENT_TYPE[event.type].outlet_interest)
        made = 0
        while made < event.size and budget > 0:
            outlet = _weighted(rng, range(len(OUTLETS)), weights)
            day = min(event.day + rng.choice(BURST_OFFSETS), LAST_DAY)
            unit = with_copies(Spec("event", outlet, day, index, event.type))
            made += len(unit)
            event.last_day = max(event.last_day, max(s.day for s in unit))
            units.append(unit)
        event.size = made
    weights = _outlet_weights()
    while budget > 0:
        day = _random_day(rng)
        year = dt.date.fromordinal(day).year
        allowed = [e for e in EVENT_TYPES if e.years[0] <= year <= e.years[1]]
        etype = _weighted(rng, allowed, [e.weight for e in allowed])
        outlet = _weighted(rng, range(len(OUTLETS)), weights)
        units.append(with_copies(Spec("background", outlet, day, -1, etype.name)))
    categories = list(load_banks().offtopic)
    for _ in range(n_off):
        units.append([Spec("offtopic", _weighted(rng, range(len(OUTLETS)), weights), rng.randint(FIRST_DAY, LAST_DAY), category=rng.choice(categories))])
    on_topic = [u for u in units if u[0].kind != "offtopic"]
    for _ in range(n_dup):
        unit = rng.choice(on_topic)
        unit.append(Spec("duplicate", unit[0].outlet, unit[0].day, unit[0].event, unit[0].event_type))
    units.sort(key=lambda u: u[0].day)

    statistics = []
    n_stats = max(24, n // 60)
    source_names = {"department": list(DEPARTMENTS[:1]) + ["the Office for Crime Statistics"], "charity": list(CHARITIES), "agency": [AGENCY], "platform": [p["name"] for p in world.platforms]}
    taken: set[tuple[str, int]] = set()
    for i in range(n_stats):
        # one published figure per thing counted and year (a body does not publish two)
        for _ in range(100):
            unit, what, kind = rng.choice(cb.STATISTIC_KINDS)
            year = rng.randint(2012, 2023)
            if (what, year) not in taken or len(taken) >= len(cb.STATISTIC_KINDS) * 12:
                break
        taken.add((what, year))
        release = dt.date(year + 1, 1, 1).toordinal() + rng.randint(0, 300) if unit != "money" else dt.date(year, 1, 1).toordinal() + rng.randint(0, 330)
        release = max(FIRST_DAY, min(release, LAST_DAY - 30))
        statistics.append(Statistic(f"cl{i + 1:04d}", unit, what, year, cb.make_value(unit, rng), rng.choice(source_names[kind]), kind, release))
    statistics.sort(key=lambda s: (s.release_day, s.claim_id))
    for i, s in enumerate(statistics):
        s.claim_id = f"cl{i + 1:04d}"
    return Plan(n, seed, world, events, units, statistics, [s.release_day for s in statistics], source_names)


# ----------------------------------------------------------------------------- article structure

# A paragraph is a list of segments (text, label); labels are dicts for quotes and claims.


@dataclass
class Draft:
    outlet: int
    day: int
    headline: str
    paragraphs: list[list[tuple[str, dict | None]]]
    kinds: list[str]
    meta: dict
    standfirst: str = ""


class Renderer:
    """Renders the articles of one plan."""

    def __init__(self, plan: Plan):
        self.plan = plan
        self.world = plan.world
        self.banks = load_banks()
        self.honorific: dict[str, str] = {}
        rng = random.Random(f"honorifics:{plan.seed}")
        for pid in self.world.academics:
            self.honorific[pid] = rng.choice(("Dr", "Dr", "Professor"))
        for pid in self.world.judges:
            self.honorific[pid] = rng.choice(("Judge", "Judge", "Recorder"))
        self.officer_rank = {}
        for force in self.world.forces:
            for officer in force["officers"]:
                self.officer_rank[officer["id"]] = (officer["rank"], officer["short"], officer["unit"], force["name"])
        for pid in self.world.agency_officers:
            title = self.world.people[pid].title
            rank = title.split(self.world.people[pid].name)[0].strip()
            self.officer_rank[pid] = (rank, rank, "", AGENCY)
        self.mentioned_claims: set[str] = set()
        self.new_people: list[Person] = []

    # ------------------------------------------------------------------ people
    def person(self, pid: str) -> Person:
        return self.world.people[pid]

    def minister(self, year: int) -> Person:
        for first, last, pid in self.world.ministers:
            if first <= year <= last:
                return self.person(pid)
        return self.person(self.world.ministers[-1][2])

    def full_mention(self, p: Person, outlet, ctx) -> str:
        """How a person is introduced on first mention."""
        if p.person_id in self.officer_rank:
            rank, short, unit, force = self.officer_rank[p.person_id]
            rank_text = short if outlet.abbreviate_ranks else rank
            if force == AGENCY:
                return f"{rank_text} {p.name}, of {AGENCY}"
            return f"{rank_text} {p.name}, of {force}'s {unit.removeprefix('the ')}" if unit else f"{rank_text} {p.name}, of {force}"
        if p.role == "vigilante":
            return f"{p.name}, {p.title}"
        if p.role in ("charity", "tech"):
            return f"{p.name}, {p.title}"
        if p.role == "government":
            if p.title == "MP":
                return f"{p.name}, the MP for {ctx['town']}"
            return f"{p.title} {p.name}"
        if p.role == "legal":
            if p.person_id in self.honorific:
                return f"{self.honorific[p.person_id]} {p.name}"
            return f"{p.name}, {p.title}"
        if p.role == "academic":
            return f"{self.honorific.get(p.person_id, 'Dr')} {p.name}, {p.title}"
        return f"{p.name}, {p.title}"

    def short_mention(self, p: Person, outlet) -> str:
        if p.person_id in self.officer_rank:
            rank, short, _, _ = self.officer_rank[p.person_id]
            return f"{short if outlet.abbreviate_ranks else rank} {p.surname}"
        if p.person_id in self.honorific:
            return f"{self.honorific[p.person_id]} {p.surname}"
        if p.role == "government" and p.title != "MP":
            return f"{p.title.split()[0]} Minister {p.surname}" if "Minister" in p.title else f"the {p.title}"
        return p.surname if p.role not in ("family", "public") else p.name.split()[0] if p.role == "family" and p.surname == "" else p.surname

    def speaker_for(self, role: str, ctx: dict, rng: random.Random, day: int) -> Person:
        year = dt.date.fromordinal(day).year
        if role == "police":
            if ctx["_agency_ok"] and rng.random() < 0.3:
                return self.person(rng.choice(self.world.agency_officers))
            return self.person(rng.choice(ctx["_force"]["officers"])["id"])
        if role == "vigilante":
            group = ctx["_group"]
            return self.person(group["founder"] if rng.random() < 0.6 else rng.choice(group["members"]))
        if role == "charity":
            return self.person(rng.choice(ctx["_charity"]["people"]))
        if role == "tech":
            return self.person(rng.choice(ctx["_platform"]["people"]))
        if role == "government":
            return self.minister(year) if rng.random() < 0.6 else self.person(rng.choice(self.world.mps))
        if role == "legal":
            return self.person(_weighted(rng, [ctx["_judge"], ctx["_prosecutor"], ctx["_defence"]], [0.4, 0.3, 0.3]))
        if role == "academic":
            return self.person(rng.choice(self.world.academics))
        if role == "family":
            if ctx["_relative"] is not None and ctx["_has_defendant"] and rng.random() < 0.7:
                return ctx["_relative"]
            gender = rng.choice("mf")
            kinds = ("a father of two from", "a father from", "a parent from", "a grandfather from") if gender == "m" else ("a mother of two from", "a mother from", "a parent from", "a grandmother from")
            parent = _private(self.world, rng, "family", "", rng.choice(kinds) + " " + ctx["town"], gender=gender, keep=False)
            self.new_people.append(parent)
            return parent
        resident = _private(self.world, rng, "public", "", f"{rng.randint(19, 78)}, {rng.choice(('who lives nearby', 'a local shopkeeper', 'who saw what happened', 'a resident', 'who runs a cafe nearby'))}", keep=False)
        self.new_people.append(resident)
        return resident

    # ------------------------------------------------------------------ context
    def context(self, spec: Spec, rng: random.Random) -> dict:
        world = self.world
        year = dt.date.fromordinal(spec.day).year
        if spec.event >= 0:
            ev = self.plan.events[spec.event]
            force, town, region, court, group = ev.force, ev.town, ev.region, ev.court, ev.group
            defendant, relative, judge, prosecutor, defence = ev.defendant, ev.relative, ev.judge, ev.prosecutor, ev.defence
            event_date = dt.date.fromordinal(ev.day)
        else:
            force = rng.choice(world.forces)
            town, region = rng.choice(force["towns"])
            court = f"{town} {rng.choice(COURT_KINDS)}"
            group = rng.choice(world.groups)
            defendant = _private(world, rng, "defendant", "", "defendant", gender="m", keep=False)
            self.new_people.append(defendant)
            relative = None
            judge, prosecutor, defence = rng.choice(world.judges), rng.choice(world.prosecutors), rng.choice(world.defence)
            event_date = dt.date.fromordinal(max(FIRST_DAY, spec.day - rng.randint(0, 20)))
        officer = rng.choice(force["officers"])
        officer_person = self.person(officer["id"])
        charity = rng.choice(world.charities)
        platform = rng.choice(world.platforms)
        minister = self.minister(year)
        founder = self.person(group["founder"])
        charity_person = self.person(charity["people"][0])
        ctx = {
            "town": town, "region": region, "court": court,
            "group": group["name"], "hunter": founder.name, "hunter_surname": founder.surname,
            "force": force["name"], "unit": officer["unit"],
            "officer": f"{officer['rank']} {officer_person.name}", "officer_surname": f"{officer['short']} {officer_person.surname}",
            "agency": AGENCY, "charity": charity["name"], "charity_person": charity_person.name,
            "charity_person_surname": charity_person.surname, "platform": platform["name"],
            "tech_person": self.person(platform["people"][0]).name,
            "minister": f"{minister.title} {minister.name}", "minister_surname": minister.surname,
            "mp": f"{self.person(rng.choice(world.mps)).name} MP", "bill": BILL,
            "department": rng.choice(DEPARTMENTS),
            "judge": f"{self.honorific[judge]} {self.person(judge).name}",
            "prosecutor": self.person(prosecutor).name, "defence_lawyer": self.person(defence).name,
            "academic": f"{self.honorific[self.world.academics[0]]} {self.person(self.world.academics[0]).name}",
            "university": "", "defendant": defendant.name, "defendant_surname": defendant.surname,
            "age": str(rng.randint(23, 71)),
            "relative": f"his {relative.title.removeprefix('his ')}, {relative.name}" if relative is not None else f"his {rng.choice(RELATIONS)}",
            "year": str(rng.randint(max(2010, year - 6), year)), "month": MONTHS[event_date.month - 1],
            "weekday": WEEKDAYS[event_date.weekday()], "n": rng.choice(NUMBER_WORDS), "months": f"{rng.choice((4, 6, 8, 9, 10, 12, 14, 16, 18, 20, 21, 24))} months",
            "documentary": rng.choice(DOCUMENTARIES), "channel": rng.choice(CHANNELS),
        }
        academic = rng.choice(world.academics)
        ctx["academic"] = f"{self.honorific[academic]} {self.person(academic).name}"
        ctx["university"] = self.person(academic).title.split(" at ", 1)[1]
        ctx.update({"_force": force, "_group": group, "_charity": charity, "_platform": platform, "_relative": relative,
                    "_judge": judge, "_prosecutor": prosecutor, "_defence": defence, "_agency_ok": spec.event_type in ("undercover_operation", "statistics_release", "police_warning"),
                    "_has_defendant": spec.event_type in DEFENDANT_EVENTS})
        return ctx

    # ------------------------------------------------------------------ quotes
    def quote_paragraphs(self, role: str, frame: str, ctx: dict, rng: random.Random, outlet, day: int, state: dict):
        """One or two paragraphs holding a direct quote, with labels on the quoted text (the
        attribution pattern is recorded in the label)."""
        speaker = self.speaker_for(role, ctx, rng, day)
        bank = self.banks.quotes[role][frame]
        choice = rng.randrange(len(bank))
        for _ in range(8):
            if (role, frame, choice) not in state["used_quotes"]:
                break
            choice = rng.randrange(len(bank))
        state["used_quotes"].add((role, frame, choice))
        text = bank[choice].render(ctx, rng)
        first = speaker.person_id not in state["mentioned"]
        mention = self.full_mention(speaker, outlet, ctx) if first else self.short_mention(speaker, outlet)
        state["mentioned"].add(speaker.person_id)
        # an appositive ("X, of the Y unit") is closed by a comma before a verb follows
        subject = mention + "," if ", " in mention else mention
        pronoun = "he" if speaker.gender == "m" else "she"
        quote_id = state["next_quote"]
        state["next_quote"] += 1
        label = {"kind": "quote", "quote_id": quote_id, "speaker": speaker.name, "person_id": speaker.person_id, "role": role, "organisation": speaker.organisation}

        def q(words, part=1, cue="said", written=mention):
            return (words, {**label, "part": part, "cue": cue, "speaker_as_written": written})

        def as_comma(sentence: str) -> str:
            return sentence[:-1] + "," if sentence.endswith(".") else sentence

        sentences = re.split(r"(?<=[.?!])\s+(?=[A-Z'])", text)
        options = ["said_after", "name_said", "said_colon", "told", "dash", "according", "preceding"]
        weights = [0.22, 0.2, 0.14, 0.08, 0.05, 0.06, 0.06]
        if len(sentences) >= 2:
            options += ["middle", "multi_paragraph"]
            weights += [0.1, 0.06]
        if state["last_speaker"] == speaker.person_id and not first:
            options.append("added")
            weights.append(0.25)
        pattern = _weighted(rng, options, weights)
        label["pattern"] = pattern  # recorded in the quotes label table
        state["last_speaker"] = speaker.person_id
        OPEN, CLOSE = "\x01", "\x02"
        verb = rng.choice(("said", "said", "said", "warned", "explained", "insisted")) if role != "legal" or speaker.person_id != ctx["_judge"] else rng.choice(("said", "told the court", "said in sentencing"))
        if pattern == "said_after":
            return [[(OPEN, None), q(as_comma(text), cue="said"), (CLOSE + f" said {mention}.", None)]]
        if pattern == "name_said":
            return [[(OPEN, None), q(as_comma(text), cue=verb.split()[0]), (CLOSE + f" {subject} {verb}.", None)]]
        if pattern == "said_colon":
            return [[(f"{subject[:1].upper()}{subject[1:]} {verb}: " + OPEN, None), q(text, cue=verb.split()[0]), (CLOSE, None)]]
        if pattern == "told":
            the = "the " if outlet.name.startswith("The ") or outlet.type == "wire" else ""
            return [[(OPEN, None), q(as_comma(text), cue="told"), (CLOSE + f" {subject} told {the}{outlet.short}.", None)]]
        if pattern == "added":
            return [[(OPEN, None), q(as_comma(text), cue="added", written=pronoun), (CLOSE + f" {pronoun} added.", None)]]
        if pattern == "dash":
            return [[(OPEN, None), q(text, cue="dash"), (CLOSE + f" \u2014 {mention}", None)]]
        if pattern == "according":
            return [[(f"According to {mention}: " + OPEN, None), q(text, cue="according to"), (CLOSE, None)]]
        if pattern == "preceding":
            lead = rng.choice(("spoke after the hearing", "issued a statement", "was asked about the case", "spoke to reporters", "addressed the issue on {weekday}".format(**ctx), "was blunt"))
            return [[(f"{subject[:1].upper()}{subject[1:]} {lead}. " + OPEN, None), q(text, cue="preceding sentence"), (CLOSE, None)]]
        first_part, rest = sentences[0], " ".join(sentences[1:])
        if pattern == "middle":
            return [[(OPEN, None), q(as_comma(first_part), 1, "said"), (CLOSE + f" said {mention}. " + OPEN, None), q(rest, 2, "said"), (CLOSE, None)]]
        # a quote that runs over two paragraphs: the first is left open
        return [[(f"{subject[:1].upper()}{subject[1:]} said: " + OPEN, None), q(first_part, 1, "said")], [(OPEN, None), q(rest, 2, "said"), (CLOSE, None)]]

    # ------------------------------------------------------------------ claims
    def claim_segments(self, rng: random.Random, outlet, day: int, exclude=()):
        plan = self.plan
        hi = bisect.bisect_right(plan.stat_days, day)
        if hi == 0:
            return None
        lo = bisect.bisect_left(plan.stat_days, day - 3 * 365)
        candidates = plan.statistics[lo:hi] or plan.statistics[:hi]
        # the most recent statistics are the most quoted
        stat = candidates[min(len(candidates) - 1, int(len(candidates) * (1 - rng.random() ** 2)))]
        if stat.claim_id in exclude:  # one statistic is quoted once per article
            return None
        if stat.claim_id not in self.mentioned_claims:
            mutation = "none"
        else:
            weights = [0.45, 0.2, 0.08, 0.1, 0.09, 0.08] if outlet.type not in ("tabloid", "mid-market") else [0.3, 0.28, 0.14, 0.1, 0.1, 0.08]
            mutation = _weighted(rng, cb.MUTATIONS, weights)
        value, year, source = stat.value, stat.year, stat.source
        exact = True
        if mutation == "rounded":
            exact = False
            if cb.rounded_value(stat.unit, value) == value:
                mutation = "none"
                exact = True
        elif mutation == "inflated":
            value = value * rng.uniform(1.3, 2.0)
            value = float(round(value)) if stat.unit in ("count", "percent") else value
            if stat.unit == "percent":
                value = float(min(99, max(value, stat.value + 8)))
            if stat.unit == "fold":
                value = float(stat.value + rng.choice((2, 3, 4)))
                if int(value) not in cb.NUMBER_WORDS:
                    value = float(stat.value * 2) if int(stat.value * 2) in cb.NUMBER_WORDS else float(20)
            if stat.unit == "money":
                value = float(round(value / 100_000) * 100_000)
        elif mutation == "wrong_year":
            year = stat.year + rng.choice((-2, -1, 1))
        elif mutation == "misattributed":
            others = [s for kind, names in plan.source_names.items() if kind != stat.source_kind for s in names]
            source = rng.choice(others)
        elif mutation == "unattributed":
            source = None
        value_text = cb.render_value(stat.unit, value, rng, outlet.percent_style, exact=exact)
        written_value = value if exact else cb.rounded_value(stat.unit, value)
        if exact and stat.unit == "count" and value >= 1_000_000:  # written as "1.5 million"
            written_value = round(value / 1_000_000, 1) * 1_000_000
        parts = cb.claim_sentence(rng, stat.unit, stat.what, value_text, year, source)
        self.mentioned_claims.add(stat.claim_id)
        label = {"kind": "claim", "claim_id": stat.claim_id, "value": written_value, "true_value": stat.value, "unit": stat.unit,
                 "year": year, "true_year": stat.year, "source": source or "", "true_source": stat.source, "mutation": mutation, "value_text": value_text}
        return parts, label, stat

    # ------------------------------------------------------------------ articles
    def frame_mix(self, spec: Spec, outlet_type: str, year: int) -> dict[str, float]:
        base = EVENT_TYPE[spec.event_type].frames
        mix = {f: (base.get(f, 0.0) + 0.03) * FRAME_BY_OUTLET_TYPE[outlet_type][f] * frame_trend(f, year) for f in FRAMES}
        total = sum(mix.values())
        return {f: v / total for f, v in mix.items()}

    def on_topic(self, spec: Spec, rng: random.Random) -> Draft:
        outlet = OUTLETS[spec.outlet]
        year = dt.date.fromordinal(spec.day).year
        ctx = self.context(spec, rng)
        mix = self.frame_mix(spec, outlet.type, year)
        primary = _weighted(rng, FRAMES, [mix[f] for f in FRAMES])
        rest = [f for f in FRAMES if f != primary]
        secondary = _weighted(rng, rest, [mix[f] + 0.02 for f in rest])
        ev_bank = self.banks.events[spec.event_type]
        tabloid_headline = outlet.type == "tabloid" or (outlet.type == "mid-market" and rng.random() < 0.5)
        headline = rng.choice(ev_bank["headlines_tabloid" if tabloid_headline else "headlines_plain"]).render(ctx, rng)
        standfirst = rng.choice(ev_bank["standfirsts"]).render(ctx, rng) if outlet.standfirst == "standfirst" else ""

        paragraphs, kinds = [], []
        paragraphs.append([(rng.choice(ev_bank["ledes"]).render(ctx, rng), None)])
        kinds.append("lede")
        n_body = rng.randint(*outlet.paragraphs)
        n_details = rng.choice((1, 1, 2))
        n_quotes = rng.randint(2, 4) if outlet.type in ("tabloid", "regional") else rng.randint(2, 5)
        n_claims = (rng.choice((1, 1, 2)) if primary == "scale_of_threat" else 1 if rng.random() < 0.22 else 0)
        n_frame = max(3, n_body - 1 - n_details - n_quotes)
        register_share = {"tabloid": ("tabloid", 0.4), "mid-market": ("tabloid", 0.15), "broadsheet": ("broadsheet", 0.4)}.get(outlet.type, (None, 0.0))

        used: set[int] = set()

        def frame_paragraph(frame: str) -> str:
            bank = self.banks.frames[frame]
            register = register_share[0] if register_share[0] and rng.random() < register_share[1] else "paragraphs"
            items = bank[register]
            for _ in range(6):
                index = rng.randrange(len(items))
                key = hash((frame, register, index))
                if key not in used:
                    break
            used.add(key)
            return items[index].render(ctx, rng)

        body: list[tuple[list, str]] = []
        details = rng.sample(ev_bank["details"], min(n_details, len(ev_bank["details"])))
        for template in details:
            body.append(([(template.render(ctx, rng), None)], "detail"))
        colour = self.banks.colour.get(spec.event_type, [])
        if colour:
            for template in rng.sample(colour, min(len(colour), rng.choice((1, 1, 2)))):
                body.append(([(template.render(ctx, rng), None)], "colour"))
                n_frame -= 1
        for _ in range(n_frame):
            frame = primary if rng.random() < PRIMARY_SHARE else secondary
            body.append(([(frame_paragraph(frame), None)], f"frame:{frame}"))
        rng.shuffle(body)
        state = {"mentioned": set(), "last_speaker": None, "next_quote": 1, "used_quotes": set()}
        quote_roles = []
        for _ in range(n_quotes):
            frame = primary if rng.random() < PRIMARY_SHARE else secondary
            weights = {r: w * ROLE_BY_OUTLET_TYPE[outlet.type].get(r, 1.0) for r, w in ROLE_BY_FRAME[frame].items()}
            role = _weighted(rng, list(weights), list(weights.values()))
            quote_roles.append((role, frame))
        # quotes are spread through the body, never before the second paragraph
        positions = sorted(rng.randint(1, len(body)) for _ in quote_roles)
        merged = []
        qi = 0
        for i in range(len(body) + 1):
            while qi < len(positions) and positions[qi] == i:
                role, frame = quote_roles[qi]
                # a follow-up quote from the same speaker sometimes comes straight after
                paras = self.quote_paragraphs(role, frame, ctx, rng, outlet, spec.day, state)
                for p in paras:
                    merged.append((p, "quote"))
                qi += 1
            if i < len(body):
                merged.append(body[i])
        claims = []
        for _ in range(n_claims):
            made = self.claim_segments(rng, outlet, spec.day, exclude={label["claim_id"] for _, label in claims})
            if made is None:
                break
            parts, label, stat = made
            claims.append((parts, label))
        for parts, label in claims:
            candidates = [i for i, (p, kind) in enumerate(merged) if kind.startswith("frame:") and len(p) == 1]
            claim_text = "".join(t for t, _ in parts)
            value_offset = sum(len(t) for t, r in parts[: [r for _, r in parts].index("value")])
            seg = (claim_text, {**label, "value_start": value_offset, "value_end": value_offset + len(label["value_text"])})
            if candidates:
                i = rng.choice(candidates)
                paragraph, kind = merged[i]
                merged[i] = ([seg, (" " + paragraph[0][0], None)], kind + "+claim")
            else:
                merged.append(([seg], "claim"))
        for p, kind in merged:
            paragraphs.append(p)
            kinds.append(kind)
        meta = {"primary_frame": primary, "secondary_frame": secondary, "frame_mix": mix, "context": ctx}
        return Draft(spec.outlet, spec.day, headline, paragraphs, kinds, meta, standfirst)

    def off_topic(self, spec: Spec, rng: random.Random) -> Draft:
        outlet = OUTLETS[spec.outlet]
        bank = self.banks.offtopic[spec.category]
        ctx = self.context(Spec("background", spec.outlet, spec.day, -1, "police_warning"), rng)
        tabloid = outlet.type == "tabloid"
        headline = rng.choice(bank["headlines_tabloid" if tabloid else "headlines_plain"]).render(ctx, rng)
        count = min(len(bank["paragraphs"]), rng.randint(4, 7))
        paragraphs = [[(t.render(ctx, rng), None)] for t in rng.sample(bank["paragraphs"], count)]
        return Draft(spec.outlet, spec.day, headline, paragraphs, ["offtopic"] * count, {"primary_frame": "", "secondary_frame": "", "context": ctx})

    def wire_copy(self, original: Draft, spec: Spec, rng: random.Random) -> Draft:
        """A light edit of an agency story by another outlet."""
        outlet = OUTLETS[spec.outlet]
        paragraphs = [list(p) for p in original.paragraphs]
        kinds = list(original.kinds)
        # subs cut from the bottom, but a quote left open is never cut in half
        cut = rng.choice((0, 1, 1, 2, 2, 3))
        for _ in range(cut):
            if len(paragraphs) > 4 and not (len(paragraphs) >= 2 and _opens_quote(paragraphs[-2])):
                paragraphs.pop()
                kinds.pop()
        if len(paragraphs) > 4 and rng.random() < 0.4:
            i = rng.randint(2, len(paragraphs) - 2)
            if "quote" not in kinds[i] and "quote" not in kinds[i + 1] and "quote" not in kinds[i - 1]:
                paragraphs[i], paragraphs[i + 1] = paragraphs[i + 1], paragraphs[i]
                kinds[i], kinds[i + 1] = kinds[i + 1], kinds[i]
        spec_ctx = original.meta["context"]
        bank = self.banks.events[spec.event_type]
        tabloid = outlet.type == "tabloid" or (outlet.type == "mid-market" and rng.random() < 0.5)
        headline = rng.choice(bank["headlines_tabloid" if tabloid else "headlines_plain"]).render(spec_ctx, rng)
        if rng.random() < 0.35:
            frame = original.meta["primary_frame"]
            register = "tabloid" if outlet.type == "tabloid" else "broadsheet" if outlet.type == "broadsheet" else "paragraphs"
            paragraphs.append([(rng.choice(self.banks.frames[frame][register]).render(spec_ctx, rng), None)])
            kinds.append(f"frame:{frame}")
        standfirst = rng.choice(bank["standfirsts"]).render(spec_ctx, rng) if outlet.standfirst == "standfirst" else ""
        return Draft(spec.outlet, spec.day, headline, paragraphs, kinds, dict(original.meta), standfirst)


def _opens_quote(paragraph) -> bool:
    text = "".join(t for t, _ in paragraph)
    return text.count("\x01") > text.count("\x02")


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


def simulate(n: int = TEACHING_N, seed: int = TEACHING_SEED, out="corpus/teaching", *, chunk_size: int = 100_000, progress: bool | None = None) -> dict:
    """Simulate a corpus of ``n`` articles and write it, with its labels, to ``out``.

    Writes ``articles.jsonl`` (or ``articles/part-NNNNN.jsonl`` chunks when ``n`` exceeds
    ``chunk_size``), ``labels/*.csv`` and a ``datapackage.json``.  Returns counts.

    Example
    -------
    >>> import tempfile
    >>> folder = tempfile.mkdtemp()
    >>> simulate(60, seed=1, out=folder, progress=False)["articles"]
    60
    >>> sorted(path.name for path in Path(folder).iterdir())
    ['articles.jsonl', 'datapackage.json', 'labels']
    """
    from presslens._progress import progress_bar

    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
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

