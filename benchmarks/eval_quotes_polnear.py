"""Evaluate presslens.quotes on PolNeAR's ``train`` compartment (real US political news).

PolNeAR (Newell, Margolin & Ruths 2018, github.com/networkdynamics/PolNeAR) annotates
attribution relations (source, cue, content) in 1,028 political news articles from seven
US outlets.  Use ONLY its ``train`` compartment for development; its ``dev`` and
``test`` compartments are held out for independent evaluation and must not be read.
Nothing from the corpus is committed: extract the train folder outside the repository,
for example with ``git show`` from a fetched mirror into ``~/devdata/polnear_train/``
(which then holds ``text/*.txt`` and ``attributions/*.ann``), and point the script at it::

    PRESSLENS_POLNEAR_TRAIN=~/devdata/polnear_train python benchmarks/eval_quotes_polnear.py

What is measured (gold from the annotators' attributions, one annotator per article: the
first annotation file in name order):

* **gold direct quotes**: every run of words between double quote marks that lies inside
  an annotated content span, with that relation's source as the gold speaker;
* **multi-paragraph quotes**: the open paragraphs of a quotation running over paragraphs
  (each opens with a mark, only the last closes) are gold quotes to the paragraph's end;
  the figures with only runs closed on their own line are printed beside them;
* **span F1**: a predicted speech span matches a gold one when they overlap by at least
  half of the longer of the two;
* **span P/R/F1, runs of three or more words**: the same count with gold runs and predicted
  spans of one or two words left out on both sides.  Single quoted words and two-word terms
  inside an annotated attribution (a called-it "liar", a "New York values") are gold runs above
  but, by the issue's definition of speech, terms rather than direct quotes; this line shows the
  span figures on quotations proper;
* **speaker right**: on matched quotes whose gold source names someone, the gold
  source's last capitalised word (its surname or organisation word) is a word of the
  predicted speaker (canonical name, else the mention).  A gold pronoun source ("he") is
  taken to mean the person named by the nearest earlier non-pronoun source in the article
  (an approximation: PolNeAR does not annotate coreference); when that source's honorific,
  gendered noun or firm first name says the other gender ("Hillary Clinton" before a "he"),
  the nearest earlier source that can be the person meant is taken instead (a named
  individual of agreeing gender, not a description, group or organisation); when that
  source is itself a description, group, organisation or pronoun ("The Florida senator",
  "His"), the quote is not scored (the gold gives no name to check).  A gold source that is
  itself a definite description of a person ("The Florida senator", "the Texan") is not
  scored either: the annotation does not say whom it refers to, and the capitalised word in
  it is no name (checking it would count a right resolution, Marco Rubio, as wrong and an
  unresolved "the Florida senator" as right).  The figures with
  the plain nearest source are printed beside ("earlier he/she");
* breakdowns: description before the name ("campaign spokesman Jason Miller"), US titles
  with full stops ("Mr. Trump"), pronoun sources, quotes continuing over paragraphs,
  organisation sources;
* **non-speech reported as speech**: of the quoted runs that lie in no content span
  (titles, slogans, scare quotes), the share the extractor returns as speech.
"""

from __future__ import annotations

import os
import re
import sys
from collections import defaultdict
from pathlib import Path

import pandas as pd

from presslens.quotes import extract_quotes
from presslens.quotes.vocabulary import first_name_firm, first_name_gender

