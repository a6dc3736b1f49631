"""The application factory: routers under /api/v1, problem+json errors, the SPA on the same port."""

import gc
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from fastapi import FastAPI
from fastapi.routing import APIRoute

from backend.accounts.router import router as accounts_router
from backend.combinations.router import router as combinations_router
from backend.config import Settings, load_settings
from backend.db import make_engine
from backend.errors import install_error_handlers, problem_responses
from backend.events.router import router as events_router
from backend.events.wiring import events_lifespan, install_events
from backend.exports.router import router as exports_router
from backend.feedback.router import router as feedback_router
from backend.ideas.router import router as ideas_router
from backend.initiatives.router import router as initiatives_router
from backend.kit.ratelimit import DatabaseRateStore, RateLimiter, RedisRateStore
from backend.organisations.router import router as organisations_router
from backend.outcomes.router import router as outcomes_router
from backend.participants.router import router as participants_router
from backend.partners.router import router as partners_router
from backend.perspectives.router import router as perspectives_router
from backend.pitches.router import router as pitches_router
from backend.publishing.router import router as publishing_router
from backend.reduction.router import router as reduction_router
from backend.reports.router import router as reports_router
from backend.security_headers import SecurityHeaders
from backend.spa import mount_spa
from backend.storyboards.router import router as storyboards_router
from backend.tables.router import router as tables_router
from backend.webhooks.router import router as webhooks_router
from backend.webhooks.worker import webhooks_lifespan
from backend.workshops.router import router as workshops_router

API_PREFIX = "/api/v1"
GC_YOUNG_THRESHOLD = 20_000  # allocations between young collections (Python's default: 700)
# Requests are matched against routes in this order: the live table's hot writes come first.
ROUTERS = [
    ideas_router,
    reduction_router,
    events_router,
    accounts_router,
    organisations_router,
    workshops_router,
    participants_router,
    tables_router,
    perspectives_router,
    storyboards_router,
    pitches_router,
    combinations_router,
    exports_router,
    publishing_router,
    initiatives_router,
    outcomes_router,
    feedback_router,
    reports_router,
    partners_router,
    webhooks_router,
]


@asynccontextmanager
async def app_lifespan(app: FastAPI) -> AsyncIterator[None]:
    """The live-event broker's lifespan, and the webhook delivery worker's inside it."""
    async with events_lifespan(app), webhooks_lifespan(app):
        calm_garbage_collector()
        yield


def calm_garbage_collector() -> None:
    """Keep the cycle collector's pauses out of request latencies: what start-up built (modules,
    routes, compiled statements) is moved out of its sight, and young objects are collected less
    often, so full collections (tens of milliseconds with hundreds of open streams) stay rare."""
    gc.collect()
    gc.freeze()
    gc.set_threshold(GC_YOUNG_THRESHOLD, *gc.get_threshold()[1:])


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
        lifespan=app_lifespan,
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

    app.add_middleware(SecurityHeaders, api_prefix=API_PREFIX)

    @app.get(f"{API_PREFIX}/health", tags=["meta"], name="health-read")
    async def health() -> dict[str, str]:
        """Liveness check."""
        return {"status": "ok"}

    for router in ROUTERS:
        app.include_router(router, prefix=API_PREFIX)
    mount_spa(app, settings.frontend_dist)
    return app


def app_from_env() -> FastAPI:
    """For `uvicorn --factory backend.main:app_from_env`."""
    return create_app()
