"""Request and response bodies of the reduction slice."""

import uuid
from datetime import datetime
from typing import Literal

from pydantic import BaseModel, Field

from backend.kit.i18n import LocalizedText
from backend.models import DecidedBy, ReductionStage, TieBreak

SHORTLIST_SIZE = 3
PlaceDecidedBy = Literal["votes", "runoff", "earliest"]
ClosableStage = Literal["voting", "runoff", "scoring", "choosing"]


class ReductionSettingsUpdate(BaseModel):
    """The whole rule set (omitted fields take their defaults)."""

    dot_budget: int = Field(default=5, ge=1, le=50, description="Dots each member may place")
    dot_cap: int = Field(
        default=3, ge=1, le=50, description="Most dots one member may put on one idea"
    )
    tie_break: TieBreak = Field(
        default=TieBreak.runoff,
        description="`runoff`: ideas tied at the shortlist cut-off go to a quick run-off vote "
        "among themselves; `earliest`: the earlier-created idea wins",
    )


class ReductionSettingsPublic(BaseModel):
    dot_budget: int
    dot_cap: int
    shortlist_size: int = SHORTLIST_SIZE
    tie_break: TieBreak
    tie_break_text: LocalizedText = Field(
        description="The tie-break rule in words, shown before voting"
    )
    locked: bool = Field(
        description="True once a vote was cast in the session: the rules are fixed"
    )


class VoteCreate(BaseModel):
    idea_id: uuid.UUID
    dots: int = Field(default=1, ge=1, le=50, description="Dots to add (up to the per-idea cap)")


class VoteSet(BaseModel):
    dots: int = Field(
        ge=0, le=50, description="Your dots on this idea from now on (0 takes them all back)"
    )


class VoteReceipt(BaseModel):
    idea_id: uuid.UUID
    my_dots: int = Field(description="Your dots on this idea now")
    idea_dots: int = Field(description="The table's dots on this idea now")
    dots_left: int


class RunoffVoteCreate(BaseModel):
    idea_id: uuid.UUID


class ScoreUpdate(BaseModel):
    desirability: int = Field(ge=1, le=5, description="Do people want it? 1-5")
    feasibility: int = Field(ge=1, le=5, description="Can it be done? 1-5")
    viability: int = Field(ge=1, le=5, description="Can it last (money, time, people)? 1-5")


class ScorePublic(ScoreUpdate):
    idea_id: uuid.UUID
    participant_id: uuid.UUID
    total: int
    updated_at: datetime


class IdeaPick(BaseModel):
    idea_id: uuid.UUID


class StageRequest(BaseModel):
    stage: ClosableStage = Field(description="The stage to close (must be the table's current one)")


class ReopenRequest(BaseModel):
    stage: ClosableStage = Field(description="The stage to return the table to")


class MemberPublic(BaseModel):
    participant_id: uuid.UUID
    display_name: str
    present: bool


class TallyEntry(BaseModel):
    idea_id: uuid.UUID
    text: str
    created_at: datetime
    dots: int
    voters: int


class ShortlistEntry(BaseModel):
    place: int
    idea_id: uuid.UUID
    text: str
    dots: int
    decided_by: PlaceDecidedBy = Field(
        description="`votes`: above the cut-off; `runoff`: won the run-off; "
        "`earliest`: the tie-break by creation time"
    )


class RunoffEntry(BaseModel):
    idea_id: uuid.UUID
    text: str
    dots: int
    runoff_votes: int


class RunoffPublic(BaseModel):
    number: int
    places: int = Field(description="Shortlist places the run-off fills")
    candidates: list[RunoffEntry]
    voters: int


class MemberScore(BaseModel):
    participant_id: uuid.UUID
    display_name: str
    desirability: int
    feasibility: int
    viability: int
    total: int


class CriterionTotals(BaseModel):
    desirability: int
    feasibility: int
    viability: int
    overall: int


class IdeaScores(BaseModel):
    idea_id: uuid.UUID
    text: str
    place: int
    scores: list[MemberScore]
    totals: CriterionTotals


class ProposalPublic(BaseModel):
    idea_id: uuid.UUID
    text: str
    proposed_by: uuid.UUID | None = Field(description="null: the default (best scores)")
    confirmed_by: list[uuid.UUID]


class AgreementPublic(BaseModel):
    stage: ReductionStage
    agreed_by: list[uuid.UUID] = Field(description="Members who agree to close (present or not)")
    agreed_present: int
    present: int
    needed: int = Field(description="More than half of the present members")


class ClosurePublic(BaseModel):
    stage: ReductionStage
    decided_by: DecidedBy
    closed_by_user_id: uuid.UUID | None
    closed_by_name: str | None = Field(description="The facilitator who closed it, if one did")
    agreed_by: list[uuid.UUID]
    present: int
    closed_at: datetime


class ChoicePublic(BaseModel):
    idea_id: uuid.UUID
    text: str
    decided_by: DecidedBy
    decided_by_user_id: uuid.UUID | None
    decided_at: datetime


class MyReduction(BaseModel):
    participant_id: uuid.UUID
    dots_used: int
    dots_left: int
    votes: dict[str, int] = Field(description="Your dots per idea id")
    runoff_vote: uuid.UUID | None
    agreed: bool


class ReductionState(BaseModel):
    """Everything a table sees of its reduction: every count and every tie-break."""

    table_id: uuid.UUID
    phase_open: bool = Field(description="True while the session is in the reduce phase")
    stage: ReductionStage
    settings: ReductionSettingsPublic
    me: MyReduction | None = Field(description="Your own votes (members only)")
    members: list[MemberPublic]
    tally: list[TallyEntry] = Field(description="Every active idea's dots, most first")
    runoff: RunoffPublic | None
    shortlist: list[ShortlistEntry]
    scores: list[IdeaScores]
    proposal: ProposalPublic | None
    agreement: AgreementPublic | None = Field(description="Agreement to close the current round")
    closures: list[ClosurePublic] = Field(description="How each closed round was closed")
    choice: ChoicePublic | None


class TableStage(BaseModel):
    table_id: uuid.UUID
    number: int
    name: str | None
    stage: ReductionStage
    choice_idea_id: uuid.UUID | None


class SessionReduction(BaseModel):
    items: list[TableStage]
