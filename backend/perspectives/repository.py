"""Every query of the perspectives slice, scoped to a workshop, table or organisation."""

import uuid

from sqlalchemy import and_, or_
from sqlmodel import Session, col, select
from sqlmodel.sql.expression import SelectOfScalar

from backend.models import (
    Participant,
    ParticipantStatus,
    PerspectiveStatement,
    PromptCard,
    PromptDraw,
    Workshop,
    WorkshopTable,
)


def lock_workshop(db: Session, workshop_id: uuid.UUID) -> None:
    """Serialise this slice's writes within a session (the event log takes the same row lock)."""
    db.exec(select(Workshop.id).where(Workshop.id == workshop_id).with_for_update()).first()


def table_of(db: Session, *, workshop_id: uuid.UUID, table_id: uuid.UUID) -> WorkshopTable | None:
    return db.exec(
        select(WorkshopTable).where(
            WorkshopTable.id == table_id, WorkshopTable.workshop_id == workshop_id
        )
    ).first()


def statement_of(db: Session, participant_id: uuid.UUID) -> PerspectiveStatement | None:
    return db.exec(
        select(PerspectiveStatement).where(PerspectiveStatement.participant_id == participant_id)
    ).first()


def _at_table(table_id: uuid.UUID):  # type: ignore[no-untyped-def]
    """A statement belongs to its author's current table; a removed author's (who has no table
    any more) stays with the table where it was written."""
    return or_(
        and_(
            col(Participant.status) != ParticipantStatus.removed,
            col(Participant.table_id) == table_id,
        ),
        and_(
            col(Participant.status) == ParticipantStatus.removed,
            col(PerspectiveStatement.table_id) == table_id,
        ),
    )


def table_statements(
    db: Session, *, workshop_id: uuid.UUID, table_id: uuid.UUID
) -> list[tuple[PerspectiveStatement, Participant]]:
    rows = db.exec(
        select(PerspectiveStatement, Participant)
        .join(Participant, col(Participant.id) == col(PerspectiveStatement.participant_id))
        .where(PerspectiveStatement.workshop_id == workshop_id, _at_table(table_id))
    ).all()
    return [(statement, author) for statement, author in rows]


def workshop_statements(
    workshop_id: uuid.UUID, table_id: uuid.UUID | None
) -> SelectOfScalar[PerspectiveStatement]:
    stmt = select(PerspectiveStatement).where(PerspectiveStatement.workshop_id == workshop_id)
    if table_id is not None:
        stmt = stmt.join(
            Participant, col(Participant.id) == col(PerspectiveStatement.participant_id)
        ).where(_at_table(table_id))
    return stmt


def participants_by_id(db: Session, ids: set[uuid.UUID]) -> dict[uuid.UUID, Participant]:
    if not ids:
        return {}
    rows = db.exec(select(Participant).where(col(Participant.id).in_(ids))).all()
    return {row.id: row for row in rows}


def organisation_cards(organisation_id: uuid.UUID) -> SelectOfScalar[PromptCard]:
    return select(PromptCard).where(PromptCard.organisation_id == organisation_id)


def all_organisation_cards(db: Session, organisation_id: uuid.UUID) -> list[PromptCard]:
    stmt = organisation_cards(organisation_id).order_by(
        col(PromptCard.created_at), col(PromptCard.id)
    )
    return list(db.exec(stmt).all())


def card(db: Session, *, organisation_id: uuid.UUID, card_id: uuid.UUID) -> PromptCard | None:
    return db.exec(organisation_cards(organisation_id).where(PromptCard.id == card_id)).first()


def table_draws(table_id: uuid.UUID) -> SelectOfScalar[PromptDraw]:
    return select(PromptDraw).where(PromptDraw.table_id == table_id)


def last_draw(db: Session, table_id: uuid.UUID) -> PromptDraw | None:
    return db.exec(table_draws(table_id).order_by(col(PromptDraw.number).desc())).first()


def card_ids_drawn(db: Session, *, table_id: uuid.UUID, round_: int) -> set[uuid.UUID]:
    rows = db.exec(
        select(PromptDraw.card_id).where(
            PromptDraw.table_id == table_id, PromptDraw.round == round_
        )
    ).all()
    return set(rows)
