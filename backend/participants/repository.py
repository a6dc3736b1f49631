"""Every query of the participants slice, scoped to a workshop so foreign ids never leak."""

import uuid
from collections.abc import Iterable, Sequence

from sqlalchemy import func, or_
from sqlmodel import Session, col, select
from sqlmodel.sql.expression import SelectOfScalar

from backend.models import (
    CustomPerspective,
    Participant,
    ParticipantDevice,
    ParticipantStatus,
    Workshop,
    WorkshopTable,
)


def get_in_workshop(
    db: Session, *, workshop_id: uuid.UUID, participant_id: uuid.UUID
) -> Participant | None:
    return db.exec(
        select(Participant).where(
            Participant.id == participant_id, Participant.workshop_id == workshop_id
        )
    ).first()


def _like_escape(text: str) -> str:
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def list_stmt(
    *,
    workshop_id: uuid.UUID,
    status: ParticipantStatus | None,
    table_id: uuid.UUID | None,
    q: str | None,
) -> SelectOfScalar[Participant]:
    stmt = select(Participant).where(Participant.workshop_id == workshop_id)
    if status is not None:
        stmt = stmt.where(Participant.status == status)
    if table_id is not None:
        stmt = stmt.where(Participant.table_id == table_id)
    if q:
        pattern = f"%{_like_escape(q.lower())}%"
        stmt = stmt.where(
            or_(
                func.lower(Participant.display_name).like(pattern, escape="\\"),
                func.lower(func.coalesce(Participant.email, "")).like(pattern, escape="\\"),
            )
        )
    return stmt


def tables_by_id(
    db: Session, *, workshop_id: uuid.UUID, ids: Iterable[uuid.UUID | None]
) -> dict[uuid.UUID, WorkshopTable]:
    wanted = {i for i in ids if i is not None}
    if not wanted:
        return {}
    rows = db.exec(
        select(WorkshopTable).where(
            WorkshopTable.workshop_id == workshop_id, col(WorkshopTable.id).in_(wanted)
        )
    ).all()
    return {row.id: row for row in rows}


def by_rejoin_token_hash(db: Session, token_hash: str) -> Participant | None:
    return db.exec(select(Participant).where(Participant.rejoin_token_hash == token_hash)).first()


def by_recovery_code_hash(
    db: Session, *, workshop_id: uuid.UUID, code_hash: str
) -> Participant | None:
    return db.exec(
        select(Participant).where(
            Participant.workshop_id == workshop_id, Participant.recovery_code_hash == code_hash
        )
    ).first()


def workshop_by_join_code(db: Session, code: str) -> Workshop | None:
    return db.exec(select(Workshop).where(Workshop.join_code == code)).first()


def active_devices(db: Session, *, participant_id: uuid.UUID) -> Sequence[ParticipantDevice]:
    return db.exec(
        select(ParticipantDevice).where(
            ParticipantDevice.participant_id == participant_id,
            col(ParticipantDevice.revoked_at).is_(None),
        )
    ).all()


def custom_perspectives(db: Session, *, organisation_id: uuid.UUID) -> list[CustomPerspective]:
    return list(
        db.exec(
            select(CustomPerspective)
            .where(CustomPerspective.organisation_id == organisation_id)
            .order_by(col(CustomPerspective.key))
        ).all()
    )


def custom_perspective_keys(db: Session, *, organisation_id: uuid.UUID) -> set[str]:
    return {row.key for row in custom_perspectives(db, organisation_id=organisation_id)}


def emails_in_use(
    db: Session, *, workshop_id: uuid.UUID, except_id: uuid.UUID | None = None
) -> set[str]:
    """Lower-cased emails of the workshop's participants who have not been removed."""
    stmt = select(Participant.email).where(
        Participant.workshop_id == workshop_id,
        Participant.status != ParticipantStatus.removed,
        col(Participant.email).is_not(None),
    )
    if except_id is not None:
        stmt = stmt.where(Participant.id != except_id)
    return {email.lower() for email in db.exec(stmt).all() if email}


def removed_count(db: Session, *, workshop_id: uuid.UUID) -> int:
    return db.exec(
        select(func.count())
        .select_from(Participant)
        .where(
            Participant.workshop_id == workshop_id, Participant.status == ParticipantStatus.removed
        )
    ).one()
