"""Finding the people in a corpus and deciding, on evidence, who is a private individual.

The mentions of people are found by :mod:`presslens.privacy.names` (its names are
re-exported here).  Each mention is read in its context, and the surname alone
(``Dawlish was jailed``, ``Mrs Dawlish``) counts for the full name it refers to in the
same article.

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

import pandas as pd

from presslens.privacy.gazetteer import known_organisations
from presslens.privacy.names import (
    COURTESY_TITLES,
    PARTICLES,
    WEAK_TITLES,
    Mention,
    bare_surnames,
    inside_longer_run,
    mentions,
    protected_phrase,
)

__all__ = ["COURTESY_TITLES", "PARTICLES", "PEOPLE_COLUMNS", "WEAK_TITLES", "Mention", "bare_surnames", "find_people", "inside_longer_run",
           "mentions", "protected_phrase"]


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
_DESCRIPTION = re.compile(rf"^,\s*(?:(?:a|an|the)\s+)?(?:\d{{1,3}}-year-old|(?:[a-z-]+\s+){{0,2}}?(?:{_PRIVATE_NOUNS})\b|of\s+[A-Z]|(?:his|her|their)\s)")
_AGE_OR_TOWN = re.compile(r"^(?:,?\s*\(\d{1,3}\)|,\s*(?:aged\s+)?\d{1,3}\s*(?:,|\.|;|\band\b|\bof\b|\bfrom\b|\bwho\b))")
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+")


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
        surname_spans = bare_surnames(value, full_by_surname, found)
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
