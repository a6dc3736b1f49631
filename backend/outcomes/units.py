"""What a value may be in each unit, and whether a target can lie in an indicator's direction.

Decisions (documented in the OpenAPI text of the indicator routes):
- `percent` runs from 0 to 100; `count` and `people` are whole numbers, 0 or more; `days`,
  `hours` and `ratio` are 0 or more; `score`, `gbp` and `other` may be any finite number (a
  score's scale, money saved or lost, a unit named by `unit_label`).
- Every value is finite and at most 10^12 in size, so that floats stay exact enough to compare.
- `increase` needs the target above the baseline, `decrease` below it; `maintain` holds a level, so
  any target is accepted (usually the baseline itself). Equal baseline and target are impossible
  for `increase`/`decrease`: there would be nothing to move.
"""

from backend.models import Direction, IndicatorUnit

MAGNITUDE_LIMIT = 1e12
WHOLE_UNITS = frozenset({IndicatorUnit.count, IndicatorUnit.people})
NON_NEGATIVE_UNITS = frozenset(
    {*WHOLE_UNITS, IndicatorUnit.days, IndicatorUnit.hours, IndicatorUnit.ratio}
)


def value_problem(unit: IndicatorUnit, value: float) -> str | None:
    """Why `value` cannot be a value in `unit`, or None when it can."""
    if abs(value) > MAGNITUDE_LIMIT:
        return "is too large (at most 10^12 either side of 0)"
    if unit == IndicatorUnit.percent and not 0 <= value <= 100:
        return "must be a percentage from 0 to 100"
    if unit in NON_NEGATIVE_UNITS and value < 0:
        return f"cannot be negative in {unit}"
    if unit in WHOLE_UNITS and not float(value).is_integer():
        return f"must be a whole number in {unit}"
    return None


def direction_problem(direction: Direction, baseline: float, target: float) -> str | None:
    """Why a target cannot be reached from the baseline in this direction, or None."""
    if direction == Direction.increase and target <= baseline:
        return "An indicator that should increase needs a target above its baseline"
    if direction == Direction.decrease and target >= baseline:
        return "An indicator that should decrease needs a target below its baseline"
    return None


def progress_fraction(
    direction: Direction, baseline: float | None, target: float | None, latest: float | None
) -> float | None:
    """How far the latest value has come from the baseline towards the target: 0 at the
    baseline, 1 at the target, below 0 when it moved the wrong way, above 1 past the target.
    None for `maintain` (there is no distance to travel) or when a value is missing."""
    if direction == Direction.maintain or baseline is None or target is None or latest is None:
        return None
    if target == baseline:
        return None
    return (latest - baseline) / (target - baseline)
