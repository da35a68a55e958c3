"""Direct quotations, their speakers, and the speakers' roles: who gets to speak.

``extract_quotes`` finds direct quotations marked with straight or curly double quotes,
including a quotation that runs over paragraphs (a paragraph that opens a quote and does
not close it, continued by a paragraph that opens with a quote mark), and its
attribution: after the quote (``"...," said X``, ``"...," X said``, ``X told the
Outlet``, ``he added``), before it (``X said: "..."``, ``According to X: "..."``), in
the middle (``"...," said X. "..."``), by a dash (``"..." - X``), or in the sentence
before (``X spoke after the hearing. "..."``).  Pronouns and surnames are resolved to
the last full name mentioned.  Short quoted phrases with no attribution (scare quotes
such as "paedophile hunters") are not speech and are skipped.

``attribute`` assigns each speaker a role (police, vigilante, charity, tech, government,
legal, academic, family, public, other) and an organisation from the titles and
descriptions that introduce them, using the actors gazetteer ``data/actors.yaml``.

Quote detection is written here: general-purpose quote attributors (e.g. in CoreNLP)
need a Java server or model downloads, and news quoting conventions are regular enough
for rules.  Source profiles follow Becker's (1967) "hierarchy of credibility".

References: Becker, H. S. (1967). Whose side are we on? *Social Problems*, 14(3),
239-247. Pareti, S. (2016). PARC 3.0: A corpus of attribution relations. *LREC 2016*.
"""

from __future__ import annotations

import re
from functools import lru_cache
from importlib import resources

import numpy as np
import pandas as pd
import yaml

CUE_VERBS = ("said", "says", "added", "adds", "warned", "explained", "insisted", "claimed", "told", "stated", "continued", "admitted",
             "argued", "urged", "asked", "stressed", "acknowledged", "noted", "replied", "recalled", "conceded", "wrote")
_VERB = r"(?:" + "|".join(CUE_VERBS) + r")"
OPEN_MARKS = '"\u201c'
CLOSE_MARKS = '"\u201d'
PRONOUNS = {"he", "she", "they"}
TITLES = (r"Detective Chief Superintendent|Detective Chief Inspector|Detective Superintendent|Detective Inspector|Detective Sergeant|"
          r"Detective Constable|Det Chief Supt|Det Chief Insp|Det Supt|Det Insp|Det Sgt|Det Con|Chief Superintendent|Ch Supt|"
          r"Assistant Chief Constable|Deputy Chief Constable|Chief Constable|ACC|DCC|Superintendent|Supt|Chief Inspector|Inspector|Insp|"
          r"Sergeant|Sgt|Constable|PC|DC|DS|DI|DCI|Commander|Commissioner|Dr|Professor|Prof|Judge|Recorder|District Judge|Mr Justice|"
          r"Mrs Justice|Lord Justice|Lady Justice|Mr|Mrs|Ms|Miss|Sir|Dame|Lord|Lady|Baroness|Councillor|Cllr|"
          r"(?:[A-Z][a-z]+ )?(?:Minister|Secretary)")
NAME = r"[A-Z][a-zA-Z'\u2019-]+(?: (?:[A-Z][a-zA-Z'\u2019-]+|(?:de|van|von|der|da|di|le|la|bin|al)\b))*"
NOT_NAMES = frozenset("The A An This That These Those It He She They We I You His Her Their Its Our Police Officers Members Campaigners Critics Ministers".split())
_TITLED_NAME = re.compile(rf"(?:(?:{TITLES})\s+)*(?P<name>{NAME})")
_NAME_WORD = re.compile(r"^[A-Z][a-zA-Z'\u2019-]+$")


@lru_cache(maxsize=1)
def gazetteer() -> dict:
    """The actors gazetteer (``data/actors.yaml``)."""
    return yaml.safe_load(resources.files("presslens").joinpath("data", "actors.yaml").read_text(encoding="utf-8"))


# --------------------------------------------------------------------------- finding quotes


def _paragraphs(text: str):
    start = 0
    for match in re.finditer(r"\n\s*\n", text):
        yield start, text[start : match.start()]
        start = match.end()
    yield start, text[start:]


