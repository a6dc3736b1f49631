"""Every query of the reduction slice, scoped to one workshop or one table of it."""

import uuid
from collections import defaultdict

from sqlalchemy import bindparam, delete
from sqlalchemy.exc import IntegrityError
from sqlmodel import Session, col, select

from backend.models import (
    DotVote,
    Idea,
    IdeaScore,
    IdeaStatus,
    Participant,
    ParticipantStatus,
    ReductionSettings,
    ReductionStage,
    RoundAgreement,
    RoundClosure,
    RunoffVote,
    TableChoice,
    TableReduction,
    TieBreak,
    User,
    WorkshopTable,
)


def tables_of(db: Session, workshop_id: uuid.UUID) -> list[WorkshopTable]:
    stmt = select(WorkshopTable).where(WorkshopTable.workshop_id == workshop_id)
    return list(db.exec(stmt.order_by(col(WorkshopTable.number))).all())


def settings_of(db: Session, workshop_id: uuid.UUID) -> ReductionSettings | None:
    return db.get(ReductionSettings, workshop_id)


_RULES = select(
    ReductionSettings.dot_budget, ReductionSettings.dot_cap, ReductionSettings.tie_break
).where(ReductionSettings.workshop_id == bindparam("workshop_id"))


def rules_of(db: Session, workshop_id: uuid.UUID) -> tuple[int, int, TieBreak] | None:
    """(dot budget, dot cap, tie-break) of the session's row, if it has one."""
    row = db.exec(_RULES, params={"workshop_id": workshop_id}).first()
    return None if row is None else (row[0], row[1], TieBreak(row[2]))


def session_has_votes(db: Session, workshop_id: uuid.UUID) -> bool:
    return db.exec(select(DotVote.id).where(DotVote.workshop_id == workshop_id)).first() is not None


def reduction_of(db: Session, table_id: uuid.UUID) -> TableReduction | None:
    return db.exec(select(TableReduction).where(TableReduction.table_id == table_id)).first()


def reductions_of(db: Session, workshop_id: uuid.UUID) -> dict[uuid.UUID, TableReduction]:
    rows = db.exec(select(TableReduction).where(TableReduction.workshop_id == workshop_id)).all()
    return {r.table_id: r for r in rows}


# Statements of the dot-voting path, built once (a vote is the reduce phase's hot write).
_LOCK_REDUCTION = (
    select(TableReduction).where(TableReduction.table_id == bindparam("table_id")).with_for_update()
)
_TABLE_IDEA = select(Idea).where(
    Idea.id == bindparam("idea_id"), Idea.table_id == bindparam("table_id")
)
_TABLE_VOTES = (
    select(DotVote)
    .join(Idea, col(Idea.id) == col(DotVote.idea_id))
    .where(DotVote.table_id == bindparam("table_id"), Idea.status == IdeaStatus.active)
)


def lock_reduction(db: Session, table: WorkshopTable) -> TableReduction:
    """The table's reduction row, created if need be, locked until commit (PostgreSQL; SQLite
    serialises writing transactions anyway). Every reduction write of a table goes through here."""
    params = {"table_id": table.id}
    found = db.exec(_LOCK_REDUCTION, params=params).first()
    if found is not None:
        return found
    try:
        with db.begin_nested():
            db.add(TableReduction(workshop_id=table.workshop_id, table_id=table.id))
            db.flush()
    except IntegrityError:
        pass  # another request created it meanwhile: lock theirs
    return db.exec(_LOCK_REDUCTION, params=params).one()


def members_of(db: Session, table_id: uuid.UUID) -> list[Participant]:
    return list(
        db.exec(
            select(Participant)
            .where(
                Participant.table_id == table_id, Participant.status != ParticipantStatus.removed
            )
            .order_by(col(Participant.display_name), col(Participant.id))
        ).all()
    )


def find_table_idea(db: Session, table_id: uuid.UUID, idea_id: uuid.UUID) -> Idea | None:
    """Any idea of the table (hidden ones too: callers decide what they accept)."""
    return db.exec(_TABLE_IDEA, params={"idea_id": idea_id, "table_id": table_id}).first()


