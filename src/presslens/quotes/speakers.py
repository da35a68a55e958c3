"""Step 3 of the quote pipeline, second half: the registry of people and organisations an article
names, for surnames, pronouns and organisation nouns.  A speaker phrase is read as an entity in
:mod:`presslens.quotes.mentions`; :class:`Speaker` and :func:`parse_speaker` stay importable from here.

Part of :mod:`presslens.quotes`; see its docstring for the pipeline and references.
"""

from __future__ import annotations

import re

from presslens.quotes.coref import (
    DEMONYMS,
    DESCRIPTION_ANYWHERE,
    DESCRIPTION_SUBJECT,
    ROLE_BEFORE,
    ROLE_SUBJECT_BEFORE,
    description_referent,
    namesake,
    resolve_pronoun,
    salient_referent,
)
from presslens.quotes.mentions import (  # noqa: F401  (re-exported)
    ORG_NOUN,
    Speaker,
    document_issuer,
    parse_speaker,
    split_name,
    strip_title_dot,
)
from presslens.quotes.scan import (
    ORG_SCAN,
    PLACE,
    ArticleScan,
    mention_matches,
    sentence_pieces,
    unlisted_name,
)
from presslens.quotes.subject_patterns import (
    AGED_AFTER,
    APPOSITION_SUBJECT,
    BEFORE_PRONOUN_SAID,
    CAPITAL_WORD,
    CLAUSE_AFTER_NAME,
    CLAUSE_VERB_AFTER,
    CUE_AFTER,
    CUE_BEFORE,
    DESCRIBED_NAME_SUBJECT,
    DESCRIPTION_BEFORE,
    GROUP_PLURAL,
    HE_SHE,
    NAME_SAID,
    NOT_A_NAME,
    NOT_DESCRIPTIONS,
    NOUN_BEFORE,
    NOUN_SUBJECT_BEFORE,
    OFFICE_OF,
    PREPOSITION_BEFORE,
    PRONOUN_SAID,
    PRONOUN_SUBJECT,
    SUBJECT_AFTER,
    SUBJECT_BEFORE,
    THERE_IS_AFTER,
    THERE_IS_BEFORE,
    TO_INFINITIVE,
    TWO_CAPITALS,
    UNNAMED_SUBJECT,
    UNNAMED_SUBJECT_ANYWHERE,
    WORDS_BEFORE_NAME,
)
from presslens.quotes.vocabulary import (
    ABBREVIATIONS,
    HONORIFICS_FEMALE,
    HONORIFICS_MALE,
    OPENERS,
    ORG_NOUNS,
    ORG_WORDS,
    PARTICLES,
    PERIOD,
    RX10,
    RX11,
    RX12,
    RX13,
    RX14,
    TITLE_WORDS,
    VERB,
    first_name_firm,
    first_name_gender,
)


