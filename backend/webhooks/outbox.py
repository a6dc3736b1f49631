"""The outbox: call `enqueue` in the same transaction as the change an event describes.

It writes one `WebhookEvent` and one pending `WebhookDelivery` per active subscription of the
organisation that wants the kind; a rolled-back change therefore sends nothing. The delivery
worker (backend/webhooks/worker.py) sends them after commit.
"""

import uuid
from typing import Any

from pydantic import BaseModel
from sqlalchemy import update
from sqlmodel import Session, col, select

from backend.kit.clock import utcnow
from backend.models import WebhookDelivery, WebhookEvent, WebhookSubscription
from backend.webhooks.catalogue import EVENT_KINDS, PING_KIND


def enqueue(
    db: Session,
    *,
    organisation_id: uuid.UUID,
    kind: str,
    payload: BaseModel | dict[str, Any],
) -> WebhookEvent | None:
    """The event written for the subscriptions that want `kind`, or None when none does."""
    if kind not in EVENT_KINDS:
        raise ValueError(f"unknown webhook event kind {kind!r}; add it to EVENT_KINDS")
    subscriptions = [
        sub
        for sub in db.exec(
            select(WebhookSubscription).where(
                WebhookSubscription.organisation_id == organisation_id,
                col(WebhookSubscription.disabled_at).is_(None),
            )
        ).all()
        if kind in sub.event_kinds
    ]
    if not subscriptions:
        return None
    return _write(db, organisation_id=organisation_id, kind=kind, payload=payload, to=subscriptions)


def enqueue_ping(
    db: Session, subscription: WebhookSubscription, payload: BaseModel
) -> WebhookDelivery:
    event = _write(
        db,
        organisation_id=subscription.organisation_id,
        kind=PING_KIND,
        payload=payload,
        to=[subscription],
    )
    return db.exec(select(WebhookDelivery).where(WebhookDelivery.event_id == event.id)).one()


def _write(
    db: Session,
    *,
    organisation_id: uuid.UUID,
    kind: str,
    payload: BaseModel | dict[str, Any],
    to: list[WebhookSubscription],
) -> WebhookEvent:
    now = utcnow()
    body = payload.model_dump(mode="json") if isinstance(payload, BaseModel) else payload
    event = WebhookEvent(organisation_id=organisation_id, kind=kind, payload=body, created_at=now)
    db.add(event)
    db.flush()
    for subscription in sorted(to, key=lambda sub: sub.id):
        db.add(
            WebhookDelivery(
                subscription_id=subscription.id,
                event_id=event.id,
                seq=_next_seq(db, subscription.id),
                next_attempt_at=now,
                created_at=now,
            )
        )
    db.flush()
    return event


def _next_seq(db: Session, subscription_id: uuid.UUID) -> int:
    # The UPDATE holds the subscription row's lock until commit: deliveries of one subscription
    # become visible in seq order, which is the order the worker sends them in.
    seq: int = db.exec(  # type: ignore[call-overload]
        update(WebhookSubscription)
        .where(col(WebhookSubscription.id) == subscription_id)
        .values(delivery_seq=col(WebhookSubscription.delivery_seq) + 1)
        .returning(col(WebhookSubscription.delivery_seq))
    ).scalar_one()
    return seq
