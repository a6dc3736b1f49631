"""The application factory: routers under /api/v1, problem+json errors, the SPA on the same port."""

from collections.abc import Awaitable, Callable

from fastapi import FastAPI, Request, Response
from fastapi.routing import APIRoute

from backend.accounts.router import router as accounts_router
from backend.config import Settings, load_settings
from backend.db import make_engine
from backend.errors import install_error_handlers, problem_responses
from backend.events.router import router as events_router
from backend.events.wiring import events_lifespan, install_events
from backend.exports.router import router as exports_router
from backend.ideas.router import router as ideas_router
from backend.kit.ratelimit import DatabaseRateStore, RateLimiter, RedisRateStore
from backend.kit.write_gate import SqliteWriteGate
from backend.organisations.router import router as organisations_router
from backend.participants.router import router as participants_router
from backend.perspectives.router import router as perspectives_router
from backend.reduction.router import router as reduction_router
from backend.spa import mount_spa
from backend.tables.router import router as tables_router
from backend.workshops.router import router as workshops_router

API_PREFIX = "/api/v1"
ROUTERS = [
    accounts_router,
    organisations_router,
    workshops_router,
    participants_router,
    tables_router,
    ideas_router,
    perspectives_router,
    events_router,
    reduction_router,
    exports_router,
]

SECURITY_HEADERS = {
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "same-origin",
    "X-Frame-Options": "DENY",
}
APP_CSP = (
    "default-src 'self'; img-src 'self' data: blob:; style-src 'self' 'unsafe-inline'; "
    "script-src 'self'; connect-src 'self'; frame-ancestors 'none'; base-uri 'self'; form-action 'self'"
)
# Swagger UI and ReDoc load their scripts from a CDN and start with an inline script.
DOCS_CSP = (
    "default-src 'self'; img-src 'self' data: https://fastapi.tiangolo.com https://cdn.redoc.ly; "
    "style-src 'self' 'unsafe-inline' https://cdn.jsdelivr.net https://fonts.googleapis.com; "
    "font-src https://fonts.gstatic.com; script-src 'self' 'unsafe-inline' https://cdn.jsdelivr.net; "
    "worker-src blob:; frame-ancestors 'none'"
)
DOCS_PATHS = ("/docs", "/redoc")


def operation_id(route: APIRoute) -> str:
    """Routes are named `<area>-<verb>` (e.g. `sessions-create`); that name is the operation id."""
    return route.name


def create_app(settings: Settings | None = None) -> FastAPI:
    settings = settings or load_settings()
    app = FastAPI(
        title="Cyd API",
        version="1.0.0",
        summary="Co-creating public services with communities",
        description=(
            "Everything the Cyd web client does, over REST. Browsers use cookies (with the "
            "`X-CSRF-Token` header on unsafe requests); scripts use a personal access token "
            "(`Authorization: Bearer cyd_pat_...`) or a participant token (`cyd_pt_...`). "
            "Errors are `application/problem+json`."
        ),
        generate_unique_id_function=operation_id,
        responses=problem_responses(400, 401, 403),
        lifespan=events_lifespan,
    )
    app.state.settings = settings
    app.state.engine = make_engine(settings)
    install_events(app, settings)
    app.state.rate_limiter = RateLimiter(
        RedisRateStore(settings.redis_url)
        if settings.redis_url
        else DatabaseRateStore(app.state.engine)
    )
    install_error_handlers(app)
    if settings.is_sqlite:
        app.add_middleware(SqliteWriteGate, path_prefix=API_PREFIX, engine=app.state.engine)

    @app.middleware("http")
    async def security_headers(
        request: Request, call_next: Callable[[Request], Awaitable[Response]]
    ) -> Response:
        response = await call_next(request)
        for name, value in SECURITY_HEADERS.items():
            response.headers.setdefault(name, value)
        csp = DOCS_CSP if request.url.path.startswith(DOCS_PATHS) else APP_CSP
        response.headers.setdefault("Content-Security-Policy", csp)
        if request.url.path.startswith(API_PREFIX):
            response.headers.setdefault("Cache-Control", "no-store")
        return response

    @app.get(f"{API_PREFIX}/health", tags=["meta"], name="health-read")
    def health() -> dict[str, str]:
        """Liveness check."""
        return {"status": "ok"}

    for router in ROUTERS:
        app.include_router(router, prefix=API_PREFIX)
    mount_spa(app, settings.frontend_dist)
    return app


def app_from_env() -> FastAPI:
    """For `uvicorn --factory backend.main:app_from_env`."""
    return create_app()
