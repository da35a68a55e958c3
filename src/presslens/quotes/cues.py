"""Cue readers of step 2 of the quote pipeline (attribution): the attribution phrase after a
closed quote ("...," said X / X said / - X), before it in the same sentence ("X said:", "As X put
it,", "According to X,", 'X called it "..."'), and the subject of an uncued sentence.

Part of :mod:`presslens.quotes`; see its docstring for the pipeline and references.
"""

from __future__ import annotations

import re
from functools import lru_cache as _lru_cache

from presslens.quotes import subjects
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
    RX17,
    RX18,
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
# A speaker's label opening a transcript line: "Rep. Ann Lowe (R-Ohio):", "Former home secretary Ann Lowe:".
_LABEL_COLON = re.compile(r"^(?P<who>[A-Z][\w.'\u2019-]*(?:\s+[a-z]+){0,4}(?:\s+[A-Z][\w.'\u2019-]*){2,4}(?:\s*\([A-Z][\w.-]{1,10}\))?)\s*:\s*$")
# A question put by someone named in a passive: "X was asked by host Ann Lee, ...", "... pressed by reporter Ann Lee about".
_ASKED_BY = re.compile(r"\b(?:was|were|been|being)\s+(?:asked|pressed|questioned|challenged)\s+by\s+(?P<who>[^,;:\"\u201c\u201d]+?)"
                       r"(?:,|\s+(?:whether|if|about|why|how|what|when|on|during|to)\b|\s*$)")
# A speaker in an absolute clause: "..., with Chief Constable Ann Lee warning that", "with Trump reportedly yelling:".
_WITH_DOING = re.compile(rf"\bwith\s+(?P<who>(?:[A-Z][\w.'\u2019-]*\s+)?(?:[a-z][\w-]*\s+){{0,2}}(?:(?:{TITLES}|[A-Z][a-z]+\.)\s+)*{NAME})"
                         r"\s+(?:[a-z]+ly\s+)?[a-z]+ing\b")
# A party label after a name: "Sen. Ann Lowe, R-Ohio," -> "Sen. Ann Lowe".
PARTY_LABEL = re.compile(r",\s*[RDI]-[A-Z][A-Za-z.]{0,8}(?=,|\s*$)")
_HEAD_NAME = re.compile(rf"^(?:(?:{TITLES}|[A-Z][a-z]+\.)\s+)*{NAME},\s")
# A byline paragraph under a quotation: "- Ann Lee.", "\u2014 Sen. Ann Lee, at a rally in Ohio."
BYLINE = re.compile(r"^\s*[\u2014\u2013-]{1,2}\s*(?P<who>(?:[A-Z][\w.'\u2019-]*\s*){1,5}(?:\([^)]{1,12}\))?)(?:,[^\n]{0,120})?\.?\s*$")
AFTER_SHORT_SENTENCE = re.compile(rf"^\s*(?P<who>(?:[A-Z][\w'.-]*\s+){{0,4}}[A-Z][\w'.-]*|[Hh]e|[Ss]he|[Tt]hey)\s+(?P<verb>{VERB})\s*(?:\.|$)")


_AND_CLAUSE = re.compile(r",\s+(?:and|but)\s+(?=[A-Z]|the\s+[A-Z]|(?:he|she|they)$)")
_FINITE = re.compile(r"\s[a-z]{3,}ed\s|\s(?:made|said|told|was|were|is|are|has|had|took|gave|won|lost|did)\s")


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


_THIS_TIME = frozenset("""week weekend month year morning afternoon evening night time summer spring autumn fall winter season term session
decade century spring one is was""".split())


