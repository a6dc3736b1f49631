"""Request and response bodies of the API keys and the partner endpoints."""

import uuid
from datetime import datetime
from typing import Annotated

from pydantic import AfterValidator, AwareDatetime, BaseModel, ConfigDict, Field, StringConstraints

from backend.kit.i18n import LocalizedTitle
from backend.models import Phase
from backend.partners.scopes import PARTNER_SCOPES


def _known_scopes(scopes: list[str]) -> list[str]:
    unknown = [scope for scope in scopes if scope not in PARTNER_SCOPES]
    if unknown:
        raise ValueError(f"Unknown scope: {', '.join(unknown)} (see GET /partner/scopes)")
    return sorted(set(scopes))


PartnerScopeList = Annotated[
    list[Annotated[str, StringConstraints(max_length=64)]],
    Field(min_length=1, max_length=len(PARTNER_SCOPES)),
    AfterValidator(_known_scopes),
]


class PartnerScopePublic(BaseModel):
    name: str
    description: str


class ApiKeyCreate(BaseModel):
    model_config = ConfigDict(extra="forbid")

    name: Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=100)]
    scopes: PartnerScopeList
    expires_at: AwareDatetime | None = Field(
        default=None, description="When the key stops working (in the future); none: never"
    )


class ApiKeyPublic(BaseModel):
    id: uuid.UUID
    name: str
    scopes: list[str]
    token_prefix: str = Field(description="The key's first characters, to recognise it")
    created_at: datetime
    expires_at: datetime | None
    last_used_at: datetime | None
    revoked_at: datetime | None


class ApiKeyCreated(ApiKeyPublic):
    token: str = Field(description="The key itself (`cyd_pk_...`); shown only in this response")


class PartnerOrganisation(BaseModel):
    """Who the key belongs to and what it may read."""

    id: uuid.UUID
    name: str
    api_key_id: uuid.UUID
    scopes: list[str]


class PartnerSession(BaseModel):
    """A session as partners see it: nothing about its participants."""

    id: uuid.UUID
    title: LocalizedTitle
    phase: Phase
    starts_at: datetime
    ends_at: datetime | None
    created_at: datetime
