"""Preparing news text: removing news noise, sentences, tokens, stop words, phrases.

``clean`` removes what databases, aggregators and scrapers add to articles without
touching what journalists wrote: HTML tags and entities, mojibake (repaired with ftfy),
aggregator lines (``Source: Read Full Article`` and the like, from the maintained list
in ``data/news_noise.yaml``), picture captions that repeat a body sentence, bullet
summaries that repeat the body, and paragraphs repeated verbatim.  Curly quotes and
whitespace are normalised.  It reports what it removed from every article, so nothing
vanishes unseen.

Sentences and tokens are split with regular expressions written for English news
(no model to download): a sentence ends at ``.``, ``?`` or ``!`` (optionally followed
by a closing quote) before a capital letter or an opening quote, except after common
abbreviations.  Bigram phrases are found by normalised pointwise mutual information
(Bouma 2009), as in gensim's ``Phrases`` with ``scoring="npmi"``; written here to avoid
a heavy dependency for one small function.

References: Bouma, G. (2009). Normalized (pointwise) mutual information in collocation
extraction. *Proceedings of GSCL*, 31-40.
"""

from __future__ import annotations

import html
import math
import re
from collections import Counter
from collections.abc import Iterable
from functools import lru_cache
from importlib import resources
from typing import NamedTuple

import pandas as pd
import yaml

NOISE_KINDS = ("html_tags", "html_entities", "mojibake", "aggregator_lines", "captions", "bullet_lines", "repeated_paragraphs")

_TAG = re.compile(r"</?[a-zA-Z][a-zA-Z0-9]*(\s[^<>]*)?/?>|<!--.*?-->", re.S)
_ENTITY = re.compile(r"&(#\d{1,7}|#x[0-9a-fA-F]{1,6}|[a-zA-Z][a-zA-Z0-9]{1,31});")
_MOJIBAKE_HINT = re.compile("[\u00c2\u00c3\u00e2][\u0080-\u00bf\u20ac\u2122\u0153\u201c\u201d\u2018\u2019\u00a2-\u00bf]")
_QUOTES = (("\u2018", "'"), ("\u2019", "'"), ("\u201a", "'"), ("\u201b", "'"), ("\u201c", '"'), ("\u201d", '"'), ("\u201e", '"'), ("\u00a0", " "), ("\u2009", " "), ("\u202f", " "))


def normalise_quotes(text: str) -> str:
    """Curly quotes to straight ones, non-breaking and thin spaces to plain spaces."""
    for old, new in _QUOTES:
        if old in text:  # str.replace is fast; str.translate with a dict is not
            text = text.replace(old, new)
    return text
_SPACES = re.compile(r"[ \t\f\v]+")
_PARAGRAPH_BREAK = re.compile(r"\n\s*\n")


def _caption_hint(paragraph: str) -> bool:
    low = paragraph.lower()
    return "pictur" in low or "photo" in low or "image" in low or "pic" in low


@lru_cache(maxsize=1)
def _noise_lists():
    data = yaml.safe_load(resources.files("presslens").joinpath("data", "news_noise.yaml").read_text(encoding="utf-8"))
    return data


@lru_cache(maxsize=8)
def _compiled(extra: tuple[str, ...] = ()):
    data = _noise_lists()
    aggregator = re.compile(r"^\s*(?:" + "|".join(list(data["aggregator_lines"]) + list(extra)) + r")\s*$", re.I)
    caption = [re.compile(p, re.I) for p in data["caption_markers"]]
    credit = re.compile(r"^\s*(?:" + "|".join(data["credit_only"]) + r")\s*$", re.I)
    bullet = re.compile(data["bullet_prefix"])
    return aggregator, caption, credit, bullet


def _key(text: str) -> str:
    """A comparison key for detecting repeats: lower case, letters and digits only."""
    return re.sub(r"[^a-z0-9]+", " ", text.lower()).strip()


class Cleaned(NamedTuple):
    """One cleaned text and the counts of what was removed from it."""

    text: str
    removed: dict


