"""The simulated press ecosystem: outlets, actors, frames, event types and their rates.

Everything here is fictional: every outlet, person, hunter group, company, charity,
police force and unit is invented (real UK towns and regions are used as places).
The numbers in this module are the *planted* structure that the ground-truth
tests score analyses against: which outlet types favour which frames, sources and
words, how frames rise and fall over the years, and which events happen when.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field

FRAMES = (
    "vigilante_justice",
    "vigilante_risk",
    "police_capacity",
    "legal_process",
    "tech_responsibility",
    "child_safeguarding",
    "scale_of_threat",
)

ROLES = ("police", "vigilante", "charity", "tech", "government", "legal", "academic", "family", "public")

OUTLET_TYPES = ("tabloid", "mid-market", "broadsheet", "broadcaster", "regional", "wire")

# Emotive words planted in the tabloid register (and the analytical register of broadsheets).
TABLOID_WORDS = ("vile", "sick", "twisted", "shamed", "predator", "beast", "monster", "brave", "heroic", "evil", "caged", "snared", "fury", "outrage", "sicko")
BROADSHEET_WORDS = ("arguably", "proportionate", "accountability", "safeguards", "oversight", "evidential", "scrutiny", "legitimacy", "nuanced", "unregulated", "self-styled")


@dataclass(frozen=True)
class Outlet:
    name: str
    short: str  # how the outlet refers to itself in "told the ..." (without "The")
    type: str
    quote_style: str  # "straight" or "curly"
    percent_style: str  # "per cent" or "%"
    abbreviate_ranks: bool
    standfirst: str  # "bullets", "standfirst" or "none"
    paragraphs: tuple[int, int]  # body paragraphs, min and max
    byline_pool: tuple[str, ...] = ()


OUTLETS = (
    Outlet("The Daily Blaze", "Daily Blaze", "tabloid", "curly", "%", True, "bullets", (6, 9), ("Kerry Vance", "Dean Mallory", "Shona Birch")),
    Outlet("The Evening Clarion", "Evening Clarion", "tabloid", "straight", "%", True, "bullets", (6, 9), ("Lee Harcourt", "Jodie Fenwick")),
    Outlet("The Sunday Bugle", "Sunday Bugle", "tabloid", "curly", "per cent", True, "none", (7, 10), ("Ross Tindall", "Gemma Orchard")),
    Outlet("The Daily Meridian", "Daily Meridian", "mid-market", "curly", "per cent", True, "bullets", (8, 11), ("Fiona Ashdown", "Martin Crewe")),
    Outlet("The National Chronicle", "National Chronicle", "mid-market", "straight", "per cent", False, "standfirst", (8, 11), ("Paul Stennett", "Alison Varley")),
    Outlet("The Albion Times", "Albion Times", "broadsheet", "curly", "per cent", False, "standfirst", (9, 13), ("Eleanor Strand", "Jonathan Keble")),
    Outlet("The Thameside Post", "Thameside Post", "broadsheet", "curly", "per cent", False, "standfirst", (9, 13), ("Nadia Farrant", "Hugh Penrose")),
    Outlet("The Westminster Review", "Westminster Review", "broadsheet", "straight", "per cent", False, "standfirst", (9, 13), ("Imogen Calder", "Rupert Ames")),
    Outlet("Albion Broadcasting News", "Albion Broadcasting News", "broadcaster", "straight", "%", False, "standfirst", (7, 10), ("ABN News staff",)),
    Outlet("The Northmoor Gazette", "Northmoor Gazette", "regional", "straight", "per cent", True, "none", (6, 9), ("Craig Pellow", "Lauren Haig")),
    Outlet("The Severnside Star", "Severnside Star", "regional", "curly", "per cent", True, "none", (6, 9), ("Bethan Rhys-Cole", "Gareth Nevin")),
    Outlet("Britannia Press Agency", "Britannia Press Agency", "wire", "straight", "per cent", False, "none", (7, 10), ("BPA reporter",)),
)
WIRE = "Britannia Press Agency"

# How often each outlet type publishes on the subject (relative article shares).
OUTLET_TYPE_WEIGHT = {"tabloid": 1.5, "mid-market": 1.1, "broadsheet": 1.0, "broadcaster": 0.9, "regional": 1.0, "wire": 1.0}

# Planted outlet-type preferences for primary frames (multipliers on the event's frame mix).
FRAME_BY_OUTLET_TYPE = {
    "tabloid": {"vigilante_justice": 2.2, "vigilante_risk": 0.6, "police_capacity": 0.8, "legal_process": 0.8, "tech_responsibility": 0.8, "child_safeguarding": 1.1, "scale_of_threat": 1.4},
    "mid-market": {"vigilante_justice": 1.4, "vigilante_risk": 0.8, "police_capacity": 0.9, "legal_process": 0.9, "tech_responsibility": 1.0, "child_safeguarding": 1.5, "scale_of_threat": 1.2},
    "broadsheet": {"vigilante_justice": 0.5, "vigilante_risk": 1.7, "police_capacity": 1.2, "legal_process": 1.4, "tech_responsibility": 1.4, "child_safeguarding": 0.8, "scale_of_threat": 0.8},
    "broadcaster": {"vigilante_justice": 0.8, "vigilante_risk": 1.2, "police_capacity": 1.2, "legal_process": 1.0, "tech_responsibility": 1.1, "child_safeguarding": 1.0, "scale_of_threat": 1.0},
    "regional": {"vigilante_justice": 1.3, "vigilante_risk": 1.0, "police_capacity": 1.3, "legal_process": 1.3, "tech_responsibility": 0.6, "child_safeguarding": 1.0, "scale_of_threat": 0.7},
    "wire": {"vigilante_justice": 0.9, "vigilante_risk": 1.0, "police_capacity": 1.1, "legal_process": 1.4, "tech_responsibility": 1.0, "child_safeguarding": 0.9, "scale_of_threat": 1.0},
}

# Planted trends: multipliers on frames by period (rise and fall of frames).
def frame_trend(frame: str, year: int) -> float:
    """Planted period effect on a frame's prevalence in ``year``."""
    if frame == "vigilante_justice":
        return {2013: 0.7, 2014: 0.9, 2015: 1.2, 2016: 1.5, 2017: 1.6, 2018: 1.4, 2019: 1.1}.get(year, 0.8)
    if frame == "vigilante_risk":
        return 0.6 if year <= 2015 else 0.9 if year <= 2017 else 1.4
    if frame == "tech_responsibility":
        return 0.6 if year <= 2016 else 1.0 if year <= 2019 else 1.7
    if frame == "scale_of_threat":
        return 1.6 if year in (2020, 2021) else 1.0
    if frame == "police_capacity":
        return 1.3 if 2017 <= year <= 2019 else 1.0
    return 1.0


