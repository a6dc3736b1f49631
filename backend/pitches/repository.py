"""Every query of the pitches slice, scoped to one workshop (or one table of it)."""

import uuid

from sqlalchemy import and_, false, or_
from sqlmodel import Session, col, select
from sqlmodel.sql.expression import SelectOfScalar

from backend.models import (
    Idea,
    Participant,
    ParticipantStatus,
    Pitch,
    PitchResponse,
    PresenterState,
    WorkshopTable,
)

ACTIVE = (ParticipantStatus.joined, ParticipantStatus.pre_registered)


def tables_of(db: Session, workshop_id: uuid.UUID) -> list[WorkshopTable]:
    stmt = select(WorkshopTable).where(WorkshopTable.workshop_id == workshop_id)
    return list(db.exec(stmt.order_by(col(WorkshopTable.number))).all())


def tables_by_id(db: Session, ids: set[uuid.UUID]) -> dict[uuid.UUID, WorkshopTable]:
    if not ids:
        return {}
    rows = db.exec(select(WorkshopTable).where(col(WorkshopTable.id).in_(ids))).all()
    return {t.id: t for t in rows}


def ideas_by_id(db: Session, ids: set[uuid.UUID]) -> dict[uuid.UUID, Idea]:
    if not ids:
        return {}
    return {i.id: i for i in db.exec(select(Idea).where(col(Idea.id).in_(ids))).all()}


def members_of(db: Session, table_id: uuid.UUID) -> list[Participant]:
    return list(
        db.exec(
            select(Participant).where(
                Participant.table_id == table_id, col(Participant.status).in_(ACTIVE)
            )
        ).all()
    )


def find_pitch(db: Session, workshop_id: uuid.UUID, pitch_id: uuid.UUID) -> Pitch | None:
    return db.exec(
        select(Pitch).where(Pitch.id == pitch_id, Pitch.workshop_id == workshop_id)
    ).first()


def pitch_for(
    db: Session, table_id: uuid.UUID, idea_id: uuid.UUID, *, for_update: bool = False
) -> Pitch | None:
    stmt = select(Pitch).where(Pitch.table_id == table_id, Pitch.idea_id == idea_id)
    return db.exec(stmt.with_for_update() if for_update else stmt).first()


def current_pitches_by_table(
    db: Session,
    workshop_id: uuid.UUID,
    carried: dict[uuid.UUID, uuid.UUID],
    *,
    exclude: uuid.UUID | None,
    after_number: int | None,
    limit: int,
) -> list[tuple[Pitch, int]]:
    """The pitches of the ideas the tables carry now (one per table at most), with their table's
    number, by table number after `after_number`."""
    pairs = [
        and_(col(Pitch.table_id) == table_id, col(Pitch.idea_id) == idea_id)
        for table_id, idea_id in carried.items()
        if table_id != exclude
    ]
    stmt = (
        select(Pitch, WorkshopTable.number)
        .join(WorkshopTable, col(WorkshopTable.id) == col(Pitch.table_id))
        .where(Pitch.workshop_id == workshop_id, or_(false(), *pairs))
    )
    if after_number is not None:
        stmt = stmt.where(col(WorkshopTable.number) > after_number)
    return list(db.exec(stmt.order_by(col(WorkshopTable.number)).limit(limit)).all())


def responses_stmt(pitch_id: uuid.UUID) -> SelectOfScalar[PitchResponse]:
    return select(PitchResponse).where(PitchResponse.pitch_id == pitch_id)


def find_session_response(
    db: Session, workshop_id: uuid.UUID, response_id: uuid.UUID
) -> PitchResponse | None:
    return db.exec(
        select(PitchResponse).where(
            PitchResponse.id == response_id, PitchResponse.workshop_id == workshop_id
        )
    ).first()


def presenter_of(
    db: Session, workshop_id: uuid.UUID, *, for_update: bool = False
) -> PresenterState | None:
    stmt = select(PresenterState).where(PresenterState.workshop_id == workshop_id)
    return db.exec(stmt.with_for_update() if for_update else stmt).first()
