"""Taking ideas forward, listing, reading and editing initiatives."""

import httpx
from fastapi import FastAPI
from sqlmodel import Session, select

from backend.models import IdeaStatus, Initiative, InitiativeStatus, Phase
from tests.factories.ideas import make_idea
from tests.factories.tables import assert_problem, make_table, read_rows
from tests.initiatives.factories import make_chosen, make_initiative, url


class TestCreate:
    async def test_chosen_idea_goes_forward_with_its_text_as_title(
        self, db: Session, client: httpx.AsyncClient
    ) -> None:
        chosen = make_chosen(db, client)
        response = await client.post(chosen.create_url, json={"idea_id": str(chosen.idea.id)})
        assert response.status_code == 201, response.text
        body = response.json()
        assert body["title"] == chosen.idea.text
        assert body["table_id"] == str(chosen.table.id)
        assert body["status"] == "active" and body["version"] == 1
        assert response.headers["etag"] == '"1"'

    async def test_any_visible_idea_of_the_session_with_own_title(
        self, db: Session, client: httpx.AsyncClient
    ) -> None:
        chosen = make_chosen(db, client, phase=Phase.storyboard)
        other = make_idea(db, make_table(db, chosen.room.workshop), text="Combined idea")
        response = await client.post(
            chosen.create_url, json={"idea_id": str(other.id), "title": "  Bus buddies  "}
        )
        assert response.status_code == 201, response.text
        assert response.json()["title"] == "Bus buddies"

    async def test_second_initiative_for_an_idea_conflicts(
        self, app: FastAPI, db: Session, client: httpx.AsyncClient
    ) -> None:
        chosen = make_chosen(db, client)
        body = {"idea_id": str(chosen.idea.id)}
        assert (await client.post(chosen.create_url, json=body)).status_code == 201
        assert_problem(await client.post(chosen.create_url, json=body), 409, "idea_already_forward")
        assert len(read_rows(app, select(Initiative))) == 1

    async def test_too_early_in_reduce(self, db: Session, client: httpx.AsyncClient) -> None:
        chosen = make_chosen(db, client, phase=Phase.reduce)
        response = await client.post(chosen.create_url, json={"idea_id": str(chosen.idea.id)})
        assert_problem(response, 422, "initiatives_not_open")

    async def test_hidden_or_merged_idea_refused(
        self, db: Session, client: httpx.AsyncClient
    ) -> None:
        chosen = make_chosen(db, client)
        for status in (IdeaStatus.hidden, IdeaStatus.combined):
            idea = make_idea(db, chosen.table, text="x", status=status)
            response = await client.post(chosen.create_url, json={"idea_id": str(idea.id)})
            assert_problem(response, 422, "idea_not_available")

    async def test_idea_of_another_session_is_not_found(
        self, app: FastAPI, db: Session, client: httpx.AsyncClient
    ) -> None:
        chosen = make_chosen(db, client)
        elsewhere = make_chosen(db)
        response = await client.post(chosen.create_url, json={"idea_id": str(elsewhere.idea.id)})
        assert_problem(response, 404, "idea_not_found")
        response = await client.post(elsewhere.create_url, json={"idea_id": str(elsewhere.idea.id)})
        assert_problem(response, 404, "session_not_found")
        assert read_rows(app, select(Initiative)) == []

    async def test_bad_bodies(self, db: Session, client: httpx.AsyncClient) -> None:
        chosen = make_chosen(db, client)
        for body in ({}, {"idea_id": "nope"}, {"idea_id": str(chosen.idea.id), "title": " "}):
            assert_problem(
                await client.post(chosen.create_url, json=body), 422, "validation_failed"
            )


