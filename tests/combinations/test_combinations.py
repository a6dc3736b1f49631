"""Combining across tables: A drafts and sends by majority, B decides by a majority of its present
members; accepted makes a new idea with both parents that both tables carry forward; every rule's
bad input writes nothing."""

import uuid
from typing import Any

import httpx
import pytest
from fastapi import FastAPI
from sqlmodel import Session, col, select

from backend.models import Combination, CombinationVote, Idea, IdeaParent, IdeaSource, Phase
from tests.combinations.helpers import TEXT, URL, propose, rows, sent, vote
from tests.factories.ideas import count
from tests.factories.tables import assert_problem, read_rows
from tests.pitches.helpers import Hall, events_of, make_hall, make_team, set_phase


@pytest.fixture
def hall(db: Session, client: httpx.AsyncClient) -> Hall:
    return make_hall(db, client, phase=Phase.combine, tables=3, members=3)


class TestPropose:
    async def test_a_draft_for_the_proposing_table_only(
        self, app: FastAPI, client: httpx.AsyncClient, hall: Hall
    ) -> None:
        a, b, _ = hall.teams
        response = await propose(client, a, b)
        assert response.status_code == 201, response.text
        body = response.json()
        assert body["status"] == "draft" and body["sent_at"] is None
        assert body["proposer"]["idea_id"] == str(a.idea.id)  # type: ignore[union-attr]
        assert body["receiver"]["idea_id"] == str(b.idea.id)  # type: ignore[union-attr]
        assert body["support"] == {
            "purpose": "send",
            "supporting_present": 1,
            "present": 3,
            "needed": 2,
        }
        assert body["drafted_by_me"] and body["my_support"]
        assert (body["can_support"], body["can_withdraw"], body["can_vote"]) == (
            False,
            True,
            False,
        )
        seen_by_a = (await client.get(URL, headers=a.auth(1))).json()["items"]
        assert [(c["id"], c["can_support"], c["can_withdraw"]) for c in seen_by_a] == [
            (body["id"], True, False)
        ]
        assert (await client.get(URL, headers=b.auth())).json()["items"] == []
        assert_problem(
            await client.get(f"{URL}/{body['id']}", headers=b.auth()), 404, "combination_not_found"
        )
        drafted = events_of(app, "combination.drafted")
        assert [e.table_id for e in drafted] == [a.table.id]
        assert events_of(app, "combination.proposed") == []

    async def test_alone_at_the_table_it_is_sent_at_once(
        self, app: FastAPI, db: Session, client: httpx.AsyncClient
    ) -> None:
        hall = make_hall(db, phase=Phase.combine, members=3, present=1)
        a, b = hall.teams
        body = (await propose(client, a, b)).json()
        assert (body["status"], body["sent_by"]) == ("open", "majority")
        assert body["support"] == {
            "purpose": "withdraw",
            "supporting_present": 0,
            "present": 1,
            "needed": 1,
        }
        [row] = read_rows(app, select(Combination))
        assert row.sender_present_count == 1 and row.sent_at is not None
        proposed = events_of(app, "combination.proposed")
        assert {e.table_id for e in proposed} == {a.table.id, b.table.id}
        assert proposed[0].payload["sent_by"] == "majority"

    async def test_candidates(self, client: httpx.AsyncClient, hall: Hall) -> None:
        a = hall.teams[0]
        body = (await client.get(f"{URL}/candidates", headers=a.auth())).json()
        assert body["my_idea"]["table_id"] == str(a.table.id)
        assert [c["table"]["table_id"] for c in body["items"]] == [
            str(t.table.id) for t in hall.teams[1:]
        ]

    async def test_own_table(self, app: FastAPI, client: httpx.AsyncClient, hall: Hall) -> None:
        a = hall.teams[0]
        assert_problem(await propose(client, a, a), 422, "own_table")
        assert rows(app) == (0, 0, 0, 0)

    async def test_tables_that_already_share_an_idea(
        self, app: FastAPI, db: Session, client: httpx.AsyncClient
    ) -> None:
        hall = make_hall(db, phase=Phase.combine, members=1)
        a, b = hall.teams
        made = (await propose(client, a, b)).json()  # alone at the table: sent at once
        assert (await vote(client, made, b, 0, True)).json()["status"] == "accepted"
        assert_problem(await propose(client, b, a, text="Again"), 422, "same_idea")
        assert rows(app) == (1, 1, 1, 2)

    async def test_either_table_without_chosen_idea(
        self, app: FastAPI, db: Session, client: httpx.AsyncClient, hall: Hall
    ) -> None:
        idle = make_team(db, hall.room, chosen=False)
        assert_problem(await propose(client, hall.teams[0], idle), 422, "no_chosen_idea")
        assert_problem(await propose(client, idle, hall.teams[0]), 422, "no_chosen_idea")
        assert rows(app) == (0, 0, 0, 0)

    @pytest.mark.parametrize("phase", [Phase.pitch, Phase.glue])
    async def test_out_of_phase(
        self, app: FastAPI, db: Session, client: httpx.AsyncClient, hall: Hall, phase: Phase
    ) -> None:
        set_phase(db, hall, phase)
        assert_problem(await propose(client, hall.teams[0], hall.teams[1]), 422, "phase_closed")
        assert rows(app) == (0, 0, 0, 0)

    async def test_bad_body(self, app: FastAPI, client: httpx.AsyncClient, hall: Hall) -> None:
        a, b, _ = hall.teams
        assert_problem(await propose(client, a, b, text="  "), 422, "validation_failed")
        assert_problem(await propose(client, a, b, text="x" * 501), 422, "validation_failed")
        bad_id = await client.post(URL, json={"table_id": "nope", "text": "x"}, headers=a.auth())
        assert_problem(bad_id, 422, "validation_failed")
        assert rows(app) == (0, 0, 0, 0)

    async def test_one_live_proposal_per_pair_either_way(
        self, app: FastAPI, client: httpx.AsyncClient, hall: Hall
    ) -> None:
        a, b, c = hall.teams
        assert (await propose(client, a, b)).status_code == 201
        assert_problem(await propose(client, a, b, member=1), 409, "proposal_open")
        assert_problem(await propose(client, b, a), 409, "proposal_open")
        assert rows(app) == (1, 1, 0, 0)
        assert (await propose(client, a, c)).status_code == 201  # another pair is free

    async def test_a_new_proposal_once_the_last_is_over(
        self, app: FastAPI, client: httpx.AsyncClient, hall: Hall
    ) -> None:
        a, b, _ = hall.teams
        first = await sent(client, a, b)
        for member in (0, 1):
            await vote(client, first, b, member, False)
        again = await propose(client, b, a, text="The other way round")
        assert again.status_code == 201, again.text
        assert count(app, Combination) == 2


