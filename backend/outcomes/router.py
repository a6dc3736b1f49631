"""Outcome indicators of an initiative, their measurements and chart series (phase 11).

Readers and editors are those of the initiative (its organisation's facilitators and its linked
steward members); an indicator or measurement of anyone else's initiative is a 404.
"""

from typing import Annotated

from fastapi import APIRouter, Query, Response, status

from backend.deps import DbSession, Paging
from backend.errors import problem_responses
from backend.initiatives.access import InitiativeEditor, InitiativeReader
from backend.kit.pagination import Page
from backend.outcomes import indicators, measurements, views
from backend.outcomes import repository as repo
from backend.outcomes.access import IndicatorEditor, IndicatorReader, MeasurementEditor
from backend.outcomes.paging import page_by_date
from backend.outcomes.schemas import (
    IndicatorCreate,
    IndicatorList,
    IndicatorPublic,
    IndicatorSeries,
    IndicatorUpdate,
    MeasurementCorrection,
    MeasurementCreate,
    MeasurementPublic,
    MeasurementWithdrawal,
)

router = APIRouter(tags=["outcomes"])

RULES = (
    " Units: `percent` 0-100; `count` and `people` whole numbers from 0; `days`, `hours`, "
    "`ratio` from 0; `score`, `gbp` and `other` (named by `unit_label`) any finite number. "
    "`increase` needs the target above the baseline, `decrease` below it, `maintain` any "
    "target. A baseline or target is a value and a date together; a baseline is dated no later "
    "than tomorrow, a target after the baseline."
)


@router.get(
    "/initiatives/{initiative_id}/indicators",
    name="indicators-list",
    responses=problem_responses(401, 403, 404),
)
def list_indicators(access: InitiativeReader, db: DbSession) -> IndicatorList:
    """The initiative's outcome indicators in their order, each with its latest measurement and
    its progress from baseline to target."""
    rows = repo.initiative_indicators(db, access.initiative.id)
    return IndicatorList(items=views.indicators_public(db, rows))


@router.post(
    "/initiatives/{initiative_id}/indicators",
    name="indicators-create",
    status_code=status.HTTP_201_CREATED,
    description="Add an outcome indicator: what should change for people, in which unit and "
    "direction, from which baseline to which target." + RULES,
    responses=problem_responses(401, 403, 404),
)
def create_indicator(
    data: IndicatorCreate, access: InitiativeEditor, db: DbSession
) -> IndicatorPublic:
    row = indicators.create_indicator(db=db, access=access, data=data)
    return views.indicator_public(db, row)


@router.get(
    "/indicators/{indicator_id}",
    name="indicators-read",
    responses=problem_responses(401, 403, 404),
)
def read_indicator(access: IndicatorReader, db: DbSession) -> IndicatorPublic:
    """One outcome indicator."""
    return views.indicator_public(db, access.indicator)


@router.patch(
    "/indicators/{indicator_id}",
    name="indicators-update",
    description="Change an indicator; the result is checked as a whole. The unit cannot change "
    "once it has measurements (409 `unit_locked`)." + RULES,
    responses=problem_responses(401, 403, 404, 409),
)
def update_indicator(
    data: IndicatorUpdate, access: IndicatorEditor, db: DbSession
) -> IndicatorPublic:
    row = indicators.update_indicator(db=db, access=access, data=data)
    return views.indicator_public(db, row)


@router.delete(
    "/indicators/{indicator_id}",
    name="indicators-delete",
    status_code=status.HTTP_204_NO_CONTENT,
    responses=problem_responses(401, 403, 404, 409),
)
def delete_indicator(access: IndicatorEditor, db: DbSession) -> Response:
    """Delete an indicator that has no measurements (409 `indicator_has_measurements`
    otherwise: its history is kept)."""
    indicators.delete_indicator(db=db, access=access)
    return Response(status_code=status.HTTP_204_NO_CONTENT)


@router.post(
    "/indicators/{indicator_id}/measurements",
    name="measurements-create",
    status_code=status.HTTP_201_CREATED,
    responses=problem_responses(401, 403, 404),
)
def create_measurement(
    data: MeasurementCreate, access: IndicatorEditor, db: DbSession
) -> MeasurementPublic:
    """Record a dated measurement with its source. `unit` must be the indicator's (422
    `unit_mismatch`), the value possible in it (422 `value_out_of_range`), the date from 1900
    to tomorrow (422 `date_out_of_range`)."""
    row = measurements.record_measurement(
        db=db, indicator=access.indicator, recorded_by=access.initiative, data=data
    )
    return views.measurement_public(row)


@router.get(
    "/indicators/{indicator_id}/measurements",
    name="measurements-list",
    responses=problem_responses(400, 401, 403, 404),
)
def list_measurements(
    access: IndicatorReader,
    db: DbSession,
    paging: Paging,
    include_retired: Annotated[
        bool, Query(description="Also corrected and withdrawn measurements (the history)")
    ] = False,
) -> Page[MeasurementPublic]:
    """The indicator's measurements, oldest date first."""
    stmt = repo.measurements(access.indicator.id, include_retired=include_retired)
    rows, cursor = page_by_date(db, stmt, paging)
    return Page(items=[views.measurement_public(row) for row in rows], next_cursor=cursor)


@router.get(
    "/indicators/{indicator_id}/series",
    name="indicators-series",
    responses=problem_responses(401, 403, 404),
)
def read_series(access: IndicatorReader, db: DbSession) -> IndicatorSeries:
    """Chart data: the current measurements (up to the latest 1000) by date, with the
    indicator's baseline, target and `progress` (0 at the baseline, 1 at the target)."""
    return views.series(db, access.indicator)


@router.post(
    "/measurements/{measurement_id}/correction",
    name="measurements-correct",
    status_code=status.HTTP_201_CREATED,
    responses=problem_responses(401, 403, 404, 409),
)
def correct_measurement(
    data: MeasurementCorrection, access: MeasurementEditor, db: DbSession
) -> MeasurementPublic:
    """Correct a measurement: a new measurement replaces it, and the old one stays in the
    history with the reason (409 `measurement_retired` if it was already replaced or
    withdrawn). Answers the new measurement."""
    row = measurements.correct_measurement(db=db, access=access, data=data)
    return views.measurement_public(row)


@router.post(
    "/measurements/{measurement_id}/withdrawal",
    name="measurements-withdraw",
    responses=problem_responses(401, 403, 404, 409),
)
def withdraw_measurement(
    data: MeasurementWithdrawal, access: MeasurementEditor, db: DbSession
) -> MeasurementPublic:
    """Withdraw a measurement that should not count: it leaves the series and stays in the
    history with the reason."""
    row = measurements.withdraw_measurement(db=db, access=access, data=data)
    return views.measurement_public(row)
