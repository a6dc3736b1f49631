"""One class per sessions operation: valid use, bad input (problem+json, nothing written), rules."""

import re
import uuid
from datetime import UTC, datetime, timedelta
from typing import Any

import httpx
import pytest
from fastapi import FastAPI
from sqlmodel import Session

from backend.kit.clock import utcnow
from backend.models import Membership, Phase
from backend.workshops.join_codes import ALPHABET
from tests.factories.accounts import (
    make_access_token,
    make_facilitator,
    make_organisation,
    sign_in_client,
)
from tests.factories.workshops import make_workshop
from tests.workshops.helpers import (
    API,
    assert_problem,
    create_body,
    make_room,
    workshop_row,
    workshops,
)

CODE = re.compile(f"^[{ALPHABET}]{{6}}$")


class TestCreateSession:
    async def test_valid(self, app: FastAPI, db: Session, client: httpx.AsyncClient) -> None:
        ctx = make_facilitator(db)
        sign_in_client(db, client, ctx.user)
        response = await client.post(f"{API}/sessions", json=create_body(ctx.organisation.id))
        assert response.status_code == 201, response.text
        body = response.json()
        assert body["title"] == {"en": "Better bus journeys", "cy": "Teithiau bws gwell"}
        assert body["challenge"]["en"].startswith("How might we")
        assert body["phase"] == "engage"
        assert body["mode"] == "venue" and body["venue"] == "Neuadd y Pentref"
        assert body["targets"] == {
            "ideas_per_person_min": 10,
            "ideas_per_person_max": 15,
            "ideas_per_table": 100,
        }
        assert body["table_size"] == {"min": 5, "max": 8}
        assert CODE.match(body["join_code"])
        assert body["join_url"] == f"http://testserver/join/{body['join_code']}"
        assert body["join_code_active"] is True
        assert body["join_code_expires_at"] == body["ends_at"]
        assert body["archived"] is False
        assert body["timer"]["state"] == "stopped"
        assert body["timer"]["server_now"]
        (row,) = workshops(app)
        assert str(row.id) == body["id"]
        assert row.created_by_id == ctx.user.id
        assert row.join_code == body["join_code"]

    async def test_defaults_and_no_end(self, db: Session, client: httpx.AsyncClient) -> None:
        room = make_room(db, client)
        starts = datetime(2031, 5, 1, 22, 30, tzinfo=UTC)
        response = await client.post(
            f"{API}/sessions",
            json={
                "organisation_id": str(room.ctx.organisation.id),
                "title": {"cy": "Gweithdy"},
                "starts_at": "2031-05-01T23:30:00+01:00",
            },
        )
        assert response.status_code == 201, response.text
        body = response.json()
        assert datetime.fromisoformat(body["starts_at"]) == starts
        assert body["languages"] == ["en", "cy"]
        assert body["targets"]["ideas_per_person_min"] == 10
        assert body["table_size"] == {"min": 5, "max": 8}
        assert body["ends_at"] is None
        # No ends_at: the code lasts until the end of the day after the start day (UTC).
        assert datetime.fromisoformat(body["join_code_expires_at"]) == datetime(
            2031, 5, 3, tzinfo=UTC
        )

    async def test_online_without_venue(self, db: Session, client: httpx.AsyncClient) -> None:
        room = make_room(db, client)
        body = create_body(room.ctx.organisation.id, mode="online", venue=None)
        response = await client.post(f"{API}/sessions", json=body)
        assert response.status_code == 201
        assert response.json()["venue"] is None

    async def test_not_a_member(self, app: FastAPI, db: Session, client: httpx.AsyncClient) -> None:
        make_room(db, client)
        other = make_organisation(db, "Elsewhere")
        response = await client.post(f"{API}/sessions", json=create_body(other.id))
        assert_problem(response, 404, "organisation_not_found")
        assert len(workshops(app)) == 1  # only the room's own

    async def test_unknown_organisation(
        self, app: FastAPI, db: Session, client: httpx.AsyncClient
    ) -> None:
        make_room(db, client)
        response = await client.post(f"{API}/sessions", json=create_body(uuid.uuid4()))
        assert_problem(response, 404, "organisation_not_found")

    @pytest.mark.parametrize(
        ("overrides", "field"),
        [
            ({"title": {}}, "title"),
            ({"title": {"en": "   ", "cy": None}}, "title"),
            ({"mode": "online"}, "venue"),
            ({"ends_at": (utcnow() + timedelta(days=2)).isoformat()}, "ends_at"),
            ({"targets": {"ideas_per_person_min": 20, "ideas_per_person_max": 15}}, "targets"),
            ({"table_size": {"min": 9, "max": 8}}, "table_size"),
        ],
    )
    async def test_cross_field_rules(
        self,
        app: FastAPI,
        db: Session,
        client: httpx.AsyncClient,
        overrides: dict[str, Any],
        field: str,
    ) -> None:
        room = make_room(db, client)
        response = await client.post(
            f"{API}/sessions", json=create_body(room.ctx.organisation.id, **overrides)
        )
        body = assert_problem(response, 422, "validation_failed")
        assert any(err["loc"][:2] == ["body", field] for err in body["errors"]), body
        assert len(workshops(app)) == 1

    @pytest.mark.parametrize(
        ("overrides", "field"),
        [
            ({"mode": "hybrid"}, "mode"),
            ({"languages": []}, "languages"),
            ({"languages": ["en", "fr"]}, "languages"),
            ({"languages": ["en", "en"]}, "languages"),
            ({"languages": "en"}, "languages"),
            ({"title": {"en": "x" * 201}}, "title"),
            ({"title": "Just a string"}, "title"),
            ({"challenge": {"en": "x" * 4001}}, "challenge"),
            ({"venue": "v" * 301}, "venue"),
            ({"starts_at": "2031-05-01T10:00:00"}, "starts_at"),
            ({"starts_at": "tomorrow"}, "starts_at"),
            ({"starts_at": "0001-01-01T00:00:00+01:00"}, "starts_at"),
            ({"starts_at": "9999-12-31T23:00:00-10:00"}, "starts_at"),
            ({"starts_at": None}, "starts_at"),
            ({"targets": {"ideas_per_person_min": "ten"}}, "targets"),
            ({"targets": {"ideas_per_person_min": 0}}, "targets"),
            ({"targets": {"ideas_per_table": 10**9}}, "targets"),
            ({"targets": {"ideas_per_person_min": True}}, "targets"),
            ({"targets": {"ideas_per_person_min": 10.5}}, "targets"),
            ({"table_size": {"min": 1, "max": 8}}, "table_size"),
            ({"table_size": {"min": 5, "max": 21}}, "table_size"),
            ({"table_size": {"minimum": 5}}, "table_size"),
            ({"organisation_id": "not-a-uuid"}, "organisation_id"),
            ({"phase": "ideate"}, "phase"),
            ({"join_code": "AAAAAA"}, "join_code"),
        ],
    )
    async def test_bad_input(
        self,
        app: FastAPI,
        db: Session,
        client: httpx.AsyncClient,
        overrides: dict[str, Any],
        field: str,
    ) -> None:
        room = make_room(db, client)
        response = await client.post(
            f"{API}/sessions", json=create_body(room.ctx.organisation.id, **overrides)
        )
        body = assert_problem(response, 422, "validation_failed")
        assert any(field in err["loc"] for err in body["errors"]), body
        assert len(workshops(app)) == 1

    async def test_missing_required(self, db: Session, client: httpx.AsyncClient) -> None:
        room = make_room(db, client)
        response = await client.post(
            f"{API}/sessions", json={"organisation_id": str(room.ctx.organisation.id)}
        )
        body = assert_problem(response, 422, "validation_failed")
        missing = {err["loc"][-1] for err in body["errors"]}
        assert {"title", "starts_at"} <= missing

    async def test_malformed_json(
        self, app: FastAPI, db: Session, client: httpx.AsyncClient
    ) -> None:
        make_room(db, client)
        response = await client.post(
            f"{API}/sessions",
            content=b'{"title": {"en": "x"',
            headers={"content-type": "application/json"},
        )
        assert_problem(response, 400, "malformed_json")
        assert len(workshops(app)) == 1

    async def test_token_needs_write_scope(
        self, app: FastAPI, db: Session, new_client: Any
    ) -> None:
        ctx = make_facilitator(db)
        token = make_access_token(db, ctx.user, frozenset({"sessions:read"}))
        api = new_client(spa_like=False)
        response = await api.post(
            f"{API}/sessions",
            json=create_body(ctx.organisation.id),
            headers={"Authorization": f"Bearer {token}"},
        )
        assert_problem(response, 403, "insufficient_scope")
        write = make_access_token(db, ctx.user, frozenset({"sessions:write"}))
        response = await api.post(
            f"{API}/sessions",
            json=create_body(ctx.organisation.id),
            headers={"Authorization": f"Bearer {write}"},
        )
        assert response.status_code == 201
        assert len(workshops(app)) == 1