def _quote_runs(paragraph: str) -> list[tuple[int, int, bool, bool]]:
    """Quoted runs in one paragraph: (start, end, closed, opens_paragraph), offsets of the
    words between the marks."""
    runs = []
    i, n = 0, len(paragraph)
    while i < n:
        ch = paragraph[i]
        if ch in OPEN_MARKS:
            # a straight mark opens only where a quote can start (start, space, dash, bracket, colon)
            if ch == '"' and i > 0 and paragraph[i - 1].isalnum():
                i += 1
                continue
            j = i + 1
            while j < n and paragraph[j] not in CLOSE_MARKS:
                j += 1
            closed = j < n
            runs.append((i + 1, j, closed, i == 0))
            i = j + 1
        else:
            i += 1
    return runs


_AFTER_VERB_FIRST = re.compile(rf"^\s*,?\s*{_VERB}\s+(?P<who>[^.;:!?\"\u201c\u201d]+?)\s*(?:[.;:!?]|$)")
_AFTER_WHO_FIRST = re.compile(rf"^\s*,?\s*(?P<who>[^\"\u201c\u201d.;:!?]+?),?\s+(?P<verb>{_VERB})\b(?P<rest>[^.\"\u201c\u201d]*)")
_AFTER_DASH = re.compile(r"^\s*[\u2014\u2013-]{1,2}\s*(?P<who>[^\"\u201c\u201d\n]+?)\s*\.?$")
_BEFORE_COLON = re.compile(rf"(?P<who>(?:[A-Z][^.!?\"\u201c\u201d]*?)|he|she|they)\s*,?\s+(?P<verb>{_VERB})(?: [^.!?:\"\u201c\u201d]{{0,40}})?\s*[:,]?\s*$")
_BEFORE_ACCORDING = re.compile(r"[Aa]ccording to (?P<who>[^:\"\u201c\u201d]+?)\s*[:,]\s*$")
_SENTENCE_SUBJECT = re.compile(rf"^(?P<who>(?:(?:{TITLES})\s+)*{NAME}(?:,[^.!?]{{2,120}}?,)?)\s+(?!{_VERB}\b)[a-z]")


def _split_who(who: str) -> tuple[str, str]:
    """Split an attribution phrase into (name part, description)."""
    who = who.strip().strip(",").strip()
    who = re.sub(r"^(?:and|but)\s+", "", who)
    if "," in who:
        head, tail = who.split(",", 1)
        head, tail = head.strip(), tail.strip().strip(",").strip()
        # "his sister, Karen Dawlish" / "a resident, Jo Smith": the name is after the comma
        if not _TITLED_NAME.fullmatch(head) and _TITLED_NAME.fullmatch(tail.split(",")[0].strip() or "-"):
            return tail.split(",")[0].strip(), head
        return head, tail
    return who, ""


def _name_of(phrase: str) -> str | None:
    """The personal name in a titled phrase: 'Det Insp Ruth Kellaway' -> 'Ruth Kellaway'."""
    phrase = phrase.strip()
    if phrase.lower() in PRONOUNS:
        return None
    match = _TITLED_NAME.fullmatch(phrase)
    if not match:
        # "Gary Pickford MP", "Tom Beresford, the MP" -> drop trailing words in capitals that are titles
        match = _TITLED_NAME.match(phrase)
        if not match:
            return None
    name = match.group("name")
    name = re.sub(r"\s+(?:MP|KC|QC|OBE|MBE|CBE)$", "", name)
    words = name.split()
    if words[0] in NOT_NAMES:
        return None
    if not all(_NAME_WORD.match(w) or w in ("de", "van", "von", "der", "da", "di", "le", "la", "bin", "al") for w in words):
        return None
    return name


