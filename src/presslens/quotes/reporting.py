"""The reporting or naming verb that governs a quote, and who it credits (issue 17).

Part of :mod:`presslens.quotes` (split from :mod:`presslens.quotes.kinds`, which decides what a
quoted run is and calls these): :func:`reporting_cue` finds a reporting verb earlier in the
quote's clause (``Ms Patel dismissed the report as "a whitewash"``), :func:`reporting_after` one
later in the sentence of a quote that opens it or a sentence that closes on its attribution,
:func:`named_by` a naming verb with an agent (``what the minister called "a reset"``),
:func:`headline_speaker` the ``Speaker: 'quote'`` of British headlines, and
:func:`reporting_subject` the subject such a verb credits.  :func:`title_like`,
:func:`headline_case` and :func:`clause_before` are the text tests both modules share.
"""

from __future__ import annotations

import re

from presslens.quotes.vocabulary import (
    ABBREVIATIONS,
    NAME,
    OPENERS,
    PERIOD,
    RX16,
    RX32,
    TITLES,
)

# Verbs (and "according to") that report what someone said, wrote or called something,
# in the forms that stand before a partial quote.
REPORTING = re.compile(r"(?<![\w-])(?:said|says|say|saying|told|tells|telling|call|calls|calling|called|describes|describing|described|"
                       r"accused|accusing|accuses|claimed|claiming|claims|vowed|vowing|vows|promised|promising|promises|pledged|pledging|pledges|"
                       r"warned|warning|warns|insisted|insisting|insists|argued|arguing|argues|wrote|writes|writing|tweeted|posted|declared|declaring|"
                       r"denounced|condemned|condemning|praised|praising|dismissed|dismissing|slammed|blasted|criticized|criticised|criticizing|"
                       r"criticising|mocked|mocking|lamented|decried|referred to|referring to|refers to|deemed|termed|characterized|characterised|"
                       r"branded|labelled|labeled|dubbed|predicted|predicting|suggested|suggesting|admitted|admitting|acknowledged|conceded|stated|"
                       r"noted|added|adding|explained|complained|asserted|asserting|contended|maintained|urged|urging|demanded|threatened|boasted|"
                       r"bragged|joked|quipped|recalled|announced|announcing|determined|concluded|ruled|assured|assuring|hailed|touted|touting|"
                       r"derided|ridiculed|rejected|denied|denying|thanked|remarked|cited|citing|asked|asking|replied|responded|countered|agreed|"
                       r"testified|emailed|texted|defended|defending|defends|stating|states|tell|urges|argue|claim|warn|insist|promise|vow|urge|accuse|"
                       r"deny|predict|suggest|demand|complain|cautioned|cautions|cautioning|proposed|proposes|concludes|[Aa]ccording to|"
                       r"tweeting|tweets|yelled|yelling|shouted|shouting|screamed|screaming|portrayed|portraying|portrays|"
                       r"declare|declares|admit|admits|acknowledge|acknowledges|acknowledging|concede|concedes|conceding|assert|asserts|"
                       r"contend|contends|contending|mused|musing|muses|characterizes|characterizing|recalls|recalling|announces|made\s+(?:it\s+)?clear|making\s+(?:it\s+)?clear|"
                       r"in (?:the|his|her|their) (?:own )?words of|in (?:his|her|their) (?:own )?words)\b")

# Cues that make a quoted phrase of three words or more (not a title) someone's words, though
# they also stand before quoted terms ('talked about "identity politics"', 'called for "calm"'):
# verbs of speaking about something, and a reported statement's noun ('his statement on
# Monday that "..."', 'her call for "..."').
_SAID_NOUN = r"(?:statement|comments?|remarks?|assertion|insistence|declaration|claim)"

_MORE_REPORTING = re.compile(r"(?<![\w-])(?:(?:calls|calling|called)\s+(?:for|on)|call\s+on|"
                             r"proclaimed|proclaiming|proclaims|coached|coaching|boast|boasts|boasting|vented|venting|exclaimed|"
                             r"(?:talk|talks|talked|talking|speak|spoke|speaks|speaking|spoken)\s+(?:about|of)|"
                             rf"(?P<noun>{_SAID_NOUN}(?=(?:\s+[\w,'\u2019-]+){{0,8}}?\s+that\b)|call(?=\s+for\b))(?:\s+[\w,'\u2019-]+){{0,8}}?\s+(?:that|for))\b")

