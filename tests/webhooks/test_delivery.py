"""Deliveries to a real local receiver: signed, retried with backoff, in order, logged, and never
sent twice by two app instances sharing one database."""

import asyncio
import json
from datetime import timedelta

from fastapi import FastAPI
from sqlmodel import Session

from backend.config import Settings
from backend.kit.clock import utcnow
from backend.main import create_app
from backend.models import DeliveryStatus
from backend.webhooks.leasing import retry_delay
from backend.webhooks.outbox import enqueue
from backend.webhooks.signing import verify_signature
from backend.webhooks.worker import DeliveryWorker
from tests.factories.accounts import make_organisation
from tests.webhooks.helpers import (
    attempts_of,
    deliveries,
    drain,
    make_subscription,
    quick_settings,
)
from tests.webhooks.receiver import receiving

KIND = "session.phase_changed"


async def test_signed_retried_in_order_and_logged(
    app: FastAPI, settings: Settings, db: Session
) -> None:
    org = make_organisation(db)
    with receiving(fail_first=2) as receiver:
        sub = make_subscription(db, org.id, receiver.url)
        for n in range(3):
            enqueue(db, organisation_id=org.id, kind=KIND, payload={"n": n})
        db.commit()
        worker = DeliveryWorker(app.state.engine, quick_settings(settings))
        try:
            await drain(worker, db)
        finally:
            await worker.aclose()
    rows = deliveries(db)
    assert [d.status for d in rows] == [DeliveryStatus.delivered] * 3
    assert [d.attempts for d in rows] == [3, 1, 1]
    assert all(d.finished_at is not None for d in rows)
    logged = [attempts_of(db, d) for d in rows]
    assert [[(a.number, a.status_code, a.response_excerpt) for a in log] for log in logged] == [
        [(1, 500, "not yet, try again"), (2, 500, "not yet, try again"), (3, 200, "thanks")],
        [(1, 200, "thanks")],
        [(1, 200, "thanks")],
    ]
    first_log = logged[0]
    assert first_log[0].started_at <= first_log[1].started_at <= first_log[2].started_at
    assert all(a.error_kind is None and a.error is None for log in logged for a in log)
    # The first event was refused twice; the later ones waited for it (order per subscription).
    ids = receiver.event_ids()
    first = str(rows[0].event_id)
    assert ids[:3] == [first, first, first]
    assert ids == [str(d.event_id) for d in rows[:1]] * 3 + [str(d.event_id) for d in rows[1:]]
    for request in receiver.requests:
        headers = request.headers
        assert headers["content-type"] == "application/json"
        assert headers["user-agent"] == "Cyd-Webhooks/1"
        assert verify_signature(
            sub.secret,
            headers["cyd-webhook-timestamp"],
            request.body,
            headers["cyd-webhook-signature"],
        )
        assert not verify_signature(
            "wrong",
            headers["cyd-webhook-timestamp"],
            request.body,
            headers["cyd-webhook-signature"],
        )
        body = json.loads(request.body)
        assert body["id"] == headers["cyd-webhook-id"]
        assert (body["kind"], body["organisation_id"]) == (KIND, str(org.id))
    assert [json.loads(r.body)["data"]["n"] for r in receiver.requests] == [0, 0, 0, 1, 2]


async def test_gives_up_after_max_attempts(app: FastAPI, settings: Settings, db: Session) -> None:
    org = make_organisation(db)
    with receiving(fail_first=100) as receiver:
        make_subscription(db, org.id, receiver.url)
        enqueue(db, organisation_id=org.id, kind=KIND, payload={"n": 1})
        enqueue(db, organisation_id=org.id, kind=KIND, payload={"n": 2})
        db.commit()
        worker = DeliveryWorker(app.state.engine, quick_settings(settings, webhooks_max_attempts=3))
        try:
            await drain(worker, db)
        finally:
            await worker.aclose()
    rows = deliveries(db)
    assert [(d.status, d.attempts) for d in rows] == [
        (DeliveryStatus.failed, 3),
        (DeliveryStatus.failed, 3),
    ]
    assert all(d.finished_at is not None for d in rows)
    for row in rows:
        assert [(a.number, a.status_code, a.response_excerpt) for a in attempts_of(db, row)] == [
            (n, 500, "not yet, try again") for n in (1, 2, 3)
        ]
    assert len(receiver.requests) == 6


