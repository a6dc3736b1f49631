"""How long the log keeps events, for replaying to reconnecting streams.

Rule: an event is kept while it is younger than 24 hours AND among its session's newest 50,000.
A stream that asks to resume from before the oldest kept event gets `reset` and refetches state.
Pruning runs opportunistically when a stream opens, at most every 10 minutes per session and
process (`prune_due`), in its turn among the process's writers, so no scheduler is needed.
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


def prune_due(workshop_id: uuid.UUID) -> bool:
    """Whether this process should prune the session's log now (at most every 10 minutes); a
    True answer counts as the prune."""
    now = time.monotonic()
    if now - _last_pruned.get(workshop_id, -PRUNE_EVERY_SECONDS) < PRUNE_EVERY_SECONDS:
        return False
    _last_pruned[workshop_id] = now
    return True


def prune_now(engine: Engine, workshop_id: uuid.UUID) -> None:
    """Prune in a transaction of its own (the caller holds the write turn)."""
    with Session(engine.execution_options(**{WRITE_OPTION: True})) as db:
        prune(db, workshop_id)
        db.commit()
