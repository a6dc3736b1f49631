"""What members cast: dots, run-off votes and scores. Each write locks the table's reduction row."""

import uuid
from dataclasses import dataclass

from sqlmodel import Session

from backend.events.log import record_event
from backend.kit.clock import utcnow
from backend.models import (
    DotVote,
    Idea,
    IdeaScore,
    IdeaStatus,
    Participant,
    Phase,
    ReductionStage,
    RunoffVote,
    TableReduction,
    Workshop,
    WorkshopTable,
)
from backend.reduction import repository as repo
from backend.reduction.errors import (
    DotBudgetExceeded,
    DotCapExceeded,
    IdeaNotActive,
    IdeaNotFound,
    NotInRunoff,
    NotShortlisted,
    RunoffVoteCast,
    StageClosed,
    VoteNotFound,
)
from backend.reduction.events import IdeaDots, ScoreRecordedEvent, VoteTalliedEvent
from backend.reduction.schemas import CriterionTotals, ScoreUpdate, VoteReceipt
from backend.reduction.settings import effective
from backend.workshops.rules import ensure_phase, ensure_writable


@dataclass(frozen=True)
class Seat:
    me: Participant
    workshop: Workshop
    table: WorkshopTable


def open_for_writing(db: Session, workshop: Workshop, table: WorkshopTable) -> TableReduction:
    """Reduce phase, session not archived; then the table's reduction row, locked."""
    ensure_writable(workshop)
    ensure_phase(workshop, Phase.reduce)
    return repo.lock_reduction(db, table)


def ensure_stage(reduction: TableReduction, stage: ReductionStage) -> None:
    if reduction.stage != stage:
        raise StageClosed(f"Your table is at the {reduction.stage} stage, not {stage}")


def table_idea(db: Session, table: WorkshopTable, idea_id: uuid.UUID) -> Idea:
    idea = repo.find_table_idea(db, table.id, idea_id)
    if idea is None or idea.status == IdeaStatus.hidden:
        raise IdeaNotFound()
    return idea


def shortlisted_ids(reduction: TableReduction) -> list[uuid.UUID]:
    return [uuid.UUID(str(entry["idea_id"])) for entry in reduction.shortlist]


def _new_vote(seat: Seat, idea_id: uuid.UUID, dots: int) -> DotVote:
    return DotVote(
        workshop_id=seat.workshop.id,
        table_id=seat.table.id,
        idea_id=idea_id,
        participant_id=seat.me.id,
        dots=dots,
    )


def add_dots(*, db: Session, seat: Seat, idea_id: uuid.UUID, dots: int) -> VoteReceipt:
    reduction = open_for_writing(db, seat.workshop, seat.table)
    idea = table_idea(db, seat.table, idea_id)
    if idea.status != IdeaStatus.active:
        raise IdeaNotActive("This idea was combined into another; vote for that one")
    ensure_stage(reduction, ReductionStage.voting)
    rules = effective(db, seat.workshop)
    votes = repo.table_votes(db, seat.table.id)
    mine = [v for v in votes if v.participant_id == seat.me.id]
    used = sum(v.dots for v in mine)
    vote = next((v for v in mine if v.idea_id == idea.id), None)
    on_idea = vote.dots if vote else 0
    if on_idea + dots > rules.dot_cap:
        raise DotCapExceeded(
            f"At most {rules.dot_cap} dots per idea; you have {on_idea} on this one"
        )
    if used + dots > rules.dot_budget:
        raise DotBudgetExceeded(f"You have {rules.dot_budget - used} of {rules.dot_budget} left")
    if vote is None:
        vote = _new_vote(seat, idea.id, dots)
        votes.append(vote)
    else:
        vote.dots += dots
        vote.updated_at = utcnow()
    db.add(vote)
    db.flush()
    tally = emit_tally(db, seat.table, votes)
    return VoteReceipt(
        idea_id=idea.id,
        my_dots=vote.dots,
        idea_dots=tally.get(idea.id, 0),
        dots_left=rules.dot_budget - used - dots,
    )


def set_dots(*, db: Session, seat: Seat, idea_id: uuid.UUID, dots: int) -> VoteReceipt:
    """Make your dots on one idea exactly `dots` (0 takes them all back). Setting what is already
    there changes nothing and tells nobody."""
    reduction = open_for_writing(db, seat.workshop, seat.table)
    idea = table_idea(db, seat.table, idea_id)
    if dots > 0 and idea.status != IdeaStatus.active:
        raise IdeaNotActive("This idea was combined into another; vote for that one")
    ensure_stage(reduction, ReductionStage.voting)
    rules = effective(db, seat.workshop)
    if dots > rules.dot_cap:
        raise DotCapExceeded(f"At most {rules.dot_cap} dots per idea")
    # The dots that count (on active ideas), kept up to date below for the tally.
    votes = repo.table_votes(db, seat.table.id)
    mine = [v for v in votes if v.participant_id == seat.me.id]
    elsewhere = sum(v.dots for v in mine if v.idea_id != idea.id)
    if elsewhere + dots > rules.dot_budget:
        raise DotBudgetExceeded(
            f"You have {rules.dot_budget - elsewhere} of {rules.dot_budget} for this idea"
        )
    counted = idea.status == IdeaStatus.active
    vote = (
        next((v for v in mine if v.idea_id == idea.id), None)
        if counted
        else repo.find_vote(db, seat.me.id, idea.id)
    )
    before = vote.dots if vote is not None else 0
    if dots == 0 and vote is not None:
        db.delete(vote)
        if counted:
            votes.remove(vote)
    elif dots > 0 and vote is None:
        vote = _new_vote(seat, idea.id, dots)
        db.add(vote)
        votes.append(vote)  # `dots > 0` needs an active idea (checked above)
    elif vote is not None and dots != before:
        vote.dots = dots
        vote.updated_at = utcnow()
        db.add(vote)
    if dots != before:
        db.flush()
        tally = emit_tally(db, seat.table, votes)
    else:
        tally, _ = repo.dots_by_idea(votes)
    return VoteReceipt(
        idea_id=idea.id,
        my_dots=dots,
        idea_dots=tally.get(idea.id, 0),
        dots_left=rules.dot_budget - elsewhere - dots,
    )


