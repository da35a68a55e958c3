"""Cue readers of step 2 of the quote pipeline (attribution): the attribution phrase after a
closed quote ("...," said X / X said / - X), before it in the same sentence ("X said:", "As X put
it,", "According to X,", 'X called it "..."'), and the subject of an uncued sentence.

Part of :mod:`presslens.quotes`; see its docstring for the pipeline and references.
"""

from __future__ import annotations

import re
from functools import lru_cache as _lru_cache

from presslens.quotes import subjects
from presslens.quotes.clauses import (  # noqa: F401 (also read as cues.<name>)
    CLAUSE_CUE,
    LATE_CUE,
    OTHER_CUE,
    TRAILING_WORDS,
    WITH_DOING,
    colon_subject,
    tail_cue_subject,
    verb_like,
    who_ok,
)
from presslens.quotes.vocabulary import (
    ABBREVIATIONS,
    CALLED,
    CALLING,
    NAME,
    OPENERS,
    PERIOD,
    PRONOUNS,
    RX15,
    RX16,
    RX19,
    RX20,
    RX21,
    RX22,
    RX23,
    RX24,
    RX26,
    SUBJECT_DESCRIBED,
    TITLES,
    VERB,
)

# --------------------------------------------------------------------------- step 2: attribution rules

_WHO = r"(?P<who>[^\"\u201c\u201d\u2018;!?]+?)"
_AFTER_VERB_FIRST = re.compile(rf"^\s*[,.]?\s*(?P<verb>{VERB})\s*,?\s+(?P<who>[^;!?:\"\u201c\u201d\n]+)")
_AFTER_WHO_FIRST = re.compile(rf"^\s*[,.]?\s*{_WHO},?\s+(?P<verb>{VERB})\b(?P<rest>[^\"\u201c\u201d\n]*)")
_AFTER_MIXED = re.compile(r"^\s+[a-z][^\"\u201c\u201d]{0,160}?,\s+(?P<verb>said|says|added|adds)\s+(?P<who>(?:[A-Z][\w.'-]*|the|a|an)[^\"\u201c\u201d,]{0,60}(?:,[^\"\u201c\u201d]{0,120})?)\.$")
RUN_ON_WORDS = frozenset("and or but nor is was are were has had have will would can could as than then so which that who".split())
_AFTER_DASH = re.compile(r"^\s*[\u2014\u2013-]{1,2}\s*(?P<who>[^\"\u201c\u201d\n]+?)\s*\.?$")
_BEFORE_VERB = re.compile(rf"(?:^|[.!?;]\s+|,\s+(?:and|but)\s+|\bas\s+)(?P<who>(?:[A-Z][^!?;\"\u201c\u201d]*?)|he|she|they|we|I)\s*,?\s+(?:also\s+|then\s+|later\s+|had\s+|has\s+|have\s+|would\s+|will\s+|once\s+)?"
                          rf"(?P<verb>{VERB})\b(?P<rest>[^!?;\"\u201c\u201d]{{0,160}}?)\s*(?P<end>[:,]|\bthat|\bit was|\bthe [a-z]+ (?:was|is|were|are|had|has)|[a-z]+)?\s*$")
# the verb before its subject: 'Said Comey, "...', 'Continued Stone: "...', 'In other words, explained moderator Jane Roe: "...'
_BEFORE_INVERTED = re.compile(rf"(?:^|[.!?]\s+|,\s+)(?P<verb>(?-i:[Ss]aid|[Aa]dded|[Cc]ontinued|[Ee]xplained|[Ww]rote|[Aa]sked|[Ss]tated|[Nn]oted|[Rr]eplied|"
                              rf"[Rr]esponded|[Dd]eclared|[Rr]ecalled|[Ii]nsisted|[Ww]arned|[Qq]uipped|[Ss]ays|[Aa]dds|[Ww]rites))\s+"
                              rf"(?P<who>(?:{TITLES}|[A-Z][\w.'-]*|[a-z][\w-]*)(?:\s+[\w.'-]+){{0,6}}?(?:,[^,:\"\u201c]{{2,100}})?)\s*[:,]\s*$")
