"""What the partner read endpoints return: results, initiatives and outcomes of published
sessions, never anything that names or describes a participant."""

import uuid
from datetime import date, datetime

from pydantic import BaseModel, Field

from backend.models import (
    ActionStatus,
    BarrierTag,
    Direction,
    IndicatorUnit,
    InitiativeStatus,
    StewardKind,
)
from backend.partners.schemas import PartnerSession


class PartnerChosenIdea(BaseModel):
    text: str | None = Field(
        description="Null when its author did not agree to their contributions being published"
    )
    withheld: bool


class PartnerPitch(BaseModel):
    """A table's pitch without its words: which barriers it named and which help it asked for."""

    barrier_tags: list[BarrierTag]
    other_barrier_count: int = Field(
        description="How many barriers the table described in its own words (the words stay "
        "in the session)"
    )
    ask_capitals: list[str] = Field(description="The kinds of capital the table asked help with")


class PartnerTableResult(BaseModel):
    number: int
    name: str | None
    idea_count: int
    chosen_idea: PartnerChosenIdea | None = Field(description="Null until the table has chosen")
    pitch: PartnerPitch | None = Field(description="The table's current pitch, if it pitched")


TITLE_WITHHELD = (
    "Null when the idea it came from was written by someone who did not agree to their "
    "contributions being published (the title starts as that idea's words)"
)


class PartnerInitiativeRef(BaseModel):
    id: uuid.UUID
    title: str | None = Field(description=TITLE_WITHHELD)
    status: InitiativeStatus


class PartnerResults(BaseModel):
    """A published session's results."""

    session: PartnerSession
    participant_count: int | None = Field(
        description="Null when fewer than five people took part (small groups stay unidentifiable)"
    )
    tables: list[PartnerTableResult]
    initiatives: list[PartnerInitiativeRef] = Field(description="Initiatives that came from it")


class PartnerStewardMember(BaseModel):
    label: str = Field(description="Their name if they agreed to be named, otherwise their role")
    role: str
    named: bool


class PartnerSteward(BaseModel):
    kind: StewardKind
    name: str | None = Field(
        description="A committee's or independent party's name; always null for a person"
    )
    members: list[PartnerStewardMember]


class PartnerInitiative(BaseModel):
    id: uuid.UUID
    session_id: uuid.UUID
    title: str | None = Field(description=TITLE_WITHHELD)
    summary: str | None = Field(description="Null when empty, or withheld with the title")
    words_withheld: bool
    status: InitiativeStatus
    steward: PartnerSteward | None
    created_at: datetime
    updated_at: datetime | None


class PartnerAction(BaseModel):
    """One action of an initiative's plan; never its update notes or who wrote them."""

    id: uuid.UUID
    title: str
    owner: str = Field(description="The owner's role, with their name only if they agreed")
    owner_role: str
    owner_named: bool
    due_on: date | None
    status: ActionStatus
    position: int


class PartnerIndicator(BaseModel):
    id: uuid.UUID
    initiative_id: uuid.UUID
    session_id: uuid.UUID
    name: str
    description: str | None
    unit: IndicatorUnit
    unit_label: str | None
    direction: Direction
    baseline_value: float | None = Field(description="Null when suppressed (see measurements)")
    baseline_on: date | None
    target_value: float | None
    target_on: date | None
    created_at: datetime


class PartnerMeasurement(BaseModel):
    """A current measurement (corrected and withdrawn ones are left out). Its note and who
    recorded it are never shown: notes are free text that may name people."""

    id: uuid.UUID
    indicator_id: uuid.UUID
    initiative_id: uuid.UUID
    session_id: uuid.UUID
    value: float | None = Field(
        description="Null when suppressed: a count of 1 to 4 people is never shown"
    )
    suppressed: bool
    unit: IndicatorUnit
    measured_on: date
    source: str
    created_at: datetime


class PartnerBarrier(BaseModel):
    tag: BarrierTag
    pitch_count: int = Field(description="How many pitches named it")
    session_count: int = Field(description="In how many sessions")


class PartnerBarriers(BaseModel):
    """Counts of pitches, not of people, so nothing is suppressed."""

    barriers: list[PartnerBarrier] = Field(description="Every tag, most named first")
    other_barrier_count: int = Field(
        description="Barriers described in participants' own words (counted; the words stay in "
        "the session)"
    )
    pitch_count: int
    session_count: int
