"""Numeric claims: extracting statistics in context, and following them across outlets.

``parse_number`` reads number phrases as newspapers write them: digits with separators
(``300,000``), decimals with scale words (``1.2 million``), numbers in words (``nearly
nine thousand``, ``a quarter of a million``), fractions and proportions (``more than
half``, ``two in five``), percentages (``38 per cent``, ``38%``), money (``£4.7
million``, ``£500,000``, ``£3bn``), fold changes (``five-fold``), ranges (``between 200
and 300`` -> the midpoint, with low and high kept) and approximations (``nearly``,
``more than``, ``around``, ``up to``).

``extract_claims`` finds, in each sentence that reads as a statistic (a figure with a
source or a statistical cue, not an age, a date or a sentence length), the value, its
unit, the qualifier, the year it refers to, the thing counted and the source it is
attributed to (``figures from X show``, ``according to X``, ``X said``, ``data published
by X``).  ``track_claims`` groups mentions of the same statistic across articles (same
unit, value within a tolerance or the same thing counted, similar context), orders them
in time and flags how each later mention differs from the first: value changed beyond
rounding, rounded, year changed, source changed, unattributed.

Written here: no maintained library parses British news number phrases with their
qualifiers and sources.  Claim tracking follows work on "churnalism" and the life of
statistics in the press (Davies 2008; Lewis, Williams & Franklin 2008).
"""

from __future__ import annotations

import re

import numpy as np
import pandas as pd

UNITS_WORDS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10,
    "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
}
SCALES = {"hundred": 100, "thousand": 1_000, "million": 1_000_000, "m": 1_000_000, "mn": 1_000_000, "billion": 1_000_000_000, "bn": 1_000_000_000, "k": 1_000}
FRACTIONS = {"half": 0.5, "a half": 0.5, "a third": 1 / 3, "one third": 1 / 3, "two thirds": 2 / 3, "two-thirds": 2 / 3, "a quarter": 0.25, "one quarter": 0.25,
             "three quarters": 0.75, "three-quarters": 0.75, "a fifth": 0.2, "one fifth": 0.2, "a tenth": 0.1, "one in ten": 0.1}
QUALIFIERS = {
    "nearly": "approximately-below", "almost": "approximately-below", "just under": "below", "under": "below", "fewer than": "below", "less than": "below",
    "up to": "at most", "more than": "above", "over": "above", "at least": "at least", "just over": "above", "some": "approximately", "about": "approximately",
    "around": "approximately", "roughly": "approximately", "approximately": "approximately", "an estimated": "approximately", "estimated": "approximately",
    "in excess of": "above", "well over": "above",
}
_QUALIFIER = r"(?:" + "|".join(sorted(map(re.escape, QUALIFIERS), key=len, reverse=True)) + r")"
_WORD_NUMBER = r"(?:(?:" + "|".join(sorted(UNITS_WORDS, key=len, reverse=True)) + r")(?:[- ](?:" + "|".join(sorted(UNITS_WORDS, key=len, reverse=True)) + r"))?)"
_SCALE = r"(?:hundred|thousand|million|billion|bn|mn|m|k)"
_DIGITS = r"(?:\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)"
_NUMBER = rf"(?:£|\$|€)?\s?(?:{_DIGITS}|an?\s(?=(?:hundred|thousand|million|billion)\b)|\b{_WORD_NUMBER}\b(?:\s(?:and\s)?(?:{_WORD_NUMBER}|hundred|thousand|million|billion)\b)*)(?:\s?(?:{_SCALE})\b)?(?:\s(?:and\s)?(?:a\s)?(?:half|quarter)\b)?(?:\s(?:{_SCALE})\b)?"
_FRACTION_OF_SCALE = r"(?:half|a quarter of|three quarters of|a third of) an? (?:million|billion)"
_NUMBER_PHRASE = re.compile(
    rf"(?<![\w.,£$€-])(?P<qualifier>{_QUALIFIER}\s)?(?:between\s(?P<low>{_NUMBER})\s(?:and|to)\s(?P<high>{_NUMBER})|(?P<low2>{_NUMBER})\s?(?:-|–|to)\s?(?P<high2>{_NUMBER})(?=\s?(?:per\s?cent|%|people|cases|offences|reports))"
    rf"|(?P<foldword>(?:{_WORD_NUMBER}|\d+)-?fold)\b|(?P<fracscale>{_FRACTION_OF_SCALE})|(?P<fraction>{'|'.join(sorted(map(re.escape, FRACTIONS), key=len, reverse=True))})|(?P<ratio>{_WORD_NUMBER}|\d+) in (?P<ratio_of>{_WORD_NUMBER}|\d+)|(?P<number>{_NUMBER}))"
    rf"(?P<suffix>\s?(?:per\s?cent|percent|%)|-?fold)?",
    re.IGNORECASE,
)


