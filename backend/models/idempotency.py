"""Stored responses of writes sent with an `Idempotency-Key` (see backend/kit/idempotency.py)."""

import uuid
from datetime import datetime
from typing import Any

from sqlalchemy import Column, UniqueConstraint
from sqlmodel import Field, SQLModel

from backend.kit.types import JSONType
from backend.models.base import created_field, id_field, json_field


class IdempotencyRecord(SQLModel, table=True):
    """One keyed write of one caller. The row is inserted before the work is done and completed
    with the response in the same transaction, so a committed row always holds its response."""

    __table_args__ = (UniqueConstraint("caller", "key"),)

    id: uuid.UUID = id_field()
    caller: str = Field(max_length=80)  # "participant:<uuid>" or "user:<uuid>"
    key: str = Field(max_length=200)
    request_hash: str = Field(max_length=64)
    method: str = Field(max_length=10)
    path: str = Field(max_length=500)
    status_code: int | None = None
    response_body: Any = Field(default=None, sa_column=Column(JSONType, nullable=True))
    response_headers: dict[str, str] = json_field(dict)
    created_at: datetime = created_field()