def active_ideas(db: Session, table_id: uuid.UUID) -> list[Idea]:
    return list(
        db.exec(
            select(Idea)
            .where(Idea.table_id == table_id, Idea.status == IdeaStatus.active)
            .order_by(col(Idea.created_at), col(Idea.id))
        ).all()
    )


def ideas_by_id(db: Session, table_id: uuid.UUID, ids: list[uuid.UUID]) -> dict[uuid.UUID, Idea]:
    if not ids:
        return {}
    rows = db.exec(select(Idea).where(Idea.table_id == table_id, col(Idea.id).in_(ids))).all()
    return {i.id: i for i in rows}


def table_votes(db: Session, table_id: uuid.UUID) -> list[DotVote]:
    """Dots on the table's active ideas (dots on ideas since combined or hidden do not count)."""
    return list(db.exec(_TABLE_VOTES, params={"table_id": table_id}).all())


def find_vote(db: Session, participant_id: uuid.UUID, idea_id: uuid.UUID) -> DotVote | None:
    return db.exec(
        select(DotVote).where(DotVote.participant_id == participant_id, DotVote.idea_id == idea_id)
    ).first()


def runoff_votes(db: Session, table_id: uuid.UUID, number: int) -> list[RunoffVote]:
    return list(
        db.exec(
            select(RunoffVote).where(
                RunoffVote.table_id == table_id, RunoffVote.runoff_number == number
            )
        ).all()
    )


def scores_for(db: Session, table_id: uuid.UUID, idea_ids: list[uuid.UUID]) -> list[IdeaScore]:
    if not idea_ids:
        return []
    return list(
        db.exec(
            select(IdeaScore)
            .where(IdeaScore.table_id == table_id, col(IdeaScore.idea_id).in_(idea_ids))
            .order_by(col(IdeaScore.created_at), col(IdeaScore.id))
        ).all()
    )


def find_score(db: Session, participant_id: uuid.UUID, idea_id: uuid.UUID) -> IdeaScore | None:
    return db.exec(
        select(IdeaScore).where(
            IdeaScore.participant_id == participant_id, IdeaScore.idea_id == idea_id
        )
    ).first()


def agreements(db: Session, table_id: uuid.UUID, stage: ReductionStage) -> list[RoundAgreement]:
    return list(
        db.exec(
            select(RoundAgreement)
            .where(RoundAgreement.table_id == table_id, RoundAgreement.stage == stage)
            .order_by(col(RoundAgreement.created_at), col(RoundAgreement.id))
        ).all()
    )


def clear_agreements(db: Session, table_id: uuid.UUID, stage: ReductionStage) -> None:
    db.exec(  # type: ignore[call-overload]
        delete(RoundAgreement).where(
            col(RoundAgreement.table_id) == table_id, col(RoundAgreement.stage) == stage
        )
    )


def open_closures(db: Session, table_id: uuid.UUID) -> list[RoundClosure]:
    return list(
        db.exec(
            select(RoundClosure)
            .where(RoundClosure.table_id == table_id, col(RoundClosure.reopened_at).is_(None))
            .order_by(col(RoundClosure.created_at), col(RoundClosure.id))
        ).all()
    )


def current_choice(db: Session, table_id: uuid.UUID) -> TableChoice | None:
    return db.exec(
        select(TableChoice)
        .where(TableChoice.table_id == table_id, col(TableChoice.reopened_at).is_(None))
        .order_by(col(TableChoice.created_at).desc())
    ).first()


def user_names(db: Session, ids: set[uuid.UUID]) -> dict[uuid.UUID, str]:
    if not ids:
        return {}
    rows = db.exec(select(User).where(col(User.id).in_(ids))).all()
    return {u.id: u.name for u in rows}


def dots_by_idea(votes: list[DotVote]) -> tuple[dict[uuid.UUID, int], dict[uuid.UUID, int]]:
    """(dots, voters) per idea id."""
    dots: dict[uuid.UUID, int] = defaultdict(int)
    voters: dict[uuid.UUID, int] = defaultdict(int)
    for vote in votes:
        dots[vote.idea_id] += vote.dots
        voters[vote.idea_id] += 1
    return dots, voters
