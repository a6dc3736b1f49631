"""Table A's rounds. A draft goes to the other table once more than half of A's present members
support sending it (drafting it is supporting it), or when a facilitator closes A's round as time
is up (on record). Until then its drafter may withdraw it. Once sent, and until the other table
decides, A withdraws it by the same majority; the other table's pending vote then ends."""

import uuid

from sqlmodel import Session

from backend.combinations import repository as repo
from backend.combinations.errors import NotDrafter, NotProposingTable
from backend.combinations.events import (
    CombinationProposedEvent,
    CombinationSupportChangedEvent,
    CombinationWithdrawnEvent,
)
from backend.combinations.rules import (
    ensure_current,
    ensure_status,
    open_for_writing,
    tell_tables,
)
from backend.combinations.schemas import SupportCount
from backend.kit.clock import utcnow
from backend.models import (
    Combination,
    CombinationStatus,
    DecidedBy,
    Participant,
    Workshop,
    WorkshopTable,
)
from backend.models.combinations import CombinationSupport, SupportPurpose, WithdrawnBy
from backend.reduction.presence import majority_needed, present_members


def support_count(
    db: Session, combination: Combination, purpose: SupportPurpose, *, acting: uuid.UUID | None
) -> SupportCount:
    table = db.get(WorkshopTable, combination.proposer_table_id)
    assert table is not None
    _, present = present_members(db, table, acting=acting)
    supporting = [
        s for s in repo.supports_of(db, combination.id, purpose) if s.participant_id in present
    ]
    return SupportCount(
        purpose=purpose,
        supporting_present=len(supporting),
        present=len(present),
        needed=majority_needed(len(present)),
    )


def _ensure_proposer(combination: Combination, me: Participant) -> None:
    if me.table_id != combination.proposer_table_id:
        raise NotProposingTable()


def agree(db: Session, combination: Combination, me: Participant, purpose: SupportPurpose) -> None:
    """Record the member's support (once) and close A's round when a majority supports it."""
    if not any(s.participant_id == me.id for s in repo.supports_of(db, combination.id, purpose)):
        db.add(
            CombinationSupport(combination_id=combination.id, participant_id=me.id, purpose=purpose)
        )
        db.flush()
    tally = _announce(db, combination, purpose, me)
    if tally.supporting_present < tally.needed:
        return
    if purpose == SupportPurpose.send:
        _send(db, combination, sent_by=DecidedBy.majority, present=tally.present)
    else:
        _withdraw(db, combination, by=WithdrawnBy.majority, present=tally.present)


def _announce(
    db: Session, combination: Combination, purpose: SupportPurpose, me: Participant
) -> SupportCount:
    tally = support_count(db, combination, purpose, acting=me.id)
    record = CombinationSupportChangedEvent(
        combination_id=combination.id,
        purpose=purpose,
        supporting_present=tally.supporting_present,
        needed=tally.needed,
    )
    tell_tables(db, combination, "combination.support_changed", record, proposer_only=True)
    return tally


def _drop(db: Session, combination: Combination, me: Participant, purpose: SupportPurpose) -> None:
    """Take back the member's support; without one nothing changes."""
    mine = [s for s in repo.supports_of(db, combination.id, purpose) if s.participant_id == me.id]
    if not mine:
        return
    for support in mine:
        db.delete(support)
    db.flush()
    _announce(db, combination, purpose, me)


def support(*, db: Session, workshop: Workshop, combination: Combination, me: Participant) -> None:
    open_for_writing(workshop)
    _ensure_proposer(combination, me)
    ensure_status(combination, CombinationStatus.draft)
    ensure_current(db, combination)
    agree(db, combination, me, SupportPurpose.send)


def unsupport(
    *, db: Session, workshop: Workshop, combination: Combination, me: Participant
) -> None:
    open_for_writing(workshop)
    _ensure_proposer(combination, me)
    ensure_status(combination, CombinationStatus.draft)
    _drop(db, combination, me, SupportPurpose.send)


def withdraw(*, db: Session, workshop: Workshop, combination: Combination, me: Participant) -> None:
    """The drafter withdraws a draft at once; a sent proposal needs A's majority."""
    open_for_writing(workshop)
    _ensure_proposer(combination, me)
    if combination.status == CombinationStatus.draft:
        if combination.proposed_by_id != me.id:
            raise NotDrafter()
        _withdraw(db, combination, by=WithdrawnBy.drafter, present=0)
        return
    ensure_status(combination, CombinationStatus.open)
    agree(db, combination, me, SupportPurpose.withdraw)


def keep(*, db: Session, workshop: Workshop, combination: Combination, me: Participant) -> None:
    """The member no longer supports withdrawing the sent proposal."""
    open_for_writing(workshop)
    _ensure_proposer(combination, me)
    ensure_status(combination, CombinationStatus.open)
    _drop(db, combination, me, SupportPurpose.withdraw)


def facilitator_send(
    *, db: Session, workshop: Workshop, combination: Combination, user_id: uuid.UUID
) -> None:
    """Time is up: a facilitator closes A's round and the draft goes to the other table, which
    still decides for itself (as closing a table's choosing round confirms its proposal)."""
    open_for_writing(workshop)
    ensure_status(combination, CombinationStatus.draft)
    ensure_current(db, combination)
    tally = support_count(db, combination, SupportPurpose.send, acting=None)
    _send(db, combination, sent_by=DecidedBy.facilitator, present=tally.present, user_id=user_id)


def _send(
    db: Session,
    combination: Combination,
    *,
    sent_by: DecidedBy,
    present: int,
    user_id: uuid.UUID | None = None,
) -> None:
    combination.status = CombinationStatus.open
    combination.sent_by = sent_by.value
    combination.sent_by_user_id = user_id
    combination.sender_present_count = present
    combination.sent_at = utcnow()
    db.add(combination)
    db.flush()
    tell_tables(
        db,
        combination,
        "combination.proposed",
        CombinationProposedEvent(
            combination_id=combination.id,
            proposer_table_id=combination.proposer_table_id,
            receiver_table_id=combination.receiver_table_id,
            sent_by=sent_by,
        ),
    )


def _withdraw(db: Session, combination: Combination, *, by: WithdrawnBy, present: int) -> None:
    combination.status = CombinationStatus.withdrawn
    combination.withdrawn_by = by.value
    combination.withdrawn_present_count = present
    combination.withdrawn_at = utcnow()
    db.add(combination)
    db.flush()
    tell_tables(
        db,
        combination,
        "combination.withdrawn",
        CombinationWithdrawnEvent(
            combination_id=combination.id,
            withdrawn_by=by,
            was_sent=combination.sent_at is not None,
        ),
    )
