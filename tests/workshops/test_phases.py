"""The phase state machine, its history, and the rule helpers other slices use."""

from datetime import timedelta

import httpx
import pytest
from fastapi import FastAPI
from sqlmodel import Session

from backend.errors import AppError
from backend.kit.clock import utcnow
from backend.models import PHASE_ORDER, Phase
from backend.workshops.rules import ensure_phase, ensure_writable
from tests.factories.accounts import make_organisation
from tests.factories.workshops import make_workshop
from tests.workshops.helpers import (
    assert_problem,
    make_room,
    phase_changes,
    update_workshop,
    workshop_row,
)


class TestChangePhase:
    async def test_forward_one_step(
        self, app: FastAPI, db: Session, client: httpx.AsyncClient
    ) -> None:
        room = make_room(db, client)
        update_workshop(app, room.workshop.id, timer_ends_at=utcnow() + timedelta(minutes=5))
        update_workshop(app, room.workshop.id, timer_duration_seconds=300)
        response = await client.post(f"{room.url}/phase", json={"to": "tables"})
        assert response.status_code == 200, response.text
        body = response.json()
        assert body["phase"] == "tables"
        assert body["timer"]["state"] == "stopped"  # each phase starts without a countdown
        row = workshop_row(app, room.workshop.id)
        assert row.phase == Phase.tables and row.timer_ends_at is None
        (change,) = phase_changes(app, room.workshop.id)
        assert (change.from_phase, change.to_phase, change.reason) == ("engage", "tables", None)
        assert change.changed_by_id == room.ctx.user.id

    async def test_walks_the_whole_method(self, db: Session, client: httpx.AsyncClient) -> None:
        room = make_room(db, client)
        for phase in PHASE_ORDER[1:]:
            response = await client.post(f"{room.url}/phase", json={"to": phase})
            assert response.status_code == 200, response.text
        assert response.json()["phase"] == "outcomes"
        response = await client.post(f"{room.url}/phase", json={"to": "engage"})
        body = assert_problem(response, 422, "phase_transition_invalid")
        assert "glue" in body["detail"]

    async def test_back_one_step_needs_reason(
        self, app: FastAPI, db: Session, client: httpx.AsyncClient
    ) -> None:
        room = make_room(db, client, phase=Phase.ideate)
        for reason in (None, "", "   "):
            response = await client.post(
                f"{room.url}/phase", json={"to": "perspectives", "reason": reason}
            )
            assert_problem(response, 422, "phase_reason_required")
        assert phase_changes(app, room.workshop.id) == []
        assert workshop_row(app, room.workshop.id).phase == Phase.ideate
        response = await client.post(
            f"{room.url}/phase", json={"to": "perspectives", "reason": "Table 4 was not finished"}
        )
        assert response.status_code == 200
        (change,) = phase_changes(app, room.workshop.id)
        assert change.reason == "Table 4 was not finished"

    @pytest.mark.parametrize("target", ["ideate", "engage", "strengths", "outcomes"])
    async def test_invalid_targets_name_the_allowed(
        self, app: FastAPI, db: Session, client: httpx.AsyncClient, target: str
    ) -> None:
        room = make_room(db, client, phase=Phase.ideate)
        response = await client.post(f"{room.url}/phase", json={"to": target, "reason": "why"})
        body = assert_problem(response, 422, "phase_transition_invalid")
        assert "reduce" in body["detail"] and "perspectives" in body["detail"]
        assert phase_changes(app, room.workshop.id) == []

    @pytest.mark.parametrize(
        "body",
        [{"to": "brainstorm"}, {}, {"to": "tables", "reason": "x" * 1001}, {"to": 3}],
    )
    async def test_bad_input(
        self, app: FastAPI, db: Session, client: httpx.AsyncClient, body: dict[str, object]
    ) -> None:
        room = make_room(db, client)
        assert_problem(await client.post(f"{room.url}/phase", json=body), 422, "validation_failed")
        assert phase_changes(app, room.workshop.id) == []


class TestPhaseHistory:
    async def test_in_order_and_paged(self, db: Session, client: httpx.AsyncClient) -> None:
        room = make_room(db, client)
        await client.post(f"{room.url}/phase", json={"to": "tables"})
        await client.post(f"{room.url}/phase", json={"to": "strengths"})
        await client.post(f"{room.url}/phase", json={"to": "tables", "reason": "Late arrivals"})
        first = (await client.get(f"{room.url}/phase-history", params={"limit": 2})).json()
        rest = (
            await client.get(
                f"{room.url}/phase-history", params={"limit": 2, "cursor": first["next_cursor"]}
            )
        ).json()
        moves = [
            (c["from_phase"], c["to_phase"], c["reason"]) for c in first["items"] + rest["items"]
        ]
        assert moves == [
            ("engage", "tables", None),
            ("tables", "strengths", None),
            ("strengths", "tables", "Late arrivals"),
        ]
        assert rest["next_cursor"] is None
        assert first["items"][0]["changed_by_id"] == str(room.ctx.user.id)

    async def test_only_this_sessions_changes(self, db: Session, client: httpx.AsyncClient) -> None:
        room = make_room(db, client)
        other = make_workshop(db, room.ctx.organisation)
        await client.post(f"{room.url}/phase", json={"to": "tables"})
        response = await client.get(f"/api/v1/sessions/{other.id}/phase-history")
        assert response.json()["items"] == []


class TestRules:
    def test_ensure_phase(self, db: Session) -> None:
        workshop = make_workshop(db, make_organisation(db), phase=Phase.ideate)
        ensure_phase(workshop, Phase.ideate, Phase.reduce)
        with pytest.raises(AppError) as caught:
            ensure_phase(workshop, Phase.tables)
        assert caught.value.code == "phase_closed"
        assert caught.value.status == 422
        assert "ideate" in str(caught.value.detail) and "tables" in str(caught.value.detail)

    def test_ensure_writable(self, db: Session) -> None:
        workshop = make_workshop(db, make_organisation(db))
        ensure_writable(workshop)
        workshop.archived_at = utcnow()
        with pytest.raises(AppError) as caught:
            ensure_writable(workshop)
        assert (caught.value.code, caught.value.status) == ("session_archived", 409)
