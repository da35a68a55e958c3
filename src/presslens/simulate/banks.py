"""Loading and compiling the simulator's hand-written text banks (YAML package data).

Templates use ``{slot}`` for a value from the simulated world and ``{a|b|c}`` for a
choice among alternatives (see :mod:`presslens.simulate.slots`).  Templates are
compiled once into lists of parts so that rendering a million articles stays fast.
"""

from __future__ import annotations

import random
import re
from functools import lru_cache
from importlib import resources

import yaml

from presslens.simulate.slots import SLOTS, TOKEN, problems

_SENTENCE_START = re.compile(r"([.!?]\s+)([a-z])")

FRAME_FILES = (
    "vigilante_justice",
    "vigilante_risk",
    "police_capacity",
    "legal_process",
    "tech_responsibility",
    "child_safeguarding",
    "scale_of_threat",
)


class Template:
    """A compiled template: literal strings, slot names and sets of alternatives.

    Example
    -------
    >>> template = Template("{A|The} man from {town} was {charged|arrested}.")
    >>> template.parts
    [('A', 'The'), ' man from ', ['town'], ' was ', ('charged', 'arrested'), '.']
    >>> template.render({"town": "Eastbridge"}, random.Random(1))
    'A man from Eastbridge was arrested.'
    """

    __slots__ = ("parts", "source")

    def __init__(self, source: str):
        self.source = " ".join(source.split())
        parts: list = []
        position = 0
        for match in TOKEN.finditer(self.source):
            if match.start() > position:
                parts.append(self.source[position : match.start()])
            inner = match.group(1)
            if "|" in inner:
                parts.append(tuple(inner.split("|")))
            else:
                parts.append([inner])  # a list marks a slot
            position = match.end()
        if position < len(self.source):
            parts.append(self.source[position:])
        self.parts = parts

    def render(self, context: dict, rng: random.Random) -> str:
        out = []
        for part in self.parts:
            if isinstance(part, str):
                out.append(part)
            elif isinstance(part, tuple):
                out.append(part[int(rng.random() * len(part))])
            else:
                out.append(context[part[0]])
        text = "".join(out)
        text = " ".join(text.split())
        text = _SENTENCE_START.sub(lambda m: m.group(1) + m.group(2).upper(), text)
        return text[:1].upper() + text[1:] if text else text


def _compile(values) -> list[Template]:
    return [Template(v) for v in values]


def _read(name: str):
    text = resources.files("presslens.simulate").joinpath("banks", *name.split("/")).read_text(encoding="utf-8")
    return yaml.safe_load(text)


class Banks:
    """All text banks, compiled.

    Attributes
    ----------
    frames : dict
        ``frames[frame][register]`` -> list of templates, register in
        ``paragraphs`` (neutral), ``tabloid``, ``broadsheet``.
    quotes : dict
        ``quotes[role][frame]`` -> list of templates (speech only, no marks).
    events : dict
        ``events[event_type][section]`` with sections ``ledes``, ``details``,
        ``standfirsts``, ``headlines_tabloid``, ``headlines_plain``.
    offtopic : dict
        ``offtopic[category][section]`` with ``headlines_tabloid``,
        ``headlines_plain``, ``paragraphs``.

    Example
    -------
    >>> banks = Banks()
    >>> sorted(banks.frames["legal_process"])
    ['broadsheet', 'paragraphs', 'tabloid']
    >>> where, template = next(banks.all_templates())
    >>> where, isinstance(template, Template)
    ('frames/vigilante_justice.paragraphs[0]', True)
    """

    def __init__(self):
        self.frames = {}
        self.frame_labels = {}
        for frame in FRAME_FILES:
            data = _read(f"frames/{frame}.yaml")
            self.frame_labels[frame] = data.get("label", frame)
            self.frames[frame] = {register: _compile(data[register]) for register in ("paragraphs", "tabloid", "broadsheet")}
        self.quotes = {}
        for name in ("quotes_a.yaml", "quotes_b.yaml"):
            for role, by_frame in _read(name).items():
                self.quotes[role] = {frame: _compile(items) for frame, items in by_frame.items()}
        self.events = {}
        for name in ("events_a.yaml", "events_b.yaml"):
            for event_type, data in _read(name).items():
                self.events[event_type] = {
                    "ledes": _compile(data["ledes"]),
                    "details": _compile(data["details"]),
                    "standfirsts": _compile(data["standfirsts"]),
                    "headlines_tabloid": _compile(data["headlines"]["tabloid"]),
                    "headlines_plain": _compile(data["headlines"]["plain"]),
                }
        self.colour = {}
        for name in ("colour_a.yaml", "colour_b.yaml"):
            if resources.files("presslens.simulate").joinpath("banks", name).is_file():
                for event_type, items in _read(name).items():
                    self.colour[event_type] = _compile(items)
        self.offtopic = {}
        for category, data in _read("offtopic.yaml").items():
            self.offtopic[category] = {
                "headlines_tabloid": _compile(data["headlines"]["tabloid"]),
                "headlines_plain": _compile(data["headlines"]["plain"]),
                "paragraphs": _compile(data["paragraphs"]),
            }

    def all_templates(self):
        """Every template with where it comes from, for checks and statistics."""
        for frame, registers in self.frames.items():
            for register, items in registers.items():
                for i, t in enumerate(items):
                    yield f"frames/{frame}.{register}[{i}]", t
        for role, by_frame in self.quotes.items():
            for frame, items in by_frame.items():
                for i, t in enumerate(items):
                    yield f"quotes.{role}.{frame}[{i}]", t
        for event_type, sections in self.events.items():
            for section, items in sections.items():
                for i, t in enumerate(items):
                    yield f"events.{event_type}.{section}[{i}]", t
        for event_type, items in self.colour.items():
            for i, t in enumerate(items):
                yield f"colour.{event_type}[{i}]", t
        for category, sections in self.offtopic.items():
            for section, items in sections.items():
                for i, t in enumerate(items):
                    yield f"offtopic.{category}.{section}[{i}]", t


@lru_cache(maxsize=1)
def load_banks() -> Banks:
    """The compiled banks (cached).

    Example
    -------
    >>> load_banks() is load_banks()
    True
    """
    return Banks()


def check_banks() -> list[str]:
    """Every problem found in the banks: unknown slots, bad braces, quote marks in quotes.

    Each template is checked with :func:`presslens.simulate.slots.problems`.

    Example
    -------
    >>> check_banks()  # the banks shipped with presslens have none
    []
    >>> from presslens.simulate.slots import problems
    >>> problems("{nonesuch} was {charged|arrested")  # what a faulty template would report
    ['unknown slot {nonesuch}', 'unbalanced or nested braces']
    """
    found = []
    banks = load_banks()
    for where, template in banks.all_templates():
        for problem in problems(template.source):
            found.append(f"{where}: {problem}")
        if where.startswith("quotes.") and any(mark in template.source for mark in '"\u201c\u201d'):
            found.append(f"{where}: double quote mark inside quote text")
    return found


__all__ = ["Banks", "Template", "load_banks", "check_banks", "SLOTS"]
