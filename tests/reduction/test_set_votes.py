"""PUT /me/table/votes/{idea_id}: set my dots on one idea to a count, in one write."""

from typing import Any

import httpx
from fastapi import FastAPI
from sqlmodel import Session, col, select

from backend.models import IdeaStatus, Phase, ReductionStage, SessionEvent
from tests.factories.ideas import event_kinds, make_idea
from tests.factories.reduction import ME, Board, arrange, make_board, place_dots, votes_of
from tests.factories.tables import assert_problem, make_table, read_rows


async def set_dots(
    client: httpx.AsyncClient, board: Board, idea: int, dots: int, member: int = 0, **headers: str
) -> httpx.Response:
    return await client.put(
        f"{ME}/votes/{board.ideas[idea].id}",
        json={"dots": dots},
        headers=board.auth(member) | headers,
    )


def last_tally(app: FastAPI) -> dict[str, Any]:
    payloads = read_rows(
        app,
        select(SessionEvent.payload)
        .where(SessionEvent.kind == "vote.tallied")
        .order_by(col(SessionEvent.seq)),
    )
    return {e["idea_id"]: e["dots"] for e in payloads[-1]["tally"]}


class TestSetVotes:
    async def test_one_fewer_is_one_write(
        self, app: FastAPI, db: Session, client: httpx.AsyncClient
    ) -> None:
        board = make_board(db)
        place_dots(db, board, 0, 0, 3)
        place_dots(db, board, 1, 0, 1)
        response = await set_dots(client, board, 0, 2)
        assert response.status_code == 200, response.text
        assert response.json() == {
            "idea_id": str(board.ideas[0].id),
            "my_dots": 2,
            "idea_dots": 3,
            "dots_left": 3,
        }
        assert votes_of(app, board) == {
            (board.members[0].id, board.ideas[0].id): 2,
            (board.members[1].id, board.ideas[0].id): 1,
        }
        assert last_tally(app) == {str(board.ideas[0].id): 3}

    async def test_from_none_and_to_zero(
        self, app: FastAPI, db: Session, client: httpx.AsyncClient
    ) -> None:
        board = make_board(db)
        assert (await set_dots(client, board, 1, 2)).json()["my_dots"] == 2
        assert votes_of(app, board) == {(board.members[0].id, board.ideas[1].id): 2}
        cleared = await set_dots(client, board, 1, 0)
        assert cleared.status_code == 200, cleared.text
        assert cleared.json() == {
            "idea_id": str(board.ideas[1].id),
            "my_dots": 0,
            "idea_dots": 0,
            "dots_left": 5,
        }
        assert votes_of(app, board) == {}

    async def test_same_count_changes_nothing(
        self, app: FastAPI, db: Session, client: httpx.AsyncClient
    ) -> None:
        board = make_board(db)
        place_dots(db, board, 0, 0, 2)
        before = len(event_kinds(app))
        again = await set_dots(client, board, 0, 2)
        assert again.status_code == 200 and again.json()["my_dots"] == 2
        nothing = await set_dots(client, board, 1, 0)  # no dots there: no error either
        assert nothing.status_code == 200 and nothing.json()["my_dots"] == 0
        assert len(event_kinds(app)) == before

    async def test_budget_counts_my_other_ideas(
        self, app: FastAPI, db: Session, client: httpx.AsyncClient
    ) -> None:
        board = make_board(db)
        place_dots(db, board, 0, 0, 3)
        place_dots(db, board, 0, 1, 1)
        assert_problem(await set_dots(client, board, 2, 2), 422, "dot_budget_exceeded")
        # Fewer on an idea is always possible, and frees dots for another.
        assert (await set_dots(client, board, 0, 1)).json()["dots_left"] == 3
        assert (await set_dots(client, board, 2, 2)).json()["dots_left"] == 1
        assert votes_of(app, board) == {
            (board.members[0].id, board.ideas[0].id): 1,
            (board.members[0].id, board.ideas[1].id): 1,
            (board.members[0].id, board.ideas[2].id): 2,
        }

    async def test_cap(self, app: FastAPI, db: Session, client: httpx.AsyncClient) -> None:
        board = make_board(db)
        place_dots(db, board, 0, 0, 1)
        assert_problem(await set_dots(client, board, 0, 4), 422, "dot_cap_exceeded")
        assert votes_of(app, board) == {(board.members[0].id, board.ideas[0].id): 1}

    async def test_out_of_range(self, db: Session, client: httpx.AsyncClient) -> None:
        board = make_board(db)
        assert_problem(await set_dots(client, board, 0, -1), 422, "validation_failed")
        assert_problem(await set_dots(client, board, 0, 51), 422, "validation_failed")

    async def test_combined_idea(
        self, app: FastAPI, db: Session, client: httpx.AsyncClient
    ) -> None:
        board = make_board(db)
        place_dots(db, board, 0, 0, 2)
        board.ideas[0].status = IdeaStatus.combined
        db.add(board.ideas[0])
        db.commit()
        assert_problem(await set_dots(client, board, 0, 1), 422, "idea_not_active")
        # Taking dots back from a combined idea is fine.
        assert (await set_dots(client, board, 0, 0)).status_code == 200
        assert votes_of(app, board) == {}

    async def test_other_tables_idea(
        self, app: FastAPI, db: Session, client: httpx.AsyncClient
    ) -> None:
        board = make_board(db)
        other = make_idea(db, make_table(db, board.room.workshop), text="Elsewhere")
        response = await client.put(
            f"{ME}/votes/{other.id}", json={"dots": 1}, headers=board.auth()
        )
        assert_problem(response, 404, "idea_not_found")
        assert votes_of(app, board) == {}

    async def test_stage_and_phase_closed(
        self, app: FastAPI, db: Session, client: httpx.AsyncClient
    ) -> None:
        board = make_board(db)
        place_dots(db, board, 0, 0, 2)
        arrange(db, board, ReductionStage.scoring, [0])
        assert_problem(await set_dots(client, board, 0, 1), 409, "stage_closed")
        ideate = make_board(db, phase=Phase.ideate)
        assert_problem(await set_dots(client, ideate, 0, 1), 422, "phase_closed")
        assert votes_of(app, board) == {(board.members[0].id, board.ideas[0].id): 2}

    async def test_idempotency_key(
        self, app: FastAPI, db: Session, client: httpx.AsyncClient
    ) -> None:
        board = make_board(db)
        first = await set_dots(client, board, 0, 2, **{"Idempotency-Key": "s-1"})
        # Meanwhile the member changes their mind on another device.
        await set_dots(client, board, 0, 3)
        replay = await set_dots(client, board, 0, 2, **{"Idempotency-Key": "s-1"})
        assert replay.headers["Idempotent-Replayed"] == "true"
        assert replay.json() == first.json()
        assert votes_of(app, board) == {(board.members[0].id, board.ideas[0].id): 3}
        reused = await set_dots(client, board, 1, 2, **{"Idempotency-Key": "s-1"})
        assert_problem(reused, 422, "idempotency_key_reused")
