"""Combining ideas across tables. A member of table A proposes combining A's idea with table B's;
B decides by a majority of its present members (or a facilitator closes the round with the votes
cast, on record). Accepted: a new idea with both parents, which both tables carry forward."""

import uuid

from pydantic import BaseModel
from sqlmodel import Session

from backend.combinations import repository as repo
from backend.combinations.carried import carried_idea
from backend.combinations.errors import (
    AlreadyVoted,
    CombinationClosed,
    CombinationStale,
    NoChosenIdea,
    NotReceivingTable,
    OwnTable,
    ProposalOpen,
    SameIdea,
)
from backend.combinations.events import (
    CombinationDecidedEvent,
    CombinationProposedEvent,
    CombinationVotedEvent,
)
from backend.combinations.schemas import CombinationCount, CombinationCreate
from backend.events.log import record_event
from backend.kit.clock import utcnow
from backend.models import (
    Combination,
    CombinationStatus,
    CombinationVote,
    DecidedBy,
    Idea,
    IdeaParent,
    IdeaSource,
    Participant,
    Phase,
    Workshop,
    WorkshopTable,
)
from backend.reduction.presence import majority_needed, present_members
from backend.tables.errors import TableNotFound
from backend.tables.repository import find_table
from backend.workshops.rules import ensure_phase, ensure_writable


def _open_for_writing(workshop: Workshop) -> None:
    ensure_writable(workshop)
    ensure_phase(workshop, Phase.combine)


def _both_tables(db: Session, combination: Combination, kind: str, payload: BaseModel) -> None:
    for table_id in (combination.proposer_table_id, combination.receiver_table_id):
        record_event(
            db, workshop_id=combination.workshop_id, kind=kind, payload=payload, table_id=table_id
        )


def propose(
    *,
    db: Session,
    workshop: Workshop,
    table: WorkshopTable,
    me: Participant,
    data: CombinationCreate,
) -> Combination:
    _open_for_writing(workshop)
    other = find_table(db, workshop.id, data.table_id)
    if other is None:
        raise TableNotFound()
    if other.id == table.id:
        raise OwnTable()
    mine = carried_idea(db, workshop.id, table.id)
    theirs = carried_idea(db, workshop.id, other.id)
    if mine is None or theirs is None:
        raise NoChosenIdea()
    if mine == theirs:
        raise SameIdea()
    if repo.open_between(db, table.id, other.id) is not None:
        raise ProposalOpen("Wait for that table's decision first")
    combination = Combination(
        workshop_id=workshop.id,
        proposer_table_id=table.id,
        receiver_table_id=other.id,
        proposer_idea_id=mine,
        receiver_idea_id=theirs,
        text=data.text,
        proposed_by_id=me.id,
    )
    db.add(combination)
    db.flush()
    _both_tables(
        db,
        combination,
        "combination.proposed",
        CombinationProposedEvent(
            combination_id=combination.id, proposer_table_id=table.id, receiver_table_id=other.id
        ),
    )
    return combination


def count(
    db: Session, combination: Combination, *, acting: uuid.UUID | None = None
) -> CombinationCount:
    votes = repo.votes_of(db, [combination.id])
    if combination.status != CombinationStatus.open:
        present = combination.present_count
        counted = votes
    else:
        table = db.get(WorkshopTable, combination.receiver_table_id)
        assert table is not None
        _, ids = present_members(db, table, acting=acting)
        present = len(ids)
        counted = [v for v in votes if v.participant_id in ids]
    return CombinationCount(
        accept_present=sum(1 for v in counted if v.accept),
        decline_present=sum(1 for v in counted if not v.accept),
        present=present,
        needed=majority_needed(present),
    )


def vote(
    *, db: Session, workshop: Workshop, combination: Combination, me: Participant, accept: bool
) -> None:
    _open_for_writing(workshop)
    if me.table_id != combination.receiver_table_id:
        raise NotReceivingTable()
    if combination.status != CombinationStatus.open:
        raise CombinationClosed()
    _ensure_current(db, combination)
    if any(v.participant_id == me.id for v in repo.votes_of(db, [combination.id])):
        raise AlreadyVoted()
    db.add(CombinationVote(combination_id=combination.id, participant_id=me.id, accept=accept))
    db.flush()
    tally = count(db, combination, acting=me.id)
    _both_tables(
        db,
        combination,
        "combination.voted",
        CombinationVotedEvent(
            combination_id=combination.id,
            accept_present=tally.accept_present,
            decline_present=tally.decline_present,
            needed=tally.needed,
        ),
    )
    if tally.accept_present >= tally.needed or tally.decline_present >= tally.needed:
        _decide(
            db,
            combination,
            accepted=tally.accept_present >= tally.needed,
            decided_by=DecidedBy.majority,
            present_count=tally.present,
        )


def facilitator_close(
    *, db: Session, workshop: Workshop, combination: Combination, user_id: uuid.UUID
) -> None:
    """When time is up: decided by the votes cast so far (more accepts than declines). A
    proposal whose ideas have changed since (a table combined elsewhere) can only close declined."""
    _open_for_writing(workshop)
    if combination.status != CombinationStatus.open:
        raise CombinationClosed()
    votes = repo.votes_of(db, [combination.id])
    accepts = sum(1 for v in votes if v.accept)
    accepted = accepts > len(votes) - accepts and _is_current(db, combination)
    tally = count(db, combination)
    _decide(
        db,
        combination,
        accepted=accepted,
        decided_by=DecidedBy.facilitator,
        present_count=tally.present,
        user_id=user_id,
    )


def _is_current(db: Session, combination: Combination) -> bool:
    """Both tables still carry the ideas the proposal was made for."""
    w = combination.workshop_id
    return (
        carried_idea(db, w, combination.proposer_table_id) == combination.proposer_idea_id
        and carried_idea(db, w, combination.receiver_table_id) == combination.receiver_idea_id
    )


def _ensure_current(db: Session, combination: Combination) -> None:
    if not _is_current(db, combination):
        raise CombinationStale()


def _decide(
    db: Session,
    combination: Combination,
    *,
    accepted: bool,
    decided_by: DecidedBy,
    present_count: int,
    user_id: uuid.UUID | None = None,
) -> None:
    now = utcnow()
    if accepted:
        idea = Idea(
            workshop_id=combination.workshop_id,
            table_id=combination.proposer_table_id,
            entered_by_participant_id=combination.proposed_by_id,
            source=IdeaSource.combined,
            text=combination.text,
        )
        db.add(idea)
        db.flush()
        for parent in (combination.proposer_idea_id, combination.receiver_idea_id):
            db.add(IdeaParent(child_id=idea.id, parent_id=parent))
        combination.combined_idea_id = idea.id
    combination.status = CombinationStatus.accepted if accepted else CombinationStatus.declined
    combination.decided_by = decided_by.value
    combination.decided_by_user_id = user_id
    combination.present_count = present_count
    combination.decided_at = now
    db.add(combination)
    db.flush()
    _both_tables(
        db,
        combination,
        "combination.decided",
        CombinationDecidedEvent(
            combination_id=combination.id,
            status=combination.status,
            decided_by=decided_by,
            combined_idea_id=combination.combined_idea_id,
        ),
    )
