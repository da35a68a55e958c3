"""Pseudonymising private individuals named in coverage.

Coverage of this subject names people accused of offences, people targeted by stings
(sometimes wrongly), their relatives, and bystanders. Research outputs should not repeat
their names. ``pseudonymise`` finds person names and decides who is a private individual
from how the text introduces them:

* **private**: a name followed by an age (``Keith Dawlish, 47,``), introduced as a
  relative (``his sister, Karen Dawlish``), as a resident, parent or bystander, or the
  subject of criminal-justice verbs (``... was jailed``, ``... pleaded guilty``), or a
  speaker whose role is family or public (from :mod:`presslens.quotes`);
* **public** (kept): a name with a rank, office or professional title (officers,
  ministers, MPs, judges, lawyers, academics), or introduced by a public role (``founder
  of``, ``a spokesperson for``, ``prosecuting``) with no private cue — the allow-list of
  titles can be extended;
* everyone else is treated as private: privacy is the default.

A name found private anywhere in the corpus is private everywhere; its surname alone is
replaced too in the articles that name it in full. Private names are replaced by stable
pseudonyms from a keyed hash (HMAC-SHA-256): the same person gets the same pseudonym in
every run with the same key, and the mapping is returned separately so it can be kept
under access control. Names are found with rules, not a trained recogniser: a name the
rules miss is not replaced, so check a sample before publishing.
"""

from __future__ import annotations

import hashlib
import hmac
import re
from collections import defaultdict
from typing import NamedTuple

import pandas as pd

from presslens.quotes import NAME, NOT_NAMES, TITLES

PUBLIC_TITLES = TITLES
PUBLIC_CONTEXT = (r"founder of|co-founder of|member of|leader of|who runs|a spokes(?:person|man|woman) for|spokes(?:person|man|woman) for|"
                  r"chief executive of|head of [a-z ]+ at|director of|prosecuting|defending|of [A-Z][a-z]+ (?:Police|Constabulary)|"
                  r"a criminologist|a lecturer|a professor|a researcher|the MP for|MP\b")
PRIVATE_AFTER = r",\s*(?:\d{1,2}|aged \d{1,2}),|,\s*\d{1,2}\s*,?\s*(?:of|from|who)\b|,\s*(?:a|an) (?:resident|mother|father|parent|grandmother|grandfather|neighbour|shopkeeper|local)\b"
PRIVATE_BEFORE = r"\b(?:his|her|their) (?:sister|brother|mother|father|mum|dad|partner|wife|husband|son|daughter|cousin|uncle|aunt|niece|nephew|grandmother|grandfather),\s*$|\b(?:defendant|resident|neighbour|passer-by)\s*$"
PRIVATE_VERBS = (r"\s+(?:\([^)]*\)\s+)?(?:was|has been|had been|is)\s+(?:jailed|convicted|sentenced|charged|arrested|cleared|acquitted|remanded|found dead|"
                 r"named|exposed|targeted|confronted|wrongly)\b|\s+(?:pleaded|admitted|denied|appeared|died)\b")
_FULL_NAME = re.compile(rf"(?<![\w'-])(?P<name>{NAME})")
_TITLE_PREFIX = re.compile(rf"^(?:(?:{TITLES})\s+)+")


_NAME_WORD = re.compile(r"^[A-Z][a-z]+(?:['\u2019-]?[A-Z]?[a-z]+)*$")


def _is_name(candidate: str) -> bool:
    """Two to four capitalised words (not shouted headline words), none a word of
    organisations or places."""
    words = candidate.split()
    return (2 <= len(words) <= 4 and words[0] not in NOT_NAMES and not any(w in _ORG_WORDS for w in words)
            and all(_NAME_WORD.match(w) for w in words))


_ORG_WORDS = frozenset("Police Constabulary Court Crown Magistrates Trust Foundation Alliance Watch Patrol Sentinels Shield Seekers Collective University "
                       "Agency Office Ministry Department Bill Act Council Street Road Lane Avenue Times Post Review Gazette Star Blaze Clarion Bugle "
                       "Meridian Chronicle News Press Broadcasting Channel Team Unit Hub Squad Service Commission Parliament Government UK England "
                       "Wales Scotland North South East West Online Internet Digital Child Children Safeguarding Protection".split())