def _word_value(text: str) -> float | None:
    text = text.lower().strip()
    total, current = 0.0, 0.0
    for part in re.split(r"[\s-]+", text):
        if part in ("and", ""):
            continue
        if part in UNITS_WORDS:
            current += UNITS_WORDS[part]
        elif part in SCALES:
            current = (current or 1) * SCALES[part]
            if SCALES[part] >= 1000:
                total += current
                current = 0.0
        elif part in ("half",):
            current += 0.5
        elif part in ("quarter",):
            current += 0.25
        else:
            return None
    return total + current


def _number_value(text: str) -> tuple[float | None, str]:
    """Value and unit hint of one number (no qualifier): '£4.7 million' -> (4700000, 'money')."""
    raw = text.strip()
    unit = "money" if raw[:1] in "£$€" else ""
    raw = raw.lstrip("£$€ ").lower()
    match = re.match(rf"^({_DIGITS})\s?(.*)$", raw)
    article = re.match(r"^an?\s+(.*)$", raw)
    words = re.match(rf"^({_WORD_NUMBER})\s?(.*)$", raw)
    if match:
        value, rest = float(match.group(1).replace(",", "")), match.group(2).strip()
    elif article:
        value, rest = 1.0, article.group(1)
    elif words:
        whole = _word_value(raw)  # "two thousand five hundred": the whole phrase in words
        if whole is not None:
            return whole, unit
        value, rest = _word_value(words.group(1)), words.group(2).strip()
        if value is None:
            return None, unit
    else:
        return None, unit
    extra = 0.0
    for part in rest.split():
        if part in ("and", "a"):
            continue
        if part == "half":
            extra = 0.5
        elif part == "quarter":
            extra = 0.25
        elif part in SCALES:
            value = (value + extra) * SCALES[part]
            extra = 0.0
    return value + extra, unit


def parse_number(phrase: str) -> dict | None:
    """Parse one number phrase.

    Returns ``value``, ``unit`` (``count``, ``percent``, ``money``, ``fold``,
    ``proportion``), ``qualifier`` (e.g. ``approximately-below`` for *nearly*), and for
    ranges ``low`` and ``high`` (``value`` is the midpoint); ``None`` if it is not a number.

    Example
    -------
    >>> parse_number("nearly nine thousand")["value"], parse_number("38 per cent")["unit"]
    (9000.0, 'percent')
    """
    match = _NUMBER_PHRASE.fullmatch(phrase.strip())
    if not match:
        return None
    return _from_match(match)


