"""Person names in news text: the mentions of people, set apart from places,
organisations and calendar phrases.

A capitalised run of words is a person's name when, after titles are set aside (``Mrs``,
``Det Insp``, ``Attorney General``), two to five name words remain (particles such as
``de``, ``van``, ``O'`` and hyphens allowed) and the run is not a place, an organisation or
a calendar phrase (:mod:`presslens.privacy.gazetteer`).  A surname standing alone
(``Dawlish was jailed``) is found by :func:`bare_surnames` for the full name it refers
to in the same article.  :mod:`presslens.privacy.people` weighs the evidence around each
mention; :mod:`presslens.privacy.replace` replaces the names it finds private.
"""

from __future__ import annotations

import re
from functools import lru_cache

from presslens.privacy.gazetteer import (
    calendar_phrases,
    organisation_words,
    place_names,
    place_words,
    public_roles,
)

_UPPER = "A-ZÀ-ÖØ-Þ"
_LOWER = "a-zß-öø-ÿ"
_WORD = rf"(?:[{_UPPER}](?:['’][{_UPPER}])?[{_UPPER}{_LOWER}]*(?:-[{_UPPER}{_LOWER}]+)*)"
_ABBREVIATION = r"(?:St|Mr|Mrs|Ms|Dr|Sen|Rep|Gov|Lt|Col|Gen|Sgt|Capt|Prof|Rev|Det|Insp|Supt|Jr|Sr|Co)\."
PARTICLES = frozenset("de da di du del della der den dos das van von le la bin binti al el ter ten y".split())
_PARTICLE = "(?:" + "|".join(sorted(PARTICLES, key=len, reverse=True)) + ")"
_RUN = re.compile(rf"(?<![\w'’-])(?:{_ABBREVIATION}|{_WORD})(?:[ \u00a0]+(?:{_PARTICLE}[ \u00a0]+)*(?:{_ABBREVIATION}|{_WORD}|[A-Z]\.(?=[ \u00a0]+[A-Z])))*")
_NAME_WORD = re.compile(rf"^(?:O['’]|D['’]|Mc|Mac|Fitz)?[{_UPPER}][{_LOWER}]+(?:[{_UPPER}][{_LOWER}]+)?(?:-[{_UPPER}]?[{_LOWER}]+)*$|^[A-Z]\.$")
COURTESY_TITLES = frozenset("Mr Mrs Ms Miss Mx Mr. Mrs. Ms. Master".split())
WEAK_TITLES = frozenset("Dr Dr. Professor Prof Prof.".split())
# capitalised words that open sentences and headlines and are not names
_NOT_NAME_WORDS = frozenset("""The A An This That These Those It He She They We I You His Her Their Its Our My Your Him Them Us
And But Or Nor So Yet For If When While After Before Since Until Although Though As At By In On Of To From With Without Into Onto
Over Under About Against Between Among Through During Outside Inside Near Beyond Despite Like Unlike Yesterday Today Tonight
Tomorrow Last Next Earlier Later Now Then Meanwhile However Also Only Even Just Still Both Either Neither Each Every Some Any No
Not All Many Most Few Several Such Other Another What Which Who Whom Whose Where Why How There Here Once Twice Please Dear
Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March April June July August September October
November December Prosecuting Defending Mitigating Sentencing Jailing Speaking Asked Addressing Describing Giving Passing
Detectives Officers Police Neighbours Relatives Residents Campaigners Critics Supporters Ministers Members Former Ex Evil Sick
Vile Shamed Disgraced Tragic Brave Hero Heroic Pervert Paedo Paedophile Predator Monster Beast Fiend Creep Dad Mum Father Mother
Grandad Gran Grandfather Grandmother Son Daughter Brother Sister Husband Wife Uncle Aunt Cousin Nephew Niece Widow Widower
Mother-of-two Father-of-two Mother-of-three Father-of-three Dad-of-two Mum-of-two Pensioner Teenager Schoolboy Schoolgirl
Student Neighbour Defendant Accused Victim Witness Hunters Vigilantes Vigilante Online Exclusive Watch Read Video Pictured
Picture Photo Update Breaking Live Revealed Named Jailed Charged Convicted Sentenced Caught Exposed Guilty Cleared Judge
Lawyers Prosecutors Jurors Jury Court Magistrates Councillors Sources Reports Analysis Opinion Comment Editorial Letters
According Following Under Though Whether Said Says Told Added Mr Mrs Ms Miss Dr Twisted Depraved Perverted Creepy Sicko Warped
Predatory Heartbroken Devastated Pervy Dirty Lonely Lecherous Deluded Cowardly Sleazy Seedy Desperate Smirking Grinning Brazen
Shameless Weirdo Granddad Hubby Groomer Grooming Cruel Callous Wicked Dangerous Obsessed Crazed Deranged Jailing Convicting
Locking Caging Snaring Confronting Exposing Naming Perv Fuming Furious Sobbing Weeping Tearful Innocent Heartbroken Local Witness
Shopkeeper Neighbour Hunter Because Besides Playing Senators Governors Republicans Democrats Central Northern Southern Eastern
Western Greater Upper Lower Inner Outer New Interestingly Urges Founder Across Around Along Throughout Within Upon Behind Toward Towards Mum Dad Cops Villagers Locals Parents Tributes Among Writing Researchers Speaking Sentencing Mum-of-two Mum-of-three Dad-of-three Father-of-one Mother-of-one Tragic""".split())


