"""Organisations, their members (owner / facilitator), invitations and custom perspectives."""

import uuid
from datetime import datetime
from enum import StrEnum

from sqlalchemy import UniqueConstraint
from sqlmodel import Field, SQLModel

from backend.models.base import created_field, enum_field, fk, id_field, time_field


class Role(StrEnum):
    owner = "owner"
    facilitator = "facilitator"


class Organisation(SQLModel, table=True):
    id: uuid.UUID = id_field()
    name: str = Field(max_length=200)
    created_at: datetime = created_field()


class Membership(SQLModel, table=True):
    __table_args__ = (UniqueConstraint("organisation_id", "user_id"),)

    id: uuid.UUID = id_field()
    organisation_id: uuid.UUID = fk("organisation.id")
    user_id: uuid.UUID = fk("user.id")
    role: Role = enum_field(Role.facilitator)
    created_at: datetime = created_field()


class Invitation(SQLModel, table=True):
    id: uuid.UUID = id_field()
    organisation_id: uuid.UUID = fk("organisation.id")
    email: str = Field(max_length=320)
    role: Role = enum_field(Role.facilitator)
    token_hash: str = Field(max_length=64, unique=True, index=True)
    invited_by_id: uuid.UUID | None = fk("user.id", nullable=True, ondelete="SET NULL")
    created_at: datetime = created_field()
    expires_at: datetime = time_field(nullable=False)
    accepted_at: datetime | None = time_field()
    accepted_by_id: uuid.UUID | None = fk("user.id", nullable=True, ondelete="SET NULL")
    revoked_at: datetime | None = time_field()


class CustomPerspective(SQLModel, table=True):
    """A perspective an organisation adds beside the five built-in ones."""

    __table_args__ = (UniqueConstraint("organisation_id", "key"),)

    id: uuid.UUID = id_field()
    organisation_id: uuid.UUID = fk("organisation.id")
    key: str = Field(max_length=40)
    label_en: str | None = Field(default=None, max_length=80)
    label_cy: str | None = Field(default=None, max_length=80)
    created_at: datetime = created_field()
