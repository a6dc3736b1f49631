"""The method's rules: budget and caps, tie-breaks (run-off and earliest), majority of the present
members, facilitator closes on record, and stepping back keeps what was cast."""

import uuid
from datetime import UTC, datetime, timedelta

import httpx
from fastapi import FastAPI
from sqlmodel import Session, select

from backend.models import IdeaStatus, Phase, ReductionStage, RoundClosure, TieBreak
from backend.reduction import counting
from tests.factories.reduction import (
    ME,
    Board,
    arrange,
    give_score,
    make_board,
    mark_seen,
    place_dots,
    reduction_row,
    set_rules,
    votes_of,
)
from tests.factories.tables import assert_problem, read_rows


async def vote(
    client: httpx.AsyncClient, board: Board, member: int, idea: int, dots: int
) -> httpx.Response:
    return await client.post(
        f"{ME}/votes",
        json={"idea_id": str(board.ideas[idea].id), "dots": dots},
        headers=board.auth(member),
    )


async def state(client: httpx.AsyncClient, board: Board, member: int = 0) -> dict:  # type: ignore[type-arg]
    response = await client.get(f"{ME}/reduction", headers=board.auth(member))
    assert response.status_code == 200, response.text
    return response.json()  # type: ignore[no-any-return]


def places(body: dict) -> list[tuple[int, str]]:  # type: ignore[type-arg]
    return [(e["place"], e["idea_id"], e["decided_by"]) for e in body["shortlist"]]  # type: ignore[misc]


class TestBudgetAndCap:
    async def test_configured_budget_across_ideas(
        self, db: Session, client: httpx.AsyncClient
    ) -> None:
        board = make_board(db)
        set_rules(db, board, budget=3, cap=1)
        for idea in (0, 1, 2):
            assert (await vote(client, board, 0, idea, 1)).status_code == 200
        assert_problem(await vote(client, board, 0, 3, 1), 422, "dot_budget_exceeded")
        assert_problem(await vote(client, board, 1, 0, 2), 422, "dot_cap_exceeded")
        body = await state(client, board)
        assert body["me"]["dots_left"] == 0
        assert body["settings"]["locked"] is True

    async def test_dots_on_combined_idea_come_back(
        self, db: Session, client: httpx.AsyncClient
    ) -> None:
        board = make_board(db)
        place_dots(db, board, 0, 0, 3)
        board.ideas[0].status = IdeaStatus.combined
        db.add(board.ideas[0])
        db.commit()
        body = await state(client, board)
        assert body["me"]["dots_left"] == 5
        assert all(t["idea_id"] != str(board.ideas[0].id) for t in body["tally"])

    async def test_withdraw_frees_dots(self, db: Session, client: httpx.AsyncClient) -> None:
        board = make_board(db)
        assert (await vote(client, board, 0, 0, 3)).status_code == 200
        assert (await vote(client, board, 0, 1, 2)).status_code == 200
        await client.delete(f"{ME}/votes/{board.ideas[0].id}", headers=board.auth())
        assert (await vote(client, board, 0, 2, 3)).status_code == 200


