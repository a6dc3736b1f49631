import uuid

from sqlmodel import Session, col, func, select

from backend.models import (
    Idea,
    IdeaStatus,
    Participant,
    ParticipantStatus,
    Publication,
    PublicationChange,
    TableChoice,
    Workshop,
    WorkshopTable,
)


def publication(db: Session, workshop_id: uuid.UUID) -> Publication | None:
    return db.get(Publication, workshop_id)


def history(db: Session, workshop_id: uuid.UUID, limit: int = 50) -> list[PublicationChange]:
    return list(
        db.exec(
            select(PublicationChange)
            .where(PublicationChange.workshop_id == workshop_id)
            .order_by(col(PublicationChange.created_at).desc(), col(PublicationChange.id))
            .limit(limit)
        ).all()
    )


def published_workshop(db: Session, workshop_id: uuid.UUID) -> tuple[Workshop, Publication] | None:
    row = db.exec(
        select(Workshop, Publication)
        .join(Publication, col(Publication.workshop_id) == Workshop.id)
        .where(Workshop.id == workshop_id, col(Publication.published_at).is_not(None))
    ).first()
    return (row[0], row[1]) if row else None


def tables(db: Session, workshop_id: uuid.UUID) -> list[WorkshopTable]:
    return list(
        db.exec(
            select(WorkshopTable)
            .where(WorkshopTable.workshop_id == workshop_id)
            .order_by(col(WorkshopTable.number))
        ).all()
    )


def idea_counts(db: Session, workshop_id: uuid.UUID) -> dict[uuid.UUID, int]:
    rows = db.exec(
        select(Idea.table_id, func.count())
        .where(Idea.workshop_id == workshop_id, Idea.status != IdeaStatus.hidden)
        .group_by(col(Idea.table_id))
    ).all()
    return {table_id: count for table_id, count in rows}


def current_choices(
    db: Session, workshop_id: uuid.UUID
) -> dict[uuid.UUID, tuple[Idea, Participant | None]]:
    """Each table's chosen idea (not reopened) with its author."""
    rows = db.exec(
        select(TableChoice, Idea, Participant)
        .join(Idea, col(Idea.id) == TableChoice.idea_id)
        .outerjoin(Participant, col(Participant.id) == Idea.author_id)
        .where(TableChoice.workshop_id == workshop_id, col(TableChoice.reopened_at).is_(None))
    ).all()
    return {choice.table_id: (idea, author) for choice, idea, author in rows}


def participant_count(db: Session, workshop_id: uuid.UUID) -> int:
    return db.exec(
        select(func.count())
        .select_from(Participant)
        .where(
            Participant.workshop_id == workshop_id,
            Participant.status == ParticipantStatus.joined,
        )
    ).one()
