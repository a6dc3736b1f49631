"""Refusals of the stream endpoints, which happen before any streaming (so over ASGI)."""

import httpx
import pytest
from sqlmodel import Session

from tests.events.conftest import Room
from tests.factories.accounts import make_access_token, make_facilitator
from tests.factories.participants import make_participant, participant_token
from tests.factories.workshops import make_workshop

API = "/api/v1"


def bearer(token: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}"}


def assert_problem(response: httpx.Response, status: int, code: str) -> None:
    assert response.status_code == status, response.text
    assert response.headers["content-type"].startswith("application/problem+json")
    assert response.json()["code"] == code


class TestSessionStream:
    @pytest.mark.parametrize("value", ["abc", "-1", "1.5", "12a", "9" * 30, "0x10"])
    async def test_garbage_last_event_id_is_400(
        self, client: httpx.AsyncClient, room: Room, value: str
    ) -> None:
        headers = bearer(room.facilitator_token) | {"Last-Event-ID": value}
        response = await client.get(f"{API}{room.base}/events", headers=headers)
        assert_problem(response, 400, "invalid_last_event_id")

    @pytest.mark.parametrize("value", ["x", "١٢", "+3"])
    async def test_garbage_query_id_is_400(
        self, client: httpx.AsyncClient, room: Room, value: str
    ) -> None:
        response = await client.get(
            f"{API}{room.base}/events",
            params={"last_event_id": value},
            headers=bearer(room.facilitator_token),
        )
        assert_problem(response, 400, "invalid_last_event_id")

    async def test_anonymous_is_401(self, client: httpx.AsyncClient, room: Room) -> None:
        assert_problem(await client.get(f"{API}{room.base}/events"), 401, "unauthenticated")

    async def test_participant_is_401(self, client: httpx.AsyncClient, room: Room) -> None:
        response = await client.get(f"{API}{room.base}/events", headers=bearer(room.token_a))
        assert response.status_code == 401

    async def test_facilitator_of_another_organisation_is_404(
        self, client: httpx.AsyncClient, room: Room, db: Session
    ) -> None:
        stranger = make_access_token(db, make_facilitator(db).user)
        response = await client.get(f"{API}{room.base}/events", headers=bearer(stranger))
        assert_problem(response, 404, "session_not_found")

    async def test_token_without_the_scope_is_403(
        self, client: httpx.AsyncClient, room: Room, db: Session
    ) -> None:
        token = make_access_token(db, room.owner, frozenset({"tables:read"}))
        response = await client.get(f"{API}{room.base}/events", headers=bearer(token))
        assert response.status_code == 403


class TestMyStream:
    async def test_anonymous_is_401(self, client: httpx.AsyncClient) -> None:
        assert_problem(await client.get(f"{API}/me/events"), 401, "unauthenticated")

    async def test_facilitator_token_is_401(self, client: httpx.AsyncClient, room: Room) -> None:
        response = await client.get(f"{API}/me/events", headers=bearer(room.facilitator_token))
        assert response.status_code == 401

    async def test_garbage_last_event_id_is_400(
        self, client: httpx.AsyncClient, room: Room
    ) -> None:
        headers = bearer(room.token_a) | {"Last-Event-ID": "yesterday"}
        assert_problem(
            await client.get(f"{API}/me/events", headers=headers), 400, "invalid_last_event_id"
        )

    async def test_participant_of_another_session_cannot_use_its_stream(
        self, client: httpx.AsyncClient, room: Room, db: Session
    ) -> None:
        elsewhere = make_workshop(db, make_facilitator(db).organisation)
        token, _ = participant_token(db, make_participant(db, elsewhere))
        response = await client.get(f"{API}{room.base}/events", headers=bearer(token))
        assert response.status_code == 401
