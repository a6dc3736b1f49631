"""Outcome indicators: create, list, read, update, delete, and every rule on their values."""

from datetime import date
from typing import Any

import httpx
import pytest
from fastapi import FastAPI
from sqlmodel import Session

from backend.kit.clock import utcnow
from tests.factories.tables import assert_problem
from tests.outcomes.helpers import (
    indicators,
    make_indicator,
    make_measurement,
    make_scene,
)

VALID: dict[str, Any] = {
    "name": "People who feel safe waiting for a bus",
    "description": "Asked in the passenger survey",
    "unit": "percent",
    "direction": "increase",
    "baseline_value": 40,
    "baseline_on": "2024-01-01",
    "target_value": 80,
    "target_on": "2027-01-01",
}


class TestCreateIndicator:
    async def test_valid(self, app: FastAPI, db: Session, client: httpx.AsyncClient) -> None:
        scene = make_scene(db, client)

        first = await client.post(scene.indicators_url, json=VALID)
        second = await client.post(
            scene.indicators_url,
            json={
                "name": "Journeys",
                "unit": "other",
                "unit_label": "trips",
                "direction": "maintain",
            },
        )

        assert first.status_code == 201, first.text
        body = first.json()
        assert body["name"] == VALID["name"]
        assert body["baseline_value"] == 40 and body["target_on"] == "2027-01-01"
        assert body["position"] == 0 and body["measurement_count"] == 0
        assert body["progress"] is None and body["latest_value"] is None
        assert second.json()["position"] == 1 and second.json()["unit_label"] == "trips"
        assert len(indicators(app)) == 2

    @pytest.mark.parametrize(
        ("changes", "status", "code"),
        [
            ({"baseline_value": 120}, 422, "value_out_of_range"),
            ({"target_value": 100.5}, 422, "value_out_of_range"),
            ({"unit": "count", "baseline_value": -1, "target_value": 5}, 422, "value_out_of_range"),
            ({"unit": "people", "baseline_value": 2.5}, 422, "value_out_of_range"),
            (
                {"unit": "days", "baseline_value": -3, "direction": "decrease", "target_value": -4},
                422,
                "value_out_of_range",
            ),
            (
                {"unit": "gbp", "baseline_value": 2e12, "target_value": 3e12},
                422,
                "value_out_of_range",
            ),
            ({"unit": "other"}, 422, "unit_label_rule"),
            ({"unit_label": "trips"}, 422, "unit_label_rule"),
            ({"target_value": 40}, 422, "target_against_direction"),
            ({"target_value": 30}, 422, "target_against_direction"),
            ({"direction": "decrease"}, 422, "target_against_direction"),
            ({"baseline_on": None}, 422, "value_date_incomplete"),
            ({"target_value": None}, 422, "value_date_incomplete"),
            ({"baseline_on": "2999-01-01", "target_on": "3000-01-01"}, 422, "date_out_of_range"),
            ({"baseline_on": "1850-01-01"}, 422, "date_out_of_range"),
            ({"target_on": "2023-12-31"}, 422, "date_out_of_range"),
            ({"target_on": "2300-01-01"}, 422, "date_out_of_range"),
            ({"baseline_value": "40"}, 422, "validation_failed"),
            ({"baseline_value": True}, 422, "validation_failed"),
            ({"name": "   "}, 422, "validation_failed"),
            ({"unit": "furlongs"}, 422, "validation_failed"),
            ({"direction": "sideways"}, 422, "validation_failed"),
            ({"baseline_on": "not a date"}, 422, "validation_failed"),
            ({"initiative_id": "x"}, 422, "validation_failed"),
        ],
    )
    async def test_bad_input_writes_nothing(
        self,
        app: FastAPI,
        db: Session,
        client: httpx.AsyncClient,
        changes: dict[str, Any],
        status: int,
        code: str,
    ) -> None:
        scene = make_scene(db, client)
        body = {key: value for key, value in (VALID | changes).items() if value is not None}

        response = await client.post(scene.indicators_url, json=body)

        assert_problem(response, status, code)
        assert indicators(app) == []

    @pytest.mark.parametrize("raw", ["NaN", "Infinity", "-Infinity", "1e400"])
    async def test_non_finite_numbers(
        self, app: FastAPI, db: Session, client: httpx.AsyncClient, raw: str
    ) -> None:
        scene = make_scene(db, client)
        content = (
            '{"name": "Safe", "unit": "score", "direction": "increase", '
            f'"baseline_value": {raw}, "baseline_on": "2024-01-01"}}'
        )

        response = await client.post(
            scene.indicators_url, content=content, headers={"content-type": "application/json"}
        )

        assert_problem(response, 422, "validation_failed")
        assert indicators(app) == []

    async def test_maintain_accepts_any_target(
        self, db: Session, client: httpx.AsyncClient
    ) -> None:
        scene = make_scene(db, client)
        body = VALID | {"direction": "maintain", "target_value": 40}

        response = await client.post(scene.indicators_url, json=body)

        assert response.status_code == 201, response.text

    async def test_score_and_money_may_be_negative(
        self, db: Session, client: httpx.AsyncClient
    ) -> None:
        scene = make_scene(db, client)
        body = VALID | {"unit": "gbp", "baseline_value": -500.5, "target_value": 0}

        response = await client.post(scene.indicators_url, json=body)

        assert response.status_code == 201, response.text


