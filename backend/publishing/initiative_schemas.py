"""The initiatives of a published session as anyone may see them: their stewards by role, their
action plans in figures, and their outcome indicators with measurements."""

import uuid
from datetime import date, datetime

from pydantic import BaseModel, Field

from backend.models import InitiativeStatus
from backend.partners.read_schemas import (
    TITLE_WITHHELD,
    PartnerIndicator,
    PartnerMeasurement,
    PartnerSteward,
)


class PublicActionCounts(BaseModel):
    todo: int
    doing: int
    done: int
    blocked: int


class PublicPlanSummary(BaseModel):
    """The action plan in figures; the actions' titles, owners and notes stay inside."""

    action_count: int
    counts: PublicActionCounts
    next_due_on: date | None = Field(description="The earliest due date of an action not done")


class PublicIndicator(PartnerIndicator):
    """What should change for people, with its current measurements (oldest first)."""

    position: int
    updated_at: datetime | None
    measurement_count: int = Field(description="Current measurements, suppressed ones included")
    latest_value: float | None = Field(
        description="The latest measurement that can be shown (suppressed ones are skipped)"
    )
    latest_on: date | None
    progress: float | None = Field(
        description="From baseline (0) to target (1) by `latest_value`; null for `maintain`, or "
        "when the baseline, the target or a shown measurement is missing"
    )
    measurements: list[PartnerMeasurement]


class PublicInitiative(BaseModel):
    id: uuid.UUID
    title: str | None = Field(description=TITLE_WITHHELD)
    summary: str | None = Field(description="Null when empty, or withheld with the title")
    words_withheld: bool
    status: InitiativeStatus
    table_number: int | None = Field(description="The table whose idea it carries forward")
    steward: PartnerSteward | None = Field(
        description="Its members by role, by name only if they agreed to be named"
    )
    plan: PublicPlanSummary
    indicators: list[PublicIndicator]


class PublicInitiatives(BaseModel):
    """The initiatives that came from a published session, oldest first."""

    items: list[PublicInitiative]
