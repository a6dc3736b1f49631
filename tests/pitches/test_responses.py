"""Other tables respond to a pitch with offers (from their pooled strengths), questions and
suggestions; the pitching table replies to questions. Nothing is ranked."""

from typing import Any

import httpx
import pytest
from fastapi import FastAPI
from sqlmodel import Session

from backend.models import Phase
from tests.factories.tables import assert_problem
from tests.pitches.helpers import (
    ME,
    Hall,
    events_of,
    make_hall,
    response_count,
    save_pitch,
    set_phase,
)


@pytest.fixture
async def hall(db: Session, client: httpx.AsyncClient) -> Hall:
    hall = make_hall(db)
    assert (await save_pitch(client, hall.teams[0])).status_code == 200
    return hall


async def pitch_id(client: httpx.AsyncClient, hall: Hall) -> str:
    body = (await client.get(f"{ME}/pitch", headers=hall.teams[0].auth())).json()
    return str(body["pitch"]["id"])


async def respond(
    client: httpx.AsyncClient, hall: Hall, team: int, body: dict[str, Any]
) -> httpx.Response:
    pid = await pitch_id(client, hall)
    return await client.post(
        f"{ME}/pitches/{pid}/responses", json=body, headers=hall.teams[team].auth()
    )


OFFER = {"kind": "offer", "body": "We can introduce you to drivers", "capitals": ["social"]}


class TestRespond:
    async def test_offer_from_pooled_strengths(
        self, app: FastAPI, client: httpx.AsyncClient, hall: Hall
    ) -> None:
        response = await respond(client, hall, 1, OFFER)
        assert response.status_code == 201, response.text
        body = response.json()
        assert body["table"]["number"] == hall.teams[1].table.number
        assert body["capitals"] == ["social"]
        assert body["by_facilitator"] is False
        listed = await client.get(
            f"{ME}/pitches/{body['pitch_id']}/responses", headers=hall.teams[0].auth()
        )
        assert [r["id"] for r in listed.json()["items"]] == [body["id"]]
        [event] = events_of(app, "pitch.responded")
        assert event.audience == "session"
        assert event.payload["from_table_id"] == str(hall.teams[1].table.id)

    async def test_question_and_suggestion(self, client: httpx.AsyncClient, hall: Hall) -> None:
        for kind in ("question", "suggestion"):
            response = await respond(client, hall, 1, {"kind": kind, "body": "Who pays?"})
            assert response.status_code == 201, response.text

    @pytest.mark.parametrize(
        ("body", "status", "code"),
        [
            ({**OFFER, "capitals": ["financial"]}, 422, "capital_not_pooled"),
            ({**OFFER, "capitals": []}, 422, "offer_needs_capital"),
            (
                {"kind": "question", "body": "Why?", "capitals": ["social"]},
                422,
                "offer_needs_capital",
            ),
            ({**OFFER, "capitals": ["gold"]}, 422, "validation_failed"),
            ({"kind": "praise", "body": "Best idea!"}, 422, "validation_failed"),
            ({"kind": "question", "body": " "}, 422, "validation_failed"),
        ],
    )
    async def test_bad_input(
        self,
        app: FastAPI,
        client: httpx.AsyncClient,
        hall: Hall,
        body: dict[str, Any],
        status: int,
        code: str,
    ) -> None:
        assert_problem(await respond(client, hall, 1, body), status, code)
        assert response_count(app) == 0
        assert events_of(app, "pitch.responded") == []

    async def test_own_pitch_refused(
        self, app: FastAPI, client: httpx.AsyncClient, hall: Hall
    ) -> None:
        question = {"kind": "question", "body": "Shall we?"}
        assert_problem(await respond(client, hall, 0, question), 422, "own_pitch")
        assert response_count(app) == 0

    @pytest.mark.parametrize("phase", [Phase.storyboard, Phase.combine])
    async def test_out_of_phase(
        self, app: FastAPI, db: Session, client: httpx.AsyncClient, hall: Hall, phase: Phase
    ) -> None:
        set_phase(db, hall, phase)
        assert_problem(await respond(client, hall, 1, OFFER), 422, "phase_closed")
        assert response_count(app) == 0

    async def test_idempotent_retry(
        self, app: FastAPI, client: httpx.AsyncClient, hall: Hall
    ) -> None:
        pid = await pitch_id(client, hall)
        url = f"{ME}/pitches/{pid}/responses"
        headers = hall.teams[1].auth() | {"Idempotency-Key": "offer-1"}
        first = await client.post(url, json=OFFER, headers=headers)
        second = await client.post(url, json=OFFER, headers=headers)
        assert first.json() == second.json()
        assert second.headers["Idempotent-Replayed"] == "true"
        assert response_count(app) == 1


class TestReply:
    async def test_pitching_table_answers_questions(
        self, app: FastAPI, client: httpx.AsyncClient, hall: Hall
    ) -> None:
        asked = (await respond(client, hall, 1, {"kind": "question", "body": "Who pays?"})).json()
        url = f"{ME}/pitch/responses/{asked['id']}/reply"
        refused = await client.put(url, json={"reply": "Not us"}, headers=hall.teams[1].auth())
        assert_problem(refused, 404, "pitch_response_not_found")
        answered = await client.put(
            url, json={"reply": "The council"}, headers=hall.teams[0].auth()
        )
        assert answered.status_code == 200, answered.text
        assert answered.json()["reply"] == "The council"
        assert len(events_of(app, "pitch.replied")) == 1

    async def test_only_questions(self, client: httpx.AsyncClient, hall: Hall) -> None:
        offer = (await respond(client, hall, 1, OFFER)).json()
        url = f"{ME}/pitch/responses/{offer['id']}/reply"
        refused = await client.put(url, json={"reply": "Thanks"}, headers=hall.teams[0].auth())
        assert_problem(refused, 422, "not_a_question")


class TestFacilitatorResponds:
    async def test_on_behalf_of_a_table(
        self, app: FastAPI, db: Session, client: httpx.AsyncClient, new_client: Any
    ) -> None:
        facilitator = new_client()
        hall = make_hall(db, facilitator)
        assert (await save_pitch(client, hall.teams[0])).status_code == 200
        pid = await pitch_id(client, hall)
        url = f"{hall.base}/pitches/{pid}/responses"
        made = await facilitator.post(url, json=OFFER | {"table_id": str(hall.teams[1].table.id)})
        assert made.status_code == 201, made.text
        assert made.json()["by_facilitator"] is True
        own = await facilitator.post(url, json=OFFER | {"table_id": str(hall.teams[0].table.id)})
        assert_problem(own, 422, "own_pitch")
        listed = (await facilitator.get(url)).json()
        assert len(listed["items"]) == 1
        assert response_count(app) == 1
