"""One class per reduction operation: the happy path and each refusal, with what was written."""

import httpx
from fastapi import FastAPI
from sqlmodel import Session, col, select

from backend.models import (
    IdeaScore,
    IdeaStatus,
    Phase,
    ReductionSettings,
    ReductionStage,
    RoundAgreement,
    RoundClosure,
    RunoffVote,
    TableChoice,
    TableReduction,
    TieBreak,
)
from tests.factories.ideas import count, event_kinds, make_idea, make_seated, record_count
from tests.factories.participants import make_participant, participant_token
from tests.factories.reduction import (
    ME,
    Board,
    arrange,
    give_score,
    make_board,
    place_dots,
    reduction_row,
    votes_of,
)
from tests.factories.tables import assert_problem, make_table, read_rows


async def vote(
    client: httpx.AsyncClient, board: Board, member: int, idea: int, dots: int = 1, **headers: str
) -> httpx.Response:
    return await client.post(
        f"{ME}/votes",
        json={"idea_id": str(board.ideas[idea].id), "dots": dots},
        headers=board.auth(member) | headers,
    )


class TestReadMyReduction:
    async def test_defaults_before_voting(self, db: Session, client: httpx.AsyncClient) -> None:
        board = make_board(db)
        response = await client.get(f"{ME}/reduction", headers=board.auth())
        assert response.status_code == 200, response.text
        body = response.json()
        assert body["stage"] == "voting"
        assert body["phase_open"] is True
        assert body["settings"]["dot_budget"] == 5
        assert body["settings"]["dot_cap"] == 3
        assert body["settings"]["shortlist_size"] == 3
        assert body["settings"]["tie_break"] == "runoff"
        assert "run-off" in body["settings"]["tie_break_text"]["en"]
        assert body["settings"]["tie_break_text"]["cy"]
        assert body["me"]["dots_left"] == 5
        assert len(body["tally"]) == 5
        assert body["agreement"] == {
            "stage": "voting",
            "agreed_by": [],
            "agreed_present": 0,
            "present": 3,
            "needed": 2,
        }
        assert body["shortlist"] == [] and body["choice"] is None

    async def test_not_seated(self, db: Session, client: httpx.AsyncClient) -> None:
        seated = make_seated(db, phase=Phase.reduce)
        loner = make_participant(db, seated.room.workshop)
        token, _ = participant_token(db, loner)
        response = await client.get(f"{ME}/reduction", headers={"Authorization": f"Bearer {token}"})
        assert_problem(response, 409, "not_seated")

    async def test_anonymous(self, client: httpx.AsyncClient) -> None:
        assert_problem(await client.get(f"{ME}/reduction"), 401, "unauthenticated")


