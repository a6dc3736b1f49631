"""Measurements: recording with every bad input refused, listing by date, corrections and
withdrawals that keep the history, and the chart's series."""

from datetime import date, timedelta
from typing import Any

import httpx
import pytest
from fastapi import FastAPI
from sqlmodel import Session

from backend.kit.clock import utcnow
from tests.factories.tables import assert_problem
from tests.outcomes.helpers import (
    make_indicator,
    make_measurement,
    make_scene,
    measurement_body,
    measurements,
)


def _url(indicator: Any) -> str:
    return f"/api/v1/indicators/{indicator.id}/measurements"


class TestRecordMeasurement:
    async def test_valid(self, app: FastAPI, db: Session, client: httpx.AsyncClient) -> None:
        scene = make_scene(db, client)
        indicator = make_indicator(db, scene.initiative)
        tomorrow = (utcnow().date() + timedelta(days=1)).isoformat()

        response = await client.post(_url(indicator), json=measurement_body())
        late_night = await client.post(_url(indicator), json=measurement_body(measured_on=tomorrow))

        assert response.status_code == 201, response.text
        body = response.json()
        assert body["value"] == 55 and body["unit"] == "percent"
        assert body["source"] == "Annual passenger survey" and body["note"] == "Spring wave"
        assert body["recorded_by_name"] == scene.room.facilitator.user.name
        assert body["retired_at"] is None
        assert late_night.status_code == 201, late_night.text
        rows = measurements(app)
        assert len(rows) == 2 and rows[0].recorded_by_id == scene.room.facilitator.user.id

    @pytest.mark.parametrize(
        ("unit", "changes", "code"),
        [
            ("percent", {"unit": "count"}, "unit_mismatch"),
            ("other", {"unit": "other", "value": 3, "unit_label": "trips"}, "validation_failed"),
            ("percent", {"value": 100.01}, "value_out_of_range"),
            ("percent", {"value": -0.5}, "value_out_of_range"),
            ("count", {"unit": "count", "value": -1}, "value_out_of_range"),
            ("people", {"unit": "people", "value": 3.5}, "value_out_of_range"),
            ("hours", {"unit": "hours", "value": -2}, "value_out_of_range"),
            ("score", {"unit": "score", "value": 1e13}, "value_out_of_range"),
            ("percent", {"measured_on": "1899-12-31"}, "date_out_of_range"),
            ("percent", {"value": "55"}, "validation_failed"),
            ("percent", {"value": None}, "validation_failed"),
            ("percent", {"value": False}, "validation_failed"),
            ("percent", {"value": [55]}, "validation_failed"),
            ("percent", {"source": "  "}, "validation_failed"),
            ("percent", {"source": None}, "validation_failed"),
            ("percent", {"source": "x" * 301}, "validation_failed"),
            ("percent", {"note": "x" * 2001}, "validation_failed"),
            ("percent", {"measured_on": "yesterday"}, "validation_failed"),
            ("percent", {"unit": "percentage"}, "validation_failed"),
        ],
    )
    async def test_bad_input_writes_nothing(
        self,
        app: FastAPI,
        db: Session,
        client: httpx.AsyncClient,
        unit: str,
        changes: dict[str, Any],
        code: str,
    ) -> None:
        scene = make_scene(db, client)
        fields: dict[str, Any] = {"unit": unit, "baseline_value": None, "baseline_on": None}
        if unit == "other":
            fields["unit_label"] = "trips"
        indicator = make_indicator(db, scene.initiative, **fields)

        response = await client.post(_url(indicator), json=measurement_body(**changes))

        assert_problem(response, 422, code)
        assert measurements(app) == []

    async def test_future_beyond_tomorrow(
        self, app: FastAPI, db: Session, client: httpx.AsyncClient
    ) -> None:
        scene = make_scene(db, client)
        indicator = make_indicator(db, scene.initiative)
        later = (utcnow().date() + timedelta(days=2)).isoformat()

        response = await client.post(_url(indicator), json=measurement_body(measured_on=later))

        assert_problem(response, 422, "date_out_of_range")
        assert response.json()["errors"][0]["loc"] == ["body", "measured_on"]
        assert measurements(app) == []

    @pytest.mark.parametrize("raw", ["NaN", "Infinity", "-Infinity", "1e999"])
    async def test_non_finite(
        self, app: FastAPI, db: Session, client: httpx.AsyncClient, raw: str
    ) -> None:
        scene = make_scene(db, client)
        indicator = make_indicator(
            db, scene.initiative, unit="score", baseline_value=None, baseline_on=None
        )
        content = f'{{"value": {raw}, "unit": "score", "measured_on": "2025-01-01", "source": "S"}}'

        response = await client.post(
            _url(indicator), content=content, headers={"content-type": "application/json"}
        )

        assert_problem(response, 422, "validation_failed")
        assert measurements(app) == []