def clean_text(text: str, *, extra_patterns: Iterable[str] = ()) -> Cleaned:
    """Clean one article text; see :func:`clean`.

    Example
    -------
    >>> result = clean_text("Police said&nbsp;no.\\n\\nSource: Read Full Article")
    >>> result.text, result.removed["aggregator_lines"]
    ('Police said no.', 1)
    """
    removed = dict.fromkeys(NOISE_KINDS, 0)
    aggregator, caption_markers, credit, bullet = _compiled(tuple(extra_patterns))
    if "<" in text:
        text, n = _TAG.subn(" ", text)
        removed["html_tags"] = n
    if "&" in text:
        for _ in range(2):  # double-escaped entities (&amp;#8217;) need two passes
            found = len(_ENTITY.findall(text))
            if not found:
                break
            removed["html_entities"] += found
            text = html.unescape(text)
    if ("\u00e2" in text or "\u00c3" in text or "\u00c2" in text) and _MOJIBAKE_HINT.search(text):
        import ftfy

        fixed = ftfy.fix_encoding(text)
        if fixed != text:
            removed["mojibake"] = len(_MOJIBAKE_HINT.findall(text))
            text = fixed
    text = normalise_quotes(text)
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    if "  " in text or "\t" in text or "\f" in text or "\v" in text:
        text = _SPACES.sub(" ", text)
    paragraphs = [p.strip() for p in _PARAGRAPH_BREAK.split(text)]
    paragraphs = [p for p in paragraphs if p]

    kept: list[str] = []
    for paragraph in paragraphs:
        # aggregator lines are short; long paragraphs are never boilerplate
        if len(paragraph) < 300:
            lines = paragraph.split("\n")
            if aggregator.match(paragraph) or all(aggregator.match(line) for line in lines):
                removed["aggregator_lines"] += len(lines)
                continue
        kept.append(paragraph)

    def is_bullets(p):
        return bullet.match(p) is not None and all(bullet.match(line) for line in p.split("\n"))

    def caption_core(p):
        if "\n" in p or len(p) > 600 or not _caption_hint(p):
            return None
        for marker in caption_markers:
            if marker.search(p):
                return marker.sub("", p).strip()
        return None

    flags = [(is_bullets(p), caption_core(p)) for p in kept]
    body_keys = None
    if any(b or c is not None for b, c in flags):
        # the body against which bullets and captions are checked for repetition
        body_keys = " \n ".join(_key(p) for p, (b, c) in zip(kept, flags, strict=True) if not b and c is None)
    out: list[str] = []
    seen: set[str] = set()
    for paragraph, (bullets, core) in zip(kept, flags, strict=True):
        if bullets:
            lines = paragraph.split("\n")
            keep = [line for line in lines if not _key(bullet.sub("", line)) or _key(bullet.sub("", line)) not in body_keys]
            removed["bullet_lines"] += len(lines) - len(keep)
            if keep:
                out.append("\n".join(keep))
            continue
        if core is not None and (credit.match(paragraph) or (len(_key(core)) > 15 and _key(core) in body_keys)):
            removed["captions"] += 1
            continue
        if len(paragraph) > 20:
            if paragraph in seen:
                removed["repeated_paragraphs"] += 1
                continue
            seen.add(paragraph)
        out.append(paragraph)
    return Cleaned("\n\n".join(out), removed)


class CleanResult(NamedTuple):
    """What :func:`clean` returns: the cleaned corpus and a table of removals per article."""

    corpus: pd.DataFrame
    removed: pd.DataFrame


