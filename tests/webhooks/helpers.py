"""Subscriptions written straight to the database, settings for quick retries, and running the
worker until the outbox is empty."""

import asyncio
import uuid
from typing import Any

from sqlmodel import Session, col, select

from backend.config import Settings
from backend.models import DeliveryStatus, WebhookDelivery, WebhookSubscription
from backend.models.webhooks import WebhookAttempt
from backend.webhooks.worker import DeliveryWorker


def make_subscription(
    db: Session, organisation_id: uuid.UUID, url: str, kinds: list[str] | None = None
) -> WebhookSubscription:
    sub = WebhookSubscription(
        organisation_id=organisation_id,
        url=url,
        event_kinds=kinds or ["session.phase_changed"],
        secret="cyd_whsec_test-secret",
    )
    db.add(sub)
    db.commit()
    return sub


def quick_settings(settings: Settings, **overrides: Any) -> Settings:
    """Loopback allowed (the test receiver) and retries within milliseconds."""
    return settings.model_copy(
        update={
            "webhooks_allow_private_targets": True,
            "webhooks_retry_base_seconds": 0.01,
            "webhooks_retry_max_seconds": 0.05,
            "webhooks_timeout_seconds": 5.0,
            **overrides,
        }
    )


def deliveries(db: Session) -> list[WebhookDelivery]:
    db.commit()  # a fresh snapshot: what the workers wrote since
    db.expire_all()
    rows = list(db.exec(select(WebhookDelivery).order_by(col(WebhookDelivery.seq))).all())
    db.commit()
    return rows


def attempts_of(db: Session, delivery: WebhookDelivery) -> list[WebhookAttempt]:
    db.commit()
    rows = list(
        db.exec(
            select(WebhookAttempt)
            .where(WebhookAttempt.delivery_id == delivery.id)
            .order_by(col(WebhookAttempt.number))
        ).all()
    )
    db.commit()
    return rows


def pending_count(db: Session) -> int:
    return sum(1 for d in deliveries(db) if d.status == DeliveryStatus.pending)


async def drain(worker: DeliveryWorker, db: Session, *, rounds: int = 200) -> None:
    """Run the worker until nothing is pending (retries become due within milliseconds)."""
    for _ in range(rounds):
        if pending_count(db) == 0:
            return
        if await worker.run_once() == 0:
            await asyncio.sleep(0.02)
    raise AssertionError("deliveries still pending")