def _from_match(match: re.Match) -> dict | None:
    qualifier = QUALIFIERS.get((match.group("qualifier") or "").strip().lower(), "")
    suffix = (match.group("suffix") or "").strip().lower().replace(" ", "")
    unit, low, high = "count", None, None
    if match.group("foldword"):
        number = re.sub(r"-?fold$", "", match.group("foldword").lower())
        value = float(number) if number.isdigit() else _word_value(number)
        if value is None:
            return None
        return {"value": float(value), "unit": "fold", "qualifier": qualifier, "low": None, "high": None, "text": match.group(0).strip()}
    if match.group("fracscale"):
        words = match.group("fracscale").lower()
        part = 0.5 if words.startswith("half") else 0.25 if words.startswith("a quarter") else 0.75 if words.startswith("three") else 1 / 3
        value, unit = part * (1e9 if words.endswith("billion") else 1e6), "count"
    elif match.group("fraction"):
        value, unit = FRACTIONS[match.group("fraction").lower()], "proportion"
    elif match.group("ratio"):
        a = _word_value(match.group("ratio")) if not match.group("ratio").isdigit() else float(match.group("ratio"))
        b = _word_value(match.group("ratio_of")) if not match.group("ratio_of").isdigit() else float(match.group("ratio_of"))
        if not a or not b:
            return None
        value, unit = a / b, "proportion"
    elif match.group("low") or match.group("low2"):
        low, hint_low = _number_value(match.group("low") or match.group("low2"))
        high, hint_high = _number_value(match.group("high") or match.group("high2"))
        if low is None or high is None:
            return None
        value = (low + high) / 2
        unit = "money" if "money" in (hint_low, hint_high) else "count"
    else:
        value, hint = _number_value(match.group("number"))
        if value is None:
            return None
        unit = hint or "count"
    if suffix in ("percent", "%"):
        unit = "percent"
    elif suffix.endswith("fold"):
        unit = "fold"
    return {"value": float(value), "unit": unit, "qualifier": qualifier, "low": low, "high": high, "text": match.group(0).strip()}


# --------------------------------------------------------------------------- claims in text

_STAT_CUES = re.compile(r"\b(figures?|statistics|data|recorded|reports?|reported|surveys?|research|study|estimates?|estimated|rise|rose|increase|fell|"
                        r"fall|per cent|percent|proportion|rate|pledged|announced|set aside|committed|funding|fines?|logged|revealed|show|showed|found|"
                        r"offences|referrals|arrests|cases|accounts|calls|devices|images)\b", re.IGNORECASE)
_NOT_A_STATISTIC = re.compile(r"^(?:\d{1,2}\s?(?:years?|months?|weeks?|days?|hours?|minutes?|miles?|am|pm|a\.m\.|p\.m\.)\b|(?:19|20)\d\d\b)", re.IGNORECASE)
_SOURCE_PATTERNS = [
    re.compile(r"(?:[Ff]igures|[Dd]ata|[Ss]tatistics|[Rr]esearch|[Aa] report|[Aa] survey|[Aa]nalysis)\s+(?:from|by|published by|compiled by|released by)\s+(?P<source>(?:the\s+)?[A-Z][\w'&-]*(?:\s+(?:[A-Z][\w'&-]*|for|of|and|on|the))*)"),
    re.compile(r"[Aa]ccording to\s+(?P<source>(?:the\s+)?[A-Z][\w'&-]*(?:\s+(?:[A-Z][\w'&-]*|for|of|and|on|the))*)"),
    re.compile(r"(?:[Ss]tatistics|[Dd]ata|[Ff]igures)\s+(?:compiled|published|released)\s+by\s+(?P<source>(?:the\s+)?[A-Z][\w'&-]*(?:\s+(?:[A-Z][\w'&-]*|for|of|and|on|the))*)"),
    re.compile(r"(?:^|[.;]\s+|,\s+)(?P<source>(?:[Tt]he\s+)?[A-Z][\w'&-]*(?:\s+(?:[A-Z][\w'&-]*|for|of|and|on))*)\s+(?:said|says|recorded|reported|announced|revealed|found|estimated|published|logged)\b"),
    re.compile(r"^(?P<source>(?:[Tt]he\s+)?[A-Z][\w'&-]*(?:\s+(?:[A-Z][\w'&-]*|for|of|and|on))*)\s+(?:said|recorded|reported|announced|revealed|found|estimated|published|set aside|pledged)\b"),
    re.compile(r"[Ii]n \d{4},\s+(?P<source>(?:the\s+)?[A-Z][\w'&-]*(?:\s+(?:[A-Z][\w'&-]*|for|of|and|on))*)\s+(?:set aside|pledged|announced|committed)"),
]
_YEAR = re.compile(r"\b(?:in|during|for|by|of|since)\s+((?:19|20)\d\d)\b|\b((?:19|20)\d\d)\b")
_NOT_SOURCES = {"There", "The", "Some", "In", "Figures", "Data", "Statistics", "Reports", "According", "It", "This", "That"}


