"""The rules of webhook subscriptions: owners subscribe public URLs to catalogued events; the
signing secret is shown once (at creation and on rotation)."""

import uuid

from sqlmodel import Session

from backend.config import Settings
from backend.kit.clock import utcnow
from backend.kit.pagination import Page, PageParams, paginate
from backend.kit.tokens import new_token
from backend.models import DeliveryStatus, User, WebhookDelivery, WebhookEvent, WebhookSubscription
from backend.models.webhooks import WebhookAttempt
from backend.webhooks import outbox
from backend.webhooks import repository as repo
from backend.webhooks.catalogue import Ping
from backend.webhooks.errors import (
    WebhookDeliveryNotFound,
    WebhookDisabled,
    WebhookNotFound,
    WebhookTargetRefused,
)
from backend.webhooks.schemas import (
    AttemptPublic,
    DeliveryPublic,
    WebhookCreate,
    WebhookCreated,
    WebhookPublic,
    WebhookUpdate,
)
from backend.webhooks.targets import private_target_problem

SECRET_PREFIX = "cyd_whsec"
SUMMARY_CHARS = 300  # of the latest answer, in the deliveries list


def webhook_public(sub: WebhookSubscription) -> WebhookPublic:
    return WebhookPublic(
        id=sub.id,
        url=sub.url,
        description=sub.description,
        event_kinds=sub.event_kinds,
        enabled=sub.disabled_at is None,
        created_at=sub.created_at,
        updated_at=sub.updated_at,
    )


def delivery_public(
    delivery: WebhookDelivery, event: WebhookEvent, last: WebhookAttempt | None
) -> DeliveryPublic:
    pending = delivery.status == DeliveryStatus.pending
    delivered = delivery.status == DeliveryStatus.delivered
    excerpt = last.response_excerpt if last else None
    return DeliveryPublic(
        id=delivery.id,
        event_id=event.id,
        kind=event.kind,
        status=delivery.status,
        attempts=delivery.attempts,
        next_attempt_at=delivery.next_attempt_at if pending else None,
        last_attempt_at=last.started_at if last else None,
        last_status_code=last.status_code if last else None,
        last_error_kind=last.error_kind if last else None,
        last_response_excerpt=excerpt[:SUMMARY_CHARS] if excerpt else None,
        last_error=last.error if last else None,
        delivered_at=delivery.finished_at if delivered else None,
        created_at=delivery.created_at,
    )


def attempt_public(row: WebhookAttempt) -> AttemptPublic:
    return AttemptPublic(
        number=row.number,
        started_at=row.started_at,
        duration_ms=row.duration_ms,
        status_code=row.status_code,
        error_kind=row.error_kind,
        error=row.error,
        response_excerpt=row.response_excerpt,
        response_truncated=row.response_truncated,
    )


def _check_target(url: str, settings: Settings) -> None:
    if settings.webhooks_allow_private_targets:
        return
    problem = private_target_problem(url)
    if problem:
        raise WebhookTargetRefused(problem)


def get(
    db: Session, *, organisation_id: uuid.UUID, subscription_id: uuid.UUID
) -> WebhookSubscription:
    sub = repo.subscription_of(db, organisation_id=organisation_id, subscription_id=subscription_id)
    if sub is None:
        raise WebhookNotFound()
    return sub


def create(
    db: Session, *, organisation_id: uuid.UUID, user: User, data: WebhookCreate, settings: Settings
) -> WebhookCreated:
    _check_target(data.url, settings)
    sub = WebhookSubscription(
        organisation_id=organisation_id,
        url=data.url,
        description=data.description or None,
        event_kinds=data.event_kinds,
        secret=new_token(SECRET_PREFIX),
        created_by_id=user.id,
    )
    db.add(sub)
    db.flush()
    return WebhookCreated(**webhook_public(sub).model_dump(), secret=sub.secret)


def list_subscriptions(
    db: Session, *, organisation_id: uuid.UUID, paging: PageParams
) -> Page[WebhookPublic]:
    rows, cursor = paginate(db, repo.subscriptions_of(organisation_id), WebhookSubscription, paging)
    return Page(items=[webhook_public(row) for row in rows], next_cursor=cursor)


def update(
    db: Session, *, sub: WebhookSubscription, data: WebhookUpdate, settings: Settings
) -> WebhookPublic:
    if data.url is not None:
        _check_target(data.url, settings)
        sub.url = data.url
    if data.event_kinds is not None:
        sub.event_kinds = data.event_kinds
    if "description" in data.model_fields_set:
        sub.description = data.description or None
    if data.enabled is not None:
        sub.disabled_at = None if data.enabled else (sub.disabled_at or utcnow())
    sub.updated_at = utcnow()
    db.add(sub)
    db.flush()
    return webhook_public(sub)


def rotate_secret(db: Session, *, sub: WebhookSubscription) -> str:
    """A new secret signs every delivery from now on (retries too); the old one stops at once."""
    sub.secret = new_token(SECRET_PREFIX)
    sub.updated_at = utcnow()
    db.add(sub)
    return sub.secret


def delete(db: Session, *, sub: WebhookSubscription) -> None:
    db.delete(sub)


def ping(db: Session, *, sub: WebhookSubscription) -> DeliveryPublic:
    if sub.disabled_at is not None:
        raise WebhookDisabled()
    delivery = outbox.enqueue_ping(db, sub, Ping(subscription_id=sub.id))
    event = db.get(WebhookEvent, delivery.event_id)
    assert event is not None
    return delivery_public(delivery, event, None)


def list_deliveries(
    db: Session, *, sub: WebhookSubscription, paging: PageParams
) -> Page[DeliveryPublic]:
    rows, cursor = repo.deliveries_page(
        db, subscription_id=sub.id, cursor=paging.cursor, limit=paging.limit
    )
    return Page(items=[delivery_public(*row) for row in rows], next_cursor=cursor)


def get_delivery(
    db: Session, *, sub: WebhookSubscription, delivery_id: uuid.UUID
) -> repo.LoggedDelivery:
    found = repo.delivery_of(db, subscription_id=sub.id, delivery_id=delivery_id)
    if found is None:
        raise WebhookDeliveryNotFound()
    return found


def list_attempts(
    db: Session, *, sub: WebhookSubscription, delivery_id: uuid.UUID, paging: PageParams
) -> Page[AttemptPublic]:
    delivery, _event, _last = get_delivery(db, sub=sub, delivery_id=delivery_id)
    rows, cursor = repo.attempts_page(
        db, delivery_id=delivery.id, cursor=paging.cursor, limit=paging.limit
    )
    return Page(items=[attempt_public(row) for row in rows], next_cursor=cursor)
