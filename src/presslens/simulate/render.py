"""Rendering planned stories into article drafts (headline, paragraphs, quotes, claims)."""

from __future__ import annotations

import bisect
import datetime as dt
import random
import re
from dataclasses import dataclass

from presslens.simulate import claims_bank as cb
from presslens.simulate.banks import load_banks
from presslens.simulate.plan import (
    DEFENDANT_EVENTS,
    FIRST_DAY,
    PRIMARY_SHARE,
    Plan,
    Spec,
    private_person,
    weighted_choice,
)
from presslens.simulate.world import (
    AGENCY,
    BILL,
    CHANNELS,
    COURT_KINDS,
    DEPARTMENTS,
    DOCUMENTARIES,
    EVENT_TYPE,
    FRAME_BY_OUTLET_TYPE,
    FRAMES,
    MONTHS,
    NUMBER_WORDS,
    OUTLETS,
    RELATIONS,
    ROLE_BY_FRAME,
    ROLE_BY_OUTLET_TYPE,
    WEEKDAYS,
    Person,
    frame_trend,
)


def opens_quote(paragraph) -> bool:
    text = "".join(t for t, _ in paragraph)
    return text.count("\x01") > text.count("\x02")


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
            return self.person(weighted_choice(rng, [ctx["_judge"], ctx["_prosecutor"], ctx["_defence"]], [0.4, 0.3, 0.3]))
        if role == "academic":
            return self.person(rng.choice(self.world.academics))
        if role == "family":
            if ctx["_relative"] is not None and ctx["_has_defendant"] and rng.random() < 0.7:
                return ctx["_relative"]
            gender = rng.choice("mf")
            kinds = ("a father of two from", "a father from", "a parent from", "a grandfather from") if gender == "m" else ("a mother of two from", "a mother from", "a parent from", "a grandmother from")
            parent = private_person(self.world, rng, "family", "", rng.choice(kinds) + " " + ctx["town"], gender=gender, keep=False)
            self.new_people.append(parent)
            return parent
        resident = private_person(self.world, rng, "public", "", f"{rng.randint(19, 78)}, {rng.choice(('who lives nearby', 'a local shopkeeper', 'who saw what happened', 'a resident', 'who runs a cafe nearby'))}", keep=False)
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
            defendant = private_person(world, rng, "defendant", "", "defendant", gender="m", keep=False)
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
        pattern = weighted_choice(rng, options, weights)
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
            mutation = weighted_choice(rng, cb.MUTATIONS, weights)
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
        primary = weighted_choice(rng, FRAMES, [mix[f] for f in FRAMES])
        rest = [f for f in FRAMES if f != primary]
        secondary = weighted_choice(rng, rest, [mix[f] + 0.02 for f in rest])
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
            role = weighted_choice(rng, list(weights), list(weights.values()))
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
            if len(paragraphs) > 4 and not (len(paragraphs) >= 2 and opens_quote(paragraphs[-2])):
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