# the one whose statement it is: 'Mr. Reed's statement', 'his comments', 'her call'
_POSSESSOR = re.compile(rf"(?:^|[\s(])(?P<who>{NAME}(?=['\u2019]s?\s)|[Hh]is|[Hh]er|[Tt]heir)(?:['\u2019]s?)?\s+(?:[\w-]+\s+){{0,3}}$")

# "is described as", "has been called": a naming verb in the passive is no speaker's cue.
_PASSIVE = re.compile(r"\b(?:is|are|was|were|be|been|being|now|often|widely|sometimes)\s+$")

NAMING_VERBS = frozenset("call calls called calling described describing describes dubbed branded labelled labeled termed deemed".split())

_PASSIVE_VERBS = frozenset("called described dubbed branded labelled labeled termed deemed hailed derided told".split())

_WORDS = re.compile(r"[A-Za-z][\w'\u2019-]*")

_HELPERS = r"(?:(?:[a-z]+ly|also|then|has|had|have|would|will|once|did|does|do|not|never|used\s+to|went\s+on\s+to|often|always|still|just|even|now|on\s+[A-Z][a-z]+day|(?:last|this)\s+(?:week|month|year))\s+){0,3}"

_PERSON = rf"(?P<who>(?:(?:[A-Z][a-z]+\.|[A-Z]{{2,5}})\s+)*{NAME}|[Hh]e|[Ss]he|[Tt]hey)"

# a person opening the sentence before an appositive ("Swanson, who is a pastor at ...")
_LEAD_PERSON = re.compile(rf"^(?P<who>(?:(?:{TITLES}|[A-Z][a-z]+\.)\s+)*{NAME}),\s+(?:who|a|an|the)\s")

# a person named before "of <place>" ("Speaker Paul D. Ryan of ", "Chancellor Ann Lowe of ")
_OF_PLACE = re.compile(r"(?:^|[\s(])(?P<owner>(?:(?:[A-Z][a-z]+\.|[A-Z]\.|[A-Z][\w'\u2019-]*)\s+){1,5})of\s+$")

# a description in lower case and a titled or full name after a capitalised word ("Democratic county candidate Sen. Ann Lowe")
_DESCRIBED_NAME = re.compile(r"\s+(?:(?!(?:in|on|at|of|for|to|from|with|and|or|the|a|an|who|which|that)\b)[a-z][\w-]*\s+){1,3}"
                             rf"(?:(?:(?:{TITLES}|[A-Z][a-z]+\.)\s+)+{NAME}|[A-Z][\w'\u2019-]+\s+[A-Z][\w'\u2019-]+)")

# the subject right before a finite reporting verb: "While Comey said", "Clinton has increasingly decried"
# (also 'Sen. Ada Reyes of Ohio, who mused')
_SUBJECT = re.compile(rf"(?:^|[\s(])(?P<who>(?:(?:[A-Z][a-z]+\.|[A-Z]{{2,5}})\s+)*{NAME}(?:\s+of\s+{NAME})?|[Hh]e|[Ss]he|[Tt]hey)"
                      r"(?:,[^,;]{2,100},)?,?\s+(?:who\s+)?" + _HELPERS + "$")

# the subject of the main clause, for a participle after a comma: "Romney hit back, calling it"
_PERSON_AFTER = re.compile(r"\s+(?P<whole>" + _PERSON + r"(?:,\s+(?:a|an|the|his|her|their)\s[^,.;]{2,80})?)")

_RUNS_ON = re.compile(r"^\s+[a-z]|^,\s")

# the attribution that closes a sentence and governs all of it: ", spokesman Neil Amber said",
# ", the unsigned opinion said on Monday", ", said Ada Reyes, a lawyer", ", according to the report"
_FINAL_VERB = r"(?:said|says|added|adds|told(?:\s+(?:reporters|[A-Z][\w-]+))?|wrote|writes|argued|argues|insisted|warned|explained|noted|claimed|" \
              r"claims|stated|acknowledged|conceded|recalled)"

