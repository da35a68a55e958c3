"""Sentences, word tokens, stop words and phrases for English news.

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

import math
import re
from collections import Counter
from collections.abc import Iterable
from functools import lru_cache
from importlib import resources

import pandas as pd
import yaml

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


def strip_possessive(token: str) -> str:
    """A token without its possessive ``'s`` (curly apostrophes made straight first).

    Example
    -------
    >>> strip_possessive("uk\u2019s"), strip_possessive("holt's"), strip_possessive("didn't")
    ('uk', 'holt', "didn't")
    """
    return _POSSESSIVE.sub("", token.replace("\u2019", "'"))


class TokenRules(dict):
    """The token rules 2-4 of :func:`tokenize` as a mapping: a token as the pattern found it
    -> the token kept (its possessive stripped), or ``""`` when the rules drop it.

    Each distinct token is judged once and remembered (news repeats its words, so the
    rules run once per word of the vocabulary, not once per occurrence); the memory is
    emptied when it holds ``max_size`` tokens.  Subclasses change :meth:`judge`.

    Example
    -------
    >>> rules = TokenRules("mixed", False)
    >>> [rules[t] for t in ("uk's", "2005", "3g", "i")]
    ['uk', '', '3g', '']
    """

    max_size = 500_000

    def __init__(self, numbers: str = "mixed", single_letters: bool = False):
        super().__init__()
        if numbers not in NUMBER_OPTIONS:
            raise ValueError(f"numbers must be one of {NUMBER_OPTIONS}, not {numbers!r}")
        self.numbers = numbers
        self.single_letters = single_letters

    def __missing__(self, token: str) -> str:
        if len(self) >= self.max_size:
            self.clear()
        kept = self[token] = self.judge(token)
        return kept

    def judge(self, token: str) -> str:
        """The rules themselves, for one token."""
        if "'" in token or "\u2019" in token:
            token = strip_possessive(token)
        if not token[0].isalpha() or any(ch.isdigit() for ch in token):
            if self.numbers == "none":
                return ""
            if self.numbers == "mixed" and not any(ch.isalpha() for ch in token):
                return ""
        elif len(token) == 1 and not self.single_letters:
            return ""
        return token

    def __reduce__(self):  # pickled empty: the memory is rebuilt on use
        return (type(self), (self.numbers, self.single_letters))


@lru_cache(maxsize=16)
def token_rules(numbers: str = "mixed", single_letters: bool = False) -> TokenRules:
    """The shared :class:`TokenRules` for one setting of ``numbers`` and ``single_letters``.

    Example
    -------
    >>> token_rules("all", True)["2005"]
    '2005'
    """
    return TokenRules(numbers, single_letters)


def raw_tokens(text: str, lowercase: bool = True) -> list[str]:
    """The tokens of :func:`tokenize` before its rules 2-5: pseudonyms removed, lower-cased
    (``lowercase=True``), the matches of :data:`TOKEN_PATTERN` (rule 1).

    Example
    -------
    >>> raw_tokens("Person Bakomirute met the UK's £1.13bn 3 G")
    ['met', 'the', "uk's", '£1.13bn', '3', 'g']
    """
    if "Person " in text:
        text = PSEUDONYM_PATTERN.sub(" ", text)
    return _TOKEN.findall(text.lower() if lowercase else text)


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
    tokens = list(filter(None, map(token_rules(numbers, bool(single_letters)).__getitem__, raw_tokens(text, lowercase))))
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