class TestListSessions:
    async def test_only_my_organisations(self, db: Session, client: httpx.AsyncClient) -> None:
        room = make_room(db, client)
        second_org = make_organisation(db, "Second")
        make_facilitator(db, organisation=second_org)  # someone else's organisation
        theirs = make_workshop(db, second_org, title="Not mine")
        response = await client.get(f"{API}/sessions")
        assert response.status_code == 200
        ids = [item["id"] for item in response.json()["items"]]
        assert ids == [str(room.workshop.id)]
        assert str(theirs.id) not in ids

    async def test_organisation_filter(self, db: Session, client: httpx.AsyncClient) -> None:
        room = make_room(db, client)
        other_org = make_organisation(db, "Also mine")
        db.add(Membership(organisation_id=other_org.id, user_id=room.ctx.user.id))
        db.commit()
        also = make_workshop(db, other_org)
        everything = await client.get(f"{API}/sessions")
        assert {i["id"] for i in everything.json()["items"]} == {
            str(room.workshop.id),
            str(also.id),
        }
        filtered = await client.get(
            f"{API}/sessions", params={"organisation_id": str(other_org.id)}
        )
        assert [i["id"] for i in filtered.json()["items"]] == [str(also.id)]

    async def test_foreign_organisation_filter(
        self, db: Session, client: httpx.AsyncClient
    ) -> None:
        make_room(db, client)
        foreign = make_organisation(db, "Foreign")
        response = await client.get(f"{API}/sessions", params={"organisation_id": str(foreign.id)})
        assert_problem(response, 404, "organisation_not_found")
        response = await client.get(f"{API}/sessions", params={"organisation_id": "nope"})
        assert_problem(response, 422, "validation_failed")

    async def test_archived_hidden_by_default(self, db: Session, client: httpx.AsyncClient) -> None:
        room = make_room(db, client, archived_at=utcnow())
        assert (await client.get(f"{API}/sessions")).json()["items"] == []
        response = await client.get(f"{API}/sessions", params={"include_archived": "true"})
        (item,) = response.json()["items"]
        assert item["id"] == str(room.workshop.id) and item["archived"] is True

    async def test_pages(self, db: Session, client: httpx.AsyncClient) -> None:
        room = make_room(db, client)
        for n in range(4):
            make_workshop(db, room.ctx.organisation, title=f"W{n}")
        seen: list[str] = []
        cursor: str | None = None
        while True:
            params: dict[str, Any] = {"limit": 2}
            if cursor:
                params["cursor"] = cursor
            page = (await client.get(f"{API}/sessions", params=params)).json()
            seen += [i["id"] for i in page["items"]]
            cursor = page["next_cursor"]
            if cursor is None:
                break
        assert len(seen) == 5 == len(set(seen))
        assert_problem(
            await client.get(f"{API}/sessions", params={"cursor": "!!"}), 400, "invalid_cursor"
        )
        assert_problem(
            await client.get(f"{API}/sessions", params={"limit": 0}), 422, "validation_failed"
        )


