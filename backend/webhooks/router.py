"""/organisations/{id}/webhooks/...: owners subscribe URLs to events, see every delivery and
send test pings. See backend/webhooks/signing.py for how partners verify a delivery."""

import uuid
from typing import Annotated

from fastapi import APIRouter, Depends, status

from backend.deps import AppSettings, DbSession, Paging
from backend.errors import problem_responses
from backend.kit.pagination import Page
from backend.models import WebhookSubscription
from backend.partners.access import OwnerReader, OwnerWriter
from backend.webhooks import service
from backend.webhooks.catalogue import EVENT_KINDS
from backend.webhooks.schemas import (
    AttemptPublic,
    DeliveryPublic,
    EventKindPublic,
    WebhookCreate,
    WebhookCreated,
    WebhookPublic,
    WebhookSecret,
    WebhookUpdate,
)

router = APIRouter(tags=["webhooks"])
HOOKS = "/organisations/{organisation_id}/webhooks"
ONE = HOOKS + "/{webhook_id}"


def _reading(webhook_id: uuid.UUID, access: OwnerReader, db: DbSession) -> WebhookSubscription:
    return service.get(db, organisation_id=access.organisation.id, subscription_id=webhook_id)


def _writing(webhook_id: uuid.UUID, access: OwnerWriter, db: DbSession) -> WebhookSubscription:
    return service.get(db, organisation_id=access.organisation.id, subscription_id=webhook_id)


ReadableWebhook = Annotated[WebhookSubscription, Depends(_reading)]
WritableWebhook = Annotated[WebhookSubscription, Depends(_writing)]


@router.get("/webhooks/event-kinds", name="webhooks-event-kinds-list")
def list_event_kinds() -> list[EventKindPublic]:
    """The events a webhook can subscribe to. Payloads never carry personal data about
    participants. A delivery's body is `{id, kind, created_at, organisation_id, data}`. Each
    webhook receives its events in the order they happened: a later event waits while an
    earlier one waits for a retry, until that one is delivered or, after its last attempt,
    marked `failed`. A delivery may arrive twice (e.g. when your answer was lost): de-duplicate
    on `Cyd-Webhook-Id`."""
    return [EventKindPublic(name=name, description=text) for name, text in EVENT_KINDS.items()]


@router.get(HOOKS, name="webhooks-list", responses=problem_responses(401, 403, 404))
def list_webhooks(access: OwnerReader, db: DbSession, paging: Paging) -> Page[WebhookPublic]:
    """The organisation's webhooks, oldest first (owners only; never their secrets)."""
    return service.list_subscriptions(db, organisation_id=access.organisation.id, paging=paging)


@router.post(
    HOOKS,
    name="webhooks-create",
    status_code=status.HTTP_201_CREATED,
    responses=problem_responses(401, 403, 404),
)
def create_webhook(
    data: WebhookCreate, access: OwnerWriter, db: DbSession, settings: AppSettings
) -> WebhookCreated:
    """Subscribe a URL to events (owners only). Deliveries are POSTs signed with the secret in
    this response (shown only here): `Cyd-Webhook-Signature: v1=<hex HMAC-SHA256(secret,
    "<Cyd-Webhook-Timestamp>.<raw body>")>`; `Cyd-Webhook-Id` is the event id, the same on every
    retry. Any 2xx answer counts as delivered; anything else is retried with growing delays.
    URLs on private or loopback addresses are refused (422 `webhook_target_refused`)."""
    return service.create(
        db,
        organisation_id=access.organisation.id,
        user=access.facilitator.user,
        data=data,
        settings=settings,
    )


@router.get(ONE, name="webhooks-read", responses=problem_responses(401, 403, 404))
def read_webhook(webhook: ReadableWebhook) -> WebhookPublic:
    """One webhook (owners only)."""
    return service.webhook_public(webhook)


@router.patch(ONE, name="webhooks-update", responses=problem_responses(401, 403, 404))
def update_webhook(
    data: WebhookUpdate, webhook: WritableWebhook, db: DbSession, settings: AppSettings
) -> WebhookPublic:
    """Change the URL, events or description, or disable (`enabled: false`) and re-enable the
    webhook. Deliveries of a disabled webhook wait until it is enabled again."""
    return service.update(db, sub=webhook, data=data, settings=settings)


@router.delete(
    ONE,
    name="webhooks-delete",
    status_code=status.HTTP_204_NO_CONTENT,
    responses=problem_responses(401, 403, 404),
)
def delete_webhook(webhook: WritableWebhook, db: DbSession) -> None:
    """Delete the webhook and its delivery log; nothing more is sent to it."""
    service.delete(db, sub=webhook)


@router.post(
    ONE + "/rotate-secret",
    name="webhooks-secret-rotate",
    responses=problem_responses(401, 403, 404),
)
def rotate_secret(webhook: WritableWebhook, db: DbSession) -> WebhookSecret:
    """Replace the signing secret; the new one (shown only here) signs every delivery from now
    on, retries included."""
    return WebhookSecret(secret=service.rotate_secret(db, sub=webhook))


@router.post(
    ONE + "/ping",
    name="webhooks-ping",
    status_code=status.HTTP_202_ACCEPTED,
    responses=problem_responses(401, 403, 404),
)
def ping_webhook(webhook: WritableWebhook, db: DbSession) -> DeliveryPublic:
    """Queue a test delivery (kind `ping`) to this webhook; follow it in the deliveries log."""
    return service.ping(db, sub=webhook)


@router.get(
    ONE + "/deliveries",
    name="webhooks-deliveries-list",
    responses=problem_responses(400, 401, 403, 404),
)
def list_deliveries(
    webhook: ReadableWebhook, db: DbSession, paging: Paging
) -> Page[DeliveryPublic]:
    """The webhook's deliveries, newest first: event id and kind, status, number of attempts,
    and the latest attempt (its answer's status code and first characters, or why there was
    none). Finished deliveries are kept for `WEBHOOK_RETENTION_DAYS` (30 by default)."""
    return service.list_deliveries(db, sub=webhook, paging=paging)


@router.get(
    ONE + "/deliveries/{delivery_id}",
    name="webhooks-deliveries-read",
    responses=problem_responses(401, 403, 404),
)
def read_delivery(
    delivery_id: uuid.UUID, webhook: ReadableWebhook, db: DbSession
) -> DeliveryPublic:
    """One delivery of the webhook and its latest attempt (e.g. to follow a test ping)."""
    return service.delivery_public(*service.get_delivery(db, sub=webhook, delivery_id=delivery_id))


@router.get(
    ONE + "/deliveries/{delivery_id}/attempts",
    name="webhooks-deliveries-attempts-list",
    responses=problem_responses(400, 401, 403, 404),
)
def list_attempts(
    delivery_id: uuid.UUID, webhook: ReadableWebhook, db: DbSession, paging: Paging
) -> Page[AttemptPublic]:
    """Every attempt of one delivery, oldest first: when it started, how long it took, the
    answer's HTTP status and first 2 KB, or why there was no answer (`error_kind`)."""
    return service.list_attempts(db, sub=webhook, delivery_id=delivery_id, paging=paging)