# Event types: frame mix of their coverage, how outlet types cover them, allowed years.
@dataclass(frozen=True)
class EventType:
    name: str
    frames: dict[str, float]
    outlet_interest: dict[str, float]
    years: tuple[int, int]
    weight: float


EVENT_TYPES = (
    EventType("sting_conviction", {"vigilante_justice": 0.45, "legal_process": 0.3, "vigilante_risk": 0.1, "police_capacity": 0.1, "child_safeguarding": 0.05}, {"tabloid": 1.6, "regional": 1.8, "mid-market": 1.2, "broadsheet": 0.5}, (2013, 2024), 1.6),
    EventType("wrong_target", {"vigilante_risk": 0.65, "legal_process": 0.1, "vigilante_justice": 0.1, "police_capacity": 0.15}, {"broadsheet": 1.4, "regional": 1.5, "broadcaster": 1.2}, (2014, 2024), 0.8),
    EventType("death_after_exposure", {"vigilante_risk": 0.7, "legal_process": 0.1, "police_capacity": 0.1, "child_safeguarding": 0.1}, {"broadsheet": 1.4, "broadcaster": 1.3, "tabloid": 0.8}, (2015, 2024), 0.5),
    EventType("sting_violence", {"vigilante_risk": 0.6, "vigilante_justice": 0.15, "police_capacity": 0.15, "legal_process": 0.1}, {"tabloid": 1.4, "regional": 1.6}, (2015, 2024), 0.7),
    EventType("hunter_prosecuted", {"legal_process": 0.45, "vigilante_risk": 0.45, "vigilante_justice": 0.1}, {"regional": 1.4, "broadsheet": 1.2}, (2016, 2024), 0.7),
    EventType("police_warning", {"vigilante_risk": 0.45, "police_capacity": 0.35, "vigilante_justice": 0.1, "child_safeguarding": 0.1}, {"regional": 1.3, "broadcaster": 1.3}, (2014, 2024), 0.9),
    EventType("undercover_operation", {"police_capacity": 0.6, "legal_process": 0.15, "scale_of_threat": 0.15, "child_safeguarding": 0.1}, {"broadcaster": 1.3, "wire": 1.3}, (2013, 2024), 0.9),
    EventType("tv_documentary", {"vigilante_justice": 0.4, "vigilante_risk": 0.4, "police_capacity": 0.1, "child_safeguarding": 0.1}, {"tabloid": 1.3, "mid-market": 1.4, "broadsheet": 1.1}, (2015, 2023), 0.4),
    EventType("admissibility_ruling", {"legal_process": 0.7, "vigilante_risk": 0.15, "vigilante_justice": 0.15}, {"broadsheet": 1.8, "wire": 1.4, "tabloid": 0.6}, (2017, 2024), 0.4),
    EventType("statistics_release", {"scale_of_threat": 0.65, "police_capacity": 0.15, "tech_responsibility": 0.1, "child_safeguarding": 0.1}, {"broadsheet": 1.3, "wire": 1.5, "broadcaster": 1.3}, (2013, 2024), 0.9),
    EventType("charity_report", {"child_safeguarding": 0.5, "scale_of_threat": 0.2, "tech_responsibility": 0.3}, {"mid-market": 1.4, "broadcaster": 1.2}, (2013, 2024), 0.8),
    EventType("platform_criticism", {"tech_responsibility": 0.75, "child_safeguarding": 0.15, "scale_of_threat": 0.1}, {"broadsheet": 1.5, "mid-market": 1.2}, (2016, 2024), 0.8),
    EventType("legislation", {"tech_responsibility": 0.55, "child_safeguarding": 0.2, "legal_process": 0.15, "police_capacity": 0.1}, {"broadsheet": 1.6, "wire": 1.3, "tabloid": 0.7}, (2018, 2024), 0.6),
    EventType("lockdown_surge", {"scale_of_threat": 0.55, "child_safeguarding": 0.3, "tech_responsibility": 0.15}, {"mid-market": 1.3, "broadcaster": 1.2}, (2020, 2021), 0.6),
)
EVENT_TYPE = {e.name: e for e in EVENT_TYPES}

