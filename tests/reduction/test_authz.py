"""Nobody outside a table sees or changes its votes, scores or choice; facilitators never vote."""

from collections.abc import Callable

import httpx
import pytest
from fastapi import FastAPI
from sqlmodel import Session, select

from backend.kit.clock import utcnow
from backend.models import (
    DotVote,
    IdeaScore,
    ParticipantDevice,
    ReductionSettings,
    RoundAgreement,
    RoundClosure,
    RunoffVote,
    TableChoice,
)
from tests.factories.accounts import make_access_token, make_facilitator, sign_in_client
from tests.factories.ideas import count
from tests.factories.participants import participant_token
from tests.factories.reduction import ME, Board, make_board, place_dots
from tests.factories.tables import assert_problem, make_room

WRITTEN = (
    DotVote,
    RunoffVote,
    IdeaScore,
    RoundAgreement,
    RoundClosure,
    TableChoice,
    ReductionSettings,
)


def member_calls(board: Board) -> list[tuple[str, str, dict[str, object] | None]]:
    idea = str(board.ideas[0].id)
    return [
        ("POST", f"{ME}/votes", {"idea_id": idea, "dots": 1}),
        ("DELETE", f"{ME}/votes/{idea}", None),
        ("PUT", f"{ME}/votes/{idea}", {"dots": 1}),
        ("POST", f"{ME}/runoff-votes", {"idea_id": idea}),
        ("PUT", f"{ME}/scores/{idea}", {"desirability": 3, "feasibility": 3, "viability": 3}),
        ("POST", f"{ME}/choice/propose", {"idea_id": idea}),
        ("POST", f"{ME}/choice/confirm", {"idea_id": idea}),
    ]


def facilitator_calls(board: Board) -> list[tuple[str, str, dict[str, object] | None]]:
    return [
        ("GET", f"{board.room.base}/reduction-settings", None),
        ("PUT", f"{board.room.base}/reduction-settings", {"dot_budget": 9}),
        ("GET", f"{board.room.base}/reduction", None),
        ("GET", board.table_base, None),
        ("POST", f"{board.table_base}/close-round", {"stage": "voting"}),
        ("POST", f"{board.table_base}/reopen", {"stage": "voting"}),
    ]


def nothing_written(app: FastAPI, votes: int = 1) -> None:
    assert count(app, DotVote) == votes
    for model in WRITTEN[1:]:
        assert count(app, model) == 0, model


async def send(
    client: httpx.AsyncClient,
    method: str,
    url: str,
    body: object,
    headers: dict[str, str] | None = None,
) -> httpx.Response:
    return await client.request(method, url, json=body, headers=headers or {})


@pytest.fixture
def board(db: Session) -> Board:
    board = make_board(db)
    place_dots(db, board, 0, 0, 1)
    return board


class TestOtherTablesMembers:
    @pytest.mark.parametrize("same_session", [True, False])
    async def test_cannot_touch_ideas(
        self, app: FastAPI, db: Session, client: httpx.AsyncClient, board: Board, same_session: bool
    ) -> None:
        room = board.room if same_session else make_room(db, phase=board.room.workshop.phase)
        stranger = make_board(db, room=room, members=1, ideas=1)
        for method, url, body in member_calls(board):
            response = await send(client, method, url, body, stranger.auth())
            assert_problem(response, 404, "idea_not_found")
        state = (await client.get(f"{ME}/reduction", headers=stranger.auth())).json()
        assert state["table_id"] == str(stranger.table.id)
        assert {t["idea_id"] for t in state["tally"]} == {str(stranger.ideas[0].id)}
        nothing_written(app)

    async def test_participant_cannot_use_facilitator_paths(
        self, app: FastAPI, db: Session, client: httpx.AsyncClient, board: Board
    ) -> None:
        for method, url, body in facilitator_calls(board):
            response = await send(client, method, url, body, board.auth())
            assert_problem(response, 401, "unauthenticated")
        nothing_written(app)


class TestOtherOrganisation:
    async def test_facilitator_gets_404(
        self, app: FastAPI, db: Session, client: httpx.AsyncClient, board: Board
    ) -> None:
        sign_in_client(db, client, make_facilitator(db).user)
        for method, url, body in facilitator_calls(board):
            response = await send(client, method, url, body)
            assert_problem(response, 404, "session_not_found")
        nothing_written(app)

    async def test_other_table_id_in_own_session(
        self, app: FastAPI, db: Session, client: httpx.AsyncClient, board: Board
    ) -> None:
        sign_in_client(db, client, board.room.facilitator.user)
        elsewhere = make_board(db)  # another organisation's table
        url = f"{board.room.base}/tables/{elsewhere.table.id}/reduction"
        assert_problem(await client.get(url), 404, "table_not_found")
        response = await client.post(f"{url}/close-round", json={"stage": "voting"})
        assert_problem(response, 404, "table_not_found")
        nothing_written(app)


class TestAnonymous:
    async def test_everything_401(
        self, app: FastAPI, client: httpx.AsyncClient, board: Board
    ) -> None:
        calls = [*member_calls(board), *facilitator_calls(board), ("GET", f"{ME}/reduction", None)]
        for method, url, body in calls:
            assert_problem(await send(client, method, url, body), 401, "unauthenticated")
        nothing_written(app)


class TestFacilitatorsDoNotVote:
    async def test_cookie(
        self, app: FastAPI, db: Session, client: httpx.AsyncClient, board: Board
    ) -> None:
        sign_in_client(db, client, board.room.facilitator.user)
        closing = [("POST", f"{ME}/votes/close", None), ("DELETE", f"{ME}/agreements/voting", None)]
        for method, url, body in [*member_calls(board), *closing]:
            response = await send(client, method, url, body)
            assert_problem(response, 403, "facilitators_do_not_vote")
        nothing_written(app)

    async def test_token(
        self, app: FastAPI, db: Session, client: httpx.AsyncClient, board: Board
    ) -> None:
        token = make_access_token(db, board.room.facilitator.user)
        headers = {"Authorization": f"Bearer {token}"}
        for method, url, body in member_calls(board):
            response = await send(client, method, url, body, headers)
            assert_problem(response, 403, "facilitators_do_not_vote")
        nothing_written(app)


class TestScopes:
    async def test_read_only_token(
        self, app: FastAPI, db: Session, new_client: Callable[..., httpx.AsyncClient], board: Board
    ) -> None:
        client = new_client()
        token = make_access_token(db, board.room.facilitator.user, frozenset({"sessions:read"}))
        headers = {"Authorization": f"Bearer {token}"}
        assert (await client.get(board.table_base, headers=headers)).status_code == 200
        for method, url, body in facilitator_calls(board):
            if method != "GET":
                response = await send(client, method, url, body, headers)
                assert response.status_code == 403, response.text
        nothing_written(app)


class TestRemovedDevice:
    async def test_revoked_member_token(
        self, app: FastAPI, db: Session, client: httpx.AsyncClient, board: Board
    ) -> None:
        token, _ = participant_token(db, board.members[1])
        for device in db.exec(select(ParticipantDevice)).all():
            device.revoked_at = utcnow()
            db.add(device)
        db.commit()
        response = await client.post(
            f"{ME}/votes",
            json={"idea_id": str(board.ideas[0].id)},
            headers={"Authorization": f"Bearer {token}"},
        )
        assert_problem(response, 401, "unauthenticated")
        nothing_written(app)