class TestVote:
    async def test_majority_of_present_accepts(
        self, app: FastAPI, client: httpx.AsyncClient, hall: Hall
    ) -> None:
        a, b, c = hall.teams
        proposal = await sent(client, a, b)
        seen_by_b = (await client.get(URL, headers=b.auth())).json()["items"]
        assert [(x["id"], x["can_vote"], x["support"]) for x in seen_by_b] == [
            (proposal["id"], True, None)
        ]
        first = (await vote(client, proposal, b, 0, True)).json()
        assert first["status"] == "open" and first["my_vote"] is True
        assert first["count"]["accept_present"] == 1
        done = (await vote(client, proposal, b, 1, True)).json()
        assert done["status"] == "accepted" and done["decided_by"] == "majority"
        assert done["sent_by"] == "majority"
        child = done["combined_idea_id"]
        [idea] = read_rows(app, select(Idea).where(col(Idea.id) == uuid.UUID(child)))
        assert idea.source == IdeaSource.combined and idea.text == TEXT
        parents = read_rows(
            app, select(IdeaParent.parent_id).where(col(IdeaParent.child_id) == idea.id)
        )
        assert set(parents) == {a.idea.id, b.idea.id}  # type: ignore[union-attr]
        # Both tables now carry the combined idea forward.
        for team in (a, b):
            mine = (await client.get(f"{URL}/candidates", headers=team.auth())).json()
            assert mine["my_idea"]["idea_id"] == child
        seen_by_c = (await client.get(f"{URL}/candidates", headers=c.auth())).json()
        assert [i["table"]["idea_id"] for i in seen_by_c["items"]] == [child, child]
        decided = events_of(app, "combination.decided")
        assert {e.table_id for e in decided} == {a.table.id, b.table.id}
        assert len(events_of(app, "combination.voted")) == 4

    async def test_majority_declines(
        self, app: FastAPI, client: httpx.AsyncClient, hall: Hall
    ) -> None:
        a, b, _ = hall.teams
        proposal = await sent(client, a, b)
        await vote(client, proposal, b, 0, False)
        done = (await vote(client, proposal, b, 1, False)).json()
        assert done["status"] == "declined" and done["combined_idea_id"] is None
        assert count(app, IdeaParent) == 0
        assert_problem(await vote(client, proposal, b, 2, True), 409, "combination_closed")
        assert count(app, CombinationVote) == 2

    async def test_only_present_members_count(self, db: Session, client: httpx.AsyncClient) -> None:
        hall = make_hall(db, phase=Phase.combine, members=5, present=1)
        a, b = hall.teams
        proposal = (await propose(client, a, b)).json()
        assert proposal["count"]["present"] == 1
        done = (await vote(client, proposal, b, 0, True)).json()
        assert done["status"] == "accepted"
        assert done["count"]["present"] == 1

    async def test_second_vote_refused(
        self, app: FastAPI, db: Session, client: httpx.AsyncClient
    ) -> None:
        hall = make_hall(db, phase=Phase.combine, members=5)
        a, b = hall.teams
        proposal = await sent(client, a, b)
        assert (await vote(client, proposal, b, 0, True)).status_code == 200
        assert_problem(await vote(client, proposal, b, 0, False), 409, "already_voted")
        assert count(app, CombinationVote) == 1

    async def test_proposing_table_cannot_decide(
        self, app: FastAPI, client: httpx.AsyncClient, hall: Hall
    ) -> None:
        a, b, c = hall.teams
        proposal = await sent(client, a, b)
        assert_problem(await vote(client, proposal, a, 0, True), 403, "not_receiving_table")
        assert_problem(await vote(client, proposal, c, 0, True), 404, "combination_not_found")
        assert count(app, CombinationVote) == 0

    async def test_a_draft_cannot_be_voted_on(
        self, app: FastAPI, client: httpx.AsyncClient, hall: Hall
    ) -> None:
        a, b, _ = hall.teams
        draft = (await propose(client, a, b)).json()
        assert_problem(await vote(client, draft, b, 0, True), 404, "combination_not_found")
        assert_problem(await vote(client, draft, a, 1, True), 403, "not_receiving_table")
        assert count(app, CombinationVote) == 0

    async def test_out_of_phase(
        self, app: FastAPI, db: Session, client: httpx.AsyncClient, hall: Hall
    ) -> None:
        a, b, _ = hall.teams
        proposal = await sent(client, a, b)
        set_phase(db, hall, Phase.glue)
        assert_problem(await vote(client, proposal, b, 0, True), 422, "phase_closed")
        assert count(app, CombinationVote) == 0

    async def test_stale_after_the_idea_changed(
        self, app: FastAPI, client: httpx.AsyncClient, hall: Hall
    ) -> None:
        a, b, c = hall.teams
        to_b = await sent(client, a, b)
        to_c = await sent(client, a, c, text="With table 3")
        assert (await vote(client, to_c, c, 0, True)).json()["status"] == "open"
        for member in (0, 1):
            await vote(client, to_b, b, member, True)
        assert_problem(await vote(client, to_c, c, 1, True), 409, "combination_stale")
        assert count(app, CombinationVote) == 3
        # More accepted than declined, but table A's idea has changed: it closes declined.
        closed = await client.post(f"{hall.base}/combinations/{to_c['id']}/close")
        assert (closed.json()["status"], closed.json()["decided_by"]) == ("declined", "facilitator")


