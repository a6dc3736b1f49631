"""Facilitators and organisations, written straight to the database (no HTTP round trips)."""

import secrets
import uuid
from dataclasses import dataclass
from datetime import timedelta

import httpx
from sqlmodel import Session

from backend.auth.cookies import CSRF_COOKIE, FACILITATOR_COOKIE
from backend.auth.scopes import ALL_SCOPES
from backend.kit.clock import utcnow
from backend.kit.tokens import hash_token, new_token
from backend.models import AuthSession, Membership, Organisation, PersonalAccessToken, Role, User


@dataclass
class FacilitatorCtx:
    user: User
    organisation: Organisation
    membership: Membership


def make_organisation(db: Session, name: str = "Cyngor Sir Enghraifft") -> Organisation:
    org = Organisation(name=name)
    db.add(org)
    db.commit()
    return org


def make_facilitator(
    db: Session,
    *,
    organisation: Organisation | None = None,
    role: Role = Role.owner,
    email: str | None = None,
    name: str = "Ffion Facilitator",
    password_hash: str = "not-a-real-hash",
) -> FacilitatorCtx:
    org = organisation or make_organisation(db)
    user = User(
        email=email or f"f-{uuid.uuid4().hex[:8]}@example.org",
        name=name,
        password_hash=password_hash,
    )
    db.add(user)
    db.flush()
    membership = Membership(organisation_id=org.id, user_id=user.id, role=role)
    db.add(membership)
    db.commit()
    return FacilitatorCtx(user=user, organisation=org, membership=membership)


def sign_in_client(db: Session, client: httpx.AsyncClient, user: User) -> None:
    """Give `client` the cookies a real sign-in would set."""
    token = new_token("cyd_s")
    csrf = secrets.token_hex(16)
    db.add(
        AuthSession(
            user_id=user.id,
            token_hash=hash_token(token),
            csrf_token=csrf,
            expires_at=utcnow() + timedelta(days=1),
        )
    )
    db.commit()
    client.cookies.set(FACILITATOR_COOKIE, token)
    client.cookies.set(CSRF_COOKIE, csrf)


def make_access_token(db: Session, user: User, scopes: frozenset[str] = ALL_SCOPES) -> str:
    token = new_token("cyd_pat")
    db.add(
        PersonalAccessToken(
            user_id=user.id,
            name="test",
            token_hash=hash_token(token),
            token_hint=token[-4:],
            scopes=sorted(scopes),
        )
    )
    db.commit()
    return token