class Registry:
    """The people and organisations of one article, for resolving surnames, ``Mr Smith``,
    pronouns and ``the force``."""

    def __init__(self, text: str):
        self.text = text
        self._scan = None  # names and organisations anywhere in the article, read when needed
        self.people: list[str] = []
        self.descriptions: dict[str, str] = {}
        self.known: dict[str, list[str]] = {}  # every description written beside a person's name (ages, nationalities), for "the 41-year-old"
        self.quoted: dict[str, int] = {}  # the sentence a person was last given a quote in (read with the quote, not the words around it)
        self.unnamed_since = -1  # the last sentence whose subject or speaker is someone unnamed ("A neighbour said"): descriptions look no further back
        self.titles: dict[str, str] = {}
        self.gender: dict[str, str] = {}
        self.gender_sure: dict[str, bool] = {}  # gender from a title or an earlier he/she, not only from the first name
        self.organisations: list[str] = []
        self.body_spoke: tuple[int, str] = (0, "")  # (pieces read, organisation) when an organisation was last quoted
        self.recent: list[str] = []  # people in order of mention (speakers and subjects)
        self.mentions: list[tuple[int, str, bool, bool]] = []  # (sentence number, person, quoted as speaker, subject) in text order; person "": someone not known as subject ("The Scot said" unresolved)
        self.org_pieces: list[str] = []  # the text read so far, for organisations named in it
        self._org_by_piece: list[list[str]] = []
        self.known_organisations: int | None = None
        self.sentence = 0
        self._after_pronoun: set[int] = set()  # mentions after a he/she in their sentence (not what that he/she refers to)
        self._pronoun_open = False  # a he/she read in the sentence not yet finished
        self._apposition: tuple[int, int, bool] | None = None  # (end of the name, end of its apposition, a cue verb after it) in the sentence read

    def person(self, speaker: Speaker, spoke: bool = False, subject: bool = False) -> str:
        if " and " in speaker.name:  # two people named together: each is known from now on, the pair is the speaker
            return " and ".join(self.person(Speaker(mention=part, name=part, description=speaker.description, type="person"), spoke, subject)
                                for part in speaker.name.split(" and "))
        name = speaker.name
        words = name.split()
        if len(words) == 1 or (len(words) == 2 and words[0] in PARTICLES):
            surname = words[-1]
            for full in reversed(self.people):
                if full.split()[-1] == surname and full != name \
                        and not (speaker.gender and (self.gender.get(full) or first_name_gender(full.split()[0]) or speaker.gender) != speaker.gender):
                    name = full  # (the Clinton whose gender agrees with "Mrs. Clinton", "Mr. Clinton")
                    break
            else:
                name = self.article()[0].get(surname, name)
        if name not in self.people:
            self.people.append(name)
        described = speaker.description
        if described and not RX10.fullmatch(described):
            self.descriptions.setdefault(name, described)
            self.note(name, described)
        if speaker.title:
            self.titles.setdefault(name, speaker.title)
        if speaker.gender:  # from a title (Mr, Mrs, Congresswoman): sure
            self.gender[name], self.gender_sure[name] = speaker.gender, True
        elif name not in self.gender and " " in name and first_name_gender(name.split()[0]):
            self.gender[name] = first_name_gender(name.split()[0])  # from the first-name list: a weak guess
        self.mentioned(name, spoke, subject)
        return name

    def organisations_named(self, pieces: int | None = None) -> list[str]:
        """Organisations named (by a type word) in the first ``pieces`` stretches of text read."""
        pieces = len(self.org_pieces) if pieces is None else pieces
        while len(self._org_by_piece) < pieces:
            piece = self.org_pieces[len(self._org_by_piece)]
            found = []
            for match in ORG_SCAN.finditer(piece):
                words = match.group("org").split()
                while len(words) > 1 and words[0] in OPENERS:
                    words = words[1:]
                found.append(" ".join(words))
            self._org_by_piece.append(found)
        return [org for found in self._org_by_piece[:pieces] for org in found]

    def link_its(self, description: str, known: int | None = None) -> str:
        """'Its founder' / "the group's leader" -> '... of <the organisation last named>' (among
        the first ``known`` organisations named, when given)."""
        if not RX11.match(description):
            return description
        organisations = self.organisations_named(known)
        if organisations and RX12.match(description):
            return f"{description} of {organisations[-1]}"
        return description

    def article(self) -> tuple[dict[str, str], list[str]]:
        if self._scan is None:
            self._scan = ArticleScan(self.text)  # (read lazily, part by part: speed)
        return self._scan

    def mentioned(self, name: str, spoke: bool = False, subject: bool = False) -> None:
        if name in self.recent:
            self.recent.remove(name)
        self.recent.append(name)
        self.mentions.append((self.sentence, name, spoke, subject))

    def pronoun(self, speaker: Speaker) -> str:
        """The person a he/she refers to, among the people of the nearest earlier sentence
        that mentions one and of the two sentences with people before it: the nearest, the
        most salient there (quoted as a speaker, else the grammatical subject: a name before
        its verb, not one inside "As for X," or "According to X,"), of agreeing gender.

        A gender from a title or an earlier he/she rules a person out; a gender from the
        first-name list only weighs against a person (a name given to one gender, such as
        Grace, weighs more than one mostly given to one, such as Lindsey), against the
        sentences back to the person and how salient they were there.  A person whose gender
        disagrees gives way to a namesake named so far whose gender agrees (a bare "Clinton"
        read as one Clinton, then "she").
        """
        if speaker.mention.lower() in ("they", "we"):
            return ""
        mentions = [m for i, m in enumerate(self.mentions) if m[0] != self.sentence or (i not in self._after_pronoun and m[1])]  # (someone
        # unknown as subject, "The senator was rallying for Eric Kingson, ... as he promised", weighs only in the sentences after)
        surnames = {p.split()[-1] for p in self.people if " " in p} | set(self.article()[0])
        weak = {name for _, name, _, _ in mentions if " " not in name and not self.gender.get(name) and name not in self.titles
                and name not in surnames and not first_name_gender(name) and NOT_A_NAME.search(name)}
        return resolve_pronoun(speaker.gender, mentions, self.gender, self.gender_sure,
                               lambda name, gender: namesake(name, gender, self.people, self.gender), weak)

    def note(self, name: str, words: str) -> None:
        """Words written beside a person's name ("Welsh forward", "41, of Kestrel Lane", "aged 25"), kept for descriptions."""
        known = self.known.setdefault(name, [])
        if words and words not in known:
            known.append(words)

    def describe(self, description: str, fallback: bool = False) -> str:
        """The person named earlier whom a definite description ("the senator", "The Vermont
        senator", "the 41-year-old", "the Scot") refers back to, or ``""`` (see
        :func:`presslens.quotes.coref.description_referent`; with ``fallback``, the one person
        the story is plainly about here, :func:`presslens.quotes.coref.salient_referent`)."""
        last = {name: sentence for sentence, name, _, _ in self.mentions}
        candidates = [(name, self.descriptions.get(name, ""), self.titles.get(name, ""), self.gender.get(name, ""), self.sentence - last.get(name, 0),
                       "; ".join(self.known.get(name, ()))) for name in reversed(self.recent)]
        mentions = [m for m in self.mentions if (" " not in m[1] or m[1] in self.titles or self.gender.get(m[1]) or m[1] in self.descriptions)
                    and (m[0] < self.sentence or self.quoted.get(m[1]) == self.sentence)]  # (in its own sentence, only who was quoted just before)
        return description_referent(description, candidates, fallback=fallback, salient=lambda allowed, gender, other_role: salient_referent(
            mentions, self.sentence, allowed, gender, self.gender, self.gender_sure, self.unnamed_since, other_role=other_role))  # (not "Fenwick Rovers": no first name, title or description)

    def spoken_for(self, mention: str, before: str = "") -> str:
        """The body whose unnamed spokesperson a description refers back to ("the spokesman", "the council
        spokeswoman", "the official"), or ``""``: the last "<body> spokesman" or "a spokesman for <body>" in the text
        read so far and ``before`` (the paragraph up to the quote) with the same noun (a spokesperson for either
        gender), of the body its modifier names ("council": a Council; "Northmoor": a body so named).  Not a body
        whose spokesperson was named ("spokesman Neil Amber": the person, see :meth:`describe`).

        Example
        -------
        >>> Registry("").spoken_for("the council spokeswoman", "Fares will rise, an Elmford Borough Council spokeswoman said.")
        'Elmford Borough Council'
        >>> Registry("").spoken_for("the spokesman", "A Northmoor Police spokesman, Neil Amber, said the force would act.")
        ''
        """
        match = _THE_SPOKES.match(mention)
        if match is None:
            return ""
        noun, modifier = match.group("noun").lower(), match.group("mod") or ""
        types = ORG_NOUNS.get(modifier.lower(), ()) if modifier.islower() else ()
        if modifier.islower() and not types and modifier != "same":
            return ""  # ("the senior official", "the campaign spokesman" with no campaign named: not sure which body)
        for found in reversed(list(_BODY_SPOKES.finditer(("".join(self.org_pieces[-8:]) + " " + before)[-4000:]))):
            said = found.group("noun").lower()
            if said != noun and not (said.startswith("spokes") and noun.startswith("spokes") and "person" in said + noun):
                continue
            speaker = parse_speaker(found.group(0))
            body = found.group("body") or ""
            if speaker.type != "organisation" and body.islower() and ORG_NOUNS.get(body):  # "a council spokeswoman"
                speaker = Speaker(mention=f"the {body}", type="organisation")
            org = self.organisation(speaker) if speaker.type == "organisation" else ""
            if not org[:1].isupper() or (types and not any(t in org.split() for t in types)) \
                    or (modifier[:1].isupper() and modifier not in org.split()):
                continue
            return org
        return ""

    def link_gender(self, name: str, gender: str) -> None:
        """A he/she resolved to ``name``: its gender is now known (unless a title said otherwise)."""
        if gender and not self.gender_sure.get(name) and (self.gender.get(name, gender) == gender or not first_name_firm(name.split()[0])):
            self.gender[name], self.gender_sure[name] = gender, True  # (against a first name firmly of the other gender: stays a guess)

    def scan(self, segment: str) -> None:
        """Register the people named in a stretch of text outside quotes, sentence by sentence:
        names (a name after a he/she in its sentence is not what that he/she means), the person
        a description as subject refers back to, and the person a he/she opening a sentence
        refers to (the subject there, so that a chain of "He ..." sentences keeps its person)."""
        if not TWO_CAPITALS.search(segment) and not any(p.rsplit(None, 1)[-1] in segment for p in self.people) and not NAME_SAID.search(segment) \
                and not (self.people and DESCRIPTION_ANYWHERE.search(segment)) \
                and not any(word in self.article()[0] for word in CAPITAL_WORD.findall(segment)):  # ("Then there's Lee.": a surname named in full later)
            # nobody named here: only count the sentences (numbers need only be increasing)
            self.org_pieces.append(segment)
            unnamed = UNNAMED_SUBJECT_ANYWHERE.search(segment) if self.people else None
            if unnamed:  # "One supporter who had travelled down said ...": someone new, unnamed, is the subject
                self.unnamed_since = self.sentence + len(PERIOD.findall(segment, 0, unnamed.start() + 1))
            ends = PERIOD.findall(segment)
            self.sentence += len(ends)
            self._pronoun_open = (self._pronoun_open and not ends) or bool(HE_SHE.search(PERIOD.split(segment)[-1]))
            return
        for piece, ends in sentence_pieces(segment):
            he_she = None if self._pronoun_open else HE_SHE.search(piece)  # (searched once: speed)
            pronoun = 0 if self._pronoun_open else (he_she.start() if he_she else None)
            opener = PRONOUN_SUBJECT.match(piece) if self.people else None
            if opener:  # "He then asked ...", "Though he did not name them, he made it clear ...": its person is the subject here
                referent = self.pronoun(Speaker(mention=opener.group("pronoun"), type="pronoun", gender="m" if opener.group("pronoun").lower() == "he" else "f"))
                if referent:
                    self.mentioned(referent, bool(CUE_AFTER.match(piece, opener.end("pronoun"))), True)
            if self.people and UNNAMED_SUBJECT.match(piece):
                self.unnamed_since = self.sentence  # "A neighbour on Hatherley Road said ...": someone new, unnamed, is the subject
            described = DESCRIPTION_SUBJECT.match(piece) if self.people else None
            if described:  # "The Vermont senator declined ...": the person it refers back to is the subject here
                referent = self.describe(described.group("description"), fallback=True)
                if referent:
                    self.mentioned(referent, bool(CUE_AFTER.match(piece, described.end("description"))), True)
                else:  # someone not known is the subject here: a he/she after it is not the person named before
                    self.mentions.append((self.sentence, "", bool(CUE_AFTER.match(piece, described.end("description"))), True))
            two_capitals = bool(self.people) or TWO_CAPITALS.search(piece) is not None  # (searched once for both tests below: speed)
            apposition = APPOSITION_SUBJECT.match(piece) if two_capitals else None
            self._apposition = (apposition.end("head"), apposition.end("apposition"), bool(re.fullmatch(VERB, apposition.group("verb")))) \
                if apposition else None
            described_name = DESCRIBED_NAME_SUBJECT.match(piece) if two_capitals else None
            self._described_name = described_name.start("name") if described_name else -1
            for match in mention_matches(piece):
                known = len(self.mentions)
                self._mention(match, piece)
                if pronoun is not None and match.start() > pronoun:
                    self._after_pronoun.update(range(known, len(self.mentions)))
            self._apposition, self._described_name = None, -1
            said = PRONOUN_SAID.match(piece, pronoun) if self.people and not opener and pronoun is not None else None
            if said and BEFORE_PRONOUN_SAID.search(piece[max(0, pronoun - 8): pronoun]):  # "... in the way, he said, by creating", "which he said were": its person speaks here
                referent = self.pronoun(Speaker(mention=said.group("pronoun"), type="pronoun", gender="m" if said.group("pronoun").lower() == "he" else "f"))
                if referent:
                    self.mentioned(referent, True, True)
            self.org_pieces.append(piece)
            self._pronoun_open = not ends and pronoun is not None
            if ends:
                self.sentence += 1

    def _mention(self, match, piece: str = "") -> None:
        words_all = match.group("name").split()
        if words_all[-1].endswith(".") and len(words_all[-1]) > 3 and words_all[-1][:-1].lower() not in ABBREVIATIONS \
                and (len(words_all) > 1 or (strip_title_dot(words_all[0]) not in TITLE_WORDS)):
            words_all[-1] = words_all[-1][:-1]  # "... Chancellor Angela Merkel.": the full stop ends the sentence, not the name
        if len(words_all) == 1 and (words_all[0] in OPENERS or words_all[0] in ORG_WORDS):
            return  # (speed: the first test of the one-word return below, taken before the cue and subject tests it does not need)
        # a name beside a cue verb ("..., Sabato said.", "said Mr. Lew") is someone speaking (reported speech)
        cue = CUE_AFTER.match(piece, match.end())
        spoke = bool(cue or (CUE_BEFORE.search(piece[max(0, match.start() - 30): match.start()])
                                                              and not CLAUSE_VERB_AFTER.match(piece, match.end())))  # not "said Nunberg was"
        if cue and spoke and TO_INFINITIVE.match(piece, cue.end()):
            spoke = False  # "Mr. Lynch agreed to take part", "Benning vowed to appeal": not speaking here
        before_name = piece[max(0, match.start() - 60): match.start()]
        # (the anchored match after the name first: it is cheaper than the two searches before it, which end in "$"; speed)
        subject = bool(SUBJECT_AFTER.match(piece[match.end("name"):]) and (SUBJECT_BEFORE.search(before_name) or ROLE_SUBJECT_BEFORE.search(before_name)
                                                                         or NOUN_SUBJECT_BEFORE.search(before_name if match.start() <= 60 else "x" + before_name))) \
            or bool(THERE_IS_BEFORE.search(before_name) and THERE_IS_AFTER.match(piece, match.end("name")))  # "Then there's Lee.": the topic
        if piece[match.end("name"):match.end("name") + 1] in ("'", "\u2019") and not SUBJECT_AFTER.match(piece[match.end("name"):]):
            spoke = subject = False  # "said Trump's spokesman", "Obama's speech": a possessive, not the speaker
        if PREPOSITION_BEFORE.search(piece[max(0, match.start() - 16): match.start()]) \
                and not (" " in match.group("name") and OFFICE_OF.search(piece[max(0, match.start() - 40): match.start()])):  # not "Secretary of State John Kerry said"
            spoke = subject = False  # "voters in Nevada said", "a group based in Elmford, said": a place or object, not the speaker
        described_name = piece and match.start() == getattr(self, "_described_name", -1)
        if described_name:
            spoke = subject = True  # "One pastor backing Mr. Cruz, Darran Whiting of Liberty Church, said": the speaker
        apposition = getattr(self, "_apposition", None)
        if apposition and piece and not described_name:
            if match.end("name") == apposition[0]:
                subject, spoke = True, spoke or apposition[2]  # "Paul Porter, a driver who backs Mr. Trump, said": the subject
            elif apposition[0] <= match.start() < apposition[1]:
                spoke = subject = False  # ... and Mr. Trump, inside the apposition, is not
        if len(words_all) == 1 and (words_all[0] in OPENERS or words_all[0] in ORG_WORDS or not (
                spoke or any(p.endswith(words_all[0]) for p in self.people) or words_all[0] in self.article()[0])):
            return  # one capitalised word that names no one known (here or by full name elsewhere in the article)
        if len(words_all) == 1 and re.search(r"(?:^|\s)[A-Z][\w'\u2019-]+ $", piece[max(0, match.start() - 30): match.start()]):
            return  # the end of a longer name cut by the description before it ("... fleeing war in the Middle East, warned")
        if len(words_all) > 1 and GROUP_PLURAL.search(words_all[-1]):
            return  # "Asian Americans", "Young Latinos", "Latino Republicans": a group of people, not one person
        description, title, name = split_name(words_all)
        words = name.split()
        if not words or words[0] in OPENERS or any(w in ORG_WORDS for w in words) or PLACE.search(name) or PLACE.search(" ".join(words_all)):
            return
        first_title = strip_title_dot(title.split()[0]) if title else ""
        gender = "m" if first_title in HONORIFICS_MALE else "f" if first_title in HONORIFICS_FEMALE else ""
        if len(words) == 1 and words[0] in DEMONYMS and (description == "The" or piece[max(0, match.start() - 4): match.start()].lower() == "the "):
            return  # "The Scot, 47, said": a description of someone named before, not a person named Scot
        if len(words) == 1:
            known = [p for p in self.people if p.split()[-1] == words[0]]
            if not title and not known and not spoke and words[0] not in self.article()[0]:
                return
            self.person(Speaker(mention=match.group(0), name=name, title=title, type="person", gender=gender), spoke, subject)
            return
        if not title and not match.group("description") and first_name_gender(words[0]) is None and not described_name \
                and not ROLE_BEFORE.search(piece[max(0, match.start() - 30): match.start()]) \
                and not unlisted_name(words, self.text, self.article().cued):  # "spokesman Lu Kang", "Mokoena said" elsewhere: a person
            return  # "South Carolina", "Great Recession": not a person without a first name, title or description
        apposition = match.group("description") or ""
        if CLAUSE_AFTER_NAME.match(apposition):
            apposition = ""  # "with hosts Ann Lee and Mika Brzezinski, the Democratic candidate stated": the subject of what follows, not her
        described = ", ".join(x for x in (description if description.split()[:1] != [words[0]] else "", apposition) if x)
        window = piece[max(0, match.start() - 80): match.start()] if piece and match.start() > 2 and name not in self.descriptions else ""
        before = DESCRIPTION_BEFORE.search(window) if window else None
        if before and piece[match.end():match.end() + 1] in (",", ""):
            described = ", ".join(x for x in (before.group("description"), described) if x)
        else:
            noun = NOUN_BEFORE.search(window) if window else None
            if noun and noun.group("noun") not in NOT_DESCRIPTIONS:
                described = ", ".join(x for x in (noun.group("noun"), described) if x)
        court = RX13.search(window)
        if court:
            described = ", ".join(x for x in (court.group(1).lower(), described) if x)
        if match.group("age"):
            described = ", ".join(x for x in (described, match.group("age")) if x)
        described = self.link_its(described)
        name = self.person(Speaker(mention=match.group(0), name=name, title=title, description=described, type="person", gender=gender), spoke, subject)
        before = WORDS_BEFORE_NAME.search(piece[max(0, match.start() - 60): match.start()]) if piece else None
        aged = AGED_AFTER.match(piece, match.end()) if piece else None
        self.note(name, ", ".join(x for x in (before.group("words").strip() if before else "", description, described,
                                             f"aged {aged.group(1)}" if aged else "") if x))

    def body(self) -> str:
        """The organisation an "it" speaker refers to: the last one that is the subject or the
        issuer in the four pieces of text read last (after the last organisation quoted), else the
        last organisation quoted, when it spoke within eight pieces; "" when there is none."""
        spoke_at, spoke = self.body_spoke
        start = max(len(self.org_pieces) - 4, spoke_at)
        found = document_issuer("it", "".join(self.org_pieces[start:]), tuple(self.organisations[-8:]))
        if found:
            return self.organisation(parse_speaker(found))
        return spoke if spoke and len(self.org_pieces) - spoke_at <= 8 else ""

    def organisation(self, speaker: Speaker) -> str:
        if speaker.name and not speaker.name.lower().startswith("the "):
            if speaker.name not in self.organisations:
                self.organisations.append(speaker.name)
            return speaker.name
        match = ORG_NOUN.match(speaker.mention) or RX14.search(speaker.name)
        noun = match.group("noun").lower() if match else ""
        types = ORG_NOUNS.get(noun, ())
        for org in list(reversed(self.organisations_named())) + list(reversed(self.organisations)) + self.article()[1]:
            if any(t in org.split() for t in types):
                return org
        return speaker.name or speaker.mention


