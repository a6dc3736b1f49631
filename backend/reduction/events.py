"""Payloads of the reduction slice's events (see backend/events/log.py), for the OpenAPI spec.

All go to the table's audience (facilitators see them too), except `reduction.settings_changed`,
which is session-wide. They carry counts, never who put dots where: clients refetch
`GET /me/table/reduction` for the whole picture.
"""

import uuid
from datetime import datetime
from typing import Literal

from pydantic import BaseModel

from backend.models import DecidedBy, ReductionStage, TieBreak
from backend.reduction.schemas import CriterionTotals


class IdeaDots(BaseModel):
    idea_id: uuid.UUID
    dots: int


class VoteTalliedEvent(BaseModel):
    """The table's new tally: dots per idea (`round: voting`) or run-off votes (`runoff`)."""

    table_id: uuid.UUID
    round: Literal["voting", "runoff"]
    tally: list[IdeaDots]


class ScoreRecordedEvent(BaseModel):
    table_id: uuid.UUID
    idea_id: uuid.UUID
    scorers: int
    totals: CriterionTotals


class ChoiceMadeEvent(BaseModel):
    table_id: uuid.UUID
    idea_id: uuid.UUID
    decided_by: DecidedBy
    decided_at: datetime


class ChoiceProposedEvent(BaseModel):
    table_id: uuid.UUID
    idea_id: uuid.UUID
    proposed_by: uuid.UUID | None


class RoundAgreedEvent(BaseModel):
    """A member agreed to close the round (or confirmed the proposal)."""

    table_id: uuid.UUID
    stage: ReductionStage
    participant_id: uuid.UUID
    agreed_present: int
    needed: int


class AgreementWithdrawnEvent(BaseModel):
    """A member withdrew their agreement to close the round (or their confirmation)."""

    table_id: uuid.UUID
    stage: ReductionStage
    participant_id: uuid.UUID
    agreed_present: int
    needed: int


class StageChangedEvent(BaseModel):
    table_id: uuid.UUID
    stage: ReductionStage
    previous_stage: ReductionStage
    cause: Literal["majority", "facilitator", "reopened"]


class SettingsChangedEvent(BaseModel):
    dot_budget: int
    dot_cap: int
    tie_break: TieBreak


EVENT_PAYLOADS: dict[str, type[BaseModel]] = {
    "vote.tallied": VoteTalliedEvent,
    "score.recorded": ScoreRecordedEvent,
    "choice.made": ChoiceMadeEvent,
    "choice.proposed": ChoiceProposedEvent,
    "reduction.agreed": RoundAgreedEvent,
    "reduction.agreement_withdrawn": AgreementWithdrawnEvent,
    "reduction.stage_changed": StageChangedEvent,
    "reduction.settings_changed": SettingsChangedEvent,
}