def who_ok(who: str) -> bool:
    who = who.strip()
    if not who or len(who.split()) > 24:
        return False
    first = who.split()[0].strip(",")
    if re.match(r"(?:--?|[\u2013\u2014])\s*(?:and|but|or)\b", who):
        return False  # '"..." - and vowed to ...', '"..."\u2014and promised ...': the sentence's subject goes on, not a speaker
    if re.fullmatch(r"[-\u2014\u2013\u2015]+", first):  # '"..." - and said', '"..." \u2014 asserting': a dash opens the phrase
        return who_ok(who[len(first):])
    if who.lower() in PRONOUNS:
        return True
    if first.islower() and first.endswith("ing"):  # '"...," claiming that he is ... states': a clause, not a speaker
        return False
    if re.fullmatch(r"[a-z]{3,}(?:al|ent|ant|ate|ous|ar|ed|ive|ful|ic|ible|able|ess|ary)ly", first):  # "particularly in Iowa, ...": an adverb
        return False
    words = who.split()
    if first == "this" and 2 <= len(words) <= 5 and words[1].strip(",").lower() not in _THIS_TIME and "," not in who and not RX18.search(who):
        first = words[1]  # '"...," this reporter was told', '"...," this Trump look-alike declared': a description
    if first.lower() in ("earlier", "later", "last", "yesterday", "today", "tonight", "meanwhile", "separately", "that", "this", "it", "there", "what", "which", "in", "on", "at", "as", "if", "when", "because", "and", "to", "by",
                         "after", "before", "during", "from", "with", "for", "of", "following", "since", "until", "while", "where", "how", "why",
                         "is", "was", "were", "are", "has", "had", "have", "not", "also", "then", "so", "but", "or", "about", "than"):
        return False
    lead = RX17.split(who, maxsplit=1)[0]
    if RX18.search(lead):
        return False
    return True


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
    match = _CLAUSE_CUE.search(sentence)
    if match is None or _OTHER_CUE.search(match.group("rest")) or " - " in match.group("rest") or not who_ok(match.group("who")):
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
    match = _LATE_CUE.search(sentence)  # '... a fundraiser in which Reed said:', '..., when a young boy shouted,': the cue's own subject
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
            who = subject.group("who") if subject else (subjects.sentence_subject(who) or who)
        if ", " in who and (not who_ok(who) or subjects.opens_with_clause(who)):  # "In a call on Dec. 2, Col. Reyes, ... said"
            lead = subjects.lead_clause_subject(who)  # ... and "Earlier this week, Cllr Hale condemned the cuts and vowed"
            who = (subjects.sentence_subject(lead) or lead) if lead else who
        if not who_ok(who) and ", " in who:  # "Whether the issue is X or Y, Mr. Garin added,": the subject after the clause
            last = _AS_WHO.sub("", who.rsplit(", ", 1)[1])  # "Of course, as Ann Lee observed, the ...:", "as chief prosecutor Ann Lee put it,"
            head_part = last.split(" who ")[0]  # "..., a council official who spoke on condition of anonymity said"
            described = last != who.rsplit(", ", 1)[1] and re.search(r"\b[A-Z]", last) is not None
            parts = head_part.split()
            verbal = any(_verb_like(w, parts[j + 1] if j + 1 < len(parts) else "") for j, w in enumerate(parts[1:], 1)) or parts[-1:] in (["and"], ["or"]) \
                or re.search(rf"(?:[A-Z][\w.'\u2019-]+|\bhe|\bshe|\bthey)\s+(?:[a-z]+\s+)?{VERB}\b(?<!ing)", match.group("rest") or "") is not None  # a later cue of its own: '..., the president often says: ... X said was a'
            verbal = verbal or (bool(parts) and parts[-1].islower() and parts[-1] in _TRAILING)
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
    withs = list(_WITH_DOING.finditer(sentence))  # "..., with Ann Lee warning that", "with Trump reportedly yelling:"
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



# --------------------------------------------------------------------------- a clause ending in a colon (issue 17)
_AUX = frozenset("""is was are were has had have does did do doesn't didn't don't isn't wasn't hasn't hadn't can could would will may might
must should shall can't couldn't wouldn't won't""".replace("'", "\u2019").split()) | frozenset("""is was are were has had have does did do
doesn't didn't don't isn't wasn't hasn't hadn't can could would will may might must should shall can't couldn't wouldn't won't""".split())
_NOT_VERB_S = frozenset("""his its this us as thus less unless whereas across news series species means politics economics plus yes was
has does is always perhaps sometimes""".split())
_IRREGULAR_VERBS = frozenset("""put shot went took gave made hit struck spoke wrote began kept felt found held led left sent set told thought saw came
became drew threw broke chose rose fought brought bought sought ran won lost stood said let cut got knew meant read grew flew blew spent paid
laid sold sat met fled hid swore wore tore sang rang stuck spun stole sank forgot understood withdrew oversaw quit shut spread cast hurt
upheld built lent bent dealt woke""".split())
_PLURAL_VERBS = frozenset("say tell argue believe think want know warn claim insist agree expect hope fear feel worry contend suggest".split())
_TRAILING = frozenset("also then still now too again later once often never already even only just first".split())
_RELATIVE = frozenset("that whose which who whom where when there".split())
_AGENT_NOUN = re.compile(r"^(?:spokes\w*|official|officials|aides?|campaign|committee|group|graduate|lawyer|attorney|leaders?|statement|letter|report|"
                         r"paper|study|website|memo|release|ad|poll|survey|columnist|commentator|editor|writer|hosts?|staff|team|allies|plan|proposal|platform|manifesto|book|memoir|\w+(?:ers|ors|ists|ians|ants|ents))$")
