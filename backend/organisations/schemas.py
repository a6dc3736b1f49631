"""Request and response bodies of /organisations/... and /invitations/..."""

import re
import uuid
from datetime import datetime
from typing import Annotated

from pydantic import AfterValidator, BaseModel, Field, StringConstraints, model_validator

from backend.accounts.schemas import Body, Email, OrganisationName, Password, PersonName, Secret
from backend.kit.i18n import Locale
from backend.models import BuiltinPerspective, Role

_SNAKE_CASE = re.compile(r"^[a-z][a-z0-9]*(_[a-z0-9]+)*$")


def _custom_key(key: str) -> str:
    if not _SNAKE_CASE.fullmatch(key):
        raise ValueError("Use lowercase letters, digits and single underscores, e.g. young_carer")
    if key in BuiltinPerspective.__members__:
        raise ValueError(f"'{key}' is a built-in perspective already")
    return key


PerspectiveKey = Annotated[
    str, StringConstraints(min_length=2, max_length=40), AfterValidator(_custom_key)
]
Label = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=80)]


class OrganisationCreate(Body):
    name: OrganisationName


class OrganisationUpdate(Body):
    name: OrganisationName | None = None


class OrganisationPublic(BaseModel):
    id: uuid.UUID
    name: str
    created_at: datetime
    role: Role = Field(description="Your role in this organisation")


class MemberPublic(BaseModel):
    id: uuid.UUID = Field(description="The membership id")
    user_id: uuid.UUID
    name: str
    email: str
    role: Role
    created_at: datetime


class MemberUpdate(Body):
    role: Role


class InvitationCreate(Body):
    email: Email
    role: Role = Role.facilitator


class InvitationPublic(BaseModel):
    id: uuid.UUID
    email: str
    role: Role
    invited_by_id: uuid.UUID | None
    created_at: datetime
    expires_at: datetime


class InvitationToken(Body):
    token: Secret


class InvitationPreview(BaseModel):
    organisation_id: uuid.UUID
    organisation_name: str
    email: str
    role: Role
    expires_at: datetime
    account_exists: bool = Field(
        description="An account already uses this email: sign in before accepting"
    )


class InvitationAccept(Body):
    token: Secret
    name: PersonName | None = Field(default=None, description="Needed when not signed in")
    password: Password | None = Field(default=None, description="Needed when not signed in")
    locale: Locale = "en"


class PerspectiveLabel(Body):
    en: Label | None = None
    cy: Label | None = None

    @model_validator(mode="after")
    def _one_language_at_least(self) -> "PerspectiveLabel":
        if self.en is None and self.cy is None:
            raise ValueError("Give the label in English, Welsh or both")
        return self


class PerspectiveCreate(Body):
    key: PerspectiveKey
    label: PerspectiveLabel


class PerspectivePublic(BaseModel):
    id: uuid.UUID
    key: str
    label: PerspectiveLabel
    created_at: datetime