class TestTieBreaks:
    async def test_runoff_then_runoff_decides(self, db: Session, client: httpx.AsyncClient) -> None:
        board = make_board(db, members=1)
        # idea 0: 3 dots; ideas 1, 2, 3 tied on 2 for the last two places.
        set_rules(db, board, budget=10, cap=3)
        for idea, dots in ((0, 3), (1, 2), (2, 2), (3, 2)):
            place_dots(db, board, 0, idea, dots)
        body = (await client.post(f"{ME}/votes/close", headers=board.auth())).json()
        assert body["stage"] == "runoff"
        assert body["runoff"]["places"] == 2
        assert [c["idea_id"] for c in body["runoff"]["candidates"]] == [
            str(board.ideas[i].id) for i in (1, 2, 3)
        ]
        assert places(body) == [(1, str(board.ideas[0].id), "votes")]
        await client.post(
            f"{ME}/runoff-votes", json={"idea_id": str(board.ideas[3].id)}, headers=board.auth()
        )
        body = (await client.post(f"{ME}/runoff-votes/close", headers=board.auth())).json()
        # idea 3 won the run-off; ideas 1 and 2 are still tied (0 votes): the earlier, idea 1.
        assert places(body) == [
            (1, str(board.ideas[0].id), "votes"),
            (2, str(board.ideas[3].id), "runoff"),
            (3, str(board.ideas[1].id), "earliest"),
        ]
        assert body["stage"] == "scoring"

    async def test_earliest_applies_directly(self, db: Session, client: httpx.AsyncClient) -> None:
        board = make_board(db, members=1)
        set_rules(db, board, budget=10, cap=3, tie_break=TieBreak.earliest)
        for idea, dots in ((4, 1), (2, 1), (3, 1), (1, 3)):
            place_dots(db, board, 0, idea, dots)
        body = (await client.post(f"{ME}/votes/close", headers=board.auth())).json()
        assert body["stage"] == "scoring"
        assert body["runoff"] is None
        assert places(body) == [
            (1, str(board.ideas[1].id), "votes"),
            (2, str(board.ideas[2].id), "earliest"),
            (3, str(board.ideas[3].id), "earliest"),
        ]

    async def test_tie_that_fits_needs_no_breaking(
        self, db: Session, client: httpx.AsyncClient
    ) -> None:
        board = make_board(db, members=1)
        set_rules(db, board, budget=10, cap=3)
        for idea, dots in ((0, 3), (1, 2), (2, 2), (3, 1)):
            place_dots(db, board, 0, idea, dots)
        body = (await client.post(f"{ME}/votes/close", headers=board.auth())).json()
        assert [d for _, _, d in places(body)] == ["votes"] * 3

    async def test_fewer_than_three_voted(self, db: Session, client: httpx.AsyncClient) -> None:
        board = make_board(db, members=1)
        place_dots(db, board, 0, 4, 1)
        body = (await client.post(f"{ME}/votes/close", headers=board.auth())).json()
        assert places(body) == [(1, str(board.ideas[4].id), "votes")]
        assert body["stage"] == "scoring"

    def test_default_choice_ties(self) -> None:
        a, b, c = uuid.uuid4(), uuid.uuid4(), uuid.uuid4()
        t0 = datetime(2025, 1, 1, tzinfo=UTC)
        ages = {a: (t0, a), b: (t0 + timedelta(1), b), c: (t0 + timedelta(2), c)}
        assert counting.default_choice([a, b, c], {a: (9, 2), b: (9, 4), c: (8, 5)}, ages) == b
        assert counting.default_choice([a, b, c], {b: (9, 4), c: (9, 4)}, ages) == b
        assert counting.default_choice([c, b], {}, ages) == b


class TestMajorityOfPresent:
    async def test_absent_members_do_not_count(
        self, app: FastAPI, db: Session, client: httpx.AsyncClient
    ) -> None:
        board = make_board(db, members=5, present=2)  # members 0 and 1 present
        place_dots(db, board, 0, 0, 1)
        body = await state(client, board, 0)
        assert body["agreement"]["present"] == 2
        assert body["agreement"]["needed"] == 2
        assert [m["present"] for m in body["members"]] == [True, True, False, False, False]
        await client.post(f"{ME}/votes/close", headers=board.auth(0))
        assert reduction_row(app, board).stage == "voting"  # type: ignore[union-attr]
        body = (await client.post(f"{ME}/votes/close", headers=board.auth(1))).json()
        assert body["stage"] == "scoring"
        assert body["closures"][0]["present"] == 2

    async def test_long_gone_device_is_absent(self, db: Session, client: httpx.AsyncClient) -> None:
        board = make_board(db, members=3)
        mark_seen(db, board.members[2], ago=timedelta(minutes=11))
        body = await state(client, board, 0)
        assert body["agreement"]["present"] == 2

    async def test_acting_member_becomes_present(
        self, db: Session, client: httpx.AsyncClient
    ) -> None:
        board = make_board(db, members=3, present=0)
        place_dots(db, board, 0, 0, 1)
        body = (await client.post(f"{ME}/votes/close", headers=board.auth(0))).json()
        # Alone present, the caller's own agreement is a majority of one.
        assert body["stage"] == "scoring"

    async def test_half_is_not_a_majority(
        self, app: FastAPI, db: Session, client: httpx.AsyncClient
    ) -> None:
        board = make_board(db, members=4)
        place_dots(db, board, 0, 0, 1)
        for member in (0, 1):
            await client.post(f"{ME}/votes/close", headers=board.auth(member))
        assert reduction_row(app, board).stage == "voting"  # type: ignore[union-attr]
        body = (await client.post(f"{ME}/votes/close", headers=board.auth(2))).json()
        assert body["stage"] == "scoring"


