"""Momentum: overdue actions, quiet initiatives, last activity and counts, with a moved clock."""

from datetime import datetime, timedelta

import httpx
import pytest
from sqlmodel import Session

from backend.kit.clock import utcnow
from backend.models import ActionStatus, InitiativeStatus
from tests.factories.ideas import make_idea
from tests.factories.tables import assert_problem
from tests.initiatives.factories import make_action, make_chosen, make_initiative, url


def move_clock(monkeypatch: pytest.MonkeyPatch, to: datetime) -> None:
    monkeypatch.setattr("backend.initiatives.momentum.utcnow", lambda: to)


class TestInitiativeMomentum:
    async def test_overdue_counts_and_quiet(
        self, db: Session, client: httpx.AsyncClient, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        initiative = make_initiative(db, make_chosen(db, client))
        today = utcnow().date()
        late = make_action(db, initiative, title="Late", due_on=today - timedelta(days=3))
        make_action(db, initiative, title="Due today", due_on=today, position=1)
        make_action(
            db,
            initiative,
            title="Done late",
            due_on=today - timedelta(days=9),
            status=ActionStatus.done,
            position=2,
        )
        body = (await client.get(url(initiative, "/momentum"))).json()
        assert [(a["id"], a["days_overdue"]) for a in body["overdue_actions"]] == [
            (str(late.id), 3)
        ]
        assert body["action_counts"] == {"todo": 2, "doing": 0, "done": 1, "blocked": 0}
        assert body["quiet"] is False and body["quiet_days"] == 30

        move_clock(monkeypatch, utcnow() + timedelta(days=31))
        assert (await client.get(url(initiative, "/momentum"))).json()["quiet"] is True
        params = {"quiet_days": 60}
        assert (await client.get(url(initiative, "/momentum"), params=params)).json()[
            "quiet"
        ] is False

    async def test_any_update_wakes_it(
        self, db: Session, client: httpx.AsyncClient, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        initiative = make_initiative(
            db, make_chosen(db, client), last_activity_at=utcnow() - timedelta(days=40)
        )
        action = make_action(db, initiative)
        assert (await client.get(url(initiative, "/momentum"))).json()["quiet"] is True
        await client.post(
            url(initiative, f"/actions/{action.id}/updates"), json={"note": "Still on"}
        )
        body = (await client.get(url(initiative, "/momentum"))).json()
        assert body["quiet"] is False

    async def test_finished_initiatives_are_not_chased(
        self, db: Session, client: httpx.AsyncClient
    ) -> None:
        initiative = make_initiative(
            db,
            make_chosen(db, client),
            status=InitiativeStatus.completed,
            last_activity_at=utcnow() - timedelta(days=400),
        )
        make_action(db, initiative, due_on=utcnow().date() - timedelta(days=5))
        body = (await client.get(url(initiative, "/momentum"))).json()
        assert body["overdue_actions"] == [] and body["quiet"] is False

    async def test_bad_quiet_days(self, db: Session, client: httpx.AsyncClient) -> None:
        initiative = make_initiative(db, make_chosen(db, client))
        for value in ("0", "soon", "-3"):
            response = await client.get(url(initiative, "/momentum"), params={"quiet_days": value})
            assert_problem(response, 422, "validation_failed")


class TestOrganisationMomentum:
    async def test_totals_and_items(self, db: Session, client: httpx.AsyncClient) -> None:
        chosen = make_chosen(db, client)
        busy = make_initiative(db, chosen)
        make_action(db, busy, due_on=utcnow().date() - timedelta(days=1))
        quiet_idea = make_idea(db, chosen.table, text="Quiet one")
        make_initiative(
            db,
            chosen,
            idea_id=quiet_idea.id,
            title="Quiet",
            last_activity_at=utcnow() - timedelta(days=45),
        )
        make_initiative(db, make_chosen(db), title="Not ours")
        org = f"/api/v1/organisations/{chosen.room.workshop.organisation_id}/momentum"
        body = (await client.get(org)).json()
        assert (body["initiatives"], body["quiet_initiatives"], body["overdue_actions"]) == (
            2,
            1,
            1,
        )
        flags = {i["title"]: (i["quiet"], len(i["overdue_actions"])) for i in body["items"]}
        assert flags == {"Community bus": (False, 1), "Quiet": (True, 0)}
        paged = (await client.get(org, params={"limit": 1})).json()
        assert len(paged["items"]) == 1 and paged["next_cursor"]
