"""Names in news text: proper nouns and the words that name people.

Used to keep names out of the features when clustering *kinds* of coverage, where they
identify single events rather than kinds of story.  Heuristics with known limits, said
in each function's docstring; the counting steps are public so that
:mod:`presslens.scale` sums their counts over partitions.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from functools import lru_cache
from pathlib import Path

from presslens.text.tokens import strip_possessive

# a word after a space after a lower-case letter, digit or comma; the pattern starts at the space (a
# literal), which the regular-expression engine finds faster than a position where a look-behind holds
_MID_SENTENCE_WORD = re.compile(r" (?<=[a-z0-9,;:] )([A-Za-z][a-z'\u2019-]+)")


def proper_nouns(texts: Iterable[str], *, min_count: int = 2, share: float = 0.9, max_texts: int = 20_000) -> frozenset[str]:
    """Words that are almost always capitalised in mid-sentence: names of people and places.

    Counts each word's occurrences after a lower-case word, a digit or a comma (so sentence
    starts do not count); a word capitalised in at least ``share`` of at least
    ``min_count`` occurrences is taken as a name.  Large corpora are read from an evenly
    spaced sample of ``max_texts`` texts.  Used to keep names out of the features when
    clustering *kinds* of coverage, where they identify single events rather than kinds
    of story.  A heuristic: a common word used mostly in names ("Crown" Court) is caught too.

    Example
    -------
    >>> sorted(proper_nouns(["the man met Gary in Leeds and Gary left", "police in Leeds said"]))
    ['gary', 'leeds']
    """
    texts = list(texts)
    if len(texts) > max_texts:
        step = len(texts) / max_texts
        texts = [texts[int(i * step)] for i in range(max_texts)]
    return proper_nouns_from_counts(mid_sentence_word_counts(texts), min_count=min_count, share=share)


def mid_sentence_word_counts(texts: Iterable[str]) -> Counter:
    """How often each word (as written) follows a lower-case word, a digit or a comma: the
    counts :func:`proper_nouns` decides from.  Counts of parts of a corpus add up, so
    :mod:`presslens.scale` sums them over partitions.

    Example
    -------
    >>> mid_sentence_word_counts(["police in Leeds said"])["Leeds"]
    1
    """
    counts: Counter = Counter()
    for text in texts:
        counts.update(_MID_SENTENCE_WORD.findall(text))
    return counts


def proper_nouns_from_counts(counts: Counter, *, min_count: int = 2, share: float = 0.9) -> frozenset[str]:
    """The words of :func:`mid_sentence_word_counts` capitalised in at least ``share`` of at
    least ``min_count`` occurrences (see :func:`proper_nouns`).

    Example
    -------
    >>> sorted(proper_nouns_from_counts(mid_sentence_word_counts(["met Gary in Leeds", "and Gary left"])))
    ['gary']
    """
    capitalised: Counter = Counter()
    lower: Counter = Counter()
    for word, n in counts.items():  # a possessive counts as the word (Holt's -> holt)
        (capitalised if word[0].isupper() else lower)[strip_possessive(word.lower())] += n
    return frozenset(w for w, n in capitalised.items() if n >= min_count and n >= share * (n + lower[w]))


PERSON_TITLES = frozenset(
    "mr mrs ms miss dr sir lord lady dame prof professor president vice senator sen rep representative congressman congresswoman "
    "governor gov mayor judge justice det insp supt sgt pc dc ds di dci det-insp constable chief rev reverend father pope king "
    "queen prince princess prime minister secretary chancellor coach captain capt gen general col lt sheriff commissioner "
    "councillor cllr ambassador chairman chairwoman mp mep".split())
_CAPITALISED_RUN = re.compile(r"(?:\b[A-Z][a-z][\w'\u2019-]*|\b[A-Z]\.)(?:[ ]+(?:[A-Z][a-z][\w'\u2019-]*|[A-Z]\.))*")
ORGANISATION_WORDS = frozenset(
    "co corp corporation inc ltd plc llc group bank company companies council university college school police constabulary "
    "court party ministry department agency authority association union trust foundation fund institute commission committee "
    "board service services energy oil airlines airways motors industries international holdings partners news times post "
    "united city county street road river republic state states kingdom island islands".split())


@lru_cache(maxsize=1)
def first_names() -> frozenset[str]:
    """Given names (lower case) from the name dictionary shipped with ``gender-guesser``
    (Michael, 2007: about 48,000 first names from many countries).

    Example
    -------
    >>> {"gary", "amina", "leeds"} & first_names() == {"gary", "amina"}
    True
    """
    import gender_guesser

    path = Path(gender_guesser.__file__).parent / "data" / "nam_dict.txt"
    if not path.is_file():  # a gender-guesser that keeps its dictionary elsewhere: its own (slower) parser
        from gender_guesser.detector import Detector

        return frozenset(name.lower() for name in Detector().names)
    # the dictionary's names as gender-guesser's Detector reads them (second field of each line that is not
    # a comment; "+" joins the parts of a name, read as nothing, a space or a hyphen), without its per-country tables
    names = set()
    with open(path, encoding="utf-8") as lines:
        for line in lines:
            line = line.strip()
            if line and line[0] not in "#=":
                name = line.split(None, 2)[1].lower()
                names.update((name.replace("+", ""), name.replace("+", " "), name.replace("+", "-")) if "+" in name else (name,))
    return frozenset(names)


def person_name_counts(texts: Iterable[str]) -> tuple[Counter, Counter]:
    """How often each word (lower case) is part of a person's name, and how often it is
    part of another multi-word name, in runs of capitalised words.

    A run of capitalised words (not all in capitals; punctuation ends a run; leading
    stop words such as a sentence-initial "The" skipped) is a person's name when, after
    any leading titles
    (:data:`PERSON_TITLES`: ``Mr``, ``President``, ``Det Insp``...), it starts with a
    given name (:func:`first_names`) and has at least two words, or when it follows a
    title (``Mr Blair``), and none of its words marks an organisation or place
    (:data:`ORGANISATION_WORDS`: ``Co``, ``Bank``, ``Council``, ``United``...).  Every word
    of such a run counts as a person-name word; the words of other runs of two or more
    capitalised words (``New York``, ``Leeds United``), and given names standing alone,
    count as other names.  Counts of parts of a corpus add up.

    Example
    -------
    >>> person, other = person_name_counts(["Gary Holt met Mr Blair in New York."])
    >>> sorted(person), sorted(other)
    (['blair', 'gary', 'holt'], ['new', 'york'])
    """
    from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS

    names = first_names()
    person: Counter = Counter()
    other: Counter = Counter()
    runs: Counter = Counter()  # names recur: each distinct run is judged once, in order of first appearance
    for text in texts:
        runs.update(_CAPITALISED_RUN.findall(text))
    for run, n in runs.items():
        words = [strip_possessive(w.rstrip(".").lower()) for w in run.split()]
        start = 0
        while start < len(words) and words[start] in ENGLISH_STOP_WORDS:  # sentence starts: "In", "The"
            start += 1
        titled = start
        while titled < len(words) and words[titled] in PERSON_TITLES:
            titled += 1
        rest = [w for w in words[titled:] if len(w) > 1]
        if not rest:
            continue
        organisation = any(w in ORGANISATION_WORDS for w in rest)
        if not organisation and ((titled > start and len(rest) <= 3) or (len(rest) >= 2 and rest[0] in names and len(rest) <= 4)):
            counts = person
        elif len(rest) >= 2:
            counts = other
        elif rest[0] in names:
            counts, rest = other, rest[:1]  # a given name alone (Alberta, April, Jordan) is as likely a place or a month
        else:
            continue
        for word in rest:
            counts[word] += n
    return person, other


def person_names_from_counts(person: Counter, other: Counter, proper: Iterable[str], *, min_count: int = 2) -> frozenset[str]:
    """The words of :func:`person_name_counts` that are people's names: proper nouns
    (``proper``) seen in a person's name at least ``min_count`` times and at least as often
    as in other names.

    Example
    -------
    >>> person_names_from_counts({"holt": 3, "york": 1}, {"york": 4}, {"holt", "york"})
    frozenset({'holt'})
    """
    return frozenset(w for w in proper if person.get(w, 0) >= min_count and person.get(w, 0) >= other.get(w, 0))


def person_names(texts: Iterable[str], *, min_count: int = 2, max_texts: int = 20_000, max_name_texts: int = 5_000) -> frozenset[str]:
    """Words that name people: proper nouns (:func:`proper_nouns`) used mostly in people's
    names (:func:`person_name_counts`).  Organisations and places are kept out, so that
    "labour", "england" or "microsoft" stay in the vocabulary, where they carry the topic.

    Proper nouns are read from an even sample of at most ``max_texts`` texts, name
    contexts from at most ``max_name_texts``.  A heuristic with known limits: a surname
    only ever written alone (``Blair said``) is
    not found; a place that is also a given name and mostly appears before another
    capitalised word (``Jordan Valley``) is counted as another name and kept.

    Example
    -------
    >>> texts = ["police said Gary Holt met Mr Holt in Leeds", "the man Gary Holt left Leeds United"]
    >>> sorted(person_names(texts))
    ['gary', 'holt']
    """
    texts = list(texts)
    sample = texts
    if len(texts) > max_name_texts:  # the names that matter recur: an even sample finds them
        step = len(texts) / max_name_texts
        sample = [texts[int(i * step)] for i in range(max_name_texts)]
    person, other = person_name_counts(sample)
    return person_names_from_counts(person, other, proper_nouns(texts, min_count=min_count, max_texts=max_texts), min_count=min_count)
