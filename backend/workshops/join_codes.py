"""Join codes: making them, when they work, the QR code, and resolving a typed code under a
limit on failed guesses.

Failed guesses are counted per code and per client, never per IP alone: a whole venue shares one
IP. A client is the random `cyd_client` cookie (signed, so made-up values do not count as new
clients), or IP + User-Agent for a client that sends no cookie. Successes are never counted.
"""

import hashlib
import hmac
import io
import re
import secrets
from datetime import UTC, datetime, time, timedelta

import segno
from fastapi import Request, Response
from fastapi.responses import JSONResponse
from sqlmodel import Session

from backend.config import Settings, settings_of
from backend.errors import AppError, problem_response
from backend.kit.clock import utcnow
from backend.kit.ratelimit import Limit, RateLimiter
from backend.models import Workshop
from backend.workshops import repository
from backend.workshops.errors import JoinCodeInvalid, JoinCodeUnavailable, TooManyJoinAttempts

# No 0/O/Q, 1/I/L, 2/Z, 5/S, 6/G, 8/B: easy to read off a projector and type on a phone.
ALPHABET = "ACDEFHJKMNPRTUVWXY3479"
CODE_LENGTH = 6
_CODE_SHAPE = re.compile(f"^[{ALPHABET}]{{{CODE_LENGTH}}}$")
_TYPING_NOISE = re.compile(r"[\s\-]")
CLIENT_COOKIE = "cyd_client"
CLIENT_COOKIE_MAX_AGE = 365 * 24 * 3600


def normalise_code(raw: str) -> str:
    """Case-insensitive; spaces and dashes people type are ignored."""
    return _TYPING_NOISE.sub("", raw).upper()


def new_join_code(db: Session, attempts: int = 10) -> str:
    for _ in range(attempts):
        code = "".join(secrets.choice(ALPHABET) for _ in range(CODE_LENGTH))
        if not repository.join_code_taken(db, code):
            return code
    raise JoinCodeUnavailable()


def join_code_expires_at(workshop: Workshop) -> datetime:
    """`ends_at`, or when there is none, midnight UTC at the end of the day after `starts_at`."""
    if workshop.ends_at is not None:
        return workshop.ends_at
    day_after_next = workshop.starts_at.astimezone(UTC).date() + timedelta(days=2)
    return datetime.combine(day_after_next, time(0), tzinfo=UTC)


def join_code_active(workshop: Workshop, now: datetime) -> bool:
    return workshop.archived_at is None and now < join_code_expires_at(workshop)


def join_url(settings: Settings, code: str) -> str:
    return f"{settings.public_base_url.rstrip('/')}/join/{code}"


def join_qr_svg(url: str) -> str:
    """Black on white with a full quiet zone; 12 px modules so it reads from the back of a room."""
    qr = segno.make(url, error="m")
    out = io.BytesIO()
    qr.save(
        out,
        kind="svg",
        scale=12,
        border=4,
        dark="#000000",
        light="#ffffff",
        xmldecl=False,
        title=f"QR code to join: {url}",
    )
    return out.getvalue().decode()


def _sign(settings: Settings, value: str) -> str:
    return hmac.new(settings.secret_key.encode(), value.encode(), hashlib.sha256).hexdigest()[:32]


def _digest(*parts: str) -> str:
    return hashlib.sha256("\x1f".join(parts).encode()).hexdigest()[:40]


def client_key_for(request: Request, response: Response) -> str:
    """Who is guessing, for counting failed attempts (opaque; turn it into limits with
    `client_limits`); gives the caller a `cyd_client` cookie (on `response`) when it has no
    valid one."""
    settings = settings_of(request)
    cookie = request.cookies.get(CLIENT_COOKIE, "")
    token, _, signature = cookie.partition(".")
    if token and len(cookie) <= 100 and hmac.compare_digest(signature, _sign(settings, token)):
        return "c:" + _digest(token)
    token = secrets.token_urlsafe(18)
    response.set_cookie(
        CLIENT_COOKIE,
        f"{token}.{_sign(settings, token)}",
        max_age=CLIENT_COOKIE_MAX_AGE,
        path="/",
        domain=settings.cookie_domain,
        secure=settings.cookie_secure,
        httponly=True,
        samesite="lax",
    )
    # A new client counts under both: the new cookie (if it keeps it) and IP + User-Agent (if
    # it never sends cookies back).
    host = request.client.host if request.client else ""
    return f"a:{_digest(host, request.headers.get('user-agent', ''))} c:{_digest(token)}"


def client_limits(client_key: str, *, scope: str, max_hits: int, window: int) -> list[Limit]:
    """One `Limit` per identity in a `client_key_for` key (use this rather than putting the key
    into a single Limit: a new client's key names two identities)."""
    return [Limit(f"{scope}:client:{key}", max_hits, window) for key in client_key.split()]


def _limits(settings: Settings, *, code: str, client_key: str) -> list[Limit]:
    window = settings.join_attempt_window_seconds
    return [
        *client_limits(
            client_key, scope="join", max_hits=settings.join_attempts_per_client, window=window
        ),
        Limit(f"join:code:{_digest(code)}", settings.join_attempts_per_code, window),
    ]


def resolve_join_code(
    db: Session, *, code: str, limiter: RateLimiter, settings: Settings, client_key: str
) -> Workshop:
    """The workshop a typed code opens. Raises `TooManyJoinAttempts` (429, Retry-After) when
    this client or this code has used up its failed guesses, else `JoinCodeInvalid` (404, and
    counts a failed guess) for an unknown, expired or archived code — the same answer for each.
    Call before anything is written in this request: a failure rolls the session back."""
    normalised = normalise_code(code)
    limits = _limits(settings, code=normalised, client_key=client_key)
    if limiter.exceeded(*limits):
        raise TooManyJoinAttempts(settings.join_attempt_window_seconds)
    workshop = (
        repository.workshop_by_join_code(db, normalised) if _CODE_SHAPE.match(normalised) else None
    )
    if workshop is None or not join_code_active(workshop, utcnow()):
        # End the read transaction first: on SQLite it holds the write lock the counter needs.
        db.rollback()
        limiter.record(*limits)
        raise JoinCodeInvalid("Check the code with your facilitator")
    return workshop


def join_problem_response(request: Request, response: Response, error: AppError) -> JSONResponse:
    """Render a join problem keeping what a raised error would lose: the Retry-After header and
    the `cyd_client` cookie set on `response` (so the next guess counts against this client)."""
    rendered = problem_response(
        request,
        status=error.status,
        code=error.code,
        title_en=error.title_en,
        title_cy=error.title_cy,
        detail=error.detail,
        headers=error.extra.get("headers"),
    )
    for name, value in response.raw_headers:
        if name == b"set-cookie":
            rendered.raw_headers.append((name, value))
    return rendered