# a parenthetical attribution: "The plan, Sexton said, has created ...", the name between commas and a verb after
_PARENTHETICAL = re.compile(r",\s+(?!(?:adding|saying|noting|citing|according|in|at|on|during|after|before|when|while|as|that)\b)[a-z]+\s+[a-z]")
_PARENTHETICAL_WHO = re.compile(r"(?:(?:[A-Z][\w.'\u2019-]*|of|de|van|von)\s+){0,4}[A-Z][\w'\u2019-]+|he|she|they|we")
_BEFORE_ACCORDING = re.compile(r"[Aa]ccording to (?P<who>[^:\"\u201c\u201d]+?)\s*[:,]?\s*$")
_BEFORE_COLON = re.compile(r"(?:^|[.!?]\s+|\s[\u2014\u2013-]+\s*)(?P<who>(?:(?:[A-Z][\w'.-]*|of|the|for|at|and|&)\s*,?\s*){1,8})\s*:\s*$")
# A speaker's label opening a transcript line: "Rep. Ann Lowe (R-Ohio):", "Former home secretary Ann Lowe:",
# and a match report's list of reactions: "- Harbour Town boss Dean Pryce:".
# (after a list's dash the colon may be missing: "- Harbour Town boss Dean Pryce "We ...")
_LABEL_COLON = re.compile(r"^(?:(?P<bullet>[-\u2013\u2014\u2022*])\s*)?(?P<who>[A-Z][\w.'\u2019-]*(?:\s+[A-Z][\w.'\u2019-]*){0,2}(?:\s+[a-z]+){0,4}"
                          r"(?:\s+[A-Z][\w.'\u2019-]*){2,4}(?:\s*\([A-Z][\w.-]{1,10}\))?)(?:\s*:|(?(bullet)(?<=[a-z])|(?!)))\s*$")
# A question put by someone named in a passive: "X was asked by host Ann Lee, ...", "... pressed by reporter Ann Lee about".
_ASKED_BY = re.compile(r"\b(?:was|were|been|being)\s+(?:asked|pressed|questioned|challenged)\s+by\s+(?P<who>[^,;:\"\u201c\u201d]+?)"
                       r"(?:,|\s+(?:whether|if|about|why|how|what|when|on|during|to)\b|\s*$)")
# A party label after a name: "Sen. Ann Lowe, R-Ohio," -> "Sen. Ann Lowe".
PARTY_LABEL = re.compile(r",\s*[RDI]-[A-Z][A-Za-z.]{0,8}(?=,|\s*$)")
_HEAD_NAME = re.compile(rf"^(?:(?:{TITLES}|[A-Z][a-z]+\.)\s+)*{NAME},\s")
# A byline paragraph under a quotation: "- Ann Lee.", "\u2014 Sen. Ann Lee, at a rally in Ohio."
BYLINE = re.compile(r"^\s*[\u2014\u2013-]{1,2}\s*(?P<who>(?:[A-Z][\w.'\u2019-]*\s*){1,5}(?:\([^)]{1,12}\))?)(?:,[^\n]{0,120})?\.?\s*$")
AFTER_SHORT_SENTENCE = re.compile(rf"^\s*(?P<who>(?:[A-Z][\w'.-]*\s+){{0,4}}[A-Z][\w'.-]*|[Hh]e|[Ss]he|[Tt]hey)\s+(?P<verb>{VERB})\s*(?:\.|$)")


_AND_CLAUSE = re.compile(r",\s+(?:and|but)\s+(?=[A-Z]|the\s+[A-Z]|(?:he|she|they)$)"
                         r"|\s+(?:and|but)\s+(?=(?:the|his|her|their)\s+(?:[a-z][\w-]*\s+)?[a-z][\w-]*$|(?:he|she|they)$|(?P<name>(?:[A-Z][\w'.-]+\s+){0,2}[A-Z][\w'.-]+$))")  # ("Early talks have taken place and the striker")
_FINITE = re.compile(r"\s[a-z]{3,}ed\s|\s(?:made|said|told|was|were|is|are|has|had|have|took|gave|won|lost|did)\s")


# a described subject before its past-tense verb, in a clause that goes on with "saying": "the groups issued a statement"
_NOUN_PHRASE_SUBJECT = re.compile(r"^(?P<who>(?:[Tt]he|[Aa]n?|[Ii]ts|[Tt]heir)\s+(?:[\w'\u2019-]+\s+){0,4}?[a-z][\w-]+)\s+(?:[a-z]+ly\s+)?"
                                  r"(?:issued|released|put|sent|posted|published|made|gave|wrote|took|[a-z]{3,}ed)\b")
