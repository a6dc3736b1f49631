"""What the journey demo's tables made of their chosen ideas: storyboards, pitches
and the responses between tables. Plain data, by table (the order of
`backend/demo_journey_data.TABLES`)."""

# (title, what happens, who, where)
STORYBOARDS: list[list[tuple[str, str, str, str]]] = [
    [
        (
            "Friday morning",
            "Dai waits at the shelter at the top of the valley.",
            "Dai",
            "Bus shelter, Cwm Uchaf",
        ),
        (
            "The driver says hello",
            "Kerry knows Dai by name and asks after his garden.",
            "Kerry, the driver",
            "On the bus",
        ),
        (
            "Paned at the library",
            "The bus waits forty minutes; tea and Welsh cakes in the community room.",
            "Library volunteers",
            "Aberdare library",
        ),
        (
            "Someone is missing",
            "Gwen notices Mrs Price hasn't come and rings her.",
            "Gwen",
            "Community room",
        ),
        (
            "Home again",
            "Everyone is dropped at their door; next Friday is already planned.",
            "Everyone",
            "Around the valley",
        ),
    ],
    [
        (
            "A sign in the window",
            "The library puts up 'Byrddau sgwrs / Chat tables — Tue & Thu'.",
            "Ffion",
            "Library window",
        ),
        (
            "First visit",
            "Terry comes in for a newspaper and is offered a seat and a tea.",
            "Terry, a host",
            "Chat table",
        ),
        (
            "Two languages, one table",
            "Learners and first-language speakers swap stories of the pits.",
            "Everyone",
            "Chat table",
        ),
        (
            "Prescribed by the GP",
            "Sioned's social prescribers send people with a printed invitation.",
            "Social prescriber",
            "GP surgery",
        ),
    ],
    [
        (
            "Sign-up at school",
            "Sixth-formers choose Ffrind ffôn as their volunteering.",
            "Kyle",
            "School",
        ),
        (
            "Matched with a neighbour",
            "The housing association asks tenants living alone who'd like a call.",
            "Angharad",
            "Tenants' homes",
        ),
        (
            "Tuesday call",
            "Twenty minutes about rugby, recipes and the grandchildren.",
            "Nerys and a pupil",
            "On the phone",
        ),
        (
            "Meeting in person",
            "Once a term everyone meets at the memory café.",
            "Everyone",
            "Community centre",
        ),
    ],
]

# (what, why, barrier tags, own barriers, asks {capital: note})
PITCHES: list[tuple[str, str, list[str], list[str], dict[str, str]]] = [
    (
        "Bws paned: a Friday bus loop from the top of the valley to the library, with tea and a chat while the bus waits.",
        "People told us the bus is the only way out, and the library is the only warm place to sit for free.",
        ["engrained_systems", "time_resources_competing_demands"],
        ["The timetable is set two years ahead"],
        {"physical": "A minibus on Friday mornings", "financial": "£40 a week for tea and fuel"},
    ),
    (
        "Byrddau sgwrs: bilingual chat tables in three valley libraries, twice a week, with trained volunteer hosts.",
        "Libraries are trusted, free and open to all; a host makes it easy to sit down with strangers.",
        ["waiting_for_permission", "assumptions_about_people"],
        [],
        {
            "human": "Volunteer hosts, Welsh speakers especially",
            "public": "GP social prescribers to refer people",
        },
    ),
    (
        "Ffrind ffôn: sixth-formers phone older neighbours living alone once a week, and meet them each term.",
        "Young and old both told us they feel unheard; a weekly call is small enough to keep going.",
        ["hard_work", "resistance_from_power"],
        ["Safeguarding checks take months"],
        {
            "public": "A safeguarding check that covers every group",
            "social": "Names of people who'd like a call",
        },
    ),
]

# (responding table, pitching table, kind, body, capitals offered, reply)
RESPONSES: list[tuple[int, int, str, str, list[str], str | None]] = [
    (
        1,
        0,
        "offer",
        "Our community room is free on Friday mornings — use it for the paned.",
        ["physical"],
        "Diolch! That solves where.",
    ),
    (
        2,
        0,
        "question",
        "Could the bus stop at the school so pupils can join in the holidays?",
        [],
        None,
    ),
    (
        0,
        1,
        "suggestion",
        "Run one chat table on Friday, when our bus brings people in.",
        [],
        "Yes — let's line it up.",
    ),
    (2, 1, "offer", "Sixth-formers could host a Welsh learners' table.", ["human"], None),
    (
        0,
        2,
        "offer",
        "Kerry knows everyone on the minibus route and can ask who'd like a call.",
        ["social"],
        "Perfect, thank you.",
    ),
    (
        1,
        2,
        "question",
        "Would callers get training on spotting when someone needs more help?",
        [],
        None,
    ),
]