class TestAddVotes:
    async def test_valid(self, app: FastAPI, db: Session, client: httpx.AsyncClient) -> None:
        board = make_board(db)
        response = await vote(client, board, 0, 1, 2)
        assert response.status_code == 200, response.text
        assert response.json() == {
            "idea_id": str(board.ideas[1].id),
            "my_dots": 2,
            "idea_dots": 2,
            "dots_left": 3,
        }
        assert votes_of(app, board) == {(board.members[0].id, board.ideas[1].id): 2}
        assert event_kinds(app)[-1] == "vote.tallied"
        again = await vote(client, board, 0, 1, 1)
        assert again.json()["my_dots"] == 3
        assert votes_of(app, board) == {(board.members[0].id, board.ideas[1].id): 3}

    async def test_budget_exceeded(
        self, app: FastAPI, db: Session, client: httpx.AsyncClient
    ) -> None:
        board = make_board(db)
        for idea in (0, 1):
            assert (await vote(client, board, 0, idea, 2)).status_code == 200
        assert_problem(await vote(client, board, 0, 2, 2), 422, "dot_budget_exceeded")
        assert len(votes_of(app, board)) == 2

    async def test_cap_exceeded(self, app: FastAPI, db: Session, client: httpx.AsyncClient) -> None:
        board = make_board(db)
        assert (await vote(client, board, 0, 0, 2)).status_code == 200
        assert_problem(await vote(client, board, 0, 0, 2), 422, "dot_cap_exceeded")
        assert votes_of(app, board) == {(board.members[0].id, board.ideas[0].id): 2}

    async def test_other_tables_idea(
        self, app: FastAPI, db: Session, client: httpx.AsyncClient
    ) -> None:
        board = make_board(db)
        other = make_idea(db, make_table(db, board.room.workshop), text="Elsewhere")
        response = await client.post(
            f"{ME}/votes", json={"idea_id": str(other.id)}, headers=board.auth()
        )
        assert_problem(response, 404, "idea_not_found")
        assert votes_of(app, board) == {}

    async def test_combined_idea(
        self, app: FastAPI, db: Session, client: httpx.AsyncClient
    ) -> None:
        board = make_board(db)
        board.ideas[0].status = IdeaStatus.combined
        db.add(board.ideas[0])
        db.commit()
        assert_problem(await vote(client, board, 0, 0), 422, "idea_not_active")
        assert votes_of(app, board) == {}

    async def test_out_of_phase(self, app: FastAPI, db: Session, client: httpx.AsyncClient) -> None:
        board = make_board(db, phase=Phase.ideate)
        assert_problem(await vote(client, board, 0, 0), 422, "phase_closed")
        assert votes_of(app, board) == {}

    async def test_stage_closed(self, app: FastAPI, db: Session, client: httpx.AsyncClient) -> None:
        board = make_board(db)
        arrange(db, board, ReductionStage.scoring, [0, 1, 2])
        assert_problem(await vote(client, board, 0, 0), 409, "stage_closed")
        assert votes_of(app, board) == {}

    async def test_zero_dots(self, app: FastAPI, db: Session, client: httpx.AsyncClient) -> None:
        board = make_board(db)
        response = await vote(client, board, 0, 0, 0)
        assert_problem(response, 422, "validation_failed")
        assert response.json()["errors"][0]["loc"] == ["body", "dots"]
        assert votes_of(app, board) == {}

    async def test_same_key_counts_once(
        self, app: FastAPI, db: Session, client: httpx.AsyncClient
    ) -> None:
        board = make_board(db)
        first = await vote(client, board, 0, 0, 1, **{"Idempotency-Key": "v-1"})
        second = await vote(client, board, 0, 0, 1, **{"Idempotency-Key": "v-1"})
        assert first.status_code == second.status_code == 200
        assert second.headers["Idempotent-Replayed"] == "true"
        assert second.json() == first.json()
        assert votes_of(app, board) == {(board.members[0].id, board.ideas[0].id): 1}
        reused = await vote(client, board, 0, 1, 1, **{"Idempotency-Key": "v-1"})
        assert_problem(reused, 422, "idempotency_key_reused")
        assert record_count(app) == 1


class TestWithdrawVotes:
    async def test_valid(self, app: FastAPI, db: Session, client: httpx.AsyncClient) -> None:
        board = make_board(db)
        place_dots(db, board, 0, 0, 2)
        response = await client.delete(f"{ME}/votes/{board.ideas[0].id}", headers=board.auth())
        assert response.status_code == 204, response.text
        assert votes_of(app, board) == {}
        assert event_kinds(app)[-1] == "vote.tallied"

    async def test_no_vote(self, db: Session, client: httpx.AsyncClient) -> None:
        board = make_board(db)
        place_dots(db, board, 1, 0, 2)  # a tablemate's dots are not mine to withdraw
        response = await client.delete(f"{ME}/votes/{board.ideas[0].id}", headers=board.auth())
        assert_problem(response, 404, "vote_not_found")

    async def test_stage_closed(self, app: FastAPI, db: Session, client: httpx.AsyncClient) -> None:
        board = make_board(db)
        place_dots(db, board, 0, 0, 2)
        arrange(db, board, ReductionStage.scoring, [0])
        response = await client.delete(f"{ME}/votes/{board.ideas[0].id}", headers=board.auth())
        assert_problem(response, 409, "stage_closed")
        assert len(votes_of(app, board)) == 1