_AS_WHO = re.compile(r"^[Aa]s\s+(?=(?:[a-z][\w-]*\s+){0,3}[A-Z]|the\s|an?\s)")
_BULLET = re.compile(r"^\s*[~\u2022\u00b7*]+\s*")


def second_clause(who: str) -> str:
    """The subject of the second of two joined clauses before a cue verb.

    Example
    -------
    >>> second_clause("The Ledger made the claim in May, and the Elmford Gazette")
    'the Elmford Gazette'
    """
    joined = _AND_CLAUSE.search(who)
    if joined and joined.group("name") and "," in who[: joined.start()]:
        return who  # ("Parker Eaton, a Republican who voted for JFK and Bill Clinton": inside the apposition)
    return who[joined.end():] if joined and _FINITE.search(who[: joined.start()]) else who


def last_sentence(head: str) -> str:
    text = head.rstrip()
    cut = 0
    for match in RX16.finditer(text):
        before = text[: match.start()]
        last_word = before.rsplit(None, 1)[-1].lower().lstrip("(") if before.strip() else ""
        if match.group(0)[0] == "." and (last_word.rstrip(".") in ABBREVIATIONS or len(last_word) == 1 or "." in last_word.rstrip(".") or RX15.fullmatch(last_word)):
            continue
        cut = match.end()
    return text[cut:]


# Speed (issue 17): a pure function of its text, read again and again for the same head or paragraph
# (by several rules for one quote, and three times at a paragraph's end): cached.
last_sentence = _lru_cache(maxsize=1024)(last_sentence)


def sentence_cut(text: str) -> str:
    """Text up to its first sentence end (a full stop after an abbreviation, an initial or
    "D-N.Y." is not one)."""
    for match in PERIOD.finditer(text):
        if text[match.start()] == ".":
            before = text[: match.start()]
            last_word = before.rsplit(None, 1)[-1].lower().lstrip("(") if before.strip() else ""
            if last_word in ABBREVIATIONS or len(last_word) == 1 or "." in last_word or RX15.fullmatch(last_word):
                continue
        return text[: match.start()]
    return text


# an owner's group or office as the subject: "Ryan's campaign shrugged off ...", "The mayor's office hit back"
_POSSESSIVE_SUBJECT = re.compile(r"^(?P<who>(?:[Tt]he\s+)?(?:[A-Z][\w.-]*\s+){0,3}[A-Z][\w-]*['\u2019]s\s+(?:[a-z]+\s+)?(?:campaign|office|team|spokes\w+|"
                                 r"lawyers?|attorneys?|aides?|camp|staff|allies|party|administration|government|department|foundation))\s+"
                                 r"(?:[a-z]+ly\s+)?[a-z]+(?:ed|s)?\b")
_SUBORDINATOR_LEAD = re.compile(r"^(?:Although|Though|Even though|While|Whereas|Because|Since|Unless|Once)\s+(?=(?:he|she|they|we|I)$|[A-Z][\w.'\u2019-]*(?:\s+[A-Z][\w.'\u2019-]*){0,3}$)")
_EMBEDDED_QUESTION = re.compile(r"\b(?:over|about|on|of|to)\s+(?:how|what|why|whether)\b")
_INVERTED_PARENTHETICAL = re.compile(rf"^\s+(?P<who>(?:(?:{TITLES}|[A-Z][a-z]+\.)\s+)*{NAME}(?:,\s+[^,;:\"\u201c\u201d]{{2,80}}?)?),\s+(?:is|was|are|were|has|had|will|would|can|could)\b")
# a subordinate clause whose subject speaks: "..., where Senate leader Ann Lowe told reporters"
_SUBORDINATE = re.compile(r",\s+(?:where|when|after|while|because|since|although|though|as)\s+(?=(?:[A-Z][\w.'\u2019-]*\s+){0,5}[A-Z][\w'\u2019-]+(?:\s*\([^()]{1,20}\))?$|(?:he|she|they)$)")
# a phrase that runs the sentence on after a quote before its attribution ("among small donors, spokesman X said")
_RUNNING_PHRASE = re.compile(r"^(?:among|across|for|in|on|at|with|by|from|to|into|over|under|after|before|during|since|around|near|"
                             r"throughout|within|without|about|against|between|beyond|than|as)\s")


