"""Request and response bodies of initiatives and their momentum."""

import uuid
from datetime import date, datetime
from typing import Annotated

from pydantic import BaseModel, Field, StringConstraints

from backend.accounts.schemas import Body
from backend.initiatives.steward_schemas import StewardPublic
from backend.models import ActionStatus, InitiativeStatus

Title = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=300)]
Summary = Annotated[str, StringConstraints(strip_whitespace=True, max_length=4000)]


class InitiativeCreate(Body):
    idea_id: uuid.UUID = Field(
        description="A table's chosen idea, or any visible idea of the session"
    )
    title: Title | None = Field(default=None, description="Defaults to the idea's text")
    summary: Summary | None = None


class InitiativeUpdate(Body):
    title: Title | None = None
    summary: Summary | None = None
    status: InitiativeStatus | None = None


class InitiativePublic(BaseModel):
    id: uuid.UUID
    organisation_id: uuid.UUID
    workshop_id: uuid.UUID
    table_id: uuid.UUID | None
    idea_id: uuid.UUID | None
    title: str
    summary: str | None
    status: InitiativeStatus
    version: int = Field(description='The ETag is `"<version>"`; send it in If-Match to edit')
    created_at: datetime
    updated_at: datetime | None
    last_activity_at: datetime


class InitiativeDetail(InitiativePublic):
    steward: StewardPublic | None
    can_manage_steward: bool = Field(description="You are a facilitator of its organisation")
    acting_as_steward: bool = Field(description="You are one of its steward members")


class ForwardCandidate(BaseModel):
    """A table's current chosen idea, and the initiative made from it if any."""

    table_id: uuid.UUID
    table_number: int
    table_name: str | None
    idea_id: uuid.UUID
    idea_text: str
    initiative_id: uuid.UUID | None


class ForwardCandidates(BaseModel):
    open: bool = Field(description="Whether the session's phase lets ideas go forward now")
    items: list[ForwardCandidate]


class StatusCounts(BaseModel):
    todo: int = 0
    doing: int = 0
    done: int = 0
    blocked: int = 0


class OverdueAction(BaseModel):
    id: uuid.UUID
    title: str
    due_on: date
    status: ActionStatus
    days_overdue: int


class InitiativeMomentum(BaseModel):
    initiative_id: uuid.UUID
    title: str
    status: InitiativeStatus
    last_activity_at: datetime
    quiet: bool = Field(description="Active, and no update of any kind for `quiet_days` days")
    overdue_actions: list[OverdueAction]
    action_counts: StatusCounts


class MomentumRead(InitiativeMomentum):
    quiet_days: int
    as_of: datetime


class OrganisationMomentum(BaseModel):
    quiet_days: int
    as_of: datetime
    initiatives: int
    quiet_initiatives: int
    overdue_actions: int
    items: list[InitiativeMomentum]
    next_cursor: str | None = None
