"""What the journey demo workshop says: its people, its tables, their ideas and what each table
chose. Plain data; `backend/demo_journey.py` writes it. Welsh context: buses, libraries and
loneliness in the valleys."""

from dataclasses import dataclass, field

JOURNEY_TITLE = "Tackling loneliness in the valleys"
JOURNEY_TITLE_CY = "Mynd i'r afael ag unigrwydd yn y cymoedd"
JOURNEY_CHALLENGE = (
    "How might we make sure nobody in our valleys goes a week without a good conversation?"
)
JOURNEY_CHALLENGE_CY = (
    "Sut allwn ni sicrhau nad oes neb yn ein cymoedd yn mynd wythnos heb sgwrs dda?"
)
JOURNEY_VENUE = "Llyfrgell Aberdâr / Aberdare Library"


@dataclass(frozen=True)
class Person:
    name: str
    perspective: str
    roles: list[str]
    strengths: dict[str, str]
    consent_publish: bool = True
    locale: str = "en"


@dataclass(frozen=True)
class IdeaSpec:
    """An idea; `author` indexes the table's members (None: typed in from paper). An idea with
    `parents` (indexes into the same table's ideas) was combined from them."""

    text: str
    theme: int | None = None
    author: int | None = None
    parents: tuple[int, ...] = ()


@dataclass(frozen=True)
class TableSpec:
    name: str
    people: list[Person]
    themes: list[str]
    ideas: list[IdeaSpec]
    shortlist: tuple[int, int, int]  # idea indexes, the first one chosen
    extra: list[int] = field(default_factory=list)  # more ideas that got a dot


P = Person
I = IdeaSpec  # noqa: E741