# "it" as the speaker, after a quote ('"...," it said in a statement', '"...," it added') or opening the sentence before it
# ('It said: "..."', 'In its report, it warned that "..."'): an organisation named before (see Registry.body), never a person.
_IT_VERBS = r"(?:said|says|added|adds|stated|states|warned|warns|noted|notes|wrote|writes|claimed|claims|argued|argues|insisted|insists|concluded|explained)"
_IT_AFTER = re.compile(rf"^\s*[,.]?\s*it\s+(?:also\s+|then\s+|later\s+|has\s+|had\s+)?(?P<verb>{_IT_VERBS})\b")
_IT_BEFORE = re.compile(rf"^\W{{0,3}}(?:(?:But|And|However|Meanwhile|Separately|Earlier|Later),?\s+)?(?:In\s+(?:a|an|its|the)\s+[^,\"\u201c\u201d]{{1,60}},\s+)?"
                        rf"[Ii]t\s+(?:also\s+|then\s+|later\s+|has\s+|had\s+)?(?P<verb>{_IT_VERBS})\b[^\"\u201c\u201d]{{0,160}}$")


def it_said(tail: str, head: str = ""):
    """("it", verb) when "it" says the quote: in the attribution after it (``tail``) or, with
    ``head``, as the subject of the sentence before it; else None.

    Example
    -------
    >>> it_said(", it said in a statement."), it_said("", "It added:"), it_said(", it seems.")
    (('it', 'said'), ('it', 'added'), None)
    """
    match = _IT_BEFORE.match(last_sentence(head).lstrip()) if head else _IT_AFTER.match(tail)
    return ("it", match.group("verb")) if match else None


def after(tail: str):
    """Attribution after a closed quote, in the same sentence: (who, verb) or None.

    Example
    -------
    >>> after(", said Ann Lee, a councillor."), after(" - a view shared by many.")
    (('Ann Lee, a councillor', 'said'), None)
    """
    tail = tail.split("\n")[0][:240]
    match = _AFTER_VERB_FIRST.match(tail)
    if match:
        who = sentence_cut(match.group("who")).strip()
        who = " ".join(who.split()[:20]) if len(who.split()) > 20 else who  # "said X, a former aide to ... who ...": the head is enough
        verb = match.group("verb").lower()
        if who_ok(who) and not who.lower().startswith(("the court", "that ")) and not (verb.startswith("tell") or verb == "told"):
            return who, verb  # not '"...," telling Channel 9 that': the one told is no speaker
    match = _AFTER_WHO_FIRST.match(tail)
    who = re.sub(r"^as\s+(?=[A-Z]|he\b|she\b|they\b)", "", match.group("who").strip()) if match else ""  # '"...," as Cruz said on Monday'
    if ", " in who and _RUNNING_PHRASE.match(who) and sentence_cut(who) == who:  # (not across a full stop: '" by waiting. Lee, who ..., said')  # '"..." among small donors, spokesman Neil Amber said': the speaker after the phrase
        who = who.split(", ", 1)[1]
    elif match and re.match(r"(?:like|unlike|including|such as|despite|amid)\s", who) and match.group("rest")[:1] in (" ", ","):
        inverted = _AFTER_VERB_FIRST.match(tail[match.start("verb"):])  # '"..." like the recent swings in markets, said Ann Lee, ...'
        if inverted:
            named = sentence_cut(inverted.group("who")).strip()
            return (named, inverted.group("verb").lower()) if who_ok(named) else None
    if match and who[:1].islower() and re.search(r"\s(?:that|which|when|where)\s", who) and who.split()[0] not in PRONOUNS:
        return None  # '... the "undue burden" standard that the court announced': a relative clause, not an attribution
    if match and len(who.split()) > 22 and _HEAD_NAME.match(who) and sentence_cut(who) == who:
        who = " ".join(who.split()[:20])  # '"..." Ann Lee, the front-runner in ... after winning ..., said': the head is enough
    if match and who_ok(who) and len(who.split()) <= 22:
        inside = who[:-1] if who.endswith(".") and tail[match.end("who"):].startswith(",") else who  # "..., Mass., said"
        abbreviation = who.endswith(".") and sentence_cut(who) == who[:-1]  # a full stop closing the phrase before ", said" is an abbreviation's
        if sentence_cut(who) != who and not abbreviation and sentence_cut(inside) != inside:
            return None  # a sentence boundary inside: not the same sentence ("retired in Elmford, Mass., said" is one)
        return who, match.group("verb").lower()
    match = _AFTER_DASH.match(tail)
    words = match.group("who").split() if match else []
    if words and len(words) <= 16 and (words[0][:1].isupper() or (len(words) <= 4 and words[0] not in RUN_ON_WORDS)):  # not '" - a word he used twice'
        return match.group("who"), "dash"
    match = _AFTER_MIXED.match(sentence_cut(tail) + ".")
    if match and who_ok(match.group("who")):  # '"..." but to take the lead, says X.': the sentence ends with its attribution
        return match.group("who"), match.group("verb").lower()
    return None