@lru_cache(maxsize=1)
def _role_pattern() -> re.Pattern:
    roles = "|".join(re.escape(r) for r in public_roles() if r not in COURTESY_TITLES)
    return re.compile(rf"^(?:{roles})(?=[\s,]|$)")


_ADDRESS_WORDS = frozenset("Close Lane Way Row Walk Grove Hill Green Park Place Court Rise View Fold Croft Meadow Meadows Mead Gardens End Side Bank Brow Top".split())
_CURLY_POSSESSIVE = re.compile(r"['’]s\b")
_OFFICE_AFTER = re.compile(r"^['’]s\s+(?:Office|Department|Bureau|Court|Service)\b")
_TOWN_AFTER = re.compile(r"^,\s*([A-Z][\w'’-]+(?:[ -](?:upon|on|under|in|le|by|[A-Z][\w'’-]+))*)")
_INITIAL = re.compile(r"^[A-Z]\.$")
_PREVIOUS_WORD = re.compile(r"([A-Z][\w'’.-]*)[ \u00a0]+$")
_NEXT_CAPITAL = re.compile(r"^[ \u00a0]+[A-Z][a-z]")
_NEXT_PRONOUN = re.compile(r"^[ \u00a0]+(?:I|He|She|They|The|It)\b")
_INNER_ROLE = re.compile(r"^(?:[A-Z][\w.'’-]* )+?(Secretary|Senator|Sen\.|Governor|Gov\.|President|Minister|Attorney General|Mayor|Chairman|Director|"
                         r"Judge|Justice|Commissioner|Chief|Speaker|Leader|Representative|Rep\.|Ambassador|Sheriff|Spokesman|Spokeswoman|Congressman|"
                         r"Congresswoman|Councillor|MP) (?=[A-Z])")
_CAPITALISED = re.compile(rf"(?<![\w'’-])([{_UPPER}][\w'’-]*?)(?=['’]s\b|[^\w'’-]|$)")


class Mention:
    """One mention of a person: the name, the title before it and where it is.

    ``start`` and ``end`` are character offsets of the name (without its title) in the
    text; ``surname_only`` marks a titled surname standing for a full name.

    Example
    -------
    >>> text = "Det Insp Ruth Marsh spoke to reporters."
    >>> mention = mentions(text)[0]
    >>> mention.name, mention.title, mention.start, mention.end, mention.surname_only
    ('Ruth Marsh', 'Det Insp', 9, 19, False)
    >>> text[mention.start:mention.end]
    'Ruth Marsh'
    """

    __slots__ = ("name", "title", "start", "end", "surname_only")

    def __init__(self, name, title, start, end, surname_only=False):
        self.name, self.title, self.start, self.end, self.surname_only = name, title, start, end, surname_only


def _is_name_word(word: str) -> bool:
    return bool(_NAME_WORD.match(word)) or word in PARTICLES


