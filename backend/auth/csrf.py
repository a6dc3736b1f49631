"""CSRF protection for cookie-authenticated unsafe requests: an Origin check plus a token."""

from urllib.parse import urlsplit

from fastapi import Request

from backend.auth.cookies import CSRF_HEADER
from backend.config import Settings
from backend.errors import CsrfFailed
from backend.kit.tokens import same_secret

SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})


def _origin_of(request: Request) -> str | None:
    origin = request.headers.get("origin")
    if origin and origin != "null":
        return origin.rstrip("/")
    referer = request.headers.get("referer")
    if referer:
        parts = urlsplit(referer)
        return f"{parts.scheme}://{parts.netloc}"
    return None


def check_origin(request: Request, settings: Settings, *, required: bool) -> None:
    """Refuse requests whose Origin is another site. `required`: refuse when there is none."""
    origin = _origin_of(request)
    if origin is None:
        if required:
            raise CsrfFailed("This request needs an Origin header from this site")
        return
    own = f"{request.url.scheme}://{request.headers.get('host', request.url.netloc)}"
    if origin != own and origin not in settings.trusted_origins():
        raise CsrfFailed(f"Requests from {origin} are not allowed")


def check_csrf(request: Request, settings: Settings, *, expected_token: str) -> None:
    if request.method in SAFE_METHODS:
        return
    check_origin(request, settings, required=True)
    sent = request.headers.get(CSRF_HEADER, "")
    if not sent or not same_secret(sent, expected_token):
        raise CsrfFailed(f"Send the {CSRF_HEADER} header with the value of the cyd_csrf cookie")