class TestFacilitatorClose:
    async def test_closes_by_the_votes_cast_on_record(
        self, app: FastAPI, db: Session, client: httpx.AsyncClient, new_client: Any
    ) -> None:
        facilitator = new_client()
        hall = make_hall(db, facilitator, phase=Phase.combine, members=5)
        a, b = hall.teams
        proposal = await sent(client, a, b)
        await vote(client, proposal, b, 0, True)
        url = f"{hall.base}/combinations/{proposal['id']}/close"
        closed = await facilitator.post(url)
        assert closed.status_code == 200, closed.text
        body = closed.json()
        assert (body["status"], body["decided_by"]) == ("accepted", "facilitator")
        assert body["combined_idea_id"]
        [row] = read_rows(app, select(Combination))
        assert row.decided_by_user_id == hall.room.facilitator.user.id
        assert_problem(await facilitator.post(url), 409, "combination_closed")
        listed = (await facilitator.get(f"{hall.base}/combinations")).json()
        assert [c["status"] for c in listed["items"]] == ["accepted"]

    async def test_no_votes_means_declined(
        self, db: Session, client: httpx.AsyncClient, new_client: Any
    ) -> None:
        facilitator = new_client()
        hall = make_hall(db, facilitator, phase=Phase.combine)
        proposal = await sent(client, hall.teams[0], hall.teams[1])
        closed = await facilitator.post(f"{hall.base}/combinations/{proposal['id']}/close")
        assert closed.json()["status"] == "declined"

    async def test_a_draft_is_not_the_receiving_tables_to_close(
        self, app: FastAPI, client: httpx.AsyncClient, hall: Hall
    ) -> None:
        draft = (await propose(client, hall.teams[0], hall.teams[1])).json()
        closed = await client.post(f"{hall.base}/combinations/{draft['id']}/close")
        assert_problem(closed, 409, "combination_not_sent")
        [row] = read_rows(app, select(Combination))
        assert row.status == "draft" and row.decided_at is None
