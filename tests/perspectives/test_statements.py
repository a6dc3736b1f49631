"""Perspective statements: writing one's own, the table's side by side, the facilitator's list."""

from collections.abc import Callable

import httpx
from fastapi import FastAPI
from sqlmodel import Session

from backend.models import Audience, ParticipantStatus, Phase
from tests.factories.accounts import make_access_token, sign_in_client
from tests.factories.participants import make_participant, sign_in_participant
from tests.factories.tables import assert_problem, make_table, participant_row
from tests.perspectives.helpers import (
    STATEMENT_URL,
    TABLE_STATEMENTS_URL,
    events,
    make_scene,
    make_statement,
    statements,
)

NewClient = Callable[..., httpx.AsyncClient]


class TestWriteStatement:
    async def test_valid(self, app: FastAPI, db: Session, client: httpx.AsyncClient) -> None:
        scene = make_scene(db)
        sign_in_participant(db, client, scene.me)

        response = await client.put(STATEMENT_URL, json={"text": "  Buses skip our stop  "})

        assert response.status_code == 200, response.text
        body = response.json()
        assert body["text"] == "Buses skip our stop"
        assert body["author_id"] == str(scene.me.id)
        assert body["author_name"] == "Mair"
        assert body["perspective"] == "policy"  # one's own, even without sharing it
        assert body["table_id"] == str(scene.table.id)
        assert body["updated_at"] is None
        [row] = statements(app)
        assert row.text == "Buses skip our stop" and row.table_id == scene.table.id
        [event] = events(app, "perspective.stated")
        assert event.audience == Audience.table and event.table_id == scene.table.id
        assert event.payload["edited"] is False
        assert event.payload["perspective"] is None  # Mair did not agree to share it
        assert event.payload["text"] == "Buses skip our stop"

    async def test_edit_keeps_one_statement(
        self, app: FastAPI, db: Session, client: httpx.AsyncClient
    ) -> None:
        scene = make_scene(db, phase=Phase.ideate)
        first = make_statement(db, scene.me, "First thoughts")
        sign_in_participant(db, client, scene.me)

        response = await client.put(STATEMENT_URL, json={"text": "Second thoughts"})

        assert response.status_code == 200, response.text
        assert response.json()["id"] == str(first.id)
        assert response.json()["updated_at"] is not None
        [row] = statements(app)
        assert row.text == "Second thoughts"
        assert events(app, "perspective.stated")[0].payload["edited"] is True

    async def test_welsh_and_1000_characters(
        self, app: FastAPI, db: Session, client: httpx.AsyncClient
    ) -> None:
        scene = make_scene(db)
        sign_in_participant(db, client, scene.me)
        text = ("Mae'r bws yn hwyr bob bore. " * 40)[:1000]

        response = await client.put(STATEMENT_URL, json={"text": text})

        assert response.status_code == 200, response.text
        assert statements(app)[0].text == text.strip()

    async def test_too_long(self, app: FastAPI, db: Session, client: httpx.AsyncClient) -> None:
        scene = make_scene(db)
        sign_in_participant(db, client, scene.me)

        response = await client.put(STATEMENT_URL, json={"text": "x" * 1001})

        assert_problem(response, 422, "validation_failed")
        assert response.json()["errors"][0]["loc"] == ["body", "text"]
        assert statements(app) == [] and events(app, "perspective.stated") == []

    async def test_blank_missing_or_extra_fields(
        self, app: FastAPI, db: Session, client: httpx.AsyncClient
    ) -> None:
        scene = make_scene(db)
        sign_in_participant(db, client, scene.me)

        for body in ({"text": "   "}, {}, {"text": 5}, {"text": "ok", "participant_id": "x"}):
            assert_problem(await client.put(STATEMENT_URL, json=body), 422, "validation_failed")
        malformed = await client.put(
            STATEMENT_URL, content=b"{", headers={"content-type": "application/json"}
        )
        assert_problem(malformed, 400, "malformed_json")
        assert statements(app) == []

    async def test_wrong_phase(self, app: FastAPI, db: Session, client: httpx.AsyncClient) -> None:
        for phase in (Phase.strengths, Phase.reduce):
            scene = make_scene(db, phase=phase)
            sign_in_participant(db, client, scene.me)

            response = await client.put(STATEMENT_URL, json={"text": "Too early or too late"})

            assert_problem(response, 422, "phase_closed")
        assert statements(app) == []

    async def test_not_seated(self, app: FastAPI, db: Session, client: httpx.AsyncClient) -> None:
        scene = make_scene(db)
        loner = make_participant(db, scene.room.workshop, display_name="Loner")
        sign_in_participant(db, client, loner)

        assert_problem(await client.put(STATEMENT_URL, json={"text": "Hi"}), 409, "not_seated")
        assert statements(app) == []

    async def test_anonymous(self, app: FastAPI, client: httpx.AsyncClient) -> None:
        assert_problem(await client.put(STATEMENT_URL, json={"text": "Hi"}), 401, "unauthenticated")
        assert statements(app) == []


