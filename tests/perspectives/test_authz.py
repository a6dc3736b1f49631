"""Nobody reaches another organisation's cards, or another session's or table's statements and
draws, and nothing changes. Callers: a facilitator of another organisation (cookie and access
token), a participant of another workshop, a participant at another table, and anonymous."""

import uuid
from dataclasses import dataclass
from typing import Any

import httpx
import pytest
from fastapi import FastAPI
from sqlmodel import Session, col, select

from backend.models import PerspectiveStatement, PromptCard, PromptDraw
from tests.factories.accounts import make_access_token, make_facilitator, sign_in_client
from tests.factories.participants import make_participant, sign_in_participant
from tests.factories.tables import make_table, read_rows
from tests.perspectives.helpers import (
    DRAWN_URL,
    TABLE_STATEMENTS_URL,
    Scene,
    make_card,
    make_scene,
    make_statement,
)


@dataclass
class Target:
    scene: Scene
    card: PromptCard
    draw: PromptDraw


def _target(db: Session) -> Target:
    scene = make_scene(db)
    make_statement(db, scene.me, "Target statement")
    card = make_card(db, scene.room.facilitator.organisation.id, en="Target card")
    draw = PromptDraw(
        workshop_id=scene.room.workshop.id,
        table_id=scene.table.id,
        number=1,
        round=1,
        card_id=card.id,
        builtin=False,
        text_en="Target card",
        drawn_by_id=scene.me.id,
    )
    db.add(draw)
    db.commit()
    return Target(scene, card, draw)


def _snapshot(app: FastAPI) -> dict[str, Any]:
    statements = read_rows(app, select(PerspectiveStatement).order_by(col(PerspectiveStatement.id)))
    cards = read_rows(app, select(PromptCard).order_by(col(PromptCard.id)))
    draws = read_rows(app, select(PromptDraw).order_by(col(PromptDraw.id)))
    return {
        "statements": [(s.id, s.participant_id, s.table_id, s.text) for s in statements],
        "cards": [(c.id, c.organisation_id, c.text_en, c.text_cy) for c in cards],
        "draws": [(d.id, d.table_id, d.card_id) for d in draws],
    }


def _facilitator_routes(t: Target) -> list[tuple[str, str, Any]]:
    session = f"/api/v1/sessions/{t.scene.room.workshop.id}"
    cards = f"/api/v1/organisations/{t.scene.room.facilitator.organisation.id}/prompt-cards"
    return [
        ("GET", f"{session}/perspective-statements", None),
        ("GET", f"{session}/perspective-statements?table_id={t.scene.table.id}", None),
        ("GET", f"{session}/prompt-cards", None),
        ("GET", cards, None),
        ("POST", cards, {"text": {"en": "Intruder"}}),
        ("PATCH", f"{cards}/{t.card.id}", {"text": {"en": "Intruder"}}),
        ("DELETE", f"{cards}/{t.card.id}", None),
    ]


async def _assert_refused(
    app: FastAPI, client: httpx.AsyncClient, routes: list[tuple[str, str, Any]], status: int
) -> None:
    before = _snapshot(app)
    for method, url, body in routes:
        response = await client.request(method, url, json=body)
        assert response.status_code == status, (method, url, response.text)
        assert response.headers["content-type"] == "application/problem+json"
        assert "Target" not in response.text
    assert _snapshot(app) == before


