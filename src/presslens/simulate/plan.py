"""Planning a simulated corpus: which article appears when, where and about what.

The plan is small (a few integers per article) and made before any text is written.
"""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass, field

from presslens.simulate import claims_bank as cb
from presslens.simulate.banks import load_banks
from presslens.simulate.world import (
    AGENCY,
    CHARITIES,
    COURT_KINDS,
    DEPARTMENTS,
    EVENT_TYPE,
    EVENT_TYPES,
    OUTLET_TYPE_WEIGHT,
    OUTLETS,
    RELATIONS,
    WIRE,
    Person,
    World,
    build_world,
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


def weighted_choice(rng: random.Random, options, weights):
    return rng.choices(options, weights=weights, k=1)[0]


def _random_day(rng: random.Random, years=(2013, 2024)) -> int:
    allowed = [y for y in YEAR_WEIGHT if years[0] <= y <= years[1]]
    year = weighted_choice(rng, allowed, [YEAR_WEIGHT[y] for y in allowed])
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


def private_person(world: World, rng: random.Random, role: str, organisation: str, title: str, gender=None, keep=True) -> Person:
    return world.new_person(rng, role, organisation, title, public=False, gender=gender, keep=keep)


def plan_corpus(n: int, seed: int) -> Plan:
    """Decide every article's kind, outlet, date and story, before any text is written.

    Example
    -------
    >>> from collections import Counter
    >>> plan = plan_corpus(40, 7)
    >>> plan.n, len(plan.events)
    (40, 3)
    >>> sorted(Counter(spec.kind for unit in plan.units for spec in unit).items())
    [('background', 12), ('duplicate', 1), ('event', 22), ('offtopic', 3), ('wire_copy', 2)]
    """
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
        etype = weighted_choice(rng, EVENT_TYPES, type_weights)
        force = rng.choice(world.forces)
        town, region = rng.choice(force["towns"])
        group = rng.choice([g for g in world.groups if g["force"] == force["name"]] or world.groups)
        if etype.name == "hunter_prosecuted":
            defendant = private_person(world, rng, "defendant", group["name"], f"a member of {group['name']}", gender="m")
        else:
            defendant = private_person(world, rng, "defendant", "", "defendant", gender="m")
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
                outlet = weighted_choice(rng, range(len(OUTLETS)), copy_weights)
                unit.append(Spec("wire_copy", outlet, min(spec.day + rng.choice((0, 0, 0, 1)), LAST_DAY), spec.event, spec.event_type))
                budget -= 1
        return unit

    for index, event in enumerate(events):
        weights = _outlet_weights(EVENT_TYPE[event.type].outlet_interest)
        made = 0
        while made < event.size and budget > 0:
            outlet = weighted_choice(rng, range(len(OUTLETS)), weights)
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
        etype = weighted_choice(rng, allowed, [e.weight for e in allowed])
        outlet = weighted_choice(rng, range(len(OUTLETS)), weights)
        units.append(with_copies(Spec("background", outlet, day, -1, etype.name)))
    categories = list(load_banks().offtopic)
    for _ in range(n_off):
        units.append([Spec("offtopic", weighted_choice(rng, range(len(OUTLETS)), weights), rng.randint(FIRST_DAY, LAST_DAY), category=rng.choice(categories))])
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
