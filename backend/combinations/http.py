"""Route plumbing: a combination the calling table made or received, or one of a session."""

import uuid
from typing import Annotated

from fastapi import Depends, Path

from backend.combinations import repository as repo
from backend.combinations.errors import CombinationNotFound
from backend.deps import DbSession
from backend.ideas.http import MySeat
from backend.models import Combination
from backend.workshops.access import SessionsReader, SessionsWriter

ReadAccess = SessionsReader
WriteAccess = SessionsWriter
CombinationId = Annotated[uuid.UUID, Path(description="A combination proposal")]


def _involving_my_table(
    seat: MySeat, db: DbSession, combination_id: uuid.UUID, *, for_update: bool
) -> Combination:
    """The receiving table sees a proposal only once the proposing table has sent it."""
    found = repo.find_combination(db, seat.workshop.id, combination_id, for_update=for_update)
    if found is None:
        raise CombinationNotFound()
    received = seat.table.id == found.receiver_table_id and found.sent_at is not None
    if seat.table.id != found.proposer_table_id and not received:
        raise CombinationNotFound()
    return found


def _seat_combination(seat: MySeat, db: DbSession, combination_id: CombinationId) -> Combination:
    return _involving_my_table(seat, db, combination_id, for_update=False)


def _seat_combination_locked(
    seat: MySeat, db: DbSession, combination_id: CombinationId
) -> Combination:
    """Locked until commit: votes, support and withdrawal on one proposal are counted one at a
    time (PostgreSQL; SQLite writes one at a time anyway)."""
    return _involving_my_table(seat, db, combination_id, for_update=True)


def _session_combination(
    access: WriteAccess, db: DbSession, combination_id: CombinationId
) -> Combination:
    found = repo.find_combination(db, access.workshop.id, combination_id, for_update=True)
    if found is None:
        raise CombinationNotFound()
    return found


SeatCombination = Annotated[Combination, Depends(_seat_combination)]
SeatCombinationForUpdate = Annotated[Combination, Depends(_seat_combination_locked)]
SessionCombination = Annotated[Combination, Depends(_session_combination)]
