"""Old webhook history is deleted: deliveries finished (delivered or failed) more than
`webhook_retention_days` ago with their attempts, then events that no delivery needs any more.
A pending delivery (waiting for its first try or a retry) is never deleted, however old.

The delivery worker runs `sweep` at most once an hour in each app process. Each batch is one
short transaction of at most `batch` deliveries and `batch` events; several processes may sweep
at once: on PostgreSQL each skips the rows another is deleting (`FOR UPDATE SKIP LOCKED`), on
SQLite writers take turns, and a row deleted by another process is simply not there any more.
"""

import asyncio
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import delete, exists
from sqlalchemy.engine import Engine
from sqlmodel import Session, col, select

from backend.db import WRITE_OPTION
from backend.kit.write_gate import write_queue_for
from backend.models import DeliveryStatus, WebhookDelivery, WebhookEvent
from backend.models.webhooks import WebhookAttempt

BATCH = 500


@dataclass(frozen=True)
class Deleted:
    deliveries: int = 0
    events: int = 0

    def __add__(self, other: "Deleted") -> "Deleted":
        return Deleted(self.deliveries + other.deliveries, self.events + other.events)


def delete_batch(engine: Engine, *, before: datetime, limit: int) -> Deleted:
    """One transaction: up to `limit` deliveries finished before `before` (and their attempts),
    and up to `limit` events created before `before` that have no delivery left."""
    skip_locked = engine.dialect.name == "postgresql"
    with Session(engine.execution_options(**{WRITE_OPTION: True})) as db:
        finished = (
            select(WebhookDelivery.id)
            .where(
                col(WebhookDelivery.status) != DeliveryStatus.pending,
                col(WebhookDelivery.finished_at) < before,
            )
            .order_by(col(WebhookDelivery.finished_at))
            .limit(limit)
        )
        if skip_locked:
            finished = finished.with_for_update(skip_locked=True)
        delivery_ids = list(db.exec(finished).all())
        if delivery_ids:
            db.exec(delete(WebhookAttempt).where(col(WebhookAttempt.delivery_id).in_(delivery_ids)))  # type: ignore[call-overload]
            db.exec(  # type: ignore[call-overload]
                delete(WebhookDelivery).where(
                    col(WebhookDelivery.id).in_(delivery_ids),
                    col(WebhookDelivery.status) != DeliveryStatus.pending,
                )
            )
        # An old event never gets new deliveries: once it has none, it is not needed.
        unneeded = (
            select(WebhookEvent.id)
            .where(
                col(WebhookEvent.created_at) < before,
                ~exists().where(col(WebhookDelivery.event_id) == WebhookEvent.id),
            )
            .limit(limit)
        )
        if skip_locked:
            unneeded = unneeded.with_for_update(skip_locked=True)
        event_ids = list(db.exec(unneeded).all())
        if event_ids:
            db.exec(delete(WebhookEvent).where(col(WebhookEvent.id).in_(event_ids)))  # type: ignore[call-overload]
        db.commit()
        return Deleted(len(delivery_ids), len(event_ids))


async def sweep(engine: Engine, *, before: datetime, batch: int = BATCH) -> Deleted:
    """Delete everything expired, one batch at a time; each batch takes its turn among this
    process's writers (so requests are not held up behind the whole sweep)."""
    queue = write_queue_for(engine)
    total = Deleted()
    while True:
        async with queue.turn():
            done = await asyncio.to_thread(delete_batch, engine, before=before, limit=batch)
        total += done
        if done.deliveries < batch and done.events < batch:
            return total