# Planted source preferences: who is quoted, by the frame the quote serves...
ROLE_BY_FRAME = {
    "vigilante_justice": {"vigilante": 0.32, "police": 0.18, "public": 0.14, "family": 0.06, "charity": 0.08, "government": 0.08, "legal": 0.08, "academic": 0.06},
    "vigilante_risk": {"police": 0.34, "academic": 0.14, "legal": 0.14, "family": 0.14, "charity": 0.08, "vigilante": 0.1, "public": 0.06},
    "police_capacity": {"police": 0.45, "government": 0.18, "academic": 0.1, "charity": 0.1, "legal": 0.07, "vigilante": 0.05, "public": 0.05},
    "legal_process": {"legal": 0.45, "police": 0.2, "family": 0.1, "academic": 0.08, "vigilante": 0.07, "charity": 0.05, "government": 0.05},
    "tech_responsibility": {"tech": 0.32, "government": 0.2, "charity": 0.2, "police": 0.12, "academic": 0.1, "family": 0.06},
    "child_safeguarding": {"charity": 0.38, "police": 0.2, "family": 0.14, "academic": 0.1, "government": 0.1, "tech": 0.08},
    "scale_of_threat": {"police": 0.3, "charity": 0.25, "government": 0.15, "academic": 0.15, "tech": 0.08, "vigilante": 0.07},
}
# ...and by outlet type (Becker's hierarchy of credibility, bent by house style).
ROLE_BY_OUTLET_TYPE = {
    "tabloid": {"vigilante": 1.8, "public": 1.8, "family": 1.5, "academic": 0.4, "legal": 0.7},
    "mid-market": {"family": 1.4, "charity": 1.3, "vigilante": 1.2},
    "broadsheet": {"academic": 2.0, "legal": 1.4, "vigilante": 0.5, "public": 0.5, "charity": 1.2},
    "broadcaster": {"police": 1.3, "charity": 1.2, "academic": 1.2},
    "regional": {"police": 1.4, "public": 1.5, "vigilante": 1.2},
    "wire": {"police": 1.4, "legal": 1.4, "government": 1.2},
}

