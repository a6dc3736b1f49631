"""Request and response bodies of the action plan."""

import uuid
from datetime import date, datetime
from typing import Annotated

from pydantic import AfterValidator, BaseModel, Field, StringConstraints

from backend.accounts.schemas import Body, PersonName
from backend.models import ActionStatus

ActionTitle = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=300)]
Text = Annotated[str, StringConstraints(strip_whitespace=True, max_length=4000)]
Label = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=120)]


def _plausible(day: date) -> date:
    if not 2000 <= day.year <= 2100:
        raise ValueError("Give a date between the years 2000 and 2100")
    return day


DueDate = Annotated[date, AfterValidator(_plausible)]


class ActionCreate(Body):
    title: ActionTitle
    description: Text | None = None
    owner_role: Label = Field(description="Who owns it, by role (e.g. 'Council housing officer')")
    owner_name: PersonName | None = None
    owner_agreed_to_be_named: bool = False
    due_on: DueDate | None = Field(default=None, description="YYYY-MM-DD")


class ActionEdit(Body):
    title: ActionTitle | None = None
    description: Text | None = None
    owner_role: Label | None = None
    owner_name: PersonName | None = None
    owner_agreed_to_be_named: bool | None = None
    due_on: DueDate | None = None


class ActionPublic(BaseModel):
    id: uuid.UUID
    title: str
    description: str | None
    owner_role: str
    owner_name: str | None
    owner_agreed_to_be_named: bool
    due_on: date | None
    status: ActionStatus
    position: int
    version: int = Field(description='The ETag is `"<version>"`; send it in If-Match to edit')
    overdue: bool
    created_at: datetime
    updated_at: datetime | None


class ActionPlan(BaseModel):
    """The whole plan, in its order (a plan is short, so it is not paginated)."""

    items: list[ActionPublic]


class ActionOrder(Body):
    action_ids: list[uuid.UUID] = Field(max_length=500)


class ActionUpdateCreate(Body):
    note: Text | None = None
    status: ActionStatus | None = Field(default=None, description="The action's new status")


class ActionUpdatePublic(BaseModel):
    id: uuid.UUID
    action_id: uuid.UUID
    note: str | None
    from_status: ActionStatus | None
    to_status: ActionStatus | None
    author_name: str
    created_at: datetime
