"""Partner API keys (managed by an organisation's owners) and the partner endpoints they open."""

import uuid
from datetime import datetime
from typing import Annotated

from fastapi import APIRouter, Query, status
from fastapi.responses import Response

from backend.deps import DbSession, Paging
from backend.errors import problem_responses
from backend.kit.pagination import Page
from backend.partners import service
from backend.partners.access import OwnerReader, OwnerWriter
from backend.partners.auth import AnyPartner, SessionsPartner
from backend.partners.csv_output import FormatParam, ListFormat, csv_response, list_responses
from backend.partners.outcome_routes import router as outcome_router
from backend.partners.read_routes import router as read_router
from backend.partners.schemas import (
    ApiKeyCreate,
    ApiKeyCreated,
    ApiKeyPublic,
    PartnerOrganisation,
    PartnerScopePublic,
    PartnerSession,
)
from backend.partners.scopes import PARTNER_SCOPES

router = APIRouter(tags=["partners"])
KEYS = "/organisations/{organisation_id}/api-keys"


@router.get("/partner/scopes", name="partners-scopes-list")
def list_scopes() -> list[PartnerScopePublic]:
    """The scopes a partner API key can carry. No scope ever reveals personal data about
    participants."""
    return [
        PartnerScopePublic(name=name, description=text) for name, text in PARTNER_SCOPES.items()
    ]


@router.get(KEYS, name="partners-keys-list", responses=problem_responses(401, 403, 404))
def list_keys(access: OwnerReader, db: DbSession, paging: Paging) -> Page[ApiKeyPublic]:
    """The organisation's API keys, revoked ones too, oldest first (owners only; never the
    keys themselves)."""
    return service.list_keys(db, organisation_id=access.organisation.id, paging=paging)


@router.post(
    KEYS,
    name="partners-keys-create",
    status_code=status.HTTP_201_CREATED,
    responses=problem_responses(401, 403, 404),
)
def create_key(data: ApiKeyCreate, access: OwnerWriter, db: DbSession) -> ApiKeyCreated:
    """Issue an API key for a partner system (owners only). The key (`cyd_pk_...`) is in this
    response only: only its hash is kept. It opens the `/partner/...` endpoints its scopes allow,
    and nothing else."""
    return service.create_key(
        db, organisation_id=access.organisation.id, user=access.facilitator.user, data=data
    )


@router.delete(
    KEYS + "/{key_id}",
    name="partners-keys-revoke",
    status_code=status.HTTP_204_NO_CONTENT,
    responses=problem_responses(401, 403, 404),
)
def revoke_key(key_id: uuid.UUID, access: OwnerWriter, db: DbSession) -> None:
    """Revoke a key (owners only): it stops working at once and stays listed as revoked."""
    service.revoke_key(db, organisation_id=access.organisation.id, key_id=key_id)


@router.get(
    "/partner/organisation",
    name="partners-organisation-read",
    responses=problem_responses(401, 429),
)
def read_organisation(caller: AnyPartner) -> PartnerOrganisation:
    """For partner systems: the organisation the API key belongs to, and the key's scopes."""
    return PartnerOrganisation(
        id=caller.organisation.id,
        name=caller.organisation.name,
        api_key_id=caller.key.id,
        scopes=sorted(caller.scopes),
    )


@router.get(
    "/partner/sessions",
    name="partners-sessions-list",
    response_model=Page[PartnerSession],
    responses=list_responses(401, 403, 429),
)
def list_sessions(
    caller: SessionsPartner,
    db: DbSession,
    paging: Paging,
    starts_from: Annotated[
        datetime | None,
        Query(
            alias="from",
            description="Sessions starting at or after this (UTC unless an offset is given)",
        ),
    ] = None,
    starts_to: Annotated[
        datetime | None,
        Query(
            alias="to", description="Sessions starting before this (UTC unless an offset is given)"
        ),
    ] = None,
    format: FormatParam = ListFormat.json,
) -> Page[PartnerSession] | Response:
    """For partner systems (scope `sessions:read`): the organisation's published sessions,
    oldest first, with their titles, phase and dates; nothing about participants. A session
    appears once an organiser publishes it and disappears when they withdraw it. `?format=csv`
    answers one page as CSV, the next cursor in the `X-Next-Cursor` header."""
    page = service.list_sessions(
        db,
        organisation_id=caller.organisation.id,
        starts_from=starts_from,
        starts_to=starts_to,
        paging=paging,
    )
    if format is ListFormat.csv:
        rows = [
            [s.id, s.title.en, s.title.cy, s.phase, s.starts_at, s.ends_at, s.created_at]
            for s in page.items
        ]
        return csv_response(SESSION_COLUMNS, rows, page.next_cursor)
    return page


SESSION_COLUMNS = ["id", "title_en", "title_cy", "phase", "starts_at", "ends_at", "created_at"]


router.include_router(read_router)
router.include_router(outcome_router)
