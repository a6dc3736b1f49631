"""Who the facilitator is: a browser session cookie (all scopes, CSRF-checked) or a personal
access token (its own scopes)."""

from dataclasses import dataclass
from datetime import timedelta
from typing import Annotated

from fastapi import Depends, Request
from fastapi.security import APIKeyCookie, HTTPBearer, SecurityScopes
from sqlmodel import Session, select

from backend.auth.bearer import PAT_PREFIX, bearer_token
from backend.auth.cookies import FACILITATOR_COOKIE
from backend.auth.csrf import SAFE_METHODS, check_csrf
from backend.auth.scopes import ALL_SCOPES
from backend.config import Settings, request_settings
from backend.db import get_db, run_db
from backend.errors import Forbidden, Unauthenticated
from backend.kit.clock import utcnow
from backend.kit.tokens import hash_token
from backend.models import AuthSession, PersonalAccessToken, User

# Declared only so that the OpenAPI document describes both ways in.
_bearer_scheme = HTTPBearer(auto_error=False, description="Personal access token (cyd_pat_...)")
_cookie_scheme = APIKeyCookie(name=FACILITATOR_COOKIE, auto_error=False)


@dataclass(frozen=True)
class Facilitator:
    user: User
    scopes: frozenset[str]
    via_cookie: bool
    auth_session: AuthSession | None = None


class InsufficientScope(Forbidden):
    code = "insufficient_scope"
    title_en = "This token's scopes do not allow that"
    title_cy = "Nid yw cwmpasau'r tocyn hwn yn caniatáu hynny"


def _from_token(db: Session, token: str, *, touch: bool) -> Facilitator | None:
    pat = db.exec(
        select(PersonalAccessToken).where(PersonalAccessToken.token_hash == hash_token(token))
    ).first()
    if pat is None or pat.revoked_at is not None:
        return None
    user = db.get(User, pat.user_id)
    if user is None:
        return None
    now = utcnow()
    # Only writing requests record use: their transaction already holds the write lock.
    if touch and (pat.last_used_at is None or now - pat.last_used_at > timedelta(minutes=1)):
        pat.last_used_at = now
        db.add(pat)
    return Facilitator(user=user, scopes=frozenset(pat.scopes), via_cookie=False)


def _from_cookie(db: Session, token: str) -> Facilitator | None:
    auth = db.exec(select(AuthSession).where(AuthSession.token_hash == hash_token(token))).first()
    if auth is None or auth.revoked_at is not None or auth.expires_at <= utcnow():
        return None
    user = db.get(User, auth.user_id)
    if user is None:
        return None
    return Facilitator(user=user, scopes=ALL_SCOPES, via_cookie=True, auth_session=auth)


async def optional_facilitator(
    request: Request,
    db: Annotated[Session, Depends(get_db, scope="function")],
    settings: Annotated[Settings, Depends(request_settings)],
    _b: Annotated[object, Depends(_bearer_scheme)] = None,
    _c: Annotated[object, Depends(_cookie_scheme)] = None,
) -> Facilitator | None:
    # Indexed lookups on every facilitator request: see `backend.db.run_db` for where they run.
    return await run_db(db, _identify, request, db, settings)


def _identify(request: Request, db: Session, settings: Settings) -> Facilitator | None:
    token = bearer_token(request)
    if token is not None:
        if not token.startswith(PAT_PREFIX + "_"):
            return None
        found = _from_token(db, token, touch=request.method not in SAFE_METHODS)
        if found is None:
            raise Unauthenticated("The access token is unknown or revoked")
        return found
    cookie = request.cookies.get(FACILITATOR_COOKIE)
    if not cookie:
        return None
    found = _from_cookie(db, cookie)
    if found is None:
        return None
    assert found.auth_session is not None
    check_csrf(request, settings, expected_token=found.auth_session.csrf_token)
    return found


async def current_facilitator(
    security_scopes: SecurityScopes,
    facilitator: Annotated[Facilitator | None, Depends(optional_facilitator)],
) -> Facilitator:
    if facilitator is None:
        raise Unauthenticated("Sign in, or send a personal access token")
    missing = set(security_scopes.scopes) - facilitator.scopes
    if missing:
        raise InsufficientScope(f"Missing scope: {', '.join(sorted(missing))}")
    return facilitator
