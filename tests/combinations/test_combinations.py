"""Combining across tables: A proposes, B decides by a majority of its present members; accepted
makes a new idea with both parents that both tables carry forward; every rule's bad input."""

import uuid
from typing import Any

import httpx
import pytest
from fastapi import FastAPI
from sqlmodel import Session, col, select

from backend.models import (
    Combination,
    CombinationVote,
    Idea,
    IdeaParent,
    IdeaSource,
    Phase,
)
from tests.factories.ideas import count
from tests.factories.tables import assert_problem, read_rows
from tests.pitches.helpers import ME, Hall, Team, events_of, make_hall, make_team, set_phase

URL = f"{ME}/combinations"


@pytest.fixture
def hall(db: Session, client: httpx.AsyncClient) -> Hall:
    return make_hall(db, client, phase=Phase.combine, tables=3, members=3)


async def propose(
    client: httpx.AsyncClient, by: Team, to: Team, text: str = "Buddies on free Sunday buses"
) -> httpx.Response:
    return await client.post(
        URL, json={"table_id": str(to.table.id), "text": text}, headers=by.auth()
    )


async def vote(
    client: httpx.AsyncClient, combination: dict[str, Any], team: Team, member: int, accept: bool
) -> httpx.Response:
    return await client.post(
        f"{URL}/{combination['id']}/votes", json={"accept": accept}, headers=team.auth(member)
    )


def nothing_written(app: FastAPI, combinations: int = 0) -> None:
    assert count(app, Combination) == combinations
    assert count(app, CombinationVote) == 0
    assert count(app, IdeaParent) == 0


class TestPropose:
    async def test_recorded_for_both_tables(
        self, app: FastAPI, client: httpx.AsyncClient, hall: Hall
    ) -> None:
        a, b, _ = hall.teams
        response = await propose(client, a, b)
        assert response.status_code == 201, response.text
        body = response.json()
        assert body["status"] == "open"
        assert body["proposer"]["idea_id"] == str(a.idea.id)  # type: ignore[union-attr]
        assert body["receiver"]["idea_id"] == str(b.idea.id)  # type: ignore[union-attr]
        assert body["can_vote"] is False
        assert body["count"] == {
            "accept_present": 0,
            "decline_present": 0,
            "present": 3,
            "needed": 2,
        }
        seen_by_b = (await client.get(URL, headers=b.auth())).json()["items"]
        assert [c["id"] for c in seen_by_b] == [body["id"]] and seen_by_b[0]["can_vote"]
        events = events_of(app, "combination.proposed")
        assert {e.table_id for e in events} == {a.table.id, b.table.id}

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
        nothing_written(app)

    async def test_either_table_without_chosen_idea(
        self, app: FastAPI, db: Session, client: httpx.AsyncClient, hall: Hall
    ) -> None:
        idle = make_team(db, hall.room, chosen=False)
        assert_problem(await propose(client, hall.teams[0], idle), 422, "no_chosen_idea")
        assert_problem(await propose(client, idle, hall.teams[0]), 422, "no_chosen_idea")
        nothing_written(app)

    @pytest.mark.parametrize("phase", [Phase.pitch, Phase.glue])
    async def test_out_of_phase(
        self, app: FastAPI, db: Session, client: httpx.AsyncClient, hall: Hall, phase: Phase
    ) -> None:
        set_phase(db, hall, phase)
        assert_problem(await propose(client, hall.teams[0], hall.teams[1]), 422, "phase_closed")
        nothing_written(app)

    async def test_bad_body(self, app: FastAPI, client: httpx.AsyncClient, hall: Hall) -> None:
        a, b, _ = hall.teams
        assert_problem(await propose(client, a, b, text="  "), 422, "validation_failed")
        assert_problem(await propose(client, a, b, text="x" * 501), 422, "validation_failed")
        nothing_written(app)

    async def test_one_open_proposal_per_pair(
        self, app: FastAPI, client: httpx.AsyncClient, hall: Hall
    ) -> None:
        a, b, _ = hall.teams
        assert (await propose(client, a, b)).status_code == 201
        assert_problem(await propose(client, a, b), 409, "proposal_open")
        assert count(app, Combination) == 1


class TestVote:
    async def test_majority_of_present_accepts(
        self, app: FastAPI, client: httpx.AsyncClient, hall: Hall
    ) -> None:
        a, b, c = hall.teams
        proposal = (await propose(client, a, b)).json()
        first = (await vote(client, proposal, b, 0, True)).json()
        assert first["status"] == "open" and first["my_vote"] is True
        assert first["count"]["accept_present"] == 1
        done = (await vote(client, proposal, b, 1, True)).json()
        assert done["status"] == "accepted" and done["decided_by"] == "majority"
        child = done["combined_idea_id"]
        [idea] = read_rows(app, select(Idea).where(col(Idea.id) == uuid.UUID(child)))
        assert idea.source == IdeaSource.combined and idea.text == "Buddies on free Sunday buses"
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
        proposal = (await propose(client, a, b)).json()
        await vote(client, proposal, b, 0, False)
        done = (await vote(client, proposal, b, 1, False)).json()
        assert done["status"] == "declined" and done["combined_idea_id"] is None
        assert count(app, IdeaParent) == 0
        assert_problem(await vote(client, proposal, b, 2, True), 409, "combination_closed")

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
        proposal = (await propose(client, a, b)).json()
        assert (await vote(client, proposal, b, 0, True)).status_code == 200
        assert_problem(await vote(client, proposal, b, 0, False), 409, "already_voted")
        assert count(app, CombinationVote) == 1

    async def test_proposing_table_cannot_decide(
        self, app: FastAPI, client: httpx.AsyncClient, hall: Hall
    ) -> None:
        a, b, c = hall.teams
        proposal = (await propose(client, a, b)).json()
        assert_problem(await vote(client, proposal, a, 0, True), 403, "not_receiving_table")
        assert_problem(await vote(client, proposal, c, 0, True), 404, "combination_not_found")
        assert count(app, CombinationVote) == 0

    async def test_out_of_phase(
        self, app: FastAPI, db: Session, client: httpx.AsyncClient, hall: Hall
    ) -> None:
        a, b, _ = hall.teams
        proposal = (await propose(client, a, b)).json()
        set_phase(db, hall, Phase.glue)
        assert_problem(await vote(client, proposal, b, 0, True), 422, "phase_closed")
        assert count(app, CombinationVote) == 0

    async def test_stale_after_the_idea_changed(
        self, app: FastAPI, client: httpx.AsyncClient, hall: Hall
    ) -> None:
        a, b, c = hall.teams
        to_b = (await propose(client, a, b)).json()
        to_c = (await propose(client, a, c)).json()
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
        proposal = (await propose(client, a, b)).json()
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
        proposal = (await propose(client, hall.teams[0], hall.teams[1])).json()
        closed = await facilitator.post(f"{hall.base}/combinations/{proposal['id']}/close")
        assert closed.json()["status"] == "declined"