def _source(sentence: str) -> str:
    for pattern in _SOURCE_PATTERNS:
        match = pattern.search(sentence)
        if match:
            source = match.group("source").strip()
            source = re.sub(r"\s+(?:and|of|for|on|the)$", "", source)
            first = source.split()[0]
            if first in _NOT_SOURCES and len(source.split()) == 1:
                continue
            if re.match(r"^(?:In|During|By|Since|For)\b", source):
                continue
            return source[:1].lower() + source[1:] if source.lower().startswith("the ") else source
    return ""


_CLAUSE_END = re.compile(r"\s(?:in|during|by|according|after|before|when|while|because|but|since|which|who|whereas)\s|[,.;:!?()\[\]\"“”—–]|\s-\s")
_DANGLING = {"a", "an", "the", "of", "and", "or", "to", "for", "with", "on", "at", "from", "its", "their", "his", "her", "that", "than"}


def claim_object(after: str, *, max_words: int = 12) -> str:
    """What a figure measures: the whole noun phrase or clause that follows it, up to the
    clause's end, or ``""`` when what follows is not one (a bracket, a possessive ``'s``,
    a lone letter).  Never cut inside a word or phrase; a phrase longer than ``max_words``
    words is given up to its first preposition or conjunction, else ``""``.

    Parameters
    ----------
    after : str
        The sentence from the end of the figure on.
    max_words : int
        The longest phrase returned.

    Examples
    --------
    >>> claim_object(" reports of online grooming in 2022, police said.")
    'reports of online grooming'
    >>> claim_object(" was pledged to new investigators.")
    'to new investigators'
    >>> claim_object("), Pennsylvania (78 percent) and Ohio.")
    ''
    >>> claim_object("'s share of the vote")
    ''
    >>> claim_object(" percent of voters and the")
    'percent of voters'
    """
    what = re.sub(r"^[\s,]+", "", after)
    what = re.sub(r"^(?:was|were|is|are|has been|have been)\s+(?:committed|set aside|pledged|promised|announced|recorded|logged)\s+", "", what)
    if not re.match(r"[A-Za-z]{2}|[Aa]\s", what):  # a bracket, a quote, a possessive remnant or a lone letter: no phrase here
        return ""
    match = _CLAUSE_END.search(" " + what + " ")
    phrase = (" " + what + " ")[: match.start()] if match else what
    words = phrase.split()
    while words and words[-1].lower() in _DANGLING:
        words.pop()
    if len(words) > max_words:
        cut = next((i for i, w in enumerate(words) if i >= 2 and w.lower() in {"of", "for", "on", "at", "with", "and", "or", "to"}), None)
        words = words[:cut] if cut else []
        while words and words[-1].lower() in _DANGLING:
            words.pop()
    return " ".join(words)


