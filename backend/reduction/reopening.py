"""Reopening: a facilitator returns a table to an earlier stage. Nothing cast is discarded."""

from sqlmodel import Session

from backend.events.log import record_event
from backend.kit.clock import utcnow
from backend.models import ReductionStage, Workshop, WorkshopTable
from backend.reduction import repository as repo
from backend.reduction.errors import CannotReopen
from backend.reduction.events import StageChangedEvent
from backend.reduction.rounds import ORDER, default_proposal
from backend.reduction.service import open_for_writing


def reopen(*, db: Session, workshop: Workshop, table: WorkshopTable, stage: str) -> None:
    """Return the table to an earlier `stage`. Nothing cast is deleted: closures and the choice
    are marked reopened; votes, run-off votes and scores stay and count again."""
    reduction = open_for_writing(db, workshop, table)
    target = ORDER.index(stage)
    if target >= ORDER.index(reduction.stage):
        raise CannotReopen(f"The table is at the {reduction.stage} stage")
    if stage == "runoff" and not reduction.runoff_idea_ids:
        raise CannotReopen("This table's shortlist needed no run-off")
    now = utcnow()
    for closure in repo.open_closures(db, table.id):
        if ORDER.index(closure.stage) >= target:
            closure.reopened_at = now
            db.add(closure)
    choice = repo.current_choice(db, table.id)
    if choice is not None:
        choice.reopened_at = now
        db.add(choice)
    for later in ORDER[target:]:
        repo.clear_agreements(db, table.id, ReductionStage(later))
    if stage in ("voting", "runoff", "scoring"):
        reduction.proposal_idea_id = None
        reduction.proposed_by_id = None
    if stage == "voting":
        reduction.shortlist = []
        reduction.runoff_idea_ids = []
        reduction.runoff_places = 0
    elif stage == "runoff":
        reduction.shortlist = [e for e in reduction.shortlist if e["decided_by"] == "votes"]
    elif stage == "choosing" and reduction.proposal_idea_id is None:
        reduction.proposal_idea_id = default_proposal(db, reduction)
    previous = reduction.stage
    reduction.stage = ReductionStage(stage)
    reduction.updated_at = now
    db.add(reduction)
    db.flush()
    record_event(
        db,
        workshop_id=workshop.id,
        kind="reduction.stage_changed",
        payload=StageChangedEvent(
            table_id=table.id, stage=reduction.stage, previous_stage=previous, cause="reopened"
        ),
        table_id=table.id,
    )
