"""Storyboards: a table's chosen idea walked through in ordered frames, and uploaded pictures.

A storyboard belongs to a table and the idea it chose (one row per pair): if the table's choice is
reopened and another idea chosen, that idea gets its own storyboard and the first one is kept.
"""

import uuid
from datetime import datetime

from sqlalchemy import UniqueConstraint
from sqlmodel import Field, SQLModel

from backend.models.base import created_field, fk, id_field, time_field


class Storyboard(SQLModel, table=True):
    """Its row is locked by every write that adds, removes or reorders frames."""

    __table_args__ = (UniqueConstraint("table_id", "idea_id"),)

    id: uuid.UUID = id_field()
    workshop_id: uuid.UUID = fk("workshop.id")
    table_id: uuid.UUID = fk("workshoptable.id", index=False)
    idea_id: uuid.UUID = fk("idea.id")
    version: int = 0  # the order's ETag: bumped when frames are added, removed or reordered
    created_at: datetime = created_field()
    updated_at: datetime | None = time_field()


class UploadedImage(SQLModel, table=True):
    """A re-encoded picture (metadata stripped) in the image store under `storage_key`."""

    id: uuid.UUID = id_field()
    workshop_id: uuid.UUID = fk("workshop.id")
    table_id: uuid.UUID | None = fk("workshoptable.id", nullable=True, ondelete="SET NULL")
    storage_key: str = Field(max_length=100, unique=True)
    content_type: str = Field(max_length=32)
    width: int
    height: int
    bytes: int
    sha256: str = Field(max_length=64)
    uploaded_by_participant_id: uuid.UUID | None = fk(
        "participant.id", nullable=True, index=False, ondelete="SET NULL"
    )
    uploaded_by_user_id: uuid.UUID | None = fk(
        "user.id", nullable=True, index=False, ondelete="SET NULL"
    )
    created_at: datetime = created_field()


class StoryboardFrame(SQLModel, table=True):
    """One step from entry point to completion. Written by members, or by a facilitator on the
    table's behalf (`*_by_user_id`)."""

    id: uuid.UUID = id_field()
    storyboard_id: uuid.UUID = fk("storyboard.id")
    position: int = 0
    title: str = Field(max_length=120)
    what_happens: str = Field(default="", max_length=2000)
    who: str = Field(default="", max_length=300)
    where: str = Field(default="", max_length=300)
    image_id: uuid.UUID | None = fk(
        "uploadedimage.id", nullable=True, index=False, ondelete="SET NULL"
    )
    image_alt: str | None = Field(default=None, max_length=300)
    version: int = 1  # the frame's ETag: bumped by every edit
    created_by_participant_id: uuid.UUID | None = fk(
        "participant.id", nullable=True, index=False, ondelete="SET NULL"
    )
    created_by_user_id: uuid.UUID | None = fk(
        "user.id", nullable=True, index=False, ondelete="SET NULL"
    )
    updated_by_participant_id: uuid.UUID | None = fk(
        "participant.id", nullable=True, index=False, ondelete="SET NULL"
    )
    updated_by_user_id: uuid.UUID | None = fk(
        "user.id", nullable=True, index=False, ondelete="SET NULL"
    )
    created_at: datetime = created_field()
    updated_at: datetime | None = time_field()