class Pseudonymised(NamedTuple):
    """What :func:`pseudonymise` returns: the corpus with private names replaced, and the
    mapping (keep it under access control)."""

    corpus: pd.DataFrame
    mapping: pd.DataFrame


_CONSONANTS = "bdfgklmnprstvz"
_VOWELS = "aeiou"


def pseudonym(name: str, key: str, syllables: int = 5) -> str:
    """A stable pseudonym for a name under a key: ``Person`` and a pronounceable word made
    from the keyed hash (HMAC-SHA256), e.g. ``Person Bakomirute``.

    Letters only, so a pseudonym reads as a name to the quote and claim extractors (digits
    would be counted as statistics, and a code such as ``4F2A9C`` is not a name).  Five
    syllables give 70**5 (1.7 billion) pseudonyms; :func:`pseudonymise` lengthens the
    rare colliding ones so two people never share one.

    Example
    -------
    >>> pseudonym("Daniel Marsh", "my secret") == pseudonym("daniel marsh", "my secret")
    True
    >>> pseudonym("Daniel Marsh", "my secret") != pseudonym("Daniel Marsh", "another secret")
    True
    """
    number = int.from_bytes(hmac.new(key.encode("utf-8"), name.lower().encode("utf-8"), hashlib.sha256).digest(), "big")
    word = []
    for _ in range(syllables):
        number, consonant = divmod(number, len(_CONSONANTS))
        number, vowel = divmod(number, len(_VOWELS))
        word.append(_CONSONANTS[consonant] + _VOWELS[vowel])
    return "Person " + "".join(word).capitalize()


def _pseudonyms(names, key: str) -> list[str]:
    """Pseudonyms for distinct names, lengthened where two would collide."""
    names = list(names)
    out = [pseudonym(n, key) for n in names]
    syllables = 5
    while len(set(out)) < len(out) and syllables < 20:
        syllables += 1
        seen = pd.Series(out).duplicated(keep=False).to_numpy()
        out = [pseudonym(n, key, syllables) if clash else p for n, p, clash in zip(names, out, seen, strict=True)]
    return out


def find_people(corpus: pd.DataFrame, *, text: str = "text", quotes: pd.DataFrame | None = None, extra_public_titles: tuple[str, ...] = ()) -> pd.DataFrame:
    """Every full name the rules find, with its evidence and the verdict (public/private).

    Returns ``name``, ``mentions``, ``articles``, ``private_evidence``,
    ``public_evidence`` and ``private``.  Privacy is the default: a name is kept only
    when some mention gives it a public title (rank, office, Dr, Judge...) or, with no
    private cue anywhere, a public role (spokesperson, founder of a group, quoted as
    police, charity, ...).  Wrongly keeping a private name is the worse error.
    """
    titles = PUBLIC_TITLES + ("|" + "|".join(map(re.escape, extra_public_titles)) if extra_public_titles else "")
    public_before = re.compile(rf"(?:{titles})\s*$")
    public_after = re.compile(rf"^,?\s*(?:{PUBLIC_CONTEXT})")
    private_after = re.compile(rf"^(?:{PRIVATE_AFTER})")
    private_before = re.compile(PRIVATE_BEFORE, re.IGNORECASE)
    private_verb = re.compile(rf"^(?:{PRIVATE_VERBS})")
    evidence: dict[str, dict] = defaultdict(lambda: {"mentions": 0, "articles": set(), "private": set(), "public": set()})
    fields = [text] + (["headline"] if "headline" in corpus else [])
    for row in corpus[["doc_id", *fields]].itertuples(index=False, name=None):
        doc_id = row[0]
        for value in row[1:]:
            if not isinstance(value, str):
                continue
            for match in _FULL_NAME.finditer(value):
                phrase = re.sub(r"\s+(?:MP|KC|QC)$", "", match.group("name"))
                titled = _TITLE_PREFIX.match(phrase)
                name = phrase[titled.end() :] if titled else phrase
                if not _is_name(name):
                    continue
                start = match.start() + (titled.end() if titled else 0)
                before, after = value[max(0, start - 60) : start], value[match.end() : match.end() + 80]
                record = evidence[name]
                record["mentions"] += 1
                record["articles"].add(doc_id)
                if public_before.search(before):
                    record["public"].add("title")
                if public_after.search(after):
                    record["public"].add("role")
                if private_after.search(after):
                    record["private"].add("age or description")
                if private_before.search(before):
                    record["private"].add("relative or resident")
                if private_verb.search(after):
                    record["private"].add("criminal-justice verb")
    if quotes is not None and {"speaker", "role"} <= set(quotes.columns):
        for speaker, role in quotes[["speaker", "role"]].drop_duplicates().itertuples(index=False, name=None):
            if speaker in evidence:
                (evidence[speaker]["private"] if role in ("family", "public") else evidence[speaker]["public"]).add(f"quoted as {role}")
    rows = []
    for name, record in evidence.items():
        # private by default: kept only with a public title (officials, professionals) or,
        # without any private cue, a public role (spokesperson, founder, quoted as such)
        if "title" in record["public"]:
            private = False
        elif record["public"] and not record["private"]:
            private = False
        else:
            private = True
        rows.append({"name": name, "mentions": record["mentions"], "articles": len(record["articles"]), "private_evidence": "; ".join(sorted(record["private"])),
                     "public_evidence": "; ".join(sorted(record["public"])), "private": private})
    return pd.DataFrame(rows, columns=["name", "mentions", "articles", "private_evidence", "public_evidence", "private"]).sort_values("name").reset_index(drop=True)


