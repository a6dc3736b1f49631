"""Combining ideas across tables. A member of table A drafts a proposal to combine A's idea with
table B's; it reaches B once A's present members agree (see `proposing.py`). B decides by a
majority of its present members (or a facilitator closes B's round with the votes cast, on
record). Accepted: a new idea with both parents, which both tables carry forward."""

import uuid

from sqlalchemy.exc import IntegrityError
from sqlmodel import Session

from backend.combinations import repository as repo
from backend.combinations.carried import carried_idea
from backend.combinations.errors import (
    AlreadyVoted,
    NoChosenIdea,
    NotReceivingTable,
    OwnTable,
    ProposalOpen,
    SameIdea,
)
from backend.combinations.events import (
    CombinationDecidedEvent,
    CombinationDraftedEvent,
    CombinationVotedEvent,
)
from backend.combinations.proposing import agree
from backend.combinations.rules import (
    ensure_current,
    ensure_status,
    is_current,
    open_for_writing,
    tell_tables,
)
from backend.combinations.schemas import CombinationCount, CombinationCreate
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
    Workshop,
    WorkshopTable,
)
from backend.models.combinations import SupportPurpose, pair_key
from backend.reduction.presence import majority_needed, present_members
from backend.tables.errors import TableNotFound
from backend.tables.repository import find_table


def propose(
    *,
    db: Session,
    workshop: Workshop,
    table: WorkshopTable,
    me: Participant,
    data: CombinationCreate,
) -> Combination:
    """Draft a proposal (its drafter supports it): sent at once when that is already a majority."""
    open_for_writing(workshop)
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
    combination = Combination(
        workshop_id=workshop.id,
        proposer_table_id=table.id,
        receiver_table_id=other.id,
        pair_key=pair_key((table.id, mine), (other.id, theirs)),
        proposer_idea_id=mine,
        receiver_idea_id=theirs,
        text=data.text,
        proposed_by_id=me.id,
    )
    try:
        with db.begin_nested():
            db.add(combination)
            db.flush()
    except IntegrityError as exc:  # the partial unique index: one live proposal per pair
        raise ProposalOpen("Wait until the open proposal is decided or withdrawn") from exc
    tell_tables(
        db,
        combination,
        "combination.drafted",
        CombinationDraftedEvent(
            combination_id=combination.id, proposer_table_id=table.id, receiver_table_id=other.id
        ),
    )
    agree(db, combination, me, SupportPurpose.send)
    return combination


def count(
    db: Session, combination: Combination, *, acting: uuid.UUID | None = None
) -> CombinationCount:
    """The receiving table's votes: live while open, as they stood when it was decided after."""
    votes = repo.votes_of(db, [combination.id])
    if combination.status in (CombinationStatus.accepted, CombinationStatus.declined):
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
    open_for_writing(workshop)
    if me.table_id != combination.receiver_table_id:
        raise NotReceivingTable()
    ensure_status(combination, CombinationStatus.open)
    ensure_current(db, combination)
    if any(v.participant_id == me.id for v in repo.votes_of(db, [combination.id])):
        raise AlreadyVoted()
    db.add(CombinationVote(combination_id=combination.id, participant_id=me.id, accept=accept))
    db.flush()
    tally = count(db, combination, acting=me.id)
    tell_tables(
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
    open_for_writing(workshop)
    ensure_status(combination, CombinationStatus.open)
    votes = repo.votes_of(db, [combination.id])
    accepts = sum(1 for v in votes if v.accept)
    accepted = accepts > len(votes) - accepts and is_current(db, combination)
    tally = count(db, combination)
    _decide(
        db,
        combination,
        accepted=accepted,
        decided_by=DecidedBy.facilitator,
        present_count=tally.present,
        user_id=user_id,
    )


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
    tell_tables(
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
