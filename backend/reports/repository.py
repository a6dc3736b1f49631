"""The report's own session-wide queries (the rest come from the slices that own the rows).
Each reads one workshop's rows in one query, however many tables or ideas it has."""

import uuid
from typing import TypeVar

from sqlmodel import Session, col, select

from backend.models import (
    Pitch,
    PitchResponse,
    RunoffVote,
    TableReduction,
    WorkshopTable,
)

_Row = TypeVar("_Row", Pitch, PitchResponse)


def runoff_votes(db: Session, workshop_id: uuid.UUID) -> list[RunoffVote]:
    """The votes of each table's current run-off (older run-offs' votes left out)."""
    return list(
        db.exec(
            select(RunoffVote)
            .join(WorkshopTable, col(WorkshopTable.id) == RunoffVote.table_id)
            .join(
                TableReduction,
                (col(TableReduction.table_id) == RunoffVote.table_id)
                & (col(TableReduction.runoff_number) == RunoffVote.runoff_number),
            )
            .where(WorkshopTable.workshop_id == workshop_id)
        ).all()
    )


def _made_in_session(db: Session, model: type[_Row], workshop_id: uuid.UUID) -> list[_Row]:
    """Every `model` row of the session, oldest first."""
    return list(
        db.exec(
            select(model)
            .where(model.workshop_id == workshop_id)
            .order_by(col(model.created_at), col(model.id))
        ).all()
    )


def pitches(db: Session, workshop_id: uuid.UUID) -> list[Pitch]:
    return _made_in_session(db, Pitch, workshop_id)


def responses(db: Session, workshop_id: uuid.UUID) -> list[PitchResponse]:
    return _made_in_session(db, PitchResponse, workshop_id)
