"""Whether a session's results may leave it (METHOD.md: "Publishing is a choice"), and who
published or withdrew them when."""

import uuid
from datetime import datetime
from enum import StrEnum

from sqlmodel import Field, SQLModel

from backend.models.base import created_field, enum_field, fk, id_field, time_field


class Publication(SQLModel, table=True):
    """One row per session that was ever published; `published_at` is null while withdrawn."""

    workshop_id: uuid.UUID = Field(foreign_key="workshop.id", primary_key=True, ondelete="CASCADE")
    organisation_id: uuid.UUID = fk("organisation.id")
    published_at: datetime | None = time_field(index=True)
    first_published_at: datetime = time_field(nullable=False)
    updated_at: datetime = time_field(nullable=False)


class PublicationAction(StrEnum):
    published = "published"
    unpublished = "unpublished"


class PublicationChange(SQLModel, table=True):
    """The audit trail: every publish and unpublish."""

    id: uuid.UUID = id_field()
    workshop_id: uuid.UUID = fk("workshop.id")
    action: PublicationAction = enum_field(length=16)
    user_id: uuid.UUID | None = fk("user.id", nullable=True, index=False, ondelete="SET NULL")
    created_at: datetime = created_field()
