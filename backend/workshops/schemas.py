"""Request and response bodies of the sessions (workshops) API."""

import uuid
from datetime import UTC, datetime
from enum import StrEnum
from typing import Annotated, Any, ClassVar, Literal

from pydantic import (
    AfterValidator,
    AwareDatetime,
    BaseModel,
    ConfigDict,
    Field,
    ValidationInfo,
    field_validator,
)

from backend.kit.i18n import LocalizedText, LocalizedTitle
from backend.models import Mode, Phase

EARLIEST = datetime(2000, 1, 1, tzinfo=UTC)
LATEST = datetime(2200, 1, 1, tzinfo=UTC)


def _utc_in_range(value: datetime) -> datetime:
    try:
        value = value.astimezone(UTC)
    except OverflowError as exc:
        raise ValueError("date is out of range") from exc
    if not EARLIEST <= value < LATEST:
        raise ValueError("must be between the years 2000 and 2199")
    return value


def _unique(values: list[str]) -> list[str]:
    if len(set(values)) != len(values):
        raise ValueError("each language may appear once")
    return values


UtcDatetime = Annotated[AwareDatetime, AfterValidator(_utc_in_range)]
Language = Literal["en", "cy"]
Languages = Annotated[list[Language], Field(min_length=1, max_length=2), AfterValidator(_unique)]
PerPerson = Annotated[int, Field(strict=True, ge=1, le=100)]
PerTable = Annotated[int, Field(strict=True, ge=1, le=5000)]
Seats = Annotated[int, Field(strict=True, ge=2, le=20)]
Venue = Annotated[str, Field(max_length=300)]


def _both_languages() -> list[Language]:
    return ["en", "cy"]


class Body(BaseModel):
    model_config = ConfigDict(extra="forbid")


class PartialBody(Body):
    """PATCH bodies: absent fields stay as they are; `null` is refused unless the field may be
    empty (`nullable`)."""

    nullable: ClassVar[frozenset[str]] = frozenset()

    @field_validator("*", mode="before")
    @classmethod
    def _no_null(cls, value: Any, info: ValidationInfo) -> Any:
        if value is None and info.field_name not in cls.nullable:
            raise ValueError("may not be null; leave the field out to keep it")
        return value


class Targets(Body):
    ideas_per_person_min: PerPerson = 10
    ideas_per_person_max: PerPerson = 15
    ideas_per_table: PerTable = 100


class TargetsUpdate(PartialBody):
    ideas_per_person_min: PerPerson | None = None
    ideas_per_person_max: PerPerson | None = None
    ideas_per_table: PerTable | None = None


class TableSize(Body):
    min: Seats = 5
    max: Seats = 8


class TableSizeUpdate(PartialBody):
    min: Seats | None = None
    max: Seats | None = None


class SessionCreate(Body):
    """A new session. Cross-field rules: at least one title language; `ends_at` after
    `starts_at`; ideas per person min <= max; table size min <= max; no venue when online."""

    organisation_id: uuid.UUID
    title: LocalizedTitle
    challenge: LocalizedText = Field(default_factory=LocalizedText)
    consent_text: LocalizedText = Field(default_factory=LocalizedText)
    mode: Mode = Mode.venue
    venue: Venue | None = None
    starts_at: UtcDatetime
    ends_at: UtcDatetime | None = None
    languages: Languages = Field(default_factory=_both_languages)
    targets: Targets = Field(default_factory=Targets)
    table_size: TableSize = Field(default_factory=TableSize)


class SessionUpdate(PartialBody):
    """Change some fields. In `title`, `challenge` and `consent_text` only the languages sent
    change (`{"cy": "..."}` keeps the English). The same rules as creation hold for the result."""

    nullable = frozenset({"venue", "ends_at"})

    title: LocalizedTitle | None = None
    challenge: LocalizedText | None = None
    consent_text: LocalizedText | None = None
    mode: Mode | None = None
    venue: Venue | None = None
    starts_at: UtcDatetime | None = None
    ends_at: UtcDatetime | None = None
    languages: Languages | None = None
    targets: TargetsUpdate | None = None
    table_size: TableSizeUpdate | None = None


class TimerState(StrEnum):
    running = "running"
    paused = "paused"
    stopped = "stopped"
    expired = "expired"


class TimerPublic(BaseModel):
    """The current phase's countdown. Clients count down from `remaining_seconds` (or to
    `ends_at`, corrected by their clock's offset from `server_now`)."""

    state: TimerState
    duration_seconds: int | None = Field(description="Total length including extensions")
    ends_at: datetime | None = Field(description="When a running timer reaches zero")
    remaining_seconds: int | None
    server_now: datetime


class TimerStart(Body):
    duration_seconds: int = Field(strict=True, ge=10, le=86400)


class TimerExtend(Body):
    seconds: int = Field(strict=True, ge=1, le=7200)


class SessionPublic(BaseModel):
    id: uuid.UUID
    organisation_id: uuid.UUID
    title: LocalizedTitle
    challenge: LocalizedText
    consent_text: LocalizedText
    mode: Mode
    venue: str | None
    starts_at: datetime
    ends_at: datetime | None
    languages: list[str]
    targets: Targets
    table_size: TableSize
    phase: Phase
    phase_changed_at: datetime | None
    timer: TimerPublic
    join_code: str
    join_url: str
    join_code_expires_at: datetime = Field(
        description=(
            "The join code works while the session is not archived and until this moment: "
            "`ends_at` when set, otherwise the end (midnight UTC) of the day after the day of "
            "`starts_at`."
        )
    )
    join_code_active: bool
    archived: bool
    archived_at: datetime | None
    created_at: datetime
    updated_at: datetime | None


class PhaseChangeRequest(Body):
    to: Phase
    reason: str | None = Field(
        default=None, max_length=1000, description="Required when going back a phase"
    )


class PhaseChangePublic(BaseModel):
    id: uuid.UUID
    from_phase: Phase
    to_phase: Phase
    reason: str | None
    changed_by_id: uuid.UUID | None
    created_at: datetime


class JoinPreview(BaseModel):
    """What someone about to join sees: enough to recognise the session and give consent."""

    session_id: uuid.UUID
    title: LocalizedTitle
    challenge: LocalizedText
    consent_text: LocalizedText
    languages: list[str]
    phase: Phase
    mode: Mode
    venue: str | None
    starts_at: datetime
