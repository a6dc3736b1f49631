"""The session report: one readable document of the whole session, for its facilitators.

No participant is named or identified: people appear as counts, stewards by role unless they
agreed to be named, and a participant's own words only when they agreed to publishing."""

import uuid
from datetime import datetime
from typing import Literal

from pydantic import BaseModel, Field

from backend.feedback.schemas import FeedbackSummary
from backend.kit.i18n import Locale
from backend.models import (
    BarrierTag,
    Capital,
    CombinationStatus,
    DecidedBy,
    IdeaSource,
    InitiativeStatus,
    Mode,
    Phase,
    ReductionStage,
    ResponseKind,
    StewardKind,
    TieBreak,
)
from backend.reduction.schemas import PlaceDecidedBy

WITHHELD = (
    "True when the words are left out because the person who wrote them did not agree to their "
    "contributions being published (or was removed); the text is then null"
)
TABLE_WORDS = (
    "True when the words are left out: a table writes its storyboard and pitch together, so they "
    "show only if the idea's author, everyone at the table and everyone recorded as writing them "
    "agreed to their contributions being published (as on the published page)"
)


class ReportText(BaseModel):
    text: str | None = Field(description="Null when neither language was written")
    lang: Locale | None = Field(description="The language `text` is written in")


class ReportBilingual(BaseModel):
    """A text for an English and for a Welsh document; each falls back to the other language
    when only one was written."""

    en: ReportText
    cy: ReportText


class ReportTableRef(BaseModel):
    number: int
    name: str | None


class ReportIdeaLink(BaseModel):
    """Another idea, named by its table and its number there (as listed in this report)."""

    id: uuid.UUID
    table_number: int
    number: int = Field(description="The idea's number at its table, oldest first")


class ReportIdeaRef(ReportIdeaLink):
    text: str | None
    withheld: bool = Field(description=WITHHELD)


class ReportSession(BaseModel):
    id: uuid.UUID
    title: ReportBilingual
    challenge: ReportBilingual
    mode: Mode
    venue: str | None
    starts_at: datetime
    ends_at: datetime | None
    phase: Phase
    archived: bool
    participant_count: int = Field(description="People who joined (removed people not counted)")
    table_count: int
    idea_count: int = Field(description="Ideas written, hidden ones not counted")


class ReportRules(BaseModel):
    dot_budget: int
    dot_cap: int
    shortlist_size: int
    tie_break: TieBreak
    tie_break_text: ReportBilingual = Field(description="The rule as shown before voting opened")


class ReportPerspective(BaseModel):
    perspective: str | None = Field(description="A perspective key; null: not given")
    custom_label: ReportBilingual | None = Field(
        description="The organisation's label for its own perspective (null for built-in ones)"
    )
    count: int


class ReportTheme(BaseModel):
    name: str
    idea_count: int


class ReportIdea(ReportIdeaRef):
    theme: str | None
    status: Literal["active", "combined"] = Field(
        description="`combined`: merged into a newer idea (kept for where it came from)"
    )
    source: IdeaSource
    parents: list[ReportIdeaLink] = Field(description="A combined idea: the ideas it was made from")
    combined_into: list[ReportIdeaLink]
    repurposed_from: ReportIdeaLink | None
    dots: int = Field(description="Dots on it as the table counted them (active ideas only)")
    voters: int


class ReportShortlistPlace(BaseModel):
    place: int
    idea: ReportIdeaRef | None = Field(description="Null: since hidden by a facilitator")
    dots: int
    decided_by: PlaceDecidedBy = Field(
        description="`votes`: above the cut-off; `runoff`: won the run-off; "
        "`earliest`: the tie-break by creation time"
    )


class ReportRunoffCandidate(BaseModel):
    idea: ReportIdeaRef | None
    dots: int
    runoff_votes: int


class ReportRunoff(BaseModel):
    places: int = Field(description="Shortlist places the run-off filled")
    voters: int
    candidates: list[ReportRunoffCandidate]


class ReportAverages(BaseModel):
    desirability: float
    feasibility: float
    viability: float
    total: float = Field(description="The average of each member's three scores added up")


class ReportScores(BaseModel):
    place: int
    idea: ReportIdeaRef | None
    scorers: int
    average: ReportAverages | None = Field(description="Null: nobody scored it")
    overall: int = Field(description="Every member's scores added up (what the choice compares)")


class ReportRound(BaseModel):
    stage: ReductionStage
    decided_by: DecidedBy = Field(
        description="`majority`: the table's present members agreed; `facilitator`: a "
        "facilitator closed the round when time was up"
    )
    agreed: int = Field(description="Members whose agreement closed it")
    present: int
    closed_at: datetime


