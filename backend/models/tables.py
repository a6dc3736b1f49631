"""Tables (small teams), seating constraints and the record of each allocation run."""

import uuid
from datetime import datetime
from enum import StrEnum
from typing import Any

from sqlalchemy import UniqueConstraint
from sqlmodel import Field, SQLModel

from backend.models.base import created_field, enum_field, fk, id_field, json_field


class WorkshopTable(SQLModel, table=True):
    __table_args__ = (UniqueConstraint("workshop_id", "number"),)

    id: uuid.UUID = id_field()
    workshop_id: uuid.UUID = fk("workshop.id")
    number: int
    name: str | None = Field(default=None, max_length=80)
    created_at: datetime = created_field()


class ConstraintKind(StrEnum):
    together = "together"  # a carer, an interpreter
    apart = "apart"  # a service user and their own caseworker


class SeatingConstraint(SQLModel, table=True):
    """A pair to seat together or apart; stored with the smaller participant id first, so that
    one unordered pair has one row per kind."""

    __table_args__ = (UniqueConstraint("workshop_id", "kind", "first_id", "second_id"),)

    id: uuid.UUID = id_field()
    workshop_id: uuid.UUID = fk("workshop.id")
    kind: ConstraintKind = enum_field()
    first_id: uuid.UUID = fk("participant.id")
    second_id: uuid.UUID = fk("participant.id")
    created_at: datetime = created_field()


class AllocationRun(SQLModel, table=True):
    id: uuid.UUID = id_field()
    workshop_id: uuid.UUID = fk("workshop.id")
    seed: int
    diversity: int
    diversity_max: int
    report: dict[str, Any] = json_field(dict)
    created_by_id: uuid.UUID | None = fk("user.id", nullable=True, ondelete="SET NULL")
    created_at: datetime = created_field()