class TestListAndRead:
    async def test_ordered_with_progress(self, db: Session, client: httpx.AsyncClient) -> None:
        scene = make_scene(db, client)
        later = make_indicator(db, scene.initiative, name="Second", position=2)
        first = make_indicator(db, scene.initiative, name="First", position=1)
        make_measurement(db, first, 50, date(2025, 1, 1))
        make_measurement(db, first, 60, date(2025, 6, 1))
        make_measurement(db, first, 10, date(2024, 6, 1))

        listed = (await client.get(scene.indicators_url)).json()["items"]
        one = (await client.get(f"/api/v1/indicators/{later.id}")).json()

        assert [item["name"] for item in listed] == ["First", "Second"]
        assert listed[0]["latest_value"] == 60 and listed[0]["latest_on"] == "2025-06-01"
        assert listed[0]["measurement_count"] == 3
        assert listed[0]["progress"] == pytest.approx(0.5)
        assert one["name"] == "Second" and one["progress"] is None


class TestUpdateIndicator:
    async def test_partial_change(
        self, app: FastAPI, db: Session, client: httpx.AsyncClient
    ) -> None:
        scene = make_scene(db, client)
        indicator = make_indicator(db, scene.initiative)

        response = await client.patch(
            f"/api/v1/indicators/{indicator.id}",
            json={"target_value": 90, "description": "Asked every spring", "name": None},
        )

        assert response.status_code == 200, response.text
        assert response.json()["target_value"] == 90
        row = indicators(app)[0]
        assert row.description == "Asked every spring" and row.name == indicator.name
        assert row.updated_at is not None

    async def test_checked_as_a_whole(
        self, app: FastAPI, db: Session, client: httpx.AsyncClient
    ) -> None:
        scene = make_scene(db, client)
        indicator = make_indicator(db, scene.initiative)

        against = await client.patch(
            f"/api/v1/indicators/{indicator.id}", json={"direction": "decrease"}
        )
        too_high = await client.patch(
            f"/api/v1/indicators/{indicator.id}", json={"target_value": 101}
        )

        assert_problem(against, 422, "target_against_direction")
        assert_problem(too_high, 422, "value_out_of_range")
        row = indicators(app)[0]
        assert row.direction == "increase" and row.target_value == 80

    async def test_unit_change(self, app: FastAPI, db: Session, client: httpx.AsyncClient) -> None:
        scene = make_scene(db, client)
        other = make_indicator(db, scene.initiative, unit="other", unit_label="trips")
        measured = make_indicator(db, scene.initiative)
        make_measurement(db, measured, 50, date(2025, 1, 1))

        relabelled = await client.patch(f"/api/v1/indicators/{other.id}", json={"unit": "score"})
        locked = await client.patch(f"/api/v1/indicators/{measured.id}", json={"unit": "score"})

        assert relabelled.status_code == 200, relabelled.text
        assert relabelled.json()["unit_label"] is None
        assert_problem(locked, 409, "unit_locked")
        assert indicators(app)[1].unit == "percent"


class TestDeleteIndicator:
    async def test_without_measurements(
        self, app: FastAPI, db: Session, client: httpx.AsyncClient
    ) -> None:
        scene = make_scene(db, client)
        indicator = make_indicator(db, scene.initiative)

        response = await client.delete(f"/api/v1/indicators/{indicator.id}")

        assert response.status_code == 204
        assert indicators(app) == []

    async def test_history_is_kept(
        self, app: FastAPI, db: Session, client: httpx.AsyncClient
    ) -> None:
        scene = make_scene(db, client)
        indicator = make_indicator(db, scene.initiative)
        make_measurement(db, indicator, 50, date(2025, 1, 1), retired_at=utcnow())

        response = await client.delete(f"/api/v1/indicators/{indicator.id}")

        assert_problem(response, 409, "indicator_has_measurements")
        assert len(indicators(app)) == 1