TOWNS = (
    ("Doncaster", "South Yorkshire"), ("Rotherham", "South Yorkshire"), ("Barnsley", "South Yorkshire"), ("Wakefield", "West Yorkshire"),
    ("Huddersfield", "West Yorkshire"), ("Halifax", "West Yorkshire"), ("Grimsby", "Lincolnshire"), ("Lincoln", "Lincolnshire"),
    ("Boston", "Lincolnshire"), ("Mansfield", "Nottinghamshire"), ("Worksop", "Nottinghamshire"), ("Derby", "Derbyshire"),
    ("Chesterfield", "Derbyshire"), ("Leicester", "Leicestershire"), ("Loughborough", "Leicestershire"), ("Northampton", "Northamptonshire"),
    ("Kettering", "Northamptonshire"), ("Stoke-on-Trent", "Staffordshire"), ("Stafford", "Staffordshire"), ("Telford", "Shropshire"),
    ("Shrewsbury", "Shropshire"), ("Worcester", "Worcestershire"), ("Hereford", "Herefordshire"), ("Gloucester", "Gloucestershire"),
    ("Cheltenham", "Gloucestershire"), ("Swindon", "Wiltshire"), ("Salisbury", "Wiltshire"), ("Taunton", "Somerset"),
    ("Yeovil", "Somerset"), ("Exeter", "Devon"), ("Plymouth", "Devon"), ("Torquay", "Devon"), ("Truro", "Cornwall"),
    ("Bournemouth", "Dorset"), ("Weymouth", "Dorset"), ("Southampton", "Hampshire"), ("Basingstoke", "Hampshire"),
    ("Portsmouth", "Hampshire"), ("Reading", "Berkshire"), ("Slough", "Berkshire"), ("Oxford", "Oxfordshire"), ("Banbury", "Oxfordshire"),
    ("Luton", "Bedfordshire"), ("Bedford", "Bedfordshire"), ("Stevenage", "Hertfordshire"), ("Watford", "Hertfordshire"),
    ("Chelmsford", "Essex"), ("Colchester", "Essex"), ("Basildon", "Essex"), ("Southend-on-Sea", "Essex"), ("Ipswich", "Suffolk"),
    ("Lowestoft", "Suffolk"), ("Norwich", "Norfolk"), ("King's Lynn", "Norfolk"), ("Peterborough", "Cambridgeshire"),
    ("Cambridge", "Cambridgeshire"), ("Maidstone", "Kent"), ("Margate", "Kent"), ("Canterbury", "Kent"), ("Brighton", "Sussex"),
    ("Hastings", "Sussex"), ("Crawley", "Sussex"), ("Guildford", "Surrey"), ("Woking", "Surrey"), ("Preston", "Lancashire"),
    ("Blackpool", "Lancashire"), ("Blackburn", "Lancashire"), ("Burnley", "Lancashire"), ("Lancaster", "Lancashire"),
    ("Wigan", "Greater Manchester"), ("Bolton", "Greater Manchester"), ("Oldham", "Greater Manchester"), ("Stockport", "Greater Manchester"),
    ("Warrington", "Cheshire"), ("Crewe", "Cheshire"), ("Chester", "Cheshire"), ("Birkenhead", "Merseyside"), ("St Helens", "Merseyside"),
    ("Carlisle", "Cumbria"), ("Barrow-in-Furness", "Cumbria"), ("Workington", "Cumbria"), ("Darlington", "County Durham"),
    ("Durham", "County Durham"), ("Hartlepool", "County Durham"), ("Middlesbrough", "Teesside"), ("Stockton-on-Tees", "Teesside"),
    ("Sunderland", "Tyne and Wear"), ("Gateshead", "Tyne and Wear"), ("Blyth", "Northumberland"), ("Hexham", "Northumberland"),
    ("Scarborough", "North Yorkshire"), ("Harrogate", "North Yorkshire"), ("York", "North Yorkshire"), ("Hull", "East Yorkshire"),
    ("Scunthorpe", "Lincolnshire"), ("Walsall", "West Midlands"), ("Dudley", "West Midlands"), ("Wolverhampton", "West Midlands"),
    ("Coventry", "West Midlands"), ("Nuneaton", "Warwickshire"), ("Rugby", "Warwickshire"), ("Newport", "South Wales"),
    ("Swansea", "South Wales"), ("Bridgend", "South Wales"), ("Wrexham", "North Wales"), ("Rhyl", "North Wales"),
    ("Dundee", "Tayside"), ("Perth", "Tayside"), ("Falkirk", "Central Scotland"), ("Paisley", "Renfrewshire"), ("Ayr", "Ayrshire"),
    ("Kilmarnock", "Ayrshire"), ("Inverness", "the Highlands"), ("Dumfries", "Dumfries and Galloway"),
)