class TestFacilitatorClose:
    async def test_every_round_recorded(
        self, app: FastAPI, db: Session, client: httpx.AsyncClient
    ) -> None:
        board = make_board(db, client)
        place_dots(db, board, 0, 0, 1)
        await client.post(f"{board.table_base}/close-round", json={"stage": "voting"})
        give_score(db, board, 0, 0, 3, 3, 3)
        await client.post(f"{board.table_base}/close-round", json={"stage": "scoring"})
        body = (
            await client.post(f"{board.table_base}/close-round", json={"stage": "choosing"})
        ).json()
        assert body["stage"] == "chosen"
        assert [(c["stage"], c["decided_by"]) for c in body["closures"]] == [
            ("voting", "facilitator"),
            ("scoring", "facilitator"),
            ("choosing", "facilitator"),
        ]
        assert body["choice"]["decided_by"] == "facilitator"
        member = await state(client, board)
        assert member["closures"][0]["closed_by_name"] == board.room.facilitator.user.name

    async def test_outside_reduce(
        self, app: FastAPI, db: Session, client: httpx.AsyncClient
    ) -> None:
        board = make_board(db, client, phase=Phase.storyboard)
        place_dots(db, board, 0, 0, 1)
        response = await client.post(f"{board.table_base}/close-round", json={"stage": "voting"})
        assert_problem(response, 422, "phase_closed")
        assert read_rows(app, select(RoundClosure)) == []


class TestSteppingBack:
    async def test_phase_step_back_keeps_votes(
        self, app: FastAPI, db: Session, client: httpx.AsyncClient
    ) -> None:
        board = make_board(db, client)
        assert (await vote(client, board, 0, 1, 2)).status_code == 200
        back = await client.post(
            f"{board.room.base}/phase", json={"to": "ideate", "reason": "More ideas first"}
        )
        assert back.status_code == 200, back.text
        assert_problem(await vote(client, board, 0, 2, 1), 422, "phase_closed")
        body = await state(client, board)
        assert body["phase_open"] is False
        assert body["me"]["votes"] == {str(board.ideas[1].id): 2}
        assert len(votes_of(app, board)) == 1
        forward = await client.post(f"{board.room.base}/phase", json={"to": "reduce"})
        assert forward.status_code == 200, forward.text
        body = await state(client, board)
        assert body["phase_open"] is True
        assert body["tally"][0]["dots"] == 2
        assert (await vote(client, board, 0, 2, 1)).status_code == 200

    async def test_reopen_runoff_keeps_runoff_votes(
        self, db: Session, client: httpx.AsyncClient
    ) -> None:
        board = make_board(db, client, members=1)
        set_rules(db, board, budget=10)
        for idea, dots in ((0, 3), (1, 1), (2, 1), (3, 1)):
            place_dots(db, board, 0, idea, dots)
        await client.post(f"{ME}/votes/close", headers=board.auth())
        await client.post(
            f"{ME}/runoff-votes", json={"idea_id": str(board.ideas[2].id)}, headers=board.auth()
        )
        await client.post(f"{ME}/runoff-votes/close", headers=board.auth())
        give_score(db, board, 0, 2, 5, 5, 5)
        body = (await client.post(f"{board.table_base}/reopen", json={"stage": "runoff"})).json()
        assert body["stage"] == "runoff"
        assert [e["decided_by"] for e in body["shortlist"]] == ["votes"]
        assert body["runoff"]["voters"] == 1
        assert (
            body["closures"] == [body["closures"][0]] and body["closures"][0]["stage"] == "voting"
        )
        body = (await client.post(f"{ME}/runoff-votes/close", headers=board.auth())).json()
        assert body["stage"] == "scoring"
        scored = {s["idea_id"]: s["totals"]["overall"] for s in body["scores"]}
        assert scored[str(board.ideas[2].id)] == 15  # the score counts again

    async def test_reopen_runoff_without_one(self, db: Session, client: httpx.AsyncClient) -> None:
        board = make_board(db, client)
        arrange(db, board, ReductionStage.scoring, [0])
        response = await client.post(f"{board.table_base}/reopen", json={"stage": "runoff"})
        assert_problem(response, 409, "cannot_reopen")