def clean(corpus: pd.DataFrame, *, text: str = "text", extra_patterns: Iterable[str] = (), progress: bool | None = None) -> CleanResult:
    """Remove news noise from every article; report what was removed from each.

    Parameters
    ----------
    corpus : DataFrame
        A corpus table.
    text : str
        The text column.
    extra_patterns : iterable of str
        More aggregator-line patterns (regular expressions matched against whole
        paragraphs, case-insensitively).

    Returns
    -------
    CleanResult
        ``(corpus, removed)``: a copy of the corpus with the text cleaned (and the
        headline's entities, mojibake and quotes normalised), and a table
        with ``doc_id``, one count column per kind of noise (``html_tags``,
        ``html_entities``, ``mojibake``, ``aggregator_lines``, ``captions``,
        ``bullet_lines``, ``repeated_paragraphs``) and ``chars_before`` /
        ``chars_after``.

    Example
    -------
    >>> cleaned, removed = clean(corpus)      # doctest: +SKIP
    >>> removed[["captions", "aggregator_lines"]].sum()   # doctest: +SKIP
    """
    from presslens._progress import progress_bar

    extra = tuple(extra_patterns)
    texts, rows = [], []
    bar = progress_bar(total=len(corpus), desc="cleaning", unit="article", enabled=progress)
    for value in corpus[text]:
        result = clean_text(value, extra_patterns=extra)
        texts.append(result.text)
        rows.append({**result.removed, "chars_before": len(value), "chars_after": len(result.text)})
        bar.update(1)
    bar.close()
    out = corpus.copy()
    out[text] = texts
    if "headline" in out and text != "headline":
        # headlines carry the same entities, mojibake and curly quotes
        out["headline"] = [clean_text(h).text if isinstance(h, str) else h for h in out["headline"]]
    removed = pd.DataFrame(rows, index=corpus.index)
    removed.insert(0, "doc_id", corpus["doc_id"].to_numpy() if "doc_id" in corpus else corpus.index.to_numpy())
    return CleanResult(out, removed.reset_index(drop=True))


# --------------------------------------------------------------------------- sentences and tokens