async def test_retry_waits_for_backoff(app: FastAPI, settings: Settings, db: Session) -> None:
    org = make_organisation(db)
    slow = quick_settings(settings, webhooks_retry_base_seconds=60, webhooks_retry_max_seconds=60)
    with receiving(fail_first=1) as receiver:
        make_subscription(db, org.id, receiver.url)
        enqueue(db, organisation_id=org.id, kind=KIND, payload={})
        db.commit()
        worker = DeliveryWorker(app.state.engine, slow)
        try:
            assert await worker.run_once() == 1
            assert await worker.run_once() == 0  # not due yet
        finally:
            await worker.aclose()
    (row,) = deliveries(db)
    assert row.status == DeliveryStatus.pending
    assert row.next_attempt_at >= utcnow() + timedelta(seconds=29)
    assert row.lease_owner is None and row.finished_at is None
    assert [a.status_code for a in attempts_of(db, row)] == [500]
    assert len(receiver.requests) == 1


def test_backoff_grows_with_jitter(settings: Settings) -> None:
    tuned = settings.model_copy(
        update={"webhooks_retry_base_seconds": 10, "webhooks_retry_max_seconds": 100}
    )
    for attempts, ceiling in [(1, 10), (2, 20), (3, 40), (4, 80), (5, 100), (9, 100)]:
        delay = retry_delay(attempts, tuned)
        assert ceiling / 2 <= delay <= ceiling


async def test_two_app_instances_never_deliver_twice(settings: Settings, db: Session) -> None:
    tuned = quick_settings(settings)
    apps = [create_app(tuned), create_app(tuned)]
    org = make_organisation(db)
    with receiving() as receiver:
        subs = [make_subscription(db, org.id, f"{receiver.url}/{i}") for i in range(4)]
        for n in range(10):
            enqueue(db, organisation_id=org.id, kind=KIND, payload={"n": n})
        db.commit()
        workers = [
            DeliveryWorker(a.state.engine, tuned, owner=f"instance-{i}") for i, a in enumerate(apps)
        ]
        try:
            await asyncio.gather(*(drain(w, db) for w in workers))
        finally:
            for w in workers:
                await w.aclose()
            for a in apps:
                a.state.engine.dispose()
    rows = deliveries(db)
    assert len(rows) == 40 and all(d.status == DeliveryStatus.delivered for d in rows)
    assert all(d.attempts == 1 for d in rows)
    assert [len(attempts_of(db, d)) for d in rows] == [1] * 40
    sent = [(r.path, r.headers["cyd-webhook-id"]) for r in receiver.requests]
    assert len(sent) == len(set(sent)) == 40
    for i, sub in enumerate(subs):
        got = [
            json.loads(r.body)["data"]["n"] for r in receiver.requests if r.path.endswith(f"/{i}")
        ]
        assert got == list(range(10)), sub.id


async def test_app_lifespan_runs_the_worker(settings: Settings, db: Session) -> None:
    app = create_app(quick_settings(settings, webhooks_poll_seconds=0.05))
    org = make_organisation(db)
    with receiving() as receiver:
        make_subscription(db, org.id, receiver.url)
        enqueue(db, organisation_id=org.id, kind=KIND, payload={"n": 1})
        db.commit()
        try:
            async with app.router.lifespan_context(app):
                for _ in range(200):
                    if receiver.requests and deliveries(db)[0].status == DeliveryStatus.delivered:
                        break
                    await asyncio.sleep(0.05)
        finally:
            app.state.engine.dispose()
    assert len(receiver.requests) == 1
    assert deliveries(db)[0].status == DeliveryStatus.delivered
