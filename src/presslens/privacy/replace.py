"""Replacing private individuals' names with stable keyed pseudonyms, and keeping the
pseudonyms out of vocabularies."""

from __future__ import annotations

import hashlib
import hmac
import re
import unicodedata
from collections import defaultdict
from functools import lru_cache
from typing import NamedTuple

import pandas as pd

from presslens.privacy.keys import default_key
from presslens.privacy.names import COURTESY_TITLES, inside_longer_run
from presslens.privacy.people import find_people
from presslens.text import PSEUDONYM_PATTERN

_CONSONANTS = "bdfgklmnprstvz"
_VOWELS = "aeiou"
# "Person " and a word of 5 to 20 consonant-vowel syllables, as made by pseudonym()


class Pseudonymised(NamedTuple):
    """What :func:`pseudonymise` returns: the corpus with private names replaced, and the
    mapping (keep it under access control).

    Example
    -------
    >>> corpus = pd.DataFrame({"doc_id": ["a"], "text": ["Keith Dawlish, 47, of County Durham, was jailed. "
    ...                                                  "Det Insp Ruth Kellaway said Dawlish was a danger."]})
    >>> result = pseudonymise(corpus, key="my secret")
    >>> result.corpus.loc[0, "text"]
    'Person Vanuzazike, 47, of County Durham, was jailed. Det Insp Ruth Kellaway said Person Vanuzazike was a danger.'
    >>> result.mapping[["name", "pseudonym"]].to_dict("records")
    [{'name': 'Keith Dawlish', 'pseudonym': 'Person Vanuzazike'}]
    """

    corpus: pd.DataFrame
    mapping: pd.DataFrame


