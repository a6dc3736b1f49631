"""The phase timer: start, pause, resume, extend, clear, and what clients see."""

from datetime import datetime, timedelta

import httpx
import pytest
from fastapi import FastAPI
from sqlmodel import Session

from backend.kit.clock import utcnow
from tests.workshops.helpers import API, assert_problem, make_room, update_workshop, workshop_row


def _seconds_between(a: str, b: str) -> float:
    return (datetime.fromisoformat(a) - datetime.fromisoformat(b)).total_seconds()


class TestStartTimer:
    async def test_start(self, app: FastAPI, db: Session, client: httpx.AsyncClient) -> None:
        room = make_room(db, client)
        response = await client.put(f"{room.url}/timer", json={"duration_seconds": 600})
        assert response.status_code == 200, response.text
        timer = response.json()
        assert timer["state"] == "running"
        assert timer["duration_seconds"] == 600
        assert timer["remaining_seconds"] == 600
        assert _seconds_between(timer["ends_at"], timer["server_now"]) == 600
        row = workshop_row(app, room.workshop.id)
        assert row.timer_duration_seconds == 600 and row.timer_ends_at is not None
        session = (await client.get(room.url)).json()
        assert session["timer"]["state"] == "running"
        assert 0 < session["timer"]["remaining_seconds"] <= 600

    async def test_restart_replaces(self, db: Session, client: httpx.AsyncClient) -> None:
        room = make_room(db, client)
        await client.put(f"{room.url}/timer", json={"duration_seconds": 600})
        await client.post(f"{room.url}/timer/pause")
        timer = (await client.put(f"{room.url}/timer", json={"duration_seconds": 60})).json()
        assert (timer["state"], timer["duration_seconds"]) == ("running", 60)

    @pytest.mark.parametrize(
        "body",
        [
            {"duration_seconds": 9},
            {"duration_seconds": 86401},
            {"duration_seconds": "60"},
            {"duration_seconds": 60.5},
            {},
            {"duration_seconds": 60, "paused": True},
        ],
    )
    async def test_bad_input(
        self, app: FastAPI, db: Session, client: httpx.AsyncClient, body: dict[str, object]
    ) -> None:
        room = make_room(db, client)
        assert_problem(await client.put(f"{room.url}/timer", json=body), 422, "validation_failed")
        assert workshop_row(app, room.workshop.id).timer_ends_at is None


class TestPauseTimer:
    async def test_pause(self, app: FastAPI, db: Session, client: httpx.AsyncClient) -> None:
        room = make_room(db, client)
        await client.put(f"{room.url}/timer", json={"duration_seconds": 300})
        response = await client.post(f"{room.url}/timer/pause")
        assert response.status_code == 200
        timer = response.json()
        assert timer["state"] == "paused" and timer["ends_at"] is None
        assert 298 <= timer["remaining_seconds"] <= 300
        row = workshop_row(app, room.workshop.id)
        assert (
            row.timer_ends_at is None and row.timer_remaining_seconds == timer["remaining_seconds"]
        )

    async def test_not_running(self, app: FastAPI, db: Session, client: httpx.AsyncClient) -> None:
        room = make_room(db, client)
        assert_problem(await client.post(f"{room.url}/timer/pause"), 409, "timer_state")
        await client.put(f"{room.url}/timer", json={"duration_seconds": 300})
        await client.post(f"{room.url}/timer/pause")
        assert_problem(await client.post(f"{room.url}/timer/pause"), 409, "timer_state")
        update_workshop(app, room.workshop.id, timer_remaining_seconds=None, timer_ends_at=utcnow())
        assert_problem(await client.post(f"{room.url}/timer/pause"), 409, "timer_state")