ABBREVIATIONS = ("mr", "mrs", "ms", "dr", "prof", "rev", "st", "sgt", "insp", "det", "supt", "ch", "gen", "col", "lt", "capt", "vs", "etc", "e.g", "i.e", "approx", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec")
_SENTENCE_END = re.compile(r"""([.?!]["')\]]*)\s+(?=["'(\[]?[A-Z0-9£])""")


def sentences(text: str) -> list[str]:
    """Split a text into sentences (paragraph breaks always end a sentence).

    Example
    -------
    >>> sentences('Det Insp Holt said: "It is over." Mr Smith, 47, was jailed.')
    ['Det Insp Holt said: "It is over."', 'Mr Smith, 47, was jailed.']
    """
    out: list[str] = []
    for paragraph in re.split(r"\n\s*\n", text):
        paragraph = " ".join(paragraph.split())
        start = 0
        for match in _SENTENCE_END.finditer(paragraph):
            before = paragraph[start : match.start(1)]
            last_word = before.rsplit(None, 1)[-1].lower().rstrip(".") if before.strip() else ""
            if match.group(1).startswith(".") and (last_word in ABBREVIATIONS or (len(last_word) == 1 and last_word.isalpha())):
                continue
            out.append(paragraph[start : match.end(1)].strip())
            start = match.end()
        tail = paragraph[start:].strip()
        if tail:
            out.append(tail)
    return out


TOKEN_PATTERN = r"(?u)[£$€]?[^\W_]+(?:['\u2019-][^\W_]+|(?<=\d)[.,]\d[^\W_]*|(?<=\b[^\W\d_])\.[^\W\d_]\b)*"
_TOKEN = re.compile(TOKEN_PATTERN)
_POSSESSIVE = re.compile(r"['\u2019]s$")
NUMBER_OPTIONS = ("none", "mixed", "all")


# the pseudonyms presslens.privacy writes ("Person Bakomirute": "Person" and five to twenty
# consonant-vowel syllables): never tokens of a vocabulary
PSEUDONYM_PATTERN = re.compile(r"\bPerson (?:[BDFGKLMNPRSTVZ][aeiou])(?:[bdfgklmnprstvz][aeiou]){4,19}\b")

def tokenize(text: str, *, lowercase: bool = True, stop_words: Iterable[str] | None = None, numbers: str = "mixed",
             single_letters: bool = False) -> list[str]:
    """Word tokens for English news.

    The rules, in order:

    1. a token is a run of letters and digits, joined by inner apostrophes and hyphens
       (``didn't``, ``child-safety``), by a decimal point or thousands comma between
       digits (``1.13bn``, ``1,200``) or by the full stops of an abbreviation of single
       letters (``u.s``), optionally after a currency sign (``£1.13bn``);
    2. a possessive ``'s`` is stripped (``uk's`` -> ``uk``; ``hunters'`` -> ``hunters``);
    3. number-bearing tokens follow ``numbers``: ``"mixed"`` (default) keeps tokens with
       letters and digits (``3g``, ``£1.13bn``, ``g20``) and drops bare numbers
       (``2005``, ``47``, ``1,200``); ``"all"`` keeps bare numbers too; ``"none"`` drops
       every token with a digit;
    4. single letters (``i``, ``s``, ``p``) are dropped unless ``single_letters=True``;
    5. stop words, if given, are removed.

    Pseudonyms written by :mod:`presslens.privacy` (``Person Bakomirute``) are removed first,
    so they never enter a keyness, Fightin' Words, topic or cluster vocabulary.

    Parameters
    ----------
    text : str
        The text.
    lowercase : bool
        Lower-case first.
    stop_words : iterable of str, optional
        Tokens to drop (compared after the rules above).
    numbers : {"mixed", "all", "none"}
        What to do with tokens that contain digits.
    single_letters : bool
        Keep one-letter tokens.

    Example
    -------
    >>> tokenize("The UK's hunters' group didn't stop 3 stings, a £1.13bn 3G deal in 2005.")
    ['the', 'uk', 'hunters', 'group', "didn't", 'stop', 'stings', '£1.13bn', '3g', 'deal', 'in']
    >>> tokenize("In 2005 I said 3G", numbers="all", single_letters=True)
    ['in', '2005', 'i', 'said', '3g']
    >>> tokenize("Person Bakomirute, 34, was charged, police said.")
    ['was', 'charged', 'police', 'said']
    """
    if numbers not in NUMBER_OPTIONS:
        raise ValueError(f"numbers must be one of {NUMBER_OPTIONS}, not {numbers!r}")
    if "Person " in text:
        text = PSEUDONYM_PATTERN.sub(" ", text)
    if lowercase:
        text = text.lower()
    tokens = []
    for token in _TOKEN.findall(text):
        if "'" in token or "\u2019" in token:
            token = _POSSESSIVE.sub("", token.replace("\u2019", "'"))
        if not token[0].isalpha() or any(ch.isdigit() for ch in token):
            if numbers == "none":
                continue
            if numbers == "mixed" and not any(ch.isalpha() for ch in token):
                continue
        elif len(token) == 1 and not single_letters:
            continue
        tokens.append(token)
    if stop_words is not None:
        stop = stop_words if isinstance(stop_words, set | frozenset) else set(stop_words)
        tokens = [t for t in tokens if t not in stop]
    return tokens


@lru_cache(maxsize=1)
def news_stop_words() -> frozenset[str]:
    """News stop words (reporting verbs, titles, weekdays, time words, aggregator words)."""
    data = yaml.safe_load(resources.files("presslens").joinpath("data", "stopwords_news.yaml").read_text(encoding="utf-8"))
    return frozenset(w.lower() for key, words in data.items() if key != "version" for w in words)


CONTRACTIONS = frozenset(
    "i'm i'd i'll i've you're you'd you'll you've he'd he'll she'd she'll it'd it'll we're we'd we'll we've they're they'd they'll "
    "they've that'd that'll there'd there'll there're who'd who'll who're what're don't doesn't didn't can't cannot couldn't won't "
    "wouldn't shouldn't isn't aren't wasn't weren't hasn't haven't hadn't mustn't needn't mightn't shan't let's ain't y'all e.g i.e "
    "etc".split())


def stop_words(corpus: pd.DataFrame | None = None, *, english: bool = True, news: bool = True, outlets: bool = True, extra: Iterable[str] = ()) -> frozenset[str]:
    """English stop words (scikit-learn's list and contractions such as ``didn't``), plus
    news stop words and outlet names.

    With ``outlets=True`` and a corpus, the words of the corpus's outlet names (``daily``,
    ``blaze``, ...) are stop words too, so that an outlet cannot be recognised by its own
    name in its text (``told the Daily Blaze``).

    Example
    -------
    >>> words = stop_words(pd.DataFrame({"outlet": ["The Daily Blaze"]}))
    >>> sorted(w for w in ("blaze", "didn't", "police", "she", "said") if w in words)
    ['blaze', "didn't", 'said', 'she']
    """
    from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS

    words = set(ENGLISH_STOP_WORDS) | CONTRACTIONS if english else set()
    if news:
        words |= news_stop_words()
    if outlets and corpus is not None and "outlet" in corpus:
        for name in corpus["outlet"].dropna().unique():
            words.update(tokenize(str(name)))
    words.update(w.lower() for w in extra)
    return frozenset(words)


_MID_SENTENCE_WORD = re.compile(r"(?<=[a-z0-9,;:] )([A-Za-z][a-z'\u2019-]+)")


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
        (capitalised if word[0].isupper() else lower)[_POSSESSIVE.sub("", word.lower().replace("\u2019", "'"))] += n
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
    from gender_guesser.detector import Detector

    return frozenset(name.lower() for name in Detector().names)


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
    for text in texts:
        for match in _CAPITALISED_RUN.finditer(text):
            words = [_POSSESSIVE.sub("", w.rstrip(".").lower().replace("\u2019", "'")) for w in match.group().split()]
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
                person.update(rest)
            elif len(rest) >= 2:
                other.update(rest)
            elif rest[0] in names:
                other[rest[0]] += 1  # a given name alone (Alberta, April, Jordan) is as likely a place or a month
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


class Phrases:
    """Bigram phrases found by normalised PMI, joined with ``_`` (``crown_court``).

    A bigram becomes a phrase when it occurs at least ``min_count`` times and its NPMI is
    at least ``threshold`` (NPMI ranges from -1 to 1).  Stop words never start or end a
    phrase.  ``fit`` on token lists, ``transform`` token lists.

    Example
    -------
    >>> docs = [["crown", "court", "heard"], ["at", "crown", "court"], ["crown", "court"]]
    >>> Phrases(min_count=2, threshold=0.5).fit(docs).transform([["the", "crown", "court"]])
    [['the', 'crown_court']]
    """

    def __init__(self, min_count: int = 5, threshold: float = 0.5, stop_words: Iterable[str] = ()):
        self.min_count = min_count
        self.threshold = threshold
        self.stop_words = frozenset(stop_words)
        self.phrases_: dict[tuple[str, str], float] = {}

    def fit(self, documents: Iterable[list[str]]):
        unigrams: Counter = Counter()
        bigrams: Counter = Counter()
        for tokens in documents:
            unigrams.update(tokens)
            bigrams.update(zip(tokens, tokens[1:], strict=False))
        total = sum(unigrams.values()) or 1
        self.phrases_ = {}
        for (a, b), count in bigrams.items():
            if count < self.min_count or a in self.stop_words or b in self.stop_words:
                continue
            p_ab = count / total
            npmi = math.log(p_ab / ((unigrams[a] / total) * (unigrams[b] / total))) / -math.log(p_ab)
            if npmi >= self.threshold:
                self.phrases_[(a, b)] = npmi
        return self

    def transform(self, documents: Iterable[list[str]]) -> list[list[str]]:
        return [self.join(tokens) for tokens in documents]

    def join(self, tokens: list[str]) -> list[str]:
        out, i = [], 0
        while i < len(tokens):
            if i + 1 < len(tokens) and (tokens[i], tokens[i + 1]) in self.phrases_:
                out.append(f"{tokens[i]}_{tokens[i + 1]}")
                i += 2
            else:
                out.append(tokens[i])
                i += 1
        return out

    def table(self) -> pd.DataFrame:
        """The phrases found, strongest first."""
        rows = [{"phrase": f"{a} {b}", "npmi": round(score, 4)} for (a, b), score in self.phrases_.items()]
        return pd.DataFrame(rows, columns=["phrase", "npmi"]).sort_values(["npmi", "phrase"], ascending=[False, True]).reset_index(drop=True)
