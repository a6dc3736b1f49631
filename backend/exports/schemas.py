"""The results export: one JSON document per session. Response bodies only."""

import uuid
from datetime import datetime
from typing import Literal

from pydantic import BaseModel, Field

from backend.kit.i18n import LocalizedText, LocalizedTitle
from backend.models import DecidedBy, IdeaSource, Phase, ReductionStage, TieBreak

AUTHOR_DESCRIPTION = (
    "A per-session pseudonym (`Participant <n>`), given only when the author consented to their "
    "contributions being published; null when they did not, were removed, or are unknown (a paper "
    "note, or a table's combined idea). Names are never exported."
)


class IdeaRef(BaseModel):
    """Another idea named by id. A hidden idea is only ever named as `{"id", "hidden": true}`."""

    id: uuid.UUID
    hidden: bool = False


class ExportSession(BaseModel):
    id: uuid.UUID
    title: LocalizedTitle
    challenge: LocalizedText
    phase: Phase
    starts_at: datetime
    ends_at: datetime | None
    archived_at: datetime | None
    dot_budget: int
    dot_cap: int
    tie_break: TieBreak = Field(description="The tie-break rule shown before voting opened")


class ExportTheme(BaseModel):
    id: uuid.UUID
    name: str
    position: int


class ExportRevision(BaseModel):
    edited_by: Literal["participant", "facilitator", "unknown"] = Field(
        description="The editor's role (`unknown`: the editor's record no longer exists)"
    )
    editor: str | None = Field(description="The editing participant's pseudonym, as for authors")
    edited_at: datetime
    version: int = Field(description="The idea's version after this edit")
    text_before: str
    text_after: str
    theme_before: str | None
    theme_after: str | None


class ExportIdea(BaseModel):
    id: uuid.UUID
    theme_id: uuid.UUID | None
    theme: str | None
    text: str
    status: Literal["active", "combined"] = Field(description="Hidden ideas are never exported")
    source: IdeaSource
    entered_by: Literal["author", "participant", "facilitator"] | None = Field(
        description="Who typed it: the author, another participant on their behalf, a facilitator"
    )
    author: str | None = Field(description=AUTHOR_DESCRIPTION)
    parents: list[IdeaRef] = Field(description="For a combined idea: the ideas it was made from")
    combined_into: list[IdeaRef]
    repurposed_from: IdeaRef | None
    dots: int = Field(description="Dots on it (dots on ideas since combined do not count)")
    created_at: datetime
    updated_at: datetime | None
    revisions: list[ExportRevision] = Field(description="Edits, oldest first")


class TallyRow(BaseModel):
    idea_id: uuid.UUID
    dots: int
    voters: int


class ShortlistPlace(BaseModel):
    place: int
    idea: IdeaRef
    decided_by: Literal["votes", "runoff", "earliest"] = Field(
        description="`votes`: above the cut-off; `runoff`: won the run-off among ideas tied at "
        "the cut-off; `earliest`: tie-break by creation time"
    )


class RunoffCount(BaseModel):
    idea: IdeaRef
    runoff_votes: int


class Runoff(BaseModel):
    number: int
    places: int = Field(description="Shortlist places the run-off filled")
    candidates: list[RunoffCount]


class MemberScores(BaseModel):
    """One member's scores; who gave them is not exported."""

    desirability: int
    feasibility: int
    viability: int
    total: int


class ScoreTotals(BaseModel):
    desirability: int
    feasibility: int
    viability: int
    total: int


class IdeaScoring(BaseModel):
    idea: IdeaRef
    place: int | None
    totals: ScoreTotals
    members: list[MemberScores] = Field(description="Each member's scores, highest total first")


class RoundRecord(BaseModel):
    stage: ReductionStage
    decided_by: DecidedBy
    agreed: int = Field(description="Members whose agreement closed it")
    present: int
    closed_at: datetime


class ExportChoice(BaseModel):
    idea: IdeaRef
    decided_by: DecidedBy
    decided_at: datetime


class ExportTable(BaseModel):
    id: uuid.UUID
    number: int
    name: str | None
    stage: ReductionStage
    themes: list[ExportTheme]
    ideas: list[ExportIdea] = Field(description="Active and combined ideas, oldest first")
    tally: list[TallyRow] = Field(description="Every active idea's dots, most first")
    shortlist: list[ShortlistPlace]
    runoff: Runoff | None
    scores: list[IdeaScoring]
    rounds: list[RoundRecord] = Field(description="How each closed round was closed")
    choice: ExportChoice | None


class SessionExport(BaseModel):
    """A session's results for its facilitators: no names, emails, access needs or consents."""

    exported_at: datetime
    session: ExportSession
    tables: list[ExportTable]
