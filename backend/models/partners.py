"""Partner API keys: an organisation's scoped, revocable credentials for partner systems."""

import uuid
from datetime import datetime

from sqlmodel import Field, SQLModel

from backend.models.base import created_field, fk, id_field, json_field, time_field


class PartnerApiKey(SQLModel, table=True):
    """The key itself is shown once; only its SHA-256 hash and first characters are kept."""

    id: uuid.UUID = id_field()
    organisation_id: uuid.UUID = fk("organisation.id")
    name: str = Field(max_length=100)
    token_hash: str = Field(max_length=64, unique=True, index=True)
    token_prefix: str = Field(max_length=16)
    scopes: list[str] = json_field(list)
    created_by_id: uuid.UUID | None = fk("user.id", nullable=True, ondelete="SET NULL")
    created_at: datetime = created_field()
    expires_at: datetime | None = time_field()
    last_used_at: datetime | None = time_field()
    revoked_at: datetime | None = time_field()
