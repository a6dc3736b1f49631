"""Request and response bodies of stewards, their members and their invitations."""

import uuid
from datetime import datetime
from typing import Annotated

from pydantic import BaseModel, Field, StringConstraints

from backend.accounts.schemas import Body, Email, Password, PersonName
from backend.kit.i18n import Locale
from backend.models import InitiativeStatus, StewardKind

Label = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=120)]
StewardName = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=200)]
Description = Annotated[str, StringConstraints(strip_whitespace=True, max_length=2000)]
Token = Annotated[str, StringConstraints(min_length=1, max_length=200)]


class StewardSet(Body):
    kind: StewardKind
    name: StewardName | None = Field(
        default=None,
        description="A committee's name, or an independent party's organisation name (needed "
        "for both)",
    )
    description: Description | None = None


class StewardMemberCreate(Body):
    display_name: PersonName
    role_label: Label = Field(description="How they appear where they are not named, e.g. 'Chair'")
    email: Email | None = Field(default=None, description="Where the invitation link is sent")
    agreed_to_be_named: bool = False


class StewardMemberUpdate(Body):
    display_name: PersonName | None = None
    role_label: Label | None = None
    email: Email | None = None
    agreed_to_be_named: bool | None = None


class StewardMemberPublic(BaseModel):
    id: uuid.UUID
    display_name: str
    role_label: str
    email: str | None
    agreed_to_be_named: bool
    linked: bool = Field(description="They accepted an invitation: their account is linked")
    accepted_at: datetime | None
    created_at: datetime


class StewardPublic(BaseModel):
    id: uuid.UUID
    kind: StewardKind
    name: str | None
    description: str | None
    members: list[StewardMemberPublic]
    updated_at: datetime | None


class StewardInvitationCreate(Body):
    locale: Locale | None = Field(
        default=None, description="The email's language; defaults to yours"
    )


class StewardInvitationLink(BaseModel):
    link: str = Field(description="Shown once: copy it now. The token is after the `#`.")
    expires_at: datetime
    emailed_to: str | None = Field(description="Where the link was emailed, if anywhere")


class StewardInvitationToken(Body):
    token: Token


class StewardInvitationAccept(Body):
    token: Token
    # Only when not signed in: an account is made and this browser signed in.
    name: PersonName | None = None
    email: Email | None = None
    password: Password | None = None
    locale: Locale = "en"


class StewardInvitationPreview(BaseModel):
    initiative_title: str
    organisation_name: str
    display_name: str
    role_label: str
    steward_kind: StewardKind
    expires_at: datetime


class Stewardship(BaseModel):
    initiative_id: uuid.UUID
    initiative_title: str
    initiative_status: InitiativeStatus
    organisation_name: str
    member_id: uuid.UUID
    role_label: str
    accepted_at: datetime | None
    created_at: datetime
