"""Tables decide for themselves: closing a round by a majority of the present members (or by a
facilitator when time is up), the shortlist with its tie-breaks, and the choice."""

import uuid

from sqlmodel import Session

from backend.events.log import record_event
from backend.kit.clock import utcnow
from backend.models import (
    DecidedBy,
    ReductionStage,
    RoundAgreement,
    RoundClosure,
    TableChoice,
    TableReduction,
    TieBreak,
    Workshop,
    WorkshopTable,
)
from backend.reduction import counting
from backend.reduction import repository as repo
from backend.reduction.errors import (
    NoScores,
    NotShortlisted,
    NoVotes,
    ProposalChanged,
)
from backend.reduction.events import (
    AgreementWithdrawnEvent,
    ChoiceMadeEvent,
    ChoiceProposedEvent,
    RoundAgreedEvent,
    StageChangedEvent,
)
from backend.reduction.presence import majority_needed, present_members
from backend.reduction.schemas import SHORTLIST_SIZE
from backend.reduction.service import (
    Seat,
    ensure_stage,
    open_for_writing,
    runoff_counts,
    shortlisted_ids,
    table_idea,
)
from backend.reduction.settings import effective

ORDER = ["voting", "runoff", "scoring", "choosing", "chosen"]


def agree_to_close(*, db: Session, seat: Seat, stage: str) -> None:
    """The member agrees to close the table's `stage` (voting, runoff or scoring)."""
    reduction = open_for_writing(db, seat.workshop, seat.table)
    ensure_stage(reduction, ReductionStage(stage))
    _agree(db, seat, reduction, idea_id=None)


def withdraw_agreement(*, db: Session, seat: Seat, stage: str) -> None:
    """The member no longer agrees to close `stage` (or no longer confirms the proposal), as long
    as the round is still open. Withdrawing an agreement that is not there changes nothing."""
    reduction = open_for_writing(db, seat.workshop, seat.table)
    ensure_stage(reduction, ReductionStage(stage))
    agreed = repo.agreements(db, seat.table.id, reduction.stage)
    mine = next((a for a in agreed if a.participant_id == seat.me.id), None)
    if mine is None:
        return
    db.delete(mine)
    db.flush()
    _, present = present_members(db, seat.table, acting=seat.me.id)
    record_event(
        db,
        workshop_id=seat.workshop.id,
        kind="reduction.agreement_withdrawn",
        payload=AgreementWithdrawnEvent(
            table_id=seat.table.id,
            stage=reduction.stage,
            participant_id=seat.me.id,
            agreed_present=len(
                [a for a in agreed if a is not mine and a.participant_id in present]
            ),
            needed=majority_needed(len(present)),
        ),
        table_id=seat.table.id,
    )


def propose_choice(*, db: Session, seat: Seat, idea_id: uuid.UUID) -> None:
    """Propose another shortlisted idea; the proposer confirms it by proposing."""
    reduction = open_for_writing(db, seat.workshop, seat.table)
    idea = table_idea(db, seat.table, idea_id)
    ensure_stage(reduction, ReductionStage.choosing)
    if idea.id not in shortlisted_ids(reduction):
        raise NotShortlisted("Propose one of your table's shortlisted ideas")
    if reduction.proposal_idea_id != idea.id:
        reduction.proposal_idea_id = idea.id
        reduction.proposed_by_id = seat.me.id
        reduction.updated_at = utcnow()
        db.add(reduction)
        repo.clear_agreements(db, seat.table.id, reduction.stage)
        record_event(
            db,
            workshop_id=seat.workshop.id,
            kind="choice.proposed",
            payload=ChoiceProposedEvent(
                table_id=seat.table.id, idea_id=idea.id, proposed_by=seat.me.id
            ),
            table_id=seat.table.id,
        )
    _agree(db, seat, reduction, idea_id=idea.id)


def confirm_choice(*, db: Session, seat: Seat, idea_id: uuid.UUID) -> None:
    reduction = open_for_writing(db, seat.workshop, seat.table)
    table_idea(db, seat.table, idea_id)
    ensure_stage(reduction, ReductionStage.choosing)
    if reduction.proposal_idea_id != idea_id:
        raise ProposalChanged(f"The table now proposes idea {reduction.proposal_idea_id}")
    _agree(db, seat, reduction, idea_id=idea_id)


def _agree(
    db: Session, seat: Seat, reduction: TableReduction, *, idea_id: uuid.UUID | None
) -> None:
    agreed = repo.agreements(db, seat.table.id, reduction.stage)
    mine = next((a for a in agreed if a.participant_id == seat.me.id), None)
    if mine is None:
        mine = RoundAgreement(
            table_id=seat.table.id,
            stage=reduction.stage,
            participant_id=seat.me.id,
            idea_id=idea_id,
        )
        agreed.append(mine)
    mine.idea_id = idea_id
    db.add(mine)
    db.flush()
    _, present = present_members(db, seat.table, acting=seat.me.id)
    agreeing = [a.participant_id for a in agreed if a.participant_id in present]
    needed = majority_needed(len(present))
    record_event(
        db,
        workshop_id=seat.workshop.id,
        kind="reduction.agreed",
        payload=RoundAgreedEvent(
            table_id=seat.table.id,
            stage=reduction.stage,
            participant_id=seat.me.id,
            agreed_present=len(agreeing),
            needed=needed,
        ),
        table_id=seat.table.id,
    )
    if len(agreeing) >= needed:
        close_round(
            db=db,
            workshop=seat.workshop,
            table=seat.table,
            reduction=reduction,
            decided_by=DecidedBy.majority,
            agreed=agreeing,
            present_count=len(present),
        )


