"""Every query of the organisation slice, always scoped to one organisation."""

import uuid
from collections.abc import Iterable
from datetime import datetime

from sqlalchemy import update
from sqlmodel import Session, col, select
from sqlmodel.sql.expression import SelectOfScalar

from backend.models import CustomPerspective, Invitation, Membership, Organisation, Role, User


def memberships_of_user(user_id: uuid.UUID) -> SelectOfScalar[Membership]:
    return select(Membership).where(Membership.user_id == user_id)


def organisations_by_id(db: Session, ids: Iterable[uuid.UUID]) -> dict[uuid.UUID, Organisation]:
    rows = db.exec(select(Organisation).where(col(Organisation.id).in_(list(ids)))).all()
    return {row.id: row for row in rows}


def users_by_id(db: Session, ids: Iterable[uuid.UUID]) -> dict[uuid.UUID, User]:
    rows = db.exec(select(User).where(col(User.id).in_(list(ids)))).all()
    return {row.id: row for row in rows}


def members(organisation_id: uuid.UUID) -> SelectOfScalar[Membership]:
    return select(Membership).where(Membership.organisation_id == organisation_id)


def member(
    db: Session, *, organisation_id: uuid.UUID, membership_id: uuid.UUID
) -> Membership | None:
    return db.exec(members(organisation_id).where(Membership.id == membership_id)).first()


def member_by_user(
    db: Session, *, organisation_id: uuid.UUID, user_id: uuid.UUID
) -> Membership | None:
    return db.exec(members(organisation_id).where(Membership.user_id == user_id)).first()


def member_by_email(db: Session, *, organisation_id: uuid.UUID, email: str) -> Membership | None:
    return db.exec(
        members(organisation_id)
        .join(User, col(User.id) == Membership.user_id)
        .where(User.email == email)
    ).first()


def lock_owners(db: Session, organisation_id: uuid.UUID) -> list[Membership]:
    """The owners, locked until commit so that two owners cannot demote each other at once."""
    return list(
        db.exec(
            members(organisation_id).where(Membership.role == Role.owner).with_for_update()
        ).all()
    )


def pending_invitations(organisation_id: uuid.UUID, now: datetime) -> SelectOfScalar[Invitation]:
    return select(Invitation).where(
        Invitation.organisation_id == organisation_id,
        col(Invitation.accepted_at).is_(None),
        col(Invitation.revoked_at).is_(None),
        Invitation.expires_at > now,
    )


def pending_invitation(
    db: Session, *, organisation_id: uuid.UUID, invitation_id: uuid.UUID, now: datetime
) -> Invitation | None:
    return db.exec(
        pending_invitations(organisation_id, now).where(Invitation.id == invitation_id)
    ).first()


def revoke_pending_for_email(
    db: Session, *, organisation_id: uuid.UUID, email: str, now: datetime
) -> None:
    db.execute(
        update(Invitation)
        .where(
            col(Invitation.organisation_id) == organisation_id,
            col(Invitation.email) == email,
            col(Invitation.accepted_at).is_(None),
            col(Invitation.revoked_at).is_(None),
        )
        .values(revoked_at=now)
    )


def invitation_by_hash(db: Session, token_hash: str) -> Invitation | None:
    return db.exec(select(Invitation).where(Invitation.token_hash == token_hash)).first()


def use_invitation(
    db: Session, *, invitation_id: uuid.UUID, user_id: uuid.UUID, now: datetime
) -> bool:
    """Mark it accepted; False when it was used, revoked or expired meanwhile (single use)."""
    result = db.execute(
        update(Invitation)
        .where(
            col(Invitation.id) == invitation_id,
            col(Invitation.accepted_at).is_(None),
            col(Invitation.revoked_at).is_(None),
            col(Invitation.expires_at) > now,
        )
        .values(accepted_at=now, accepted_by_id=user_id)
    )
    return bool(result.rowcount)  # type: ignore[attr-defined]


def perspectives(organisation_id: uuid.UUID) -> SelectOfScalar[CustomPerspective]:
    return select(CustomPerspective).where(CustomPerspective.organisation_id == organisation_id)


def perspective(
    db: Session, *, organisation_id: uuid.UUID, perspective_id: uuid.UUID
) -> CustomPerspective | None:
    return db.exec(
        perspectives(organisation_id).where(CustomPerspective.id == perspective_id)
    ).first()


def perspective_by_key(
    db: Session, *, organisation_id: uuid.UUID, key: str
) -> CustomPerspective | None:
    return db.exec(perspectives(organisation_id).where(CustomPerspective.key == key)).first()
