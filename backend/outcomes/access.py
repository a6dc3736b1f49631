"""Load the indicator or measurement in the path through its initiative, or 404.

Whoever may read or edit the initiative (its organisation's facilitators and its linked steward
members, see backend/initiatives/access.py) may read or edit its indicators and measurements; an
id from anywhere else is `indicator_not_found` / `measurement_not_found` and changes nothing.
"""

import uuid
from collections.abc import Callable
from dataclasses import dataclass
from typing import Annotated

from fastapi import Depends, Path, Security
from sqlmodel import Session

from backend.auth.facilitator import Facilitator, current_facilitator
from backend.db import get_db
from backend.initiatives.access import (
    READ_SCOPE,
    WRITE_SCOPE,
    InitiativeAccess,
    find_initiative_access,
)
from backend.initiatives.errors import InitiativeNotFound
from backend.models import OutcomeIndicator, OutcomeMeasurement
from backend.outcomes.errors import IndicatorNotFound, MeasurementNotFound


@dataclass(frozen=True)
class IndicatorAccess:
    indicator: OutcomeIndicator
    initiative: InitiativeAccess


@dataclass(frozen=True)
class MeasurementAccess:
    measurement: OutcomeMeasurement
    indicator: OutcomeIndicator
    initiative: InitiativeAccess


def _initiative_of(
    db: Session, indicator: OutcomeIndicator, facilitator: Facilitator
) -> InitiativeAccess | None:
    try:
        return find_initiative_access(
            db, initiative_id=indicator.initiative_id, facilitator=facilitator
        )
    except InitiativeNotFound:
        return None


def _indicator_loader(scope: str) -> Callable[..., IndicatorAccess]:
    def load(
        indicator_id: Annotated[uuid.UUID, Path(description="The outcome indicator id")],
        db: Annotated[Session, Depends(get_db, scope="function")],
        facilitator: Annotated[Facilitator, Security(current_facilitator, scopes=[scope])],
    ) -> IndicatorAccess:
        indicator = db.get(OutcomeIndicator, indicator_id)
        access = _initiative_of(db, indicator, facilitator) if indicator else None
        if indicator is None or access is None:
            raise IndicatorNotFound()
        return IndicatorAccess(indicator, access)

    return load


def _measurement_loader(scope: str) -> Callable[..., MeasurementAccess]:
    def load(
        measurement_id: Annotated[uuid.UUID, Path(description="The measurement id")],
        db: Annotated[Session, Depends(get_db, scope="function")],
        facilitator: Annotated[Facilitator, Security(current_facilitator, scopes=[scope])],
    ) -> MeasurementAccess:
        measurement = db.get(OutcomeMeasurement, measurement_id)
        indicator = db.get(OutcomeIndicator, measurement.indicator_id) if measurement else None
        access = _initiative_of(db, indicator, facilitator) if indicator else None
        if measurement is None or indicator is None or access is None:
            raise MeasurementNotFound()
        return MeasurementAccess(measurement, indicator, access)

    return load


IndicatorReader = Annotated[IndicatorAccess, Depends(_indicator_loader(READ_SCOPE))]
IndicatorEditor = Annotated[IndicatorAccess, Depends(_indicator_loader(WRITE_SCOPE))]
MeasurementEditor = Annotated[MeasurementAccess, Depends(_measurement_loader(WRITE_SCOPE))]