def protected_phrase(run: str, organisations=frozenset()) -> str | None:
    """What kind of protected string a capitalised run is, or None: ``place``,
    ``organisation`` or ``calendar``.

    Example
    -------
    >>> [protected_phrase(x) for x in ("St Helens", "Durham Constabulary", "Boxing Day", "Keith Dawlish")]
    ['place', 'organisation', 'calendar', None]
    """
    run = run.strip()
    if run in calendar_phrases() or _CURLY_POSSESSIVE.sub("'s", run) in calendar_phrases():
        return "calendar"
    if run in organisations:
        return "organisation"
    words = run.split()
    for k in range(1, len(words)):
        head, tail = " ".join(words[:k]), " ".join(words[k:])
        if (" " in head and head in organisations) or (" " in tail and tail in organisations):
            return "organisation"
    if run in place_names():
        return "place"
    words = run.split()
    if words and (words[-1] in organisation_words() or words[0] in {"Department", "Ministry", "Office", "University", "Court", "House", "Bank"}):
        return "organisation"
    if words and words[-1] in place_words():
        return "place"
    if len(words) >= 2 and words[0] in {"St", "St.", "Saint", "County", "Co"}:
        return "place"
    if len(words) >= 2 and " ".join(words[:-1]) in place_names() and words[-1] in {"Spa", "Port", "Bay", "Town", "City", "Hill", "Heath", "Common", "Green", "Park", "Bridge", "Cross"}:
        return "place"
    return None


def mentions(text: str, organisations=frozenset()) -> list[Mention]:
    """The person mentions in a text: full names (titles set aside) and titled surnames
    (``Mrs Dawlish``); places, organisations and calendar phrases are skipped.

    Example
    -------
    >>> [(m.name, m.title) for m in mentions("Mrs Karen O'Neill, of St Helens, met Det Insp Ruth de Souza on Boxing Day.")]
    [("Karen O'Neill", 'Mrs'), ('Ruth de Souza', 'Det Insp')]
    >>> [(m.name, m.surname_only) for m in mentions("Mr Dawlish denied the charges.")]
    [('Dawlish', True)]
    """
    out = []
    roles = _role_pattern()
    for match in _RUN.finditer(text):
        run, start = match.group(0), match.start()
        if protected_phrase(run, organisations) or (run.count(" ") >= 2 and protected_phrase(run.split(" ", 1)[1], organisations)):
            continue
        titles = []
        # set aside titles, roles and sentence words at the front
        while True:
            role = roles.match(run)
            first = run.split(" ", 1)[0]
            if role and run not in place_names():
                taken = role.group(0)
                # "Bishop Auckland": a place after a title-like word
                rest = run[len(taken):].lstrip()
                if rest and protected_phrase(run, organisations):
                    break
                titles.append(taken)
                cut = len(taken)
            elif first.rstrip(".") in {t.rstrip(".") for t in COURTESY_TITLES} or first in _NOT_NAME_WORDS or not _is_name_word(first):
                if first in COURTESY_TITLES or first.rstrip(".") in {"Mr", "Mrs", "Ms", "Miss", "Mx"}:
                    titles.append(first)
                cut = len(first)
            else:
                break
            rest = run[cut:]
            start += len(run) - len(rest.lstrip())
            run = rest.lstrip()
            if not run:
                break
        if not run:
            continue
        inner = _INNER_ROLE.match(run)
        if inner:
            titles.append(inner.group(0).strip())
            start += inner.end()
            run = run[inner.end():]
        words = run.split()
        # trailing titles (MP, KC), shouted or sentence words
        trailing = []
        while len(words) > 1 and (words[-1] in {"MP", "MSP", "MEP", "KC", "QC", "Jr", "Jr.", "Sr", "Sr.", "II", "III"} or not _is_name_word(words[-1])):
            trailing.append(words.pop())
        while words and words[-1] in PARTICLES:
            words.pop()
        if not words or protected_phrase(" ".join(words), organisations) or "County" in words \
                or words[-1] in {"Republican", "Republicans", "Democrat", "Democrats", "Democratic", "Conservative", "Conservatives", "Labour"}:
            continue
        tail = text[match.end() : match.end() + 60]
        if _OFFICE_AFTER.match(tail):
            continue
        if words[-1] in _ADDRESS_WORDS:
            town = _TOWN_AFTER.match(tail)
            if town and (town.group(1) in place_names() or protected_phrase(town.group(1), organisations) == "place"):
                continue
        name = " ".join(words)
        title = " ".join(titles)
        if any(t in {"MP", "MSP", "MEP", "KC", "QC"} for t in trailing):
            title = (title + " " + " ".join(t for t in trailing if t in {"MP", "MSP", "MEP", "KC", "QC"})).strip()
        name_words = [w for w in words if w not in PARTICLES]
        if not all(_is_name_word(w) for w in words) or any(w in _NOT_NAME_WORDS for w in name_words):
            continue
        if len(name_words) == 1:
            if titles and (set(titles) & {"Mr", "Mrs", "Ms", "Miss", "Mx", "Mr.", "Mrs.", "Ms."} or titles[-1] in public_roles()):
                if not _INITIAL.match(name):
                    out.append(Mention(name, title, start, start + len(name), surname_only=True))
            continue
        if len(name_words) > 5 or _INITIAL.match(name_words[-1]):
            continue
        if len(name_words) >= 3 and (name_words[-1] in place_names() or name_words[-2] in {"Wins", "Win", "Says", "Slams", "Beats", "Takes", "Loses", "Leads", "Visits"}):
            continue  # a title-case line ("Hillary Clinton Wins Delaware"), not one person's name
        out.append(Mention(name, title, start, start + len(name)))
    return out


