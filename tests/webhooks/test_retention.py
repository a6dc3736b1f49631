"""Old history is deleted: deliveries finished more than `webhook_retention_days` ago with their
attempts, and events no delivery needs any more; pending deliveries are kept however old. The
worker sweeps at most once an hour, in batches, and several processes may sweep at once."""

import asyncio
import uuid
from datetime import datetime, timedelta

from fastapi import FastAPI
from sqlmodel import Session, select

from backend.config import Settings
from backend.kit.clock import utcnow
from backend.main import create_app
from backend.models import DeliveryStatus, WebhookDelivery, WebhookEvent, WebhookSubscription
from backend.models.webhooks import WebhookAttempt
from backend.webhooks.retention import delete_batch, sweep
from backend.webhooks.worker import DeliveryWorker
from tests.factories.accounts import make_organisation
from tests.webhooks.helpers import make_subscription

NOW = utcnow()


def days_ago(days: float) -> datetime:
    return NOW - timedelta(days=days)


def logged(
    db: Session,
    subs: list[WebhookSubscription],
    *,
    created: datetime,
    status: DeliveryStatus,
    finished: datetime | None = None,
    attempts: int = 2,
) -> WebhookEvent:
    """An event created at `created`, one delivery of it per subscription, each with
    `attempts` logged attempts, written straight to the database."""
    event = WebhookEvent(
        organisation_id=subs[0].organisation_id,
        kind="session.phase_changed",
        payload={},
        created_at=created,
    )
    db.add(event)
    db.flush()
    for sub in subs:
        sub.delivery_seq += 1
        delivery = WebhookDelivery(
            subscription_id=sub.id,
            event_id=event.id,
            seq=sub.delivery_seq,
            status=status,
            attempts=attempts,
            next_attempt_at=created,
            finished_at=finished,
            created_at=created,
        )
        db.add(delivery)
        db.flush()
        for number in range(1, attempts + 1):
            db.add(
                WebhookAttempt(
                    delivery_id=delivery.id,
                    number=number,
                    started_at=created,
                    duration_ms=5,
                    status_code=500,
                )
            )
    db.commit()
    return event


def remaining(db: Session) -> tuple[set[uuid.UUID], set[uuid.UUID], int]:
    """(event ids, delivery ids, number of attempts) still in the database."""
    db.commit()
    events = set(db.exec(select(WebhookEvent.id)).all())
    delivery_ids = set(db.exec(select(WebhookDelivery.id)).all())
    attempt_count = len(db.exec(select(WebhookAttempt.id)).all())
    db.commit()
    return events, delivery_ids, attempt_count


def deliveries_of(db: Session, event: WebhookEvent) -> set[uuid.UUID]:
    return set(db.exec(select(WebhookDelivery.id).where(WebhookDelivery.event_id == event.id)))


async def test_old_finished_history_goes_pending_and_recent_stay(
    app: FastAPI, settings: Settings, db: Session
) -> None:
    org = make_organisation(db)
    one = make_subscription(db, org.id, "https://a.example.org/")
    two = make_subscription(db, org.id, "https://b.example.org/")
    gone = [
        logged(
            db, [one], created=days_ago(40), status=DeliveryStatus.delivered, finished=days_ago(40)
        ),
        logged(
            db,
            [one, two],
            created=days_ago(45),
            status=DeliveryStatus.failed,
            finished=days_ago(31),
        ),
    ]
    recent = logged(
        db, [one], created=days_ago(35), status=DeliveryStatus.failed, finished=days_ago(29)
    )
    waiting = logged(db, [two], created=days_ago(90), status=DeliveryStatus.pending)
    # An old event shared by two webhooks: one delivery is finished, the other still retrying.
    shared = logged(
        db, [one], created=days_ago(50), status=DeliveryStatus.delivered, finished=days_ago(50)
    )
    shared_pending = WebhookDelivery(
        subscription_id=two.id,
        event_id=shared.id,
        seq=99,
        attempts=7,
        next_attempt_at=NOW,
        created_at=days_ago(50),
    )
    db.add(shared_pending)
    db.commit()
    # An old event whose webhook was deleted (its deliveries went with it).
    gone_webhook = make_subscription(db, org.id, "https://c.example.org/")
    orphan = logged(db, [gone_webhook], created=days_ago(60), status=DeliveryStatus.pending)
    db.delete(gone_webhook)
    db.commit()
    kept_deliveries = deliveries_of(db, recent) | deliveries_of(db, waiting) | {shared_pending.id}

    worker = DeliveryWorker(app.state.engine, settings)
    try:
        deleted = await worker.sweep_if_due(NOW)
    finally:
        await worker.aclose()

    assert deleted is not None and (deleted.deliveries, deleted.events) == (4, 3)
    events, delivery_ids, attempt_count = remaining(db)
    assert events == {recent.id, waiting.id, shared.id}
    assert not {e.id for e in gone} & events and orphan.id not in events
    assert delivery_ids == kept_deliveries
    assert attempt_count == 2 + 2 + 0


