"""Every query of the tables slice, always scoped to one workshop (or one table of it)."""

import uuid

from sqlalchemy import and_, func, or_
from sqlmodel import Session, col, select
from sqlmodel.sql.expression import SelectOfScalar

from backend.models import (
    AllocationRun,
    Participant,
    ParticipantStatus,
    SeatingConstraint,
    Workshop,
    WorkshopTable,
)

ACTIVE_STATUSES = (ParticipantStatus.joined, ParticipantStatus.pre_registered)


def lock_workshop(db: Session, workshop_id: uuid.UUID) -> None:
    """Serialise seating writes of one workshop on PostgreSQL (SQLite already has one writer)."""
    db.exec(select(Workshop.id).where(Workshop.id == workshop_id).with_for_update()).first()


def tables_of(db: Session, workshop_id: uuid.UUID) -> list[WorkshopTable]:
    stmt = select(WorkshopTable).where(WorkshopTable.workshop_id == workshop_id)
    return list(db.exec(stmt.order_by(col(WorkshopTable.number))).all())


def count_tables(db: Session, workshop_id: uuid.UUID) -> int:
    stmt = select(func.count()).select_from(WorkshopTable)
    return db.exec(stmt.where(WorkshopTable.workshop_id == workshop_id)).one()


def find_table(db: Session, workshop_id: uuid.UUID, table_id: uuid.UUID) -> WorkshopTable | None:
    return db.exec(
        select(WorkshopTable).where(
            WorkshopTable.id == table_id, WorkshopTable.workshop_id == workshop_id
        )
    ).first()


def table_numbers(db: Session, workshop_id: uuid.UUID) -> set[int]:
    stmt = select(WorkshopTable.number).where(WorkshopTable.workshop_id == workshop_id)
    return set(db.exec(stmt).all())


def active_participants(db: Session, workshop_id: uuid.UUID) -> list[Participant]:
    return list(
        db.exec(
            select(Participant)
            .where(
                Participant.workshop_id == workshop_id,
                col(Participant.status).in_(ACTIVE_STATUSES),
            )
            .order_by(col(Participant.created_at), col(Participant.id))
        ).all()
    )


def find_participant(
    db: Session, workshop_id: uuid.UUID, participant_id: uuid.UUID
) -> Participant | None:
    return db.exec(
        select(Participant).where(
            Participant.id == participant_id, Participant.workshop_id == workshop_id
        )
    ).first()


def members_of(db: Session, table_id: uuid.UUID) -> list[Participant]:
    """Everyone still active at the table (removed people are not tablemates)."""
    return list(
        db.exec(
            select(Participant)
            .where(Participant.table_id == table_id, col(Participant.status).in_(ACTIVE_STATUSES))
            .order_by(col(Participant.created_at), col(Participant.id))
        ).all()
    )


def count_members(db: Session, table_id: uuid.UUID) -> int:
    stmt = select(func.count()).select_from(Participant)
    return db.exec(
        stmt.where(Participant.table_id == table_id, col(Participant.status).in_(ACTIVE_STATUSES))
    ).one()


def removed_at_tables(db: Session, table_ids: list[uuid.UUID]) -> list[Participant]:
    if not table_ids:
        return []
    return list(
        db.exec(
            select(Participant).where(
                col(Participant.table_id).in_(table_ids),
                Participant.status == ParticipantStatus.removed,
            )
        ).all()
    )


def constraints_stmt(workshop_id: uuid.UUID) -> SelectOfScalar[SeatingConstraint]:
    return select(SeatingConstraint).where(SeatingConstraint.workshop_id == workshop_id)


def constraints_of(db: Session, workshop_id: uuid.UUID) -> list[SeatingConstraint]:
    return list(db.exec(constraints_stmt(workshop_id).order_by(col(SeatingConstraint.created_at))))


def constraints_for_pair(
    db: Session, workshop_id: uuid.UUID, first_id: uuid.UUID, second_id: uuid.UUID
) -> list[SeatingConstraint]:
    """Constraints on the unordered pair, of any kind."""
    return list(
        db.exec(
            constraints_stmt(workshop_id).where(
                or_(
                    and_(
                        col(SeatingConstraint.first_id) == first_id,
                        col(SeatingConstraint.second_id) == second_id,
                    ),
                    and_(
                        col(SeatingConstraint.first_id) == second_id,
                        col(SeatingConstraint.second_id) == first_id,
                    ),
                )
            )
        ).all()
    )


def latest_run(db: Session, workshop_id: uuid.UUID) -> AllocationRun | None:
    return db.exec(
        select(AllocationRun)
        .where(AllocationRun.workshop_id == workshop_id)
        .order_by(col(AllocationRun.created_at).desc(), col(AllocationRun.id).desc())
    ).first()
