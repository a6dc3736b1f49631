"""Participants (no account), their device credentials and their private details."""

import uuid
from datetime import datetime
from enum import StrEnum

from sqlmodel import Field, SQLModel

from backend.models.base import created_field, enum_field, fk, id_field, json_field, time_field


class BuiltinPerspective(StrEnum):
    lived_experience = "lived_experience"
    service_provider = "service_provider"
    academic = "academic"
    policy = "policy"
    outlier = "outlier"


class NetworkRole(StrEnum):
    connector = "connector"
    maven = "maven"
    salesperson = "salesperson"


class Capital(StrEnum):
    social = "social"
    human = "human"
    public = "public"
    physical = "physical"
    financial = "financial"


class ParticipantStatus(StrEnum):
    pre_registered = "pre_registered"  # imported by a facilitator, not yet claimed
    joined = "joined"
    removed = "removed"  # pseudonymised; their work stays with the table


class Participant(SQLModel, table=True):
    id: uuid.UUID = id_field()
    workshop_id: uuid.UUID = fk("workshop.id")
    table_id: uuid.UUID | None = fk("workshoptable.id", nullable=True, ondelete="SET NULL")
    pinned: bool = False

    display_name: str = Field(max_length=80)
    perspective: str | None = Field(default=None, max_length=40)
    network_roles: list[str] = json_field(list)
    strengths: dict[str, str] = json_field(dict)

    consent_publish: bool = False
    consent_contact: bool = False
    consent_share_perspective: bool = False
    consent_recorded_at: datetime | None = time_field()

    email: str | None = Field(default=None, max_length=320)
    access_needs: str | None = Field(default=None, max_length=1000)
    locale: str | None = Field(default=None, max_length=8)  # preferred language: "en" / "cy"

    status: ParticipantStatus = enum_field(ParticipantStatus.joined, index=True)
    rejoin_token_hash: str | None = Field(default=None, max_length=64, unique=True, index=True)
    recovery_code_hash: str | None = Field(default=None, max_length=64, index=True)
    created_at: datetime = created_field()
    updated_at: datetime | None = time_field()
    removed_at: datetime | None = time_field()


class ParticipantDevice(SQLModel, table=True):
    """One device a participant is signed in on (cookie in a browser, bearer token for API use)."""

    id: uuid.UUID = id_field()
    participant_id: uuid.UUID = fk("participant.id")
    token_hash: str = Field(max_length=64, unique=True, index=True)
    csrf_token: str = Field(max_length=64)
    created_at: datetime = created_field()
    last_seen_at: datetime | None = time_field()
    revoked_at: datetime | None = time_field()
