"""Every query of the workshops slice, scoped to the caller's organisations."""

import uuid

from sqlmodel import Session, col, select
from sqlmodel.sql.expression import SelectOfScalar

from backend.models import Membership, PhaseChange, Workshop


def is_member(db: Session, *, user_id: uuid.UUID, organisation_id: uuid.UUID) -> bool:
    found = db.exec(
        select(Membership.id).where(
            Membership.user_id == user_id, Membership.organisation_id == organisation_id
        )
    ).first()
    return found is not None


def workshops_of_user(
    *, user_id: uuid.UUID, organisation_id: uuid.UUID | None, include_archived: bool
) -> SelectOfScalar[Workshop]:
    stmt = (
        select(Workshop)
        .join(Membership, col(Membership.organisation_id) == col(Workshop.organisation_id))
        .where(Membership.user_id == user_id)
    )
    if organisation_id is not None:
        stmt = stmt.where(Workshop.organisation_id == organisation_id)
    if not include_archived:
        stmt = stmt.where(col(Workshop.archived_at).is_(None))
    return stmt


def phase_history(*, workshop_id: uuid.UUID) -> SelectOfScalar[PhaseChange]:
    return select(PhaseChange).where(PhaseChange.workshop_id == workshop_id)


def join_code_taken(db: Session, code: str) -> bool:
    return db.exec(select(Workshop.id).where(Workshop.join_code == code)).first() is not None


def workshop_by_join_code(db: Session, code: str) -> Workshop | None:
    return db.exec(select(Workshop).where(Workshop.join_code == code)).first()
