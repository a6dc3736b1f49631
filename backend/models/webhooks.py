"""Webhook subscriptions and the outbox: one event row per change, one delivery row per
subscription that wants it, delivered by leasing workers (backend/webhooks/worker.py)."""

import uuid
from datetime import datetime
from enum import StrEnum
from typing import Any

from sqlalchemy import Index, String, UniqueConstraint
from sqlmodel import Field, SQLModel

from backend.models.base import (
    created_field,
    enum_field,
    fk,
    id_field,
    json_field,
    time_field,
)


class WebhookSubscription(SQLModel, table=True):
    id: uuid.UUID = id_field()
    organisation_id: uuid.UUID = fk("organisation.id")
    url: str = Field(max_length=2000)
    description: str | None = Field(default=None, max_length=300)
    event_kinds: list[str] = json_field(list)
    # Stored as-is: it must be at hand to sign every delivery. Never returned after creation.
    secret: str = Field(max_length=100)
    # The last `WebhookDelivery.seq` handed out; incrementing it locks the row until commit, so
    # a subscription's deliveries become visible strictly in `seq` order.
    delivery_seq: int = 0
    disabled_at: datetime | None = time_field()
    created_by_id: uuid.UUID | None = fk("user.id", nullable=True, ondelete="SET NULL")
    created_at: datetime = created_field()
    updated_at: datetime | None = time_field()


class WebhookEvent(SQLModel, table=True):
    """What happened; its id is the `Cyd-Webhook-Id` header, the same on every retry."""

    id: uuid.UUID = id_field()
    organisation_id: uuid.UUID = fk("organisation.id")
    kind: str = Field(max_length=64)
    payload: dict[str, Any] = json_field(dict)
    created_at: datetime = created_field()


class DeliveryStatus(StrEnum):
    pending = "pending"
    delivered = "delivered"
    failed = "failed"


class WebhookDelivery(SQLModel, table=True):
    __table_args__ = (
        UniqueConstraint("subscription_id", "seq"),
        Index("ix_webhookdelivery_due", "status", "next_attempt_at"),
    )

    id: uuid.UUID = id_field()
    subscription_id: uuid.UUID = fk("webhooksubscription.id")
    event_id: uuid.UUID = fk("webhookevent.id")
    seq: int
    status: DeliveryStatus = enum_field(DeliveryStatus.pending)
    attempts: int = 0
    next_attempt_at: datetime = time_field(nullable=False)
    leased_until: datetime | None = time_field()
    lease_owner: str | None = Field(default=None, max_length=64)
    # When it was delivered or marked failed: the retention sweep counts its days from here.
    finished_at: datetime | None = time_field(index=True)
    created_at: datetime = created_field()


class AttemptErrorKind(StrEnum):
    """Why an attempt got no HTTP answer."""

    timeout = "timeout"  # no answer in time
    refused = "refused"  # the connection could not be made (refused, unreachable)
    unresolved = "unresolved"  # the host name did not resolve
    blocked = "blocked"  # the host resolved only to non-public addresses
    network = "network"  # the connection broke, or the answer was not valid HTTP


class WebhookAttempt(SQLModel, table=True):
    """One HTTP attempt of one delivery, written in the transaction that records its outcome on
    the delivery (`number` is the delivery's `attempts` count after it)."""

    __table_args__ = (UniqueConstraint("delivery_id", "number"),)

    id: uuid.UUID = id_field()
    # The unique (delivery_id, number) index serves lookups and the cascade.
    delivery_id: uuid.UUID = fk("webhookdelivery.id", index=False)
    number: int
    started_at: datetime = time_field(nullable=False)
    duration_ms: int
    status_code: int | None = None
    error_kind: AttemptErrorKind | None = Field(default=None, sa_type=String(16), nullable=True)
    error: str | None = Field(default=None, max_length=500)
    # The answer's first bytes as text (see backend/webhooks/sending.py); never HTML-rendered.
    response_excerpt: str | None = Field(default=None, max_length=2048)
    response_truncated: bool = False
