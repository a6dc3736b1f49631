"""The idea each table carries forward: its chosen idea (`TableChoice` not reopened), or, once it
has accepted or made a combination with another table, the newest combined idea."""

import uuid
from collections.abc import Collection

from sqlalchemy import or_
from sqlmodel import Session, col, select

from backend.models import Combination, CombinationStatus, TableChoice


def carried_ideas(db: Session, workshop_id: uuid.UUID) -> dict[uuid.UUID, uuid.UUID]:
    """{table id: idea id} for every table of the workshop that has an idea to carry."""
    return carried_ideas_in(db, [workshop_id])


def carried_ideas_in(
    db: Session, workshop_ids: Collection[uuid.UUID]
) -> dict[uuid.UUID, uuid.UUID]:
    """{table id: idea id} for the tables of several workshops, in two queries."""
    carried: dict[uuid.UUID, uuid.UUID] = {}
    choices = db.exec(
        select(TableChoice)
        .where(
            col(TableChoice.workshop_id).in_(workshop_ids),
            col(TableChoice.reopened_at).is_(None),
        )
        .order_by(col(TableChoice.created_at), col(TableChoice.id))
    ).all()
    for choice in choices:
        carried[choice.table_id] = choice.idea_id
    combined = db.exec(
        select(Combination)
        .where(
            col(Combination.workshop_id).in_(workshop_ids),
            Combination.status == CombinationStatus.accepted,
            col(Combination.combined_idea_id).is_not(None),
        )
        .order_by(col(Combination.decided_at), col(Combination.id))
    ).all()
    for combination in combined:
        if combination.combined_idea_id is not None:
            carried[combination.proposer_table_id] = combination.combined_idea_id
            carried[combination.receiver_table_id] = combination.combined_idea_id
    return carried


def carried_idea(db: Session, workshop_id: uuid.UUID, table_id: uuid.UUID) -> uuid.UUID | None:
    latest = db.exec(
        select(Combination.combined_idea_id)
        .where(
            Combination.workshop_id == workshop_id,
            Combination.status == CombinationStatus.accepted,
            col(Combination.combined_idea_id).is_not(None),
            or_(
                col(Combination.proposer_table_id) == table_id,
                col(Combination.receiver_table_id) == table_id,
            ),
        )
        .order_by(col(Combination.decided_at).desc(), col(Combination.id).desc())
    ).first()
    if latest is not None:
        return latest
    return db.exec(
        select(TableChoice.idea_id)
        .where(TableChoice.table_id == table_id, col(TableChoice.reopened_at).is_(None))
        .order_by(col(TableChoice.created_at).desc(), col(TableChoice.id).desc())
    ).first()
