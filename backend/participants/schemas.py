"""Request and response bodies of the participants slice."""

import unicodedata
import uuid
from datetime import datetime
from typing import Annotated, Any

from pydantic import (
    AfterValidator,
    BaseModel,
    ConfigDict,
    EmailStr,
    Field,
    StrictBool,
    StringConstraints,
    field_validator,
    model_validator,
)

from backend.errors import FieldError
from backend.kit.i18n import Locale, LocalizedText, LocalizedTitle
from backend.models import Mode, NetworkRole, ParticipantStatus, Phase
from backend.workshops.schemas import TimerPublic


def single_line(value: str) -> str:
    """No control characters at all (PostgreSQL cannot even store NUL)."""
    if isinstance(value, str) and any(unicodedata.category(ch) == "Cc" for ch in value):
        raise ValueError("must not contain control characters")
    return value


def multi_line(value: str) -> str:
    """Line breaks and tabs allowed; other control characters not."""
    if isinstance(value, str) and any(
        unicodedata.category(ch) == "Cc" and ch not in "\n\r\t" for ch in value
    ):
        raise ValueError("must not contain control characters other than line breaks")
    return value


Line = AfterValidator(single_line)
Text = AfterValidator(multi_line)
DisplayName = Annotated[
    str, StringConstraints(strip_whitespace=True, min_length=1, max_length=80), Line
]
PerspectiveKey = Annotated[
    str, StringConstraints(strip_whitespace=True, min_length=1, max_length=40), Line
]
AccessNeeds = Annotated[str, StringConstraints(strip_whitespace=True, max_length=1000), Text]
Email = Annotated[EmailStr, Field(max_length=320)]
StrengthText = Annotated[str, StringConstraints(strip_whitespace=True, max_length=500), Text]
Code = Annotated[str, StringConstraints(min_length=1, max_length=32), Line]
Secret = Annotated[str, StringConstraints(min_length=1, max_length=200), Line]
NetworkRoles = Annotated[list[NetworkRole], Field(max_length=3)]

_NOT_NULL = ("display_name", "network_roles", "strengths", "consent")


def _reject_null(value: Any) -> Any:
    if value is None:
        raise ValueError("may be left out, but not null")
    return value


class Strengths(BaseModel):
    """What the person brings, in the five kinds of capital (each optional, up to 500 characters).
    In an update, a key sent as null or "" clears that capital; keys left out stay as they are."""

    model_config = ConfigDict(extra="forbid")

    social: StrengthText | None = None
    human: StrengthText | None = None
    public: StrengthText | None = None
    physical: StrengthText | None = None
    financial: StrengthText | None = None


class Consent(BaseModel):
    publish: bool = Field(description="My contributions may be published (without my name)")
    contact: bool = Field(description="I may be contacted after the session")
    share_perspective: bool = Field(description="My tablemates may see my perspective")
    recorded_at: datetime | None = Field(description="When these choices were last made")


class ConsentUpdate(BaseModel):
    model_config = ConfigDict(extra="forbid")

    publish: StrictBool | None = None
    contact: StrictBool | None = None
    share_perspective: StrictBool | None = None


class ProfileUpdate(BaseModel):
    """Fields a participant may change about themselves; all optional."""

    model_config = ConfigDict(extra="forbid")

    display_name: DisplayName | None = None
    perspective: PerspectiveKey | None = Field(
        default=None,
        description="One of the five built-in perspectives or a key of the organisation's own",
    )
    network_roles: NetworkRoles | None = None
    strengths: Strengths | None = None
    consent: ConsentUpdate | None = None
    email: Email | None = Field(default=None, description="Kept only with contact consent")
    access_needs: AccessNeeds | None = Field(
        default=None, description="Private: only you and the facilitators see it"
    )
    locale: Locale | None = None

    @field_validator(*_NOT_NULL, mode="before")
    @classmethod
    def _not_null(cls, value: Any) -> Any:
        return _reject_null(value)


class ParticipantUpdate(ProfileUpdate):
    """Facilitators may edit every profile field, e.g. to record choices made on paper."""


class ParticipantCreate(BaseModel):
    """Pre-register one person; they claim the record with their rejoin link or recovery code."""

    model_config = ConfigDict(extra="forbid")

    display_name: DisplayName
    email: Email | None = None
    perspective: PerspectiveKey | None = None
    network_roles: NetworkRoles = Field(default_factory=list)
    access_needs: AccessNeeds | None = None


