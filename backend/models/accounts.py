"""Facilitator accounts and their credentials (browser sessions, access tokens, password resets)."""

import uuid
from datetime import datetime

from sqlmodel import Field, SQLModel

from backend.models.base import created_field, fk, id_field, json_field, time_field


class User(SQLModel, table=True):
    id: uuid.UUID = id_field()
    email: str = Field(max_length=320, unique=True, index=True)
    name: str = Field(max_length=120)
    password_hash: str = Field(max_length=255)
    locale: str = Field(default="en", max_length=5)
    created_at: datetime = created_field()


class AuthSession(SQLModel, table=True):
    """A signed-in browser: the cookie holds a token whose hash is stored here."""

    id: uuid.UUID = id_field()
    user_id: uuid.UUID = fk("user.id")
    token_hash: str = Field(max_length=64, unique=True, index=True)
    csrf_token: str = Field(max_length=64)
    created_at: datetime = created_field()
    expires_at: datetime = time_field(nullable=False)
    revoked_at: datetime | None = time_field()


class PersonalAccessToken(SQLModel, table=True):
    id: uuid.UUID = id_field()
    user_id: uuid.UUID = fk("user.id")
    name: str = Field(max_length=100)
    token_hash: str = Field(max_length=64, unique=True, index=True)
    token_hint: str = Field(max_length=16)
    scopes: list[str] = json_field(list)
    created_at: datetime = created_field()
    last_used_at: datetime | None = time_field()
    revoked_at: datetime | None = time_field()


class PasswordReset(SQLModel, table=True):
    id: uuid.UUID = id_field()
    user_id: uuid.UUID = fk("user.id")
    token_hash: str = Field(max_length=64, unique=True, index=True)
    created_at: datetime = created_field()
    expires_at: datetime = time_field(nullable=False)
    used_at: datetime | None = time_field()
