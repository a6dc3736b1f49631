"""Writing events: call `record_event` in the same transaction as the change it describes.

The event's `seq` comes from incrementing `Workshop.event_seq`; the UPDATE takes the workshop
row's write lock until commit, so a session's events become visible strictly in `seq` order and a
reader that has seen `seq = n` can never later find an `n - 1` it missed. After the transaction
commits, the session's live streams are woken (see `backend/events/notify.py`).
"""

import uuid
from typing import Any

from pydantic import BaseModel
from sqlalchemy import bindparam, insert, update
from sqlmodel import Session

from backend.kit.clock import utcnow
from backend.models import Audience, SessionEvent, Workshop
from backend.models.base import table_of

PENDING_KEY = "cyd_event_workshops"

# Core statements built once (every write of the app records an event): no ORM unit of work.
_workshops = table_of(Workshop)
_NEXT_SEQ = (
    update(_workshops)
    .where(_workshops.c.id == bindparam("workshop_id"))
    .values(event_seq=_workshops.c.event_seq + 1)
    .returning(_workshops.c.event_seq)
)
_INSERT_EVENT = insert(table_of(SessionEvent))


def record_event(
    db: Session,
    *,
    workshop_id: uuid.UUID,
    kind: str,
    payload: BaseModel | dict[str, Any],
    table_id: uuid.UUID | None = None,
    audience: Audience = Audience.table,
) -> int:
    """Append the event to its session's log (in `db`'s transaction); returns its `seq`."""
    if audience == Audience.table and table_id is None:
        raise ValueError("a table event needs its table_id")
    db.flush()  # the change it describes (even its workshop) may still be pending in the session
    connection = db.connection()
    seq = connection.execute(_NEXT_SEQ, {"workshop_id": workshop_id}).scalar_one()
    body = payload.model_dump(mode="json") if isinstance(payload, BaseModel) else payload
    connection.execute(
        _INSERT_EVENT,
        {
            "workshop_id": workshop_id,
            "seq": seq,
            "kind": kind,
            "audience": audience.value,
            "table_id": table_id,
            "payload": body,
            "created_at": utcnow(),
        },
    )
    db.info.setdefault(PENDING_KEY, set()).add(workshop_id)
    return int(seq)
