import uuid
from datetime import date

from sqlmodel import Session, col, func, select

from backend.models import (
    ActionStatus,
    Idea,
    IdeaStatus,
    InitiativeAction,
    Participant,
    ParticipantStatus,
    PitchResponse,
    Publication,
    PublicationChange,
    ResponseKind,
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
        .order_by(col(TableChoice.created_at), col(TableChoice.id))  # the newest wins
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


def participants(db: Session, workshop_id: uuid.UUID) -> list[Participant]:
    """Everyone of the session, to know who agreed to publishing and who sits at which table."""
    return list(db.exec(select(Participant).where(Participant.workshop_id == workshop_id)).all())


def ideas_with_authors(
    db: Session, idea_ids: set[uuid.UUID]
) -> dict[uuid.UUID, tuple[Idea, Participant | None]]:
    if not idea_ids:
        return {}
    rows = db.exec(
        select(Idea, Participant)
        .outerjoin(Participant, col(Participant.id) == Idea.author_id)
        .where(col(Idea.id).in_(idea_ids))
    ).all()
    return {idea.id: (idea, author) for idea, author in rows}


def offers(db: Session, pitch_ids: list[uuid.UUID]) -> list[PitchResponse]:
    """Offers of help to these pitches (not questions or suggestions), oldest first."""
    if not pitch_ids:
        return []
    return list(
        db.exec(
            select(PitchResponse)
            .where(
                col(PitchResponse.pitch_id).in_(pitch_ids),
                PitchResponse.kind == ResponseKind.offer,
            )
            .order_by(col(PitchResponse.created_at), col(PitchResponse.id))
        ).all()
    )


def action_counts(
    db: Session, initiative_ids: list[uuid.UUID]
) -> list[tuple[uuid.UUID, ActionStatus, int, date | None]]:
    """(initiative, status, how many actions, their earliest due date) for every pair found."""
    if not initiative_ids:
        return []
    rows = db.exec(
        select(
            InitiativeAction.initiative_id,
            InitiativeAction.status,
            func.count(),
            func.min(InitiativeAction.due_on),
        )
        .where(col(InitiativeAction.initiative_id).in_(initiative_ids))
        .group_by(col(InitiativeAction.initiative_id), col(InitiativeAction.status))
    ).all()
    return [(initiative, ActionStatus(status), n, due) for initiative, status, n, due in rows]