def clause_cue(sentence: str):
    """(who, verb) of a cue verb inside a subordinate clause that runs up to the quote, or None.

    Example
    -------
    >>> clause_cue("The chief constable tweeted after Cllr Ann Lee argued that")
    ('Cllr Ann Lee', 'argued')
    >>> clause_cue("Lane backed it on Tuesday, hours after Tom Kerr said he was")
    ('Tom Kerr', 'said')
    """
    match = CLAUSE_CUE.search(sentence)
    if match is None or OTHER_CUE.search(match.group("rest")) or " - " in match.group("rest") or not who_ok(match.group("who")):
        return None
    return match.group("who"), match.group("verb").lower()


def before(head: str):
    """Attribution before the quote, in the same sentence: (who, verb) or None.

    Example
    -------
    >>> before("But as the Harlow Courier pointed out,")
    ('the Harlow Courier', 'pointed out')
    """
    sentence = last_sentence(head)
    sentence = subjects.DATELINE.sub("", sentence.lstrip() if sentence.lstrip()[:1].isupper() else sentence)  # '..." Its director, X, said
    if not sentence.strip() or RX19.search(sentence.rstrip()):
        return None
    sentence = _BULLET.sub("", sentence)  # a digest line: "~ As the Ledger put it,"
    match = _BEFORE_ACCORDING.search(sentence)
    if match and (match.group(0).startswith("A") or len(match.group("who").split()) <= 12 or ", " not in match.group("who")):
        return match.group("who"), "according to"
    if match:  # "His criticism, according to an interview with the Ledger, was ...": the source before the comma
        source = match.group("who").split(", ", 1)[0]  # (not "said that according to its analysis, the party has won ..., but")
        if source.split()[0].lower() not in ("its", "his", "her", "their", "our", "my") and len(source.split()) <= 12:
            return source, "according to"
    match = _ASKED_BY.search(sentence)  # "Rubio was asked by moderator Ann Lee whether ...": the one asking
    if match and who_ok(match.group("who")):
        return match.group("who"), "asked"
    match = LATE_CUE.search(sentence)  # '... a fundraiser in which Reed said:', '..., when a young boy shouted,': the cue's own subject
    if match and who_ok(match.group("who")):
        return match.group("who"), match.group("verb").lower()
    match = clause_cue(sentence)
    if match is not None:
        return match
    match = _BEFORE_INVERTED.search(sentence)
    if match and who_ok(match.group("who")):
        return match.group("who"), match.group("verb").lower()
    match = _BEFORE_VERB.search(sentence)
    if match and _EMBEDDED_QUESTION.search(match.group("who")):
        match = None  # "The debate over how the county responds ...": the verb of an embedded question
    if match and sentence[match.end("who"): match.start("verb")].strip() == "," and match.group("verb").lower() in ("says", "said") \
            and (inverted := _INVERTED_PARENTHETICAL.match(match.group("rest"))) and who_ok(inverted.group("who")):
        return inverted.group("who"), match.group("verb").lower()  # "The paradox of X, says Carl Antony, historian at ..., is that"
    if match:
        who = match.group("who")
        # "Smith, who ... , said" keeps the whole phrase; drop a leading clause ("When asked, X said", "In addition, he said")
        who = RX20.sub("", who)
        who = RX21.sub("", who)
        who = RX22.sub("", who)
        who = RX23.sub("", subjects.AS_LEAD.sub("", subjects.AS_INSIDE.sub("", who)))  # "As the Ledger reported,": the outlet
        who = _SUBORDINATOR_LEAD.sub("", who)  # "Although he told the FBI ...", "Though Ann Lowe said": the clause's subject
        clause = _SUBORDINATE.search(who)
        if clause:  # "The row spread to the Capitol, where Senate leader Ann Lowe told": the subject of the clause
            who = who[clause.end():]
        if ", " in who and _PARENTHETICAL.match(match.group("rest") + " " + (match.group("end") or "")) and _PARENTHETICAL_WHO.fullmatch(who.rsplit(", ", 1)[1]):
            who = who.rsplit(", ", 1)[1]  # "The plan, Sexton said, has created": the clause's subject is not the speaker
        who = second_clause(who)
        if re.search(r"\s(?:and|but)(?:\s+(?:now|then|later|also|instead|still|quickly|soon))?$", who):  # '..., but now says', "Reid voted in Reno on Saturday and says": the subject of the first verb
            who = subjects.sentence_subject(who) or who
        if len(who.split()) > 22 and _HEAD_NAME.match(who):  # "Ann Lowe, a former ... who now studies ... at the X Center, said"
            who = " ".join(who.split()[:20])
        if match.group("verb").lower().endswith("ing"):  # "Mr. Tate defended the plan, saying ..."
            subject = SUBJECT_IN_SENTENCE.match(who + " ")
            subject = subject if subject and not subjects.opens_with_clause(subject.group("who")) else None  # not "Amid calls for ..."
            subject = subject or _POSSESSIVE_SUBJECT.match(who + " ")  # "Ryan's campaign shrugged off Reed's comments, telling"
            subject = subject or _NOUN_PHRASE_SUBJECT.match(who)  # "the groups issued a statement saying"
            who = subject.group("who") if subject else (subjects.sentence_subject(who) or who)
        if ", " in who and (not who_ok(who) or subjects.opens_with_clause(who)):  # "In a call on Dec. 2, Col. Reyes, ... said"
            lead = subjects.lead_clause_subject(who)  # ... and "Earlier this week, Cllr Hale condemned the cuts and vowed"
            noun_phrase = _NOUN_PHRASE_SUBJECT.match(lead) if lead and match.group("verb").lower().endswith("ing") else None
            who = (subjects.sentence_subject(lead) or (noun_phrase.group("who") if noun_phrase else lead)) if lead else who
        if not who_ok(who) and ", " in who:  # "Whether the issue is X or Y, Mr. Garin added,": the subject after the clause
            last = _AS_WHO.sub("", who.rsplit(", ", 1)[1])  # "Of course, as Ann Lee observed, the ...:", "as chief prosecutor Ann Lee put it,"
            head_part = last.split(" who ")[0]  # "..., a council official who spoke on condition of anonymity said"
            described = last != who.rsplit(", ", 1)[1] and re.search(r"\b[A-Z]", last) is not None
            parts = head_part.split()
            verbal = any(verb_like(w, parts[j + 1] if j + 1 < len(parts) else "") for j, w in enumerate(parts[1:], 1)) or parts[-1:] in (["and"], ["or"]) \
                or re.search(rf"(?:[A-Z][\w.'\u2019-]+|\bhe|\bshe|\bthey)\s+(?:[a-z]+\s+)?{VERB}\b(?<!ing)", match.group("rest") or "") is not None  # a later cue of its own: '..., the president often says: ... X said was a'
            verbal = verbal or (bool(parts) and parts[-1].islower() and parts[-1] in TRAILING_WORDS)
            clause = colon_subject(last, "subject") if verbal and match.group("verb").lower().endswith("ing") else None
            if clause is not None:  # '..., as Ann Lee echoed the criticism, saying': the subject of that clause
                who = clause[0]
            elif not verbal and (last[:1].isupper() or last in ("he", "she") or described or (last.startswith(("the ", "a ", "an ")) and not _FINITE.search(f" {head_part} ")
                                                                and " when " not in last)) and len(last.split()) <= (12 if " who " in last else 8):
                who = last
        if who_ok(who) and len(who.split()) <= 22:
            return who, match.group("verb").lower()
    match = _BEFORE_COLON.search(sentence)
    if match and who_ok(match.group("who")):
        return match.group("who"), "colon"
    match = _LABEL_COLON.match(sentence.strip())
    if match and who_ok(match.group("who")):
        return match.group("who"), "colon"
    if sentence.rstrip().endswith(":"):  # 'Conservative pundit Rory Vance disagreed: "..."'
        match = SUBJECT_DESCRIBED.match(sentence)
        if match and who_ok(match.group("who")) and match.group("who").split()[-1] not in OPENERS:
            return match.group("who"), "colon"
    # 'When asked, Ms. Rowe smiled and said,', 'Vance shot back:': the sentence's subject (of the clause after a semicolon)
    hit = subjects.cue_subject(sentence.rsplit(";", 1)[-1].lstrip())
    if hit and who_ok(hit[0]):
        return hit
    if sentence.rstrip().endswith(":"):
        hit = colon_subject(sentence.rsplit(";", 1)[-1])  # "X's letter makes a case:"
        if hit is not None:
            return hit
    return tail_cue_subject(sentence.rsplit(";", 1)[-1])


