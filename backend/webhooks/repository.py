"""Every query of the webhooks slice, scoped to one organisation (and one subscription)."""

import uuid
from typing import Any

from sqlalchemy import and_
from sqlmodel import Session, col, select
from sqlmodel.sql.expression import SelectOfScalar

from backend.kit.pagination import InvalidCursor
from backend.models import WebhookDelivery, WebhookEvent, WebhookSubscription
from backend.models.webhooks import WebhookAttempt

# A delivery, its event, and its latest attempt (none before the first).
LoggedDelivery = tuple[WebhookDelivery, WebhookEvent, WebhookAttempt | None]


def subscriptions_of(organisation_id: uuid.UUID) -> SelectOfScalar[WebhookSubscription]:
    return select(WebhookSubscription).where(WebhookSubscription.organisation_id == organisation_id)


def subscription_of(
    db: Session, *, organisation_id: uuid.UUID, subscription_id: uuid.UUID
) -> WebhookSubscription | None:
    return db.exec(
        subscriptions_of(organisation_id).where(WebhookSubscription.id == subscription_id)
    ).first()


def _logged_deliveries(subscription_id: uuid.UUID) -> Any:
    return (
        select(WebhookDelivery, WebhookEvent, WebhookAttempt)
        .join(WebhookEvent, col(WebhookEvent.id) == WebhookDelivery.event_id)
        .outerjoin(
            WebhookAttempt,
            and_(
                col(WebhookAttempt.delivery_id) == WebhookDelivery.id,
                col(WebhookAttempt.number) == WebhookDelivery.attempts,
            ),
        )
        .where(WebhookDelivery.subscription_id == subscription_id)
    )


def _number_cursor(cursor: str) -> int:
    if not cursor.isdigit() or len(cursor) > 18:
        raise InvalidCursor("Use the next_cursor value from the previous page")
    return int(cursor)


def deliveries_page(
    db: Session, *, subscription_id: uuid.UUID, cursor: str | None, limit: int
) -> tuple[list[LoggedDelivery], str | None]:
    """Newest first; the cursor is the last delivery's sequence number."""
    stmt = _logged_deliveries(subscription_id)
    if cursor:
        stmt = stmt.where(WebhookDelivery.seq < _number_cursor(cursor))
    rows: list[LoggedDelivery] = [
        (row[0], row[1], row[2])
        for row in db.exec(stmt.order_by(col(WebhookDelivery.seq).desc()).limit(limit + 1)).all()
    ]
    if len(rows) <= limit:
        return rows, None
    rows = rows[:limit]
    return rows, str(rows[-1][0].seq)


def delivery_of(
    db: Session, *, subscription_id: uuid.UUID, delivery_id: uuid.UUID
) -> LoggedDelivery | None:
    row = db.exec(
        _logged_deliveries(subscription_id).where(WebhookDelivery.id == delivery_id)
    ).first()
    return None if row is None else (row[0], row[1], row[2])


def attempts_page(
    db: Session, *, delivery_id: uuid.UUID, cursor: str | None, limit: int
) -> tuple[list[WebhookAttempt], str | None]:
    """Oldest first; the cursor is the last attempt's number."""
    stmt = select(WebhookAttempt).where(WebhookAttempt.delivery_id == delivery_id)
    if cursor:
        stmt = stmt.where(WebhookAttempt.number > _number_cursor(cursor))
    rows = list(db.exec(stmt.order_by(col(WebhookAttempt.number)).limit(limit + 1)).all())
    if len(rows) <= limit:
        return rows, None
    rows = rows[:limit]
    return rows, str(rows[-1].number)
