"""The checks an indicator's whole state and a measurement must pass, with field paths."""

from datetime import date, timedelta

from backend.errors import AppError
from backend.kit.clock import utcnow
from backend.models import IndicatorUnit, OutcomeIndicator
from backend.outcomes.errors import (
    DateOutOfRange,
    TargetAgainstDirection,
    UnitLabelRule,
    ValueDateIncomplete,
    ValueOutOfRange,
)
from backend.outcomes.units import direction_problem, value_problem

EARLIEST = date(1900, 1, 1)
LATEST_TARGET = date(2200, 12, 31)


def latest_measurable() -> date:
    """Measurements and baselines may be dated at most one day ahead (time zones, late nights)."""
    return utcnow().date() + timedelta(days=1)


def _field_error(error: type[AppError], field: str, msg: str) -> AppError:
    return error(msg, errors=[{"loc": ["body", field], "msg": msg, "type": error.code}])


def check_value(unit: IndicatorUnit, value: float, field: str = "value") -> None:
    problem = value_problem(unit, value)
    if problem is not None:
        raise _field_error(ValueOutOfRange, field, f"The value {problem}")


def check_measured_on(day: date, field: str = "measured_on") -> None:
    if not EARLIEST <= day <= latest_measurable():
        raise _field_error(
            DateOutOfRange, field, "Use a date from 1900 up to tomorrow: it cannot be measured yet"
        )


def check_indicator(indicator: OutcomeIndicator) -> None:
    """The indicator as it would be saved: unit label, values in the unit, dates, direction."""
    if (indicator.unit == IndicatorUnit.other) != (indicator.unit_label is not None):
        raise _field_error(
            UnitLabelRule, "unit_label", "Name the unit with unit 'other', and only then"
        )
    for kind in ("baseline", "target"):
        value, day = getattr(indicator, f"{kind}_value"), getattr(indicator, f"{kind}_on")
        if (value is None) != (day is None):
            missing = f"{kind}_on" if day is None else f"{kind}_value"
            raise _field_error(ValueDateIncomplete, missing, f"Give the {kind}'s value and date")
        if value is not None:
            check_value(indicator.unit, value, f"{kind}_value")
    if indicator.baseline_on is not None:
        check_measured_on(indicator.baseline_on, "baseline_on")
    if indicator.target_on is not None:
        after = indicator.baseline_on or EARLIEST
        if not after < indicator.target_on <= LATEST_TARGET:
            raise _field_error(
                DateOutOfRange, "target_on", "The target date must come after the baseline's"
            )
    if indicator.baseline_value is not None and indicator.target_value is not None:
        problem = direction_problem(
            indicator.direction, indicator.baseline_value, indicator.target_value
        )
        if problem is not None:
            raise _field_error(TargetAgainstDirection, "target_value", problem)
