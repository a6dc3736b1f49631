"""Names and writing of the browser's cookies.

`cyd_session` (facilitator) and `cyd_participant` are HttpOnly. `cyd_csrf` is readable by the SPA,
which echoes it in the `X-CSRF-Token` header; the server compares it with the token stored beside
the credential the request is using.
"""

import secrets

from fastapi import Request, Response

from backend.config import Settings

FACILITATOR_COOKIE = "cyd_session"
PARTICIPANT_COOKIE = "cyd_participant"
CSRF_COOKIE = "cyd_csrf"
CSRF_HEADER = "X-CSRF-Token"


def csrf_token_for(request: Request) -> str:
    """Reuse the browser's CSRF token when it has one, so both identities share a header."""
    existing = request.cookies.get(CSRF_COOKIE, "")
    return existing if 20 <= len(existing) <= 64 and existing.isalnum() else secrets.token_hex(16)


def set_credential_cookie(
    response: Response, settings: Settings, *, name: str, token: str, csrf: str, max_age: int
) -> None:
    common = {
        "secure": settings.cookie_secure,
        "samesite": settings.cookie_samesite,
        "domain": settings.cookie_domain,
        "path": "/",
        "max_age": max_age,
    }
    response.set_cookie(name, token, httponly=True, **common)  # type: ignore[arg-type]
    response.set_cookie(CSRF_COOKIE, csrf, httponly=False, **common)  # type: ignore[arg-type]


def clear_credential_cookie(response: Response, settings: Settings, *, name: str) -> None:
    response.delete_cookie(name, path="/", domain=settings.cookie_domain)
