"""Step 2 of the quote pipeline: attribution by ordered rules (same sentence, adjacent sentence, previous
paragraph, conversation turn), the kind of quoted material, and :func:`extract_quotes`.

Part of :mod:`presslens.quotes`; see its docstring for the pipeline and references.
"""

from __future__ import annotations

import re

import pandas as pd

from presslens.quotes import cues, subjects
from presslens.quotes.kinds import (
    clause_before,
    is_nickname,
    not_speech,
    quoted_kind,
    reporting_subject,
)
from presslens.quotes.mentions import document_issuer, reads_as_body
from presslens.quotes.spans import candidate_spans, paragraphs, unwrap
from presslens.quotes.speakers import Registry, Speaker, parse_speaker
from presslens.quotes.vocabulary import (
    CLOSE_MARKS,
    NAME,
    ON_OUTLET,
    OPEN_MARKS,
    OPENERS,
    RUNS_ON,
    RX24,
    RX25,
    RX26,
    RX29,
    RX30,
    RX31,
    RX32,
    RX33,
    RX34,
    SCARE_CUE,
    SINGLE_OPEN,
    VERB,
    first_name_gender,
)


def _over_titles(paragraph: str, offset: int, quotes: list, start: int) -> str:
    """The paragraph from the end of the speech quote ``quotes[0]`` (or its start) to
    ``start``, the marks of the titles and terms quoted since blanked."""
    head = list(paragraph[(quotes[0]["end"] - offset + 1) if quotes[0] else 0 : max(0, start - 1)])
    base = (quotes[0]["end"] - offset + 1) if quotes[0] else 0
    for quote in quotes[1:]:
        for position in (quote["start"] - offset - 1 - base, quote["end"] - offset - base):
            if 0 <= position < len(head) and head[position] in "\"\u201c\u201d'\u2018\u2019":
                head[position] = " "
    return "".join(head)


def _preceding_subject(head: str):
    """The subject of the sentence just before the quote (when that sentence is complete)."""
    if not RX24.search(head):
        return None
    body = head.rstrip()
    sentence = cues.last_sentence(body[:-1] + " ") if body else ""
    sentence = cues.last_sentence(body)
    parts = [s for s in RX25.split(body) if s]
    sentence = parts[-1] if parts else sentence
    match = cues.SENTENCE_SUBJECT.match(sentence) or RX26.match(sentence)
    if not match or (match.group("who").split()[0] in OPENERS and match.group("who") not in ("He", "She")):
        return None
    return match.group("who")


# "Transcript as follows:", "Excerpts:": a label of the text that follows, not its speaker
_DOCUMENT_LABEL = re.compile(r"^(?:(?:partial|full|complete|edited|the|an?)\s+)?(?:transcripts?|excerpts?|text)\b", re.IGNORECASE)
_CUE = re.compile(rf"\b{VERB}\b[^.!?]*[.!?]\s*$")
_PARAGRAPH_SAID = re.compile(rf"(?P<who>(?:[A-Z][^.!?;\"\u201c\u201d]*?)|[Hh]e|[Ss]he|[Tt]hey)\s*,?\s+(?:also\s+)?(?P<verb>{VERB})\b[^\"\u201c\u201d]*[.:]\s*$")


class _VerbFirst:
    """Speed (issue 17): a pattern searched only in text that has a cue verb after a space, which
    every match of it needs; the search itself is costly on long sentences without one."""

    def __init__(self, pattern: re.Pattern, verb: str):
        self.pattern, self._verb = pattern, re.compile(rf"\s{verb}\b")

    def search(self, text: str):
        return self.pattern.search(text) if self._verb.search(text) else None


