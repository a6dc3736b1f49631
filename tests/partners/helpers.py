"""Helpers for the partner and webhook tests: owners, members of other organisations, keys."""

import uuid
from dataclasses import dataclass
from datetime import datetime

import httpx
from sqlmodel import Session

from backend.kit.tokens import hash_token, new_token
from backend.models import Organisation, PartnerApiKey, Role
from tests.factories.accounts import FacilitatorCtx, make_facilitator, sign_in_client

API = "/api/v1"


@dataclass
class Owner:
    ctx: FacilitatorCtx

    @property
    def organisation(self) -> Organisation:
        return self.ctx.organisation

    @property
    def keys_url(self) -> str:
        return f"{API}/organisations/{self.organisation.id}/api-keys"

    @property
    def hooks_url(self) -> str:
        return f"{API}/organisations/{self.organisation.id}/webhooks"


def signed_in(
    db: Session,
    client: httpx.AsyncClient,
    *,
    role: Role = Role.owner,
    organisation: Organisation | None = None,
) -> Owner:
    ctx = make_facilitator(db, role=role, organisation=organisation)
    sign_in_client(db, client, ctx.user)
    return Owner(ctx)


def make_key(
    db: Session,
    organisation_id: uuid.UUID,
    *,
    scopes: list[str] | None = None,
    expires_at: datetime | None = None,
    revoked_at: datetime | None = None,
) -> str:
    token = new_token("cyd_pk")
    db.add(
        PartnerApiKey(
            organisation_id=organisation_id,
            name="Partner",
            token_hash=hash_token(token),
            token_prefix=token[:12],
            scopes=scopes if scopes is not None else ["sessions:read"],
            expires_at=expires_at,
            revoked_at=revoked_at,
        )
    )
    db.commit()
    return token


def bearer(token: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}"}
