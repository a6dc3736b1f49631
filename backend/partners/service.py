"""The rules of partner API keys: issued by owners, shown once, stored hashed, revocable."""

import uuid
from datetime import UTC, datetime

from sqlmodel import Session

from backend.kit.clock import utcnow
from backend.kit.i18n import LocalizedTitle
from backend.kit.pagination import Page, PageParams, paginate
from backend.kit.tokens import hash_token, new_token
from backend.models import PartnerApiKey, User, Workshop
from backend.partners import repository as repo
from backend.partners.errors import ApiKeyExpiryInPast, ApiKeyNotFound
from backend.partners.schemas import (
    ApiKeyCreate,
    ApiKeyCreated,
    ApiKeyPublic,
    PartnerSession,
)
from backend.partners.scopes import TOKEN_PREFIX

PREFIX_LENGTH = len(TOKEN_PREFIX) + 5


def key_public(key: PartnerApiKey) -> ApiKeyPublic:
    return ApiKeyPublic.model_validate(key, from_attributes=True)


def create_key(
    db: Session, *, organisation_id: uuid.UUID, user: User, data: ApiKeyCreate
) -> ApiKeyCreated:
    if data.expires_at is not None and data.expires_at <= utcnow():
        raise ApiKeyExpiryInPast()
    token = new_token(TOKEN_PREFIX)
    key = PartnerApiKey(
        organisation_id=organisation_id,
        name=data.name,
        token_hash=hash_token(token),
        token_prefix=token[:PREFIX_LENGTH],
        scopes=data.scopes,
        created_by_id=user.id,
        expires_at=data.expires_at,
    )
    db.add(key)
    db.flush()
    return ApiKeyCreated(**key_public(key).model_dump(), token=token)


def list_keys(db: Session, *, organisation_id: uuid.UUID, paging: PageParams) -> Page[ApiKeyPublic]:
    rows, cursor = paginate(db, repo.keys_of(organisation_id), PartnerApiKey, paging)
    return Page(items=[key_public(row) for row in rows], next_cursor=cursor)


def revoke_key(db: Session, *, organisation_id: uuid.UUID, key_id: uuid.UUID) -> None:
    """Revoking twice changes nothing; the key stays listed as revoked."""
    key = repo.key_of(db, organisation_id=organisation_id, key_id=key_id)
    if key is None:
        raise ApiKeyNotFound()
    if key.revoked_at is None:
        key.revoked_at = utcnow()
        db.add(key)


def list_sessions(
    db: Session,
    *,
    organisation_id: uuid.UUID,
    starts_from: datetime | None,
    starts_to: datetime | None,
    paging: PageParams,
) -> Page[PartnerSession]:
    stmt = repo.partner_sessions(
        organisation_id, starts_from=as_utc(starts_from), starts_to=as_utc(starts_to)
    )
    rows, cursor = paginate(db, stmt, Workshop, paging)
    return Page(items=[partner_session(row) for row in rows], next_cursor=cursor)


def as_utc(moment: datetime | None) -> datetime | None:
    """A date or time without an offset is taken as UTC."""
    if moment is None or moment.tzinfo is not None:
        return moment
    return moment.replace(tzinfo=UTC)


def partner_session(workshop: Workshop) -> PartnerSession:
    return PartnerSession(
        id=workshop.id,
        title=LocalizedTitle(en=workshop.title_en, cy=workshop.title_cy),
        phase=workshop.phase,
        starts_at=workshop.starts_at,
        ends_at=workshop.ends_at,
        created_at=workshop.created_at,
    )