FIRST_MALE = (
    "Adam", "Alan", "Alistair", "Andrew", "Anthony", "Barry", "Ben", "Brian", "Callum", "Carl", "Christopher", "Colin", "Craig",
    "Daniel", "Darren", "David", "Dean", "Derek", "Dominic", "Duncan", "Edward", "Gareth", "Gary", "Gavin", "Geoffrey", "Glen",
    "Graham", "Grant", "Harry", "Ian", "Jack", "Jamie", "Jason", "Jeremy", "Jonathan", "Keith", "Kevin", "Kieran", "Lee", "Liam",
    "Malcolm", "Mark", "Martin", "Matthew", "Michael", "Neil", "Nigel", "Oliver", "Owen", "Patrick", "Paul", "Peter", "Philip",
    "Raymond", "Richard", "Robert", "Roger", "Ross", "Russell", "Ryan", "Scott", "Shaun", "Simon", "Stephen", "Stuart", "Terry",
    "Thomas", "Timothy", "Tony", "Trevor", "Wayne", "William", "Rajesh", "Imran", "Tariq", "Kwame", "Tomasz", "Marek", "Declan",
    "Fergus", "Rhys", "Dylan", "Hamish", "Euan", "Aidan", "Connor", "Joel", "Nathan", "Reece", "Jordan", "Kyle", "Mohammed",
)
FIRST_FEMALE = (
    "Abigail", "Alison", "Amanda", "Amy", "Angela", "Anna", "Beth", "Caroline", "Catherine", "Charlotte", "Chloe", "Claire",
    "Danielle", "Deborah", "Donna", "Eleanor", "Elizabeth", "Emily", "Emma", "Fiona", "Gemma", "Gillian", "Hannah", "Heather",
    "Helen", "Jacqueline", "Jane", "Janet", "Jennifer", "Jessica", "Joanne", "Julie", "Karen", "Kate", "Kelly", "Laura", "Lesley",
    "Linda", "Lisa", "Louise", "Lucy", "Lynne", "Margaret", "Maria", "Michelle", "Natalie", "Nicola", "Patricia", "Rachel",
    "Rebecca", "Ruth", "Samantha", "Sarah", "Sharon", "Siobhan", "Sophie", "Stephanie", "Susan", "Tracey", "Victoria", "Wendy",
    "Yvonne", "Priya", "Aisha", "Nadia", "Amira", "Agnieszka", "Ngozi", "Sinead", "Megan", "Ffion", "Isla", "Morag", "Leanne",
    "Kirsty", "Zara", "Farah", "Grace", "Harriet", "Imogen",
)
SURNAMES = (
    "Abbott", "Ainsworth", "Allerton", "Ashcroft", "Atherton", "Bamford", "Barraclough", "Beckett", "Bellamy", "Birtwistle",
    "Blackwood", "Bradshaw", "Brierley", "Brocklehurst", "Calloway", "Carver", "Catterall", "Chadwick", "Cheetham", "Clegg",
    "Copeland", "Crowther", "Dalby", "Dawlish", "Denby", "Dobson", "Dunmore", "Eastwood", "Eccleston", "Ellwood", "Fairclough",
    "Fawcett", "Fenton", "Fletcher", "Garside", "Gillow", "Goodall", "Greenhalgh", "Haigh", "Halliwell", "Hartley", "Haworth",
    "Heseltine", "Hindle", "Holroyd", "Horrocks", "Hulme", "Ingham", "Jagger", "Kenworthy", "Kershaw", "Kirkby", "Lambert",
    "Langley", "Lockwood", "Lomax", "Marsden", "Mellor", "Metcalfe", "Midgley", "Moorhouse", "Naylor", "Nuttall", "Oldroyd",
    "Ormerod", "Oxley", "Pickering", "Pilling", "Priestley", "Ramsden", "Rawlinson", "Redfern", "Rishworth", "Rowbotham",
    "Sagar", "Scholes", "Shackleton", "Sharples", "Shuttleworth", "Sidebottom", "Smethurst", "Stansfield", "Sutcliffe",
    "Swithenbank", "Thornber", "Thwaite", "Tomlinson", "Townend", "Uttley", "Varley", "Wadsworth", "Walmsley", "Whitehead",
    "Whittaker", "Wilde", "Winstanley", "Wolstenholme", "Woodhead", "Yardley", "Ahmed", "Akhtar", "Bhatti", "Chaudhry", "Hussain",
    "Kowalski", "Nowak", "Okafor", "Mensah", "Adeyemi", "Patel", "Sharma", "MacLeod", "MacKinnon", "Fraser", "Munro", "Drummond",
    "Lindsay", "Rhys", "Pryce", "Vaughan", "Llewellyn", "Brennan", "Doherty", "Gallagher", "Quinlan", "Kavanagh", "Costello",
    "Treharne", "Penhaligon", "Trelawney", "Kellaway", "Holt", "Pickford", "Castellan", "Crane", "Marsh", "Osei", "Lindqvist",
    "Beresford", "Aldridge", "Blundell", "Cartwright", "Dearden", "Entwistle", "Fothergill", "Gregson", "Hebden", "Illingworth",
)