class _Speakers:
    """The people named so far in one article, for resolving surnames and pronouns."""

    def __init__(self):
        self.full: list[str] = []
        self.descriptions: dict[str, str] = {}
        self.last: str | None = None

    def resolve(self, who: str) -> tuple[str | None, str]:
        name_part, description = _split_who(who)
        if name_part.lower() in PRONOUNS:
            return self.last, description
        name = _name_of(name_part)
        if name is None:
            return None, description
        if " " not in name:  # a surname alone
            for full in reversed(self.full):
                if full.split()[-1] == name:
                    name = full
                    break
        else:
            if name not in self.full:
                self.full.append(name)
        title = name_part[: name_part.rfind(name.split()[0])].strip() if name.split()[0] in name_part else ""
        described = ", ".join(x for x in (title, description) if x)
        if described and name not in self.descriptions:
            self.descriptions[name] = described
        self.last = name
        return name, described


_TIME_TAIL = re.compile(r"\s+(?:on (?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|\d)|last (?:week|night|month|year)|yesterday|today|"
                        r"this (?:week|morning|afternoon)|after the [a-z]+|outside [a-z ]*court|in a statement)\b.*$")


def _attribute_after(tail: str):
    tail = tail.split("\n")[0][:220]
    match = _AFTER_VERB_FIRST.match(tail)
    if match and not match.group("who").lower().startswith(("that ", "the court", "in ", "on ")):
        verb = tail.split()[0].strip(",").lower() if tail.strip() else "said"
        who = _TIME_TAIL.sub("", match.group("who"))
        return who, verb
    match = _AFTER_WHO_FIRST.match(tail)
    if match and len(match.group("who").split()) <= 22:
        return match.group("who"), match.group("verb").lower()
    match = _AFTER_DASH.match(tail)
    if match and len(match.group("who").split()) <= 16:
        return match.group("who"), "dash"
    return None, None


def _attribute_before(head: str):
    sentence = re.split(r"(?<=[.!?])\s+(?=[A-Z\"\u201c])", head.strip())[-1] if head.strip() else ""
    match = _BEFORE_ACCORDING.search(sentence)
    if match:
        return match.group("who"), "according to"
    match = _BEFORE_COLON.search(sentence)
    if match and len(match.group("who").split()) <= 22:
        return match.group("who"), match.group("verb").lower()
    return None, None


def _attribute_preceding(head: str):
    """A speaker named as the subject of the sentence just before the quote (only when that
    sentence is complete: the quote starts a new sentence)."""
    if not re.search(r"[.!?]\s*$", head):
        return None
    sentences = [s for s in re.split(r"(?<=[.!?])\s+", head.strip()) if s]
    if not sentences:
        return None
    match = _SENTENCE_SUBJECT.match(sentences[-1])
    return match.group("who") if match else None


