"""Roles of speakers: the actors gazetteer, titles and descriptions beside the name, organisation types.

Part of :mod:`presslens.quotes`; see its docstring for the pipeline and references.
"""

from __future__ import annotations

import re
from functools import lru_cache

import pandas as pd

from presslens.quotes.vocabulary import TITLES, gazetteer

# --------------------------------------------------------------------------- roles

@lru_cache(maxsize=1)
def _role_patterns():
    data = gazetteer()
    compiled = [(role, [re.compile(p) for p in patterns]) for role, patterns in data["roles"].items()]
    organisations = sorted(data.get("organisations", {}).items(), key=lambda item: -len(item[0]))
    types = [(re.compile(p), role) for p, role in data.get("organisation_types", {}).items()]
    return compiled, organisations, types


_ORGANISATION = re.compile(r"(?:founder of|member of|who runs|leader of|spokes(?:person|man|woman) for|chief executive of|director of [a-z ]+ at|"
                           r"head of [a-z ]+ at|at|for|of|from)\s+(?:the\s+)?(?P<org>[A-Z][\w'&-]*(?:\s+(?:[A-Z][\w'&-]*|for|of|and|on))*)")


# Roles read from how private people are described (a relative, an age, "who lives nearby"): tried
# after the organisation a speaker belongs to ("Dale Pilkington, 44, who runs Moonwatch Patrol").
WEAK_ROLES = ("family", "public")


def organisation_role(name: str) -> str | None:
    """The role an organisation's name implies by its type word, or None.

    Example
    -------
    >>> organisation_role("Northmoor Constabulary"), organisation_role("Acme Widgets Ltd"), organisation_role("Acme")
    ('police', 'business', None)
    """
    for pattern, role in _role_patterns()[2]:
        if pattern.search(name):
            return role
    return None


def role_of(description: str, speaker: str = "", extra_organisations: dict | None = None) -> tuple[str, str]:
    """(role, organisation) from the words that introduce a speaker.

    Known organisations (the gazetteer's and ``extra_organisations``) decide first, then
    the role patterns of the gazetteer in order (titles, descriptions), then the type of
    any organisation named (Police, Council, University, Ltd ...).

    Example
    -------
    >>> role_of("Det Insp, of Northmoor Police's Online Child Protection Team")
    ('police', "Northmoor Police's Online Child Protection Team")
    >>> role_of("a spokesperson for the Lantern Trust")
    ('charity', 'Lantern Trust')
    >>> role_of("Labour leader")[0], role_of("Sen.")[0], role_of("chief executive of Brightwater plc")[0]
    ('politician', 'government', 'business')
    """
    patterns, organisations, _ = _role_patterns()
    if extra_organisations:
        organisations = sorted({**dict(organisations), **extra_organisations}.items(), key=lambda item: -len(item[0]))
    text = f"{description}".strip()
    organisation = ""
    match = _ORGANISATION.search(text)
    if match:
        organisation = match.group("org").strip()
    for name, role in organisations:
        if name in text:
            return role, name if not organisation or name in organisation else organisation
    for role, compiled in patterns:
        if role not in WEAK_ROLES and any(p.search(text) for p in compiled):
            return role, organisation
    if organisation:
        role = organisation_role(organisation)
        if role:
            return role, organisation
    for role, compiled in patterns:
        if role in WEAK_ROLES and any(p.search(text) for p in compiled):
            return role, organisation
    role = organisation_role(text)
    if role:
        return role, organisation
    return "other", organisation


_NOT_DESCRIPTION = re.compile(r"^(?:[Ss]aid|[Ss]ays|[Tt]old|[Aa]nd|[Bb]ut|[Ww]ith|[Tt]o|[Bb]y|[Ff]or|[Ff]rom|[Aa]s|[Tt]hat|[Ww]hen|[Ww]hile|[Aa]fter|[Bb]efore|[Ii]n|[Oo]n|[Aa]t)$")


def _descriptions_in(body: str, speaker: str) -> list[str]:
    """The words introducing a person anywhere in an article, in text order: the words
    just before the full name or the surname ("Republican presidential candidate Donald
    Trump", "Sen. Sanders") and an appositive after it ("Clinton, the Democratic nominee,").

    Example
    -------
    >>> _descriptions_in("Democratic presidential candidate Hillary Clinton spoke. Clinton, a former senator, left.", "Hillary Clinton")
    ['Democratic presidential candidate', 'a former senator']
    """
    names = sorted({speaker, speaker.split()[-1]}, key=len, reverse=True)
    pattern = re.compile(r"(?<![\w'-])(?:" + "|".join(re.escape(n) for n in names) + r")\b(?!['\u2019])"
                         r"(?:,\s+(?P<after>(?:the|a|an|who|which|now|then|former|[a-z]+ of)\b[^,.;:\"\u201c\u201d]{2,100}))?")
    found = []
    for match in pattern.finditer(body):
        words = body[max(0, match.start() - 80): match.start()].split()[-6:] if body[max(0, match.start() - 1): match.start()] == " " else []
        keep: list[str] = []
        for word in reversed(words):  # back to a sentence end, a comma or a word that ends a description
            if word.endswith((".", ",", ";", ":", '"', "\u201d", "''", "\u2014")) and not (len(word) <= 5 and word[:1].isupper() and word.endswith(".")) or _NOT_DESCRIPTION.match(word):
                break
            keep.insert(0, word)
        while keep and keep[-1] in speaker.split():  # the first name of "Hillary Clinton" before "Clinton"
            keep.pop()
        if keep:
            found.append(" ".join(keep))
        if match.group("after"):
            found.append(match.group("after").strip())
    return found