HUNTER_GROUPS = (
    "Shadow Watch", "Nightjar Patrol", "Silent Shield", "Northern Sentinels", "Kestrel Watch", "Beacon Seekers",
    "Iron Gate Watch", "Open Eye Collective", "Tidewatch UK", "Red Kite Patrol", "Harbour Lights Watch", "Stonewall Sentinels",
)
FORCES = (
    ("Northmoor Police", "Northmoor"), ("Severnside Constabulary", "Severnside"), ("East Carrow Police", "East Carrow"),
    ("Wealdshire Police", "Wealdshire"), ("Pennine Vale Police", "Pennine Vale"), ("Dunmere Constabulary", "Dunmere"),
    ("Holmshire Police", "Holmshire"), ("Fenmarch Constabulary", "Fenmarch"),
)
UNITS = (
    "the Online Child Protection Team", "the Digital Safeguarding Unit", "the Internet Child Abuse Team",
    "the Paedophile Online Investigation Team", "the Child Exploitation Online Unit", "the Cyber Safeguarding Hub",
)
RANKS = (
    ("Detective Inspector", "Det Insp"), ("Detective Sergeant", "Det Sgt"), ("Detective Chief Inspector", "Det Chief Insp"),
    ("Detective Superintendent", "Det Supt"), ("Chief Superintendent", "Ch Supt"), ("Assistant Chief Constable", "ACC"),
    ("Chief Constable", "Chief Constable"), ("Superintendent", "Supt"), ("Inspector", "Insp"),
)
AGENCY = "the National Online Crime Agency"
CHARITIES = ("the Lantern Trust", "Safe Harbour for Children", "the Bright Paths Trust", "ChildSafe Alliance", "the Hollybank Foundation")
CHARITY_TITLES = ("chief executive of", "head of policy at", "a spokesperson for", "director of safeguarding at", "head of child safety online at")
PLATFORMS = ("Chirrup", "Snapline", "FriendSphere", "Talkabout", "Vidlo", "Gamehall")
TECH_TITLES = ("a spokesperson for", "head of trust and safety at", "director of public policy at", "chief executive of")
UNIVERSITIES = ("the University of Northmoor", "Carrowfield University", "Westmarch University", "the University of the Severn Valley", "Kingsbridge University")
ACADEMIC_FIELDS = ("a criminologist", "a lecturer in criminology", "a professor of media law", "a researcher in digital policing", "a professor of sociology", "a senior lecturer in journalism")
DOCUMENTARIES = ("The Hunters Next Door", "Stings: Justice or Mob Rule?", "Caught Online", "The Vigilantes", "Decoys")
CHANNELS = ("Channel Albion", "ABN Two", "StreamNation")
DEPARTMENTS = ("the Home Office", "the Department for Digital Affairs", "the Ministry of Justice")
BILL = "the Digital Childhood Protection Bill"
MINISTER_TITLES = ("Safeguarding Minister", "Home Secretary", "Digital Minister", "Policing Minister")
COURT_KINDS = ("Crown Court",) * 9 + ("Magistrates' Court",)
RELATIONS = ("sister", "brother", "mother", "father", "partner", "son", "daughter", "cousin")
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December")
NUMBER_WORDS = ("two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve")