def quotes_in_text(text: str) -> list[dict]:
    """Quotes of one text with their attribution (see :func:`extract_quotes`)."""
    speakers = _Speakers()
    found: list[dict] = []
    carry = None  # a quote left open at the end of the previous paragraph
    previous_paragraph_speaker = None
    for offset, paragraph in _paragraphs(text):
        runs = _quote_runs(paragraph)
        # names mentioned outside quotes update the resolver (so "he said" finds them)
        paragraph_quotes = []
        for index, (start, end, closed, opens) in enumerate(runs):
            words = paragraph[start:end].strip()
            if not words:
                continue
            head = paragraph[: start - 1]
            if index > 0:
                head = paragraph[runs[index - 1][1] + 1 : start - 1]
            tail = paragraph[end + 1 :] if closed else ""
            if index + 1 < len(runs):
                tail = paragraph[end + 1 : runs[index + 1][0] - 1]
            record = {"start": offset + start, "end": offset + end, "quote": paragraph[start:end], "part": 1, "cue": None, "who": None}
            if opens and carry is not None:
                record.update(part=carry["part"] + 1, speaker=carry["speaker"], speaker_as_written=carry["speaker_as_written"], cue=carry["cue"], description=carry.get("description", ""))
                paragraph_quotes.append(record)
                carry = record if not closed else None
                continue
            who, cue = _attribute_after(tail) if closed else (None, None)
            if who is None:
                who, cue = _attribute_before(head)
            if who is None and index > 0 and paragraph_quotes and paragraph_quotes[-1].get("speaker"):
                # the second half of a quote split around its attribution
                last = paragraph_quotes[-1]
                between = paragraph[runs[index - 1][1] + 1 : start - 1]
                if _attribute_after(between)[0] is not None or len(between.split()) <= 12:
                    record.update(part=last["part"] + 1, speaker=last["speaker"], speaker_as_written=last["speaker_as_written"], cue=last["cue"], description=last.get("description", ""))
                    paragraph_quotes.append(record)
                    continue
            if who is None and index == 0:
                subject = _attribute_preceding(head)
                if subject is not None:
                    who, cue = subject, "preceding sentence"
            if who is None and index == 0 and not head.strip() and previous_paragraph_speaker is not None:
                who, cue = previous_paragraph_speaker, "continuing"
            if who is None:
                # no attribution: speech only if it reads like a sentence; else scare quotes
                if len(words.split()) < 4 or not re.search(r"[.!?,]$", words):
                    continue
                record.update(speaker=None, speaker_as_written="", cue="unattributed", description="")
                paragraph_quotes.append(record)
                continue
            name, description = speakers.resolve(who) if cue != "continuing" else (who, "")
            if cue != "continuing" and name is None and len(words.split()) < 3:
                continue
            record.update(speaker=name, speaker_as_written=who.strip().strip(","), cue=cue, description=description)
            paragraph_quotes.append(record)
            if not closed:
                carry = record
        # people named outside quotes in this paragraph (e.g. "Kellaway said the unit...")
        outside = paragraph
        for start, end, _, _ in reversed(runs):
            outside = outside[: max(0, start - 1)] + " " + outside[end + 1 :]
        last_outside = None
        for match in re.finditer(rf"(?:(?:{TITLES})\s+)+{NAME}(?:,\s+(?P<d1>(?:of|a|an|the|who|founder|chief|head|director)\b[^,.]{{0,100}}))?|{NAME}(?=,\s+(?:of|a|an|the|who|founder|chief|head|director|prosecuting|defending)\b),\s+(?P<d2>[^,.]{{0,100}})", outside):
            phrase = match.group(0).split(",")[0]
            name = _name_of(phrase)
            if name and " " in name:
                if name not in speakers.full:
                    speakers.full.append(name)
                title = phrase[: phrase.rfind(name.split()[0])].strip()
                described = ", ".join(x for x in (title, match.group("d1") or match.group("d2") or "") if x)
                if described:
                    speakers.descriptions.setdefault(name, described)
                last_outside = name
        if last_outside is not None and not any(q.get("speaker") for q in paragraph_quotes):
            speakers.last = last_outside
        found.extend(paragraph_quotes)
        attributed = [q for q in paragraph_quotes if q.get("speaker")]
        previous_paragraph_speaker = attributed[-1]["speaker"] if attributed and paragraph.rstrip().endswith(tuple(CLOSE_MARKS) + (".",)) else None
        if carry is not None and not runs:
            carry = None
    for record in found:
        record.setdefault("description", "")
        if record.get("speaker") and not record.get("description"):
            record["description"] = speakers.descriptions.get(record["speaker"], "")
    return found


def extract_quotes(corpus: pd.DataFrame, *, text: str = "text", headline: bool = False, progress: bool | None = None) -> pd.DataFrame:
    """Direct quotations with their speakers, one row per contiguous quoted span.

    Offsets refer to the given text column (clean it first with
    :func:`presslens.text.clean` so that HTML entities and mojibake do not hide quote
    marks).  A quotation split around its attribution or running over paragraphs gives
    one row per part, numbered by ``part``.

    Returns
    -------
    DataFrame
        ``doc_id``, ``field`` (``text`` or ``headline``), ``part``, ``start``, ``end``,
        ``quote``, ``speaker_as_written``, ``speaker`` (the resolved full name, empty when
        unattributed), ``cue`` (``said``, ``told``, ``added``, ``according to``,
        ``dash``, ``preceding sentence``, ``continuing``, ``unattributed`` ...) and
        ``description`` (the words that introduce the speaker, for :func:`attribute`).

    Example
    -------
    >>> quotes = extract_quotes(cleaned)        # doctest: +SKIP
    """
    from presslens._progress import progress_bar

    fields = [text] + (["headline"] if headline and "headline" in corpus else [])
    rows = []
    bar = progress_bar(total=len(corpus), desc="quotes", unit="article", enabled=progress)
    for doc_id, *values in corpus[["doc_id", *fields]].itertuples(index=False, name=None):
        for field_name, value in zip(fields, values, strict=True):
            if not isinstance(value, str) or not any(m in value for m in OPEN_MARKS):
                continue
            for record in quotes_in_text(value):
                rows.append({"doc_id": doc_id, "field": "headline" if field_name == "headline" else "text", "part": record["part"],
                             "start": record["start"], "end": record["end"], "quote": record["quote"],
                             "speaker_as_written": record.get("speaker_as_written") or "", "speaker": record.get("speaker") or "",
                             "cue": record.get("cue") or "", "description": record.get("description") or ""})
        bar.update(1)
    bar.close()
    columns = ["doc_id", "field", "part", "start", "end", "quote", "speaker_as_written", "speaker", "cue", "description"]
    return pd.DataFrame(rows, columns=columns)


