"""Who sees which event, decided each time a stream reads the log (so moves and removals count
at once): facilitators of the session see everything; a participant sees `session` events and the
`table` events of the table they sit at *now*; `facilitators` events never reach participants."""

import uuid
from dataclasses import dataclass, field

from sqlalchemy import ColumnElement, and_, or_, true
from sqlalchemy.engine import Engine
from sqlmodel import Session, col, select

from backend.models import (
    Audience,
    Membership,
    Participant,
    ParticipantDevice,
    ParticipantStatus,
    SessionEvent,
    Workshop,
)

BATCH_SIZE = 500


@dataclass(frozen=True)
class Viewer:
    workshop_id: uuid.UUID
    user_id: uuid.UUID | None = None  # a facilitator
    participant_id: uuid.UUID | None = None
    device_id: uuid.UUID | None = None


@dataclass
class Batch:
    events: list[SessionEvent] = field(default_factory=list)
    head: int = 0  # every event up to here has been considered
    table_id: uuid.UUID | None = None


def visible_to_table(table_id: uuid.UUID | None) -> ColumnElement[bool]:
    session_wide = col(SessionEvent.audience) == Audience.session
    if table_id is None:
        return session_wide
    return or_(
        session_wide,
        and_(col(SessionEvent.audience) == Audience.table, col(SessionEvent.table_id) == table_id),
    )


def _participant_table(db: Session, viewer: Viewer) -> tuple[bool, uuid.UUID | None]:
    """(still allowed to listen, current table)."""
    participant = db.get(Participant, viewer.participant_id)
    if participant is None or participant.status == ParticipantStatus.removed:
        return False, None
    device = db.get(ParticipantDevice, viewer.device_id)
    if device is None or device.revoked_at is not None:
        return False, None
    return True, participant.table_id


def _facilitator_allowed(db: Session, viewer: Viewer, workshop: Workshop) -> bool:
    return (
        db.exec(
            select(Membership.user_id).where(
                Membership.user_id == viewer.user_id,
                Membership.organisation_id == workshop.organisation_id,
            )
        ).first()
        is not None
    )


def read_batch(engine: Engine, viewer: Viewer, after: int) -> Batch | None:
    """The events after `after` this viewer may see now, in order; None when they may no longer
    listen at all (removed, signed out, lost access, session archived for participants)."""
    with Session(engine) as db:
        workshop = db.get(Workshop, viewer.workshop_id)
        if workshop is None:
            return None
        # Read the head first: every event up to it is committed (see backend/events/log.py).
        head = workshop.event_seq
        table_id = None
        if viewer.participant_id is not None:
            allowed, table_id = _participant_table(db, viewer)
            if not allowed or workshop.archived_at is not None:
                return None
            audience = visible_to_table(table_id)
        else:
            if not _facilitator_allowed(db, viewer, workshop):
                return None
            audience = true()
        events = list(
            db.exec(
                select(SessionEvent)
                .where(
                    SessionEvent.workshop_id == viewer.workshop_id,
                    col(SessionEvent.seq) > after,
                    col(SessionEvent.seq) <= head,
                    audience,
                )
                .order_by(col(SessionEvent.seq))
                .limit(BATCH_SIZE)
            ).all()
        )
        if len(events) == BATCH_SIZE:
            head = events[-1].seq
        return Batch(events=events, head=max(head, after), table_id=table_id)