class TestCloseVoting:
    async def test_majority_makes_shortlist(
        self, app: FastAPI, db: Session, client: httpx.AsyncClient
    ) -> None:
        board = make_board(db)
        for idea, dots in ((0, 3), (1, 2), (2, 1)):
            place_dots(db, board, 0, idea, dots)
        first = await client.post(f"{ME}/votes/close", headers=board.auth(0))
        assert first.status_code == 200, first.text
        assert first.json()["stage"] == "voting"
        assert first.json()["agreement"]["agreed_by"] == [str(board.members[0].id)]
        second = await client.post(f"{ME}/votes/close", headers=board.auth(1))
        body = second.json()
        assert body["stage"] == "scoring"
        assert [(e["idea_id"], e["decided_by"]) for e in body["shortlist"]] == [
            (str(board.ideas[i].id), "votes") for i in (0, 1, 2)
        ]
        assert body["closures"][0]["decided_by"] == "majority"
        assert set(body["closures"][0]["agreed_by"]) == {str(m.id) for m in board.members[:2]}
        assert "reduction.stage_changed" in event_kinds(app)

    async def test_no_votes(self, app: FastAPI, db: Session, client: httpx.AsyncClient) -> None:
        board = make_board(db, members=1)
        assert_problem(
            await client.post(f"{ME}/votes/close", headers=board.auth()), 409, "no_votes"
        )
        assert count(app, RoundAgreement) == 0
        assert reduction_row(app, board) is None or reduction_row(app, board).stage == "voting"  # type: ignore[union-attr]

    async def test_stage_closed(self, db: Session, client: httpx.AsyncClient) -> None:
        board = make_board(db)
        arrange(db, board, ReductionStage.scoring, [0])
        assert_problem(
            await client.post(f"{ME}/votes/close", headers=board.auth()), 409, "stage_closed"
        )


def _runoff_board(db: Session) -> Board:
    board = make_board(db)
    arrange(
        db,
        board,
        ReductionStage.runoff,
        [0],
        runoff_number=1,
        runoff_idea_ids=[str(board.ideas[i].id) for i in (1, 2, 3)],
        runoff_places=2,
    )
    return board


class TestCastRunoffVote:
    async def test_valid_once(self, app: FastAPI, db: Session, client: httpx.AsyncClient) -> None:
        board = _runoff_board(db)
        body = {"idea_id": str(board.ideas[2].id)}
        response = await client.post(f"{ME}/runoff-votes", json=body, headers=board.auth())
        assert response.status_code == 200, response.text
        assert response.json()["me"]["runoff_vote"] == str(board.ideas[2].id)
        assert response.json()["runoff"]["voters"] == 1
        again = await client.post(f"{ME}/runoff-votes", json=body, headers=board.auth())
        assert_problem(again, 409, "runoff_vote_already_cast")
        assert count(app, RunoffVote) == 1

    async def test_not_in_runoff(
        self, app: FastAPI, db: Session, client: httpx.AsyncClient
    ) -> None:
        board = _runoff_board(db)
        body = {"idea_id": str(board.ideas[4].id)}
        response = await client.post(f"{ME}/runoff-votes", json=body, headers=board.auth())
        assert_problem(response, 422, "not_in_runoff")
        assert count(app, RunoffVote) == 0

    async def test_stage_closed(self, db: Session, client: httpx.AsyncClient) -> None:
        board = make_board(db)
        body = {"idea_id": str(board.ideas[0].id)}
        response = await client.post(f"{ME}/runoff-votes", json=body, headers=board.auth())
        assert_problem(response, 409, "stage_closed")


class TestCloseRunoff:
    async def test_majority(self, db: Session, client: httpx.AsyncClient) -> None:
        board = _runoff_board(db)
        for member, idea in ((0, 3), (1, 3), (2, 1)):
            body = {"idea_id": str(board.ideas[idea].id)}
            assert (
                await client.post(f"{ME}/runoff-votes", json=body, headers=board.auth(member))
            ).status_code == 200
        await client.post(f"{ME}/runoff-votes/close", headers=board.auth(0))
        response = await client.post(f"{ME}/runoff-votes/close", headers=board.auth(1))
        body = response.json()
        assert body["stage"] == "scoring"
        assert [(e["idea_id"], e["decided_by"]) for e in body["shortlist"]] == [
            (str(board.ideas[0].id), "votes"),
            (str(board.ideas[3].id), "runoff"),
            (str(board.ideas[1].id), "runoff"),
        ]