class TestListMeasurements:
    async def test_by_date_in_pages(self, db: Session, client: httpx.AsyncClient) -> None:
        scene = make_scene(db, client)
        indicator = make_indicator(db, scene.initiative)
        for value, day in [(60, 3), (40, 1), (50, 2), (55, 2), (70, 5)]:
            make_measurement(db, indicator, value, date(2025, 1, day))

        first = (await client.get(_url(indicator), params={"limit": 3})).json()
        rest = (
            await client.get(_url(indicator), params={"limit": 3, "cursor": first["next_cursor"]})
        ).json()

        values = [m["value"] for m in first["items"] + rest["items"]]
        assert values == [40, 50, 55, 60, 70]
        assert rest["next_cursor"] is None

    async def test_bad_cursor(self, db: Session, client: httpx.AsyncClient) -> None:
        scene = make_scene(db, client)
        indicator = make_indicator(db, scene.initiative)

        response = await client.get(_url(indicator), params={"cursor": "nonsense"})

        assert_problem(response, 400, "invalid_cursor")


class TestCorrectAndWithdraw:
    async def test_correction_keeps_the_old_one(
        self, app: FastAPI, db: Session, client: httpx.AsyncClient
    ) -> None:
        scene = make_scene(db, client)
        indicator = make_indicator(db, scene.initiative)
        wrong = make_measurement(db, indicator, 5.5, date(2025, 1, 1))

        corrected = await client.post(
            f"/api/v1/measurements/{wrong.id}/correction",
            json=measurement_body(value=55, reason="Decimal point in the wrong place"),
        )
        again = await client.post(
            f"/api/v1/measurements/{wrong.id}/correction",
            json=measurement_body(value=56, reason="Again"),
        )
        current = (await client.get(_url(indicator))).json()["items"]
        history = (await client.get(_url(indicator), params={"include_retired": True})).json()

        assert corrected.status_code == 201, corrected.text
        assert_problem(again, 409, "measurement_retired")
        assert [m["value"] for m in current] == [55]
        old = next(m for m in history["items"] if m["id"] == str(wrong.id))
        assert old["replaced_by_id"] == corrected.json()["id"]
        assert old["retired_reason"] == "Decimal point in the wrong place"
        assert len(measurements(app)) == 2

    async def test_bad_correction_changes_nothing(
        self, app: FastAPI, db: Session, client: httpx.AsyncClient
    ) -> None:
        scene = make_scene(db, client)
        indicator = make_indicator(db, scene.initiative)
        row = make_measurement(db, indicator, 50, date(2025, 1, 1))

        too_high = await client.post(
            f"/api/v1/measurements/{row.id}/correction",
            json=measurement_body(value=150, reason="Typo"),
        )
        no_reason = await client.post(
            f"/api/v1/measurements/{row.id}/correction", json=measurement_body(value=51)
        )

        assert_problem(too_high, 422, "value_out_of_range")
        assert_problem(no_reason, 422, "validation_failed")
        rows = measurements(app)
        assert len(rows) == 1 and rows[0].retired_at is None

    async def test_withdrawal(self, app: FastAPI, db: Session, client: httpx.AsyncClient) -> None:
        scene = make_scene(db, client)
        indicator = make_indicator(db, scene.initiative)
        row = make_measurement(db, indicator, 50, date(2025, 1, 1))

        response = await client.post(
            f"/api/v1/measurements/{row.id}/withdrawal", json={"reason": "Wrong survey"}
        )
        again = await client.post(
            f"/api/v1/measurements/{row.id}/withdrawal", json={"reason": "Again"}
        )
        series = (await client.get(f"/api/v1/indicators/{indicator.id}/series")).json()

        assert response.status_code == 200, response.text
        assert response.json()["retired_reason"] == "Wrong survey"
        assert_problem(again, 409, "measurement_retired")
        assert series["points"] == []
        assert measurements(app)[0].retired_by_id == scene.room.facilitator.user.id


class TestSeries:
    async def test_points_and_progress(self, db: Session, client: httpx.AsyncClient) -> None:
        scene = make_scene(db, client)
        indicator = make_indicator(
            db,
            scene.initiative,
            unit="days",
            direction="decrease",
            baseline_value=30,
            target_value=10,
        )
        make_measurement(db, indicator, 25, date(2025, 3, 1), note="After the first month")
        make_measurement(db, indicator, 22, date(2025, 6, 1))

        body = (await client.get(f"/api/v1/indicators/{indicator.id}/series")).json()

        assert [p["value"] for p in body["points"]] == [25, 22]
        assert body["points"][0]["note"] == "After the first month"
        assert body["indicator"]["baseline_value"] == 30
        assert body["indicator"]["target_value"] == 10
        assert body["indicator"]["progress"] == pytest.approx(0.4)
        assert body["truncated"] is False