_FINAL_ATTRIBUTION = re.compile(r",\s+(?:(?:(?:[A-Za-z][\w.'\u2019-]*\s+){1,6}?" + _HELPERS + r"(?P<cue>" + _FINAL_VERB + r")"
                                r"(?:\s+(?:on|in|at|last|this|late|earlier|later)(?:\s+[\w-]+){1,2})?)"
                                r"|(?P<cue2>said|says|added|according to)\s+[^,]{2,60}(?:,[^,]{2,80})?)\s*$")

# A naming verb with an agent: 'Ms Lee called the plan "a shambles"', 'calling him "a coward"', 'what
# the minister called "a reset"', 'whom Reed dubbed "the lodger"' (not 'a play called "..."', 'is called').
_NAMING_VERB = r"(?:call|calls|called|calling|dubbed|dubbing|labell?ed|labell?ing|branded|branding|termed|deemed|deeming|nicknamed|" \
               r"describes|described|describing)"

_OBJECT = r"(?:him|her|it|them|himself|herself|itself|themselves|us|me|you|(?:[A-Z][\w'\u2019.-]+\s+){0,2}[A-Z][\w'\u2019-]+|" \
          r"(?:the|his|her|its|their|this|that|these|those|our|my|your)\s+(?:[\w'\u2019-]+\s+){0,3}?[a-z][\w-]+|" \
          r"(?!(?:for|on|in|out|up|off|back|at|to|into|by|upon|from|as|a|an)\b)(?:[a-z][\w-]+\s+){0,2}[a-z][\w-]+s(?:\s+from\s+[A-Z][\w-]+)?)"

_AGENT = rf"(?:{NAME}|he|she|they|it|we|I|you|(?:the|a|an|one|his|her|its|their)\s+(?:[\w'\u2019-]+\s+){{0,3}}?[\w'\u2019-]+)"

_NAMED_BY = re.compile(rf"(?:(?<![\w-])(?<!\bis\s)(?<!\bare\s)(?<!\bwas\s)(?<!\bwere\s)(?<!\bbe\s)(?<!\bbeen\s)(?<!\bbeing\s)"
                       rf"(?:{_NAMING_VERB}|(?:portray|paint|cast|sum|summ|dismiss|denounc|brand|label)\w*(?:\s+up)?(?=\s+\S+(?:\s+\S+){{0,5}}\s+as\s))"
                       rf"\s+{_OBJECT}|\b(?:what|which|whom|who)\s+{_AGENT}\s+{_HELPERS}{_NAMING_VERB}(?:\s+(?:it|them|him|her))?)"
                       r"(?:\s+as)?(?:\s+(?:a|an|the))?\s*$")

_CLAUSE_SUBJECT = re.compile(r"^(?:(?:But|And|Yet|Still|However|Instead|Then|Later|Meanwhile|Also),?\s+)?" + _PERSON + r"\s+" + _HELPERS + r"[a-z]+\b[^,]*,\s*$")

# Words a title leaves in lower case in British style ("Hunters in the Dark").
_SMALL_WORDS = frozenset("a an the of in on at to for and or but by with from as into".split())



def title_like(words: str, longest: int = 8) -> bool:
    """A short run mostly of capitalised words (a work, a show, a slogan).

    Example
    -------
    >>> title_like("Meet the Press."), title_like("Hunters in the Dark"), title_like("a total disgrace")
    (True, True, False)
    """
    tokens = words.strip().rstrip(".,!?").split()
    content = [w for w in tokens if w.lower() not in _SMALL_WORDS] or tokens
    return 0 < len(tokens) <= longest and tokens[0][:1].isupper() and sum(1 for w in content if w[:1].isupper()) / len(content) >= 0.6



_LOWER_IN_TITLES = frozenset("with from into than that upon over onto".split())



