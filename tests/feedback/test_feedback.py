"""Feedback on the session: one response per participant, scores 1-5, open from the glue phase;
the facilitators' summary shows numbers and comments only from five responses on."""

from typing import Any

import httpx
import pytest
from fastapi import FastAPI
from sqlmodel import Session, col, select

from backend.models import Participant, Phase, SessionEvent, SessionFeedback, Workshop
from tests.factories.accounts import make_access_token, make_facilitator, sign_in_client
from tests.factories.participants import make_participant, participant_token, sign_in_participant
from tests.factories.tables import Room, assert_problem, make_room, read_rows
from tests.factories.workshops import make_workshop

MINE = "/api/v1/me/feedback"
GOOD = {"felt_heard": 4, "felt_equal": 5, "trusted_process": 3, "comment": "Kind people"}


def _rows(app: FastAPI) -> list[SessionFeedback]:
    return read_rows(app, select(SessionFeedback).order_by(col(SessionFeedback.created_at)))


def _add_feedback(db: Session, workshop: Workshop, scores: list[int], comment: str | None) -> None:
    person = make_participant(db, workshop, display_name=f"Person {scores}")
    db.add(
        SessionFeedback(
            workshop_id=workshop.id,
            participant_id=person.id,
            felt_heard=scores[0],
            felt_equal=scores[1],
            trusted_process=scores[2],
            comment=comment,
        )
    )
    db.commit()


def _summary_url(room: Room) -> str:
    return f"{room.base}/feedback/summary"


class TestWriteFeedback:
    async def test_give_then_change(
        self, app: FastAPI, db: Session, client: httpx.AsyncClient
    ) -> None:
        room = make_room(db, phase=Phase.outcomes)
        sign_in_participant(db, client, make_participant(db, room.workshop))

        none_yet = await client.get(MINE)
        given = await client.put(MINE, json=GOOD)
        changed = await client.put(MINE, json=GOOD | {"felt_heard": 2, "comment": "  "})
        mine = await client.get(MINE)

        assert none_yet.status_code == 200 and none_yet.json() is None
        assert given.status_code == 200, given.text
        assert given.json()["comment"] == "Kind people"
        assert changed.json()["felt_heard"] == 2 and changed.json()["updated_at"] is not None
        assert mine.json()["felt_heard"] == 2 and mine.json()["comment"] is None
        rows = _rows(app)
        assert len(rows) == 1 and rows[0].felt_heard == 2
        events = read_rows(app, select(SessionEvent))
        assert [(e.kind, e.audience, e.payload) for e in events] == [
            ("feedback.received", "facilitators", {"response_count": 1})
        ] * 2

    async def test_open_in_glue(self, db: Session, client: httpx.AsyncClient) -> None:
        room = make_room(db, phase=Phase.glue)
        sign_in_participant(db, client, make_participant(db, room.workshop))

        response = await client.put(MINE, json=GOOD)

        assert response.status_code == 200, response.text

    @pytest.mark.parametrize("phase", [Phase.engage, Phase.ideate, Phase.pitch, Phase.combine])
    async def test_not_open_yet(
        self, app: FastAPI, db: Session, client: httpx.AsyncClient, phase: Phase
    ) -> None:
        room = make_room(db, phase=phase)
        sign_in_participant(db, client, make_participant(db, room.workshop))

        response = await client.put(MINE, json=GOOD)

        assert_problem(response, 409, "feedback_not_open")
        assert _rows(app) == []

    @pytest.mark.parametrize(
        "changes",
        [
            {"felt_heard": 0},
            {"felt_equal": 6},
            {"trusted_process": -1},
            {"felt_heard": 3.5},
            {"felt_heard": "4"},
            {"felt_equal": True},
            {"trusted_process": None},
            {"comment": "x" * 2001},
            {"participant_id": "00000000-0000-0000-0000-000000000000"},
        ],
    )
    async def test_bad_input_writes_nothing(
        self, app: FastAPI, db: Session, client: httpx.AsyncClient, changes: dict[str, Any]
    ) -> None:
        room = make_room(db, phase=Phase.outcomes)
        sign_in_participant(db, client, make_participant(db, room.workshop))

        response = await client.put(MINE, json=GOOD | changes)

        assert_problem(response, 422, "validation_failed")
        assert _rows(app) == []

    async def test_missing_score(
        self, app: FastAPI, db: Session, client: httpx.AsyncClient
    ) -> None:
        room = make_room(db, phase=Phase.outcomes)
        sign_in_participant(db, client, make_participant(db, room.workshop))

        response = await client.put(MINE, json={"felt_heard": 4, "felt_equal": 4})

        assert_problem(response, 422, "validation_failed")
        assert _rows(app) == []

    async def test_only_participants(
        self, app: FastAPI, db: Session, client: httpx.AsyncClient
    ) -> None:
        make_room(db, client, phase=Phase.outcomes)

        response = await client.put(MINE, json=GOOD)

        assert_problem(response, 401, "unauthenticated")
        assert _rows(app) == []

    async def test_lands_in_own_session_only(
        self, app: FastAPI, db: Session, new_client: Any
    ) -> None:
        room = make_room(db, phase=Phase.outcomes)
        other = make_workshop(db, room.facilitator.organisation, phase=Phase.outcomes)
        facilitator = new_client()
        sign_in_client(db, facilitator, room.facilitator.user)
        for i in range(5):
            outsider = make_participant(db, other, display_name=f"Outsider {i}")
            token, _ = participant_token(db, outsider)
            response = await new_client(spa_like=False).put(
                MINE, json=GOOD, headers={"Authorization": f"Bearer {token}"}
            )
            assert response.status_code == 200, response.text

        here = (await facilitator.get(_summary_url(room))).json()
        there = (await facilitator.get(f"/api/v1/sessions/{other.id}/feedback/summary")).json()

        assert here["response_count"] == 0 and here["suppressed"] is True
        assert there["response_count"] == 5 and there["suppressed"] is False
        assert {row.workshop_id for row in _rows(app)} == {other.id}


