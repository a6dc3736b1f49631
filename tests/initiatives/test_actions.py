"""The action plan: actions, edits with If-Match, updates as history, reordering."""

import httpx
from fastapi import FastAPI
from sqlmodel import Session, select

from backend.models import ActionStatus, InitiativeAction
from tests.factories.tables import assert_problem, read_rows
from tests.initiatives.factories import make_action, make_chosen, make_initiative, url

ACTION = {"title": "Ask the council for a minibus", "owner_role": "Transport officer"}


class TestCreateAndEdit:
    async def test_add_appends_in_order(self, db: Session, client: httpx.AsyncClient) -> None:
        initiative = make_initiative(db, make_chosen(db, client))
        first = await client.post(
            url(initiative, "/actions"), json=ACTION | {"due_on": "2030-01-31"}
        )
        assert first.status_code == 201, first.text
        assert first.json()["status"] == "todo" and first.json()["position"] == 0
        second = await client.post(url(initiative, "/actions"), json=ACTION | {"title": "Second"})
        assert second.json()["position"] == 1
        plan = (await client.get(url(initiative, "/actions"))).json()["items"]
        assert [a["title"] for a in plan] == [ACTION["title"], "Second"]

    async def test_bad_input(self, app: FastAPI, db: Session, client: httpx.AsyncClient) -> None:
        initiative = make_initiative(db, make_chosen(db, client))
        for body in (
            ACTION | {"due_on": "next tuesday"},
            ACTION | {"due_on": "2030-02-30"},
            ACTION | {"due_on": "1066-10-14"},
            ACTION | {"status": "done"},
            {"title": "No owner"},
            ACTION | {"title": ""},
        ):
            response = await client.post(url(initiative, "/actions"), json=body)
            assert_problem(response, 422, "validation_failed")
        assert read_rows(app, select(InitiativeAction)) == []

    async def test_edit_needs_if_match(self, db: Session, client: httpx.AsyncClient) -> None:
        initiative = make_initiative(db, make_chosen(db, client))
        action = make_action(db, initiative)
        path = url(initiative, f"/actions/{action.id}")
        change = {"due_on": "2031-05-01", "owner_name": "Gwyn", "owner_agreed_to_be_named": True}
        assert_problem(await client.patch(path, json=change), 428, "precondition_required")
        done = await client.patch(path, json=change, headers={"If-Match": '"1"'})
        assert done.status_code == 200, done.text
        assert done.json()["due_on"] == "2031-05-01" and done.headers["etag"] == '"2"'
        stale = await client.patch(path, json={"title": "x"}, headers={"If-Match": '"1"'})
        assert_problem(stale, 412, "precondition_failed")
        empty = await client.patch(path, json={"title": None}, headers={"If-Match": '"2"'})
        assert_problem(empty, 422, "nothing_to_change")

    async def test_delete(self, db: Session, client: httpx.AsyncClient) -> None:
        initiative = make_initiative(db, make_chosen(db, client))
        action = make_action(db, initiative)
        assert (await client.delete(url(initiative, f"/actions/{action.id}"))).status_code == 204
        assert (await client.get(url(initiative, "/actions"))).json()["items"] == []


class TestUpdates:
    async def test_status_changes_and_notes_are_history(
        self, app: FastAPI, db: Session, client: httpx.AsyncClient
    ) -> None:
        initiative = make_initiative(db, make_chosen(db, client))
        action = make_action(db, initiative)
        path = url(initiative, f"/actions/{action.id}/updates")
        first = await client.post(path, json={"status": "doing", "note": "Emailed them"})
        assert first.status_code == 201, first.text
        assert (first.json()["from_status"], first.json()["to_status"]) == ("todo", "doing")
        assert first.json()["author_name"] == "Ffion Facilitator"
        await client.post(path, json={"note": "No answer yet"})
        history = (await client.get(path)).json()["items"]
        assert [h["note"] for h in history] == ["Emailed them", "No answer yet"]
        assert history[1]["to_status"] is None
        row = read_rows(app, select(InitiativeAction))[0]
        assert row.status == ActionStatus.doing and row.version == 2

    async def test_bad_updates(self, db: Session, client: httpx.AsyncClient) -> None:
        initiative = make_initiative(db, make_chosen(db, client))
        action = make_action(db, initiative)
        path = url(initiative, f"/actions/{action.id}/updates")
        assert_problem(await client.post(path, json={"status": "asleep"}), 422, "validation_failed")
        assert_problem(await client.post(path, json={}), 422, "nothing_to_change")
        assert_problem(await client.post(path, json={"status": "todo"}), 422, "nothing_to_change")

    async def test_action_of_another_initiative_is_not_found(
        self, db: Session, client: httpx.AsyncClient
    ) -> None:
        chosen = make_chosen(db, client)
        mine = make_initiative(db, chosen)
        other_chosen = make_chosen(db)
        theirs = make_action(db, make_initiative(db, other_chosen))
        response = await client.post(url(mine, f"/actions/{theirs.id}/updates"), json={"note": "x"})
        assert_problem(response, 404, "action_not_found")


class TestReorder:
    async def test_full_order(self, db: Session, client: httpx.AsyncClient) -> None:
        initiative = make_initiative(db, make_chosen(db, client))
        actions = [make_action(db, initiative, title=f"A{n}", position=n) for n in range(3)]
        order = [str(actions[2].id), str(actions[0].id), str(actions[1].id)]
        response = await client.put(url(initiative, "/actions/order"), json={"action_ids": order})
        assert response.status_code == 200, response.text
        assert [a["title"] for a in response.json()["items"]] == ["A2", "A0", "A1"]
        plan = (await client.get(url(initiative, "/actions"))).json()["items"]
        assert [a["position"] for a in plan] == [0, 1, 2]

    async def test_impossible_orders(self, db: Session, client: httpx.AsyncClient) -> None:
        chosen = make_chosen(db, client)
        initiative = make_initiative(db, chosen)
        a, b = (make_action(db, initiative, title=t) for t in ("A", "B"))
        foreign = make_action(db, make_initiative(db, make_chosen(db)))
        for ids in ([a.id], [a.id, a.id], [a.id, b.id, foreign.id], [a.id, foreign.id], []):
            response = await client.put(
                url(initiative, "/actions/order"), json={"action_ids": [str(i) for i in ids]}
            )
            assert_problem(response, 422, "order_mismatch")
        response = await client.put(url(initiative, "/actions/order"), json={"action_ids": ["x"]})
        assert_problem(response, 422, "validation_failed")