def pseudonym(name: str, key: str, syllables: int = 5) -> str:
    """A stable pseudonym for a name under a key: ``Person`` and a pronounceable word made
    from the keyed hash (HMAC-SHA-256), e.g. ``Person Bakomirute``.

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
    >>> bool(PSEUDONYM_PATTERN.fullmatch(pseudonym("Daniel Marsh", "my secret")))
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


def remove_pseudonyms(texts):
    """Texts with every pseudonym (``Person Bakomirute``) removed, so pseudonyms never
    enter a keyness, Fightin' Words or topic vocabulary.  Takes a string, a list or a
    Series and returns the same kind.

    Example
    -------
    >>> remove_pseudonyms("Person Bakomirute was jailed; Person Bakomirute's sister wept.")
    " was jailed; 's sister wept."
    >>> remove_pseudonyms(["a person said so"])
    ['a person said so']
    """
    if isinstance(texts, str):
        return PSEUDONYM_PATTERN.sub("", texts)
    if isinstance(texts, pd.Series):
        return texts.map(lambda v: PSEUDONYM_PATTERN.sub("", v) if isinstance(v, str) else v)
    return [PSEUDONYM_PATTERN.sub("", v) if isinstance(v, str) else v for v in texts]


def pseudonym_stop_words(texts=(), mapping: pd.DataFrame | None = None) -> list[str]:
    """The lower-case words of the pseudonyms found in ``texts`` or listed in ``mapping``
    (``bakomirute``), and ``person`` when any is found: pass them as extra stop words to a
    vectoriser that cannot call :func:`remove_pseudonyms` first.

    Example
    -------
    >>> pseudonym_stop_words(["Person Bakomirute was jailed.", "No one here."])
    ['bakomirute', 'person']
    """
    words = set()
    for value in texts:
        if isinstance(value, str):
            words.update(m.group(0).split()[1].lower() for m in PSEUDONYM_PATTERN.finditer(value))
    if mapping is not None and "pseudonym" in mapping:
        words.update(p.split()[-1].lower() for p in mapping["pseudonym"] if isinstance(p, str))
    return sorted(words | ({"person"} if words else set()))


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


_NOT_SLUG = re.compile(r"[^a-z0-9]+")


def _slug(value: str) -> str:
    ascii_value = unicodedata.normalize("NFKD", value).encode("ascii", "ignore").decode("ascii")
    return _NOT_SLUG.sub("-", ascii_value.lower()).strip("-")


# a name ends where no word character follows; an apostrophe may follow only as the
# possessive ("Marsh's sister"), which is where private names most often hide
_NAME_END = r"(?![\w-])(?!['\u2019](?!s\b))"
_TITLED = r"(?:" + "|".join(sorted((re.escape(t) for t in COURTESY_TITLES | {"Dr", "Dr."}), key=len, reverse=True)) + r")[ \u00a0]+"


_WORDS = re.compile(r"[^\W\d_][\w'’-]*")


@lru_cache(maxsize=4096)
def _compiled(names: tuple[str, ...]) -> re.Pattern:
    return re.compile(r"(?<![\w'’-])(?:" + "|".join(map(re.escape, names)) + ")" + _NAME_END)


class _Replacer:
    """Replaces every name of a mapping (and its encoding variants) in the fields of one
    article, and the surname alone where that person is named in the article."""

    def __init__(self, mapping: pd.DataFrame):
        self.replacement = dict(zip(mapping["name"], mapping["pseudonym"], strict=True))
        full_names = [n for n in self.replacement if " " in n]
        for name in full_names:
            for variant in encoding_variants(name):
                self.replacement.setdefault(variant, self.replacement[name])
        # people known by a titled surname only ("Mrs Dawlish")
        singles = sorted((n for n in self.replacement if " " not in n), key=len, reverse=True)
        self.titled = re.compile(rf"(?<![\w'’-])({_TITLED})(" + "|".join(map(re.escape, singles)) + ")" + _NAME_END) if singles else None
        self.surnames: dict[str, list[str]] = defaultdict(list)
        for name in sorted(self.replacement, key=len, reverse=True):
            self.surnames[name.split()[-1]].append(name)
        self.slugs = {_slug(n): _slug(p) for n, p in self.replacement.items() if " " in n}
        # a quick test before the long alternations: does any first word of a name occur?
        self.by_first: dict[str, list[str]] = defaultdict(list)
        for name in self.replacement:
            if " " in name:
                self.by_first[_WORDS.findall(name)[0] if _WORDS.findall(name) else name.split()[0]].append(name)
        self.first_words = frozenset(self.by_first)
        self.first_patterns: dict = {}
        self._current: list = []
        self.surname_patterns = {surname: re.compile(rf"(?<![\w'’-]){re.escape(surname)}" + _NAME_END) for surname in self.surnames}

    def _patterns(self, words: frozenset) -> list:
        """One pattern per first word of a name that occurs in the text (compiled once
        per first word, not once per article)."""
        out = []
        for word in sorted(words & self.first_words):
            if word not in self.first_patterns:
                self.first_patterns[word] = _compiled(tuple(sorted(self.by_first[word], key=len, reverse=True)))
            out.append(self.first_patterns[word])
        return out

    def present(self, values) -> list[str]:
        """The private people named in these fields, in order of first mention."""
        found: dict[str, int] = {}
        values = [v for v in values if isinstance(v, str)]
        words = frozenset(w for v in values for w in _WORDS.findall(v))
        self._current = self._patterns(words)
        for offset, value in enumerate(values):
            for pattern, group in [(p, 0) for p in self._current] + [(self.titled, 2)]:
                if pattern is None:
                    continue
                for match in pattern.finditer(value):
                    found.setdefault(match.group(group), offset * 10**9 + match.start())
        return sorted(found, key=found.get)

    def text(self, value, present: list[str]):
        if not isinstance(value, str) or not present:
            return value
        for pattern in self._current:
            value = pattern.sub(lambda m: self.replacement[m.group(0)], value)
        if self.titled is not None:
            value = self.titled.sub(lambda m: m.group(1) + self.replacement[m.group(2)], value)
        done = set()
        for name in present:
            surname = name.split()[-1]
            if surname in done:
                continue
            done.add(surname)
            # the surname alone: the first person of that surname named in this article
            # (when two relatives share it, which one is meant cannot be told; either
            # pseudonym protects them); never inside a longer run ("County Durham")
            alias = self.replacement.get(name) or self.replacement[self.surnames[surname][0]]
            pattern = self.surname_patterns[surname]
            value = pattern.sub(lambda m, alias=alias, text=value: m.group(0) if inside_longer_run(text, m.start(), m.end()) else alias, value)
        return value

    def url(self, value, present: list[str]):
        if not isinstance(value, str) or not present:
            return value
        for name in present:
            alias = self.slugs.get(_slug(name)) or _slug(self.replacement[name])
            surname = _slug(name.split()[-1])
            forms = {_slug(name), _slug(name).replace("-", "_"), _slug(name).replace("-", "")} | ({surname} if len(surname) > 2 else set())
            value = _slug_pattern(tuple(sorted(forms, key=len, reverse=True))).sub(alias, value)
        return value


@lru_cache(maxsize=4096)
def _slug_pattern(forms: tuple[str, ...]) -> re.Pattern:
    return re.compile(r"(?<![a-z0-9])(?:" + "|".join(map(re.escape, forms)) + r")(?![a-z0-9])", re.IGNORECASE)


def replace_names(texts, mapping: pd.DataFrame) -> list:
    """Apply a pseudonym ``mapping`` (from :func:`pseudonymise`) to other strings, such as
    label tables or a coding sheet, so they match the pseudonymised corpus.

    Example
    -------
    >>> replace_names(["Sam Holt said so. Holt left for County Durham."],
    ...               pd.DataFrame({"name": ["Sam Holt"], "pseudonym": ["Person Bakomirute"]}))
    ['Person Bakomirute said so. Person Bakomirute left for County Durham.']
    """
    if mapping.empty:
        return list(texts)
    replacer = _Replacer(mapping)
    return [replacer.text(value, replacer.present([value])) for value in texts]


def pseudonymise(corpus: pd.DataFrame, *, key: str | None = None, text: str = "text", quotes: pd.DataFrame | None = None,
                 extra_public_titles: tuple[str, ...] = (), people: pd.DataFrame | None = None, keep=(), hide=(), organisations=(),
                 columns: tuple[str, ...] = ("headline", "byline", "url")) -> Pseudonymised:
    """Replace the names of private individuals with stable pseudonyms.

    Parameters
    ----------
    key : str, optional
        Secret key of the keyed hash.  Without it, ``PRESSLENS_KEY`` or the user's own
        key file (created with a random secret on first use) is used: see
        :func:`presslens.privacy.default_key`.
    quotes : DataFrame, optional
        An :func:`presslens.quotes.attribute` table: speakers quoted as family or public
        count as private evidence.
    extra_public_titles : tuple of str
        More titles that mark public figures (e.g. ``"Bishop"``).
    people : DataFrame, optional
        A :func:`find_people` table to use instead of finding people again.
    keep, hide : iterable of str
        Names to keep as written whatever the evidence, and names always to replace.
    organisations : iterable of str
        Organisation names never read as people.
    columns : tuple of str
        Other columns to pseudonymise with the text where present (``url`` as a slug).

    Returns
    -------
    Pseudonymised
        ``(corpus, mapping)``: the corpus with text, headline, byline and url
        pseudonymised, and a table ``name``, ``pseudonym``, ``evidence``.

    Example
    -------
    >>> corpus = pd.DataFrame({"doc_id": ["a"], "headline": ["Dawlish jailed"], "url": ["https://news.example/keith-dawlish-jailed"],
    ...     "text": ["Keith Dawlish, 47, of County Durham, was jailed on Boxing Day. Det Insp Ruth Kellaway of Durham Constabulary said "
    ...              "Dawlish was a danger."]})
    >>> safe, mapping = pseudonymise(corpus, key="my secret")
    >>> safe.loc[0, "text"]
    'Person Vanuzazike, 47, of County Durham, was jailed on Boxing Day. Det Insp Ruth Kellaway of Durham Constabulary said Person Vanuzazike was a danger.'
    >>> safe.loc[0, "headline"], safe.loc[0, "url"]
    ('Person Vanuzazike jailed', 'https://news.example/person-vanuzazike-jailed')
    """
    key = key or default_key()
    people = people if people is not None else find_people(corpus, text=text, quotes=quotes, extra_public_titles=extra_public_titles,
                                                          keep=keep, hide=hide, organisations=organisations)
    private = people[people["private"].astype(bool).to_numpy()]
    evidence = private["private_evidence"] if "private_evidence" in private else pd.Series([""] * len(private))
    mapping = pd.DataFrame({"name": list(private["name"]), "pseudonym": _pseudonyms(private["name"], key), "evidence": list(evidence)})
    hidden = [n for n in hide if n not in set(mapping["name"])]
    if hidden:
        mapping = pd.concat([mapping, pd.DataFrame({"name": hidden, "pseudonym": _pseudonyms(hidden, key), "evidence": "listed to hide"})],
                            ignore_index=True)
        mapping["pseudonym"] = _pseudonyms(mapping["name"], key)
    if mapping.empty:
        return Pseudonymised(corpus.copy(), mapping)
    replacer = _Replacer(mapping)
    out = corpus.copy()
    fields = [c for c in (text, *columns) if c in corpus]
    text_fields = [c for c in fields if c != "url"]
    new = {c: [] for c in fields}
    for row in corpus[fields].itertuples(index=False, name=None):
        values = dict(zip(fields, row, strict=True))
        present = replacer.present([values[c] for c in text_fields])
        for c in fields:
            new[c].append(replacer.url(values[c], present) if c == "url" else replacer.text(values[c], present))
    for c in fields:
        out[c] = pd.Series(new[c], index=corpus.index, dtype=corpus[c].dtype if corpus[c].dtype == object else object)
    return Pseudonymised(out, mapping.reset_index(drop=True))


def pseudonymise_corpus(corpus: pd.DataFrame, *, key: str | None = None, extra_public_titles: tuple[str, ...] = (), keep=(), hide=(),
                        organisations=()) -> tuple[pd.DataFrame, pd.DataFrame, pd.DataFrame]:
    """Pseudonymise a whole corpus the way the report and the notebooks do: clean the text,
    find the quoted speakers (so people quoted as relatives count as private), decide who
    is private, and replace their names in headline, text, byline and url.

    Returns ``(corpus, mapping, people)``: the pseudonymised corpus (raw text, so later
    cleaning works as before), the mapping of names to pseudonyms (keep it under access
    control), and every person found with the evidence for the verdict.

    Example
    -------
    >>> corpus = pd.DataFrame({"doc_id": ["a"], "outlet": ["The Clarion"], "published": [pd.Timestamp("2024-01-02", tz="UTC")],
    ...     "headline": ["Man jailed"], "text": ['Lee Ward, 31, was jailed. "He is sorry," said his mother, Ann Ward.']})
    >>> safe, mapping, people = pseudonymise_corpus(corpus, key="my secret")
    >>> sorted(mapping["name"]), "Ward" in safe.loc[0, "text"]
    (['Ann Ward', 'Lee Ward'], False)
    """
    from presslens.quotes import attribute, extract_quotes
    from presslens.text import clean

    if corpus.empty:
        empty = pd.DataFrame(columns=["name", "pseudonym", "evidence"])
        return corpus.copy(), empty, pd.DataFrame(columns=["name", "private", "private_evidence"])
    cleaned = clean(corpus, progress=False).corpus
    quotes = attribute(extract_quotes(cleaned), cleaned)
    people = find_people(cleaned, quotes=quotes, extra_public_titles=extra_public_titles, keep=keep, hide=hide, organisations=organisations)
    safe, mapping = pseudonymise(corpus, key=key, people=people, hide=hide)
    return safe, mapping, people