class TestPutScore:
    async def test_valid_and_replace(
        self, app: FastAPI, db: Session, client: httpx.AsyncClient
    ) -> None:
        board = make_board(db)
        arrange(db, board, ReductionStage.scoring, [0, 1, 2])
        url = f"{ME}/scores/{board.ideas[1].id}"
        first = await client.put(
            url, json={"desirability": 5, "feasibility": 3, "viability": 2}, headers=board.auth()
        )
        assert first.status_code == 200, first.text
        assert first.json()["total"] == 10
        second = await client.put(
            url, json={"desirability": 1, "feasibility": 1, "viability": 1}, headers=board.auth()
        )
        assert second.json()["total"] == 3
        rows = read_rows(app, select(IdeaScore))
        assert [(r.desirability, r.feasibility, r.viability) for r in rows] == [(1, 1, 1)]
        assert event_kinds(app)[-1] == "score.recorded"

    async def test_out_of_range_names_field(
        self, app: FastAPI, db: Session, client: httpx.AsyncClient
    ) -> None:
        board = make_board(db)
        arrange(db, board, ReductionStage.scoring, [0])
        response = await client.put(
            f"{ME}/scores/{board.ideas[0].id}",
            json={"desirability": 6, "feasibility": 3, "viability": 0},
            headers=board.auth(),
        )
        assert_problem(response, 422, "validation_failed")
        locs = [e["loc"] for e in response.json()["errors"]]
        assert ["body", "desirability"] in locs and ["body", "viability"] in locs
        assert count(app, IdeaScore) == 0

    async def test_not_shortlisted(
        self, app: FastAPI, db: Session, client: httpx.AsyncClient
    ) -> None:
        board = make_board(db)
        arrange(db, board, ReductionStage.scoring, [0])
        response = await client.put(
            f"{ME}/scores/{board.ideas[3].id}",
            json={"desirability": 3, "feasibility": 3, "viability": 3},
            headers=board.auth(),
        )
        assert_problem(response, 422, "not_shortlisted")
        assert count(app, IdeaScore) == 0

    async def test_stage_closed(self, db: Session, client: httpx.AsyncClient) -> None:
        board = make_board(db)
        response = await client.put(
            f"{ME}/scores/{board.ideas[0].id}",
            json={"desirability": 3, "feasibility": 3, "viability": 3},
            headers=board.auth(),
        )
        assert_problem(response, 409, "stage_closed")


class TestCloseScoring:
    async def test_majority_proposes_best(self, db: Session, client: httpx.AsyncClient) -> None:
        board = make_board(db, members=1)
        arrange(db, board, ReductionStage.scoring, [0, 1, 2])
        give_score(db, board, 0, 0, 2, 2, 2)
        give_score(db, board, 0, 1, 4, 4, 4)
        response = await client.post(f"{ME}/scores/close", headers=board.auth())
        body = response.json()
        assert body["stage"] == "choosing"
        assert body["proposal"]["idea_id"] == str(board.ideas[1].id)
        assert body["proposal"]["proposed_by"] is None
        totals = {s["idea_id"]: s["totals"]["overall"] for s in body["scores"]}
        assert totals[str(board.ideas[1].id)] == 12

    async def test_no_scores(self, db: Session, client: httpx.AsyncClient) -> None:
        board = make_board(db, members=1)
        arrange(db, board, ReductionStage.scoring, [0])
        assert_problem(
            await client.post(f"{ME}/scores/close", headers=board.auth()), 409, "no_scores"
        )


def _choosing_board(db: Session, **kw: object) -> Board:
    board = make_board(db, **kw)  # type: ignore[arg-type]
    arrange(db, board, ReductionStage.choosing, [0, 1, 2])
    row = reduction_row_db(db, board)
    row.proposal_idea_id = board.ideas[0].id
    db.add(row)
    db.commit()
    return board


def reduction_row_db(db: Session, board: Board) -> TableReduction:
    return db.exec(select(TableReduction).where(TableReduction.table_id == board.table.id)).one()


class TestProposeChoice:
    async def test_valid(self, app: FastAPI, db: Session, client: httpx.AsyncClient) -> None:
        board = _choosing_board(db)
        await client.post(
            f"{ME}/choice/confirm", json={"idea_id": str(board.ideas[0].id)}, headers=board.auth(1)
        )
        response = await client.post(
            f"{ME}/choice/propose", json={"idea_id": str(board.ideas[2].id)}, headers=board.auth(0)
        )
        body = response.json()
        assert body["stage"] == "choosing"
        assert body["proposal"]["idea_id"] == str(board.ideas[2].id)
        assert body["proposal"]["proposed_by"] == str(board.members[0].id)
        assert body["proposal"]["confirmed_by"] == [str(board.members[0].id)]  # the old one lapsed
        assert "choice.proposed" in event_kinds(app)

    async def test_not_shortlisted(self, db: Session, client: httpx.AsyncClient) -> None:
        board = _choosing_board(db)
        response = await client.post(
            f"{ME}/choice/propose", json={"idea_id": str(board.ideas[4].id)}, headers=board.auth()
        )
        assert_problem(response, 422, "not_shortlisted")


