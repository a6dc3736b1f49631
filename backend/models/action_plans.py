"""An initiative's action plan: ordered actions with an owner, a due date and a status, and the
history of updates on each."""

import uuid
from datetime import date, datetime
from enum import StrEnum

from sqlalchemy import String
from sqlmodel import Field, SQLModel

from backend.models.base import created_field, enum_field, fk, id_field, time_field


class ActionStatus(StrEnum):
    todo = "todo"
    doing = "doing"
    done = "done"
    blocked = "blocked"


class InitiativeAction(SQLModel, table=True):
    id: uuid.UUID = id_field()
    initiative_id: uuid.UUID = fk("initiative.id")
    title: str = Field(max_length=300)
    description: str | None = Field(default=None, max_length=4000)
    # The owner appears by role outside the organisation unless they agreed to be named.
    owner_role: str = Field(max_length=120)
    owner_name: str | None = Field(default=None, max_length=120)
    owner_agreed_to_be_named: bool = False
    due_on: date | None = Field(default=None, index=True)
    status: ActionStatus = enum_field(ActionStatus.todo, length=16, index=True)
    position: int = 0
    version: int = 1
    created_by_id: uuid.UUID | None = fk("user.id", nullable=True, index=False, ondelete="SET NULL")
    created_at: datetime = created_field()
    updated_at: datetime | None = time_field()


class ActionUpdate(SQLModel, table=True):
    """One entry of an action's history: a note, a status change, or both."""

    id: uuid.UUID = id_field()
    action_id: uuid.UUID = fk("initiativeaction.id")
    initiative_id: uuid.UUID = fk("initiative.id")
    note: str | None = Field(default=None, max_length=4000)
    from_status: ActionStatus | None = Field(default=None, sa_type=String(16), nullable=True)
    to_status: ActionStatus | None = Field(default=None, sa_type=String(16), nullable=True)
    author_user_id: uuid.UUID | None = fk(
        "user.id", nullable=True, index=False, ondelete="SET NULL"
    )
    author_member_id: uuid.UUID | None = fk(
        "stewardmember.id", nullable=True, index=False, ondelete="SET NULL"
    )
    author_name: str = Field(max_length=120)
    created_at: datetime = created_field()
