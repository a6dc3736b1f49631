"""Who the partner is: `Authorization: Bearer cyd_pk_...`, an organisation's API key.

A key authenticates the partner endpoints only (the facilitator API ignores it), is limited to
`partner_requests_per_minute` requests per minute (429 with `Retry-After`), and carries scopes:
`Annotated[PartnerCaller, Depends(require_partner_scope("sessions:read"))]`.
"""

from collections.abc import Callable
from dataclasses import dataclass
from datetime import timedelta
from typing import Annotated

from fastapi import Depends, Request
from fastapi.security import HTTPBearer
from sqlmodel import Session

from backend.auth.bearer import bearer_token
from backend.config import Settings, request_settings
from backend.db import get_db
from backend.kit.clock import utcnow
from backend.kit.ratelimit import Limit, RateLimiter
from backend.kit.tokens import hash_token
from backend.models import Organisation, PartnerApiKey
from backend.partners import repository as repo
from backend.partners.errors import PartnerKeyInvalid, PartnerRateLimited, PartnerScopeMissing
from backend.partners.scopes import TOKEN_PREFIX

RATE_WINDOW_SECONDS = 60
TOUCH_EVERY = timedelta(minutes=1)

# Declared so that the OpenAPI document describes the partner credential.
_partner_scheme = HTTPBearer(
    scheme_name="PartnerApiKey",
    auto_error=False,
    description="An organisation's partner API key (`cyd_pk_...`)",
)


@dataclass(frozen=True)
class PartnerCaller:
    key: PartnerApiKey
    organisation: Organisation

    @property
    def scopes(self) -> frozenset[str]:
        return frozenset(self.key.scopes)


def _rate_limit(request: Request, settings: Settings, key: PartnerApiKey) -> None:
    limiter: RateLimiter = request.app.state.rate_limiter
    limit = Limit(f"partner:{key.id}", settings.partner_requests_per_minute, RATE_WINDOW_SECONDS)
    if limiter.exceeded(limit):
        raise PartnerRateLimited(headers={"Retry-After": str(RATE_WINDOW_SECONDS)})
    limiter.record(limit)


def partner_caller(
    request: Request,
    db: Annotated[Session, Depends(get_db, scope="function")],
    settings: Annotated[Settings, Depends(request_settings)],
    _scheme: Annotated[object, Depends(_partner_scheme)] = None,
) -> PartnerCaller:
    token = bearer_token(request)
    if token is None or not token.startswith(TOKEN_PREFIX + "_"):
        raise PartnerKeyInvalid("Send the API key: Authorization: Bearer cyd_pk_...")
    key = repo.key_by_hash(db, hash_token(token))
    now = utcnow()
    if (
        key is None
        or key.revoked_at is not None
        or (key.expires_at is not None and key.expires_at <= now)
    ):
        raise PartnerKeyInvalid()
    organisation = db.get(Organisation, key.organisation_id)
    if organisation is None:
        raise PartnerKeyInvalid()
    _rate_limit(request, settings, key)
    if key.last_used_at is None or now - key.last_used_at > TOUCH_EVERY:
        repo.touch_key(request.app.state.engine, key.id, now, TOUCH_EVERY)
    return PartnerCaller(key=key, organisation=organisation)


def require_partner_scope(*scopes: str) -> Callable[..., PartnerCaller]:
    """A dependency: the calling key, if it holds every one of `scopes` (403 otherwise)."""

    def check(caller: Annotated[PartnerCaller, Depends(partner_caller)]) -> PartnerCaller:
        missing = set(scopes) - caller.scopes
        if missing:
            raise PartnerScopeMissing(f"Missing scope: {', '.join(sorted(missing))}")
        return caller

    return check


AnyPartner = Annotated[PartnerCaller, Depends(partner_caller)]
SessionsPartner = Annotated[PartnerCaller, Depends(require_partner_scope("sessions:read"))]
