"""Shared column helpers and the one metadata (with a constraint naming convention) for alembic."""

import uuid
from typing import Any, Literal

from sqlalchemy import Column, String, Table
from sqlmodel import Field, SQLModel

from backend.kit.clock import utcnow
from backend.kit.types import JSONType, UTCDateTime

SQLModel.metadata.naming_convention = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


def table_of(model: type[SQLModel]) -> Table:
    """A model's SQL table, for Core statements on hot paths (no ORM unit of work)."""
    table: Table = model.__table__  # type: ignore[attr-defined]
    return table


def id_field() -> Any:
    return Field(default_factory=uuid.uuid4, primary_key=True)


def created_field() -> Any:
    return Field(default_factory=utcnow, sa_type=UTCDateTime, nullable=False, index=True)


def time_field(*, nullable: bool = True, index: bool = False) -> Any:
    return Field(default=None, sa_type=UTCDateTime, nullable=nullable, index=index)


def json_field(default_factory: Any) -> Any:
    return Field(default_factory=default_factory, sa_column=Column(JSONType, nullable=False))


def enum_field(default: Any = ..., *, length: int = 32, index: bool = False) -> Any:
    """Enums are stored as plain strings: adding a value never needs a database migration."""
    return Field(default=default, sa_type=String(length), nullable=False, index=index)


OnDelete = Literal["CASCADE", "SET NULL", "RESTRICT"]


def fk(
    target: str, *, nullable: bool = False, index: bool = True, ondelete: OnDelete = "CASCADE"
) -> Any:
    if nullable:
        return Field(
            default=None, foreign_key=target, nullable=True, index=index, ondelete=ondelete
        )
    return Field(foreign_key=target, nullable=False, index=index, ondelete=ondelete)