# --------------------------------------------------------------------------- roles

@lru_cache(maxsize=1)
def _role_patterns():
    data = gazetteer()
    compiled = [(role, [re.compile(p) for p in patterns]) for role, patterns in data["roles"].items()]
    organisations = sorted(data.get("organisations", {}).items(), key=lambda item: -len(item[0]))
    return compiled, organisations


_ORGANISATION = re.compile(r"(?:founder of|member of|who runs|leader of|spokes(?:person|man|woman) for|chief executive of|director of [a-z ]+ at|"
                           r"head of [a-z ]+ at|at|for|of)\s+(?:the\s+)?(?P<org>[A-Z][\w'&-]*(?:\s+(?:[A-Z][\w'&-]*|for|of|and|on))*)")


def role_of(description: str, speaker: str = "", extra_organisations: dict | None = None) -> tuple[str, str]:
    """(role, organisation) from the words that introduce a speaker.

    Example
    -------
    >>> role_of("Det Insp, of Northmoor Police's Online Child Protection Team")
    ('police', "Northmoor Police's Online Child Protection Team")
    >>> role_of("a spokesperson for the Lantern Trust")
    ('charity', 'Lantern Trust')
    """
    patterns, organisations = _role_patterns()
    organisations = sorted({**dict(organisations), **(extra_organisations or {})}.items(), key=lambda item: -len(item[0]))
    text = f"{description}".strip()
    organisation = ""
    match = _ORGANISATION.search(text)
    if match:
        organisation = match.group("org").strip()
    for name, role in organisations:
        if name in text:
            return role, name if not organisation or name in organisation else organisation
    for role, compiled in patterns:
        if any(p.search(text) for p in compiled):
            return role, organisation
    return "other", organisation


def attribute(quotes: pd.DataFrame, corpus: pd.DataFrame | None = None, *, text: str = "text", extra_organisations: dict | None = None) -> pd.DataFrame:
    """Add ``role`` and ``organisation`` to an :func:`extract_quotes` table.

    The role comes from the speaker's description in the article (rank titles, "of
    Northmoor Police", "founder of", "a spokesperson for", "prosecuting", "Dr", "his
    sister", "who lives nearby"...), matched against the actors gazetteer; organisations
    the patterns cannot place (a platform's name, a hunter group's name) come from its
    ``organisations`` list or ``extra_organisations``.  When the quote's own attribution
    does not describe the speaker, the first description of the same speaker elsewhere
    in the article is used (with ``corpus``).
    """
    out = quotes.copy()
    descriptions: dict[tuple, str] = {}
    for row in out.itertuples():
        if row.speaker and row.description:
            descriptions.setdefault((row.doc_id, row.speaker), row.description)
    if corpus is not None:
        texts = dict(zip(corpus["doc_id"], corpus[text], strict=True))
        for key in {(row.doc_id, row.speaker) for row in out.itertuples() if row.speaker}:
            if key in descriptions:
                continue
            body = texts.get(key[0], "")
            surname = re.escape(key[1].split()[-1])
            match = re.search(rf"((?:{TITLES})\s+)?{re.escape(key[1])},?\s+((?:of|a|an|the|who|founder|chief|head|director|prosecuting|defending)[^.\"\u201c]{{0,120}})", body)
            if match:
                descriptions[key] = f"{match.group(1) or ''}{match.group(2)}".strip()
            elif re.search(rf"(?:{TITLES})\s+(?:[A-Z][a-z]+\s+)?{surname}\b", body):
                descriptions[key] = re.search(rf"(?:{TITLES})\s+(?:[A-Z][a-z]+\s+)?{surname}\b", body).group(0)
    roles, organisations = [], []
    for row in out.itertuples():
        description = descriptions.get((row.doc_id, row.speaker), row.description) if row.speaker else row.description
        context = f"{description} {row.speaker_as_written}"
        role, organisation = role_of(context, row.speaker, extra_organisations) if (row.speaker or row.speaker_as_written) else ("other", "")
        roles.append(role)
        organisations.append(organisation)
    out["role"] = roles
    out["organisation"] = organisations
    return out