class ReportChoice(BaseModel):
    idea: ReportIdeaRef | None
    decided_by: DecidedBy
    decided_at: datetime
    best_scores: bool | None = Field(
        description="True when the table chose the idea its scores put first (the best overall "
        "total; ties: desirability, then the earlier idea); null when nobody scored"
    )


class ReportReduction(BaseModel):
    stage: ReductionStage
    shortlist: list[ReportShortlistPlace]
    runoff: ReportRunoff | None
    scores: list[ReportScores]
    rounds: list[ReportRound] = Field(description="How each closed round was closed, in order")
    choice: ReportChoice | None


class ReportPicture(BaseModel):
    url: str = Field(description="The picture, for the session's facilitators")
    alt: str
    width: int
    height: int


class ReportFrame(BaseModel):
    position: int
    title: str
    what_happens: str
    who: str
    where: str
    picture: ReportPicture | None


class ReportStoryboard(BaseModel):
    idea: ReportIdeaRef | None
    frame_count: int
    words_withheld: bool = Field(description=TABLE_WORDS)
    frames: list[ReportFrame] = Field(description="Empty when the words are withheld")


class ReportResponse(BaseModel):
    kind: ResponseKind
    from_table: ReportTableRef
    body: str | None
    withheld: bool = Field(description=WITHHELD)
    capitals: list[Capital] = Field(description="Offers: the strengths offered")
    by_facilitator: bool
    reply: str | None
    reply_withheld: bool
    created_at: datetime


class ReportAsk(BaseModel):
    capital: Capital
    note: str | None = Field(description="What exactly; null when empty or withheld")


class ReportPitch(BaseModel):
    idea: ReportIdeaRef | None
    what: str | None = Field(description="Null when withheld")
    why: str | None = Field(description="Null when empty or withheld")
    words_withheld: bool = Field(description=TABLE_WORDS)
    barrier_tags: list[BarrierTag] = Field(description="From METHOD.md's vocabulary")
    barriers_other: list[str] = Field(description="In the table's own words; empty if withheld")
    other_barrier_count: int = Field(description="Counted even when their words are withheld")
    asks: list[ReportAsk]
    responses: list[ReportResponse] = Field(description="Other tables' responses, oldest first")


class ReportTable(BaseModel):
    id: uuid.UUID
    number: int
    name: str | None
    member_count: int
    perspectives: list[ReportPerspective] = Field(description="The members' perspective mix")
    themes: list[ReportTheme]
    ideas: list[ReportIdea] = Field(
        description="Visible ideas, oldest first (hidden ones left out)"
    )
    reduction: ReportReduction
    storyboard: ReportStoryboard | None = Field(description="Null until the table chose an idea")
    pitches: list[ReportPitch] = Field(description="Usually one; a new idea gets its own pitch")


class ReportCombination(BaseModel):
    proposer: ReportTableRef
    receiver: ReportTableRef
    proposer_idea: ReportIdeaRef | None
    receiver_idea: ReportIdeaRef | None
    text: str = Field(
        description="The combined idea as proposed: the proposing table's words, like the combined "
        "idea it becomes (which has no single author)"
    )
    status: CombinationStatus
    decided_by: DecidedBy | None
    decided_at: datetime | None
    combined_idea: ReportIdeaLink | None = Field(description="Accepted: the new idea")


class ReportStewardMember(BaseModel):
    label: str = Field(description="Their name if they agreed to be named, otherwise their role")
    role: str
    named: bool


class ReportSteward(BaseModel):
    kind: StewardKind
    name: str | None = Field(description="A committee's or party's name; null for a person")
    members: list[ReportStewardMember]


class ReportInitiative(BaseModel):
    id: uuid.UUID
    title: str | None
    summary: str | None
    words_withheld: bool = Field(
        description="Its title starts as the idea's words: withheld with the idea's"
    )
    status: InitiativeStatus
    table: ReportTableRef | None
    idea: ReportIdeaRef | None
    steward: ReportSteward | None
    created_at: datetime


class SessionReport(BaseModel):
    """The whole session as one readable document, for its organisation's facilitators."""

    generated_at: datetime
    session: ReportSession
    rules: ReportRules
    tables: list[ReportTable]
    combinations: list[ReportCombination]
    initiatives: list[ReportInitiative]
    feedback: FeedbackSummary = Field(description="Numbers and comments only from five responses")
