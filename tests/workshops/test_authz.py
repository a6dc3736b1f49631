"""Every sessions route refuses callers who may not use it, and changes nothing for them:
a facilitator of another organisation (404), participants and anonymous callers (401),
tokens without the scope (403)."""

from collections.abc import Callable
from typing import Any

import httpx
import pytest
from fastapi import FastAPI
from sqlmodel import Session

from backend.models import Workshop
from tests.factories.accounts import make_access_token, make_facilitator, sign_in_client
from tests.factories.participants import make_participant, participant_token, sign_in_participant
from tests.factories.workshops import make_workshop
from tests.workshops.helpers import API, assert_problem, create_body, workshop_row

# (method, path under /sessions/{id}, body, scope needed)
ROUTES: list[tuple[str, str, dict[str, Any] | None, str]] = [
    ("GET", "", None, "sessions:read"),
    ("PATCH", "", {"title": {"en": "Taken over"}}, "sessions:write"),
    ("POST", "/archive", None, "sessions:write"),
    ("POST", "/unarchive", None, "sessions:write"),
    ("POST", "/phase", {"to": "tables"}, "sessions:write"),
    ("GET", "/phase-history", None, "sessions:read"),
    ("PUT", "/timer", {"duration_seconds": 60}, "sessions:write"),
    ("POST", "/timer/pause", None, "sessions:write"),
    ("POST", "/timer/resume", None, "sessions:write"),
    ("POST", "/timer/extend", {"seconds": 60}, "sessions:write"),
    ("DELETE", "/timer", None, "sessions:write"),
    ("POST", "/join-code/rotate", None, "sessions:write"),
    ("GET", "/join-qr.svg", None, "sessions:read"),
]
IDS = [f"{m} {p or '/'}" for m, p, _, _ in ROUTES]


def _snapshot(app: FastAPI, workshop: Workshop) -> dict[str, Any]:
    row = workshop_row(app, workshop.id)
    return {name: getattr(row, name) for name in Workshop.model_fields}


@pytest.fixture
def target(db: Session) -> Workshop:
    owner = make_facilitator(db)
    return make_workshop(db, owner.organisation)


async def _call(
    client: httpx.AsyncClient, workshop: Workshop, route: tuple[str, str, Any, str], **kw: Any
) -> httpx.Response:
    method, path, body, _ = route
    return await client.request(method, f"{API}/sessions/{workshop.id}{path}", json=body, **kw)


@pytest.mark.parametrize("route", ROUTES, ids=IDS)
class TestSessionRoutesRefuse:
    async def test_facilitator_of_another_organisation(
        self, app: FastAPI, db: Session, client: httpx.AsyncClient, target: Workshop, route: Any
    ) -> None:
        stranger = make_facilitator(db)
        sign_in_client(db, client, stranger.user)
        before = _snapshot(app, target)
        assert_problem(await _call(client, target, route), 404, "session_not_found")
        assert _snapshot(app, target) == before

    async def test_participant(
        self, app: FastAPI, db: Session, client: httpx.AsyncClient, target: Workshop, route: Any
    ) -> None:
        elsewhere = make_workshop(db, make_facilitator(db).organisation)
        sign_in_participant(db, client, make_participant(db, elsewhere))
        before = _snapshot(app, target)
        assert_problem(await _call(client, target, route), 401, "unauthenticated")
        # Not even their own session's facilitator routes, by bearer token.
        token, _ = participant_token(db, make_participant(db, target))
        client.cookies.clear()
        response = await _call(client, target, route, headers={"Authorization": f"Bearer {token}"})
        assert_problem(response, 401, "unauthenticated")
        assert _snapshot(app, target) == before

    async def test_anonymous(
        self, app: FastAPI, client: httpx.AsyncClient, target: Workshop, route: Any
    ) -> None:
        before = _snapshot(app, target)
        assert_problem(await _call(client, target, route), 401, "unauthenticated")
        assert _snapshot(app, target) == before

    async def test_token_without_scope(
        self,
        app: FastAPI,
        db: Session,
        new_client: Callable[..., httpx.AsyncClient],
        route: Any,
    ) -> None:
        owner = make_facilitator(db)
        workshop = make_workshop(db, owner.organisation)
        needed = route[3]
        other_scope = "sessions:write" if needed == "sessions:read" else "sessions:read"
        token = make_access_token(db, owner.user, frozenset({other_scope, "tables:write"}))
        before = _snapshot(app, workshop)
        response = await _call(
            new_client(spa_like=False),
            workshop,
            route,
            headers={"Authorization": f"Bearer {token}"},
        )
        assert_problem(response, 403, "insufficient_scope")
        assert _snapshot(app, workshop) == before


class TestCollectionRoutesRefuse:
    async def test_anonymous(self, client: httpx.AsyncClient, target: Workshop) -> None:
        assert_problem(await client.get(f"{API}/sessions"), 401, "unauthenticated")
        response = await client.post(f"{API}/sessions", json=create_body(target.organisation_id))
        assert_problem(response, 401, "unauthenticated")

    async def test_participant_cannot_list_or_create(
        self, app: FastAPI, db: Session, client: httpx.AsyncClient, target: Workshop
    ) -> None:
        sign_in_participant(db, client, make_participant(db, target))
        assert_problem(await client.get(f"{API}/sessions"), 401, "unauthenticated")
        response = await client.post(f"{API}/sessions", json=create_body(target.organisation_id))
        assert_problem(response, 401, "unauthenticated")

    async def test_cookie_without_csrf_token(
        self, app: FastAPI, db: Session, new_client: Callable[..., httpx.AsyncClient]
    ) -> None:
        owner = make_facilitator(db)
        raw = new_client(spa_like=False)
        sign_in_client(db, raw, owner.user)
        response = await raw.post(
            f"{API}/sessions",
            json=create_body(owner.organisation.id),
            headers={"Origin": "http://testserver"},
        )
        assert_problem(response, 403, "csrf_failed")