class TestOtherOrganisation:
    async def test_cookie(self, app: FastAPI, db: Session, client: httpx.AsyncClient) -> None:
        t = _target(db)
        sign_in_client(db, client, make_facilitator(db).user)

        await _assert_refused(app, client, _facilitator_routes(t), 404)

    async def test_access_token(self, app: FastAPI, db: Session, client: httpx.AsyncClient) -> None:
        t = _target(db)
        token = make_access_token(db, make_facilitator(db).user)
        client.headers["Authorization"] = f"Bearer {token}"

        await _assert_refused(app, client, _facilitator_routes(t), 404)

    async def test_own_organisation_path_with_foreign_card(
        self, app: FastAPI, db: Session, client: httpx.AsyncClient
    ) -> None:
        t = _target(db)
        intruder = make_facilitator(db)
        sign_in_client(db, client, intruder.user)
        own = f"/api/v1/organisations/{intruder.organisation.id}/prompt-cards/{t.card.id}"

        await _assert_refused(
            app,
            client,
            [("PATCH", own, {"text": {"en": "Intruder"}}), ("DELETE", own, None)],
            404,
        )

    async def test_foreign_session_table_filter(
        self, app: FastAPI, db: Session, client: httpx.AsyncClient
    ) -> None:
        t = _target(db)
        intruder = make_scene(db)
        sign_in_client(db, client, intruder.room.facilitator.user)
        url = f"{intruder.room.base}/perspective-statements?table_id={t.scene.table.id}"

        await _assert_refused(app, client, [("GET", url, None)], 404)


class TestParticipants:
    @pytest.mark.parametrize("where", ["other_workshop", "this_workshop"])
    async def test_facilitator_routes_refused(
        self, app: FastAPI, db: Session, client: httpx.AsyncClient, where: str
    ) -> None:
        t = _target(db)
        workshop = (
            t.scene.room.workshop if where == "this_workshop" else make_scene(db).room.workshop
        )
        sign_in_participant(db, client, make_participant(db, workshop))

        await _assert_refused(app, client, _facilitator_routes(t), 401)

    async def test_other_workshop_sees_nothing_of_target(
        self, app: FastAPI, db: Session, client: httpx.AsyncClient
    ) -> None:
        t = _target(db)
        other = make_scene(db)
        sign_in_participant(db, client, other.me)
        before = _snapshot(app)

        statements = await client.get(TABLE_STATEMENTS_URL)
        drawn = await client.get(DRAWN_URL)

        assert statements.json()["items"] == [] and drawn.json()["items"] == []
        assert _snapshot(app) == before
        assert t.scene.table.id != other.table.id

    async def test_other_table_sees_nothing_of_target(
        self, app: FastAPI, db: Session, client: httpx.AsyncClient
    ) -> None:
        t = _target(db)
        neighbour = make_participant(
            db, t.scene.room.workshop, table_id=make_table(db, t.scene.room.workshop).id
        )
        sign_in_participant(db, client, neighbour)

        statements = await client.get(TABLE_STATEMENTS_URL)
        drawn = await client.get(DRAWN_URL)
        written = await client.put("/api/v1/me/perspective-statement", json={"text": "Mine"})

        assert statements.json()["items"] == [] and drawn.json()["items"] == []
        assert "Target" not in statements.text + drawn.text
        assert written.status_code == 200
        target_rows = read_rows(
            app,
            select(PerspectiveStatement).where(
                PerspectiveStatement.participant_id == t.scene.me.id
            ),
        )
        assert [row.text for row in target_rows] == ["Target statement"]

    async def test_a_participant_token_cannot_be_used_for_another(
        self, app: FastAPI, db: Session, client: httpx.AsyncClient
    ) -> None:
        _target(db)
        client.headers["Authorization"] = f"Bearer cyd_pt_{uuid.uuid4().hex}"

        response = await client.get(TABLE_STATEMENTS_URL)

        assert response.status_code == 401


class TestAnonymous:
    async def test_everything_refused(
        self, app: FastAPI, db: Session, client: httpx.AsyncClient
    ) -> None:
        t = _target(db)
        routes = [
            *_facilitator_routes(t),
            ("PUT", "/api/v1/me/perspective-statement", {"text": "Anon"}),
            ("GET", TABLE_STATEMENTS_URL, None),
            ("POST", "/api/v1/me/table/prompt-cards/draw", None),
            ("GET", DRAWN_URL, None),
        ]

        await _assert_refused(app, client, routes, 401)