def claims_in_text(text: str) -> list[dict]:
    """The numeric claims of one text (see :func:`extract_claims`)."""
    from presslens.text import sentences

    found = []
    position = 0
    for sentence in sentences(text):
        start = text.find(sentence[:40], position)
        start = start if start >= 0 else position
        position = start
        if not _STAT_CUES.search(sentence) and "%" not in sentence:
            continue
        # the year a figure refers to: not "since 2013" (a baseline); the last one named
        years = [int(m.group(1) or m.group(2)) for m in _YEAR.finditer(sentence) if not re.search(r"\b(?:since|from)\s+$", sentence[: m.start(2) if m.group(2) else m.start(1)])]
        for match in _NUMBER_PHRASE.finditer(sentence):
            phrase = match.group(0).strip()
            if not re.search(r"\d|" + "|".join(UNITS_WORDS) + "|half|third|quarter|fifth|tenth", phrase, re.IGNORECASE):
                continue
            tail = sentence[match.end() : match.end() + 12]
            if _NOT_A_STATISTIC.match(phrase + tail) or re.fullmatch(r"(?:19|20)\d\d", phrase):
                continue
            if re.match(r"^\s?(?:years?|months?|weeks?|days?|hours?|minutes?|-year-old|year-old|miles?|metres?|meters?|km|kilometres?|feet|yards|mph)\b", tail, re.IGNORECASE):
                continue
            if re.search(r"\b(?:call|dial|ring|phone)(?: us)?(?: on)?\s*$", sentence[: match.start()], re.IGNORECASE):
                continue  # a telephone number
            if match.start() > 0 and sentence[max(0, match.start() - 2) : match.start()].strip() in (",",) and re.match(r"^\s?,", tail):
                continue  # an age between commas: "Jo Smith, 47, said"
            parsed = _from_match(match)
            if parsed is None or parsed["unit"] == "count" and parsed["value"] < 20 and not match.group("suffix"):
                continue  # small counts ("two men", "seven years") are not statistics
            what = claim_object(sentence[match.end() :])
            year = next((y for y in reversed(years) if str(y) not in phrase), None)
            found.append({
                "start": start, "end": start + len(sentence), "sentence": sentence, "value_start": start + match.start() + (len(match.group(0)) - len(match.group(0).lstrip())),
                "value_end": start + match.end(), "value_text": phrase, "value": parsed["value"], "unit": parsed["unit"], "qualifier": parsed["qualifier"],
                "low": parsed["low"], "high": parsed["high"], "year": year, "what": what, "source": _source(sentence),
            })
    return found


def extract_claims(corpus: pd.DataFrame, *, text: str = "text", progress: bool | None = None) -> pd.DataFrame:
    """Numeric claims in context, one row per figure.

    Returns ``doc_id``, ``start`` / ``end`` (the sentence), ``value_start`` /
    ``value_end`` (the figure), ``value_text``, ``value``, ``unit``, ``qualifier``,
    ``low`` / ``high`` (ranges), ``year`` (the year the figure refers to, if given),
    ``what`` (the words after the figure: the thing counted), ``source`` (the body it is
    attributed to, empty when unattributed) and ``sentence``.

    Example
    -------
    >>> import pandas as pd
    >>> corpus = pd.DataFrame({"doc_id": ["a"], "text": [
    ...     "Police recorded 1,234 online grooming offences in 2022, according to the NSPCC."]})
    >>> extract_claims(corpus)[["value_text", "value", "unit", "year", "what", "source"]]
      value_text   value   unit  year                      what     source
    0      1,234  1234.0  count  2022  online grooming offences  the NSPCC
    """
    from presslens._progress import progress_bar

    rows = []
    bar = progress_bar(total=len(corpus), desc="claims", unit="article", enabled=progress)
    for doc_id, value in corpus[["doc_id", text]].itertuples(index=False, name=None):
        for claim in claims_in_text(value):
            rows.append({"doc_id": doc_id, **claim})
        bar.update(1)
    bar.close()
    columns = ["doc_id", "start", "end", "value_start", "value_end", "value_text", "value", "unit", "qualifier", "low", "high", "year", "what", "source", "sentence"]
    return pd.DataFrame(rows, columns=columns)


# --------------------------------------------------------------------------- tracking

def _rounds_to(value: float, reference: float) -> bool:
    """Whether ``value`` is ``reference`` rounded (to a leading digit or two)."""
    if reference == 0:
        return value == 0
    for digits in (1, 2):
        magnitude = 10 ** (np.floor(np.log10(abs(reference))) - digits + 1)
        if abs(round(reference / magnitude) * magnitude - value) < 1e-9 * max(1, abs(value)):
            return True
    return abs(value - reference) / abs(reference) <= 0.05