def bare_surnames(text: str, full_by_surname: dict, found: list[Mention]) -> list[tuple[int, int, str]]:
    """Surnames standing alone (``Dawlish admitted ...``) of people named in full in the
    text, outside the full-name mentions and outside longer capitalised runs.

    ``full_by_surname`` maps a surname to the full names ending in it; ``found`` are the
    text's :func:`mentions`.  Returns ``(start, end, surname)`` spans.

    Example
    -------
    >>> text = "Keith Dawlish was jailed. Dawlish had denied it. Dawlish Road was closed."
    >>> bare_surnames(text, {"Dawlish": ["Keith Dawlish"]}, mentions(text))
    [(26, 33, 'Dawlish')]
    """
    if not full_by_surname:
        return []
    covered = [(m.start, m.end) for m in found]
    out = []
    for match in _CAPITALISED.finditer(text):
        if match.group(1) not in full_by_surname:
            continue
        s, e = match.span(1)
        if any(a <= s < b for a, b in covered):
            continue
        if inside_longer_run(text, s, e):
            continue
        out.append((s, e, match.group(1)))
    return out


_ABBREVIATIONS = frozenset("Mr Mrs Ms Mx Dr Det Sen Rep Gov Lt Gen Sgt Col Capt Cllr Supt Insp Con Prof Rev Hon St Mt Ft Jr Sr Gen Adm Maj Cmdr".split())


def _ends_sentence(word: str) -> bool:
    """A capitalised word with a full stop that is neither an initial ("J.") nor a
    title or other abbreviation ("Sen.", "St.") closes a sentence ("Durham.")."""
    return word.endswith(".") and len(word.rstrip(".")) > 1 and "." not in word.rstrip(".") and word.rstrip(".") not in _ABBREVIATIONS


def inside_longer_run(text: str, start: int, end: int) -> bool:
    """Is ``text[start:end]`` part of a longer capitalised run (``County Durham``,
    ``Marsh Lane``, ``Tom Marsh``)?  Titles before it (``Mrs``) do not count.

    Example
    -------
    >>> text = "Tom Marsh was jailed. Marsh had denied it. Mrs Marsh wept. Marsh Lane was closed."
    >>> [inside_longer_run(text, m.start(), m.end()) for m in re.finditer("Marsh", text)]
    [True, False, False, True]

    A full stop after a capitalised word ends its sentence; an initial does not:

    >>> text = "He was held in County Durham. Marsh denied it. John J. Marsh was named."
    >>> [inside_longer_run(text, m.start(), m.end()) for m in re.finditer("Marsh", text)]
    [False, True]
    """
    before = text[max(0, start - 40) : start]
    after = text[end : end + 40]
    previous = _PREVIOUS_WORD.search(before)
    if previous and _ends_sentence(previous.group(1)):
        previous = None
    if previous and previous.group(1).rstrip(".") not in {"Mr", "Mrs", "Ms", "Miss", "Mx", "Dr", "Det", "Judge"} and previous.group(1) not in _NOT_NAME_WORDS \
            and not _role_pattern().match(previous.group(1)):
        return True
    return bool(_NEXT_CAPITAL.match(after)) and not _NEXT_PRONOUN.match(after)