# --------------------------------------------------------------------------- source profiles

def source_profile(quotes: pd.DataFrame, corpus: pd.DataFrame, by: str = "outlet_type", *, n_boot: int = 1000, random_state: int = 0, first_only: bool = False) -> pd.DataFrame:
    """Share of quotes by speaker role within each group, with cluster-bootstrap intervals
    (articles are resampled, with all their quotes, within each group).

    ``first_only=True`` counts only each article's first quote: who is quoted first.
    Returns ``group``, ``role``, ``share``, ``lower``, ``upper``, ``quotes``, ``articles``.
    """
    table = quotes[quotes["part"] == 1].merge(corpus[["doc_id", by]], on="doc_id")
    if first_only:
        table = table.sort_values(["doc_id", "start"]).drop_duplicates("doc_id")
    roles = sorted(table["role"].unique())
    order = pd.Index(corpus["doc_id"])
    rng = np.random.default_rng(random_state)
    rows = []
    for group, part in table.groupby(by, sort=True):
        per_article = pd.crosstab(part["doc_id"], part["role"]).reindex(columns=roles, fill_value=0)
        # articles in corpus order, not sorted by id: the bootstrap then depends only on the
        # corpus, not on how its documents happen to be named
        per_article = per_article.iloc[np.argsort(order.get_indexer(per_article.index), kind="stable")]
        counts = per_article.to_numpy(dtype=float)
        totals = counts.sum(axis=0)
        share = totals / totals.sum()
        index = rng.integers(0, len(counts), size=(n_boot, len(counts)))
        boot = counts[index].sum(axis=1)
        boot = boot / boot.sum(axis=1, keepdims=True)
        lower, upper = np.quantile(boot, [0.025, 0.975], axis=0)
        for j, role in enumerate(roles):
            rows.append({"group": group, "role": role, "share": round(share[j], 4), "lower": round(lower[j], 4), "upper": round(upper[j], 4),
                         "quotes": int(totals[j]), "articles": len(counts)})
    return pd.DataFrame(rows)


_PARAPHRASE = re.compile(rf"\b(?P<who>(?:(?:{TITLES})\s+)*{NAME}|[Hh]e|[Ss]he|[Tt]hey)\s+{_VERB}\s+(?:that\s+)?(?=[a-z])")


def paraphrases(corpus: pd.DataFrame, *, text: str = "text") -> pd.DataFrame:
    """Reported (indirect) speech outside quote marks: "X said (that) ..." sentences.

    Returns ``doc_id``, ``speaker_as_written`` and ``sentence`` for each, so quoted and
    paraphrased voices can be compared.
    """
    from presslens.text import sentences

    rows = []
    for doc_id, value in corpus[["doc_id", text]].itertuples(index=False, name=None):
        for sentence in sentences(value):
            if any(m in sentence for m in OPEN_MARKS + CLOSE_MARKS):
                continue
            match = _PARAPHRASE.search(sentence)
            if match:
                rows.append({"doc_id": doc_id, "speaker_as_written": match.group("who"), "sentence": sentence})
    return pd.DataFrame(rows, columns=["doc_id", "speaker_as_written", "sentence"])
