"""The account rules: sign-up, credentials, password resets and personal access tokens."""

import uuid
from datetime import timedelta

from sqlalchemy.exc import IntegrityError
from sqlmodel import Session

from backend.accounts import repository
from backend.accounts.errors import EmailTaken, ResetTokenInvalid, TokenNotFound
from backend.accounts.passwords import (
    hash_password,
    needs_rehash,
    verify_password,
    waste_a_verification,
)
from backend.accounts.schemas import (
    Me,
    MembershipSummary,
    MeUpdate,
    SignUp,
    TokenCreate,
    UserPublic,
)
from backend.auth.bearer import PAT_PREFIX
from backend.config import Settings
from backend.kit.clock import utcnow
from backend.kit.tokens import hash_token, new_token
from backend.mail import OutgoingMail
from backend.models import Membership, Organisation, PasswordReset, PersonalAccessToken, Role, User

RESET_LIFETIME = timedelta(hours=1)


def me(db: Session, user: User) -> Me:
    return Me(
        user=UserPublic.model_validate(user, from_attributes=True),
        memberships=[
            MembershipSummary(
                membership_id=membership.id,
                organisation_id=organisation.id,
                organisation_name=organisation.name,
                role=membership.role,
            )
            for membership, organisation in repository.memberships_of(db, user.id)
        ],
    )


def create_user(db: Session, *, name: str, email: str, password: str, locale: str) -> User:
    if repository.user_by_email(db, email) is not None:
        raise EmailTaken()
    user = User(name=name, email=email, password_hash=hash_password(password), locale=locale)
    db.add(user)
    try:
        db.flush()
    except IntegrityError as exc:  # the same email signed up a moment ago
        raise EmailTaken() from exc
    return user


def sign_up(db: Session, *, data: SignUp) -> User:
    user = create_user(
        db, name=data.name, email=data.email, password=data.password, locale=data.locale
    )
    organisation = Organisation(name=data.organisation_name)
    db.add(organisation)
    db.flush()
    db.add(Membership(organisation_id=organisation.id, user_id=user.id, role=Role.owner))
    db.flush()
    return user


def authenticate(db: Session, *, email: str, password: str) -> User | None:
    """The user with these credentials, or None; as slow for an unknown email as a known one."""
    user = repository.user_by_email(db, email)
    if user is None:
        waste_a_verification(password)
        return None
    if not verify_password(user.password_hash, password):
        return None
    if needs_rehash(user.password_hash):
        user.password_hash = hash_password(password)
        db.add(user)
    return user


def update_me(db: Session, *, user: User, data: MeUpdate) -> User:
    for field, value in data.model_dump(exclude_unset=True, exclude_none=True).items():
        setattr(user, field, value)
    db.add(user)
    db.flush()
    return user


def start_password_reset(db: Session, *, settings: Settings, email: str) -> OutgoingMail | None:
    """The email to send, or None when no account has this address (the caller cannot tell)."""
    user = repository.user_by_email(db, email)
    if user is None:
        return None
    token = new_token("cyd_reset")
    db.add(
        PasswordReset(
            user_id=user.id,
            token_hash=hash_token(token),
            expires_at=utcnow() + RESET_LIFETIME,
        )
    )
    db.flush()
    return OutgoingMail(
        to=user.email,
        template="password_reset",
        locale="cy" if user.locale == "cy" else "en",
        values={
            "name": user.name,
            "email": user.email,
            "link": f"{settings.public_base_url.rstrip('/')}/password-reset/confirm?token={token}",
        },
    )


def finish_password_reset(db: Session, *, token: str, password: str) -> User:
    reset = repository.reset_by_hash(db, hash_token(token))
    now = utcnow()
    if reset is None or not repository.use_reset(db, reset_id=reset.id, now=now):
        raise ResetTokenInvalid()
    user = db.get(User, reset.user_id)
    if user is None:
        raise ResetTokenInvalid()
    user.password_hash = hash_password(password)
    db.add(user)
    repository.retire_resets(db, user_id=user.id, now=now)
    repository.revoke_sessions(db, user_id=user.id, now=now)
    db.flush()
    return user


def create_token(db: Session, *, user: User, data: TokenCreate) -> tuple[PersonalAccessToken, str]:
    """The new token and its secret, which is stored only as a hash."""
    secret = new_token(PAT_PREFIX)
    pat = PersonalAccessToken(
        user_id=user.id,
        name=data.name,
        token_hash=hash_token(secret),
        token_hint=secret[-4:],
        scopes=data.scopes,
    )
    db.add(pat)
    db.flush()
    return pat, secret


def revoke_token(db: Session, *, user: User, token_id: uuid.UUID) -> None:
    pat = repository.active_token(db, user_id=user.id, token_id=token_id)
    if pat is None:
        raise TokenNotFound()
    pat.revoked_at = utcnow()
    db.add(pat)
    db.flush()