def track_claims(claims: pd.DataFrame, corpus: pd.DataFrame, *, similarity: float = 0.5, tolerance: float = 0.1) -> pd.DataFrame:
    """Group mentions of the same statistic and flag how each differs from the first.

    Mentions are read in time order.  A mention joins the earlier statistic whose unit is
    the same, whose context is similar (cosine of TF-IDF vectors of the sentence without
    its figures, years and source, at least ``similarity``) and which agrees on at least
    two of value (rounding, or within ``tolerance``), year and source, preferring value,
    then year, then source agreement; otherwise it starts a new statistic.  So a figure
    given the wrong year, changed in value or credited to another body still joins its
    statistic by its other two attributes, while two different figures that happen to
    share one attribute stay apart.
    The first mention of a group is the reference.

    Adds ``claim`` (group id, the first mention's row), ``order``, ``first_doc_id`` and
    ``mutation``: ``none``, ``rounded`` (a rounded or approximated form of the reference
    value), ``value_changed`` (beyond rounding), ``year_changed``, ``source_changed``,
    ``unattributed`` (the first that applies, in this order of severity: value, year,
    source, attribution, rounding).
    """
    from sklearn.feature_extraction.text import TfidfVectorizer

    if claims.empty:
        return claims.assign(claim=[], order=[], first_doc_id=[], mutation=[])
    # same-day mentions keep the corpus's order (not the order of their ids), so the result
    # depends on the articles, not on how an export happened to name them
    positions = corpus[["doc_id", "published"]].assign(_position=np.arange(len(corpus)))
    table = (claims.merge(positions, on="doc_id").sort_values(["published", "_position", "value_start"], kind="stable")
             .drop(columns="_position").reset_index(drop=True))

    def context(row) -> str:
        # the sentence without the figure, years and source: what is being counted
        text = row.sentence.replace(row.value_text, " ")
        if row.source:
            text = text.replace(row.source, " ")
        return re.sub(r"\b(?:19|20)\d\d\b|\d[\d,.]*", " ", text) + " " + row.unit

    vectors = TfidfVectorizer(stop_words="english", sublinear_tf=True).fit_transform([context(r) for r in table.itertuples()])
    similar = (vectors @ vectors.T).toarray()
    heads: list[int] = []
    group = np.full(len(table), -1)
    for j in range(len(table)):
        best, best_score = None, 0.0
        for i in heads:
            if table.at[i, "unit"] != table.at[j, "unit"] or similar[i, j] < similarity:
                continue
            reference, value = table.at[i, "value"], table.at[j, "value"]
            value_match = int(bool(_rounds_to(value, reference) or abs(value - reference) <= tolerance * abs(reference)))
            year_match = int(bool(pd.notna(table.at[i, "year"]) and table.at[i, "year"] == table.at[j, "year"]))
            source_match = int(bool(table.at[j, "source"]) and str(table.at[j, "source"]).lower() == str(table.at[i, "source"]).lower())
            if value_match + year_match + source_match < 2:
                continue  # a repeated statistic keeps at least two of value, year and source
            score = 2.0 * value_match + 1.5 * year_match + 0.5 * source_match + similar[i, j]
            if score > best_score:
                best, best_score = i, score
        if best is None:
            heads.append(j)
            group[j] = j
        else:
            group[j] = best
    table["claim"] = group
    table["order"] = table.groupby("claim").cumcount()
    first = table.groupby("claim").head(1).set_index("claim")
    mutations = []
    for row in table.itertuples():
        ref = first.loc[row.claim]
        if row.order == 0:
            mutations.append("none")
        elif not _rounds_to(row.value, ref["value"]) and abs(row.value - ref["value"]) > 1e-9 * max(1, abs(ref["value"])):
            mutations.append("value_changed")
        elif pd.notna(row.year) and pd.notna(ref["year"]) and row.year != ref["year"]:
            mutations.append("year_changed")
        elif row.source and ref["source"] and row.source.lower() != ref["source"].lower():
            mutations.append("source_changed")
        elif not row.source and ref["source"]:
            mutations.append("unattributed")
        elif row.value != ref["value"] or (row.qualifier and not ref["qualifier"]):
            mutations.append("rounded")
        else:
            mutations.append("none")
    table["mutation"] = mutations
    table["first_doc_id"] = table["claim"].map(first["doc_id"])
    return table.drop(columns="published")