class TestConfirmChoice:
    async def test_majority_chooses(
        self, app: FastAPI, db: Session, client: httpx.AsyncClient
    ) -> None:
        board = _choosing_board(db)
        body = {"idea_id": str(board.ideas[0].id)}
        await client.post(f"{ME}/choice/confirm", json=body, headers=board.auth(0))
        response = await client.post(f"{ME}/choice/confirm", json=body, headers=board.auth(2))
        state = response.json()
        assert state["stage"] == "chosen"
        assert state["choice"]["idea_id"] == str(board.ideas[0].id)
        assert state["choice"]["decided_by"] == "majority"
        choices = read_rows(app, select(TableChoice))
        assert [(c.idea_id, c.decided_by) for c in choices] == [(board.ideas[0].id, "majority")]
        assert "choice.made" in event_kinds(app)

    async def test_proposal_changed(
        self, app: FastAPI, db: Session, client: httpx.AsyncClient
    ) -> None:
        board = _choosing_board(db)
        response = await client.post(
            f"{ME}/choice/confirm", json={"idea_id": str(board.ideas[1].id)}, headers=board.auth()
        )
        assert_problem(response, 409, "proposal_changed")
        assert count(app, RoundAgreement) == 0


class TestReadSettings:
    async def test_defaults(self, db: Session, client: httpx.AsyncClient) -> None:
        board = make_board(db, client)
        response = await client.get(f"{board.room.base}/reduction-settings")
        assert response.status_code == 200
        assert response.json()["tie_break"] == "runoff"
        assert response.json()["locked"] is False


class TestUpdateSettings:
    async def test_valid(self, app: FastAPI, db: Session, client: httpx.AsyncClient) -> None:
        board = make_board(db, client)
        response = await client.put(
            f"{board.room.base}/reduction-settings",
            json={"dot_budget": 8, "dot_cap": 2, "tie_break": "earliest"},
        )
        assert response.status_code == 200, response.text
        assert response.json()["tie_break_text"]["en"].startswith("Ideas tied")
        row = read_rows(app, select(ReductionSettings))[0]
        assert (row.dot_budget, row.dot_cap, row.tie_break) == (8, 2, TieBreak.earliest)
        assert event_kinds(app)[-1] == "reduction.settings_changed"
        member = await client.get(f"{ME}/reduction", headers=board.auth())
        assert member.json()["settings"]["tie_break"] == "earliest"

    async def test_cap_above_budget(
        self, app: FastAPI, db: Session, client: httpx.AsyncClient
    ) -> None:
        board = make_board(db, client)
        response = await client.put(
            f"{board.room.base}/reduction-settings", json={"dot_budget": 2, "dot_cap": 3}
        )
        assert_problem(response, 422, "validation_failed")
        assert response.json()["errors"][0]["loc"] == ["body", "dot_cap"]
        assert count(app, ReductionSettings) == 0

    async def test_out_of_range(self, app: FastAPI, db: Session, client: httpx.AsyncClient) -> None:
        board = make_board(db, client)
        for body in ({"dot_budget": 0}, {"dot_budget": 51}, {"tie_break": "coin"}):
            response = await client.put(f"{board.room.base}/reduction-settings", json=body)
            assert_problem(response, 422, "validation_failed")
        assert count(app, ReductionSettings) == 0

    async def test_after_votes(self, app: FastAPI, db: Session, client: httpx.AsyncClient) -> None:
        board = make_board(db, client)
        place_dots(db, board, 0, 0, 1)
        response = await client.put(f"{board.room.base}/reduction-settings", json={"dot_budget": 9})
        assert_problem(response, 409, "votes_already_cast")
        assert count(app, ReductionSettings) == 0
        assert "reduction.settings_changed" not in event_kinds(app)


