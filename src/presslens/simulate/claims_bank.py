"""Numeric claims of the simulated world and the sentences that carry them.

Each statistic is a fact of the world (value, unit, what is counted, year, source).
It first appears correctly and is then repeated by later articles, sometimes with a
planted mutation: ``rounded`` (approximated within 10%), ``inflated`` (value changed
beyond rounding), ``wrong_year``, ``misattributed`` (another body named as the
source) or ``unattributed`` (no source).  Templates here are written for the
simulator; every statistic is invented.
"""

from __future__ import annotations

import random
import re
from dataclasses import dataclass

MUTATIONS = ("none", "rounded", "inflated", "wrong_year", "misattributed", "unattributed")

# (unit, what is counted, kind of source): the source kind picks an organisation of the world.
STATISTIC_KINDS = (
    ("count", "offences of sexual communication with a child recorded by police", "department"),
    ("count", "reports of suspected online grooming", "charity"),
    ("count", "referrals passed to police by vigilante groups", "agency"),
    ("count", "devices awaiting forensic examination", "agency"),
    ("count", "accounts removed for breaching child-safety rules", "platform"),
    ("count", "arrests made in undercover online operations", "agency"),
    ("count", "calls to child-protection helplines about online contact", "charity"),
    ("count", "images of children reported to the national hotline", "charity"),
    ("percent", "of recorded grooming offences took place on social media apps", "charity"),
    ("percent", "of parents said they did not know which apps their children used", "charity"),
    ("percent", "of stings carried out by vigilante groups led to a charge", "agency"),
    ("percent", "of specialist posts in online child-protection teams were vacant", "department"),
    ("money", "for specialist online child-protection units", "department"),
    ("money", "in fines proposed for platforms that fail to protect children", "department"),
    ("fold", "increase in reports of online grooming since 2013", "charity"),
    ("fold", "rise in referrals from vigilante groups in five years", "agency"),
)

NUMBER_WORDS = {2: "two", 3: "three", 4: "four", 5: "five", 6: "six", 7: "seven", 8: "eight", 9: "nine", 10: "ten", 12: "twelve", 20: "twenty"}


@dataclass(frozen=True)
class Statistic:
    claim_id: str
    value: float
    unit: str  # count, percent, money, fold
    what: str
    year: int
    source: str  # organisation name as written, e.g. "the Lantern Trust"


def make_value(unit: str, rng: random.Random) -> float:
    if unit == "count":
        low, high = rng.choice(((1_200, 9_800), (10_500, 95_000), (10_500, 95_000), (105_000, 900_000)))
        return float(rng.randint(low, high))
    if unit == "percent":
        return float(rng.randint(11, 89))
    if unit == "money":
        return float(rng.choice((1.5, 2.4, 3.2, 4.7, 6.5, 12, 18, 25, 48, 60)) * 1_000_000)
    return float(rng.choice((2, 3, 4, 5, 6, 8, 10)))


def _group_thousands(value: float) -> str:
    return f"{int(round(value)):,}"


def render_value(unit: str, value: float, rng: random.Random, percent_style: str = "per cent", exact: bool = True) -> str:
    """The value as a newspaper writes it (exact forms, or approximate forms when ``exact`` is False)."""
    if unit == "count":
        if exact:
            if value >= 1_000_000:
                return f"{value / 1_000_000:.1f} million"
            return _group_thousands(value)
        if value >= 100_000:
            rounded = round(value, -4)
            lead = "nearly" if rounded >= value else "more than"
            return f"{lead} {_group_thousands(rounded)}"
        rounded = round(value, -3) if value >= 10_000 else round(value, -2)
        lead = "almost" if rounded >= value else rng.choice(("more than", "over"))
        return f"{lead} {_group_thousands(rounded)}"
    if unit == "percent":
        if exact:
            return f"{int(value)} per cent" if percent_style == "per cent" else f"{int(value)}%"
        rounded = int(round(value, -1))
        lead = "nearly" if rounded >= value else "more than"
        return f"{lead} {rounded} per cent" if percent_style == "per cent" else f"{lead} {rounded}%"
    if unit == "money":
        millions = value / 1_000_000
        text = f"£{millions:g} million"
        if exact:
            return text
        return f"{'almost' if round(millions) >= millions else 'more than'} £{round(millions):g} million"
    word = NUMBER_WORDS.get(int(value), str(int(value)))
    return f"{word}-fold"


def rounded_value(unit: str, value: float) -> float:
    """The approximate value written by :func:`render_value` with ``exact=False``."""
    if unit == "count":
        if value >= 100_000:
            return round(value, -4)
        return round(value, -3) if value >= 10_000 else round(value, -2)
    if unit == "percent":
        return float(round(value, -1))
    if unit == "money":
        return float(round(value / 1_000_000) * 1_000_000)
    return value


# Sentence templates: {value} {what} {year} {source}; attributed and unattributed forms.
ATTRIBUTED = {
    "count": (
        "Figures from {source} show {value} {what} in {year}.",
        "According to {source}, there were {value} {what} in {year}.",
        "Data published by {source} revealed {value} {what} during {year}.",
        "{Source} said {value} {what} were logged in {year}.",
        "In {year} there were {value} {what}, according to {source}.",
        "Statistics compiled by {source} put the number of {what} in {year} at {value}.",
    ),
    "percent": (
        "Figures from {source} show {value} {what} in {year}.",
        "According to {source}, {value} {what} in {year}.",
        "Research by {source} found {value} {what} in {year}.",
        "{Source} said {value} {what} in {year}.",
    ),
    "money": (
        "{Source} announced {value} {what} in {year}.",
        "In {year}, {source} set aside {value} {what}.",
        "According to {source}, {value} was committed {what} in {year}.",
    ),
    "fold": (
        "{Source} reported a {value} {what}, in figures for {year}.",
        "Figures for {year} from {source} show a {value} {what}.",
        "According to {source}, there was a {value} {what} by {year}.",
    ),
}
UNATTRIBUTED = {
    "count": ("There were {value} {what} in {year}.", "Some {value} {what} were recorded in {year}.", "In {year} alone there were {value} {what}."),
    "percent": ("In {year}, {value} {what}.", "Figures suggest {value} {what} in {year}."),
    "money": ("In {year}, {value} was set aside {what}.", "A sum of {value} was promised {what} in {year}."),
    "fold": ("There was a {value} {what} by {year}.", "Reports point to a {value} {what} by {year}."),
}


def claim_sentence(rng: random.Random, unit: str, what: str, value_text: str, year: int, source: str | None) -> list[tuple[str, str | None]]:
    """The claim sentence as parts: ``(text, role)`` with roles value, year, source or None."""
    bank = (ATTRIBUTED if source else UNATTRIBUTED)[unit]
    template = rng.choice(bank)
    what_text = what
    parts: list[tuple[str, str | None]] = []
    position = 0
    for match in re.finditer(r"\{(value|what|year|source|Source)\}", template):
        if match.start() > position:
            parts.append((template[position : match.start()], None))
        key = match.group(1)
        if key == "value":
            parts.append((value_text, "value"))
        elif key == "what":
            parts.append((what_text, None))
        elif key == "year":
            parts.append((str(year), "year"))
        else:
            text = source if key == "source" else source[:1].upper() + source[1:]
            parts.append((text, "source"))
        position = match.end()
    if position < len(template):
        parts.append((template[position:], None))
    return parts