_DETERMINERS = frozenset("the a an his her its their one some many most all both each every other others another".split())
_NO_SUBJECT = frozenset("""it this that these those there here what which who whom whose how why when where if whether as so such one
the a an its his her their our my your some many most all both each every other others another nobody anyone someone everyone""".split())
_CLAUSE_OPENERS = frozenset("""in on at for from with without by of to under over after before during since until while when whenever if
although though because as once upon across among amid despite like unlike besides then later earlier today yesterday tonight now meanwhile
instead indeed still yet but and or so however also likewise similarly moreover asked speaking writing more back last next""".split())
# verbs whose object, not subject, is the one who then speaks: 'The timing does not surprise pollster Ann Lee:'
_EXPERIENCER = re.compile(r"^(?:surprise[sd]?|surprising|strike|strikes|struck|puzzle[sd]?|worr(?:y|ies|ied)|bother(?:s|ed)?|impress(?:es|ed)?|"
                          r"amuse[sd]?|alarm(?:s|ed)?|baffle[sd]?|frustrate[sd]?|anger(?:s|ed)?|dismay(?:s|ed)?|shock(?:s|ed)?|lost)$")
_OBJECT_NAME = re.compile(rf"(?:^|\s)(?P<who>(?:[A-Z][\w-]*\s+)?(?:[a-z][\w-]*\s+){{0,3}}(?:(?:{TITLES}|[A-Z][a-z]+\.)\s+)*[A-Z][\w'\u2019-]+(?:\s+[A-Z][\w'\u2019-]+){{1,3}})\s*:\s*$")
_MORE_FROM = re.compile(r"(?:^|[\u2014\u2013-]\s*)(?:More|Much more|Read more) from (?P<who>[A-Z][^:;\"\u201c\u201d]{1,80}?)\s*:\s*$")
_LEAD_CONJUNCTION = re.compile(r"^(?:And|But|Yet|So|Or|Still|Now|Then)\s+(?=\S)")
_OWNER_DOCUMENT = re.compile(rf"^(?P<who>(?:(?:{TITLES}|[A-Z][a-z]+\.)\s+)*[A-Z][\w-]+(?:\s+[A-Z][\w-]+){{0,2}})['\u2019]s\s+(?:[a-z]+\s+)?"
                             r"(?:letter|statement|memo|email|e-mail|tweet|post|blog post|message|op-ed|essay|speech|remarks|reply|response|note)$")
_LATE_CUE = re.compile(rf"\b(?:in which|at which|during which|where|when|as)\s+(?P<who>(?:(?:{TITLES}|[A-Z][a-z]+\.)\s+)*{NAME}|he|she|they|"
                       rf"(?:a|an|the)\s+(?:[a-z][\w-]*\s+){{0,2}}[a-z][\w-]*)\s+(?:also\s+|then\s+)?(?P<verb>{VERB})\s*[:,]?\s*$")
# a cue inside a subordinate clause that ends just before the quote: "X tweeted after Ann Lee argued that", "..., hours after
# Lee said he was", "after a woman in Dunmore, Ohio, told him": that clause's subject, not the main clause's
_CLAUSE_CUE = re.compile(rf"(?:^|\s)(?:(?:hours|days|weeks|minutes|moments|shortly|just|soon|only|even)\s+)?(?:after|before|until|when|as|while)\s+"
                         rf"(?P<who>(?:[A-Za-z][\w-]*\s+){{0,2}}?(?:(?:{TITLES}|[A-Z][a-z]+\.)\s+)*{NAME}|he|she|they|"
                         rf"(?:a|an|the)\s+(?:[a-z][\w-]*\s+){{0,2}}[a-z][\w-]*\s+(?:in|from|of|at)\s+{NAME}(?:,\s+{NAME},)?)\s+(?:also\s+|then\s+|had\s+|has\s+)?"
                         rf"(?P<verb>{VERB})\b(?P<rest>[^;\"\u201c\u201d\u2014\u2013]{{0,100}}?)\s*(?:\bthat|[,:])?\s*$")
_OTHER_CUE = re.compile(rf"(?:[A-Z][\w.'\u2019-]+|\bhe|\bshe|\bthey)\s+(?:[a-z]+\s+)?{VERB}\b")
_SO_THAT = re.compile(r"\b(?:so|such)\s+(?:[a-z]+\s+){1,3}?that\s+(?=\S)")