def called(head: str):
    """(who, verb) for a quote naming something in the subject's words ("X called the plan '...'")."""
    sentence = last_sentence(head)
    match = CALLED.search(sentence)
    if match and who_ok(match.group("who")) and match.group("who").split()[0] not in OPENERS - {"He", "She"}:
        return match.group("who"), "called"
    match = CALLING.search(sentence)
    if match:
        clause = RX21.sub("", RX20.sub("", sentence))  # "Speaking at a rally, Trump went after Bush, calling him"
        subject = SUBJECT_DESCRIBED.match(clause) or RX26.match(clause)
        if subject and subject.group("who").split()[0] not in OPENERS - {"He", "She"}:
            return subject.group("who"), "called"
    return None


SENTENCE_SUBJECT = re.compile(rf"^(?P<who>(?:(?:{TITLES}|(?:[A-Z][a-z]+\.))\s+)*{NAME}(?:,[^.!?]{{2,120}}?,)?)\s+(?!{VERB}\b)[a-z]")


SUBJECT_IN_SENTENCE = re.compile(rf"^(?:(?:But|And|Yet|Still|However|Instead|Then|Later|Earlier|Meanwhile),?\s+)?(?P<who>(?:(?:{TITLES}|(?:[A-Z][a-z]+\.))\s+)*{NAME}(?:,[^.!?]{{2,120}}?,)?|He|She)\s+(?:also\s+|then\s+|later\s+|earlier\s+|further\s+)?(?!{VERB}\b)(?!(?:this|his|its|us|as|thus|less)\b)[a-z]+(?:ed|s)\b")


