"""Cursor pagination: stable order by (created_at, id), opaque cursor, `next_cursor` when more."""

import base64
import json
import uuid
from datetime import datetime
from typing import Annotated, Any, Generic, TypeVar

from fastapi import Query
from pydantic import BaseModel
from sqlalchemy import and_, or_
from sqlmodel import Session
from sqlmodel.sql.expression import SelectOfScalar

from backend.errors import AppError

T = TypeVar("T")
M = TypeVar("M")


class Page(BaseModel, Generic[T]):
    items: list[T]
    next_cursor: str | None = None


class InvalidCursor(AppError):
    status, code = 400, "invalid_cursor"
    title_en, title_cy = "The page cursor is not valid", "Nid yw cyrchwr y dudalen yn ddilys"


class PageParams(BaseModel):
    cursor: str | None = None
    limit: int = 50


def page_params(
    cursor: Annotated[str | None, Query(max_length=200, description="From `next_cursor`")] = None,
    limit: Annotated[int, Query(ge=1, le=200)] = 50,
) -> PageParams:
    return PageParams(cursor=cursor, limit=limit)


def encode_cursor(created_at: datetime, row_id: uuid.UUID) -> str:
    raw = json.dumps([created_at.isoformat(), str(row_id)]).encode()
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


def decode_cursor(cursor: str) -> tuple[datetime, uuid.UUID]:
    try:
        padded = cursor + "=" * (-len(cursor) % 4)
        created, row_id = json.loads(base64.urlsafe_b64decode(padded))
        return datetime.fromisoformat(created), uuid.UUID(row_id)
    except (ValueError, TypeError) as exc:
        raise InvalidCursor("Use the next_cursor value from the previous page") from exc


def paginate(
    db: Session, stmt: SelectOfScalar[M], model: Any, params: PageParams
) -> tuple[list[M], str | None]:
    """Run `stmt` (already filtered and scoped) one page at a time, ordered by (created_at, id)."""
    if params.cursor:
        created_at, row_id = decode_cursor(params.cursor)
        stmt = stmt.where(
            or_(
                model.created_at > created_at,
                and_(model.created_at == created_at, model.id > row_id),
            )
        )
    rows = list(db.exec(stmt.order_by(model.created_at, model.id).limit(params.limit + 1)).all())
    if len(rows) <= params.limit:
        return rows, None
    rows = rows[: params.limit]
    last = rows[-1]
    return rows, encode_cursor(last.created_at, last.id)  # type: ignore[attr-defined]
