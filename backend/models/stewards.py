"""An initiative's steward (a person, a committee or an independent party), its members and the
one-time links that invite a member to link their account."""

import uuid
from datetime import datetime
from enum import StrEnum

from sqlalchemy import UniqueConstraint
from sqlmodel import Field, SQLModel

from backend.models.base import created_field, enum_field, fk, id_field, time_field


class StewardKind(StrEnum):
    person = "person"
    committee = "committee"
    independent_party = "independent_party"


class Steward(SQLModel, table=True):
    """Exactly one per initiative at a time: changing the steward edits this row."""

    __table_args__ = (UniqueConstraint("initiative_id"),)

    id: uuid.UUID = id_field()
    initiative_id: uuid.UUID = fk("initiative.id", index=False)
    kind: StewardKind = enum_field(length=24)
    # A committee's name, or an independent party's organisation name.
    name: str | None = Field(default=None, max_length=200)
    description: str | None = Field(default=None, max_length=2000)
    created_at: datetime = created_field()
    updated_at: datetime | None = time_field()


class StewardMember(SQLModel, table=True):
    """Someone who stewards an initiative. Outside the organisation they appear by `role_label`
    unless `agreed_to_be_named`. A removed member keeps its row (history) and loses access."""

    id: uuid.UUID = id_field()
    steward_id: uuid.UUID = fk("steward.id")
    initiative_id: uuid.UUID = fk("initiative.id")
    display_name: str = Field(max_length=120)
    role_label: str = Field(max_length=120)
    email: str | None = Field(default=None, max_length=320)
    agreed_to_be_named: bool = False
    user_id: uuid.UUID | None = fk("user.id", nullable=True, ondelete="SET NULL")
    accepted_at: datetime | None = time_field()
    removed_at: datetime | None = time_field(index=True)
    created_at: datetime = created_field()
    updated_at: datetime | None = time_field()


class StewardInvitation(SQLModel, table=True):
    """A one-time link for one member; only the token's hash is kept. A new link revokes older
    open ones of the same member."""

    id: uuid.UUID = id_field()
    member_id: uuid.UUID = fk("stewardmember.id")
    token_hash: str = Field(max_length=64, unique=True, index=True)
    invited_by_id: uuid.UUID | None = fk("user.id", nullable=True, index=False, ondelete="SET NULL")
    created_at: datetime = created_field()
    expires_at: datetime = time_field(nullable=False)
    accepted_at: datetime | None = time_field()
    accepted_by_id: uuid.UUID | None = fk(
        "user.id", nullable=True, index=False, ondelete="SET NULL"
    )
    revoked_at: datetime | None = time_field()