class TestListTables:
    async def test_stages(self, db: Session, client: httpx.AsyncClient) -> None:
        board = make_board(db, client)
        other = make_table(db, board.room.workshop)
        arrange(db, board, ReductionStage.scoring, [0])
        response = await client.get(f"{board.room.base}/reduction")
        assert response.status_code == 200
        stages = {i["table_id"]: i["stage"] for i in response.json()["items"]}
        assert stages == {str(board.table.id): "scoring", str(other.id): "voting"}


class TestReadTable:
    async def test_valid(self, db: Session, client: httpx.AsyncClient) -> None:
        board = make_board(db, client)
        place_dots(db, board, 1, 2, 3)
        response = await client.get(board.table_base)
        assert response.status_code == 200
        body = response.json()
        assert body["me"] is None
        assert body["tally"][0] == body["tally"][0] | {
            "idea_id": str(board.ideas[2].id),
            "dots": 3,
            "voters": 1,
        }

    async def test_unknown_table(self, db: Session, client: httpx.AsyncClient) -> None:
        board = make_board(db, client)
        response = await client.get(f"{board.room.base}/tables/{board.ideas[0].id}/reduction")
        assert_problem(response, 404, "table_not_found")


class TestCloseRound:
    async def test_recorded_as_facilitator(
        self, app: FastAPI, db: Session, client: httpx.AsyncClient
    ) -> None:
        board = make_board(db, client)
        place_dots(db, board, 0, 0, 1)
        response = await client.post(f"{board.table_base}/close-round", json={"stage": "voting"})
        assert response.status_code == 200, response.text
        closure = response.json()["closures"][0]
        assert closure["decided_by"] == "facilitator"
        assert closure["closed_by_user_id"] == str(board.room.facilitator.user.id)
        assert closure["closed_by_name"] == board.room.facilitator.user.name
        rows = read_rows(app, select(RoundClosure))
        assert [(r.decided_by, r.closed_by_user_id) for r in rows] == [
            ("facilitator", board.room.facilitator.user.id)
        ]

    async def test_wrong_stage(self, app: FastAPI, db: Session, client: httpx.AsyncClient) -> None:
        board = make_board(db, client)
        place_dots(db, board, 0, 0, 1)
        response = await client.post(f"{board.table_base}/close-round", json={"stage": "scoring"})
        assert_problem(response, 409, "stage_closed")
        assert count(app, RoundClosure) == 0

    async def test_choosing_chooses_proposal(
        self, app: FastAPI, db: Session, client: httpx.AsyncClient
    ) -> None:
        board = _choosing_board(db, facilitator_client=client)
        response = await client.post(f"{board.table_base}/close-round", json={"stage": "choosing"})
        assert response.json()["choice"]["decided_by"] == "facilitator"
        choice = read_rows(app, select(TableChoice))[0]
        assert (choice.idea_id, choice.decided_by, choice.decided_by_user_id) == (
            board.ideas[0].id,
            "facilitator",
            board.room.facilitator.user.id,
        )

    async def test_bad_stage_name(self, db: Session, client: httpx.AsyncClient) -> None:
        board = make_board(db, client)
        response = await client.post(f"{board.table_base}/close-round", json={"stage": "chosen"})
        assert_problem(response, 422, "validation_failed")


class TestReopen:
    async def test_keeps_what_was_cast(
        self, app: FastAPI, db: Session, client: httpx.AsyncClient
    ) -> None:
        board = _choosing_board(db, facilitator_client=client)
        place_dots(db, board, 0, 0, 2)
        give_score(db, board, 0, 0, 3, 3, 3)
        await client.post(f"{board.table_base}/close-round", json={"stage": "choosing"})
        response = await client.post(f"{board.table_base}/reopen", json={"stage": "voting"})
        assert response.status_code == 200, response.text
        body = response.json()
        assert body["stage"] == "voting" and body["choice"] is None and body["shortlist"] == []
        assert body["tally"][0]["dots"] == 2
        assert len(votes_of(app, board)) == 1
        assert count(app, IdeaScore) == 1
        choices = read_rows(
            app, select(TableChoice).where(col(TableChoice.reopened_at).is_not(None))
        )
        assert len(choices) == 1

    async def test_current_stage(self, db: Session, client: httpx.AsyncClient) -> None:
        board = make_board(db, client)
        response = await client.post(f"{board.table_base}/reopen", json={"stage": "voting"})
        assert_problem(response, 409, "cannot_reopen")
