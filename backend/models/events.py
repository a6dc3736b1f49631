"""The ordered per-session event log that live streams read from."""

import uuid
from datetime import datetime
from enum import StrEnum
from typing import Any

from sqlalchemy import UniqueConstraint
from sqlmodel import Field, SQLModel

from backend.models.base import created_field, enum_field, fk, json_field


class Audience(StrEnum):
    session = "session"  # everyone in the session
    table = "table"  # the members of `table_id`, and facilitators
    facilitators = "facilitators"  # facilitators only (e.g. moderation)


class SessionEvent(SQLModel, table=True):
    """One change, written in the same transaction as the change itself. `seq` orders a session's
    events without gaps in what readers can see: it is taken from `Workshop.event_seq` under that
    row's write lock, which is held until commit."""

    __table_args__ = (UniqueConstraint("workshop_id", "seq"),)

    id: int | None = Field(default=None, primary_key=True)
    workshop_id: uuid.UUID = fk("workshop.id", index=False)
    seq: int
    kind: str = Field(max_length=40)
    audience: Audience = enum_field(Audience.table, length=16)
    # Not a foreign key: an event keeps naming its table even if the table is later deleted.
    table_id: uuid.UUID | None = Field(default=None, index=True)
    payload: dict[str, Any] = json_field(dict)
    created_at: datetime = created_field()