def headline_case(text: str) -> bool:
    """Whether a stretch of text is set in title case (every word of four letters or
    more capitalised), as US headlines are: then capitals do not mark a title.

    Example
    -------
    >>> headline_case("Mayor Says Budget Is"), headline_case("The mayor said on")
    (True, False)
    """
    long_words = [w for w in _WORDS.findall(text) if len(w) >= 4 and w not in _LOWER_IN_TITLES]
    return len(long_words) >= 2 and all(w[0].isupper() for w in long_words)



def clause_before(head: str) -> str:
    """The sentence the quote stands in, up to the quote (a cut at the last sentence
    end that is not an abbreviation's full stop).

    Example
    -------
    >>> clause_before("The vote failed. Sen. Ada Reyes called it ")
    'Sen. Ada Reyes called it '
    """
    cut = 0
    for match in RX16.finditer(head):
        word = head[max(0, match.start() - 12): match.start()].rsplit(None, 1)[-1:] or [""]
        if head[match.start()] == "." and (word[0].lower() in ABBREVIATIONS or len(word[0]) == 1):
            continue  # "Sen. Ada Reyes", "J. Smith"
        cut = match.end()
    return head[cut:]



_GENERIC = r"(?:some|many|others|people|critics|opponents|detractors|sceptics|skeptics|observers|commentators|campaigners|fans)"

_NO_AGENT = re.compile(rf"\b(?:what|which|whom|who)\s+(?:{_GENERIC}|is|was|are|were)\b")

# a clause whose subject names no one: 'Critics have called the videos "..."' stays a scare quote
_GENERIC_SUBJECT = re.compile(rf"^\W*(?:(?:But|And|Yet|Now|Still)\s+)?(?:some\s+|many\s+)?{_GENERIC}\b(?:\s+\w+){{0,3}}\s*$", re.IGNORECASE)

# a British headline or standfirst giving its speaker before a colon: "Police chief: 'Stings put children at risk'"
HEADLINE_SPEAKER = re.compile(r"^\s*(?P<who>[A-Z][\w'\u2019.-]*(?:\s+[\w'\u2019.-]+){0,4}?)\s*:\s*$")

NOT_SPEAKERS = frozenset("review update watch video live opinion comment analysis explainer exclusive revealed pictured breaking "
                          "listen read quiz poll interview".split())



def headline_speaker(words: str, head: str) -> str | None:
    """The speaker of a quote that fills a line after ``Speaker:`` (British headlines and
    standfirsts), or None; not for a title (``Review: 'Hunters in the Dark'``).

    Example
    -------
    >>> headline_speaker("Stings put children at risk", "Police chief: ")
    'Police chief'
    >>> headline_speaker("Hunters in the Dark", "Review: ") is None
    True
    """
    match = HEADLINE_SPEAKER.match(head)
    if match is None or len(words.split()) < 3 or match.group("who").split()[0].lower() in NOT_SPEAKERS:
        return None
    if title_like(words) and not headline_case(words):
        return None
    return match.group("who")



def named_by(head: str) -> bool:
    """Whether the quote is what someone called something: a naming verb with its object
    before the quote, or after ``what``/``which``/``whom`` and an agent.

    Example
    -------
    >>> named_by("Ms Lee called the plan "), named_by("what the minister called ")
    (True, True)
    >>> named_by("a play called "), named_by("The scheme is called "), named_by("Critics have called the videos ")
    (False, False, False)
    """
    return _named_match(head) is not None



_RELATIVE_AGENT = re.compile(rf"(?:what|which|whom|who)\s+(?P<who>{_AGENT})\s+{_HELPERS}(?P<verb>{_NAMING_VERB})\b")



def _named_match(head: str):
    sentence = clause_before(head)
    match = _NAMED_BY.search(sentence, max(0, len(sentence) - 120))
    if match is None or _NO_AGENT.search(match.group(0)) or _GENERIC_SUBJECT.match(sentence[max(0, len(sentence) - 120): match.start()]):
        return None
    return match