_PARAGRAPH_SAID = _VerbFirst(_PARAGRAPH_SAID, VERB)  # (each match has "\s+(?:also\s+)?VERB\b": keep in step with the pattern above)
# a share of a poll's respondents that says something: 'About four in 10 said they were "angry"',
# 'Just shy of half, 49%, say the "..." reflects', '39 percent blame X and 22 percent say he is "..."'
_POLL_SHARE = re.compile(r"(?:^|[.!?]\s+|,\s+|\band\s+|\bwhile\s+)(?P<who>(?:(?:about|nearly|almost|more than|fewer than|less than|at least|just shy of|"
                         r"only|roughly|some|over|under)\s+)?(?:\d{1,3}(?:\.\d)?\s*(?:%|percent)|(?:one|two|three|four|five|six|seven|eight|nine|\d)\s+in\s+"
                         r"(?:10|ten)|half|a third|a quarter|two-thirds|three-quarters)\b(?:(?!\s(?:and|but|while)\s)[^.!?;\"\u201c\u201d]){0,80}?)\s+(?P<verb>say|said)\b"
                         r"[^.!?\"\u201c\u201d]{0,160}$", re.IGNORECASE)


def _last_clause(who: str) -> str:
    """The subject of the last clause of a phrase before a cue verb ("The Times made the claim
    against the Elm Trust in May, and the Ledger" -> "the Ledger")."""
    return re.split(r",\s+(?:and|but)\s+(?=[A-Z]|the\s)", who)[-1]


def _colon_paragraph(sentence: str):
    """(who, cue) of a paragraph's last sentence that ends in a colon and introduces the
    quotation of the next paragraph, or None."""
    match = _PARAGRAPH_SAID.search(sentence)
    if match and cues.who_ok(match.group("who")) and len(match.group("who").split()) <= 22:
        return cues.second_clause(match.group("who")), match.group("verb").lower()
    said = cues.before(sentence)
    if said is not None and cues.who_ok(said[0]) and len(said[0].split()) <= 22 and not _DOCUMENT_LABEL.match(said[0]):
        return said
    return None


_COMPLEMENT = re.compile(r"\s+(?:it|that|this|he|she|they|there|the|a|an|we|its|his|her|their)\b")


def _inside_clause(head: str, tail: str, hit) -> bool:
    """Whether a quote sits inside a leading subordinate clause ('While X calls the plan
    "..."') and the cue after it opens the main clause with its own object ('Y says it is')."""
    sentence = cues.last_sentence(head).lstrip()
    lead = cues.LEADING_SUBORDINATE.match(sentence)
    if cues.clause_cue(sentence) is not None and "," not in sentence:  # 'But even as X claimed that "...," Y said the'
        lead = None
    elif not lead or "," in sentence[lead.end():] or not sentence[lead.end():].strip():
        return False
    at = tail.find(hit[1])
    return at >= 0 and _COMPLEMENT.match(tail[at + len(hit[1]):]) is not None


# a clause of its own between two quotes: '... "caused death." Sheriff Ann Lee called him a "..."', '"...," Lee expressed a
# wish to "...", '... and Lee calling it a "..."': a named subject and a verb of its own, so not the first quote's continuation
_OWN_SUBJECT = re.compile(rf"^[\s,.;:!?\u2014\u2013-]*(?:(?:and|but|while|as|then)\s+)?(?P<who>(?!(?:The|A|An|He|She|They|It|This|That|But|And|In|On|At)\b)"
                          rf"(?:[A-Z][\w.'\u2019-]*\s+|[a-z]+\s+(?=[A-Z])){{0,4}}?{NAME})\s+(?:also\s+|then\s+|later\s+)?(?:{VERB}|called|calling|expressed)\b")


_NEW_SENTENCE = re.compile(r"\s+(?:[A-Z][a-z]|[A-Z]\.\s)")  # after a quote that ends a sentence: the next sentence
_GOES_ON = re.compile(r"^[\s,]*(?:telling|saying|adding|noting|arguing|insisting|warning)\s")  # '"...," telling reporters ... that it is "..."': the same speaker