def _verb_like(word: str, following: str) -> bool:
    """Whether a word after a noun phrase reads as its finite verb (or an auxiliary)."""
    bare = word.rstrip(":")
    if bare.strip(",;") != bare or not bare:
        return False
    low = bare.lower()
    if low in _AUX or low in _IRREGULAR_VERBS or low in _PLURAL_VERBS:
        return bare.islower()
    if not bare.isalpha() or not bare.islower() or len(bare) < 4 or low in _NOT_VERB_S:
        return False
    if not (low.endswith("ed") or low.endswith("s")):
        return False
    nxt = following.strip(",;:").lower()
    # 'questioners ranged': a plural noun followed by the verb
    return not (low.endswith("s") and not low.endswith("ss") and (nxt.endswith("ed") or nxt in _AUX or nxt in _IRREGULAR_VERBS))


def colon_subject(sentence: str, cue: str = "colon"):
    """(speaker, "colon") for a clause that ends in a colon after a speaker who is its
    subject, named or described ('The Elmford campaign, in a leaflet, put it bluntly:',
    "Ann Lee's letter makes a case:"), or the object of a verb of being struck ('The timing
    does not surprise pollster Ann Lee:'), or None.

    Example
    -------
    >>> colon_subject("The Elmford campaign, in a leaflet on the plan, worded it carefully:")
    ('The Elmford campaign', 'colon')
    >>> colon_subject("The timing does not surprise Labour pollster Ann Lee:")
    ('Labour pollster Ann Lee', 'colon')
    >>> colon_subject("The reason is simple:") is None
    True
    """
    text = sentence.strip()
    if (cue == "colon" and not text.endswith(":")) or len(text) > 400:
        return None
    cut = list(_SO_THAT.finditer(text))
    if cut:
        text = text[cut[-1].end():]
    withs = list(_WITH_DOING.finditer(text))  # '..., with Ann Lee reportedly yelling:'
    if withs and who_ok(withs[-1].group("who")):
        return withs[-1].group("who"), cue
    late = _LATE_CUE.search(text)  # '... a fundraiser at which Ann Lee said:', '... when a young boy shouted,'
    if late and who_ok(late.group("who")):
        return late.group("who"), late.group("verb").lower()
    more = _MORE_FROM.search(text)
    if more:  # a digest line: '- More from Ann Lee:'
        return more.group("who"), "colon"
    parts = [text] + [text[m.end():] for m in re.finditer(r",\s+|\s*[\u2014\u2013]{1,2}\s*|\s+-{1,2}\s*", text)]
    for part in parts:
        part = _LEAD_CONJUNCTION.sub("", part)
        words = part.split()
        if len(words) < 2:
            continue
        first = words[0].strip(",")
        if first.lower() in _CLAUSE_OPENERS or first.lower() in ("based", "according", "given", "compared", "including", "following") \
                or first[:1] in "([" or (first.islower() and first.endswith(("ing", "ed"))) or re.split(r"['\u2019]", first.lower())[0] in _NO_SUBJECT - _DETERMINERS:
            continue
        if first.lower() in _NO_SUBJECT - _DETERMINERS:
            continue  # "It gets better:"; "That is, when ... X called them on it:" reads on
        index, noun = 0, []
        while index < len(words) and len(noun) < 13:
            word = words[index]
            following = words[index + 1] if index + 1 < len(words) else ""
            if noun and _verb_like(word, following):
                break
            dash = word in ("\u2014", "\u2013", "--") and bool(noun)
            if word.endswith(",") or dash:  # an appositive or an aside between commas or dashes: 'The campaign, in a Q&A on X, worded'
                if not dash:
                    noun.append(word.rstrip(","))
                close = next((j for j in range(index + 1, min(len(words), index + 22))
                              if (words[j] == word if dash else words[j].endswith(","))), None)
                if close is None:
                    noun = []
                    break
                index = close + 1
                while index < len(words) and words[index].endswith("ly") and words[index].islower():
                    index += 1
                if index < len(words) and _verb_like(words[index], words[index + 1] if index + 1 < len(words) else ""):
                    break
                noun = []
                break
            noun.append(word)
            index += 1
        while len(noun) > 1 and noun[-1].islower() and (noun[-1].endswith("ly") or noun[-1] in _TRAILING):  # 'Her campaign quickly blasted out'
            noun.pop()
        if not noun or index >= len(words) or len(noun) > 12:
            continue
        low = [w.lower() for w in noun]
        if (noun[0].islower() and low[0] not in _DETERMINERS and low[0] not in ("he", "she", "they", "we") and len(noun) > 4
                and not any(w[:1].isupper() for w in noun[1:3])) \
                or sum(1 for w in noun if len(w) > 2 and w.isupper()) >= 3:
            continue  # 'appearance during the war and pointedly saying the country', a digest headline in capitals
        head_noun = next((low[j - 1] for j in range(1, len(low)) if low[j] in ("of", "as", "on", "in", "at", "for", "with", "against", "from")), low[-1])
        if (low[0] in ("his", "her", "its", "their") and not _AGENT_NOUN.match(head_noun)) or any(w.endswith(":") for w in noun):
            continue  # 'His first segment as a freelancer', 'His auto bailout fact-check'; not 'Her campaign', 'Its hosts'
        if any(w in _RELATIVE for w in low) or any(w == "to" and j + 1 < len(low) and noun[j + 1].islower() and low[j + 1] not in ("the", "a", "an", "his", "her", "its", "their")
                                                   for j, w in enumerate(low)):
            continue  # 'The fact that X's bill ...', 'There is still time for X to build ...': a clause, not a speaker
        who = " ".join(noun)
        rest = words[index:]
        verb = rest[0].lower() if rest else ""
        if verb in _AUX and len(rest) > 1:
            verb = rest[1].lower().strip(",")
        if _EXPERIENCER.match(verb) or (verb == "not" and len(rest) > 2 and _EXPERIENCER.match(rest[2].lower())):
            match = _OBJECT_NAME.search(" ".join(rest))
            return (match.group("who"), cue) if match else None
        if len(noun) == 1 and (noun[0].lower() in ("he", "she", "they", "we")
                               or (noun[0][:1].isupper() and noun[0] not in OPENERS and not noun[0].endswith("s") and noun[0].isalpha())):
            pass  # 'Reed did not name his rival, but told ...'; not 'Critics', 'Respondents'

        elif not any(w[:1].isupper() and w != "I" for w in noun[1:]) \
                and not _AGENT_NOUN.match(low[-1]):
            continue
        owner = _OWNER_DOCUMENT.match(who)  # "Pike's letter makes a case:": the letter's writer
        who = owner.group("who") if owner else who
        return (who, cue) if who_ok(who) or who in ("he", "she", "they", "we") else None
    return None


