"""Application errors rendered as RFC 9457 `application/problem+json`, in English or Welsh.

Each error has a stable machine `code` (also the last segment of its `type` URI) that clients can
translate, and a human `title` chosen from the request's Accept-Language.
"""

from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from pydantic import BaseModel
from sqlalchemy.exc import IntegrityError
from starlette.exceptions import HTTPException as StarletteHTTPException

PROBLEM_BASE = "https://cyd.invalid/problems/"
PROBLEM_MEDIA_TYPE = "application/problem+json"


class FieldError(BaseModel):
    loc: list[str | int]
    msg: str
    type: str


class Problem(BaseModel):
    type: str
    title: str
    status: int
    detail: str | None = None
    code: str
    errors: list[FieldError] | None = None


class AppError(Exception):
    status: int = 400
    code: str = "bad_request"
    title_en: str = "Bad request"
    title_cy: str = "Cais gwallus"

    def __init__(self, detail: str | None = None, **extra: Any) -> None:
        super().__init__(detail or self.title_en)
        self.detail = detail
        self.extra = extra


class NotFound(AppError):
    status, code = 404, "not_found"
    title_en, title_cy = "Not found", "Heb ei ganfod"


class Unauthenticated(AppError):
    status, code = 401, "unauthenticated"
    title_en, title_cy = "Sign-in required", "Mae angen mewngofnodi"


class Forbidden(AppError):
    status, code = 403, "forbidden"
    title_en, title_cy = "Not allowed", "Dim caniatâd"


class CsrfFailed(AppError):
    status, code = 403, "csrf_failed"
    title_en = "Cross-site request refused"
    title_cy = "Gwrthodwyd cais traws-safle"


class Conflict(AppError):
    status, code = 409, "conflict"
    title_en, title_cy = "Conflict", "Gwrthdaro"


class RuleBroken(AppError):
    """A request that is well-formed but breaks a rule of the method (e.g. out of phase)."""

    status, code = 422, "rule_broken"
    title_en, title_cy = (
        "Not allowed by the workshop's rules",
        "Nid yw rheolau'r gweithdy'n caniatáu hyn",
    )


class TooManyRequests(AppError):
    status, code = 429, "too_many_requests"
    title_en, title_cy = "Too many attempts; wait a little", "Gormod o ymdrechion; arhoswch ychydig"


def prefers_welsh(request: Request) -> bool:
    header = request.headers.get("accept-language", "")
    first = header.split(",")[0].strip().lower()
    return first.startswith("cy")


def problem_response(
    request: Request,
    *,
    status: int,
    code: str,
    title_en: str,
    title_cy: str,
    detail: str | None = None,
    errors: list[dict[str, Any]] | None = None,
    headers: dict[str, str] | None = None,
) -> JSONResponse:
    body: dict[str, Any] = {
        "type": PROBLEM_BASE + code,
        "title": title_cy if prefers_welsh(request) else title_en,
        "status": status,
        "detail": detail,
        "code": code,
    }
    if errors is not None:
        body["errors"] = errors
    return JSONResponse(body, status_code=status, media_type=PROBLEM_MEDIA_TYPE, headers=headers)


def problem_responses(*statuses: int) -> dict[int | str, dict[str, Any]]:
    """OpenAPI `responses=` entry declaring the problem+json errors a route can return."""
    return {
        status: {"model": Problem, "content": {PROBLEM_MEDIA_TYPE: {}}, "description": "Problem"}
        for status in sorted({*statuses, 422})
    }


def _clean_loc(loc: Any) -> list[str | int]:
    return [part if isinstance(part, int) else str(part) for part in loc]


async def _app_error(request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, AppError)
    return problem_response(
        request,
        status=exc.status,
        code=exc.code,
        title_en=exc.title_en,
        title_cy=exc.title_cy,
        detail=exc.detail,
        errors=exc.extra.get("errors"),
        headers=exc.extra.get("headers"),
    )


async def _validation_error(request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, RequestValidationError)
    raw = exc.errors()
    if any(err.get("type") == "json_invalid" for err in raw):
        return problem_response(
            request,
            status=400,
            code="malformed_json",
            title_en="The request body is not valid JSON",
            title_cy="Nid yw corff y cais yn JSON dilys",
            detail="; ".join(str(err.get("msg")) for err in raw),
        )
    errors = [
        {"loc": _clean_loc(err.get("loc", ())), "msg": str(err.get("msg")), "type": err.get("type")}
        for err in raw
    ]
    fields = ", ".join(".".join(str(p) for p in e["loc"]) for e in errors)
    return problem_response(
        request,
        status=422,
        code="validation_failed",
        title_en="Some fields are not valid",
        title_cy="Nid yw rhai meysydd yn ddilys",
        detail=f"Check: {fields}",
        errors=errors,
    )


_HTTP_TITLES = {
    400: ("bad_request", "Bad request", "Cais gwallus"),
    401: ("unauthenticated", "Sign-in required", "Mae angen mewngofnodi"),
    403: ("forbidden", "Not allowed", "Dim caniatâd"),
    404: ("not_found", "Not found", "Heb ei ganfod"),
    405: ("method_not_allowed", "Method not allowed", "Dull heb ei ganiatáu"),
    413: ("too_large", "Request too large", "Cais rhy fawr"),
    415: ("unsupported_media_type", "Unsupported media type", "Math o gyfrwng heb ei gefnogi"),
}


async def _http_error(request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, StarletteHTTPException)
    code, en, cy = _HTTP_TITLES.get(
        exc.status_code, ("http_error", "Request failed", "Methodd y cais")
    )
    detail = exc.detail if isinstance(exc.detail, str) and exc.detail != en else None
    return problem_response(
        request,
        status=exc.status_code,
        code=code,
        title_en=en,
        title_cy=cy,
        detail=detail,
        headers=getattr(exc, "headers", None),
    )


async def _unexpected_error(request: Request, exc: Exception) -> JSONResponse:
    return problem_response(
        request,
        status=500,
        code="internal_error",
        title_en="Something went wrong on our side",
        title_cy="Aeth rhywbeth o'i le ar ein hochr ni",
    )


async def _integrity_error(request: Request, exc: Exception) -> JSONResponse:
    return problem_response(
        request,
        status=409,
        code="conflict",
        title_en="This conflicts with something that already exists",
        title_cy="Mae hyn yn gwrthdaro â rhywbeth sy'n bodoli eisoes",
    )


def install_error_handlers(app: FastAPI) -> None:
    app.add_exception_handler(AppError, _app_error)
    app.add_exception_handler(RequestValidationError, _validation_error)
    app.add_exception_handler(StarletteHTTPException, _http_error)
    app.add_exception_handler(IntegrityError, _integrity_error)
    app.add_exception_handler(Exception, _unexpected_error)
