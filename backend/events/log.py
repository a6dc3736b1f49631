"""Writing events: call `record_event` in the same transaction as the change it describes.

The event's `seq` comes from incrementing `Workshop.event_seq`; the UPDATE takes the workshop
row's write lock until commit, so a session's events become visible strictly in `seq` order and a
reader that has seen `seq = n` can never later find an `n - 1` it missed. After the transaction
commits, the session's live streams are woken (see `backend/events/notify.py`).
"""

import uuid
from typing import Any

from pydantic import BaseModel
from sqlalchemy import update
from sqlmodel import Session, col

from backend.models import Audience, SessionEvent, Workshop

PENDING_KEY = "cyd_event_workshops"


def record_event(
    db: Session,
    *,
    workshop_id: uuid.UUID,
    kind: str,
    payload: BaseModel | dict[str, Any],
    table_id: uuid.UUID | None = None,
    audience: Audience = Audience.table,
) -> SessionEvent:
    if audience == Audience.table and table_id is None:
        raise ValueError("a table event needs its table_id")
    seq = db.exec(  # type: ignore[call-overload]
        update(Workshop)
        .where(col(Workshop.id) == workshop_id)
        .values(event_seq=col(Workshop.event_seq) + 1)
        .returning(col(Workshop.event_seq))
    ).scalar_one()
    body = payload.model_dump(mode="json") if isinstance(payload, BaseModel) else payload
    event = SessionEvent(
        workshop_id=workshop_id,
        seq=seq,
        kind=kind,
        audience=audience,
        table_id=table_id,
        payload=body,
    )
    db.add(event)
    db.info.setdefault(PENDING_KEY, set()).add(workshop_id)
    return event
