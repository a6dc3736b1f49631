"""Measurements one page at a time in date order: (measured_on, created_at, id), opaque cursor."""

import base64
import json
import uuid
from datetime import date, datetime

from sqlalchemy import and_, or_
from sqlmodel import Session, col
from sqlmodel.sql.expression import SelectOfScalar

from backend.kit.pagination import InvalidCursor, PageParams
from backend.models import OutcomeMeasurement

M = OutcomeMeasurement


def _encode(row: OutcomeMeasurement) -> str:
    raw = json.dumps([row.measured_on.isoformat(), row.created_at.isoformat(), str(row.id)])
    return base64.urlsafe_b64encode(raw.encode()).decode().rstrip("=")


def _decode(cursor: str) -> tuple[date, datetime, uuid.UUID]:
    try:
        padded = cursor + "=" * (-len(cursor) % 4)
        measured, created, row_id = json.loads(base64.urlsafe_b64decode(padded))
        return date.fromisoformat(measured), datetime.fromisoformat(created), uuid.UUID(row_id)
    except (ValueError, TypeError) as exc:
        raise InvalidCursor("Use the next_cursor value from the previous page") from exc


def page_by_date(
    db: Session, stmt: SelectOfScalar[OutcomeMeasurement], params: PageParams
) -> tuple[list[OutcomeMeasurement], str | None]:
    """Oldest measurement date first; measurements of the same day in the order recorded."""
    if params.cursor:
        measured_on, created_at, row_id = _decode(params.cursor)
        stmt = stmt.where(
            or_(
                col(M.measured_on) > measured_on,
                and_(col(M.measured_on) == measured_on, col(M.created_at) > created_at),
                and_(
                    col(M.measured_on) == measured_on,
                    col(M.created_at) == created_at,
                    col(M.id) > row_id,
                ),
            )
        )
    ordered = stmt.order_by(col(M.measured_on), col(M.created_at), col(M.id))
    rows = list(db.exec(ordered.limit(params.limit + 1)).all())
    if len(rows) <= params.limit:
        return rows, None
    rows = rows[: params.limit]
    return rows, _encode(rows[-1])
