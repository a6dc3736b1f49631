"""What a session feed reads from the database in one go (in a worker thread): the next events of
the log, already framed, and who of its listeners may still listen and at which table."""

import uuid
from dataclasses import dataclass, field

from sqlalchemy.engine import Engine
from sqlmodel import Session, col, select

from backend.events.visibility import BATCH_SIZE
from backend.events.wire import event_frame
from backend.models import (
    Audience,
    Membership,
    Participant,
    ParticipantDevice,
    ParticipantStatus,
    SessionEvent,
    Workshop,
)

# Events after which the feed re-reads who may listen before handing them out.
ACCESS_KINDS = frozenset({"seat.changed", "participant.access_ended"})


@dataclass(frozen=True)
class FramedEvent:
    seq: int
    audience: Audience
    table_id: uuid.UUID | None
    frame: str


@dataclass
class FeedRead:
    events: list[FramedEvent] = field(default_factory=list)
    head: int = 0  # every event up to here has been read
    full: bool = False  # more events wait beyond `head`
    access: "Access | None" = None  # who may listen now; None when not checked this time
    open_to_participants: bool = True  # false once the session is archived


@dataclass
class Access:
    seats: dict[uuid.UUID, uuid.UUID | None] = field(default_factory=dict)
    """Devices whose participant may still listen → the table they sit at now."""
    facilitators: set[uuid.UUID] = field(default_factory=set)
    """Users who may still listen (members of the session's organisation)."""


def read_feed(
    engine: Engine,
    workshop_id: uuid.UUID,
    *,
    after: int,
    device_ids: set[uuid.UUID],
    user_ids: set[uuid.UUID],
    check_access: bool,
) -> FeedRead | None:
    """None when the session no longer exists. Who may listen is read when `check_access` or
    when the new events include one that changes it (a move, a sign-out)."""
    with Session(engine) as db:
        workshop = db.get(Workshop, workshop_id)
        if workshop is None:
            return None
        # Read the head first: every event up to it is committed (see backend/events/log.py).
        head = workshop.event_seq
        rows = db.exec(
            select(SessionEvent)
            .where(
                SessionEvent.workshop_id == workshop_id,
                col(SessionEvent.seq) > after,
                col(SessionEvent.seq) <= head,
            )
            .order_by(col(SessionEvent.seq))
            .limit(BATCH_SIZE)
        ).all()
        full = len(rows) == BATCH_SIZE
        read = FeedRead(
            events=[FramedEvent(e.seq, e.audience, e.table_id, event_frame(e)) for e in rows],
            head=rows[-1].seq if full else max(head, after),
            full=full,
            open_to_participants=workshop.archived_at is None,
        )
        if check_access or any(event.kind in ACCESS_KINDS for event in rows):
            read.access = Access(
                seats=_seats(db, workshop_id, device_ids) if device_ids else {},
                facilitators=_facilitators(db, workshop.organisation_id, user_ids)
                if user_ids
                else set(),
            )
        return read


def _facilitators(
    db: Session, organisation_id: uuid.UUID, user_ids: set[uuid.UUID]
) -> set[uuid.UUID]:
    return set(
        db.exec(
            select(Membership.user_id).where(
                Membership.organisation_id == organisation_id,
                col(Membership.user_id).in_(user_ids),
            )
        ).all()
    )


def _seats(
    db: Session, workshop_id: uuid.UUID, device_ids: set[uuid.UUID]
) -> dict[uuid.UUID, uuid.UUID | None]:
    rows = db.exec(
        select(ParticipantDevice.id, Participant.table_id)
        .join(Participant, col(Participant.id) == ParticipantDevice.participant_id)
        .where(
            col(ParticipantDevice.id).in_(device_ids),
            col(ParticipantDevice.revoked_at).is_(None),
            Participant.workshop_id == workshop_id,
            Participant.status != ParticipantStatus.removed,
        )
    ).all()
    return {device_id: table_id for device_id, table_id in rows}
