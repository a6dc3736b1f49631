"""Every query of the webhooks slice, scoped to one organisation (and one subscription)."""

import uuid

from sqlmodel import Session, col, select
from sqlmodel.sql.expression import SelectOfScalar

from backend.kit.pagination import InvalidCursor
from backend.models import WebhookDelivery, WebhookEvent, WebhookSubscription


def subscriptions_of(organisation_id: uuid.UUID) -> SelectOfScalar[WebhookSubscription]:
    return select(WebhookSubscription).where(WebhookSubscription.organisation_id == organisation_id)


def subscription_of(
    db: Session, *, organisation_id: uuid.UUID, subscription_id: uuid.UUID
) -> WebhookSubscription | None:
    return db.exec(
        subscriptions_of(organisation_id).where(WebhookSubscription.id == subscription_id)
    ).first()


def deliveries_page(
    db: Session, *, subscription_id: uuid.UUID, cursor: str | None, limit: int
) -> tuple[list[tuple[WebhookDelivery, WebhookEvent]], str | None]:
    """Newest first; the cursor is the last delivery's sequence number."""
    stmt = (
        select(WebhookDelivery, WebhookEvent)
        .join(WebhookEvent, col(WebhookEvent.id) == WebhookDelivery.event_id)
        .where(WebhookDelivery.subscription_id == subscription_id)
    )
    if cursor:
        if not cursor.isdigit() or len(cursor) > 18:
            raise InvalidCursor("Use the next_cursor value from the previous page")
        stmt = stmt.where(WebhookDelivery.seq < int(cursor))
    rows = [
        (row[0], row[1])
        for row in db.exec(stmt.order_by(col(WebhookDelivery.seq).desc()).limit(limit + 1)).all()
    ]
    if len(rows) <= limit:
        return rows, None
    rows = rows[:limit]
    return rows, str(rows[-1][0].seq)