@dataclass
class Person:
    """A named person of the simulated world."""

    person_id: str
    name: str
    gender: str  # "m" or "f": resolves "he said" / "she said"
    role: str  # one of ROLES, or "defendant"
    organisation: str
    title: str  # how the first mention describes them, e.g. "a spokesperson for Chirrup"
    public: bool  # public figure (kept) or private individual (pseudonymised)

    @property
    def surname(self) -> str:
        return self.name.split()[-1]


@dataclass
class World:
    """The fictional cast and places shared by every article of one simulated corpus.

    :func:`build_world` fills one; :meth:`new_person` adds people to it.

    Example
    -------
    >>> world = World(seed=1)
    >>> person = world.new_person(random.Random(0), "charity", "the Example Trust", "a spokesperson for the Example Trust", True)
    >>> person.person_id, person.role, person.public
    ('p0000001', 'charity', True)
    >>> list(world.people) == [person.person_id]
    True
    """

    seed: int
    people: dict[str, Person] = field(default_factory=dict)
    groups: list[dict] = field(default_factory=list)
    forces: list[dict] = field(default_factory=list)
    charities: list[dict] = field(default_factory=list)
    platforms: list[dict] = field(default_factory=list)
    ministers: list[tuple[int, int, str]] = field(default_factory=list)  # (from, to, person_id)
    mps: list[str] = field(default_factory=list)
    judges: list[str] = field(default_factory=list)
    prosecutors: list[str] = field(default_factory=list)
    defence: list[str] = field(default_factory=list)
    academics: list[str] = field(default_factory=list)
    agency_officers: list[str] = field(default_factory=list)
    _used_names: set = field(default_factory=set)
    _counter: int = 0

    def new_person(self, rng: random.Random, role: str, organisation: str, title: str, public: bool, gender=None, fixed_name=None, keep: bool = True) -> Person:
        """Invent a person whose name is not yet used in this world (while names last).

        ``keep=False`` is for people who appear in one article only (residents, parents,
        defendants of background stories): they are written to the persons table but
        not kept in memory, so a million-article corpus does not hold a million people.
        """
        gender = gender or rng.choice("mf")
        for _ in range(30):
            first = rng.choice(FIRST_MALE if gender == "m" else FIRST_FEMALE)
            name = fixed_name or f"{first} {rng.choice(SURNAMES)}"
            if name not in self._used_names:
                break
            fixed_name = None
        self._used_names.add(name)
        self._counter += 1
        person = Person(f"p{self._counter:07d}", name, gender, role, organisation, title, public)
        if keep:
            self.people[person.person_id] = person
        return person


