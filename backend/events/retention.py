"""How long the log keeps events, for replaying to reconnecting streams.

Rule: an event is kept while it is younger than 24 hours AND among its session's newest 50,000.
A stream that asks to resume from before the oldest kept event gets `reset` and refetches state.
Pruning runs opportunistically when a stream opens, at most every 10 minutes per session and
process (`prune_if_due`), so no scheduler is needed.
"""

import time
import uuid
from datetime import timedelta

from sqlalchemy import delete, or_
from sqlalchemy.engine import Engine
from sqlmodel import Session, col, func, select

from backend.db import WRITE_OPTION
from backend.kit.clock import utcnow
from backend.models import SessionEvent, Workshop

KEEP_FOR = timedelta(hours=24)
KEEP_AT_MOST = 50_000
PRUNE_EVERY_SECONDS = 600.0

_last_pruned: dict[uuid.UUID, float] = {}


def oldest_kept_seq(db: Session, workshop_id: uuid.UUID) -> int | None:
    return db.exec(
        select(func.min(SessionEvent.seq)).where(SessionEvent.workshop_id == workshop_id)
    ).one()


def prune(db: Session, workshop_id: uuid.UUID) -> int:
    """Delete the session's events that fall outside the retention rule; the count deleted."""
    newest = db.exec(select(Workshop.event_seq).where(Workshop.id == workshop_id)).one()
    result = db.exec(  # type: ignore[call-overload]
        delete(SessionEvent).where(
            col(SessionEvent.workshop_id) == workshop_id,
            or_(
                col(SessionEvent.created_at) < utcnow() - KEEP_FOR,
                col(SessionEvent.seq) <= newest - KEEP_AT_MOST,
            ),
        )
    )
    return int(result.rowcount or 0)


def prune_if_due(engine: Engine, workshop_id: uuid.UUID) -> None:
    now = time.monotonic()
    if now - _last_pruned.get(workshop_id, -PRUNE_EVERY_SECONDS) < PRUNE_EVERY_SECONDS:
        return
    _last_pruned[workshop_id] = now
    with Session(engine.execution_options(**{WRITE_OPTION: True})) as db:
        prune(db, workshop_id)
        db.commit()