def reporting_cue(head: str, longer: bool = False):
    """The reporting verb that governs a quote in the same clause (a match on the
    sentence before the quote), or None.

    Example
    -------
    >>> reporting_cue("Ms Patel dismissed the report as ").group(0)
    'dismissed'
    >>> reporting_cue("The plan has been described as ") is None
    True

    With ``longer`` (a quote of three words or more that is not title-like) also verbs of
    speaking about something and a statement's noun:

    >>> reporting_cue("Mr Reed stood by his statement on Monday that ", longer=True).group(0)
    'statement on Monday that'
    """
    sentence = clause_before(head)
    if headline_case(sentence[-60:]):
        sentence = sentence.lower()  # "Mayor Says Plan Is 'Dead on Arrival'"
    last = None
    for match in REPORTING.finditer(sentence):
        last = match
    if longer:
        for match in _MORE_REPORTING.finditer(sentence, max(0, len(sentence) - 160)):
            if last is None or match.start() > last.start() or (match.start() == last.start() and match.end() > last.end()):
                last = match  # 'called for' over 'called', 'his call for' over 'call'
    if last is None:
        return None
    between = sentence[last.end():]
    if len(between) > 120 or ";" in between:
        return None
    if last.group(0).split()[0] in _PASSIVE_VERBS and _PASSIVE.search(sentence[: last.start()]):  # 'was called on to'
        return None
    return last



def reporting_after(words: str, head: str, tail: str):
    """The reporting verb later in the sentence of a quote that opens it and runs on in
    lower case (``"Boots on the ground" would be wrong, Ms Reyes said.``), or None.

    Example
    -------
    >>> reporting_after("People were cheering", "", " before the crash, she said.").group(0)
    'said'

    A quote inside its sentence counts only when the sentence closes on its attribution
    (``The plan gives donors "a great deal of weight" in the race, spokesman Neil Amber
    said.``), and only for three words or more that are not title-like:

    >>> reporting_after("a great deal of weight", "The plan gives donors ", " in the race, spokesman Neil Amber said.").group(0)
    'said'
    >>> reporting_after("a great deal of weight", "The plan gives donors ", " in the race, which he said was over.") is None
    True
    """
    stripped = words.strip()
    if RX32.search(stripped) or not _RUNS_ON.match(tail):
        return None
    sentence = PERIOD.split(tail, maxsplit=1)[0]
    if clause_before(head).strip():  # inside its sentence: only a closing attribution governs it
        final = _FINAL_ATTRIBUTION.search(sentence)
        if final is None or len(stripped.split()) < 3 or title_like(stripped):
            return None
        return REPORTING.search(sentence, final.start("cue") if final.group("cue") else final.start("cue2"))
    last = None
    for match in REPORTING.finditer(sentence):
        last = match
    return last



def _lead_person(match) -> str | None:
    """The person opening the sentence when a subject match is the object of a preposition in
    that person's appositive ("Swanson, a pastor at the Reformation Church of Elmford, ...,
    slammed"), else None."""
    before = match.string[: match.start("who")]
    owner = _OF_PLACE.search(before)
    if not re.search(r"\b(?:at|in|of|for|from|with)\s+(?:the\s+)?$", before[: owner.start("owner")] if owner is not None else before):
        return None
    subject = _LEAD_PERSON.match(match.string)
    return subject.group("who") if subject is not None else None