def encoding_variants(name: str) -> set[str]:
    """The forms a name with accents takes in damaged or raw text: mojibake (UTF-8 read as
    Windows-1252) and HTML entities, so a name is replaced even where the text is not yet
    cleaned (cleaning would repair it and reveal the name).

    Example
    -------
    >>> sorted(encoding_variants("Zoë Hart"))
    ['Zo&#235; Hart', 'Zo&euml; Hart', 'ZoÃ« Hart']
    """
    import html.entities

    if name.isascii():
        return set()
    variants = {name.encode("utf-8").decode("cp1252", errors="replace"), name.encode("ascii", "xmlcharrefreplace").decode("ascii"),
                "".join(f"&{html.entities.codepoint2name[ord(c)]};" if ord(c) in html.entities.codepoint2name and not c.isascii() else c for c in name)}
    variants.discard(name)
    return variants


# a name ends where no word character follows; an apostrophe may follow only as the
# possessive ("Marsh's sister"), which is where private names most often hide
_NAME_END = r"(?![\w-])(?!['\u2019](?!s\b))"


def _replacer(mapping: pd.DataFrame):
    """A function replacing every name of ``mapping`` (and its encoding variants) in a
    text, and the surname alone where that person is named in full in the same text."""
    if mapping.empty:
        return lambda value: value
    replacement = dict(zip(mapping["name"], mapping["pseudonym"], strict=True))
    for name, alias in list(replacement.items()):
        for variant in encoding_variants(name):
            replacement.setdefault(variant, alias)
    names = sorted(replacement, key=len, reverse=True)
    full = re.compile(r"(?<![\w'-])(?:" + "|".join(map(re.escape, names)) + ")" + _NAME_END)
    surnames: dict[str, list[str]] = defaultdict(list)
    for name in names:
        surnames[name.split()[-1]].append(name)

    def one(value):
        if not isinstance(value, str):
            return value
        original = value
        present = set(full.findall(value))
        value = full.sub(lambda m: replacement[m.group(0)], value)
        # surnames alone, where that person is named in full in the same text
        for surname in {n.split()[-1] for n in present}:
            # the surname alone: the first person of that surname named in this text
            # (when two relatives share it, which one is meant cannot be told; either
            # pseudonym protects them)
            owners = sorted((n for n in surnames[surname] if n in present), key=lambda n: original.find(n))
            if owners:
                value = re.sub(rf"(?<![\w'-]){re.escape(surname)}" + _NAME_END, replacement[owners[0]], value)
        return value

    return one


