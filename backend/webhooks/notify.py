"""Webhook events about initiatives and their outcomes, queued in the caller's transaction.

Only about published sessions (nothing of an unpublished session leaves it) and never with
personal data: ids, statuses, values and dates. An initiative changed several times in one
transaction is announced once."""

import uuid
from datetime import date, datetime

from pydantic import BaseModel
from sqlmodel import Session

from backend.kit.clock import utcnow
from backend.models import Initiative, InitiativeStatus, OutcomeIndicator, OutcomeMeasurement
from backend.publishing.service import is_published
from backend.webhooks.outbox import enqueue

ANNOUNCED_KEY = "cyd_initiatives_announced"


class InitiativeUpdated(BaseModel):
    """`initiative.updated`"""

    initiative_id: uuid.UUID
    session_id: uuid.UUID
    status: InitiativeStatus
    updated_at: datetime


class OutcomeMeasured(BaseModel):
    """`outcome.measured`"""

    initiative_id: uuid.UUID
    indicator_id: uuid.UUID
    measurement_id: uuid.UUID
    value: float
    unit: str
    measured_at: date


def initiative_updated(db: Session, initiative: Initiative) -> None:
    announced: set[uuid.UUID] = db.info.setdefault(ANNOUNCED_KEY, set())
    if initiative.id in announced or not is_published(db, initiative.workshop_id):
        return
    announced.add(initiative.id)
    enqueue(
        db,
        organisation_id=initiative.organisation_id,
        kind="initiative.updated",
        payload=InitiativeUpdated(
            initiative_id=initiative.id,
            session_id=initiative.workshop_id,
            status=initiative.status,
            updated_at=utcnow(),
        ),
    )


def outcome_measured(
    db: Session,
    initiative: Initiative,
    indicator: OutcomeIndicator,
    measurement: OutcomeMeasurement,
) -> None:
    if not is_published(db, initiative.workshop_id):
        return
    enqueue(
        db,
        organisation_id=initiative.organisation_id,
        kind="outcome.measured",
        payload=OutcomeMeasured(
            initiative_id=initiative.id,
            indicator_id=indicator.id,
            measurement_id=measurement.id,
            value=measurement.value,
            unit=measurement.unit,
            measured_at=measurement.measured_on,
        ),
    )