def attribute(quotes: pd.DataFrame, corpus: pd.DataFrame | None = None, *, text: str = "text", extra_organisations: dict | None = None) -> pd.DataFrame:
    """Add ``role`` and ``organisation`` to an :func:`extract_quotes` table.

    The role comes from the speaker's description in the article (rank titles, "Labour
    leader", "campaign spokesman", "of Northmoor Police", "founder of", "a spokesperson
    for", "prosecuting", "Dr", "his sister", "who lives nearby"...), matched against the
    actors gazetteer; an organisation speaking gets the role of its type (Police,
    Council, University, Ltd ...); organisations the patterns cannot place (a platform's
    name, a hunter group's name) come from its ``organisations`` list or
    ``extra_organisations``.  When the quote's own attribution does not give a role, the
    first description of the same speaker elsewhere in the article that gives one is used
    (with ``corpus``: the words before the name or surname, "Republican presidential
    candidate Ann Reyes", "Sen. Reyes", or an appositive after it); a person (full name)
    with no role-giving description in one article takes the role most often given to
    the same name in the other articles of the table.  "other" is left for speakers
    nothing describes.

    Example
    -------
    >>> from presslens.quotes import extract_quotes
    >>> corpus = pd.DataFrame({"doc_id": ["a"], "text": ['"We are ready," said campaign manager Ella Stone.']})
    >>> attribute(extract_quotes(corpus), corpus)[["speaker", "role"]].values.tolist()
    [['Ella Stone', 'politician']]
    """
    out = quotes.copy()
    for column in ("speaker_organisation", "canonical", "speaker_type"):
        if column not in out:
            out[column] = ""
    descriptions: dict[tuple, str] = {}
    columns = ["doc_id", "speaker", "description", "speaker_as_written", "speaker_type", "speaker_organisation"]
    rows = list(zip(*(out[c].tolist() for c in columns), strict=True)) if len(out) else []
    for doc_id, speaker, description, *_ in rows:
        if speaker and description:
            descriptions.setdefault((doc_id, speaker), description)
    if corpus is not None and len(out):
        texts = dict(zip(corpus["doc_id"].tolist(), corpus[text].tolist(), strict=True))
        for key in {(doc_id, speaker) for doc_id, speaker, *_ in rows if speaker}:
            if key in descriptions:
                continue
            body = texts.get(key[0], "")
            surname = re.escape(key[1].split()[-1])
            match = re.search(rf"((?:{TITLES})\s+)?{re.escape(key[1])},?\s+((?:of|a|an|the|who|founder|chief|head|director|prosecuting|defending)[^.\"\u201c]{{0,120}})", body)
            if match:
                descriptions[key] = f"{match.group(1) or ''}{match.group(2)}".strip()
            else:
                match = re.search(rf"(?:{TITLES})\s+(?:[A-Z][a-z]+\s+)?{surname}\b", body)
                if match:
                    descriptions[key] = match.group(0)
    roles, organisations = [], []
    cache: dict[tuple, tuple[str, str]] = {}
    texts = dict(zip(corpus["doc_id"].tolist(), corpus[text].tolist(), strict=True)) if corpus is not None and len(out) else {}
    elsewhere: dict[tuple, str | None] = {}  # (doc_id, speaker) -> a role-giving description elsewhere in the article

    def assign(context: str, speaker: str, speaker_type: str, speaker_organisation: str, as_written: str) -> tuple[str, str]:
        key = (context, speaker_type, speaker_organisation, bool(speaker))
        if key not in cache:
            if speaker_type == "organisation" and speaker_organisation:
                role, organisation = role_of(f"{context} {speaker_organisation}", "", extra_organisations)
                organisation = organisation or speaker_organisation
                if role == "other":
                    role = organisation_role(speaker_organisation) or "other"
            elif speaker or as_written:
                role, organisation = role_of(context, speaker, extra_organisations)
            else:
                role, organisation = "other", ""
            cache[key] = (role, organisation)
        return cache[key]

    for doc_id, speaker, description, as_written, speaker_type, speaker_organisation in rows:
        description = descriptions.get((doc_id, speaker), description) if speaker else description
        role, organisation = assign(f"{description} {as_written}", speaker, speaker_type, speaker_organisation, as_written)
        if role == "other" and speaker and doc_id in texts:
            # no role in the words beside this quote: the first description elsewhere in the article that gives one
            if (doc_id, speaker) not in elsewhere:
                found = (d for d in _descriptions_in(texts[doc_id], speaker) if role_of(d, speaker, extra_organisations)[0] != "other")
                elsewhere[(doc_id, speaker)] = next(found, None)
            if elsewhere[(doc_id, speaker)] is not None:
                role, organisation = assign(f"{elsewhere[(doc_id, speaker)]} {as_written}", speaker, speaker_type, speaker_organisation, as_written)
        roles.append(role)
        organisations.append(organisation)
    # a person described nowhere in one article keeps the role their descriptions give in the others
    known: dict[str, dict[str, int]] = {}
    for (_, speaker, *_), role in zip(rows, roles, strict=True):
        if speaker and " " in speaker and role != "other":
            known.setdefault(speaker, {}).setdefault(role, 0)
            known[speaker][role] += 1
    for i, (_, speaker, *_) in enumerate(rows):
        if roles[i] == "other" and speaker in known:
            roles[i] = min(known[speaker].items(), key=lambda item: (-item[1], item[0]))[0]
    out["role"] = roles
    out["organisation"] = organisations
    return out
