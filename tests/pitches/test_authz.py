"""Another workshop's (or organisation's) pitch, table or response is a 404 and changes nothing."""

from typing import Any

import httpx
from fastapi import FastAPI
from sqlmodel import Session

from backend.models import Pitch, PitchResponse
from tests.factories.accounts import make_facilitator, sign_in_client
from tests.factories.ideas import count
from tests.factories.tables import assert_problem
from tests.pitches.helpers import ME, PITCH, make_hall, save_pitch

OFFER = {"kind": "offer", "body": "Drivers", "capitals": ["social"]}


async def pitched(
    db: Session, client: httpx.AsyncClient, facilitator: httpx.AsyncClient | None = None
) -> Any:
    hall = make_hall(db, facilitator)
    response = await save_pitch(client, hall.teams[0])
    return hall, response.json()["pitch"]["id"]


class TestParticipants:
    async def test_other_workshop_pitch_is_404(
        self, app: FastAPI, db: Session, client: httpx.AsyncClient
    ) -> None:
        _, pid = await pitched(db, client)
        stranger = make_hall(db).teams[1]
        for method, url, body in [
            ("GET", f"{ME}/pitches/{pid}", None),
            ("GET", f"{ME}/pitches/{pid}/responses", None),
            ("POST", f"{ME}/pitches/{pid}/responses", OFFER),
        ]:
            response = await client.request(method, url, json=body, headers=stranger.auth())
            assert_problem(response, 404, "pitch_not_found")
        listed = (await client.get(f"{ME}/pitches", headers=stranger.auth())).json()
        assert listed["items"] == []
        assert count(app, PitchResponse) == 0

    async def test_reply_to_other_tables_response_is_404(
        self, app: FastAPI, db: Session, client: httpx.AsyncClient
    ) -> None:
        hall, pid = await pitched(db, client)
        made = await client.post(
            f"{ME}/pitches/{pid}/responses",
            json={"kind": "question", "body": "Why?"},
            headers=hall.teams[1].auth(),
        )
        rid = made.json()["id"]
        stranger = make_hall(db).teams[0]
        response = await client.put(
            f"{ME}/pitch/responses/{rid}/reply", json={"reply": "x"}, headers=stranger.auth()
        )
        assert_problem(response, 404, "pitch_response_not_found")

    async def test_not_seated(self, app: FastAPI, db: Session, client: httpx.AsyncClient) -> None:
        from tests.factories.participants import make_participant, participant_token

        hall = make_hall(db, tables=1)
        loose = make_participant(db, hall.room.workshop, display_name="Unseated")
        token = participant_token(db, loose)[0]
        response = await client.put(
            f"{ME}/pitch",
            json=PITCH | {"version": 0},
            headers={"Authorization": f"Bearer {token}"},
        )
        assert_problem(response, 409, "not_seated")
        assert count(app, Pitch) == 0


class TestFacilitators:
    async def test_other_organisation_gets_404(
        self, app: FastAPI, db: Session, client: httpx.AsyncClient, new_client: Any
    ) -> None:
        hall, pid = await pitched(db, client)
        outsider = new_client()
        sign_in_client(db, outsider, make_facilitator(db).user)
        table = hall.teams[1].table.id
        for method, url, body in [
            ("GET", f"{hall.base}/pitches", None),
            ("GET", f"{hall.base}/tables/{table}/pitch", None),
            ("PUT", f"{hall.base}/tables/{table}/pitch", PITCH | {"version": 0}),
            ("GET", f"{hall.base}/pitches/{pid}/responses", None),
            ("POST", f"{hall.base}/pitches/{pid}/responses", OFFER | {"table_id": str(table)}),
            ("GET", f"{hall.base}/presenter", None),
            ("POST", f"{hall.base}/presenter", {"action": "start"}),
        ]:
            response = await outsider.request(method, url, json=body)
            assert_problem(response, 404, "session_not_found")
        assert count(app, Pitch) == 1
        assert count(app, PitchResponse) == 0

    async def test_ids_from_another_session_are_404(
        self, app: FastAPI, db: Session, client: httpx.AsyncClient, new_client: Any
    ) -> None:
        facilitator = new_client()
        hall, _ = await pitched(db, client, facilitator)
        _, foreign_pid = await pitched(db, client)
        foreign_table = make_hall(db, tables=1).teams[0].table.id
        mine = hall.teams[1].table.id
        pid_url = f"{hall.base}/pitches/{foreign_pid}/responses"
        assert_problem(await facilitator.get(pid_url), 404, "pitch_not_found")
        made = await facilitator.post(pid_url, json=OFFER | {"table_id": str(mine)})
        assert_problem(made, 404, "pitch_not_found")
        table_url = f"{hall.base}/tables/{foreign_table}/pitch"
        assert_problem(await facilitator.get(table_url), 404, "table_not_found")
        saved = await facilitator.put(table_url, json=PITCH | {"version": 0})
        assert_problem(saved, 404, "table_not_found")
        assert count(app, Pitch) == 2
        assert count(app, PitchResponse) == 0
