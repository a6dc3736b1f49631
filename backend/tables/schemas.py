"""Request and response bodies of the tables slice."""

import uuid
from datetime import datetime
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, field_validator

from backend.models import ConstraintKind, ParticipantStatus

# A 700-delegate conference needs ~100 tables; the cap keeps the one-call board bounded.
MAX_TABLES = 300
MAX_SEED = 2**31 - 1  # fits a 32-bit integer column on PostgreSQL


class _Body(BaseModel):
    model_config = ConfigDict(extra="forbid")


class _Named(_Body):
    @field_validator("name", check_fields=False)
    @classmethod
    def _blank_is_none(cls, value: str | None) -> str | None:
        return (value.strip() or None) if value is not None else None


class TableCreate(_Named):
    name: str | None = Field(default=None, max_length=80, description="e.g. 'By the window'")


class TableUpdate(_Named):
    name: str | None = Field(default=None, max_length=80, description="null clears the name")


class TableRef(BaseModel):
    id: uuid.UUID
    number: int
    name: str | None


class SeatMember(BaseModel):
    id: uuid.UUID
    display_name: str
    perspective: str | None
    network_roles: list[str]
    pinned: bool
    status: ParticipantStatus


class TablePublic(TableRef):
    created_at: datetime
    members: list[SeatMember]
    size: int
    perspectives_present: int = Field(description="Distinct perspectives among the members")
    over_capacity: bool = Field(description="More members than the session's maximum size")


class SeatingBoard(BaseModel):
    """Every table of the session with its members, and who is not seated yet (removed
    participants are left out)."""

    size_min: int
    size_max: int
    tables: list[TablePublic]
    unseated: list[SeatMember]


class AllocationCreate(_Body):
    seed: int | None = Field(
        default=None, ge=0, le=MAX_SEED, description="Repeat a run; random when absent"
    )
    table_count: int | None = Field(
        default=None, ge=1, le=MAX_TABLES, description="Chosen from the head-count when absent"
    )
    keep_pinned: bool = Field(
        default=True, description="Pinned people stay at their table; false clears every pin"
    )


class AllocationIssue(BaseModel):
    table_id: uuid.UUID | None
    table_number: int | None
    code: str = Field(description="e.g. too_few_perspectives, headcount_below_minimum")
    params: dict[str, Any]


class ViolatedConstraint(BaseModel):
    kind: str
    first_id: str
    second_id: str


class AllocationRunPublic(BaseModel):
    id: uuid.UUID
    seed: int
    diversity: int = Field(description="Distinct (table, perspective) pairs achieved")
    diversity_max: int = Field(description="The most any allocation of these people could reach")
    table_count: int
    keep_pinned: bool
    issues: list[AllocationIssue]
    violated: list[ViolatedConstraint]
    created_at: datetime


class AllocationOutcome(AllocationRunPublic):
    board: SeatingBoard


class SeatUpdate(_Body):
    table_id: uuid.UUID | None = Field(description="null unseats the participant")
    pinned: bool = Field(default=False, description="Keep this seat when allocating again")


class SeatPublic(BaseModel):
    participant_id: uuid.UUID
    table: TableRef | None
    pinned: bool
    table_size: int
    over_capacity: bool = Field(description="The table now holds more than the maximum size")


class ConstraintCreate(_Body):
    kind: ConstraintKind
    first_id: uuid.UUID
    second_id: uuid.UUID


class ConstraintPublic(BaseModel):
    id: uuid.UUID
    kind: ConstraintKind
    first_id: uuid.UUID
    second_id: uuid.UUID
    created_at: datetime


class Tablemate(BaseModel):
    id: uuid.UUID
    display_name: str
    perspective: str | None = Field(description="Only when that person agreed to share it")
    is_me: bool


class PooledStrengths(BaseModel):
    social: list[str] = []
    human: list[str] = []
    public: list[str] = []
    physical: list[str] = []
    financial: list[str] = []


class MyTable(BaseModel):
    table: TableRef | None = Field(description="null until you are seated")
    tablemates: list[Tablemate]
    pooled_strengths: PooledStrengths
    perspectives_present: int
