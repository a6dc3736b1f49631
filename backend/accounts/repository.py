"""Every query of the account slice; tokens and sessions are always looked up per user."""

import uuid
from datetime import datetime

from sqlalchemy import update
from sqlmodel import Session, col, select
from sqlmodel.sql.expression import SelectOfScalar

from backend.models import (
    AuthSession,
    Membership,
    Organisation,
    PasswordReset,
    PersonalAccessToken,
    User,
)


def user_by_email(db: Session, email: str) -> User | None:
    return db.exec(select(User).where(User.email == email)).first()


def memberships_of(db: Session, user_id: uuid.UUID) -> list[tuple[Membership, Organisation]]:
    rows = db.exec(
        select(Membership, Organisation)
        .join(Organisation, col(Organisation.id) == Membership.organisation_id)
        .where(Membership.user_id == user_id)
        .order_by(col(Membership.created_at), col(Membership.id))
    ).all()
    return list(rows)


def revoke_sessions(db: Session, *, user_id: uuid.UUID, now: datetime) -> None:
    db.execute(
        update(AuthSession)
        .where(col(AuthSession.user_id) == user_id, col(AuthSession.revoked_at).is_(None))
        .values(revoked_at=now)
    )


def reset_by_hash(db: Session, token_hash: str) -> PasswordReset | None:
    return db.exec(select(PasswordReset).where(PasswordReset.token_hash == token_hash)).first()


def use_reset(db: Session, *, reset_id: uuid.UUID, now: datetime) -> bool:
    """Mark the reset used; False when another request used it first (single use under races)."""
    result = db.execute(
        update(PasswordReset)
        .where(
            col(PasswordReset.id) == reset_id,
            col(PasswordReset.used_at).is_(None),
            col(PasswordReset.expires_at) > now,
        )
        .values(used_at=now)
    )
    return bool(result.rowcount)  # type: ignore[attr-defined]


def retire_resets(db: Session, *, user_id: uuid.UUID, now: datetime) -> None:
    """Other outstanding reset links stop working once the password has changed."""
    db.execute(
        update(PasswordReset)
        .where(col(PasswordReset.user_id) == user_id, col(PasswordReset.used_at).is_(None))
        .values(used_at=now)
    )


def active_tokens(user_id: uuid.UUID) -> SelectOfScalar[PersonalAccessToken]:
    return select(PersonalAccessToken).where(
        PersonalAccessToken.user_id == user_id, col(PersonalAccessToken.revoked_at).is_(None)
    )


def active_token(
    db: Session, *, user_id: uuid.UUID, token_id: uuid.UUID
) -> PersonalAccessToken | None:
    return db.exec(active_tokens(user_id).where(PersonalAccessToken.id == token_id)).first()
