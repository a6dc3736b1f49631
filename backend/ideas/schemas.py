"""Request and response bodies of the ideas slice."""

import uuid
from datetime import datetime
from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field, StringConstraints, field_validator

from backend.models import IdeaSource, IdeaStatus, ModerationAction

MAX_BULK_LINES = 200
MAX_COMBINE = 50

NO_NUL = r"^[^\x00]*$"  # PostgreSQL text cannot hold NUL


def _text(low: int, high: int) -> StringConstraints:
    return StringConstraints(strip_whitespace=True, min_length=low, max_length=high, pattern=NO_NUL)


IdeaText = Annotated[str, _text(1, 500)]
ThemeName = Annotated[str, _text(1, 80)]
Reason = Annotated[str, _text(3, 500)]
Note = Annotated[str, _text(1, 2000)]


class _Body(BaseModel):
    model_config = ConfigDict(extra="forbid")


class IdeaCreate(_Body):
    text: IdeaText
    author_id: uuid.UUID | None = Field(
        default=None,
        description="Enter the idea for someone else (recorded as `on_behalf`); default: you",
    )


class FacilitatorIdeaCreate(_Body):
    text: IdeaText
    author_id: uuid.UUID | None = Field(
        default=None,
        description="The participant whose idea it is (`on_behalf`); leave out for a paper "
        "note of unknown author (`paper`)",
    )


class BulkLine(_Body):
    text: IdeaText
    author_id: uuid.UUID | None = None


class BulkIdeaCreate(_Body):
    """Paper notes typed in afterwards: saved all together or not at all."""

    lines: list[BulkLine] = Field(min_length=1, max_length=MAX_BULK_LINES)


class IdeaUpdate(_Body):
    text: IdeaText | None = None
    theme_id: uuid.UUID | None = Field(
        default=None, description="A theme of the idea's table; `null` takes the idea out"
    )


class IdeaCombine(_Body):
    idea_ids: list[uuid.UUID] = Field(min_length=2, max_length=MAX_COMBINE)
    text: IdeaText
    theme_id: uuid.UUID | None = None

    @field_validator("idea_ids")
    @classmethod
    def _distinct(cls, value: list[uuid.UUID]) -> list[uuid.UUID]:
        if len(set(value)) != len(value):
            raise ValueError("each idea may be listed once")
        return value


class IdeaRepurpose(_Body):
    text: IdeaText | None = Field(default=None, description="Default: the original's text")
    theme_id: uuid.UUID | None = Field(
        default=None, description="Default: the original's theme; `null` for none"
    )


class IdeaPublic(BaseModel):
    id: uuid.UUID
    table_id: uuid.UUID
    author_id: uuid.UUID | None
    entered_by_participant_id: uuid.UUID | None
    entered_by_facilitator: bool
    source: IdeaSource
    text: str
    theme_id: uuid.UUID | None
    status: IdeaStatus
    version: int = Field(description='The ETag is `"<version>"`; send it in If-Match to edit')
    parent_ids: list[uuid.UUID] = Field(description="The ideas this one combines")
    combined_into_ids: list[uuid.UUID] = Field(description="Ideas this one was combined into")
    repurposed_from_id: uuid.UUID | None
    created_at: datetime
    updated_at: datetime | None


class IdeaList(BaseModel):
    items: list[IdeaPublic]


class StaleIdeaProblem(BaseModel):
    """412 `precondition_failed`: `current` is the idea as it is now (its ETag is in the ETag
    header), so the client can merge and send again with the new ETag."""

    type: str
    title: str
    status: int
    detail: str | None = None
    code: str
    current: IdeaPublic


class RevisionPublic(BaseModel):
    id: uuid.UUID
    idea_id: uuid.UUID
    editor_participant_id: uuid.UUID | None
    edited_by_facilitator: bool
    text_before: str
    text_after: str
    theme_before_id: uuid.UUID | None
    theme_after_id: uuid.UUID | None
    version: int
    created_at: datetime


class ThemeCreate(_Body):
    name: ThemeName
    position: int | None = Field(default=None, ge=0, le=10_000, description="Default: last")


class ThemeUpdate(_Body):
    name: ThemeName | None = None
    position: int | None = Field(default=None, ge=0, le=10_000)


class ThemePublic(BaseModel):
    id: uuid.UUID
    table_id: uuid.UUID
    name: str
    position: int
    created_at: datetime
    updated_at: datetime | None


class ThemeList(BaseModel):
    items: list[ThemePublic]


class ModerationRequest(_Body):
    reason: Reason


class ModerationPublic(BaseModel):
    id: uuid.UUID
    idea_id: uuid.UUID
    action: ModerationAction
    reason: str
    by_user_id: uuid.UUID | None
    created_at: datetime


class FlagCreate(_Body):
    idea_id: uuid.UUID | None = Field(default=None, description="An idea of your own table")
    note: Note


class FlagReceipt(BaseModel):
    """What the participant who raised a flag gets back; flags are read by facilitators only."""

    id: uuid.UUID
    idea_id: uuid.UUID | None
    created_at: datetime


class FlagPublic(BaseModel):
    id: uuid.UUID
    table_id: uuid.UUID | None
    idea_id: uuid.UUID | None
    raised_by_participant_id: uuid.UUID | None
    raised_by_user_id: uuid.UUID | None
    note: str
    created_at: datetime
    resolved_at: datetime | None
    resolved_by_id: uuid.UUID | None
    resolution_note: str | None


class FlagResolve(_Body):
    note: Note | None = None


class MemberProgress(BaseModel):
    participant_id: uuid.UUID
    display_name: str
    ideas: int
    target_min: int
    target_max: int
    reached_min: bool


class TableProgress(BaseModel):
    """Counted ideas are originals (typed, on behalf, paper) that are not hidden; combined and
    repurposed ideas are reductions, not new ideas."""

    table_id: uuid.UUID
    number: int
    name: str | None
    total: int
    target: int
    members: list[MemberProgress]
    last_five_minutes: int
    present_count: int = Field(
        description="Members present now: a live event stream open, or a request in the last "
        "10 minutes (removed people never count)"
    )


class SessionProgress(BaseModel):
    tables: list[TableProgress]
    total: int


class TableCount(BaseModel):
    table_id: uuid.UUID
    ideas: int


class TimelineBucket(BaseModel):
    start: datetime = Field(description="Start of the bucket (UTC, on a whole minute)")
    ideas: int = Field(description="Ideas created in the bucket, all tables")
    tables: list[TableCount] = Field(description="The same by table (tables with none left out)")


class IdeaTimeline(BaseModel):
    """Ideas created per time bucket, counted as the progress counts them. Only buckets with
    ideas are listed, oldest first."""

    bucket_minutes: int
    buckets: list[TimelineBucket]
    total: int
