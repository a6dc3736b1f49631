"""Every query of the combinations slice, scoped to one workshop (or one table of it)."""

import uuid

from sqlalchemy import and_, or_
from sqlmodel import Session, col, select
from sqlmodel.sql.expression import SelectOfScalar

from backend.models import Combination, CombinationVote, WorkshopTable
from backend.models.combinations import CombinationSupport, SupportPurpose


def tables_of(db: Session, workshop_id: uuid.UUID) -> list[WorkshopTable]:
    stmt = select(WorkshopTable).where(WorkshopTable.workshop_id == workshop_id)
    return list(db.exec(stmt.order_by(col(WorkshopTable.number))).all())


def find_combination(
    db: Session, workshop_id: uuid.UUID, combination_id: uuid.UUID, *, for_update: bool = False
) -> Combination | None:
    stmt = select(Combination).where(
        Combination.id == combination_id, Combination.workshop_id == workshop_id
    )
    return db.exec(stmt.with_for_update() if for_update else stmt).first()


def session_stmt(workshop_id: uuid.UUID) -> SelectOfScalar[Combination]:
    return select(Combination).where(Combination.workshop_id == workshop_id)


def table_stmt(workshop_id: uuid.UUID, table_id: uuid.UUID) -> SelectOfScalar[Combination]:
    """Proposals the table made (drafts too) or received (once sent)."""
    return session_stmt(workshop_id).where(
        or_(
            col(Combination.proposer_table_id) == table_id,
            and_(
                col(Combination.receiver_table_id) == table_id,
                col(Combination.sent_at).is_not(None),
            ),
        )
    )


def votes_of(db: Session, combination_ids: list[uuid.UUID]) -> list[CombinationVote]:
    if not combination_ids:
        return []
    return list(
        db.exec(
            select(CombinationVote).where(col(CombinationVote.combination_id).in_(combination_ids))
        ).all()
    )


def supports_of(
    db: Session, combination_id: uuid.UUID, purpose: SupportPurpose
) -> list[CombinationSupport]:
    return list(
        db.exec(
            select(CombinationSupport).where(
                CombinationSupport.combination_id == combination_id,
                CombinationSupport.purpose == purpose,
            )
        ).all()
    )
