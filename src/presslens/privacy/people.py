"""Finding people in news text and deciding, on evidence, who is a private individual.

A capitalised run of words is a person's name when, after titles are set aside (``Mrs``,
``Det Insp``, ``Attorney General``), two to five name words remain (particles such as
``de``, ``van``, ``O'`` and hyphens allowed) and the run is not a place, an organisation or
a calendar phrase (:mod:`presslens.privacy.gazetteer`).  Each mention is read in its
context, and the surname alone (``Dawlish was jailed``, ``Mrs Dawlish``) counts for the
full name it refers to in the same article.

A person is **private on evidence**: charged, jailed, in court, targeted by a sting, a
relative, a neighbour, a member of the public, named with an age or a home address,
quoted as family or public.  Evidence is weighed against prominence: a public role
anywhere in the corpus (a rank, an office, counsel acting in role, a party, a founder
or leader of a group) makes a person public even when "charged" appears near their
name, and so does being named across many articles and outlets with private cues in few
of those mentions.  **Everyone else stays as written**: lacking a title is not evidence.
"""

from __future__ import annotations

import re
from collections import defaultdict
from functools import lru_cache

import pandas as pd

from presslens.privacy.gazetteer import (
    calendar_phrases,
    known_organisations,
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


# ---------------------------------------------------------------- the evidence read around a mention
_RELATIVE = (r"sister|brother|mother|father|mum|dad|partner|ex-partner|wife|ex-wife|husband|ex-husband|son|daughter|stepson|"
             r"stepdaughter|stepfather|stepmother|cousin|uncle|aunt|auntie|niece|nephew|grandmother|grandfather|gran|grandad|nan|"
             r"granddaughter|grandson|girlfriend|boyfriend|ex-girlfriend|ex-boyfriend|fianc[ée]e?|widow|widower|twin|sibling|"
             r"neighbour|neighbor|friend|flatmate|housemate|landlord|landlady|carer|employer")
_PRIVATE_NOUNS = (r"resident|neighbour|neighbor|pensioner|shopkeeper|shop owner|bystander|passer-by|witness|onlooker|customer|shopper|"
                  r"commuter|motorist|taxi driver|delivery driver|lorry driver|driver|student|teenager|schoolboy|schoolgirl|widow|widower|"
                  r"relative|family friend|carer|nurse|teacher|worker|labourer|builder|plumber|electrician|cleaner|waiter|waitress|"
                  r"jobseeker|unemployed [a-z]+|mother-of-\w+|father-of-\w+|dad-of-\w+|mum-of-\w+|mother|father|mum|dad|parent|"
                  r"grandmother|grandfather|grandparent|tenant|homeowner|householder|volunteer|member of the public|local man|local woman|"
                  r"man|woman|youth|victim|defendant")
_COURT_OBJECTS = (r"offences?|charges?|counts?|possessing|possession|making|distributing|attempting|attempted|inciting|incitement|grooming|"
                  r"causing|sexual|indecent|assault|theft|fraud|harassment|stalking|breaching|breach|arranging|engaging|meeting|"
                  r"communicating|wrongdoing|any wrongdoing|the allegations?|the charges?|being|a charge|a count|the offence")
_COURT_PASSIVES = (r"jailed|imprisoned|convicted|sentenced|charged|arrested|cleared|acquitted|remanded|bailed|detained|fined|banned|"
                   r"disqualified|found guilty|found not guilty|found dead|given|handed|ordered to|placed on|spared|locked up|put behind bars|"
                   r"caged|named and shamed|exposed|targeted|confronted|caught|snared|stung|lured|accused of|questioned|interviewed under caution|"
                   r"released on bail|released under investigation|tagged|hospitalised|killed|stabbed|injured|attacked|assaulted|murdered|"
                   r"prosecuted|tried|extradited|deported|recalled to prison|made subject|made the subject|added to the sex offenders|"
                   r"told (?:he|she|they) (?:would|will|could|faced)|warned (?:he|she|they) (?:faced|could)")
_PRIVATE_AFTER = re.compile(
    r"^(?:"
    rf",?\s*\(\d{{1,3}}\)"                                                               # Keith Dawlish (47)
    rf"|,\s*(?:aged\s+)?\d{{1,3}}\s*(?:,|\.|;|\band\b|\bof\b|\bfrom\b|\bwho\b|\bwas\b|\bis\b|\bhad\b|\bhas\b|\bwere\b|$)"  # , 47,
    rf"|,\s*(?:a|an|the)\s+\d{{1,3}}-year-old\b|,\s*\d{{1,3}}-year-old\b"
    rf"|,\s*(?:a|an)\s+(?:[a-z-]+\s+){{0,2}}?(?:{_PRIVATE_NOUNS})\b"
    rf"|,\s*(?:his|her|their|the (?:defendant|man|woman|victim)['’]s)\s+(?:{_RELATIVE})\b"
    rf"|,\s*of\s+(?:[A-Z][\w'’-]+\s+){{1,3}}(?:Road|Street|Avenue|Close|Lane|Drive|Way|Crescent|Terrace|Gardens|Grove|Place|Court|Walk|Row|Mews|View|Rise)\b"
    rf"|,\s*(?:who|whose)\s+(?:[\w'’-]+\s+){{0,4}}?(?:was|were|has been|had been|is|are|will be)\s+(?:[\w'’-]+\s+)?(?:{_COURT_PASSIVES})\b"
    rf"|,\s*who\s+(?:had\s+|has\s+|have\s+)?(?:admitted|admits|denied|denies|pleaded|pled|appeared|appears|lives|lived|has lived|died|cannot be named|can not be named|was on trial)\b"
    rf"|\s+(?:\([^)]*\)\s+)?(?:was|were|has been|had been|is|will be|is due to be|was due to be|could be|may be|faces being|is set to be|was later|was then|was also)\s+(?:[a-z]+\s+)?(?:{_COURT_PASSIVES})\b"
    rf"|\s+(?:\([^)]*\)\s+)?(?:pleaded|pled|pleads)\s+(?:not\s+)?guilty\b"
    rf"|\s+(?:\([^)]*\)\s+)?(?:admitted|admits|denied|denies|denying|admitting)\s+(?:[\w'’-]+\s+){{0,3}}?(?:{_COURT_OBJECTS})\b"
    rf"|\s+(?:\([^)]*\)\s+)?(?:appeared|appears|will appear|is due to appear|was due to appear|had appeared)\s+(?:at|before|in|via)\s+(?:[\w'’-]+\s+){{0,4}}?(?:court|Court|dock|magistrates|Magistrates|judge|tribunal|video link|Bailey)\b"
    rf"|\s+(?:\([^)]*\)\s+)?(?:stood trial|went on trial|is on trial|was on trial|stands trial|wept|sobbed|sat in the dock|stood in the dock|showed no emotion|walked free|was led away|was led from the dock)\b"
    rf"|\s+(?:targeted|groomed|lured|stalked|harassed|messaged)\s+(?:kids|children|a child|a girl|a boy|girls|boys|teenagers|youngsters)\b"
    rf"|\s+(?:not\s+)?guilty\b|\s+(?:has|had)\s+(?:lodged|launched|lost|won|brought|mounted)\s+(?:an|his|her|a)\s+(?:appeal|bid|challenge)\b"
    rf"|['’]s\s+(?:phone|phones|laptop|laptops|devices?|computer|hard drive|account had been|conviction|appeal|plea|bail|case)\b"
    rf"|\s+(?:was|is|has|had)\s+(?:not|never)\s+(?:been\s+)?(?:a suspect|involved|under investigation|arrested|charged|the man)\b"
    rf"|\s+(?:has|had)\s+(?:no|nothing to do with)\s*(?:involvement|connection|link|any offence|the offence)?"
    rf"|\s+(?:was|had been|has been)\s+(?:wrongly|mistakenly|falsely|wrongfully)\b"
    rf"|['’]s\s+(?:trial|sentencing|sentence|arrest|conviction|defence barrister|defence|barrister|solicitor|lawyer|family|relatives|home|house|address|mother|father|wife|husband|partner|sister|brother|son|daughter)\b"
    r")"
)
_PRIVATE_BEFORE = re.compile(
    r"(?:"
    rf"\b(?:[Hh]is|[Hh]er|[Tt]heir|[Mm]y|[Oo]ur|[Tt]he (?:defendant|man|woman|victim|accused|teenager|boy|girl)['’]s|[A-Z][\w'’-]+['’]s)\s+(?:[a-z-]+\s+)?(?:{_RELATIVE}),?\s*"
    rf"|\b(?:defendant|accused|resident|neighbour|neighbor|passer-by|pensioner|bystander|witness|onlooker|victim|shopkeeper|motorist|"
    rf"jobseeker|schoolboy|schoolgirl|teenager|mother-of-\w+|father-of-\w+|dad-of-\w+|mum-of-\w+|grandmother|grandfather|grandad|gran|widow|"
    rf"widower|tenant|homeowner|householder|local man|local woman|pervert|paedo|paedophile|predator|sex offender|offender|[A-Z][\w-]+ (?:man|woman|dad|mum|"
    rf"pensioner|grandfather|grandmother|teenager|resident|father|mother|driver|worker))\s*,?\s*"
    rf"|\b(?:was|has been|were|had been)\s+(?:named|identified)\s+(?:locally\s+|by police\s+|in court\s+)?as\s+"
    rf"|\b(?:confronted|snared|exposed|caught|targeted|stung|lured|trapped|unmasked|collared|named and shamed|arrested|charged|jailed|sentenced|"
    rf"convicted|prosecuted|remanded|cleared|acquitted|detained|questioned|sting on|sting targeting|operation against|trial of|case against|sentencing of|"
    rf"cage|caged|nail|nailed|investigated|trap|snare|expose|catch|confront|unmask|name and shame|from contacting|Sentencing|sentencing|Jailing|jailing|"
    rf"Convicting|convicting|Locking up|locking up|wrongly accused|falsely accused|wrongly named|wrongly identified|mistook|mistaken for|charges against|allegations against|evidence against|case of|given to|imposed on|described|handed to|passed on|restraining order against|order against|finding|found|seized from|taken from|confiscated from|waited with|naming|named|Admissions made by|admissions made by|representing|defending|acting for|Lawyers for|lawyers for|solicitors for|barristers for|counsel for|[Ss]ick|[Ee]vil|[Ss]hamed|[Ss]icko|[Pp]redator|[Pp]ervert|[Pp]erv|[Mm]onster|[Bb]east|[Pp]aedo|[Cc]reep|[Vv]ile|[Tt]wisted|[Dd]epraved|[Dd]isgraced|[Ww]eirdo|[Gg]roomer|Outrage as \w+|Outrage as|seized (?:[a-z]+ ){0,3}from|client|(?<![A-Z])(?:sister|brother|mum|mother|dad|father|son|daughter|wife|husband|partner|grandad|grandmother|grandfather|gran|nan|uncle|aunt|cousin|widow|niece|nephew|stepfather|stepmother|stepson|stepdaughter)|prosecution of|conviction of|arrest of|acquittal of)\s+"
    r")$"
)
_PUBLIC_WORDS = (r"prosecutor|prosecuting counsel|defence counsel|defence barrister|defence solicitor|barrister|solicitor|lawyer|attorney|"
                 r"counsel|judge|magistrate|coroner|spokes(?:man|woman|person)|chief executive|chairman|chairwoman|chair|director|"
                 r"founder|co-founder|leader|organiser|organizer|head|chief|minister|secretary|senator|governor|mayor|councillor|"
                 r"candidate|nominee|front-?runner|hopeful|rival|running mate|challenger|incumbent|president|vice president|commissioner|"
                 r"MP|MSP|MEP|officer|detective|inspector|sergeant|superintendent|constable|professor|lecturer|researcher|criminologist|"
                 r"academic|analyst|pollster|strategist|adviser|advisor|aide|economist|columnist|correspondent|reporter|editor|journalist|"
                 r"anchor|host|presenter|author|campaigner|activist|Republican|Democrat|Democratic|Labour|Conservative|Tory|Liberal Democrat|"
                 r"Lib Dem|SNP|GOP|billionaire|tycoon|celebrity|footballer|broadcaster|comedian|singer|actor|actress|speaker|Speaker|"
                 r"campaign manager|campaign chairman|press secretary|chief of staff|whip|congressman|congresswoman|lawmaker|legislator|"
                 r"representative|ambassador|diplomat|envoy|deputy|official|spokesman|commentator|boss|decoy|volunteer decoy")
_PUBLIC_BEFORE = re.compile(rf"\b(?:{_PUBLIC_WORDS})\s*,?\s*$|\b(?:{_PUBLIC_WORDS})\s+(?:of|for|at)\s+[\w\s'’&-]{{1,50}},\s*$|(?:^|[.!?:;]\s+|[\"“”]\s*)(?:Prosecuting|Defending|Mitigating|For the (?:prosecution|defence|Crown))\s*,\s*$")
_COURT_SENTENCE = re.compile(r"\b(?:(?:Crown|Magistrates['’]?|magistrates['’]?|[Cc]ounty|[Dd]istrict|[Yy]outh|[Ff]amily|[Cc]riminal|High) [Cc]ourt|"
                             r"court heard|court was told|told the court|in court|the court|jury|jurors|magistrates|judge|recorder|prosecutors?|"
                             r"prosecution|defence|defense|jailed|sentenced|convicted|remanded|stood trial|on trial|trial of|verdict|dock|decoy|sting|"
                             r"offences?|charged with|bail|bailed|custody|suspect|arrested|inquest|coroner|livestream\w*|"
                             r"hunters?|vigilantes?|confront\w*|grooming|groomer|sex offenders? register|mistaken identity|wrongly|indecent|detained)\b", re.IGNORECASE)
_PUBLIC_AFTER = re.compile(
    rf"^(?:,?\s*\((?:R|D|I)-[A-Z][\w.]*\)"
    rf"|,?\s+(?:MP|MSP|MEP|MLA|AM|KC|QC|SC)\b"
    rf"|,\s*(?:for the (?:prosecution|defence|defense|Crown))\b"
    rf"|,\s*(?:prosecuting|defending|representing|mitigating)\b"
    rf"|,\s*(?:(?:the|a|an|his|her|their)\s+)?(?:[\w'’-]+\s+){{0,3}}?(?:Attorney General|Solicitor General|Home Secretary|Secretary|Minister|"
    rf"{_PUBLIC_WORDS})\b"
    rf"|,\s*(?:who runs (?:the\s+)?[A-Z]|who leads|who founded|who chairs|who represents|who heads|who sits on|who sits in)"
    rf"|,\s*(?:founder|co-founder|leader|organiser|head|chair|director|chief executive) of\b"
    r")"
)
_WEAK_PUBLIC_AFTER = re.compile(r"^,\s*(?:(?:a|an|the)\s+)?(?:member|volunteer|supporter) of (?!the public)(?:the\s+)?[A-Z]|^,?\s+(?:from|of|at)\s+(?:the\s+)?[A-Z][\w'’-]+ (?:[A-Z][\w'’-]+ ?)*(?:Watch|Patrol|Sentinels|Shield|Seekers|Collective|Trust|Foundation|Alliance|University|College|Police|Constabulary|Council|Agency|UK)\b")
_ADDRESS_WORDS = frozenset("Close Lane Way Row Walk Grove Hill Green Park Place Court Rise View Fold Croft Meadow Meadows Mead Gardens End Side Bank Brow Top".split())
_DESCRIPTION = re.compile(rf"^,\s*(?:(?:a|an|the)\s+)?(?:\d{{1,3}}-year-old|(?:[a-z-]+\s+){{0,2}}?(?:{_PRIVATE_NOUNS})\b|of\s+[A-Z]|(?:his|her|their)\s)")
_AGE_OR_TOWN = re.compile(r"^(?:,?\s*\(\d{1,3}\)|,\s*(?:aged\s+)?\d{1,3}\s*(?:,|\.|;|\band\b|\bof\b|\bfrom\b|\bwho\b))")


class Mention:
    """One mention of a person: the name, the title before it and where it is."""

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


PEOPLE_COLUMNS = ["name", "mentions", "articles", "outlets", "private_mentions", "private_evidence", "public_evidence", "private", "reason"]


def find_people(corpus: pd.DataFrame, *, text: str = "text", quotes: pd.DataFrame | None = None, extra_public_titles: tuple[str, ...] = (),
                keep=(), hide=(), organisations=(), outlet: str = "outlet", prominent_articles: int = 10, prominent_outlets: int = 3,
                prominent_private_share: float = 0.1) -> pd.DataFrame:
    """Every person the rules find, with the evidence and the verdict (private or not).

    Parameters
    ----------
    corpus : DataFrame
        Articles with ``doc_id`` and ``text`` (and ``outlet`` if present).
    quotes : DataFrame, optional
        An :func:`presslens.quotes.attribute` table: speakers quoted as family or public
        count as private evidence, speakers quoted in an official role as public.
    extra_public_titles : tuple of str
        More titles that mark public figures (e.g. ``"Bishop"``).
    keep, hide : iterable of str
        Names to keep as written whatever the evidence, and names always to replace.
    organisations : iterable of str
        Organisation names never read as people (the corpus's outlets are added).
    prominent_articles, prominent_outlets, prominent_private_share : int, int, float
        Prominence: a name with private cues in at most this share of its mentions is a
        public figure when it is in at least this many articles and outlets (outlets
        capped at the corpus's number of outlets), or in 3 articles of 2 outlets with 10
        mentions, or has 15 mentions.

    Returns
    -------
    DataFrame
        ``name``, ``mentions``, ``articles``, ``outlets``, ``private_mentions``,
        ``private_evidence``, ``public_evidence``, ``private`` and ``reason``.

    Example
    -------
    >>> corpus = pd.DataFrame({"doc_id": ["a"], "text": [
    ...     "Keith Dawlish, 47, of St Helens, was jailed. Prosecuting, Sarah Lowe said the case was clear. Tom Hart, a teacher, watched."]})
    >>> find_people(corpus)[["name", "private", "reason"]].to_dict("records")  # doctest: +NORMALIZE_WHITESPACE
    [{'name': 'Keith Dawlish', 'private': True, 'reason': 'private evidence'},
     {'name': 'Sarah Lowe', 'private': False, 'reason': 'public role'},
     {'name': 'Tom Hart', 'private': True, 'reason': 'private evidence'}]
    """
    organisations = set(known_organisations(organisations))
    if outlet in corpus:
        organisations |= {o for o in corpus[outlet].dropna().astype(str).unique()}
    organisations = frozenset(organisations)
    extra_titles = re.compile(r"(?:" + "|".join(map(re.escape, extra_public_titles)) + r")\s*,?\s*$") if extra_public_titles else None
    records: dict[str, dict] = defaultdict(lambda: {"mentions": 0, "private_mentions": 0, "articles": set(), "outlets": set(),
                                                    "private": set(), "public": set(), "weak_public": set(),
                                                    "weak_private": set(), "weak_private_mentions": 0})
    outlets = corpus[outlet].astype(str).tolist() if outlet in corpus else [""] * len(corpus)
    for doc_id, value, source in zip(corpus["doc_id"], corpus[text], outlets, strict=True):
        if not isinstance(value, str):
            continue
        found = mentions(value, organisations)
        full_by_surname: dict[str, list[str]] = defaultdict(list)
        for m in found:
            if not m.surname_only:
                surname = m.name.split()[-1]
                if m.name not in full_by_surname[surname]:
                    full_by_surname[surname].append(m.name)
        surname_spans = _bare_surnames(value, full_by_surname, found)
        last_full: dict[str, str] = {}
        events = sorted([(m.start, m) for m in found] + [(s, Mention(w, "", s, e, True)) for s, e, w in surname_spans], key=lambda x: x[0])
        titled_full = {m.name for m in found if not m.surname_only and m.title and not set(m.title.split()) <= COURTESY_TITLES}
        for _, m in events:
            if m.surname_only:
                owners = full_by_surname.get(m.name)
                if owners and m.title and not set(m.title.split()) <= COURTESY_TITLES | {"Mr", "Mrs", "Ms", "Miss"}:
                    # "Recorder Scholes" is the Recorder named in full, not a relative who shares the surname
                    owners = [o for o in owners if o in titled_full]
                    if not owners:
                        continue
                if not owners:
                    if not m.title:
                        continue
                    name = m.name  # "Mrs Dawlish" with no full name in the article
                else:
                    name = last_full[m.name] if last_full.get(m.name) in owners else owners[0]
            else:
                name = m.name
                last_full[name.split()[-1]] = name
            record = records[name]
            record["mentions"] += 1
            record["articles"].add(doc_id)
            record["outlets"].add(source)
            # the context within the paragraph
            before = value[max(0, m.start - 90) : m.start].rsplit("\n", 1)[-1]
            after = value[m.end : m.end + 110].split("\n", 1)[0]
            if m.title:
                _title_evidence(m.title, record)
            elif extra_titles is not None and extra_titles.search(before):
                record["public"].add("title")
            cues = _private_cues(before, after)
            sentence = _SENTENCE_END.split(before)[-1] + m.name + _SENTENCE_END.split(after, maxsplit=1)[0]
            if _COURT_SENTENCE.search(sentence) and not cues:
                record["weak_private"].add("named in a court or sting report")
                record["weak_private_mentions"] += 1
            if cues:
                record["private"] |= cues
                record["private_mentions"] += 1
            if _PUBLIC_BEFORE.search(before) or _PUBLIC_AFTER.search(after):
                record["public"].add("role")
            elif _WEAK_PUBLIC_AFTER.search(after):
                record["weak_public"].add("member of a group")
    if quotes is not None and {"speaker", "role"} <= set(quotes.columns):
        for speaker, role in quotes[["speaker", "role"]].drop_duplicates().itertuples(index=False, name=None):
            if speaker in records:
                if role in ("family", "public"):
                    records[speaker]["private"].add(f"quoted as {role}")
                elif role in ("police", "legal", "government", "academic", "charity", "tech", "vigilante"):
                    records[speaker]["weak_public"].add(f"quoted as {role}")
    keep, hide = set(keep), set(hide)
    prominent_outlets = max(1, min(prominent_outlets, len(set(outlets))))
    rows = []
    for name, record in records.items():
        private, reason = _verdict(name, record, keep, hide, prominent_articles, prominent_outlets, prominent_private_share)
        rows.append({"name": name, "mentions": record["mentions"], "articles": len(record["articles"]), "outlets": len(record["outlets"]),
                     "private_mentions": record["private_mentions"], "private_evidence": "; ".join(sorted(record["private"] | record["weak_private"])),
                     "public_evidence": "; ".join(sorted(record["public"] | record["weak_public"])), "private": private, "reason": reason})
    return pd.DataFrame(rows, columns=PEOPLE_COLUMNS).sort_values("name", kind="stable").reset_index(drop=True)


def _title_evidence(title: str, record: dict) -> None:
    words = set(title.split())
    if words <= COURTESY_TITLES | {t.rstrip(".") for t in COURTESY_TITLES}:
        return
    if words <= WEAK_TITLES:
        record["weak_public"].add("title")
    else:
        record["public"].add("title")


def _private_cues(before: str, after: str) -> set[str]:
    cues = set()
    if _PRIVATE_AFTER.search(after):
        cues.add("age or description" if _AGE_OR_TOWN.search(after) or _DESCRIPTION.search(after) else "criminal-justice verb")
    if _PRIVATE_BEFORE.search(before):
        cues.add("relative or resident")
    return cues


def _verdict(name, record, keep, hide, prominent_articles, prominent_outlets, prominent_private_share) -> tuple[bool, str]:
    if name in hide:
        return True, "listed to hide"
    if name in keep:
        return False, "listed to keep"
    if record["public"]:
        return False, "public role"
    if not record["private"] and record["weak_private"] and not record["weak_public"] and " " in name and len(record["articles"]) < 3 \
            and record["weak_private_mentions"] >= 0.3 * record["mentions"]:
        return True, "named in a court or sting report"
    if not record["private"]:
        return False, "no private evidence"
    share = record["private_mentions"] / max(record["mentions"], 1)
    if share <= prominent_private_share and ((len(record["articles"]) >= prominent_articles and len(record["outlets"]) >= prominent_outlets)
                                             or (len(record["articles"]) >= 3 and len(record["outlets"]) >= min(2, prominent_outlets)
                                                 and record["mentions"] >= 10)
                                             or record["mentions"] >= 15):
        return False, "prominent"
    return True, "private evidence"


def _bare_surnames(text: str, full_by_surname: dict, found: list[Mention]) -> list[tuple[int, int, str]]:
    """Surnames standing alone (``Dawlish admitted ...``) of people named in full in the
    text, outside the full-name mentions and outside longer capitalised runs."""
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


_CURLY_POSSESSIVE = re.compile(r"['’]s\b")
_OFFICE_AFTER = re.compile(r"^['’]s\s+(?:Office|Department|Bureau|Court|Service)\b")
_TOWN_AFTER = re.compile(r"^,\s*([A-Z][\w'’-]+(?:[ -](?:upon|on|under|in|le|by|[A-Z][\w'’-]+))*)")
_INITIAL = re.compile(r"^[A-Z]\.$")
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+")
_PREVIOUS_WORD = re.compile(r"([A-Z][\w'’.-]*)[ \u00a0]+$")
_NEXT_CAPITAL = re.compile(r"^[ \u00a0]+[A-Z][a-z]")
_NEXT_PRONOUN = re.compile(r"^[ \u00a0]+(?:I|He|She|They|The|It)\b")
_INNER_ROLE = re.compile(r"^(?:[A-Z][\w.'’-]* )+?(Secretary|Senator|Sen\.|Governor|Gov\.|President|Minister|Attorney General|Mayor|Chairman|Director|"
                         r"Judge|Justice|Commissioner|Chief|Speaker|Leader|Representative|Rep\.|Ambassador|Sheriff|Spokesman|Spokeswoman|Congressman|"
                         r"Congresswoman|Councillor|MP) (?=[A-Z])")
_CAPITALISED = re.compile(rf"(?<![\w'’-])([{_UPPER}][\w'’-]*?)(?=['’]s\b|[^\w'’-]|$)")


def inside_longer_run(text: str, start: int, end: int) -> bool:
    """Is ``text[start:end]`` part of a longer capitalised run (``County Durham``,
    ``Marsh Lane``, ``Tom Marsh``)?  Titles before it (``Mrs``) do not count."""
    before = text[max(0, start - 40) : start]
    after = text[end : end + 40]
    previous = _PREVIOUS_WORD.search(before)
    if previous and previous.group(1).rstrip(".") not in {"Mr", "Mrs", "Ms", "Miss", "Mx", "Dr", "Det", "Judge"} and previous.group(1) not in _NOT_NAME_WORDS \
            and not _role_pattern().match(previous.group(1)):
        return True
    return bool(_NEXT_CAPITAL.match(after)) and not _NEXT_PRONOUN.match(after)
