"""DELETE /me/table/agreements/{stage}: take back "I agree to close" before the round closes."""

from typing import Any

import httpx
from fastapi import FastAPI
from sqlmodel import Session, col, select

from backend.models import Phase, ReductionStage, RoundAgreement, SessionEvent
from tests.factories.ideas import count, event_kinds
from tests.factories.reduction import ME, Board, arrange, make_board, place_dots
from tests.factories.tables import assert_problem, read_rows


async def agree(client: httpx.AsyncClient, board: Board, member: int) -> httpx.Response:
    return await client.post(f"{ME}/votes/close", headers=board.auth(member))


async def withdraw(
    client: httpx.AsyncClient, board: Board, member: int, stage: str = "voting", **headers: str
) -> httpx.Response:
    return await client.delete(f"{ME}/agreements/{stage}", headers=board.auth(member) | headers)


def last_payload(app: FastAPI, kind: str) -> dict[str, Any]:
    rows = read_rows(
        app,
        select(SessionEvent.payload)
        .where(SessionEvent.kind == kind)
        .order_by(col(SessionEvent.seq)),
    )
    return rows[-1]


class TestWithdrawAgreement:
    async def test_valid(self, app: FastAPI, db: Session, client: httpx.AsyncClient) -> None:
        board = make_board(db, members=5)
        place_dots(db, board, 0, 0, 2)
        for member in (0, 1):
            assert (await agree(client, board, member)).status_code == 200
        response = await withdraw(client, board, 1)
        assert response.status_code == 200, response.text
        body = response.json()
        assert body["stage"] == "voting"
        assert body["agreement"]["agreed_by"] == [str(board.members[0].id)]
        assert body["agreement"]["agreed_present"] == 1
        assert body["me"]["agreed"] is False
        assert event_kinds(app)[-1] == "reduction.agreement_withdrawn"
        assert last_payload(app, "reduction.agreement_withdrawn") == {
            "table_id": str(board.table.id),
            "stage": "voting",
            "participant_id": str(board.members[1].id),
            "agreed_present": 1,
            "needed": 3,
        }
        assert count(app, RoundAgreement) == 1

    async def test_withdrawn_agreement_no_longer_counts(
        self, app: FastAPI, db: Session, client: httpx.AsyncClient
    ) -> None:
        board = make_board(db, members=3)
        place_dots(db, board, 0, 0, 2)
        await agree(client, board, 0)
        await withdraw(client, board, 0)
        # Member 1 agreeing alone is not a majority of 3: the round stays open.
        assert (await agree(client, board, 1)).json()["stage"] == "voting"
        assert (await agree(client, board, 2)).json()["stage"] == "scoring"

    async def test_nothing_to_withdraw(
        self, app: FastAPI, db: Session, client: httpx.AsyncClient
    ) -> None:
        board = make_board(db)
        before = len(event_kinds(app))
        response = await withdraw(client, board, 0)
        assert response.status_code == 200, response.text
        assert response.json()["agreement"]["agreed_by"] == []
        assert len(event_kinds(app)) == before

    async def test_round_already_closed(
        self, app: FastAPI, db: Session, client: httpx.AsyncClient
    ) -> None:
        board = make_board(db, members=1)
        place_dots(db, board, 0, 0, 2)
        assert (await agree(client, board, 0)).json()["stage"] == "scoring"
        assert_problem(await withdraw(client, board, 0), 409, "stage_closed")
        assert event_kinds(app)[-1] != "reduction.agreement_withdrawn"

    async def test_confirmation_of_the_proposal(
        self, app: FastAPI, db: Session, client: httpx.AsyncClient
    ) -> None:
        board = make_board(db, members=5)
        arrange(db, board, ReductionStage.choosing, [0, 1, 2], proposal_idea_id=board.ideas[0].id)
        pick = {"idea_id": str(board.ideas[0].id)}
        await client.post(f"{ME}/choice/confirm", json=pick, headers=board.auth(0))
        assert_problem(await withdraw(client, board, 0, "voting"), 409, "stage_closed")
        response = await withdraw(client, board, 0, "choosing")
        assert response.status_code == 200, response.text
        assert response.json()["proposal"]["confirmed_by"] == []
        assert count(app, RoundAgreement) == 0

    async def test_only_my_own(self, app: FastAPI, db: Session, client: httpx.AsyncClient) -> None:
        board = make_board(db)
        place_dots(db, board, 0, 0, 2)
        await agree(client, board, 0)
        other = make_board(db, room=board.room)  # another table of the same session
        await withdraw(client, other, 0)
        assert count(app, RoundAgreement) == 1

    async def test_unknown_stage(self, db: Session, client: httpx.AsyncClient) -> None:
        board = make_board(db)
        assert_problem(await withdraw(client, board, 0, "chosen"), 422, "validation_failed")

    async def test_phase_closed(self, db: Session, client: httpx.AsyncClient) -> None:
        board = make_board(db, phase=Phase.storyboard)
        assert_problem(await withdraw(client, board, 0), 422, "phase_closed")

    async def test_idempotency_key(
        self, app: FastAPI, db: Session, client: httpx.AsyncClient
    ) -> None:
        board = make_board(db, members=5)
        place_dots(db, board, 0, 0, 2)
        await agree(client, board, 0)
        first = await withdraw(client, board, 0, **{"Idempotency-Key": "w-1"})
        replay = await withdraw(client, board, 0, **{"Idempotency-Key": "w-1"})
        assert replay.headers["Idempotent-Replayed"] == "true"
        assert replay.json() == first.json()
        assert event_kinds(app).count("reduction.agreement_withdrawn") == 1
