"""Recording, correcting and withdrawing measurements. Nothing is ever deleted: a correction is
a new measurement that replaces the old one, a withdrawal marks one with a reason; both stay in
the history (`include_retired=true`)."""

from sqlmodel import Session

from backend.initiatives.access import InitiativeAccess
from backend.initiatives.activity import touch
from backend.kit.clock import utcnow
from backend.models import OutcomeIndicator, OutcomeMeasurement
from backend.outcomes.access import MeasurementAccess
from backend.outcomes.errors import MeasurementRetired, UnitMismatch
from backend.outcomes.rules import check_measured_on, check_value
from backend.outcomes.schemas import MeasurementCorrection, MeasurementCreate, MeasurementWithdrawal
from backend.webhooks.notify import outcome_measured


def record_measurement(
    *,
    db: Session,
    indicator: OutcomeIndicator,
    recorded_by: InitiativeAccess,
    data: MeasurementCreate,
) -> OutcomeMeasurement:
    """The one place a measurement is created (new or as a correction): it counts as the
    initiative's activity and is announced to partners as `outcome.measured`."""
    if data.unit != indicator.unit:
        raise UnitMismatch(
            f"This indicator is measured in {indicator.unit}, not {data.unit}",
            errors=[
                {
                    "loc": ["body", "unit"],
                    "msg": "Not the indicator's unit",
                    "type": "unit_mismatch",
                }
            ],
        )
    check_value(indicator.unit, data.value)
    check_measured_on(data.measured_on)
    measurement = OutcomeMeasurement(
        indicator_id=indicator.id,
        value=data.value,
        unit=indicator.unit,
        measured_on=data.measured_on,
        source=data.source,
        note=data.note or None,
        recorded_by_id=recorded_by.user.id,
        recorded_by_name=recorded_by.actor_name[:120],
    )
    db.add(measurement)
    db.flush()
    touch(db, recorded_by.initiative)
    outcome_measured(db, recorded_by.initiative, indicator, measurement)
    return measurement


def _current(db: Session, access: MeasurementAccess) -> OutcomeMeasurement:
    """The measurement, locked against a simultaneous correction or withdrawal."""
    row = db.get(
        OutcomeMeasurement, access.measurement.id, with_for_update=True, populate_existing=True
    )
    if row is None or row.retired_at is not None:
        raise MeasurementRetired()
    return row


def correct_measurement(
    *, db: Session, access: MeasurementAccess, data: MeasurementCorrection
) -> OutcomeMeasurement:
    old = _current(db, access)
    new = record_measurement(
        db=db,
        indicator=access.indicator,
        recorded_by=access.initiative,
        data=MeasurementCreate.model_validate(data.model_dump(exclude={"reason"})),
    )
    old.replaced_by_id = new.id
    _retire(old, access, data.reason)
    db.add(old)
    db.flush()
    return new


def withdraw_measurement(
    *, db: Session, access: MeasurementAccess, data: MeasurementWithdrawal
) -> OutcomeMeasurement:
    row = _current(db, access)
    _retire(row, access, data.reason)
    db.add(row)
    db.flush()
    return row


def _retire(row: OutcomeMeasurement, access: MeasurementAccess, reason: str) -> None:
    row.retired_at = utcnow()
    row.retired_by_id = access.initiative.user.id
    row.retired_reason = reason