class TestTableStatements:
    async def test_side_by_side_with_consent(self, db: Session, client: httpx.AsyncClient) -> None:
        scene = make_scene(db)
        workshop = scene.room.workshop
        hidden = make_participant(
            db,
            workshop,
            display_name="Bethan",
            perspective="lived_experience",
            table_id=scene.table.id,
        )
        outlier = make_participant(
            db,
            workshop,
            display_name="Zac",
            perspective="outlier",
            consent_share_perspective=True,
            table_id=scene.table.id,
        )
        provider = make_participant(
            db,
            workshop,
            display_name="Ceri",
            perspective="service_provider",
            consent_share_perspective=True,
            table_id=scene.table.id,
        )
        for person in (scene.me, scene.mate, hidden, outlier, provider):
            make_statement(db, person, f"{person.display_name} sees it so")
        elsewhere = make_participant(
            db, workshop, display_name="Other", table_id=make_table(db, workshop).id
        )
        make_statement(db, elsewhere, "Another table's view")
        sign_in_participant(db, client, scene.me)

        response = await client.get(TABLE_STATEMENTS_URL)

        assert response.status_code == 200, response.text
        items = response.json()["items"]
        assert [(i["author_name"], i["perspective"]) for i in items] == [
            ("Ceri", "service_provider"),
            ("Aled", "academic"),
            ("Mair", "policy"),  # my own perspective, to me
            ("Zac", "outlier"),
            ("Bethan", None),  # did not agree to share it
        ]
        assert "lived_experience" not in response.text
        assert "Another table" not in response.text

    async def test_removed_author_stays_pseudonymised(
        self, app: FastAPI, db: Session, client: httpx.AsyncClient, new_client: NewClient
    ) -> None:
        facilitator = new_client()
        scene = make_scene(db)
        make_statement(db, scene.mate, "Aled's view")
        sign_in_client(db, facilitator, scene.room.facilitator.user)
        removed = await facilitator.delete(f"{scene.room.base}/participants/{scene.mate.id}")
        assert removed.status_code == 204, removed.text
        assert participant_row(app, scene.mate).status == ParticipantStatus.removed
        sign_in_participant(db, client, scene.me)

        items = (await client.get(TABLE_STATEMENTS_URL)).json()["items"]

        [item] = items
        assert item["text"] == "Aled's view"
        assert item["author_name"] != "Aled" and item["perspective"] is None
        assert item["table_id"] == str(scene.table.id)

    async def test_follows_a_move(self, db: Session, new_client: NewClient) -> None:
        scene = make_scene(db)
        make_statement(db, scene.mate, "Aled's view")
        other_table = make_table(db, scene.room.workshop)
        scene.mate.table_id = other_table.id
        db.add(scene.mate)
        db.commit()
        newcomer = make_participant(
            db, scene.room.workshop, display_name="New", table_id=other_table.id
        )
        me, them = new_client(), new_client()
        sign_in_participant(db, me, scene.me)
        sign_in_participant(db, them, newcomer)

        assert (await me.get(TABLE_STATEMENTS_URL)).json()["items"] == []
        [item] = (await them.get(TABLE_STATEMENTS_URL)).json()["items"]
        assert item["author_name"] == "Aled"

    async def test_not_seated(self, db: Session, client: httpx.AsyncClient) -> None:
        scene = make_scene(db)
        loner = make_participant(db, scene.room.workshop, display_name="Loner")
        sign_in_participant(db, client, loner)

        assert_problem(await client.get(TABLE_STATEMENTS_URL), 409, "not_seated")

    async def test_anonymous(self, client: httpx.AsyncClient) -> None:
        assert_problem(await client.get(TABLE_STATEMENTS_URL), 401, "unauthenticated")


class TestListStatements:
    async def test_all_and_by_table(self, db: Session, client: httpx.AsyncClient) -> None:
        scene = make_scene(db)
        other_table = make_table(db, scene.room.workshop)
        other = make_participant(
            db,
            scene.room.workshop,
            display_name="Other",
            perspective="outlier",
            table_id=other_table.id,
        )
        for person in (scene.me, scene.mate, other):
            make_statement(db, person)
        sign_in_client(db, client, scene.room.facilitator.user)
        url = f"{scene.room.base}/perspective-statements"

        everyone = await client.get(url)
        one_table = await client.get(url, params={"table_id": str(other_table.id)})
        first_page = await client.get(url, params={"limit": 2})

        assert everyone.status_code == 200, everyone.text
        assert len(everyone.json()["items"]) == 3
        # Facilitators see perspectives whether or not they are shared with tablemates.
        assert {i["perspective"] for i in everyone.json()["items"]} == {
            "policy",
            "academic",
            "outlier",
        }
        assert [i["author_name"] for i in one_table.json()["items"]] == ["Other"]
        assert len(first_page.json()["items"]) == 2 and first_page.json()["next_cursor"]

    async def test_table_of_another_session(self, db: Session, client: httpx.AsyncClient) -> None:
        scene = make_scene(db)
        foreign = make_scene(db)
        sign_in_client(db, client, scene.room.facilitator.user)

        response = await client.get(
            f"{scene.room.base}/perspective-statements", params={"table_id": str(foreign.table.id)}
        )

        assert_problem(response, 404, "table_not_found")

    async def test_bad_table_id(self, db: Session, client: httpx.AsyncClient) -> None:
        scene = make_scene(db)
        sign_in_client(db, client, scene.room.facilitator.user)

        response = await client.get(
            f"{scene.room.base}/perspective-statements", params={"table_id": "nope"}
        )

        assert_problem(response, 422, "validation_failed")

    async def test_token_needs_sessions_read(self, db: Session, client: httpx.AsyncClient) -> None:
        scene = make_scene(db)
        token = make_access_token(db, scene.room.facilitator.user, frozenset({"tables:read"}))

        response = await client.get(
            f"{scene.room.base}/perspective-statements",
            headers={"Authorization": f"Bearer {token}"},
        )

        assert response.status_code == 403