def facilitator_close(
    *,
    db: Session,
    workshop: Workshop,
    table: WorkshopTable,
    stage: str,
    user_id: uuid.UUID,
) -> None:
    reduction = open_for_writing(db, workshop, table)
    ensure_stage(reduction, ReductionStage(stage))
    _, present = present_members(db, table)
    close_round(
        db=db,
        workshop=workshop,
        table=table,
        reduction=reduction,
        decided_by=DecidedBy.facilitator,
        user_id=user_id,
        present_count=len(present),
    )


def close_round(
    *,
    db: Session,
    workshop: Workshop,
    table: WorkshopTable,
    reduction: TableReduction,
    decided_by: DecidedBy,
    user_id: uuid.UUID | None = None,
    agreed: list[uuid.UUID] | None = None,
    present_count: int = 0,
) -> None:
    previous = reduction.stage
    if previous == "voting":
        _close_voting(db, workshop, reduction)
    elif previous == "runoff":
        _close_runoff(db, reduction)
    elif previous == "scoring":
        _close_scoring(db, reduction)
    else:
        _choose(db, reduction, decided_by=decided_by, user_id=user_id)
    db.add(
        RoundClosure(
            table_id=table.id,
            stage=previous,
            decided_by=decided_by,
            closed_by_user_id=user_id,
            agreed_ids=[str(i) for i in agreed or []],
            present_count=present_count,
        )
    )
    repo.clear_agreements(db, table.id, previous)
    reduction.updated_at = utcnow()
    db.add(reduction)
    db.flush()
    record_event(
        db,
        workshop_id=workshop.id,
        kind="reduction.stage_changed",
        payload=StageChangedEvent(
            table_id=table.id,
            stage=reduction.stage,
            previous_stage=previous,
            cause=decided_by.value,
        ),
        table_id=table.id,
    )


def _ages(db: Session, table_id: uuid.UUID, ids: list[uuid.UUID]) -> dict[uuid.UUID, counting.Age]:
    return {
        i: (idea.created_at, idea.id) for i, idea in repo.ideas_by_id(db, table_id, ids).items()
    }


def _places(entries: list[counting.Place], start: int = 1) -> list[dict[str, str | int]]:
    return [
        {"idea_id": str(p.idea_id), "place": n, "decided_by": p.decided_by}
        for n, p in enumerate(entries, start=start)
    ]


def _close_voting(db: Session, workshop: Workshop, reduction: TableReduction) -> None:
    dots, _ = repo.dots_by_idea(repo.table_votes(db, reduction.table_id))
    if not any(dots.values()):
        raise NoVotes("Place some dots first")
    ages = _ages(db, reduction.table_id, list(dots))
    cut = counting.shortlist_cut(dots, ages, SHORTLIST_SIZE)
    reduction.shortlist = _places(cut.places)
    reduction.runoff_idea_ids = []
    reduction.runoff_places = 0
    if not cut.tied:
        reduction.stage = ReductionStage.scoring
    elif effective(db, workshop).tie_break == TieBreak.earliest:
        chosen = counting.by_earliest(cut.tied, cut.open_places, ages)
        # A new list: JSON columns only notice reassignment.
        reduction.shortlist = [*reduction.shortlist, *_places(chosen, start=len(cut.places) + 1)]
        reduction.stage = ReductionStage.scoring
    else:
        reduction.runoff_number += 1
        reduction.runoff_idea_ids = [str(i) for i in sorted(cut.tied, key=lambda i: ages[i])]
        reduction.runoff_places = cut.open_places
        reduction.stage = ReductionStage.runoff


def _close_runoff(db: Session, reduction: TableReduction) -> None:
    tied = [uuid.UUID(i) for i in reduction.runoff_idea_ids]
    ages = _ages(db, reduction.table_id, tied)
    won = counting.resolve_runoff(tied, reduction.runoff_places, runoff_counts(db, reduction), ages)
    start = len(reduction.shortlist) + 1
    reduction.shortlist = [*reduction.shortlist, *_places(won, start=start)]
    reduction.stage = ReductionStage.scoring


def default_proposal(db: Session, reduction: TableReduction) -> uuid.UUID:
    ids = shortlisted_ids(reduction)
    totals: dict[uuid.UUID, tuple[int, int]] = {}
    for score in repo.scores_for(db, reduction.table_id, ids):
        overall, desirability = totals.get(score.idea_id, (0, 0))
        totals[score.idea_id] = (
            overall + score.desirability + score.feasibility + score.viability,
            desirability + score.desirability,
        )
    return counting.default_choice(ids, totals, _ages(db, reduction.table_id, ids))


def _close_scoring(db: Session, reduction: TableReduction) -> None:
    if not repo.scores_for(db, reduction.table_id, shortlisted_ids(reduction)):
        raise NoScores("Score the shortlisted ideas first")
    reduction.proposal_idea_id = default_proposal(db, reduction)
    reduction.proposed_by_id = None
    reduction.stage = ReductionStage.choosing


def _choose(
    db: Session, reduction: TableReduction, *, decided_by: DecidedBy, user_id: uuid.UUID | None
) -> None:
    idea_id = reduction.proposal_idea_id or default_proposal(db, reduction)
    choice = TableChoice(
        workshop_id=reduction.workshop_id,
        table_id=reduction.table_id,
        idea_id=idea_id,
        decided_by=decided_by,
        decided_by_user_id=user_id,
    )
    db.add(choice)
    reduction.stage = ReductionStage.chosen
    record_event(
        db,
        workshop_id=reduction.workshop_id,
        kind="choice.made",
        payload=ChoiceMadeEvent(
            table_id=reduction.table_id,
            idea_id=idea_id,
            decided_by=decided_by,
            decided_at=choice.created_at,
        ),
        table_id=reduction.table_id,
    )
