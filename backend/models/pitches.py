"""Cooperative pitches: each table's pitch of its chosen idea, other tables' responses, and the
facilitator's presenter mode. Nothing here ranks or scores a pitch."""

import uuid
from datetime import datetime
from enum import StrEnum
from typing import Any

from sqlalchemy import UniqueConstraint
from sqlmodel import Field, SQLModel

from backend.models.base import created_field, enum_field, fk, id_field, json_field, time_field


class BarrierTag(StrEnum):
    """METHOD.md's barriers that co-production meets."""

    resistance_from_power = "resistance_from_power"
    engrained_systems = "engrained_systems"
    waiting_for_permission = "waiting_for_permission"
    hard_work = "hard_work"
    hidden_agendas = "hidden_agendas"
    time_resources_competing_demands = "time_resources_competing_demands"
    assumptions_about_people = "assumptions_about_people"


class ResponseKind(StrEnum):
    offer = "offer"  # an offer of help, from the responding table's pooled strengths
    question = "question"
    suggestion = "suggestion"


class Pitch(SQLModel, table=True):
    """A table's pitch of one idea (the idea it carries forward when the pitch is written).
    If the table's idea changes later, a new pitch is written for the new idea; the old one stays."""

    __table_args__ = (UniqueConstraint("table_id", "idea_id"),)

    id: uuid.UUID = id_field()
    workshop_id: uuid.UUID = fk("workshop.id")
    table_id: uuid.UUID = fk("workshoptable.id")
    idea_id: uuid.UUID = fk("idea.id", index=False)
    what: str = Field(max_length=2000)
    why: str = Field(default="", max_length=2000)
    barrier_tags: list[str] = json_field(list)
    barriers_other: list[str] = json_field(list)  # free-text barriers
    asks: list[dict[str, Any]] = json_field(list)  # [{"capital", "note"}]
    version: int = 1  # bumped by every save; a save must name the version it started from
    updated_by_participant_id: uuid.UUID | None = fk(
        "participant.id", nullable=True, index=False, ondelete="SET NULL"
    )
    updated_by_user_id: uuid.UUID | None = fk(
        "user.id", nullable=True, index=False, ondelete="SET NULL"
    )
    created_at: datetime = created_field()
    updated_at: datetime | None = time_field()


class PitchResponse(SQLModel, table=True):
    """Another table's offer of help, question or suggestion, and the pitching table's reply."""

    id: uuid.UUID = id_field()
    workshop_id: uuid.UUID = fk("workshop.id")
    pitch_id: uuid.UUID = fk("pitch.id")
    table_id: uuid.UUID = fk("workshoptable.id")  # the responding table
    kind: ResponseKind = enum_field(length=16)
    body: str = Field(max_length=2000)
    capitals: list[str] = json_field(list)  # offers: kinds of capital offered
    author_participant_id: uuid.UUID | None = fk(
        "participant.id", nullable=True, index=False, ondelete="SET NULL"
    )
    author_user_id: uuid.UUID | None = fk(
        "user.id", nullable=True, index=False, ondelete="SET NULL"
    )
    reply: str | None = Field(default=None, max_length=2000)
    replied_by_participant_id: uuid.UUID | None = fk(
        "participant.id", nullable=True, index=False, ondelete="SET NULL"
    )
    replied_at: datetime | None = time_field()
    created_at: datetime = created_field()


class PresenterState(SQLModel, table=True):
    """Which table's storyboard and pitch is on the big screen; `position` null when stopped."""

    workshop_id: uuid.UUID = Field(foreign_key="workshop.id", primary_key=True, ondelete="CASCADE")
    table_ids: list[str] = json_field(list)  # the running order
    position: int | None = None  # index into table_ids
    updated_by_id: uuid.UUID | None = fk("user.id", nullable=True, index=False, ondelete="SET NULL")
    updated_at: datetime = created_field()
