"""Workshops (the API calls them sessions), their phase history and join codes."""

import uuid
from datetime import datetime
from enum import StrEnum

from sqlmodel import Field, SQLModel

from backend.models.base import created_field, enum_field, fk, id_field, json_field, time_field


class Phase(StrEnum):
    """METHOD.md's phases, in order."""

    engage = "engage"
    tables = "tables"
    strengths = "strengths"
    perspectives = "perspectives"
    ideate = "ideate"
    reduce = "reduce"
    storyboard = "storyboard"
    pitch = "pitch"
    combine = "combine"
    glue = "glue"
    outcomes = "outcomes"


PHASE_ORDER: list[Phase] = list(Phase)


class Mode(StrEnum):
    venue = "venue"
    online = "online"


class Workshop(SQLModel, table=True):
    id: uuid.UUID = id_field()
    organisation_id: uuid.UUID = fk("organisation.id")
    created_by_id: uuid.UUID | None = fk("user.id", nullable=True, ondelete="SET NULL")

    title_en: str | None = Field(default=None, max_length=200)
    title_cy: str | None = Field(default=None, max_length=200)
    challenge_en: str | None = Field(default=None, max_length=4000)
    challenge_cy: str | None = Field(default=None, max_length=4000)
    consent_text_en: str | None = Field(default=None, max_length=4000)
    consent_text_cy: str | None = Field(default=None, max_length=4000)

    mode: Mode = enum_field(Mode.venue)
    venue: str | None = Field(default=None, max_length=300)
    starts_at: datetime = time_field(nullable=False)
    ends_at: datetime | None = time_field()
    languages: list[str] = json_field(lambda: ["en", "cy"])

    ideas_per_person_min: int = 10
    ideas_per_person_max: int = 15
    ideas_per_table: int = 100
    table_size_min: int = 5
    table_size_max: int = 8

    phase: Phase = enum_field(Phase.engage)
    phase_changed_at: datetime | None = time_field()
    # Countdown of the current phase: running when `timer_ends_at` is set, paused when
    # `timer_remaining_seconds` is set, absent when both are null.
    timer_duration_seconds: int | None = None
    timer_ends_at: datetime | None = time_field()
    timer_remaining_seconds: int | None = None

    join_code: str = Field(max_length=12, unique=True, index=True)
    join_code_rotated_at: datetime | None = time_field()

    # The last `SessionEvent.seq` handed out for this workshop (see backend/events/log.py).
    event_seq: int = 0

    archived_at: datetime | None = time_field(index=True)
    created_at: datetime = created_field()
    updated_at: datetime | None = time_field()


class PhaseChange(SQLModel, table=True):
    id: uuid.UUID = id_field()
    workshop_id: uuid.UUID = fk("workshop.id")
    from_phase: Phase = enum_field()
    to_phase: Phase = enum_field()
    reason: str | None = Field(default=None, max_length=1000)
    changed_by_id: uuid.UUID | None = fk("user.id", nullable=True, ondelete="SET NULL")
    created_at: datetime = created_field()