class TestReadSession:
    async def test_valid(self, db: Session, client: httpx.AsyncClient) -> None:
        room = make_room(db, client, phase=Phase.ideate)
        response = await client.get(room.url)
        assert response.status_code == 200
        body = response.json()
        assert body["id"] == str(room.workshop.id)
        assert body["phase"] == "ideate"
        assert body["join_code"] == room.workshop.join_code

    async def test_unknown_id(self, db: Session, client: httpx.AsyncClient) -> None:
        make_room(db, client)
        assert_problem(await client.get(f"{API}/sessions/{uuid.uuid4()}"), 404, "session_not_found")
        assert_problem(await client.get(f"{API}/sessions/not-a-uuid"), 422, "validation_failed")


class TestUpdateSession:
    async def test_partial_keeps_other_language(
        self, app: FastAPI, db: Session, client: httpx.AsyncClient
    ) -> None:
        room = make_room(db, client)
        response = await client.patch(room.url, json={"title": {"cy": "Teithiau bws"}})
        assert response.status_code == 200, response.text
        assert response.json()["title"] == {"en": "Better bus journeys", "cy": "Teithiau bws"}
        row = workshop_row(app, room.workshop.id)
        assert row.title_cy == "Teithiau bws" and row.title_en == "Better bus journeys"
        assert row.updated_at is not None

    async def test_several_fields(
        self, app: FastAPI, db: Session, client: httpx.AsyncClient
    ) -> None:
        room = make_room(db, client)
        response = await client.patch(
            room.url,
            json={
                "mode": "online",
                "venue": None,
                "languages": ["cy"],
                "targets": {"ideas_per_table": 120},
                "table_size": {"max": 6},
            },
        )
        assert response.status_code == 200, response.text
        body = response.json()
        assert body["mode"] == "online" and body["languages"] == ["cy"]
        assert body["targets"]["ideas_per_table"] == 120
        assert body["targets"]["ideas_per_person_min"] == 10
        assert body["table_size"] == {"min": 5, "max": 6}

    @pytest.mark.parametrize(
        ("patch", "field"),
        [
            ({"ends_at": "2000-01-02T00:00:00Z"}, "ends_at"),
            ({"targets": {"ideas_per_person_min": 16}}, "targets"),
            ({"table_size": {"min": 9}}, "table_size"),
            ({"mode": "online"}, "venue"),
            ({"title": {"en": None}}, "title"),
        ],
    )
    async def test_checked_against_stored_values(
        self,
        app: FastAPI,
        db: Session,
        client: httpx.AsyncClient,
        patch: dict[str, Any],
        field: str,
    ) -> None:
        room = make_room(db, client, venue="Town hall")
        response = await client.patch(room.url, json=patch)
        body = assert_problem(response, 422, "validation_failed")
        assert any(err["loc"][:2] == ["body", field] for err in body["errors"]), body
        row = workshop_row(app, room.workshop.id)
        assert (row.title_en, row.venue, row.ends_at, row.updated_at) == (
            "Better bus journeys",
            "Town hall",
            None,
            None,
        )

    @pytest.mark.parametrize(
        "patch",
        [
            {"starts_at": None},
            {"mode": None},
            {"languages": None},
            {"mode": "somewhere"},
            {"organisation_id": str(uuid.uuid4())},
            {"phase": "outcomes"},
            {"venue": 12},
            {"targets": {"ideas_per_table": None}},
        ],
    )
    async def test_bad_input(
        self, app: FastAPI, db: Session, client: httpx.AsyncClient, patch: dict[str, Any]
    ) -> None:
        room = make_room(db, client)
        assert_problem(await client.patch(room.url, json=patch), 422, "validation_failed")
        assert workshop_row(app, room.workshop.id).updated_at is None

    async def test_archived_is_read_only(
        self, app: FastAPI, db: Session, client: httpx.AsyncClient
    ) -> None:
        room = make_room(db, client, archived_at=utcnow())
        response = await client.patch(room.url, json={"title": {"en": "Changed"}})
        assert_problem(response, 409, "session_archived")
        assert workshop_row(app, room.workshop.id).title_en == "Better bus journeys"