def reporting_subject(head: str, tail: str = "", words: str = ""):
    """(who, verb) for a partial quote whose reporting verb follows its subject
    directly (``While Comey said there was ...``, ``Sen. Ada Reyes calling it``).

    Example
    -------
    >>> reporting_subject("Campaign chief Dana Holt dismissed the poll as ")
    ('Dana Holt', 'dismissed')
    >>> reporting_subject("While Reed said it was ")
    ('Reed', 'said')
    >>> reporting_subject("Ms Holt hit back at Tom Reed, calling the plan ")
    ('Ms Holt', 'calling')
    >>> reporting_subject("with Sen. Ada Reyes calling it ")
    ('Sen. Ada Reyes', 'calling')
    >>> reporting_subject("", " would be wrong, said Ada Reyes, a lawyer.", "Boots on the ground")
    ('Ada Reyes, a lawyer', 'said')

    A statement's noun gives its possessor, or no one:

    >>> reporting_subject("It followed Ms Hale's remarks on Monday that ", "", "crime is falling")
    ('Ms Hale', 'remarks')
    >>> reporting_subject("Critics' claim that ", "", "crime is falling") is None
    True
    """
    if (who := headline_speaker(words, head)) is not None and not tail.strip(" .!?'\u2019\"\u201d"):
        return who, "colon"
    stripped = words.strip()
    cue = reporting_cue(head, longer=len(stripped.split()) >= 3 and not title_like(stripped))
    sentence = clause_before(head)
    if cue is None and tail:
        cue = reporting_after(words, head, tail)
        sentence = PERIOD.split(tail, maxsplit=1)[0]
        after = _PERSON_AFTER.match(sentence, cue.end()) if cue is not None else None
        if after is not None:  # '..." about the plan, said Ada Reyes'
            return after.group("whole"), cue.group(0).lower()
    named = _named_match(head) if cue is None or cue.group(0) in NAMING_VERBS else None
    agent = _RELATIVE_AGENT.match(named.group(0)) if named is not None else None  # 'what the minister called "..."'
    if named is not None and (agent is not None or cue is None):
        match = agent or _SUBJECT.search(clause_before(head)[: named.start()])  # 'Mr. Reed summed up Ms. Hale as "..."'
        verb = agent.group("verb") if agent else named.group(0).split()[0].lower()
        return ((_lead_person(match) or match.group("who")), verb) if match is not None and match.group("who") not in OPENERS else None
    if cue is None:
        return None
    before = sentence[: cue.start()]
    if cue.group(0).lower() == "according to":  # "For Reed, according to X, the speech represents": X, not the subject before
        source = re.match(r"\s*(?P<who>[^,;:\"\u201c\u201d]{2,100}?)\s*,", sentence[cue.end():])
        return (source.group("who"), "according to") if source is not None else None
    if cue.re is _MORE_REPORTING and cue.group("noun"):  # 'his statement that "..."', not "Critics' claim that"
        match = _POSSESSOR.search(before)
        if match is not None and match.group("who").split()[0] not in OPENERS - {"His", "Her", "Their"}:
            who = {"his": "he", "her": "she", "their": "they"}.get(match.group("who").lower(), match.group("who"))
            return who, cue.group("noun").lower()
        if match is not None or re.search(r"(?:['\u2019]s?|\b(?:its|the|a|an|this|that))\s+(?:[\w-]+\s+){0,3}$", before):
            return None  # someone's or something's statement, not a subject's verb
    if cue.group(0).endswith("ing") and before.rstrip().endswith(","):
        match = _CLAUSE_SUBJECT.match(before) or _CLAUSE_SUBJECT.match(before.split(", ", 1)[-1])  # "During the debate, Cruz ..."
    else:
        match = _SUBJECT.search(before)
    if match is None:
        return None
    if (subject := _lead_person(match)) is not None:
        return subject, cue.group(0).lower()
    words = match.group("who").split()
    if len(words) == 1 and words[0].lower() in ("he", "she", "they") and (cue.re is _MORE_REPORTING or cue.group(0) in NAMING_VERBS):
        return words[0].lower(), cue.group(0).lower()  # 'She often speaks of "..."'
    owner = _OF_PLACE.search(match.string[: match.start("who")]) if words and words[0] not in OPENERS else None
    if owner is not None:  # "Chancellor Ann Lowe of Elmland condemned": the person, not the place after "of"
        words = [*owner.group("owner").split(), "of", *words]
    described = _DESCRIBED_NAME.match(match.string, match.end("who")) if len(words) == 1 else None
    if described is not None:  # "Democratic county candidate Sen. Ann Lowe (I-Vt.) on Saturday criticized": the name after the description
        words = [*words, *match.string[match.end("who"): described.end()].split()]
    while words and words[0] in OPENERS:  # "While Comey" -> "Comey"
        words.pop(0)
    if not words:
        return None
    return " ".join(words), (cue.group("noun") if cue.re is _MORE_REPORTING and cue.group("noun") else cue.group(0)).lower()
