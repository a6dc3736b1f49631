"""Signing a browser in and out: an AuthSession row plus the session and CSRF cookies."""

from datetime import timedelta

from fastapi import Request, Response
from sqlmodel import Session

from backend.auth.cookies import (
    FACILITATOR_COOKIE,
    clear_credential_cookie,
    csrf_token_for,
    set_credential_cookie,
)
from backend.config import Settings
from backend.kit.clock import utcnow
from backend.kit.tokens import hash_token, new_token
from backend.models import AuthSession, User

SESSION_TOKEN_PREFIX = "cyd_s"


def sign_in_browser(
    db: Session, *, settings: Settings, request: Request, response: Response, user: User
) -> AuthSession:
    token = new_token(SESSION_TOKEN_PREFIX)
    csrf = csrf_token_for(request)
    lifetime = timedelta(days=settings.session_days)
    auth = AuthSession(
        user_id=user.id,
        token_hash=hash_token(token),
        csrf_token=csrf,
        expires_at=utcnow() + lifetime,
    )
    db.add(auth)
    set_credential_cookie(
        response,
        settings,
        name=FACILITATOR_COOKIE,
        token=token,
        csrf=csrf,
        max_age=int(lifetime.total_seconds()),
    )
    return auth


def sign_out_browser(
    db: Session, *, settings: Settings, response: Response, auth: AuthSession | None
) -> None:
    if auth is not None and auth.revoked_at is None:
        auth.revoked_at = utcnow()
        db.add(auth)
    clear_credential_cookie(response, settings, name=FACILITATOR_COOKIE)
