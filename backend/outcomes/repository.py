"""Every query of the outcomes slice, scoped to an initiative or an indicator."""

import uuid

from sqlalchemy import func
from sqlmodel import Session, col, select
from sqlmodel.sql.expression import SelectOfScalar

from backend.models import OutcomeIndicator, OutcomeMeasurement


def initiative_indicators(db: Session, initiative_id: uuid.UUID) -> list[OutcomeIndicator]:
    return list(
        db.exec(
            select(OutcomeIndicator)
            .where(OutcomeIndicator.initiative_id == initiative_id)
            .order_by(
                col(OutcomeIndicator.position),
                col(OutcomeIndicator.created_at),
                col(OutcomeIndicator.id),
            )
        ).all()
    )


def next_position(db: Session, initiative_id: uuid.UUID) -> int:
    highest = db.exec(
        select(func.max(OutcomeIndicator.position)).where(
            OutcomeIndicator.initiative_id == initiative_id
        )
    ).one()
    return 0 if highest is None else highest + 1


def _current(stmt: SelectOfScalar[OutcomeMeasurement]) -> SelectOfScalar[OutcomeMeasurement]:
    return stmt.where(col(OutcomeMeasurement.retired_at).is_(None))


def measurements(
    indicator_id: uuid.UUID, *, include_retired: bool
) -> SelectOfScalar[OutcomeMeasurement]:
    stmt = select(OutcomeMeasurement).where(OutcomeMeasurement.indicator_id == indicator_id)
    return stmt if include_retired else _current(stmt)


def has_measurements(db: Session, indicator_id: uuid.UUID) -> bool:
    """Any measurement at all, withdrawn ones included (they are history too)."""
    stmt = measurements(indicator_id, include_retired=True).limit(1)
    return db.exec(stmt).first() is not None


def latest_first(stmt: SelectOfScalar[OutcomeMeasurement]) -> SelectOfScalar[OutcomeMeasurement]:
    return stmt.order_by(
        col(OutcomeMeasurement.measured_on).desc(),
        col(OutcomeMeasurement.created_at).desc(),
        col(OutcomeMeasurement.id).desc(),
    )


def recent_points(db: Session, indicator_id: uuid.UUID, limit: int) -> list[OutcomeMeasurement]:
    """Up to `limit` current measurements, latest date first."""
    stmt = latest_first(measurements(indicator_id, include_retired=False)).limit(limit)
    return list(db.exec(stmt).all())


def current_counts(db: Session, indicator_ids: list[uuid.UUID]) -> dict[uuid.UUID, int]:
    if not indicator_ids:
        return {}
    rows = db.exec(
        select(OutcomeMeasurement.indicator_id, func.count())
        .where(
            col(OutcomeMeasurement.indicator_id).in_(indicator_ids),
            col(OutcomeMeasurement.retired_at).is_(None),
        )
        .group_by(col(OutcomeMeasurement.indicator_id))
    ).all()
    return {indicator_id: count for indicator_id, count in rows}


def latest_of(db: Session, indicator_ids: list[uuid.UUID]) -> dict[uuid.UUID, OutcomeMeasurement]:
    """Each indicator's latest current measurement (by date, then by when it was recorded)."""
    latest: dict[uuid.UUID, OutcomeMeasurement] = {}
    for indicator_id in indicator_ids:
        found = db.exec(
            latest_first(measurements(indicator_id, include_retired=False)).limit(1)
        ).first()
        if found is not None:
            latest[indicator_id] = found
    return latest