class JoinRequest(BaseModel):
    model_config = ConfigDict(extra="forbid")

    code: Code = Field(description="The session's join code")
    display_name: DisplayName = Field(description="Any name you like; pseudonyms are welcome")
    locale: Locale | None = None


class RejoinRequest(BaseModel):
    """Either `rejoin_token` (from the rejoin link) or `join_code` + `recovery_code`."""

    model_config = ConfigDict(extra="forbid")

    rejoin_token: Secret | None = None
    join_code: Code | None = None
    recovery_code: Code | None = None

    @model_validator(mode="after")
    def _one_way(self) -> "RejoinRequest":
        by_code = self.join_code is not None or self.recovery_code is not None
        if self.rejoin_token is not None and by_code:
            raise ValueError("send rejoin_token, or join_code with recovery_code, not both")
        if self.rejoin_token is None and (self.join_code is None or self.recovery_code is None):
            raise ValueError("send rejoin_token, or both join_code and recovery_code")
        return self


class TableRef(BaseModel):
    id: uuid.UUID
    number: int
    name: str | None


class ParticipantSelf(BaseModel):
    """A participant's own full profile (what they see about themselves)."""

    id: uuid.UUID
    session_id: uuid.UUID
    display_name: str
    perspective: str | None
    network_roles: list[NetworkRole]
    strengths: Strengths
    consent: Consent
    email: str | None
    access_needs: str | None
    locale: Locale | None
    status: ParticipantStatus
    table_id: uuid.UUID | None
    created_at: datetime


class ParticipantAdmin(ParticipantSelf):
    """What facilitators see: the whole profile, including private access needs and seating."""

    table: TableRef | None
    pinned: bool
    updated_at: datetime | None
    removed_at: datetime | None


class Credentials(BaseModel):
    participant: ParticipantSelf
    token: str = Field(
        description="Bearer credential for API clients (`Authorization: Bearer cyd_pt_...`); "
        "browsers use the `cyd_participant` cookie set by the same response"
    )
    rejoin_url: str | None = Field(
        description="Personal link back into the session, `{base}/rejoin#{rejoin_token}`. The "
        "token is in the URL fragment so it never reaches server logs; the SPA's /rejoin page "
        "reads it from the fragment (or from `?token=`) and posts it to /rejoin. Shown once, on "
        "join; null on rejoin (the link you hold stays valid until a facilitator re-issues it)"
    )
    recovery_code: str | None = Field(
        description="12-character code (e.g. `ACDE-FHJK-MNPQ`) to use with the join code on "
        "another device. Shown once, on join; null on rejoin"
    )


class IssuedCredentials(BaseModel):
    """A pre-registered (or re-issued) person's way in, to hand to them. Shown only this once."""

    participant: ParticipantAdmin
    rejoin_url: str
    recovery_code: str


class ImportResult(BaseModel):
    dry_run: bool
    count: int = Field(description="Rows that are (or would be) imported")
    items: list[IssuedCredentials] = Field(description="Empty on a dry run")


class CsvRowError(BaseModel):
    row: int | None = Field(description="Row number as a spreadsheet shows it (header = 1)")
    column: str | None
    message: str


class CsvProblem(BaseModel):
    """`csv_invalid` lists rows; a bad query parameter gives the usual field errors."""

    type: str
    title: str
    status: int
    detail: str | None = None
    code: str
    errors: list[CsvRowError | FieldError] | None = None


class Targets(BaseModel):
    ideas_per_person_min: int
    ideas_per_person_max: int
    ideas_per_table: int
    table_size_min: int
    table_size_max: int


class PerspectiveOption(BaseModel):
    """A perspective the session's organisation added beside the five built-in ones."""

    key: str
    label: LocalizedText


class SessionView(BaseModel):
    """What a participant sees of their session."""

    id: uuid.UUID
    title: LocalizedTitle
    challenge: LocalizedText
    consent_text: LocalizedText
    languages: list[str]
    phase: Phase
    timer: TimerPublic
    mode: Mode
    venue: str | None
    starts_at: datetime
    ends_at: datetime | None
    targets: Targets
    custom_perspectives: list[PerspectiveOption]
