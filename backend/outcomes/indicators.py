"""Creating, changing and deleting an initiative's outcome indicators."""

from sqlmodel import Session

from backend.initiatives.access import InitiativeAccess
from backend.kit.clock import utcnow
from backend.models import IndicatorUnit, OutcomeIndicator
from backend.outcomes import repository as repo
from backend.outcomes.access import IndicatorAccess
from backend.outcomes.errors import IndicatorHasMeasurements, UnitLocked
from backend.outcomes.rules import check_indicator
from backend.outcomes.schemas import IndicatorCreate, IndicatorUpdate


def create_indicator(
    *, db: Session, access: InitiativeAccess, data: IndicatorCreate
) -> OutcomeIndicator:
    fields = data.model_dump(exclude={"position"})
    position = data.position
    if position is None:
        position = repo.next_position(db, access.initiative.id)
    indicator = OutcomeIndicator(
        **fields,
        initiative_id=access.initiative.id,
        position=position,
        created_by_id=access.user.id,
    )
    check_indicator(indicator)
    db.add(indicator)
    db.flush()
    return indicator


def update_indicator(
    *, db: Session, access: IndicatorAccess, data: IndicatorUpdate
) -> OutcomeIndicator:
    """Apply the fields given, then check the indicator as a whole; nothing is written if any
    rule fails (the request's transaction rolls back)."""
    indicator = access.indicator
    changes = data.model_dump(exclude_unset=True)
    for required in ("name", "unit", "direction", "position"):
        if changes.get(required, "") is None:
            del changes[required]
    new_unit = changes.get("unit", indicator.unit)
    if new_unit != indicator.unit:
        if repo.has_measurements(db, indicator.id):
            raise UnitLocked("Add a new indicator for the new unit instead")
        if new_unit != IndicatorUnit.other and "unit_label" not in changes:
            changes["unit_label"] = None
    for field, value in changes.items():
        setattr(indicator, field, value)
    check_indicator(indicator)
    indicator.updated_at = utcnow()
    db.add(indicator)
    db.flush()
    return indicator


def delete_indicator(*, db: Session, access: IndicatorAccess) -> None:
    """Only an indicator without any measurement (withdrawn ones count: they are history)."""
    if repo.has_measurements(db, access.indicator.id):
        raise IndicatorHasMeasurements()
    db.delete(access.indicator)
    db.flush()