_INTRODUCES_NEXT = re.compile(r"^\s+[A-Z][^\"\u201c\u201d.!?]{0,120}?:\s*(?:[\"\u201c]|$)")  # (the tail may stop at the next quote mark)


def _own_subject(between: str, last: str) -> bool:
    """Whether the text between a quote and the next opens a clause whose named subject is not the last speaker."""
    match = _OWN_SUBJECT.match(between)
    return match is not None and not set(re.findall(r"[A-Z][\w'\u2019-]+", match.group("who"))) & set(re.findall(r"[A-Z][\w'\u2019-]+", last))


def _title_like(words: str) -> bool:
    """A short run of capitalised words (a work, a show, a slogan): "Meet the Press", "Make America Great Again"."""
    tokens = words.strip().rstrip(".,!?").split()
    return 0 < len(tokens) <= 8 and tokens[0][:1].isupper() and sum(1 for w in tokens if w[:1].isupper()) / len(tokens) >= 0.6


def quotes_in_text(text: str, *, kinds: tuple[str, ...] | str = ("speech",)) -> list[dict]:
    """Quotes of one text with their attribution (see :func:`extract_quotes`).

    Example
    -------
    >>> text = 'Labour leader Keir Starmer said: "We will act."\\n\\n"It is time," he added.'
    >>> [(q["quote"], q["speaker"], q["rule"]) for q in quotes_in_text(text)]
    [('We will act.', 'Keir Starmer', 'same sentence'), ('It is time,', 'Keir Starmer', 'same sentence')]
    """
    original = text
    if "''" in text:  # typewriter doubled apostrophes as quote marks (some archives): read them as double marks, offsets kept
        text = RX33.sub("'\" ", RX34.sub(" \"'", text))  # a single-quoted phrase at either end: '''No,''' -> "'No,'"
        text = RX30.sub(' "', text)
        text = RX31.sub('" ', text)
    text = unwrap(text)  # hard-wrapped lines joined, offsets kept (the same object when nothing is wrapped)
    registry = Registry(text)
    found: list[dict] = []
    carry = None  # a speech quote left open at the end of the previous paragraph
    previous = {"speaker": None, "said_colon": None, "only_quote": False}
    blocks = list(paragraphs(text))
    for number, (offset, paragraph) in enumerate(blocks):
        runs = candidate_spans(paragraph)
        paragraph_quotes: list[dict] = []
        cursor, joined = 0, ""  # joined: a first name cut off by a nickname in quotes (Thomas "Tam" Reilly)
        for index, (start, end, closed, marks) in enumerate(runs):
            words = paragraph[start:end]
            # people named before this quote (outside quotes) become the "he" of it
            registry.known_organisations = len(registry.org_pieces)
            if index > 0 and runs[index - 1][2] and paragraph[runs[index - 1][1] - 1: runs[index - 1][1]] in (".", "!", "?") \
                    and _NEW_SENTENCE.match(paragraph, cursor):  # '... "a new-media journalist." Mosman saw it differently': a new sentence
                registry.sentence += 1
            registry.scan(joined + paragraph[cursor: max(cursor, start - 1)])
            joined = ""
            cursor = end + 1
            if not words.strip():
                continue
            head = paragraph[: max(0, start - 1)] if index == 0 else paragraph[runs[index - 1][1] + 1 : max(0, start - 1)]
            titles = len(paragraph_quotes) - next((i + 1 for i in range(len(paragraph_quotes) - 1, -1, -1) if paragraph_quotes[i]["kind"] == "speech"), 0)
            wide = ""  # 'X, the author of "Going Viral," said': the sentence read over the titles quoted before this quote
            if index > 0 and titles:
                wide = _over_titles(paragraph, offset, paragraph_quotes[len(paragraph_quotes) - titles - 1:] if titles < len(paragraph_quotes) else [None, *paragraph_quotes], start)
            tail = paragraph[end + 1 :] if index + 1 == len(runs) else paragraph[end + 1 : runs[index + 1][0] - 1]
            if not closed:
                tail = ""
            record = {"start": offset + start, "end": offset + end, "quote": words, "part": 1, "marks": marks, "kind": "speech",
                      "rule": "", "cue": "", "speaker_as_written": "", "entity": None}
            opens_paragraph = not paragraph[: max(0, start - 1)].strip()
            # continuation of a quote running over paragraphs
            if opens_paragraph and carry is not None and index == 0:
                record.update(part=carry["part"] + 1, rule="continuation", cue=carry["cue"], speaker_as_written=carry["speaker_as_written"], entity=carry["entity"])
                paragraph_quotes.append(record)
                carry = record if not closed else None
                continue
            named = not_speech(words, head, tail, paragraph_quotes[-1]["kind"] if paragraph_quotes else "")
            if named is not None:  # a title, a nickname or a gloss, whoever stands beside it
                record["kind"] = named
                joined = head.rsplit(None, 1)[-1] if is_nickname(words, head, tail) else ""
                paragraph_quotes.append(record)
                continue
            hit, rule = None, ""
            ends_sentence = words.rstrip().endswith(".") or tail.startswith(".")  # '... called it "a disgrace." Ann Lee said the ...'
            if closed and not (ends_sentence and cues.last_sentence(head).strip() and not RX24.search(head)):  # a new sentence: not its attribution
                hit = cues.after(tail) or (subjects.after_any_verb(tail) if RX29.search(words.strip()) else None)
                if hit is not None and len(words.split()) <= 2 and words.strip()[:1].islower() and hit[1] not in tail[:40].lower():
                    hit = None  # a term before an appositive: 'part of "investor day," an annual ritual in which ... tells'
                if hit is not None and _inside_clause(head, tail, hit):
                    hit = None  # 'While X calls it "...," Y says it is ...': the main clause after the quote, not its attribution
                if hit is not None and words.rstrip()[-1:] in ".!?" and _INTRODUCES_NEXT.match(tail):
                    hit = None  # '"... tunnel." Council leader Ann Lee said: "...': that cue opens the next quote
                if hit is None and (said := cues.it_said(tail)) and registry.body():
                    hit = said  # '"...," it said.': the organisation named before (not a person; with none, as before)
            inside = False  # the quote sits inside a clause introduced before it ("called the plan 'a mess'")
            if hit is None:
                hit = cues.before(head)
                if hit is None and (said := cues.it_said("", head)) and registry.body():
                    hit = said  # 'It said: "..."'
                if hit is None and not _title_like(words):
                    hit = cues.called(head)
                if hit is None and wide and (wide_hit := cues.before(wide)) is not None and len(wide_hit[0].split()) <= 16 \
                        and wide_hit[1] in wide[wide.rfind(paragraph_quotes[-1]["quote"]):] \
                        and not any(wide_hit[0].strip() in q["quote"] for q in paragraph_quotes):  # a cue after the title; the speaker, not the title
                    hit = wide_hit
                inside = hit is not None
            if hit is not None:
                rule = "same sentence"
            cued = inside and hit[1] not in ("colon", "according to") and words.strip()[:1].islower()  # 'said it was "childish" to ...'
            if inside and _title_like(words) and ON_OUTLET.search(head):
                hit = None  # a programme or publication: 'said on "Morning Watch."', 'wrote in "The Ledger"'
            if (inside or hit is None) and ((len(words.split()) <= 2 and RUNS_ON.match(tail) and not cued) or SCARE_CUE.search(head[-40:])):
                hit = None  # one or two words inside a running clause, or "so-called ...": quoted terms, not speech
            # the second half of a quote split around its attribution
            # (past a title quoted after the attribution: '"...," Rubio said on "This Week." "..."')
            spoken = [q for q in paragraph_quotes if q["kind"] == "speech"]
            if hit is None and index > 0 and spoken and spoken[-1]["entity"] is not None \
                    and all(q["kind"] != "speech" and _title_like(q["quote"]) for q in paragraph_quotes[paragraph_quotes.index(spoken[-1]) + 1:]):
                last = spoken[-1]
                between = paragraph[last["end"] - offset + 1 : start - 1]
                ends_clause = not between.strip() or between.rstrip()[-1] in ".,:;!?\u2014\u2013-\u2026"
                cut = cues.last_sentence(between).strip()  # '... he said. And Ann Lee called for "...": a new sentence with its own subject
                new_sentence = cut not in ("", between.strip()) and not RX24.search(between) and cues.late_subject(cut) is not None
                if (ends_clause or not _title_like(words)) and not new_sentence and not _own_subject(between, last["speaker_as_written"]) and (cues.after(between) is not None or _GOES_ON.match(between) or len(between.split()) <= 12):  # not 'said on "Meet the Press."'
                    record.update(part=last["part"] + 1, rule="continuation", cue=last["cue"], speaker_as_written=last["speaker_as_written"], entity=last["entity"])
                    paragraph_quotes.append(record)
                    if not closed:
                        carry = record
                    continue
            if hit is None and not _title_like(words) and clause_before(head).strip() and not RX24.search(head) \
                    and (reported := reporting_subject(paragraph[: max(0, start - 1)], tail, words)) is not None:
                hit, rule = reported, "same sentence"  # the subject of the reporting verb the quote depends on, not the sentence's
            if hit is None:
                sentence = cues.last_sentence(head)
                if sentence.strip() and not RX24.search(sentence):
                    match = cues.SUBJECT_IN_SENTENCE.match(sentence)
                    who = match.group("who") if match else subjects.sentence_subject(sentence)  # behind a leading clause, after a description
                    if who and who.split()[0] not in OPENERS - {"He", "She"} and who.split()[0].lower() not in subjects.CLAUSE_FIRST and len(words.split()) > (2 if match else 3) and not _title_like(words) \
                            and not SCARE_CUE.search(head[-40:]):
                        hit, rule = (who, "subject"), "same sentence"
            if hit is None and opens_paragraph and len(runs) == 1 and not paragraph[end + 1:].strip(" .") and number + 1 < len(blocks) \
                    and (byline := cues.BYLINE.match(blocks[number + 1][1])):  # a quotation alone, then "- Ann Lee, at the rally."
                hit, rule = (byline.group("who"), "dash"), "adjacent sentence"
            if hit is None and index == 0:
                subject = _preceding_subject(head)  # ... or "Sam Lau, a party official, said in a statement. ": the sentence's subject
                subject = subject or (subjects.sentence_subject(cues.last_sentence(head)) if RX24.search(head) and _CUE.search(head) else None)
                if subject is not None:
                    hit, rule = (subject, "preceding sentence"), "adjacent sentence"
            if hit is None and closed and RX32.search(words.strip()):
                match = cues.AFTER_SHORT_SENTENCE.match(tail)
                if match:
                    hit, rule = (match.group("who"), match.group("verb").lower()), "adjacent sentence"
            if hit is None and opens_paragraph and index == 0 and previous["said_colon"] is not None:
                hit, rule = previous["said_colon"], "previous paragraph"
            if hit is None and opens_paragraph and index == 0 and previous.get("subject") and subjects.names_no_one(paragraph, runs):
                hit = subjects.paragraph_subject(previous["subject"])  # no attribution anywhere in this paragraph
                hit, rule = (hit, "previous paragraph") if hit and cues.who_ok(hit[0]) else (None, rule)
            before = paragraph[: max(0, start - 1)]  # the whole sentence, quotes before this one included
            kind = quoted_kind(words, before, hit is not None, marks, tail)
            if hit is None and kind == "speech" and (subject := reporting_subject(before, tail, words)) is not None:  # 'While Comey said it was "..."'
                hit, rule = subject, "same sentence"
            if hit is None and opens_paragraph and index == 0 and kind == "speech" and previous["speaker"] is not None:
                record.update(rule="conversation turn", cue="continuing", speaker_as_written=previous["speaker"]["speaker_as_written"], entity=previous["speaker"]["entity"])
                paragraph_quotes.append(record)
                if not closed:
                    carry = record
                continue
            if hit is None and kind == "speech" and (share := _POLL_SHARE.search(cues.last_sentence(head))) is not None:
                hit, rule = (share.group("who").strip(), share.group("verb").lower()), "same sentence"  # a poll's respondents
            if hit is None and kind == "speech":  # no cue anywhere: the subject of the sentence the quote sits in
                hit, rule = cues.late_subject(head), "same sentence"
                if hit is None and paragraph_quotes and titles == len(paragraph_quotes):  # 'X said he would fight "Y" crime and counter "..."'
                    plain = paragraph[: max(0, start - 1)]  # the sentence read over the terms and titles quoted before, each read as "it"
                    for quote in reversed(paragraph_quotes):
                        plain = plain[: max(0, quote["start"] - offset - 1)] + ("it," if quote["quote"].rstrip().endswith(",") else "it") + plain[quote["end"] - offset + 1 :]
                    hit = cues.late_subject(plain)
                    if hit is not None and (placeholder := re.search(r"\bit\b", hit[0])) is not None:  # 'Ann Lee, star of "Elm Street," thanked'
                        cut = hit[0].rfind(",", 0, placeholder.start())  # the name before the title, or no one
                        hit = (hit[0][:cut], hit[1]) if cut > 0 else None
            record["kind"] = kind
            if hit is None:
                if kind == "speech":
                    record.update(rule="unattributed", cue="unattributed", entity=("", "", "", "", ""))
                paragraph_quotes.append(record)
                continue
            who, cue = hit
            speaker = parse_speaker(cues.PARTY_LABEL.sub("", who))
            if speaker.type == "person" and speaker.name == speaker.mention and " " not in speaker.name and speaker.name.endswith("ing") \
                    and first_name_gender(speaker.name) is None and not any(p.split()[-1] == speaker.name for p in registry.people) \
                    and re.search(rf"(?:^|[.!?]\s+){re.escape(speaker.name)}\s+(?:was|is|has|had|will|would|could|can|may|remains|remained)\b", head):
                speaker.type = "unnamed"  # "Fundraising was \"...\"": a gerund as the sentence's subject, not a person to register
            if speaker.type == "unnamed" and not speaker.description and len(words.split()) < 3 and not _POLL_SHARE.search(cues.last_sentence(head)):
                record["kind"] = quoted_kind(words, paragraph[: max(0, start - 1)], False, marks, tail)
                if record["kind"] == "speech":
                    record.update(rule="unattributed", cue="unattributed", entity=("", "", "", "", ""))
                paragraph_quotes.append(record)
                continue
            if speaker.type == "person" and " " not in speaker.name and not speaker.title and first_name_gender(speaker.name) is None \
                    and "statement" in (tail[:80] + " " + head[-80:]) and not any(p.split()[-1] == speaker.name and " " in p for p in registry.people) \
                    and speaker.name not in registry.article()[0]:
                speaker.type = "organisation"  # "Chatterbox said in a statement": an organisation unless the article names a person so
            record.update(rule=rule, cue=cue, speaker_as_written=speaker.mention)
            record["entity"] = _resolve(speaker, registry, head)
            paragraph_quotes.append(record)
            if not closed:
                carry = record
        registry.scan(joined + paragraph[cursor:])
        registry.sentence += 1
        speech = [q for q in paragraph_quotes if q["kind"] == "speech"]
        # what the next paragraph may inherit
        attributed = [q for q in speech if q["entity"] is not None and (q["entity"][0] or q["entity"][3] == "organisation")]
        ends_with_quote = paragraph.rstrip().endswith(tuple(CLOSE_MARKS) + (".", "\u2019", "'")) and bool(speech)
        previous = {"speaker": attributed[-1] if attributed and ends_with_quote and carry is None else None, "said_colon": None}
        said = _colon_paragraph(cues.last_sentence(paragraph)) if carry is None and paragraph.rstrip().endswith(":") else None
        if said is not None:  # "In a 1963 speech, he declared:", "X's letter makes a case:", "..., and the Ledger responded:"
            previous["said_colon"] = said
        elif carry is None and not speech:
            match = _PARAGRAPH_SAID.search(cues.last_sentence(paragraph))
            if match and cues.who_ok(match.group("who")) and len(match.group("who").split()) <= 22:
                previous["said_colon"] = (_last_clause(match.group("who")), match.group("verb").lower())
        elif carry is None and paragraph.rstrip().endswith(":"):
            match = _PARAGRAPH_SAID.search(cues.last_sentence(paragraph))
            if match:
                previous["said_colon"] = (_last_clause(match.group("who")), match.group("verb").lower())
        if carry is None and not speech and previous["said_colon"] is None:  # "Ann Pike was upbeat." / "Echoed Pike:" then a quotation
            previous["subject"] = cues.last_sentence(paragraph)  # read only when a quotation-only paragraph follows
        if carry is not None and not runs:
            carry = None
        found.extend(paragraph_quotes)
    wanted = None if kinds == "all" else set(kinds)
    out = []
    for record in found:
        if wanted is not None and record["kind"] not in wanted:
            continue
        canonical, mention_name, description, speaker_type, organisation = record.pop("entity") or ("", "", "", "", "")
        if speaker_type == "person" and canonical:
            known = registry.descriptions.get(canonical, "")
            description = ", ".join(x for x in (description, known if known not in description else "") if x)
        title = registry.titles.get(canonical, "") if speaker_type == "person" else ""
        record.update(speaker=canonical if speaker_type == "person" else "", canonical=canonical, speaker_type=speaker_type,
                      description=", ".join(x for x in (title if title and title not in description else "", description) if x),
                      speaker_organisation=organisation)
        if original is not text:
            record["quote"] = original[record["start"]:record["end"]]
        out.append(record)
    return out


