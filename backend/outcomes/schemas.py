"""Request and response bodies of outcome indicators, measurements and their series."""

import uuid
from datetime import date, datetime
from typing import Annotated

from pydantic import BaseModel, Field, StringConstraints

from backend.accounts.schemas import Body
from backend.models import Direction, IndicatorUnit

# A number and only a number: no strings, booleans, NaN or infinity.
Number = Annotated[float, Field(strict=True, allow_inf_nan=False)]
Name = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=200)]
Description = Annotated[str, StringConstraints(strip_whitespace=True, max_length=2000)]
UnitLabel = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=40)]
Source = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=300)]
Note = Annotated[str, StringConstraints(strip_whitespace=True, max_length=2000)]
Reason = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=500)]
Position = Annotated[int, Field(ge=0, le=10_000)]


class IndicatorFields(Body):
    description: Description | None = None
    unit_label: UnitLabel | None = Field(
        default=None, description="The unit's name; required with unit `other`, refused otherwise"
    )
    baseline_value: Number | None = Field(default=None, description="Where things stood")
    baseline_on: date | None = Field(default=None, description="When the baseline was measured")
    target_value: Number | None = Field(default=None, description="Where things should get to")
    target_on: date | None = Field(default=None, description="By when")
    position: Position | None = Field(default=None, description="Order on the initiative's page")


class IndicatorCreate(IndicatorFields):
    name: Name = Field(description="What should change for people")
    unit: IndicatorUnit
    direction: Direction = Field(description="Which way is better")


class IndicatorUpdate(IndicatorFields):
    """Only the fields present change; `null` clears an optional one."""

    name: Name | None = None
    unit: IndicatorUnit | None = None
    direction: Direction | None = None


class IndicatorPublic(BaseModel):
    id: uuid.UUID
    initiative_id: uuid.UUID
    name: str
    description: str | None
    unit: IndicatorUnit
    unit_label: str | None
    direction: Direction
    baseline_value: float | None
    baseline_on: date | None
    target_value: float | None
    target_on: date | None
    position: int
    measurement_count: int = Field(description="Current measurements (not replaced or withdrawn)")
    latest_value: float | None
    latest_on: date | None
    progress: float | None = Field(
        description="From baseline (0) to target (1) by the latest value; null for `maintain` "
        "or when the baseline, target or a measurement is missing"
    )
    created_at: datetime
    updated_at: datetime | None


class IndicatorList(BaseModel):
    items: list[IndicatorPublic]


class MeasurementCreate(Body):
    value: Number
    unit: IndicatorUnit = Field(description="Must be the indicator's unit (catches mix-ups)")
    measured_on: date = Field(description="Not before 1900, at most one day after today (UTC)")
    source: Source = Field(description="Where the figure comes from")
    note: Note | None = None


class MeasurementCorrection(MeasurementCreate):
    reason: Reason = Field(description="Why the measurement is corrected")


class MeasurementWithdrawal(Body):
    reason: Reason = Field(description="Why the measurement is withdrawn")


class MeasurementPublic(BaseModel):
    id: uuid.UUID
    indicator_id: uuid.UUID
    value: float
    unit: IndicatorUnit
    measured_on: date
    source: str
    note: str | None
    recorded_by_name: str | None = Field(description="Who recorded it (null if they left)")
    created_at: datetime
    replaced_by_id: uuid.UUID | None = Field(description="The correction that replaced it")
    retired_at: datetime | None = Field(description="When it was corrected or withdrawn")
    retired_reason: str | None


class SeriesPoint(BaseModel):
    measurement_id: uuid.UUID
    measured_on: date
    value: float
    source: str
    note: str | None


class IndicatorSeries(BaseModel):
    indicator: IndicatorPublic
    points: list[SeriesPoint] = Field(description="Current measurements, oldest date first")
    truncated: bool = Field(description="True when only the latest points are included")