class TestSummary:
    async def test_suppressed_under_five(self, db: Session, client: httpx.AsyncClient) -> None:
        room = make_room(db, client, phase=Phase.outcomes)
        for i in range(4):
            _add_feedback(db, room.workshop, [5, 4, 3], f"Comment {i}")

        body = (await client.get(_summary_url(room))).json()

        assert body["response_count"] == 4 and body["suppressed"] is True
        assert body["minimum_responses"] == 5
        assert body["comments"] is None
        assert [q["question"] for q in body["questions"]] == [
            "felt_heard",
            "felt_equal",
            "trusted_process",
        ]
        assert all(q["mean"] is None and q["distribution"] is None for q in body["questions"])
        assert "Comment" not in str(body)

    async def test_shown_from_five(self, db: Session, client: httpx.AsyncClient) -> None:
        room = make_room(db, client, phase=Phase.outcomes)
        scores = [[5, 5, 4], [4, 5, 4], [3, 2, 4], [5, 4, 1], [1, 5, 4]]
        for i, answer in enumerate(scores):
            _add_feedback(db, room.workshop, answer, f"Comment {i}" if i % 2 == 0 else None)

        body = (await client.get(_summary_url(room))).json()

        assert body["response_count"] == 5 and body["suppressed"] is False
        heard, equal, trusted = body["questions"]
        assert heard["mean"] == pytest.approx(3.6)
        assert heard["distribution"] == [1, 0, 1, 1, 2]
        assert equal["distribution"] == [0, 1, 0, 1, 3]
        assert trusted["mean"] == pytest.approx(3.4)
        assert sorted(body["comments"]) == ["Comment 0", "Comment 2", "Comment 4"]
        assert "Person" not in str(body)

    async def test_removed_participants_still_count(
        self, db: Session, client: httpx.AsyncClient
    ) -> None:
        room = make_room(db, client, phase=Phase.outcomes)
        for _ in range(5):
            _add_feedback(db, room.workshop, [3, 3, 3], None)
        person = db.exec(
            select(Participant).where(Participant.workshop_id == room.workshop.id)
        ).first()
        assert person is not None
        person.status = "removed"  # type: ignore[assignment]
        db.add(person)
        db.commit()

        body = (await client.get(_summary_url(room))).json()

        assert body["response_count"] == 5

    async def test_other_organisation(self, db: Session, client: httpx.AsyncClient) -> None:
        room = make_room(db, phase=Phase.outcomes)
        for _ in range(5):
            _add_feedback(db, room.workshop, [3, 3, 3], "Secret")
        sign_in_client(db, client, make_facilitator(db).user)
        token = make_access_token(db, make_facilitator(db).user)

        by_cookie = await client.get(_summary_url(room))
        client.cookies.clear()
        by_token = await client.get(
            _summary_url(room), headers={"Authorization": f"Bearer {token}"}
        )

        assert_problem(by_cookie, 404, "session_not_found")
        assert_problem(by_token, 404, "session_not_found")
        assert "Secret" not in by_cookie.text + by_token.text

    async def test_participants_cannot_read_it(
        self, db: Session, client: httpx.AsyncClient
    ) -> None:
        room = make_room(db, phase=Phase.outcomes)
        sign_in_participant(db, client, make_participant(db, room.workshop))

        response = await client.get(_summary_url(room))

        assert_problem(response, 401, "unauthenticated")
