"""What outlived the journey demo's session: one initiative per table with its steward, action
plan and outcome indicators, and the participants' feedback. Plain data, by table (the order of
`backend/demo_journey_data.TABLES`); days count from today (negative or "days ago": the past)."""

from dataclasses import dataclass


@dataclass(frozen=True)
class ActionSpec:
    title: str
    owner_role: str
    owner_name: str | None
    due_in_days: int  # negative: in the past
    status: str
    note: str | None = None


@dataclass(frozen=True)
class IndicatorSpec:
    name: str
    description: str
    unit: str
    direction: str
    baseline: float
    target: float
    unit_label: str | None
    source: str
    series: list[tuple[int, float]]  # (days ago, value)


@dataclass(frozen=True)
class InitiativeSpec:
    title: str
    summary: str
    steward_kind: str
    steward_name: str | None
    steward_description: str
    members: list[tuple[str, str, bool]]  # (name, role label, agreed to be named)
    actions: list[ActionSpec]
    indicators: list[IndicatorSpec]


A = ActionSpec
INITIATIVES: list[InitiativeSpec] = [
    InitiativeSpec(
        title="Bws paned — Friday bus and a cuppa",
        summary="A Friday minibus loop from Cwm Uchaf to Aberdare library, with tea while it waits.",
        steward_kind="committee",
        steward_name="Pwyllgor Bws Paned / Bws Paned committee",
        steward_description="Passengers, the minibus scheme and the library, meeting monthly.",
        members=[
            ("Gwen Morgan", "Chair, passenger", True),
            ("Kerry Jones", "Minibus driver", True),
            ("Emyr Rees", "Transport officer", False),
        ],
        actions=[
            A(
                "Agree the Friday route with the minibus scheme",
                "Transport officer",
                "Emyr Rees",
                -480,
                "done",
            ),
            A("Book the library community room", "Chair", "Gwen Morgan", -470, "done"),
            A(
                "Recruit two back-up drivers",
                "Minibus driver",
                None,
                -20,
                "doing",
                "One found, still looking for a second.",
            ),
            A(
                "Apply for the active travel fund for a second loop",
                "Transport officer",
                None,
                60,
                "todo",
            ),
        ],
        indicators=[
            IndicatorSpec(
                "Regular Friday passengers",
                "People who rode at least twice in the month",
                "people",
                "increase",
                0,
                30,
                None,
                "Driver's log",
                [(500, 6), (420, 11), (330, 15), (240, 19), (120, 22), (30, 24)],
            ),
            IndicatorSpec(
                "Passengers who feel lonely often",
                "Share answering 'often' or 'always' to the ONS question",
                "percent",
                "decrease",
                58,
                30,
                None,
                "Passenger survey",
                [(510, 58), (330, 47), (150, 39), (20, 36)],
            ),
        ],
    ),
    InitiativeSpec(
        title="Byrddau sgwrs — library chat tables",
        summary="Bilingual chat tables with trained hosts in three valley libraries, twice a week.",
        steward_kind="person",
        steward_name=None,
        steward_description="The branch librarian looks after the hosts' rota and the referrals.",
        members=[("Ffion Davies", "Branch librarian", True)],
        actions=[
            A("Train the first six hosts", "Branch librarian", "Ffion Davies", -450, "done"),
            A(
                "Agree referrals with the social prescribers",
                "Social prescribing lead",
                None,
                -400,
                "done",
            ),
            A(
                "Open a third chat table in Mountain Ash",
                "Branch librarian",
                "Ffion Davies",
                14,
                "blocked",
                "Waiting for the branch's new opening hours.",
            ),
            A("Print bilingual invitations for GP surgeries", "Branch librarian", None, 21, "todo"),
        ],
        indicators=[
            IndicatorSpec(
                "Visits to chat tables",
                "Visits counted by hosts each month",
                "count",
                "increase",
                0,
                200,
                None,
                "Hosts' tally sheets",
                [(480, 35), (360, 92), (240, 130), (120, 151), (15, 176)],
            ),
        ],
    ),
    InitiativeSpec(
        title="Ffrind ffôn — phone friends",
        summary="Sixth-formers phone older neighbours living alone once a week and meet each term.",
        steward_kind="independent_party",
        steward_name="Ymddiriedolaeth Gymunedol y Cwm / Cwm Community Trust",
        steward_description="An independent charity holds the safeguarding and matches callers.",
        members=[
            ("Angharad Lewis", "Trust coordinator", True),
            ("Volunteer lead", "Sixth-form volunteer lead", False),
        ],
        actions=[
            A(
                "Safeguarding checks for the first callers",
                "Trust coordinator",
                "Angharad Lewis",
                -420,
                "done",
            ),
            A("Match 20 tenants with callers", "Trust coordinator", None, -300, "done"),
            A("Termly meet-up at the memory café", "Sixth-form volunteer lead", None, 10, "doing"),
            A(
                "Recruit callers from the new Year 12",
                "Sixth-form volunteer lead",
                None,
                45,
                "todo",
            ),
        ],
        indicators=[
            IndicatorSpec(
                "Calls made",
                "Weekly calls completed in the month",
                "count",
                "increase",
                0,
                120,
                None,
                "Call log",
                [(450, 18), (360, 54), (270, 71), (180, 88), (90, 97), (10, 104)],
            ),
            IndicatorSpec(
                "Wellbeing score of people called",
                "Average short WEMWBS, on its 7 to 35 scale",
                "score",
                "increase",
                19.5,
                25,
                None,
                "Termly check-in",
                [(460, 19.5), (280, 21.2), (100, 22.8)],
            ),
        ],
    ),
]

# (table, member index, felt heard, felt equal, trusted the process, comment)
FEEDBACK: list[tuple[int, int, int, int, int, str | None]] = [
    (0, 0, 5, 5, 4, "Roedd yn braf cael siarad Cymraeg. Lovely to be asked."),
    (0, 1, 5, 4, 4, "First time anyone asked me about the bus."),
    (0, 2, 4, 4, 5, None),
    (1, 1, 4, 3, 3, "Good, but the council people talked a lot at first."),
    (1, 4, 5, 5, 5, None),
    (1, 6, 4, 5, 4, "I met three neighbours I didn't know."),
    (2, 1, 5, 5, 4, "Diolch o galon."),
    (2, 2, 4, 4, 4, None),
]