# A body's unnamed spokesperson ("A Northmoor Police spokesman", "an Elmford Borough Council spokeswoman", "a spokesman for
# Kestrel Rail", "a council spokeswoman") before its verb or a stop, not one named next ("A Northmoor Police spokesman, Neil
# Amber, said") nor one of a body named in part ("a spokesman for the Elmford Rovers supporters"); and a
# description referring back to one ("the spokesman", "the council spokeswoman", "the same official").
_SPOKES_NOUN = r"(?P<noun>spokes(?:man|woman|person)|press officer|official)"
_BODY_SPOKES = re.compile(r"\b(?:[Aa]n?|[Tt]he)\s+(?:(?:senior|local)\s+)?(?:(?P<body>(?:[A-Z][\w'&.-]*\s+){0,5}(?:" + "|".join(ORG_NOUNS) + r")"
                          r"|(?:[A-Z][\w'&.-]*\s+){0,5}[A-Z][\w'&.-]*)\s+)?" + _SPOKES_NOUN
                          + r"(?:\s+(?:for|from|at)\s+(?:the\s+)?(?:(?:[A-Z][\w'&.-]*\s+){0,5}[A-Z][\w'&.-]*(?:\s+(?:" + "|".join(ORG_NOUNS) + r")\b)?"
                          r"|(?:" + "|".join(ORG_NOUNS) + r")\b))?"
                          r"(?=\s*(?:[.;:)\"\u201d]|$)|,\s+(?![A-Z][a-z]+\s+[A-Z])|\s+(?:[a-z]+ly\s+)?(?:" + VERB + r"|declined|refused|did|does|has|had|was|is|would|will|could|can)\b)")
_THE_SPOKES = re.compile(r"^[Tt]he\s+(?:(?P<mod>[A-Za-z][\w&.-]*)\s+)?" + _SPOKES_NOUN + "$")
