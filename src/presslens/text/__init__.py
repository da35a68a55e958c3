"""Preparing news text, one job per module:

* :mod:`~presslens.text.cleaning`: removing news noise (HTML, mojibake, aggregator lines,
  repeated captions and bullets) and reporting what was removed (:func:`clean`);
* :mod:`~presslens.text.tokens`: sentences, word tokens, stop words and bigram phrases
  (:func:`sentences`, :func:`tokenize`, :func:`stop_words`, :class:`Phrases`);
* :mod:`~presslens.text.names`: proper nouns and the words that name people, kept out of
  the features when clustering kinds of coverage (:func:`proper_nouns`,
  :func:`person_names`).

Every public name is importable from here (``from presslens.text import clean``).
"""

from __future__ import annotations

from presslens.text.cleaning import (
    NOISE_KINDS,
    Cleaned,
    CleanResult,
    clean,
    clean_text,
    normalise_quotes,
)
from presslens.text.names import (
    ORGANISATION_WORDS,
    PERSON_TITLES,
    first_names,
    mid_sentence_word_counts,
    person_name_counts,
    person_names,
    person_names_from_counts,
    proper_nouns,
    proper_nouns_from_counts,
)
from presslens.text.tokens import (
    ABBREVIATIONS,
    CONTRACTIONS,
    NUMBER_OPTIONS,
    PSEUDONYM_PATTERN,
    TOKEN_PATTERN,
    Phrases,
    TokenRules,
    news_stop_words,
    raw_tokens,
    sentences,
    stop_words,
    strip_possessive,
    token_rules,
    tokenize,
)

__all__ = [
    "ABBREVIATIONS", "CONTRACTIONS", "NOISE_KINDS", "NUMBER_OPTIONS", "ORGANISATION_WORDS", "PERSON_TITLES", "PSEUDONYM_PATTERN",
    "TOKEN_PATTERN", "CleanResult", "Cleaned", "Phrases", "TokenRules", "clean", "clean_text", "first_names", "mid_sentence_word_counts",
    "news_stop_words", "normalise_quotes", "person_name_counts", "person_names", "person_names_from_counts", "proper_nouns",
    "proper_nouns_from_counts", "raw_tokens", "sentences", "stop_words", "strip_possessive", "token_rules", "tokenize",
]
