"""What a session feed reads from the database in one go (in a worker thread): the next events of
the log, already framed, and who of its listeners may still listen and at which table.

This runs for every stretch of new events of every live session, so it uses SQLAlchemy Core
statements built once (their compiled form is cached) on a plain connection: no ORM objects."""

import uuid
from dataclasses import dataclass, field

from sqlalchemy import bindparam, select
from sqlalchemy.engine import Connection, Engine

from backend.events.visibility import BATCH_SIZE
from backend.events.wire import frame
from backend.models import (
    Audience,
    Membership,
    Participant,
    ParticipantDevice,
    ParticipantStatus,
    SessionEvent,
    Workshop,
)
from backend.models.base import table_of

# Events after which the feed re-reads who may listen before handing them out.
ACCESS_KINDS = frozenset({"seat.changed", "participant.access_ended"})

_workshops = table_of(Workshop).c
_events = table_of(SessionEvent).c
_devices = table_of(ParticipantDevice).c
_participants = table_of(Participant).c
_memberships = table_of(Membership).c

_WORKSHOP = select(_workshops.event_seq, _workshops.archived_at, _workshops.organisation_id).where(
    _workshops.id == bindparam("workshop_id")
)
_EVENTS = (
    select(
        _events.seq,
        _events.kind,
        _events.audience,
        _events.table_id,
        _events.created_at,
        _events.payload,
    )
    .where(
        _events.workshop_id == bindparam("workshop_id"),
        _events.seq > bindparam("after"),
        _events.seq <= bindparam("head"),
    )
    .order_by(_events.seq)
    .limit(BATCH_SIZE)
)
_SEATS = (
    select(_devices.id, _participants.table_id)
    .join(table_of(Participant), _participants.id == _devices.participant_id)
    .where(
        _devices.id.in_(bindparam("device_ids", expanding=True)),
        _devices.revoked_at.is_(None),
        _participants.workshop_id == bindparam("workshop_id"),
        _participants.status != ParticipantStatus.removed,
    )
)
_FACILITATORS = select(_memberships.user_id).where(
    _memberships.organisation_id == bindparam("organisation_id"),
    _memberships.user_id.in_(bindparam("user_ids", expanding=True)),
)


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
    with engine.connect() as connection:
        workshop = connection.execute(_WORKSHOP, {"workshop_id": workshop_id}).first()
        if workshop is None:
            return None
        # Read the head first: every event up to it is committed (see backend/events/log.py).
        head = workshop.event_seq
        rows = connection.execute(
            _EVENTS, {"workshop_id": workshop_id, "after": after, "head": head}
        ).all()
        full = len(rows) == BATCH_SIZE
        read = FeedRead(
            events=[
                FramedEvent(
                    row.seq,
                    Audience(row.audience),
                    row.table_id,
                    frame(
                        seq=row.seq,
                        kind=row.kind,
                        table_id=row.table_id,
                        created_at=row.created_at,
                        payload=row.payload,
                    ),
                )
                for row in rows
            ],
            head=rows[-1].seq if full else max(head, after),
            full=full,
            open_to_participants=workshop.archived_at is None,
        )
        if check_access or any(row.kind in ACCESS_KINDS for row in rows):
            read.access = Access(
                seats=_seats(connection, workshop_id, device_ids) if device_ids else {},
                facilitators=set(
                    connection.execute(
                        _FACILITATORS,
                        {"organisation_id": workshop.organisation_id, "user_ids": list(user_ids)},
                    ).scalars()
                )
                if user_ids
                else set(),
            )
        return read


def _seats(
    connection: Connection, workshop_id: uuid.UUID, device_ids: set[uuid.UUID]
) -> dict[uuid.UUID, uuid.UUID | None]:
    rows = connection.execute(
        _SEATS, {"workshop_id": workshop_id, "device_ids": list(device_ids)}
    ).all()
    return {device_id: table_id for device_id, table_id in rows}
