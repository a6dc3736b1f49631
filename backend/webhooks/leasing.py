"""The worker's database side: lease due deliveries, then record how each attempt went.

A delivery is due when it is pending, its `next_attempt_at` has come, nobody holds an unexpired
lease on it, its subscription is enabled, and no earlier delivery of the same subscription is
still pending (a subscription's events go out in order: a later one waits while an earlier one
waits for its retry). Leasing is a conditional UPDATE (`leased_until`, `lease_owner`) that only
succeeds on a row nobody holds; on PostgreSQL the candidates are also picked with
`FOR UPDATE SKIP LOCKED`, so app processes never claim, nor send, one delivery twice.
"""

import json
import random
import uuid
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import exists, or_, update
from sqlalchemy.engine import Engine
from sqlalchemy.orm import aliased
from sqlmodel import Session, col, select

from backend.config import Settings
from backend.db import WRITE_OPTION
from backend.models import DeliveryStatus, WebhookDelivery, WebhookEvent, WebhookSubscription
from backend.models.webhooks import AttemptErrorKind, WebhookAttempt
from backend.webhooks.catalogue import WebhookEnvelope


@dataclass(frozen=True)
class DeliveryJob:
    delivery_id: uuid.UUID
    event_id: uuid.UUID
    url: str
    secret: str
    body: bytes


@dataclass(frozen=True)
class AttemptResult:
    """How one HTTP attempt went: an answer (`status_code`, `excerpt`) or why there was none."""

    delivery_id: uuid.UUID
    started_at: datetime
    duration_ms: int
    status_code: int | None = None
    excerpt: str | None = None
    truncated: bool = False
    error_kind: AttemptErrorKind | None = None
    error: str | None = None

    @property
    def delivered(self) -> bool:
        return self.status_code is not None and 200 <= self.status_code < 300


def _due(now: datetime):  # type: ignore[no-untyped-def]
    earlier = aliased(WebhookDelivery)
    return (
        select(WebhookDelivery.id)
        .join(WebhookSubscription, col(WebhookSubscription.id) == WebhookDelivery.subscription_id)
        .where(
            WebhookDelivery.status == DeliveryStatus.pending,
            WebhookDelivery.next_attempt_at <= now,
            _unleased(now),
            col(WebhookSubscription.disabled_at).is_(None),
            ~exists().where(
                col(earlier.subscription_id) == WebhookDelivery.subscription_id,
                col(earlier.status) == DeliveryStatus.pending,
                col(earlier.seq) < WebhookDelivery.seq,
            ),
        )
        .order_by(col(WebhookDelivery.next_attempt_at), col(WebhookDelivery.seq))
    )


def _unleased(now: datetime):  # type: ignore[no-untyped-def]
    return or_(col(WebhookDelivery.leased_until).is_(None), col(WebhookDelivery.leased_until) < now)


def any_due(engine: Engine, *, now: datetime) -> bool:
    """Whether a delivery is due: a read, so the worker asks before it takes a write turn."""
    with Session(engine) as db:
        return db.exec(_due(now).limit(1)).first() is not None


def claim(
    engine: Engine, *, owner: str, now: datetime, lease_seconds: float, limit: int
) -> list[DeliveryJob]:
    """Lease up to `limit` due deliveries for `owner`; what to send for each."""
    is_postgres = engine.dialect.name == "postgresql"
    with Session(engine.execution_options(**{WRITE_OPTION: True})) as db:
        stmt = _due(now).limit(limit)
        if is_postgres:
            stmt = stmt.with_for_update(skip_locked=True, of=WebhookDelivery)  # type: ignore[arg-type]
        leased_until = now + timedelta(seconds=lease_seconds)
        claimed: list[uuid.UUID] = []
        for delivery_id in db.exec(stmt).all():
            result = db.exec(  # type: ignore[call-overload]
                update(WebhookDelivery)
                .where(
                    col(WebhookDelivery.id) == delivery_id,
                    col(WebhookDelivery.status) == DeliveryStatus.pending,
                    _unleased(now),
                )
                .values(leased_until=leased_until, lease_owner=owner)
            )
            if result.rowcount == 1:
                claimed.append(delivery_id)
        jobs = _jobs(db, claimed)
        db.commit()
        return jobs


def _jobs(db: Session, delivery_ids: list[uuid.UUID]) -> list[DeliveryJob]:
    if not delivery_ids:
        return []
    rows = db.exec(
        select(WebhookDelivery, WebhookSubscription, WebhookEvent)
        .join(WebhookSubscription, col(WebhookSubscription.id) == WebhookDelivery.subscription_id)
        .join(WebhookEvent, col(WebhookEvent.id) == WebhookDelivery.event_id)
        .where(col(WebhookDelivery.id).in_(delivery_ids))
    ).all()
    return [
        DeliveryJob(
            delivery_id=delivery.id,
            event_id=event.id,
            url=subscription.url,
            secret=subscription.secret,
            body=envelope_body(event),
        )
        for delivery, subscription, event in rows
    ]


def envelope_body(event: WebhookEvent) -> bytes:
    envelope = WebhookEnvelope(
        id=event.id,
        kind=event.kind,
        created_at=event.created_at,
        organisation_id=event.organisation_id,
        data=event.payload,
    )
    return json.dumps(envelope.model_dump(mode="json"), separators=(",", ":")).encode()


def retry_delay(attempts: int, settings: Settings) -> float:
    """Exponential backoff with jitter: about base, 2 x base, 4 x base ... up to the maximum."""
    ceiling = min(
        settings.webhooks_retry_max_seconds,
        settings.webhooks_retry_base_seconds * 2 ** (attempts - 1),
    )
    return ceiling / 2 + random.uniform(0, ceiling / 2)


def record(
    engine: Engine, *, owner: str, results: list[AttemptResult], settings: Settings, now: datetime
) -> None:
    """Log each attempt and write its outcome on its delivery, in one transaction, unless
    `owner`'s lease was lost (then the delivery, and its log, belong to whoever holds it now)."""
    with Session(engine.execution_options(**{WRITE_OPTION: True})) as db:
        for result in results:
            delivery = db.get(WebhookDelivery, result.delivery_id, with_for_update=True)
            if delivery is None or delivery.lease_owner != owner:
                continue
            delivery.attempts += 1
            db.add(_attempt_row(delivery, result))
            delivery.leased_until, delivery.lease_owner = None, None
            if result.delivered:
                delivery.status, delivery.finished_at = DeliveryStatus.delivered, now
            elif delivery.attempts >= settings.webhooks_max_attempts:
                delivery.status, delivery.finished_at = DeliveryStatus.failed, now
            else:
                delivery.next_attempt_at = now + timedelta(
                    seconds=retry_delay(delivery.attempts, settings)
                )
            db.add(delivery)
        db.commit()


def _attempt_row(delivery: WebhookDelivery, result: AttemptResult) -> WebhookAttempt:
    return WebhookAttempt(
        delivery_id=delivery.id,
        number=delivery.attempts,
        started_at=result.started_at,
        duration_ms=result.duration_ms,
        status_code=result.status_code,
        error_kind=result.error_kind,
        error=result.error,
        response_excerpt=result.excerpt,
        response_truncated=result.truncated,
    )
