"""Ideas written at a table, their edits, combinations, themes, moderation and safeguarding flags."""

import uuid
from datetime import datetime
from enum import StrEnum

from sqlmodel import Field, SQLModel

from backend.models.base import created_field, enum_field, fk, id_field, time_field


class IdeaSource(StrEnum):
    phone = "phone"  # typed by its author
    on_behalf = "on_behalf"  # typed by a tablemate or a facilitator for the author
    paper = "paper"  # a paper note typed in afterwards
    combined = "combined"  # merged from several ideas (see IdeaParent)
    repurposed = "repurposed"  # a new use of another idea (`repurposed_from_id`)


class IdeaStatus(StrEnum):
    active = "active"
    combined = "combined"  # merged into a newer idea; kept for provenance
    hidden = "hidden"  # hidden by a facilitator (see IdeaModeration)


class ModerationAction(StrEnum):
    hide = "hide"
    unhide = "unhide"


class Theme(SQLModel, table=True):
    id: uuid.UUID = id_field()
    workshop_id: uuid.UUID = fk("workshop.id")
    table_id: uuid.UUID = fk("workshoptable.id")
    name: str = Field(max_length=80)
    position: int = 0
    created_at: datetime = created_field()
    updated_at: datetime | None = time_field()


class Idea(SQLModel, table=True):
    id: uuid.UUID = id_field()
    workshop_id: uuid.UUID = fk("workshop.id")
    table_id: uuid.UUID = fk("workshoptable.id")
    # Null for a paper note with no known author, and for combined/repurposed ideas (the table's).
    author_id: uuid.UUID | None = fk("participant.id", nullable=True, ondelete="SET NULL")
    entered_by_participant_id: uuid.UUID | None = fk(
        "participant.id", nullable=True, index=False, ondelete="SET NULL"
    )
    entered_by_user_id: uuid.UUID | None = fk(
        "user.id", nullable=True, index=False, ondelete="SET NULL"
    )
    source: IdeaSource = enum_field(IdeaSource.phone, length=16)
    text: str = Field(max_length=500)
    theme_id: uuid.UUID | None = fk("theme.id", nullable=True, ondelete="SET NULL")
    status: IdeaStatus = enum_field(IdeaStatus.active, length=16, index=True)
    repurposed_from_id: uuid.UUID | None = fk(
        "idea.id", nullable=True, index=False, ondelete="SET NULL"
    )
    version: int = 1  # the ETag; bumped by every change a reader could see
    created_at: datetime = created_field()
    updated_at: datetime | None = time_field()


class IdeaParent(SQLModel, table=True):
    """`child_id` was made by combining `parent_id` (and others)."""

    child_id: uuid.UUID = Field(foreign_key="idea.id", primary_key=True, ondelete="CASCADE")
    parent_id: uuid.UUID = Field(
        foreign_key="idea.id", primary_key=True, index=True, ondelete="CASCADE"
    )


class IdeaRevision(SQLModel, table=True):
    id: uuid.UUID = id_field()
    idea_id: uuid.UUID = fk("idea.id")
    editor_participant_id: uuid.UUID | None = fk(
        "participant.id", nullable=True, index=False, ondelete="SET NULL"
    )
    editor_user_id: uuid.UUID | None = fk(
        "user.id", nullable=True, index=False, ondelete="SET NULL"
    )
    text_before: str = Field(max_length=500)
    text_after: str = Field(max_length=500)
    theme_before_id: uuid.UUID | None = fk(
        "theme.id", nullable=True, index=False, ondelete="SET NULL"
    )
    theme_after_id: uuid.UUID | None = fk(
        "theme.id", nullable=True, index=False, ondelete="SET NULL"
    )
    version: int  # the idea's version after this edit
    created_at: datetime = created_field()


class IdeaModeration(SQLModel, table=True):
    """The audit trail of hiding and unhiding ideas; rows are never changed or deleted."""

    id: uuid.UUID = id_field()
    idea_id: uuid.UUID = fk("idea.id")
    action: ModerationAction = enum_field(length=16)
    reason: str = Field(max_length=500)
    by_user_id: uuid.UUID | None = fk("user.id", nullable=True, index=False, ondelete="SET NULL")
    created_at: datetime = created_field()


class SafeguardingFlag(SQLModel, table=True):
    """A concern raised privately to the facilitators; participants never read flags back."""

    id: uuid.UUID = id_field()
    workshop_id: uuid.UUID = fk("workshop.id")
    table_id: uuid.UUID | None = fk("workshoptable.id", nullable=True, ondelete="SET NULL")
    idea_id: uuid.UUID | None = fk("idea.id", nullable=True, ondelete="SET NULL")
    raised_by_participant_id: uuid.UUID | None = fk(
        "participant.id", nullable=True, index=False, ondelete="SET NULL"
    )
    raised_by_user_id: uuid.UUID | None = fk(
        "user.id", nullable=True, index=False, ondelete="SET NULL"
    )
    note: str = Field(max_length=2000)
    created_at: datetime = created_field()
    resolved_at: datetime | None = time_field()
    resolved_by_id: uuid.UUID | None = fk(
        "user.id", nullable=True, index=False, ondelete="SET NULL"
    )
    resolution_note: str | None = Field(default=None, max_length=2000)