def withdraw_dots(*, db: Session, seat: Seat, idea_id: uuid.UUID) -> None:
    reduction = open_for_writing(db, seat.workshop, seat.table)
    table_idea(db, seat.table, idea_id)
    ensure_stage(reduction, ReductionStage.voting)
    vote = repo.find_vote(db, seat.me.id, idea_id)
    if vote is None or vote.table_id != seat.table.id:
        raise VoteNotFound()
    db.delete(vote)
    db.flush()
    emit_tally(db, seat.table)


def emit_tally(
    db: Session, table: WorkshopTable, votes: list[DotVote] | None = None
) -> dict[uuid.UUID, int]:
    """Tell the table its dots per idea: from `votes` when the caller holds the table's counted
    votes as they now stand, else read afresh."""
    counted = votes if votes is not None else repo.table_votes(db, table.id)
    dots, _ = repo.dots_by_idea(counted)
    record_event(
        db,
        workshop_id=table.workshop_id,
        kind="vote.tallied",
        payload=VoteTalliedEvent(
            table_id=table.id,
            round="voting",
            tally=[IdeaDots(idea_id=i, dots=d) for i, d in sorted(dots.items(), key=str)],
        ),
        table_id=table.id,
    )
    return dots


def cast_runoff_vote(*, db: Session, seat: Seat, idea_id: uuid.UUID) -> None:
    reduction = open_for_writing(db, seat.workshop, seat.table)
    idea = table_idea(db, seat.table, idea_id)
    ensure_stage(reduction, ReductionStage.runoff)
    if str(idea.id) not in reduction.runoff_idea_ids:
        raise NotInRunoff("Vote for one of the ideas tied at the cut-off")
    votes = repo.runoff_votes(db, seat.table.id, reduction.runoff_number)
    if any(v.participant_id == seat.me.id for v in votes):
        raise RunoffVoteCast()
    db.add(
        RunoffVote(
            table_id=seat.table.id,
            runoff_number=reduction.runoff_number,
            idea_id=idea.id,
            participant_id=seat.me.id,
        )
    )
    db.flush()
    counts = runoff_counts(db, reduction)
    record_event(
        db,
        workshop_id=seat.workshop.id,
        kind="vote.tallied",
        payload=VoteTalliedEvent(
            table_id=seat.table.id,
            round="runoff",
            tally=[IdeaDots(idea_id=i, dots=d) for i, d in counts.items()],
        ),
        table_id=seat.table.id,
    )


def runoff_counts(db: Session, reduction: TableReduction) -> dict[uuid.UUID, int]:
    counts = {uuid.UUID(i): 0 for i in reduction.runoff_idea_ids}
    for vote in repo.runoff_votes(db, reduction.table_id, reduction.runoff_number):
        if vote.idea_id in counts:
            counts[vote.idea_id] += 1
    return counts


def put_score(*, db: Session, seat: Seat, idea_id: uuid.UUID, data: ScoreUpdate) -> IdeaScore:
    reduction = open_for_writing(db, seat.workshop, seat.table)
    idea = table_idea(db, seat.table, idea_id)
    ensure_stage(reduction, ReductionStage.scoring)
    if idea.id not in shortlisted_ids(reduction):
        raise NotShortlisted("Score the ideas on your table's shortlist")
    score = repo.find_score(db, seat.me.id, idea.id)
    if score is None:
        score = IdeaScore(
            table_id=seat.table.id, idea_id=idea.id, participant_id=seat.me.id, **data.model_dump()
        )
    else:
        score.sqlmodel_update(data.model_dump())
        score.updated_at = utcnow()
    db.add(score)
    db.flush()
    scores = repo.scores_for(db, seat.table.id, [idea.id])
    record_event(
        db,
        workshop_id=seat.workshop.id,
        kind="score.recorded",
        payload=ScoreRecordedEvent(
            table_id=seat.table.id, idea_id=idea.id, scorers=len(scores), totals=totals(scores)
        ),
        table_id=seat.table.id,
    )
    return score


def totals(scores: list[IdeaScore]) -> CriterionTotals:
    d = sum(s.desirability for s in scores)
    f = sum(s.feasibility for s in scores)
    v = sum(s.viability for s in scores)
    return CriterionTotals(desirability=d, feasibility=f, viability=v, overall=d + f + v)