class TestArchiveSession:
    async def test_archive(self, app: FastAPI, db: Session, client: httpx.AsyncClient) -> None:
        room = make_room(db, client)
        response = await client.post(f"{room.url}/archive")
        assert response.status_code == 200
        body = response.json()
        assert body["archived"] is True and body["join_code_active"] is False
        assert workshop_row(app, room.workshop.id).archived_at is not None
        # Idempotent, and the join code no longer opens it.
        assert (await client.post(f"{room.url}/archive")).status_code == 200
        assert_problem(
            await client.get(f"{API}/join/{room.workshop.join_code}"), 404, "join_code_invalid"
        )

    async def test_writes_refused_when_archived(
        self, db: Session, client: httpx.AsyncClient
    ) -> None:
        room = make_room(db, client, archived_at=utcnow())
        for method, path, body in [
            ("POST", "/phase", {"to": "tables"}),
            ("PUT", "/timer", {"duration_seconds": 60}),
            ("POST", "/join-code/rotate", None),
            ("DELETE", "/timer", None),
        ]:
            response = await client.request(method, f"{room.url}{path}", json=body)
            assert_problem(response, 409, "session_archived")
        assert (await client.get(room.url)).status_code == 200


class TestUnarchiveSession:
    async def test_unarchive(self, app: FastAPI, db: Session, client: httpx.AsyncClient) -> None:
        room = make_room(db, client, archived_at=utcnow())
        response = await client.post(f"{room.url}/unarchive")
        assert response.status_code == 200
        assert response.json()["archived"] is False
        assert workshop_row(app, room.workshop.id).archived_at is None
        assert (await client.get(f"{API}/join/{room.workshop.join_code}")).status_code == 200
        assert (await client.post(f"{room.url}/unarchive")).status_code == 200