class TestLists:
    async def test_session_and_organisation_lists_and_candidates(
        self, db: Session, client: httpx.AsyncClient
    ) -> None:
        chosen = make_chosen(db, client)
        candidates = (await client.get(f"{chosen.room.base}/initiative-candidates")).json()
        assert candidates["open"] is True
        assert [c["idea_id"] for c in candidates["items"]] == [str(chosen.idea.id)]
        assert candidates["items"][0]["initiative_id"] is None
        made = (await client.post(chosen.create_url, json={"idea_id": str(chosen.idea.id)})).json()
        candidates = (await client.get(f"{chosen.room.base}/initiative-candidates")).json()
        assert candidates["items"][0]["initiative_id"] == made["id"]
        listed = (await client.get(chosen.create_url)).json()
        assert [i["id"] for i in listed["items"]] == [made["id"]]
        org = f"/api/v1/organisations/{chosen.room.workshop.organisation_id}/initiatives"
        assert [i["id"] for i in (await client.get(org)).json()["items"]] == [made["id"]]
        assert (await client.get(org, params={"status": "paused"})).json()["items"] == []
        assert_problem(await client.get(org, params={"status": "asleep"}), 422, "validation_failed")

    async def test_organisation_list_pages(self, db: Session, client: httpx.AsyncClient) -> None:
        chosen = make_chosen(db, client)
        for n in range(3):
            idea = make_idea(db, chosen.table, text=f"Idea {n}")
            await client.post(chosen.create_url, json={"idea_id": str(idea.id)})
        org = f"/api/v1/organisations/{chosen.room.workshop.organisation_id}/initiatives"
        first = (await client.get(org, params={"limit": 2})).json()
        second = (await client.get(org, params={"limit": 2, "cursor": first["next_cursor"]})).json()
        assert len(first["items"]) == 2 and len(second["items"]) == 1
        assert second["next_cursor"] is None

    async def test_other_organisation_is_not_found(
        self, db: Session, client: httpx.AsyncClient
    ) -> None:
        make_chosen(db, client)
        elsewhere = make_chosen(db)
        org = f"/api/v1/organisations/{elsewhere.room.workshop.organisation_id}/initiatives"
        assert (await client.get(org)).status_code == 404
        assert (await client.get(elsewhere.create_url)).status_code == 404


class TestReadAndUpdate:
    async def test_read_has_etag_and_steward_flags(
        self, db: Session, client: httpx.AsyncClient
    ) -> None:
        chosen = make_chosen(db, client)
        initiative = make_initiative(db, chosen)
        response = await client.get(url(initiative))
        assert response.status_code == 200
        assert response.headers["etag"] == '"1"'
        body = response.json()
        assert body["steward"] is None and body["can_manage_steward"] is True

    async def test_update_needs_if_match(
        self, app: FastAPI, db: Session, client: httpx.AsyncClient
    ) -> None:
        chosen = make_chosen(db, client)
        initiative = make_initiative(db, chosen)
        change = {"title": "Bus buddies", "status": "paused", "summary": "Pairs of travellers"}
        assert_problem(
            await client.patch(url(initiative), json=change), 428, "precondition_required"
        )
        stale = await client.patch(url(initiative), json=change, headers={"If-Match": '"7"'})
        assert_problem(stale, 412, "precondition_failed")
        assert stale.headers["etag"] == '"1"'
        done = await client.patch(url(initiative), json=change, headers={"If-Match": '"1"'})
        assert done.status_code == 200, done.text
        assert done.headers["etag"] == '"2"'
        assert done.json()["status"] == "paused"
        again = await client.patch(url(initiative), json=change, headers={"If-Match": '"1"'})
        assert_problem(again, 412, "precondition_failed")
        row = read_rows(app, select(Initiative))[0]
        assert (row.title, row.status, row.version) == ("Bus buddies", InitiativeStatus.paused, 2)

    async def test_bad_updates(self, db: Session, client: httpx.AsyncClient) -> None:
        chosen = make_chosen(db, client)
        initiative = make_initiative(db, chosen)
        match = {"If-Match": '"1"'}
        for body in ({"status": "asleep"}, {"title": ""}, {"colour": "red"}):
            response = await client.patch(url(initiative), json=body, headers=match)
            assert_problem(response, 422, "validation_failed")
        empty: list[dict[str, str | None]] = [{}, {"status": None}, {"title": None}]
        for change in empty:
            response = await client.patch(url(initiative), json=change, headers=match)
            assert_problem(response, 422, "nothing_to_change")
