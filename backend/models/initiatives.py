"""An initiative: an idea that goes forward from a session and outlives it (METHOD.md phase 10).

The anchor that action plans, stewards, outcome indicators and measurements hang from."""

import uuid
from datetime import datetime
from enum import StrEnum

from sqlalchemy import UniqueConstraint
from sqlmodel import Field, SQLModel

from backend.models.base import created_field, enum_field, fk, id_field, time_field


class InitiativeStatus(StrEnum):
    active = "active"
    paused = "paused"
    completed = "completed"
    stopped = "stopped"


class Initiative(SQLModel, table=True):
    # One initiative per idea (several NULLs are allowed: an idea may have been deleted).
    __table_args__ = (UniqueConstraint("idea_id"),)

    id: uuid.UUID = id_field()
    organisation_id: uuid.UUID = fk("organisation.id")
    workshop_id: uuid.UUID = fk("workshop.id")
    # Where it came from: a table's chosen idea (or a cross-table combination's new idea).
    table_id: uuid.UUID | None = fk("workshoptable.id", nullable=True, ondelete="SET NULL")
    idea_id: uuid.UUID | None = fk("idea.id", nullable=True, index=False, ondelete="SET NULL")

    title: str = Field(max_length=300)
    summary: str | None = Field(default=None, max_length=4000)
    status: InitiativeStatus = enum_field(InitiativeStatus.active, index=True)
    version: int = 1  # the ETag; bumped by every change to title, summary or status

    created_by_id: uuid.UUID | None = fk("user.id", nullable=True, ondelete="SET NULL")
    created_at: datetime = created_field()
    updated_at: datetime | None = time_field()
    # Any change of any kind (initiative, steward, actions, updates): what "quiet" is measured by.
    last_activity_at: datetime = created_field()
