"""Request and response bodies of /auth/..."""

import uuid
from datetime import datetime
from typing import Annotated

from pydantic import AfterValidator, BaseModel, ConfigDict, EmailStr, Field, StringConstraints

from backend.accounts.passwords import PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH
from backend.auth.scopes import SCOPES
from backend.kit.i18n import Locale
from backend.models import Role


def _known_scopes(scopes: list[str]) -> list[str]:
    unknown = [scope for scope in scopes if scope not in SCOPES]
    if unknown:
        raise ValueError(f"Unknown scope: {', '.join(unknown)} (see GET /auth/scopes)")
    return sorted(set(scopes))


# Stored lower-cased, so that "Ffion@Example.org" and "ffion@example.org" are one account.
Email = Annotated[EmailStr, AfterValidator(str.lower)]
Password = Annotated[
    str, StringConstraints(min_length=PASSWORD_MIN_LENGTH, max_length=PASSWORD_MAX_LENGTH)
]
PersonName = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=120)]
OrganisationName = Annotated[
    str, StringConstraints(strip_whitespace=True, min_length=1, max_length=200)
]
Secret = Annotated[str, StringConstraints(min_length=1, max_length=200)]
ScopeList = Annotated[
    list[Annotated[str, StringConstraints(max_length=64)]],
    Field(min_length=1, max_length=len(SCOPES)),
    AfterValidator(_known_scopes),
]


class Body(BaseModel):
    model_config = ConfigDict(extra="forbid")


class SignUp(Body):
    name: PersonName
    email: Email
    password: Password
    organisation_name: OrganisationName
    locale: Locale = "en"


class SignIn(Body):
    email: Email
    # No length rule here: a wrong password is answered like any other wrong password.
    password: Secret


class UserPublic(BaseModel):
    id: uuid.UUID
    name: str
    email: str
    locale: Locale


class MembershipSummary(BaseModel):
    membership_id: uuid.UUID
    organisation_id: uuid.UUID
    organisation_name: str
    role: Role


class Me(BaseModel):
    """The signed-in facilitator and the organisations they belong to."""

    user: UserPublic
    memberships: list[MembershipSummary]


class MeUpdate(Body):
    name: PersonName | None = None
    locale: Locale | None = None


class PasswordResetRequest(Body):
    email: Email


class PasswordResetConfirm(Body):
    token: Secret
    password: Password


class ScopePublic(BaseModel):
    name: str
    description: str


class TokenCreate(Body):
    name: Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=100)]
    scopes: ScopeList


class TokenPublic(BaseModel):
    id: uuid.UUID
    name: str
    scopes: list[str]
    token_hint: str
    created_at: datetime
    last_used_at: datetime | None


class TokenCreated(TokenPublic):
    token: str = Field(description="The secret itself; shown only in this response")
