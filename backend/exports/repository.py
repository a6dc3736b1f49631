"""Every query of the export, each scoped to one workshop (or to tables already of it). Reads only."""

import uuid

from sqlmodel import Session, col, select

from backend.models import (
    DotVote,
    Idea,
    IdeaParent,
    IdeaRevision,
    IdeaScore,
    Participant,
    RoundClosure,
    RunoffVote,
    TableChoice,
    TableReduction,
    Theme,
    WorkshopTable,
)


def tables_of(db: Session, workshop_id: uuid.UUID) -> list[WorkshopTable]:
    stmt = select(WorkshopTable).where(WorkshopTable.workshop_id == workshop_id)
    return list(db.exec(stmt.order_by(col(WorkshopTable.number))).all())


def themes_of(db: Session, workshop_id: uuid.UUID) -> list[Theme]:
    stmt = select(Theme).where(Theme.workshop_id == workshop_id)
    return list(db.exec(stmt.order_by(col(Theme.position), col(Theme.created_at))).all())


def ideas_of(db: Session, workshop_id: uuid.UUID) -> list[Idea]:
    """Every idea, hidden ones too (callers leave those out)."""
    stmt = select(Idea).where(Idea.workshop_id == workshop_id)
    return list(db.exec(stmt.order_by(col(Idea.created_at), col(Idea.id))).all())


def parent_links(db: Session, workshop_id: uuid.UUID) -> list[IdeaParent]:
    stmt = (
        select(IdeaParent)
        .join(Idea, col(Idea.id) == col(IdeaParent.child_id))
        .where(Idea.workshop_id == workshop_id)
    )
    return sorted(db.exec(stmt).all(), key=lambda x: (str(x.child_id), str(x.parent_id)))


def revisions_of(db: Session, workshop_id: uuid.UUID) -> list[IdeaRevision]:
    stmt = (
        select(IdeaRevision)
        .join(Idea, col(Idea.id) == col(IdeaRevision.idea_id))
        .where(Idea.workshop_id == workshop_id)
        .order_by(col(IdeaRevision.created_at), col(IdeaRevision.version), col(IdeaRevision.id))
    )
    return list(db.exec(stmt).all())


def participants_of(db: Session, workshop_id: uuid.UUID) -> list[Participant]:
    """In joining order, which numbers the per-session pseudonyms."""
    stmt = select(Participant).where(Participant.workshop_id == workshop_id)
    return list(db.exec(stmt.order_by(col(Participant.created_at), col(Participant.id))).all())


def votes_of(db: Session, workshop_id: uuid.UUID) -> list[DotVote]:
    return list(db.exec(select(DotVote).where(DotVote.workshop_id == workshop_id)).all())


def reductions_of(db: Session, workshop_id: uuid.UUID) -> dict[uuid.UUID, TableReduction]:
    rows = db.exec(select(TableReduction).where(TableReduction.workshop_id == workshop_id)).all()
    return {r.table_id: r for r in rows}


def scores_of(db: Session, workshop_id: uuid.UUID) -> list[IdeaScore]:
    stmt = (
        select(IdeaScore)
        .join(Idea, col(Idea.id) == col(IdeaScore.idea_id))
        .where(Idea.workshop_id == workshop_id)
    )
    return list(db.exec(stmt).all())


def runoff_votes(db: Session, table_id: uuid.UUID, number: int) -> list[RunoffVote]:
    stmt = select(RunoffVote).where(
        RunoffVote.table_id == table_id, RunoffVote.runoff_number == number
    )
    return list(db.exec(stmt).all())


def open_closures(db: Session, table_ids: list[uuid.UUID]) -> list[RoundClosure]:
    if not table_ids:
        return []
    stmt = (
        select(RoundClosure)
        .where(col(RoundClosure.table_id).in_(table_ids), col(RoundClosure.reopened_at).is_(None))
        .order_by(col(RoundClosure.created_at), col(RoundClosure.id))
    )
    return list(db.exec(stmt).all())


def current_choices(db: Session, workshop_id: uuid.UUID) -> dict[uuid.UUID, TableChoice]:
    """The standing choice of each table (the latest one not reopened)."""
    stmt = (
        select(TableChoice)
        .where(TableChoice.workshop_id == workshop_id, col(TableChoice.reopened_at).is_(None))
        .order_by(col(TableChoice.created_at), col(TableChoice.id))
    )
    return {c.table_id: c for c in db.exec(stmt).all()}
