"""Outcome indicators of an initiative and their dated measurements (METHOD.md phase 11).

An indicator says what should change for people, in which unit, from which baseline towards which
target. Measurements are never deleted: a correction writes a new measurement and marks the old one
`replaced_by_id`; a withdrawal marks it `retired_at` with a reason. Both stay in the history.
"""

import uuid
from datetime import date, datetime
from enum import StrEnum

from sqlmodel import Field, SQLModel

from backend.models.base import created_field, enum_field, fk, id_field, time_field


class IndicatorUnit(StrEnum):
    percent = "percent"  # 0 to 100
    count = "count"  # type: ignore[assignment]  # whole numbers, 0 or more (shadows str.count)
    people = "people"  # whole numbers, 0 or more
    score = "score"  # any finite number (a scale's own range is in the description)
    gbp = "gbp"  # pounds sterling; may be negative (a saving, a deficit)
    days = "days"  # 0 or more
    hours = "hours"  # 0 or more
    ratio = "ratio"  # 0 or more
    other = "other"  # any finite number, named by `unit_label`


class Direction(StrEnum):
    increase = "increase"
    decrease = "decrease"
    maintain = "maintain"


class OutcomeIndicator(SQLModel, table=True):
    id: uuid.UUID = id_field()
    initiative_id: uuid.UUID = fk("initiative.id")
    name: str = Field(max_length=200)
    description: str | None = Field(default=None, max_length=2000)
    unit: IndicatorUnit = enum_field()
    unit_label: str | None = Field(default=None, max_length=40)
    direction: Direction = enum_field()
    baseline_value: float | None = None
    baseline_on: date | None = None
    target_value: float | None = None
    target_on: date | None = None
    position: int = 0
    created_by_id: uuid.UUID | None = fk("user.id", nullable=True, ondelete="SET NULL")
    created_at: datetime = created_field()
    updated_at: datetime | None = time_field()


class OutcomeMeasurement(SQLModel, table=True):
    id: uuid.UUID = id_field()
    indicator_id: uuid.UUID = fk("outcomeindicator.id")
    value: float
    unit: IndicatorUnit = enum_field()
    measured_on: date = Field(index=True)
    source: str = Field(max_length=300)
    note: str | None = Field(default=None, max_length=2000)
    recorded_by_id: uuid.UUID | None = fk("user.id", nullable=True, ondelete="SET NULL")
    # As shown in the history when it was recorded (an account name, or a steward member's).
    recorded_by_name: str | None = Field(default=None, max_length=120)
    created_at: datetime = created_field()
    # Set when a correction replaced it, or when it was withdrawn; it then leaves the series.
    replaced_by_id: uuid.UUID | None = fk(
        "outcomemeasurement.id", nullable=True, index=False, ondelete="SET NULL"
    )
    retired_at: datetime | None = time_field()
    retired_by_id: uuid.UUID | None = fk("user.id", nullable=True, index=False, ondelete="SET NULL")
    retired_reason: str | None = Field(default=None, max_length=500)