PRONOUN_SOURCES = {"he", "she", "He", "She"}
# A gold source that is a definite description of a person ("The Florida senator", "the Texan", "the Wisconsin Republican"):
# PolNeAR does not annotate whom it refers to, so the word the scorer turns on ("Florida") is no name; a prediction that
# resolves it to a person cannot be checked against the gold, so such quotes are not scored.
DEFINITE_DESCRIPTION = re.compile(r"^[Tt]he\s+(?:[\w.'\u2019-]+\s+){0,5}(?:[a-z][\w-]*|Republican|Democrat|[A-Z][a-z]+(?:an|ian|man|woman)|Scot|Briton)(?:\s+(?:from|of|for|in)\s+.{1,60})?$")
US_TITLE = re.compile(r"\b(?:Mr|Mrs|Ms|Dr|Sen|Rep|Gov|Lt|Gen|Sgt|Det)\.")
ORG_SOURCE = re.compile(r"\b(?:campaign|spokes\w+|committee|department|office|agency|company|group|party|administration|statement|"
                        r"Campaign|Department|Office|Committee|Party|Administration|Times|Post|News|CNN|Court)\b")


def read_ann(path: Path) -> list[dict]:
    """Attribution relations of one brat file: source/content spans and texts."""
    spans, relations = {}, []
    for line in path.read_text(encoding="utf-8").splitlines():
        parts = line.split("\t")
        if line.startswith("T") and len(parts) >= 3:
            label, *offsets = parts[1].replace(";", " ").split()
            numbers = list(map(int, offsets))
            spans[parts[0]] = (label, [(numbers[i], numbers[i + 1]) for i in range(0, len(numbers), 2)], parts[2])
        elif line.startswith("E") and len(parts) >= 2:
            roles = dict(item.split(":") for item in parts[1].split() if ":" in item)
            relations.append(roles)
    out = []
    for roles in relations:
        content = spans.get(roles.get("Content", ""))
        if content is None:
            continue
        source = spans.get(roles.get("Source", ""))
        out.append({"content": content[1], "source": source[2] if source else "", "source_start": source[1][0][0] if source else -1})
    return out


_QUOTED = re.compile(r"(?:[\"\u201c]|'')([^\"\u201c\u201d\n]+?)(?:[\"\u201d]|'')")


_OPEN_MARK = re.compile(r"[\"\u201c]|''")
_LINE = re.compile(r"[^\n]+")


def open_paragraphs(text: str) -> list[tuple[int, int]]:
    """Paragraphs of a quotation running over paragraphs: the press convention opens every
    paragraph of it with a mark and closes only the last, so a paragraph that opens with a
    double mark, leaves its last quote unclosed and is followed by a paragraph opening with a
    mark is quoted to its end (the words after the unclosed mark)."""
    lines = [(m.start(), m.group(0)) for m in _LINE.finditer(text) if m.group(0).strip()]
    runs = []
    for (offset, line), (_, following) in zip(lines, lines[1:], strict=False):
        body = line.strip()
        if not _OPEN_MARK.match(body) or not _OPEN_MARK.match(following.strip()):
            continue
        straight, doubled = line.count('"'), line.count("''")
        opened = straight % 2 == 1 if straight else doubled % 2 == 1 if doubled else line.rfind("\u201c") > line.rfind("\u201d")
        if not opened:
            continue
        last = max(line.rfind('"'), line.rfind("\u201c"), line.rfind("''") + 1)
        start, end = offset + last + 1, offset + len(line.rstrip())
        if end - start >= 2:
            runs.append((start, end))
    return runs


