"""Nobody reaches another session's tables, seats, constraints or allocations, and nothing changes.

Callers: a facilitator of another organisation (cookie and access token), a facilitator of the same
organisation mixing ids across two sessions, a participant (of another workshop and of this one),
and an anonymous caller.
"""

import uuid
from dataclasses import dataclass
from typing import Any

import httpx
import pytest
from fastapi import FastAPI
from sqlmodel import Session, col, select

from backend.models import (
    AllocationRun,
    ConstraintKind,
    Participant,
    SeatingConstraint,
    WorkshopTable,
)
from tests.factories.accounts import make_access_token, make_facilitator, sign_in_client
from tests.factories.participants import make_participant, sign_in_participant
from tests.factories.tables import (
    Room,
    make_constraint,
    make_people,
    make_room,
    make_table,
    read_rows,
)
from tests.factories.workshops import make_workshop


@dataclass
class Target:
    """A session with a seated table, an empty table, people, a constraint and a run."""

    room: Room
    table: WorkshopTable
    empty: WorkshopTable
    people: list[Participant]
    constraint: SeatingConstraint


def _target(db: Session) -> Target:
    room = make_room(db)
    table = make_table(db, room.workshop, name="Oak")
    empty = make_table(db, room.workshop)
    people = make_people(db, room.workshop, 6, table=table)
    constraint = make_constraint(db, room.workshop, ConstraintKind.apart, people[0], people[1])
    db.add(
        AllocationRun(workshop_id=room.workshop.id, seed=1, diversity=5, diversity_max=5, report={})
    )
    db.commit()
    return Target(room, table, empty, people, constraint)


def _snapshot(app: FastAPI) -> dict[str, Any]:
    tables = read_rows(app, select(WorkshopTable).order_by(col(WorkshopTable.id)))
    people = read_rows(app, select(Participant).order_by(col(Participant.id)))
    return {
        "tables": [(t.id, t.workshop_id, t.number, t.name) for t in tables],
        "people": [(p.id, p.table_id, p.pinned, p.status) for p in people],
        "constraints": sorted(c.id for c in read_rows(app, select(SeatingConstraint))),
        "runs": sorted(r.id for r in read_rows(app, select(AllocationRun))),
    }


def _every_route(session_id: uuid.UUID, t: Target) -> list[tuple[str, str, Any]]:
    """Every tables route, with ids taken from the target session."""
    base = f"/api/v1/sessions/{session_id}"
    a, b = t.people[2], t.people[3]
    return [
        ("GET", f"{base}/tables", None),
        ("POST", f"{base}/tables", {"name": "Intruder"}),
        ("PATCH", f"{base}/tables/{t.table.id}", {"name": "Intruder"}),
        ("DELETE", f"{base}/tables/{t.empty.id}", None),
        ("POST", f"{base}/allocation", {"seed": 3}),
        ("GET", f"{base}/allocation", None),
        ("PUT", f"{base}/seats/{a.id}", {"table_id": str(t.empty.id), "pinned": True}),
        ("PUT", f"{base}/seats/{a.id}", {"table_id": None}),
        ("GET", f"{base}/seating-constraints", None),
        (
            "POST",
            f"{base}/seating-constraints",
            {"kind": "together", "first_id": str(a.id), "second_id": str(b.id)},
        ),
        ("DELETE", f"{base}/seating-constraints/{t.constraint.id}", None),
    ]


async def _call(
    client: httpx.AsyncClient,
    method: str,
    url: str,
    body: Any,
    headers: dict[str, str] | None = None,
) -> httpx.Response:
    return await client.request(method, url, json=body, headers=headers)