TABLES: list[TableSpec] = [
    TableSpec(
        name="Bws a phaned / Bus and a cuppa",
        people=[
            P(
                "Gwen",
                "lived_experience",
                ["connector"],
                {"social": "Chapel coffee morning"},
                locale="cy",
            ),
            P("Dai", "lived_experience", [], {"human": "Widower, 81, no car since 2019"}),
            P("Kerry", "service_provider", [], {"physical": "Drives the community minibus"}),
            P("Emyr", "policy", ["maven"], {"public": "County transport officer"}, locale="cy"),
            P("Leanne", "academic", [], {"human": "Researches rural isolation"}),
            P("Jac", "outlier", ["salesperson"], {"social": "Runs the valley's Facebook group"}),
            P(
                "Mair",
                "lived_experience",
                [],
                {"human": "Carer for her husband"},
                consent_publish=False,
            ),
        ],
        themes=["Trafnidiaeth / Getting there", "Mannau cyfarfod / Places to meet"],
        ideas=[
            I("A Friday bus loop that links the top of the valley to the town", 0, 0),
            I("Bus drivers who know regulars by name and notice when they're missing", 0, 2),
            I("Free travel for a companion of anyone over 75", 0, 1),
            I("Timetables printed large and posted through every door", 0, 3),
            I("Tea and a chat at the library when the bus arrives", 1, 0),
            I(
                "Bws paned: a Friday loop that stops at the library for a cuppa and a chat",
                1,
                None,
                (0, 4),
            ),
            I("A 'chatty seat' on every bus — sit here if you fancy a natter", 0, 5),
            I("Lift-share board at the Co-op for hospital appointments", 0, 6),
            I("Saturday market trips for people who can't carry shopping", 0, 1),
            I("Shelters with a bench, a light and a noticeboard", 0, 4),
            I("Walking group that starts and ends at the bus station", 1, 5),
            I("Miners' institute open one morning a week for dominoes", 1, 1),
            I("Volunteer 'bus buddies' for the first few journeys", 0, 2),
            I("Ask the chapel to host a warm space on Tuesdays", 1, 0),
            I("Welsh-language chat mornings for learners and first-language speakers", 1, 3),
            I("Ring-and-ride minibus bookable by phone, not an app", 0, 6),
            I("Map of every free place to sit and talk in the valley", 1, 4),
        ],
        shortlist=(5, 15, 6),
        extra=[1, 2, 7, 10, 11, 13, 14],
    ),
    TableSpec(
        name="Llyfrgelloedd / Libraries",
        people=[
            P(
                "Ffion",
                "service_provider",
                ["connector"],
                {"physical": "Branch librarian"},
                locale="cy",
            ),
            P("Terry", "lived_experience", [], {"human": "Retired steelworker, lives alone"}),
            P(
                "Sioned",
                "policy",
                [],
                {"public": "Health board social prescribing lead"},
                locale="cy",
            ),
            P("Ahmed", "lived_experience", ["salesperson"], {"social": "Mosque community group"}),
            P("Catrin", "academic", ["maven"], {"human": "Studies libraries as social places"}),
            P("Paul", "outlier", [], {"financial": "Runs the café next to the library"}),
            P("Beth", "lived_experience", [], {"human": "New mum, moved here last year"}),
        ],
        themes=["Y llyfrgell / The library", "Pobl / People"],
        ideas=[
            I("Chat tables in the library twice a week with a volunteer host", 0, 0),
            I(
                "Byrddau sgwrs: bilingual chat tables, Welsh and English, with hosts and tea",
                0,
                None,
            ),
            I("Library open late on Thursdays with something to do", 0, 4),
            I("Home library visits that stay for a cup of tea", 1, 0),
            I("Digital help drop-in so people can video-call family", 0, 6),
            I("Baby and toddler rhyme time that welcomes grandparents too", 1, 6),
            I("GPs prescribe a library visit instead of another pill", 1, 2),
            I("Jigsaw and puzzle swap shelf", 0, 1),
            I("Men's shed corner in the library's back room", 1, 1),
            I("Café offers a 'suspended' cuppa for whoever needs one", 1, 5),
            I("Reading group that reads aloud for people with poor sight", 0, 3),
            I("Local history afternoons with old photos of the pits", 0, 4),
            I("Library card that doubles as a bus pass on the library route", 0, 2),
            I("Welcome pack for newcomers listing every group in the valley", 1, 6),
            I("Multilingual storytelling evenings", 0, 3),
            I("Volunteer hosts trained to notice and gently ask", 1, 0),
        ],
        shortlist=(1, 3, 6),
        extra=[0, 2, 4, 8, 11, 15],
    ),
    TableSpec(
        name="Ffrindiau / Friends",
        people=[
            P("Rhodri", "policy", ["connector"], {"public": "Town councillor"}, locale="cy"),
            P("Nerys", "lived_experience", [], {"human": "Was very lonely after a stroke"}),
            P("Kyle", "outlier", ["salesperson"], {"social": "Sixth-former, runs a gaming club"}),
            P("Angharad", "service_provider", [], {"public": "Housing association officer"}),
            P("Mohammed", "academic", [], {"human": "Psychologist, loneliness and health"}),
            P("Glenys", "lived_experience", ["maven"], {"social": "Knows everyone on the estate"}),
        ],
        themes=["Ffôn a chyswllt / Keeping in touch", "Cenedlaethau / Generations"],
        ideas=[
            I("Ffrind ffôn: sixth-formers ring older neighbours once a week for a chat", 0, 2),
            I("Postcards between school pupils and care home residents", 1, 2),
            I("A 'knock on the door' rota on each street", 0, 5),
            I("Housing officers ask about loneliness at every visit", 0, 3),
            I("Intergenerational gardening at the old allotments", 1, 1),
            I("Text-a-friend service for people who hate the phone", 0, 4),
            I("Stroke survivors' peer group in the community centre", 1, 1),
            I("Young people teach older people to use tablets", 1, 2),
            I("Window signs: a green card means 'pop in, I'd like a chat'", 0, 5),
            I("Memory café run jointly with the school", 1, 0),
            I("Befriending volunteers checked and trained once, valid for every group", 0, 3),
            I("Radio phone-in hour for people living alone", 0, 4),
            I("A valley-wide 'week without loneliness' festival", 1, 0),
            I("Free tea dance at the rugby club", 1, 5),
            I("Buddy up new tenants with a long-standing neighbour", 0, 3),
        ],
        shortlist=(0, 8, 7),
        extra=[1, 2, 3, 4, 9, 14],
    ),
]
