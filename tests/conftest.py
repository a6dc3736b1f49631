"""Shared fixtures: a fresh database and app per test, and an API client that behaves like the SPA
(it echoes the CSRF cookie and sends the Origin header)."""

from collections.abc import AsyncIterator, Callable, Iterator
from pathlib import Path

import httpx
import pytest
from fastapi import FastAPI
from sqlmodel import Session

from backend.config import Settings
from backend.main import create_app
from tests.db_template import DatabaseTemplate

BASE_URL = "http://testserver"


@pytest.fixture(scope="session")
def db_template(tmp_path_factory: pytest.TempPathFactory) -> Iterator[DatabaseTemplate]:
    template = DatabaseTemplate(tmp_path_factory.mktemp("template"))
    yield template
    template.drop()


@pytest.fixture
def settings(db_template: DatabaseTemplate, tmp_path: Path) -> Iterator[Settings]:
    with db_template.database(tmp_path) as url:
        yield Settings(
            database_url=url,
            data_dir=tmp_path,
            public_base_url=BASE_URL,
            secret_key="test-secret-key-that-is-long-enough-000",
            redis_url="",
        )


@pytest.fixture
def app(settings: Settings) -> Iterator[FastAPI]:
    application = create_app(settings)
    yield application
    application.state.engine.dispose()


@pytest.fixture
def db(app: FastAPI) -> Iterator[Session]:
    """A session on the test's database, for arranging rows and checking what was written."""
    with Session(app.state.engine, expire_on_commit=False) as session:
        yield session


async def _spa_like(request: httpx.Request) -> None:
    csrf = request.headers.get("cookie", "")
    for part in csrf.split(";"):
        name, _, value = part.strip().partition("=")
        if name == "cyd_csrf" and "x-csrf-token" not in request.headers:
            request.headers["X-CSRF-Token"] = value
    request.headers.setdefault("Origin", BASE_URL)


def make_client(app: FastAPI, *, spa_like: bool = True) -> httpx.AsyncClient:
    return httpx.AsyncClient(
        transport=httpx.ASGITransport(app=app),
        base_url=BASE_URL,
        event_hooks={"request": [_spa_like]} if spa_like else {},
    )


@pytest.fixture
async def client(app: FastAPI) -> AsyncIterator[httpx.AsyncClient]:
    """An anonymous browser-like client; sign in or join with it to get cookies."""
    async with make_client(app) as c:
        yield c


@pytest.fixture
async def new_client(app: FastAPI) -> AsyncIterator[Callable[..., httpx.AsyncClient]]:
    """Factory for more independent browser-like clients (other people, other devices)."""
    clients: list[httpx.AsyncClient] = []

    def _make(*, spa_like: bool = True) -> httpx.AsyncClient:
        made = make_client(app, spa_like=spa_like)
        clients.append(made)
        return made

    yield _make
    for made in clients:
        await made.aclose()
