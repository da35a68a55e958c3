"""The slot vocabulary shared by the simulator's text banks and its renderer.

A bank template may contain ``{slot}`` (filled from the simulated world for the
article being written) and ``{first|second|third}`` (one alternative chosen at
random).  This module lists the slots, so banks can be checked without running
the simulator.
"""

from __future__ import annotations

import re

SLOTS: dict[str, str] = {
    # places (real UK towns and regions are allowed)
    "town": "a UK town, e.g. Doncaster",
    "region": "a UK region, e.g. the East Midlands",
    "court": "a court, e.g. Doncaster Crown Court",
    # hunter groups (fictional)
    "group": "a vigilante 'paedophile hunter' group, e.g. Shadow Watch",
    "hunter": "the group's leader or a member, full name, e.g. Gary Pickford",
    "hunter_surname": "that person's surname, e.g. Pickford",
    # police (fictional)
    "force": "a police force, e.g. Northmoor Police",
    "unit": "a specialist unit, e.g. the Online Child Protection Team",
    "officer": "an officer with rank and full name, e.g. Detective Inspector Ruth Kellaway",
    "officer_surname": "short rank and surname, e.g. Det Insp Kellaway",
    "agency": "the national crime agency, e.g. the National Online Crime Agency",
    # charities, tech, politics (fictional)
    "charity": "a child-protection charity, e.g. the Lantern Trust",
    "charity_person": "a charity spokesperson, full name, e.g. Priya Castellan",
    "charity_person_surname": "that person's surname",
    "platform": "a tech platform, e.g. Chirrup",
    "tech_person": "a platform spokesperson or executive, full name",
    "minister": "a minister with title and full name, e.g. Safeguarding Minister Helen Marsh",
    "minister_surname": "that minister's surname",
    "mp": "a backbench MP with full name, e.g. Tom Beresford MP",
    "bill": "online-safety legislation, e.g. the Digital Childhood Protection Bill",
    "department": "a government department, e.g. the Home Office",
    # law
    "judge": "a judge, e.g. Judge Anthony Crane",
    "prosecutor": "a prosecutor, full name",
    "defence_lawyer": "a defence barrister or solicitor, full name",
    # academia
    "academic": "an academic with title, e.g. Dr Miriam Osei",
    "university": "a university, e.g. the University of Northmoor",
    # private individuals
    "defendant": "a man accused or targeted by a sting, full name, e.g. Keith Dawlish",
    "defendant_surname": "his surname",
    "age": "an age in years, e.g. 47",
    "relative": "a family member with relation, e.g. his sister, Karen Dawlish",
    # time and small numbers
    "year": "a year, e.g. 2019",
    "month": "a month name, e.g. March",
    "weekday": "a day of the week, e.g. Tuesday",
    "n": "a small count in words, e.g. seven",
    "months": "a period in months, e.g. 18 months",
    "documentary": "a TV documentary title, e.g. The Hunters Next Door",
    "channel": "a TV channel, e.g. Channel Albion",
}

TOKEN = re.compile(r"\{([^{}]*)\}")


def problems(template: str) -> list[str]:
    """Return what is wrong with one template (unknown slots, stray braces, quote marks)."""
    found = []
    for inner in TOKEN.findall(template):
        if "|" in inner:
            if any(not part.strip() and part != "" for part in inner.split("|")):
                found.append(f"blank alternative in {{{inner}}}")
            for part in inner.split("|"):
                if "{" in part or "}" in part:
                    found.append(f"nested braces in {{{inner}}}")
        elif inner not in SLOTS:
            found.append(f"unknown slot {{{inner}}}")
    stripped = TOKEN.sub("", template)
    if "{" in stripped or "}" in stripped:
        found.append("unbalanced or nested braces")
    return found