LEADING_SUBORDINATE = re.compile(r"^(?:(?:But|And|Yet)\s+)?(?:While|When|Whenever|Although|Though|After|Before|Once|Until|Since|Because)\s+(?=\S)")


def late_subject(head: str):
    """(subject, "subject") of the unfinished sentence before a speech quote that no cue
    attributes: 'Clinton slammed the shift and accused Sanders of a "flip-flop."'.

    Example
    -------
    >>> late_subject("Cllr Ray Dunmore slammed the decision and accused the cabinet of a")
    ('Cllr Ray Dunmore', 'subject')
    """
    sentence = last_sentence(head)
    if not sentence.strip() or RX24.search(sentence):
        return None
    withs = list(WITH_DOING.finditer(sentence))  # "..., with Ann Lee warning that", "with Trump reportedly yelling:"
    if withs and who_ok(withs[-1].group("who")):
        return withs[-1].group("who"), "subject"
    lead = LEADING_SUBORDINATE.match(sentence.lstrip())
    if lead and "," not in sentence.lstrip()[lead.end():]:  # 'While Ann Lee calls the plan a "...": the quote inside the clause, its subject
        hit = colon_subject(sentence.lstrip()[lead.end():], "subject")
        if hit is not None:
            return hit[0], "subject"
    match = SUBJECT_IN_SENTENCE.match(sentence)
    who = match.group("who") if match else subjects.sentence_subject(sentence)
    if who and who.split()[0] not in OPENERS - {"He", "She"} and who.split()[0].lower() not in subjects.CLAUSE_FIRST and who_ok(who):
        return who, "subject"  # (not "Multiple reports ... reveal")
    return colon_subject(sentence, "subject")  # a described subject: 'Her economic plan promises to "..."', 'Some Democrats say the race could mark the "..."'