class TestOtherOrganisation:
    @pytest.mark.parametrize("via", ["cookie", "token"])
    async def test_target_session_is_not_found(
        self,
        db: Session,
        new_client,
        app: FastAPI,
        via: str,  # type: ignore[no-untyped-def]
    ) -> None:
        t = _target(db)
        outsider = make_facilitator(db)
        client = new_client(spa_like=via == "cookie")
        headers = None
        if via == "cookie":
            sign_in_client(db, client, outsider.user)
        else:
            headers = {"Authorization": f"Bearer {make_access_token(db, outsider.user)}"}
        before = _snapshot(app)
        for method, url, body in _every_route(t.room.workshop.id, t):
            response = await _call(client, method, url, body, headers)
            assert response.status_code == 404, (method, url, response.text)
            assert response.json()["code"] == "session_not_found"
            assert response.headers["content-type"] == "application/problem+json"
        assert _snapshot(app) == before

    async def test_own_session_with_foreign_ids(
        self,
        db: Session,
        new_client,
        app: FastAPI,  # type: ignore[no-untyped-def]
    ) -> None:
        t = _target(db)
        outsider = make_facilitator(db)
        own = make_workshop(db, outsider.organisation)
        make_people(db, own, 2)
        client = new_client()
        sign_in_client(db, client, outsider.user)
        before = _snapshot(app)
        expected = {
            "/tables/": "table_not_found",
            "/seats/": "participant_not_found",
            "/seating-constraints/": "seating_constraint_not_found",
        }
        for method, url, body in _every_route(own.id, t):
            marker = next((m for m in expected if m in url), None)
            if method == "POST" and url.endswith("/seating-constraints"):
                marker = "/seats/"  # both participants belong to the other session
            if marker is None:
                continue
            response = await _call(client, method, url, body)
            assert response.status_code == 404, (method, url, response.text)
            assert response.json()["code"] == expected[marker]
        assert _snapshot(app) == before


class TestSameOrganisationOtherSession:
    async def test_ids_do_not_cross_sessions(
        self, db: Session, client: httpx.AsyncClient, app: FastAPI
    ) -> None:
        t = _target(db)
        sign_in_client(db, client, t.room.facilitator.user)
        other = make_workshop(db, t.room.facilitator.organisation)
        other_table = make_table(db, other)
        (mine,) = make_people(db, other, 1)
        before = _snapshot(app)
        base = f"/api/v1/sessions/{other.id}"
        attempts = [
            ("PATCH", f"{base}/tables/{t.table.id}", {"name": "x"}, "table_not_found"),
            ("DELETE", f"{base}/tables/{t.empty.id}", None, "table_not_found"),
            (
                "PUT",
                f"{base}/seats/{t.people[0].id}",
                {"table_id": str(other_table.id)},
                "participant_not_found",
            ),
            ("PUT", f"{base}/seats/{mine.id}", {"table_id": str(t.table.id)}, "table_not_found"),
            (
                "POST",
                f"{base}/seating-constraints",
                {"kind": "apart", "first_id": str(mine.id), "second_id": str(t.people[0].id)},
                "participant_not_found",
            ),
            (
                "DELETE",
                f"{base}/seating-constraints/{t.constraint.id}",
                None,
                "seating_constraint_not_found",
            ),
        ]
        for method, url, body, code in attempts:
            response = await _call(client, method, url, body)
            assert response.status_code == 404, (method, url, response.text)
            assert response.json()["code"] == code
        assert _snapshot(app) == before
        # The other session's board shows none of the target's people.
        board = (await client.get(f"{base}/tables")).json()
        ids = {m["id"] for tb in board["tables"] for m in tb["members"]} | {
            m["id"] for m in board["unseated"]
        }
        assert ids == {str(mine.id)}


class TestParticipantsAndAnonymous:
    async def test_participant_of_another_workshop(
        self, db: Session, client: httpx.AsyncClient, app: FastAPI
    ) -> None:
        t = _target(db)
        elsewhere = make_room(db)
        their_table = make_table(db, elsewhere.workshop)
        stranger = make_participant(db, elsewhere.workshop, table_id=their_table.id)
        sign_in_participant(db, client, stranger)
        before = _snapshot(app)
        for method, url, body in _every_route(t.room.workshop.id, t):
            response = await _call(client, method, url, body)
            assert response.status_code == 401, (method, url, response.text)
        mine = (await client.get("/api/v1/me/table")).json()
        assert mine["table"]["id"] == str(their_table.id)
        assert [m["id"] for m in mine["tablemates"]] == [str(stranger.id)]
        assert _snapshot(app) == before

    async def test_participant_of_the_same_workshop(
        self, db: Session, client: httpx.AsyncClient, app: FastAPI
    ) -> None:
        t = _target(db)
        sign_in_participant(db, client, t.people[0])
        before = _snapshot(app)
        for method, url, body in _every_route(t.room.workshop.id, t):
            response = await _call(client, method, url, body)
            assert response.status_code == 401, (method, url, response.text)
        assert _snapshot(app) == before

    async def test_anonymous(self, db: Session, client: httpx.AsyncClient, app: FastAPI) -> None:
        t = _target(db)
        before = _snapshot(app)
        for method, url, body in [
            *_every_route(t.room.workshop.id, t),
            ("GET", "/api/v1/me/table", None),
        ]:
            response = await _call(client, method, url, body)
            assert response.status_code == 401, (method, url, response.text)
            assert response.json()["code"] == "unauthenticated"
        assert _snapshot(app) == before