# A cue closing the clause before a quote, after its verb phrase: '... was prompted to say,', '... sent an email
# stating,', '..., but told his supporters,'
_TAIL_CUE = re.compile(r"(?:\b(?:went so far as|went on|had|has|was|were|is|are|decided|chose|wanted|seemed|appeared|used|began|prompted|forced|able|moved|only)\s+"
                       r"to\s+(?P<inf>say|announce|state|add|declare|write|insist|argue|warn|note|explain|ask|tell\s+[\w'\u2019]+(?:\s+[\w'\u2019]+)?|quip|joke|tweet|post)"
                       r"|\b(?P<part>stating|declaring|announcing|proclaiming|warning|asserting)"
                       r"|,\s+(?:and|but)\s+(?:then\s+|later\s+|also\s+|instead\s+)?(?P<verb>told|said|added|wrote|warned|insisted|declared|asked|tweeted)"
                       r"(?:\s+(?:his|her|their|the|a)\s+[\w'\u2019-]+)?)\s*[,:]\s*$")


def tail_cue_subject(sentence: str):
    """(speaker, cue) for a sentence whose cue closes it after the verb phrase of its subject
    ("Mr. Reed was prompted to say,", "Her campaign sent an email stating,", "Ann Lee did not
    name her rival, but told supporters,"), or None.

    Example
    -------
    >>> tail_cue_subject("The hearing was so quiet that Cllr Ann Lee was prompted to say,")
    ('Cllr Ann Lee', 'say')
    >>> tail_cue_subject("Sheriff Tom Reed did not name his rival, but told his deputies,")
    ('Sheriff Tom Reed', 'told')
    """
    match = _TAIL_CUE.search(sentence)
    if not match:
        return None
    cue = (match.group("inf") or match.group("part") or match.group("verb")).split()[0]
    body = sentence[: match.start()].rstrip(" ,")
    if match.group("inf"):  # the verb before "to say" stays: 'Mr. Reed was prompted'
        body = sentence[: match.start("inf")].rstrip()[: -len("to")].rstrip()
    return colon_subject(body, cue) if len(body.split()) >= 2 else None