def _resolve(speaker: Speaker, registry: Registry, before: str = "") -> tuple[str, str, str, str, str]:
    """(canonical, name as written, description, type, organisation) for one speaker (``before``: the paragraph up to its quote)."""
    if speaker.type == "pronoun":
        name = registry.pronoun(speaker)
        if name:
            registry.link_gender(name, speaker.gender)
            registry.mentioned(name, True, True)  # the person speaking stays the most salient
            registry.quoted[name] = registry.sentence
            return name, speaker.mention, "", "person", ""
        return "", speaker.mention, "", "pronoun", ""
    if speaker.type == "organisation":
        org = registry.organisation(speaker)
        registry.body_spoke = (len(registry.org_pieces), org)
        return org, speaker.name, speaker.description, "organisation", org
    if speaker.type == "person":
        speaker.description = registry.link_its(speaker.description, registry.known_organisations)
        name = registry.person(speaker, spoke=True)
        registry.quoted[name] = registry.sentence
        return name, speaker.name, speaker.description, "person", ""
    if speaker.mention == "it" and (body := registry.body()):  # '"...," it said': the organisation named or speaking last
        registry.body_spoke = (len(registry.org_pieces), body)
        return body, "", "", "organisation", body
    if (issuer := document_issuer(speaker.mention, "".join(registry.org_pieces[-6:]))):  # "the statement said": who issued it
        issued = parse_speaker(issuer)
        if reads_as_body(issued) and not issued.description:
            issued.type = "organisation"  # "Elmford Ferries said in a statement": a firm, not a person
        if issued.type in ("person", "organisation"):
            return _resolve(issued, registry)
    referent = registry.describe(speaker.mention, fallback=True) if speaker.mention[:4].lower() == "the " else ""
    if referent:  # "the congresswoman said", "said the 41-year-old": the person named earlier with that role, age or nationality
        registry.mentioned(referent, True, True)
        registry.quoted[referent] = registry.sentence
        return referent, "", speaker.description, "person", ""
    if (body := registry.spoken_for(speaker.mention, before)):  # "the spokesman said" after "A Northmoor Police spokesman said": the force
        return body, "", speaker.description, "organisation", body
    if re.match(r"(?:[Aa]n?|[Oo]ne|[Aa]nother)\s", speaker.mention):
        registry.unnamed_since = registry.sentence  # '"...," said one fan.': someone unnamed speaks; a description after it is not the last named person
    return "", "", speaker.description, "unnamed" if speaker.description else "", ""