def gold_quotes(text: str, relations: list[dict], multi_paragraph: bool = True) -> tuple[list[dict], list[tuple[int, int]]]:
    """Gold direct quotes (runs between double marks inside a content span; with
    ``multi_paragraph``, also the open paragraphs of a quotation running over paragraphs,
    see :func:`open_paragraphs`) and the quoted runs outside every content span."""
    gold, outside = [], []
    named = sorted((r["source_start"], r["source"]) for r in relations if r["source"] and r["source"].strip() not in PRONOUN_SOURCES)
    runs = [(m.start(1), m.end(1)) for m in _QUOTED.finditer(text)] + (open_paragraphs(text) if multi_paragraph else [])
    for start, end in sorted(runs):
        owner = None
        for relation in relations:
            if sum(max(0, min(end, e) - max(start, s)) for s, e in relation["content"]) >= 0.5 * (end - start):
                owner = relation
                break
        if owner is None:
            outside.append((start, end))
            continue
        source = owner["source"].strip()
        person = person_v0 = source
        if source in PRONOUN_SOURCES:
            earlier = [s for pos, s in named if 0 <= pos < owner["source_start"]]
            person_v0 = earlier[-1] if earlier else ""
            gender = "f" if source.lower() == "she" else "m"
            person = person_v0
            if person_v0 and not can_be(person_v0, gender) and agrees(person_v0, gender):
                person = ""  # a description, group, organisation or possessive ("The Florida senator", "His"): no name to check
            elif person_v0 and not agrees(person_v0, gender):  # the nearest named source is of the other gender: the nearest that can be meant
                agreeing = [s for s in earlier if can_be(s, gender)]
                person = agreeing[-1] if agreeing else ""
        paragraph_of_quote = text.count("\n\n", 0, start)
        paragraph_of_source = text.count("\n\n", 0, owner["source_start"]) if owner["source_start"] >= 0 else paragraph_of_quote
        gold.append({"start": start, "end": end, "source": source, "person": person, "person_v0": person_v0, "pronoun": source in PRONOUN_SOURCES,
                     "other_paragraph": paragraph_of_source != paragraph_of_quote})
    return gold, outside


_FEMALE = re.compile(r"\b(?:Mrs|Ms|Miss|Congresswoman|Councilwoman|Chairwoman|Spokeswoman|spokeswoman|congresswoman|chairwoman|businesswoman|"
                     r"actress|mother|wife|daughter|sister|widow|woman|Queen|Lady|Dame)\b")
_MALE = re.compile(r"\b(?:Mr|Congressman|Councilman|congressman|businessman|father|husband|son|"
                   r"brother|widower|man|King|Lord|Sir)\b")
_DESCRIPTION_ONLY = re.compile(r"^(?:[Tt]he|[Aa]n?|[Hh]is|[Hh]er|[Tt]heir|[Ii]ts)\s+(?!.*\b[A-Z][\w.'-]*\s+[A-Z])")


_PLURAL = re.compile(r"^(?:[Bb]oth|[Mm]any|[Ss]ome|[Aa]ll|[Mm]ost|[Tt]wo|[Tt]hree|[Ff]our|[Ff]ive|[Ss]everal|[Oo]thers?)\b|"
                     r"(?:\b[a-z][\w-]*[^s\W]s|[A-Z]\w*(?:ans|ists|crats|ics|als))$|['\u2019]s?$")
_ORG_TAIL = re.compile(r"\b(?:Press|Department|Association|Agency|Committee|Party|Office|Times|Post|News|Court|Council|Union|Center|"
                       r"Centre|Institute|Foundation|Commission|Ministry|Service|House|agency|campaign|group|party|committee)$")


def can_be(source: str, gender: str) -> bool:
    """Whether an earlier named source can be the person a later he/she (``gender``) means:
    not a description without a name ("the Vermont senator": it refers back to someone
    named before it), not a plural, a group or an organisation ("Clinton and husband
    Bill", "Wyoming Republicans", "The Associated Press"), not a person whose first name,
    honorific or gendered noun says the other gender ("Hillary Clinton" for a "he")."""
    head = re.split(r",|\(| who | which | \u2013 | \u2014 | -- ", source)[0].strip()
    personal = any(a not in _TITLE_WORDS and first_name_gender(a) is not None for a, _ in re.findall(r"\b([A-Z][a-z]+)\s+((?:[A-Z]\.\s+)?[A-Z][\w'-]+)", source))
    if personal and not re.search(r"\b(?:and|or|like)\b", head):  # "Mr. Burman of the Tax Policy Center", "The minister, Ann Lee,"
        return agrees(source, gender)
    if not name_word(source) or name_word(source).isupper() or _DESCRIPTION_ONLY.match(head) or re.search(r"\b(?:and|or)\b", head) \
            or head.lower() in {"they", "we", "it", "i", "you", "who", "him", "her", "his", "my", "our", "their", "its", "here", "this", "another"} or _PLURAL.search(head) or _ORG_TAIL.search(head):
        return False
    return agrees(source, gender)


