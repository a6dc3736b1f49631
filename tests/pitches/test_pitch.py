"""A table writes its pitch of its chosen idea; concurrent saves never overwrite each other."""

from typing import Any

import httpx
import pytest
from fastapi import FastAPI
from sqlmodel import Session

from backend.models import Phase, Pitch
from tests.factories.ideas import count
from tests.factories.tables import assert_problem
from tests.pitches.helpers import ME, PITCH, Hall, events_of, make_hall, save_pitch, set_phase


@pytest.fixture
def hall(db: Session) -> Hall:
    return make_hall(db)


class TestSavePitch:
    async def test_first_save_and_read_back(
        self, app: FastAPI, client: httpx.AsyncClient, hall: Hall
    ) -> None:
        team = hall.teams[0]
        response = await save_pitch(client, team)
        assert response.status_code == 200, response.text
        body = response.json()
        assert body["idea"]["id"] == str(team.idea.id)  # type: ignore[union-attr]
        pitch = body["pitch"]
        assert pitch["version"] == 1
        assert pitch["barrier_tags"] == PITCH["barrier_tags"]
        assert pitch["barriers_other"] == ["Insurance"]
        assert pitch["asks"] == PITCH["asks"]
        assert pitch["is_mine"] is True
        assert pitch["updated_by_facilitator"] is False
        again = (await client.get(f"{ME}/pitch", headers=team.auth(1))).json()
        assert again["pitch"]["what"] == "A bus buddy scheme"
        assert again["writable"] is True
        assert [e.table_id for e in events_of(app, "pitch.saved")] == [team.table.id]
        assert events_of(app, "pitch.saved")[0].audience == "session"

    async def test_stale_version_is_refused(
        self, app: FastAPI, client: httpx.AsyncClient, hall: Hall
    ) -> None:
        team = hall.teams[0]
        assert (await save_pitch(client, team)).status_code == 200
        second = await client.put(
            f"{ME}/pitch", json=PITCH | {"what": "Mine", "version": 1}, headers=team.auth(1)
        )
        assert second.status_code == 200
        stale = await save_pitch(client, team, version=1, what="Overwrite")
        assert_problem(stale, 409, "pitch_changed")
        first_again = await save_pitch(client, team, version=0)
        assert_problem(first_again, 409, "pitch_changed")
        body = (await client.get(f"{ME}/pitch", headers=team.auth())).json()
        assert body["pitch"]["what"] == "Mine"
        assert body["pitch"]["version"] == 2
        assert count(app, Pitch) == 1

    async def test_storyboard_phase_may_draft(
        self, db: Session, client: httpx.AsyncClient, hall: Hall
    ) -> None:
        set_phase(db, hall, Phase.storyboard)
        assert (await save_pitch(client, hall.teams[0])).status_code == 200

    @pytest.mark.parametrize("phase", [Phase.reduce, Phase.combine, Phase.glue])
    async def test_out_of_phase(
        self, app: FastAPI, db: Session, client: httpx.AsyncClient, hall: Hall, phase: Phase
    ) -> None:
        set_phase(db, hall, phase)
        assert_problem(await save_pitch(client, hall.teams[0]), 422, "phase_closed")
        assert count(app, Pitch) == 0

    async def test_no_chosen_idea(
        self, app: FastAPI, db: Session, client: httpx.AsyncClient
    ) -> None:
        hall = make_hall(db, tables=1, chosen=False)
        assert_problem(await save_pitch(client, hall.teams[0]), 422, "no_chosen_idea")
        body = (await client.get(f"{ME}/pitch", headers=hall.teams[0].auth())).json()
        assert body == {"idea": None, "pitch": None, "writable": True}
        assert count(app, Pitch) == 0

    @pytest.mark.parametrize(
        "changes",
        [
            {"barrier_tags": ["bureaucracy"]},
            {"barrier_tags": ["hard_work", "hard_work"]},
            {"asks": [{"capital": "cultural", "note": "x"}]},
            {"asks": [{"capital": "social"}, {"capital": "social"}]},
            {"what": "   "},
            {"barriers_other": [""]},
        ],
    )
    async def test_bad_content(
        self, app: FastAPI, client: httpx.AsyncClient, hall: Hall, changes: dict[str, Any]
    ) -> None:
        response = await save_pitch(client, hall.teams[0], **changes)
        assert_problem(response, 422, "validation_failed")
        assert count(app, Pitch) == 0
        assert events_of(app, "pitch.saved") == []


class TestFacilitatorOnBehalf:
    async def test_writes_for_a_table(self, db: Session, client: httpx.AsyncClient) -> None:
        hall = make_hall(db, client)
        team = hall.teams[1]
        url = f"{hall.base}/tables/{team.table.id}/pitch"
        response = await client.put(url, json=PITCH | {"version": 0})
        assert response.status_code == 200, response.text
        assert response.json()["pitch"]["updated_by_facilitator"] is True
        assert_problem(await client.put(url, json=PITCH | {"version": 0}), 409, "pitch_changed")
        listed = (await client.get(f"{hall.base}/pitches")).json()
        assert [p["table"]["id"] for p in listed["items"]] == [str(team.table.id)]


class TestListing:
    async def test_others_pitches_only_current_ideas(
        self, db: Session, client: httpx.AsyncClient
    ) -> None:
        hall = make_hall(db, tables=3)
        for team in hall.teams:
            assert (await save_pitch(client, team)).status_code == 200
        mine = hall.teams[0]
        page = (await client.get(f"{ME}/pitches?limit=1", headers=mine.auth())).json()
        assert len(page["items"]) == 1 and page["next_cursor"]
        rest = (
            await client.get(f"{ME}/pitches?cursor={page['next_cursor']}", headers=mine.auth())
        ).json()
        seen = {p["table"]["id"] for p in page["items"] + rest["items"]}
        assert seen == {str(hall.teams[1].table.id), str(hall.teams[2].table.id)}
        assert all("rank" not in p and "score" not in p for p in rest["items"])

    async def test_by_table_number_whoever_pitched_first(
        self, db: Session, client: httpx.AsyncClient
    ) -> None:
        hall = make_hall(db, client, tables=4)
        for team in reversed(hall.teams):  # table 4 pitches first, table 1 last
            assert (await save_pitch(client, team)).status_code == 200
        numbers = [t.table.number for t in hall.teams]
        assert numbers == sorted(numbers)
        listed = (await client.get(f"{hall.base}/pitches")).json()
        assert [p["table"]["number"] for p in listed["items"]] == numbers
        # Page by page, in the same order.
        seen: list[int] = []
        cursor = None
        while True:
            query = f"?limit=3&cursor={cursor}" if cursor else "?limit=3"
            page = (await client.get(f"{hall.base}/pitches{query}")).json()
            seen += [p["table"]["number"] for p in page["items"]]
            cursor = page["next_cursor"]
            if cursor is None:
                break
        assert seen == numbers
        others = (await client.get(f"{ME}/pitches", headers=hall.teams[1].auth())).json()
        assert [p["table"]["number"] for p in others["items"]] == [numbers[0], *numbers[2:]]

    async def test_bad_cursor(self, db: Session, client: httpx.AsyncClient) -> None:
        hall = make_hall(db, client)
        for cursor in ("not-a-cursor", "eyJ0YWJsZSI6ICJ4In0"):  # the second: {"table": "x"}
            response = await client.get(f"{hall.base}/pitches?cursor={cursor}")
            assert_problem(response, 400, "invalid_cursor")
