"""Who counts as present at a table, for "a majority of the table's present members agree".

One function, so the source can be swapped. Today a member is present when either
- they have a live event stream open (or are within its reconnect grace), as the events broker
  reports (`Broker.present_participant_ids`, across processes with Redis), or
- one of their devices made a request in the last `RECENTLY_SEEN` (a phone that votes over plain
  HTTP without a stream, e.g. behind a proxy that breaks SSE; `last_seen_at` is refreshed at most
  every 5 minutes by backend/auth/participant.py, so 10 minutes always covers an active device).
The member acting right now is always present.
"""

import uuid
from datetime import timedelta
from typing import Any

from sqlmodel import Session, col, select

from backend.events.notify import BROKER_KEY
from backend.kit.clock import utcnow
from backend.models import Participant, ParticipantDevice, WorkshopTable
from backend.reduction import repository as repo

RECENTLY_SEEN = timedelta(minutes=10)


def present_ids(db: Session, workshop_id: uuid.UUID, candidates: set[uuid.UUID]) -> set[uuid.UUID]:
    """Which of `candidates` (participants of the workshop) are present now: two lookups at most,
    whatever the number of tables."""
    present: set[uuid.UUID] = set()
    broker: Any = db.info.get(BROKER_KEY)
    if broker is not None:
        present |= set(broker.present_participant_ids(workshop_id)) & candidates
    if candidates - present:
        seen = db.exec(
            select(ParticipantDevice.participant_id).where(
                col(ParticipantDevice.participant_id).in_(candidates - present),
                col(ParticipantDevice.revoked_at).is_(None),
                col(ParticipantDevice.last_seen_at) >= utcnow() - RECENTLY_SEEN,
            )
        ).all()
        present |= set(seen)
    return present


def present_members(
    db: Session, table: WorkshopTable, *, acting: uuid.UUID | None = None
) -> tuple[list[Participant], set[uuid.UUID]]:
    """(the table's members, the ids of those present)."""
    members = repo.members_of(db, table.id)
    ids = {m.id for m in members}
    present = present_ids(db, table.workshop_id, ids)
    if acting is not None and acting in ids:
        present.add(acting)
    return members, present


def majority_needed(present_count: int) -> int:
    """More than half of the present members (at least one)."""
    return present_count // 2 + 1
