"""Indicators, measurements and series as the API shows them."""

from typing import Any

from pydantic import BaseModel
from sqlmodel import Session, SQLModel

from backend.models import OutcomeIndicator, OutcomeMeasurement
from backend.outcomes import repository as repo
from backend.outcomes.schemas import (
    IndicatorPublic,
    IndicatorSeries,
    MeasurementPublic,
    SeriesPoint,
)
from backend.outcomes.units import progress_fraction

SERIES_LIMIT = 1000


def _columns(row: SQLModel, public: type[BaseModel]) -> dict[str, Any]:
    """The row's values of the public model's fields (validated again by the public model)."""
    return {name: getattr(row, name) for name in public.model_fields if hasattr(row, name)}


def indicators_public(db: Session, indicators: list[OutcomeIndicator]) -> list[IndicatorPublic]:
    ids = [indicator.id for indicator in indicators]
    counts = repo.current_counts(db, ids)
    latest = repo.latest_of(db, ids)
    return [
        _public(indicator, counts.get(indicator.id, 0), latest.get(indicator.id))
        for indicator in indicators
    ]


def indicator_public(db: Session, indicator: OutcomeIndicator) -> IndicatorPublic:
    return indicators_public(db, [indicator])[0]


def _public(
    indicator: OutcomeIndicator, count: int, latest: OutcomeMeasurement | None
) -> IndicatorPublic:
    latest_value = latest.value if latest else None
    return IndicatorPublic(
        **_columns(indicator, IndicatorPublic),
        measurement_count=count,
        latest_value=latest_value,
        latest_on=latest.measured_on if latest else None,
        progress=progress_fraction(
            indicator.direction, indicator.baseline_value, indicator.target_value, latest_value
        ),
    )


def measurement_public(row: OutcomeMeasurement) -> MeasurementPublic:
    return MeasurementPublic(**_columns(row, MeasurementPublic))


def series(db: Session, indicator: OutcomeIndicator) -> IndicatorSeries:
    """The chart's data: the latest `SERIES_LIMIT` current measurements, oldest date first."""
    recent = repo.recent_points(db, indicator.id, SERIES_LIMIT + 1)
    points = [
        SeriesPoint(
            measurement_id=row.id,
            measured_on=row.measured_on,
            value=row.value,
            source=row.source,
            note=row.note,
        )
        for row in reversed(recent[:SERIES_LIMIT])
    ]
    return IndicatorSeries(
        indicator=indicator_public(db, indicator),
        points=points,
        truncated=len(recent) > SERIES_LIMIT,
    )