def build_world(seed: int) -> World:
    """The fixed cast of a corpus (private individuals are invented per event, later).

    The same ``seed`` always gives the same world.

    Example
    -------
    >>> world = build_world(7)
    >>> len(world.forces), len(world.groups), len(world.judges)
    (8, 12, 10)
    >>> build_world(7).people == world.people
    True
    """
    rng = random.Random(f"world:{seed}")
    world = World(seed)
    shuffled = list(TOWNS)
    rng.shuffle(shuffled)
    for index, (name, area) in enumerate(FORCES):
        units = rng.sample(UNITS, 2)
        towns = shuffled[index :: len(FORCES)]
        officers = []
        for _ in range(5):
            rank, short = rng.choice(RANKS)
            unit = rng.choice(units)
            person = world.new_person(rng, "police", name, f"of {name}'s {unit.removeprefix('the ')}", True)
            officers.append({"id": person.person_id, "rank": rank, "short": short, "unit": unit})
        world.forces.append({"name": name, "area": area, "units": units, "towns": towns, "officers": officers})
    for _ in range(3):
        rank, short = rng.choice(RANKS[:5])
        person = world.new_person(rng, "police", AGENCY.removeprefix("the "), f"of {AGENCY}", True)
        world.agency_officers.append(person.person_id)
        world.people[person.person_id].title = f"{rank} {person.name}, of {AGENCY}"
    for group in HUNTER_GROUPS:
        home = rng.choice(world.forces)
        founder = world.new_person(rng, "vigilante", group, f"founder of {group}", True)
        members = [world.new_person(rng, "vigilante", group, f"a member of {group}", True).person_id for _ in range(2)]
        world.groups.append({"name": group, "force": home["name"], "founder": founder.person_id, "members": members})
    for charity in CHARITIES:
        people = [world.new_person(rng, "charity", charity.removeprefix("the "), f"{title} {charity}", True).person_id for title in rng.sample(CHARITY_TITLES, 2)]
        world.charities.append({"name": charity, "people": people})
    for platform in PLATFORMS:
        people = [world.new_person(rng, "tech", platform, f"{title} {platform}", True).person_id for title in rng.sample(TECH_TITLES, 2)]
        world.platforms.append({"name": platform, "people": people})
    year = 2013
    while year <= 2024:
        span = rng.choice((2, 2, 3))
        title = rng.choice(MINISTER_TITLES)
        person = world.new_person(rng, "government", "the government", title, True)
        world.ministers.append((year, year + span - 1, person.person_id))
        year += span
    for _ in range(6):
        world.mps.append(world.new_person(rng, "government", "Parliament", "MP", True).person_id)
    for _ in range(10):
        world.judges.append(world.new_person(rng, "legal", "the courts", "judge", True).person_id)
    for _ in range(6):
        world.prosecutors.append(world.new_person(rng, "legal", "the Crown Prosecution Service", "prosecuting", True).person_id)
    for _ in range(6):
        world.defence.append(world.new_person(rng, "legal", "defence", "defending", True).person_id)
    for university in UNIVERSITIES:
        for _ in range(2):
            person = world.new_person(rng, "academic", university.removeprefix("the "), f"{rng.choice(ACADEMIC_FIELDS)} at {university}", True)
            world.academics.append(person.person_id)
    return world
