"""Checks and records shared by both tables' rounds: the phase, where a proposal stands, whether
both tables still carry the ideas it was made for, and events for the tables concerned."""

from pydantic import BaseModel
from sqlmodel import Session

from backend.combinations.carried import carried_idea
from backend.combinations.errors import (
    CombinationClosed,
    CombinationNotSent,
    CombinationSent,
    CombinationStale,
    CombinationWithdrawn,
)
from backend.events.log import record_event
from backend.models import Combination, CombinationStatus, Phase, Workshop
from backend.workshops.rules import ensure_phase, ensure_writable


def open_for_writing(workshop: Workshop) -> None:
    ensure_writable(workshop)
    ensure_phase(workshop, Phase.combine)


def ensure_status(combination: Combination, expected: CombinationStatus) -> None:
    """The proposal is at `expected` (draft or open), or a 409 that says where it is instead."""
    found = combination.status
    if found == expected:
        return
    if found == CombinationStatus.withdrawn:
        raise CombinationWithdrawn()
    if found in (CombinationStatus.accepted, CombinationStatus.declined):
        raise CombinationClosed()
    if found == CombinationStatus.open:
        raise CombinationSent()
    raise CombinationNotSent()


def is_current(db: Session, combination: Combination) -> bool:
    """Both tables still carry the ideas the proposal was made for."""
    w = combination.workshop_id
    return (
        carried_idea(db, w, combination.proposer_table_id) == combination.proposer_idea_id
        and carried_idea(db, w, combination.receiver_table_id) == combination.receiver_idea_id
    )


def ensure_current(db: Session, combination: Combination) -> None:
    if not is_current(db, combination):
        raise CombinationStale()


def tell_tables(
    db: Session,
    combination: Combination,
    kind: str,
    payload: BaseModel,
    *,
    proposer_only: bool = False,
) -> None:
    """Record the event for the proposing table, and for the receiving one once it was sent."""
    tables = [combination.proposer_table_id]
    if combination.sent_at is not None and not proposer_only:
        tables.append(combination.receiver_table_id)
    for table_id in tables:
        record_event(
            db, workshop_id=combination.workshop_id, kind=kind, payload=payload, table_id=table_id
        )
