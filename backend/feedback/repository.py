"""Every query of the feedback slice, scoped to a participant or a workshop."""

import uuid

from sqlalchemy import func
from sqlmodel import Session, col, select

from backend.models import SessionFeedback


def feedback_of(db: Session, participant_id: uuid.UUID) -> SessionFeedback | None:
    return db.exec(
        select(SessionFeedback).where(SessionFeedback.participant_id == participant_id)
    ).first()


def workshop_feedback(db: Session, workshop_id: uuid.UUID) -> list[SessionFeedback]:
    # Ordered by the random id: the comments' order says nothing about who wrote them or when.
    return list(
        db.exec(
            select(SessionFeedback)
            .where(SessionFeedback.workshop_id == workshop_id)
            .order_by(col(SessionFeedback.id))
        ).all()
    )


def response_count(db: Session, workshop_id: uuid.UUID) -> int:
    return db.exec(
        select(func.count())
        .select_from(SessionFeedback)
        .where(SessionFeedback.workshop_id == workshop_id)
    ).one()