class TestResumeTimer:
    async def test_resume(self, db: Session, client: httpx.AsyncClient) -> None:
        room = make_room(db, client)
        await client.put(f"{room.url}/timer", json={"duration_seconds": 300})
        paused = (await client.post(f"{room.url}/timer/pause")).json()
        timer = (await client.post(f"{room.url}/timer/resume")).json()
        assert timer["state"] == "running"
        assert timer["remaining_seconds"] == paused["remaining_seconds"]
        assert (
            _seconds_between(timer["ends_at"], timer["server_now"]) == paused["remaining_seconds"]
        )

    async def test_not_paused(self, db: Session, client: httpx.AsyncClient) -> None:
        room = make_room(db, client)
        assert_problem(await client.post(f"{room.url}/timer/resume"), 409, "timer_state")
        await client.put(f"{room.url}/timer", json={"duration_seconds": 300})
        assert_problem(await client.post(f"{room.url}/timer/resume"), 409, "timer_state")


class TestExtendTimer:
    async def test_running(self, db: Session, client: httpx.AsyncClient) -> None:
        room = make_room(db, client)
        started = (await client.put(f"{room.url}/timer", json={"duration_seconds": 300})).json()
        timer = (await client.post(f"{room.url}/timer/extend", json={"seconds": 120})).json()
        assert timer["state"] == "running" and timer["duration_seconds"] == 420
        assert _seconds_between(timer["ends_at"], started["ends_at"]) == 120

    async def test_paused(self, db: Session, client: httpx.AsyncClient) -> None:
        room = make_room(db, client)
        await client.put(f"{room.url}/timer", json={"duration_seconds": 300})
        paused = (await client.post(f"{room.url}/timer/pause")).json()
        timer = (await client.post(f"{room.url}/timer/extend", json={"seconds": 60})).json()
        assert timer["state"] == "paused"
        assert timer["remaining_seconds"] == paused["remaining_seconds"] + 60

    async def test_expired_runs_again(
        self, app: FastAPI, db: Session, client: httpx.AsyncClient
    ) -> None:
        room = make_room(db, client)
        update_workshop(
            app,
            room.workshop.id,
            timer_duration_seconds=60,
            timer_ends_at=utcnow() - timedelta(seconds=30),
        )
        seen = (await client.get(room.url)).json()["timer"]
        assert (seen["state"], seen["remaining_seconds"]) == ("expired", 0)
        timer = (await client.post(f"{room.url}/timer/extend", json={"seconds": 90})).json()
        assert timer["state"] == "running" and timer["remaining_seconds"] == 90

    async def test_no_timer(self, db: Session, client: httpx.AsyncClient) -> None:
        room = make_room(db, client)
        response = await client.post(f"{room.url}/timer/extend", json={"seconds": 60})
        assert_problem(response, 409, "timer_state")

    @pytest.mark.parametrize("seconds", [0, 7201, -5, "lots"])
    async def test_bad_input(self, db: Session, client: httpx.AsyncClient, seconds: object) -> None:
        room = make_room(db, client)
        await client.put(f"{room.url}/timer", json={"duration_seconds": 300})
        response = await client.post(f"{room.url}/timer/extend", json={"seconds": seconds})
        assert_problem(response, 422, "validation_failed")


class TestClearTimer:
    async def test_clear(self, app: FastAPI, db: Session, client: httpx.AsyncClient) -> None:
        room = make_room(db, client)
        await client.put(f"{room.url}/timer", json={"duration_seconds": 300})
        response = await client.delete(f"{room.url}/timer")
        assert response.status_code == 204 and response.content == b""
        row = workshop_row(app, room.workshop.id)
        assert (row.timer_ends_at, row.timer_remaining_seconds, row.timer_duration_seconds) == (
            None,
            None,
            None,
        )
        timer = (await client.get(room.url)).json()["timer"]
        assert timer["state"] == "stopped" and timer["remaining_seconds"] is None
        assert (await client.delete(f"{room.url}/timer")).status_code == 204

    async def test_other_session_untouched(
        self, app: FastAPI, db: Session, client: httpx.AsyncClient
    ) -> None:
        room = make_room(db, client)
        await client.put(f"{room.url}/timer", json={"duration_seconds": 300})
        other = make_room(db, client)  # the client is now signed in as the other facilitator
        assert_problem(
            await client.delete(f"{API}/sessions/{room.workshop.id}/timer"),
            404,
            "session_not_found",
        )
        assert workshop_row(app, room.workshop.id).timer_ends_at is not None
        assert (await client.delete(f"{other.url}/timer")).status_code == 204