def agrees(source: str, gender: str) -> bool:
    """Whether a source's honorific, gendered noun or first name (a name word before
    another) does not say the other gender."""
    head = re.split(r",|\(| who | which | \u2013 | \u2014 | -- ", source)[0].strip()
    other = _MALE if gender == "f" else _FEMALE
    if other.search(head):
        return False
    for run in re.findall(r"(?:[A-Z][\w'-]+\s+)+[A-Z][\w'-]+", head):  # a first name only before another name word
        names = [w for w in run.split() if w.rstrip(".") not in _TITLE_WORDS]
        first = next((w for w in names[:-1] if first_name_gender(w) is not None), "")
        if first:
            return first_name_gender(first) in ("", gender) or not first_name_firm(first)
    return True


def surname(source: str) -> str:
    """The name word a gold source turns on: the last capitalised word before any
    appositive or bracket ("Ashley Spillane, president of Rock the Vote" -> Spillane)."""
    head = re.split(r",|\(| who | which | of the | at the | for the ", source)[0]
    head = re.sub(r"['\u2019]s\b|['\u2019](?=\s|$)", "", head).replace("\u2019", "'")
    words = [w.rstrip(".") for w in re.findall(r"[A-Z][\w.'-]*", head)]
    words = [w for w in words if w and w not in {"Mr", "Mrs", "Ms", "Dr", "Sen", "Rep", "Gov", "Lt", "The", "A", "An", "He", "She", "They", "It", "We", "I"}]
    return words[-1] if words else ""


_OFFICES = {"Secretary", "Minister", "Attorney", "General", "Chancellor", "Governor", "Director", "President", "Chief", "Head", "Representative",
            "Senator", "Mayor", "Speaker", "Chairman", "Chair", "Commissioner", "Bank", "Department", "Ministry", "Court", "University"}
_TITLE_WORDS = {"Mr", "Mrs", "Ms", "Dr", "Sen", "Rep", "Gov", "Lt", "The", "A", "An", "He", "She", "They", "It", "We", "I", "Jr", "Sr", "II", "III"}


def name_word(source: str) -> str:
    """The name word a gold source turns on, reading names rather than places: the head is
    the first comma/bracket/relative-clause segment that ends in a capitalised word ("the
    Vatican spokesman, Ann Lee" -> "Ann Lee"); in it, the last word of the last run of two
    or more capitalised words ("Gov. Ann Lee of Iowa" -> Lee, "Secretary of State Ann Lee"
    -> Lee), a full name before "of <place>" taken before the place ("Rep. Peter T. King of New
    York" -> King); without such a run, as :func:`surname` ("the Trump campaign" -> Trump)."""
    segments = [seg.strip() for seg in re.split(r",|\(| who | which | \u2013 | \u2014 | -- ", source) if seg.strip()]
    head = next((seg for seg in segments if re.search(r"[A-Z][\w.'\u2019-]*$", re.sub(r"['\u2019]s?$", "", seg))), segments[0] if segments else "")
    head = re.sub(r"['\u2019]s\b|['\u2019](?=\s|$)", "", head).replace("\u2019", "'")
    named = re.match(r"^(.*?[A-Z][\w.'-]*\s+[A-Z][\w.'-]*)\s+of\s+(?:the\s+)?[A-Z]", head)  # "Rep. Peter T. King of New York" -> King
    if named and len([w for w in named.group(1).split() if w[:1].isupper() and w.rstrip(".") not in _TITLE_WORDS and w not in _OFFICES]) >= 2:
        head = named.group(1)
    runs = re.findall(r"(?:[A-Z][\w.'-]*\s+)+[A-Z][\w.'-]*", head)
    for run in reversed(runs):
        words = [w.rstrip(".") for w in run.split() if w.rstrip(".") not in _TITLE_WORDS]
        if len(words) >= 1 and len(run.split()) >= 2:
            return words[-1] if words else ""
    return surname(source)


