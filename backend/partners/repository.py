"""Every query of the partner slice, scoped to one organisation."""

import uuid
from datetime import datetime, timedelta

from sqlalchemy import or_, update
from sqlalchemy.engine import Engine
from sqlmodel import Session, col, select
from sqlmodel.sql.expression import SelectOfScalar

from backend.models import PartnerApiKey, Publication, Workshop


def keys_of(organisation_id: uuid.UUID) -> SelectOfScalar[PartnerApiKey]:
    return select(PartnerApiKey).where(PartnerApiKey.organisation_id == organisation_id)


def key_of(db: Session, *, organisation_id: uuid.UUID, key_id: uuid.UUID) -> PartnerApiKey | None:
    return db.exec(keys_of(organisation_id).where(PartnerApiKey.id == key_id)).first()


def key_by_hash(db: Session, token_hash: str) -> PartnerApiKey | None:
    return db.exec(select(PartnerApiKey).where(PartnerApiKey.token_hash == token_hash)).first()


def touch_key(engine: Engine, key_id: uuid.UUID, now: datetime, every: timedelta) -> None:
    """Record use at most once per `every`, in its own short transaction (reading requests
    keep their own transaction read-only)."""
    with Session(engine) as db:
        db.exec(  # type: ignore[call-overload]
            update(PartnerApiKey)
            .where(
                col(PartnerApiKey.id) == key_id,
                or_(
                    col(PartnerApiKey.last_used_at).is_(None),
                    col(PartnerApiKey.last_used_at) < now - every,
                ),
            )
            .values(last_used_at=now)
        )
        db.commit()


def partner_sessions(
    organisation_id: uuid.UUID, *, starts_from: datetime | None, starts_to: datetime | None
) -> SelectOfScalar[Workshop]:
    """Only published sessions: nothing of an unpublished one leaves it (METHOD.md)."""
    stmt = (
        select(Workshop)
        .join(Publication, col(Publication.workshop_id) == Workshop.id)
        .where(
            Workshop.organisation_id == organisation_id,
            col(Publication.published_at).is_not(None),
        )
    )
    if starts_from is not None:
        stmt = stmt.where(Workshop.starts_at >= starts_from)
    if starts_to is not None:
        stmt = stmt.where(Workshop.starts_at < starts_to)
    return stmt