async def test_the_number_of_days_is_a_setting(
    app: FastAPI, settings: Settings, db: Session
) -> None:
    org = make_organisation(db)
    sub = make_subscription(db, org.id, "https://a.example.org/")
    logged(db, [sub], created=days_ago(12), status=DeliveryStatus.delivered, finished=days_ago(11))
    newer = logged(
        db, [sub], created=days_ago(9), status=DeliveryStatus.delivered, finished=days_ago(9)
    )
    tuned = settings.model_copy(update={"webhook_retention_days": 10})
    worker = DeliveryWorker(app.state.engine, tuned)
    try:
        await worker.sweep_if_due(NOW)
    finally:
        await worker.aclose()
    assert remaining(db)[0] == {newer.id}


async def test_the_worker_sweeps_at_most_once_an_hour(
    app: FastAPI, settings: Settings, db: Session
) -> None:
    org = make_organisation(db)
    sub = make_subscription(db, org.id, "https://a.example.org/")
    worker = DeliveryWorker(app.state.engine, settings)
    try:
        assert await worker.sweep_if_due(NOW) is not None
        late = logged(
            db, [sub], created=days_ago(40), status=DeliveryStatus.delivered, finished=days_ago(40)
        )
        assert await worker.sweep_if_due(NOW + timedelta(minutes=59)) is None
        assert remaining(db)[0] == {late.id}
        deleted = await worker.sweep_if_due(NOW + timedelta(minutes=61))
    finally:
        await worker.aclose()
    assert deleted is not None and (deleted.deliveries, deleted.events) == (1, 1)
    assert remaining(db) == (set(), set(), 0)


async def test_batches_are_bounded(app: FastAPI, db: Session) -> None:
    org = make_organisation(db)
    sub = make_subscription(db, org.id, "https://a.example.org/")
    for _ in range(5):
        logged(
            db, [sub], created=days_ago(40), status=DeliveryStatus.delivered, finished=days_ago(40)
        )

    first = delete_batch(app.state.engine, before=days_ago(30), limit=2)
    assert (first.deliveries, first.events) == (2, 2)
    events, delivery_ids, attempt_count = remaining(db)
    assert (len(events), len(delivery_ids), attempt_count) == (3, 3, 6)

    rest = await sweep(app.state.engine, before=days_ago(30), batch=2)
    assert (rest.deliveries, rest.events) == (3, 3)
    assert remaining(db) == (set(), set(), 0)


async def test_several_processes_sweep_at_once(settings: Settings, db: Session) -> None:
    apps = [create_app(settings), create_app(settings)]
    org = make_organisation(db)
    subs = [make_subscription(db, org.id, f"https://{n}.example.org/") for n in range(3)]
    for n in range(30):
        logged(
            db, subs, created=days_ago(40 + n), status=DeliveryStatus.failed, finished=days_ago(40)
        )
    kept = logged(db, subs, created=days_ago(40), status=DeliveryStatus.pending)
    try:
        results = await asyncio.gather(
            *(sweep(a.state.engine, before=days_ago(30), batch=7) for a in apps)
        )
    finally:
        for a in apps:
            a.state.engine.dispose()
    assert sum(r.deliveries for r in results) == 90
    assert sum(r.events for r in results) == 30
    events, delivery_ids, attempt_count = remaining(db)
    assert events == {kept.id}
    assert delivery_ids == deliveries_of(db, kept)
    assert attempt_count == 3 * 2