def described(source: str) -> bool:
    """Whether a gold source is a definite description of a person ("The Florida senator")."""
    head = re.split(r",|\(| who | which ", source)[0].strip()
    return DEFINITE_DESCRIPTION.match(head) is not None and not ORG_SOURCE.search(head) and not _ORG_TAIL.search(head)  # not "the Trump campaign"


def overlap(a: tuple[int, int], b: tuple[int, int]) -> float:
    inter = max(0, min(a[1], b[1]) - max(a[0], b[0]))
    return inter / max(a[1] - a[0], b[1] - b[0], 1)


def evaluate(folder: Path) -> dict:
    by_article = defaultdict(list)
    for path in sorted((folder / "attributions").glob("*.ann")):
        by_article[path.name.rsplit("_", 1)[0]].append(path)
    texts = {p.stem: p for p in (folder / "text").glob("*.txt")}
    rows, n_gold, n_pred, n_match = [], 0, 0, 0
    n_strict_gold = n_strict_match = 0
    long_gold = long_pred = long_match = 0
    outside_total = outside_speech = 0
    articles = 0
    for article, paths in sorted(by_article.items()):
        if article not in texts:
            continue
        articles += 1
        text = texts[article].read_text(encoding="utf-8")
        gold, outside = gold_quotes(text, read_ann(paths[0]))
        corpus = pd.DataFrame({"doc_id": [article], "text": [text]})
        everything = extract_quotes(corpus, kinds="all", progress=False)
        predicted = everything[everything["kind"] == "speech"]
        pred_spans = list(zip(predicted["start"], predicted["end"], strict=True))
        for span in outside:
            outside_total += 1
            if any(overlap(span, p) >= 0.5 for p in pred_spans):
                outside_speech += 1
        n_gold += len(gold)
        strict = gold_quotes(text, read_ann(paths[0]), multi_paragraph=False)[0]
        taken: set[int] = set()
        for g in strict:
            hit = next((i for i, p in enumerate(pred_spans) if i not in taken and overlap((g["start"], g["end"]), p) >= 0.5), None)
            if hit is not None:
                taken.add(hit)
        n_strict_gold += len(strict)
        long_runs = [g for g in gold if len(text[g["start"]:g["end"]].split()) >= 3]
        long_spans = [p for p in pred_spans if len(text[p[0]:p[1]].split()) >= 3]
        long_taken: set[int] = set()
        for g in long_runs:
            hit = next((i for i, p in enumerate(long_spans) if i not in long_taken and overlap((g["start"], g["end"]), p) >= 0.5), None)
            if hit is not None:
                long_taken.add(hit)
        long_gold, long_pred, long_match = long_gold + len(long_runs), long_pred + len(long_spans), long_match + len(long_taken)
        n_strict_match += len(taken)
        n_pred += len(pred_spans)
        used = set()
        for g in gold:
            best = None
            for i, p in enumerate(pred_spans):
                if i not in used and overlap((g["start"], g["end"]), p) >= 0.5:
                    best = i
                    break
            if best is None:
                rows.append({**g, "article": article, "matched": False})
                continue
            used.add(best)
            n_match += 1
            row = predicted.iloc[best]
            said = row["canonical"] or row["speaker_as_written"]
            said = re.sub(r"['\u2019]s\b", "", said)
            words = re.findall(r"[\w'\u2019.-]+", said.replace("\u2019", "'"))
            target, earlier, approximate = name_word(g["person"]), surname(g["person_v0"]), name_word(g["person_v0"])
            rows.append({**g, "article": article, "matched": True, "predicted": said, "rule": row["rule"], "part": int(row["part"]),
                         "right": bool(target) and target in words, "right_v1": bool(earlier) and earlier in words,
                         "right_v0": bool(approximate) and approximate in words})
    table = pd.DataFrame(rows)
    precision = n_match / n_pred if n_pred else 0.0
    recall = n_match / n_gold if n_gold else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    strict_p, strict_r = (n_strict_match / n_pred if n_pred else 0.0), (n_strict_match / n_strict_gold if n_strict_gold else 0.0)
    strict = (strict_p, strict_r, 2 * strict_p * strict_r / (strict_p + strict_r) if strict_p + strict_r else 0.0)
    long_p, long_r = (long_match / long_pred if long_pred else 0.0), (long_match / long_gold if long_gold else 0.0)
    long_prf = (long_p, long_r, 2 * long_p * long_r / (long_p + long_r) if long_p + long_r else 0.0)
    table["target"] = table["person"].map(lambda p: "" if described(p) else name_word(p))  # a description names no one to check
    named = table[table["matched"] & (table["target"] != "")]
    table["target_v0"] = table["person_v0"].map(name_word)
    named_v0 = table[table["matched"] & (table["target_v0"] != "")]

    def accuracy(mask) -> tuple[float, int]:
        part = named[mask]
        return (float(part["right"].mean()) if len(part) else float("nan")), len(part)

    description_before = named["source"].str.contains(r"^(?:[A-Z][\w.-]*\s+)?(?:[a-z][\w-]*\s+)+(?:[A-Z][\w.'-]*\s*)+$", regex=True)
    return {
        "articles": articles, "gold quotes": n_gold, "predicted speech spans": n_pred,
        "span precision": precision, "span recall": recall, "span F1": f1,
        "span P/R/F1, same-line gold": " ".join(f"{x:.3f}" for x in strict),
        "span P/R/F1, runs of 3+ words": " ".join(f"{x:.3f}" for x in long_prf) + f"  (gold n={long_gold})",
        "speaker right": accuracy(named["source"] == named["source"]),
        "speaker right, earlier scorer": (float(named_v0["right_v1"].astype(bool).mean()), len(named_v0)),
        "speaker right, earlier he/she": (float(named_v0["right_v0"].astype(bool).mean()), len(named_v0)),
        "description before name": accuracy(description_before & ~named["pronoun"]),
        "US titles with full stops": accuracy(named["source"].str.contains(US_TITLE)),
        "pronoun sources": accuracy(named["pronoun"]),
        "pronoun sources, earlier he/she": (float(named_v0[named_v0["pronoun"]]["right_v0"].astype(bool).mean()), int(named_v0["pronoun"].sum())),
        "source in another paragraph": accuracy(named["other_paragraph"]),
        "organisation sources": accuracy(named["source"].str.contains(ORG_SOURCE) & ~named["pronoun"]),
        "non-speech quoted as speech": (outside_speech / outside_total if outside_total else float("nan"), outside_total),
        "rules": named.groupby("rule")["right"].agg(["mean", "size"]).round(3).to_dict("index"),
        "table": table,
    }


def main() -> int:
    folder = os.environ.get("PRESSLENS_POLNEAR_TRAIN")
    if not folder or not (Path(folder).expanduser() / "attributions").is_dir():
        print("PolNeAR train folder not found: set PRESSLENS_POLNEAR_TRAIN to a folder holding text/ and attributions/ "
              "from PolNeAR's data/train (never its dev or test).", file=sys.stderr)
        return 2
    results = evaluate(Path(folder).expanduser())
    for key, value in results.items():
        if key == "table":
            continue
        if isinstance(value, tuple):
            print(f"{key:32s} {value[0]:.3f}  (n={value[1]})")
        elif isinstance(value, float):
            print(f"{key:32s} {value:.3f}")
        else:
            print(f"{key:32s} {value}")
    if os.environ.get("PRESSLENS_POLNEAR_ERRORS"):
        table = results["table"]
        table[table["matched"] & ~table["right"].fillna(False).astype(bool)].to_csv(os.environ["PRESSLENS_POLNEAR_ERRORS"], index=False)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
