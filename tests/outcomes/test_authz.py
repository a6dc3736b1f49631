"""Nobody reaches another organisation's indicators or measurements, and nothing changes;
linked steward members may read and edit their initiative's, removed ones may not."""

from datetime import date
from typing import Any

import httpx
from fastapi import FastAPI
from sqlmodel import Session

from tests.factories.accounts import make_access_token, make_facilitator, sign_in_client
from tests.factories.participants import make_participant, sign_in_participant
from tests.outcomes.helpers import (
    Scene,
    indicators,
    make_indicator,
    make_measurement,
    make_scene,
    make_steward_user,
    measurement_body,
    measurements,
)


def _snapshot(app: FastAPI) -> list[Any]:
    return [
        [(i.id, i.name, i.target_value, i.unit) for i in indicators(app)],
        [(m.id, m.value, m.retired_at, m.replaced_by_id) for m in measurements(app)],
    ]


def _routes(scene: Scene, indicator: Any, measurement: Any) -> list[tuple[str, str, Any]]:
    one = f"/api/v1/indicators/{indicator.id}"
    fix = f"/api/v1/measurements/{measurement.id}"
    return [
        ("GET", scene.indicators_url, None),
        (
            "POST",
            scene.indicators_url,
            {"name": "Intruder", "unit": "count", "direction": "increase"},
        ),
        ("GET", one, None),
        ("PATCH", one, {"name": "Intruder"}),
        ("DELETE", one, None),
        ("GET", f"{one}/measurements", None),
        ("POST", f"{one}/measurements", measurement_body()),
        ("GET", f"{one}/series", None),
        ("POST", f"{fix}/correction", measurement_body(reason="Intruder")),
        ("POST", f"{fix}/withdrawal", {"reason": "Intruder"}),
    ]


def _target(db: Session) -> tuple[Scene, Any, Any]:
    scene = make_scene(db)
    indicator = make_indicator(db, scene.initiative, name="Target indicator")
    measurement = make_measurement(db, indicator, 50, date(2025, 1, 1), source="Target survey")
    return scene, indicator, measurement


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
        scene, indicator, measurement = _target(db)
        sign_in_client(db, client, make_facilitator(db).user)

        await _assert_refused(app, client, _routes(scene, indicator, measurement), 404)

    async def test_access_token(self, app: FastAPI, db: Session, client: httpx.AsyncClient) -> None:
        scene, indicator, measurement = _target(db)
        client.headers["Authorization"] = (
            f"Bearer {make_access_token(db, make_facilitator(db).user)}"
        )

        await _assert_refused(app, client, _routes(scene, indicator, measurement), 404)

    async def test_own_initiative_path_with_foreign_ids(
        self, app: FastAPI, db: Session, client: httpx.AsyncClient
    ) -> None:
        _, indicator, measurement = _target(db)
        mine = make_scene(db, client)

        routes = [r for r in _routes(mine, indicator, measurement) if "initiatives" not in r[1]]
        await _assert_refused(app, client, routes, 404)


class TestOtherCallers:
    async def test_anonymous(self, app: FastAPI, db: Session, client: httpx.AsyncClient) -> None:
        scene, indicator, measurement = _target(db)

        await _assert_refused(app, client, _routes(scene, indicator, measurement), 401)

    async def test_participant(self, app: FastAPI, db: Session, client: httpx.AsyncClient) -> None:
        scene, indicator, measurement = _target(db)
        sign_in_participant(db, client, make_participant(db, scene.room.workshop))

        await _assert_refused(app, client, _routes(scene, indicator, measurement), 401)

    async def test_removed_steward_member(
        self, app: FastAPI, db: Session, client: httpx.AsyncClient
    ) -> None:
        scene, indicator, measurement = _target(db)
        sign_in_client(db, client, make_steward_user(db, scene.initiative, removed=True))

        await _assert_refused(app, client, _routes(scene, indicator, measurement), 404)

    async def test_read_only_token_cannot_write(
        self, app: FastAPI, db: Session, client: httpx.AsyncClient
    ) -> None:
        scene, indicator, measurement = _target(db)
        token = make_access_token(db, scene.room.facilitator.user, frozenset({"sessions:read"}))
        client.headers["Authorization"] = f"Bearer {token}"

        readable = await client.get(f"/api/v1/indicators/{indicator.id}/series")
        writes = [r for r in _routes(scene, indicator, measurement) if r[0] != "GET"]

        assert readable.status_code == 200
        await _assert_refused(app, client, writes, 403)


class TestStewardMember:
    async def test_reads_and_records(
        self, app: FastAPI, db: Session, client: httpx.AsyncClient
    ) -> None:
        scene, indicator, _ = _target(db)
        sign_in_client(db, client, make_steward_user(db, scene.initiative))

        listed = await client.get(scene.indicators_url)
        recorded = await client.post(
            f"/api/v1/indicators/{indicator.id}/measurements", json=measurement_body(value=60)
        )

        assert listed.status_code == 200 and len(listed.json()["items"]) == 1
        assert recorded.status_code == 201, recorded.text
        assert recorded.json()["recorded_by_name"] == "Siân"
        assert len(measurements(app)) == 2