def extract_quotes(corpus: pd.DataFrame, *, text: str = "text", headline: bool = False, kinds: tuple[str, ...] | str = ("speech",),
                   progress: bool | None = None) -> pd.DataFrame:
    """Direct quotations with their speakers, one row per contiguous quoted span.

    Offsets refer to the given text column (clean it first with
    :func:`presslens.text.clean` so that HTML entities and mojibake do not hide quote
    marks).  A quotation split around its attribution or running over paragraphs gives
    one row per part, numbered by ``part``.

    Parameters
    ----------
    corpus : DataFrame
        ``doc_id`` and the text column (and ``headline`` with ``headline=True``).
    headline : bool
        Also read the headline (British headlines quote in single marks).
    kinds : tuple of str or "all"
        Which quoted material to return: ``speech`` (default), ``title``, ``scare``,
        ``term``; ``"all"`` for everything.

    Returns
    -------
    DataFrame
        ``doc_id``, ``field`` (``text`` or ``headline``), ``part``, ``start``, ``end``,
        ``quote``, ``kind``, ``rule`` (the attribution rule that found the speaker),
        ``cue`` (``said``, ``told``, ``according to``, ``colon``, ``dash``, ``preceding
        sentence``, ``continuing``, ``unattributed`` ...), ``speaker_as_written`` (the
        mention), ``speaker`` (the person's canonical full name, empty for organisations
        and unattributed quotes), ``canonical`` (person or organisation),
        ``speaker_type`` (``person``, ``organisation``, ``pronoun`` (unresolved),
        ``unnamed``, or empty), ``description`` (the words beside the speaker, for
        :func:`attribute`), ``speaker_organisation`` and ``marks``.

    Example
    -------
    >>> corpus = pd.DataFrame({"doc_id": ["a"], "text": ['"We hand it all to police," said Gary Pickford, founder of Shadow Watch.']})
    >>> extract_quotes(corpus)[["quote", "speaker", "rule", "description"]].values.tolist()
    [['We hand it all to police,', 'Gary Pickford', 'same sentence', 'founder of Shadow Watch']]
    """
    from presslens._progress import progress_bar

    fields = [text] + (["headline"] if headline and "headline" in corpus else [])
    rows = []
    bar = progress_bar(total=len(corpus), desc="quotes", unit="article", enabled=progress)
    all_marks = OPEN_MARKS + SINGLE_OPEN
    for doc_id, *values in corpus[["doc_id", *fields]].itertuples(index=False, name=None):
        for field_name, value in zip(fields, values, strict=True):
            if not isinstance(value, str) or not any(m in value for m in all_marks):
                continue
            for record in quotes_in_text(value, kinds=kinds):
                rows.append({"doc_id": doc_id, "field": "headline" if field_name == "headline" else "text", **{c: record[c] for c in _RECORD_COLUMNS}})
        bar.update(1)
    bar.close()
    return pd.DataFrame(rows, columns=QUOTE_COLUMNS)


_RECORD_COLUMNS = ["part", "start", "end", "quote", "speaker_as_written", "speaker", "cue", "description", "kind", "rule", "canonical",
                   "speaker_type", "speaker_organisation", "marks"]
QUOTE_COLUMNS = ["doc_id", "field", *_RECORD_COLUMNS]