def replace_names(texts, mapping: pd.DataFrame) -> list:
    """Apply a pseudonym ``mapping`` (from :func:`pseudonymise`) to other strings, such as
    label tables or a coding sheet, so they match the pseudonymised corpus.

    Example
    -------
    >>> replace_names(["Sam Holt said so. Holt left."], pd.DataFrame({"name": ["Sam Holt"], "pseudonym": ["Person Bakomirute"]}))
    ['Person Bakomirute said so. Person Bakomirute left.']
    """
    one = _replacer(mapping)
    return [one(value) for value in texts]


def pseudonymise(corpus: pd.DataFrame, *, key: str = "presslens", text: str = "text", quotes: pd.DataFrame | None = None,
                 extra_public_titles: tuple[str, ...] = (), people: pd.DataFrame | None = None) -> Pseudonymised:
    """Replace the names of private individuals with stable pseudonyms.

    Parameters
    ----------
    key : str
        Secret key of the keyed hash; keep it private, and reuse it to get the same
        pseudonyms in a later run.
    quotes : DataFrame, optional
        An :func:`presslens.quotes.attribute` table: speakers quoted as family or public
        are private, others public.
    extra_public_titles : tuple of str
        More titles that mark public figures (e.g. ``"Bishop"``).

    Returns
    -------
    Pseudonymised
        ``(corpus, mapping)``: the corpus with text and headline pseudonymised, and a
        table ``name``, ``pseudonym``, ``evidence``.

    Example
    -------
    >>> safe, mapping = pseudonymise(corpus, key="my secret")   # doctest: +SKIP
    """
    people = people if people is not None else find_people(corpus, text=text, quotes=quotes, extra_public_titles=extra_public_titles)
    private = people[people["private"].astype(bool).to_numpy()]
    mapping = pd.DataFrame({"name": private["name"], "pseudonym": _pseudonyms(private["name"], key), "evidence": private["private_evidence"]})
    if mapping.empty:
        return Pseudonymised(corpus.copy(), mapping)
    one = _replacer(mapping)

    out = corpus.copy()
    if "headline" in out:
        # one pass over headline and text together: a headline names a defendant by
        # surname, resolved against the full name in the article's text
        both = [one(f"{h}\n\n{body}" if isinstance(h, str) else body) for h, body in zip(corpus["headline"], corpus[text], strict=True)]
        out["headline"] = [b.split("\n\n", 1)[0] if isinstance(h, str) else h for h, b in zip(corpus["headline"], both, strict=True)]
        out[text] = [b.split("\n\n", 1)[1] if isinstance(h, str) else b for h, b in zip(corpus["headline"], both, strict=True)]
    else:
        out[text] = [one(value) for value in corpus[text]]
    return Pseudonymised(out, mapping.reset_index(drop=True))


def pseudonymise_corpus(corpus: pd.DataFrame, *, key: str = "presslens", extra_public_titles: tuple[str, ...] = ()) -> tuple[pd.DataFrame, pd.DataFrame, pd.DataFrame]:
    """Pseudonymise a whole corpus the way the report and the notebooks do: clean the text,
    find the quoted speakers (so people quoted as relatives count as private), decide who
    is private, and replace their names in headline and text.

    Returns ``(corpus, mapping, people)``: the pseudonymised corpus (raw text, so later
    cleaning works as before), the mapping of names to pseudonyms (keep it under access
    control), and every person found with the evidence for the verdict.

    Example
    -------
    >>> safe, mapping, people = pseudonymise_corpus(corpus, key="my secret")  # doctest: +SKIP
    """
    from presslens.quotes import attribute, extract_quotes
    from presslens.text import clean

    if corpus.empty:
        empty = pd.DataFrame(columns=["name", "pseudonym", "evidence"])
        return corpus.copy(), empty, pd.DataFrame(columns=["name", "private", "private_evidence"])
    cleaned = clean(corpus, progress=False).corpus
    quotes = attribute(extract_quotes(cleaned), cleaned)
    people = find_people(cleaned, quotes=quotes, extra_public_titles=extra_public_titles)
    safe, mapping = pseudonymise(corpus, key=key, people=people)
    return safe, mapping, people
