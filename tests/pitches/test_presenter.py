"""Presenter mode: the facilitator runs the big screen; everyone hears `presenter.changed`."""

from typing import Any

import httpx
import pytest
from fastapi import FastAPI
from sqlmodel import Session, select

from backend.models import Phase, PresenterState
from tests.factories.ideas import count
from tests.factories.tables import assert_problem, read_rows
from tests.pitches.helpers import ME, Hall, events_of, make_hall, set_phase


@pytest.fixture
def hall(db: Session, client: httpx.AsyncClient) -> Hall:
    return make_hall(db, client, tables=3)


async def move(client: httpx.AsyncClient, hall: Hall, action: str, **extra: Any) -> httpx.Response:
    return await client.post(f"{hall.base}/presenter", json={"action": action, **extra})


class TestPresenter:
    async def test_start_next_previous_stop(
        self, app: FastAPI, client: httpx.AsyncClient, hall: Hall
    ) -> None:
        idle = (await client.get(f"{hall.base}/presenter")).json()
        assert idle["running"] is False and idle["total"] == 0
        started = (await move(client, hall, "start")).json()
        assert started["running"] is True
        assert (started["position"], started["total"]) == (1, 3)
        assert started["table"]["id"] == str(hall.teams[0].table.id)
        assert_problem(await move(client, hall, "previous"), 409, "presenter_at_end")
        assert (await move(client, hall, "next")).json()["position"] == 2
        last = (await move(client, hall, "next")).json()
        assert last["table"]["id"] == str(hall.teams[2].table.id)
        assert_problem(await move(client, hall, "next"), 409, "presenter_at_end")
        assert (await move(client, hall, "previous")).json()["position"] == 2
        phone = (await client.get(f"{ME}/presenter", headers=hall.teams[1].auth())).json()
        assert phone["table"]["number"] == hall.teams[1].table.number
        stopped = (await move(client, hall, "stop")).json()
        assert stopped["running"] is False
        events = events_of(app, "presenter.changed")
        assert len(events) == 5
        assert all(e.audience == "session" for e in events)
        assert events[1].payload["position"] == 2 and events[1].payload["total"] == 3

    async def test_custom_order_and_show(self, client: httpx.AsyncClient, hall: Hall) -> None:
        order = [str(hall.teams[2].table.id), str(hall.teams[0].table.id)]
        started = (await move(client, hall, "start", table_ids=order)).json()
        assert [t["id"] for t in started["order"]] == order
        shown = (await move(client, hall, "show", table_id=order[1])).json()
        assert shown["position"] == 2

    async def test_bad_moves_change_nothing(
        self, app: FastAPI, db: Session, client: httpx.AsyncClient, hall: Hall
    ) -> None:
        assert_problem(await move(client, hall, "next"), 409, "presenter_not_running")
        other = make_hall(db, tables=1)
        foreign = [str(other.teams[0].table.id)]
        assert_problem(await move(client, hall, "start", table_ids=foreign), 404, "table_not_found")
        assert_problem(
            await move(client, hall, "show", table_id=foreign[0]), 404, "table_not_found"
        )
        assert_problem(await move(client, hall, "jump"), 422, "validation_failed")
        set_phase(db, hall, Phase.combine)
        assert_problem(await move(client, hall, "start"), 422, "phase_closed")
        assert events_of(app, "presenter.changed") == []
        assert all(s.position is None for s in _states(app))

    async def test_participants_cannot_drive(
        self, app: FastAPI, client: httpx.AsyncClient, new_client: Any, hall: Hall
    ) -> None:
        phone = new_client()
        response = await phone.post(
            f"{hall.base}/presenter", json={"action": "start"}, headers=hall.teams[0].auth()
        )
        assert_problem(response, 401, "unauthenticated")
        assert count(app, PresenterState) == 0


def _states(app: FastAPI) -> list[PresenterState]:
    return read_rows(app, select(PresenterState))
