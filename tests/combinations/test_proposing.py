"""Table A's rounds: its present members agree to send a draft (or a facilitator sends it when
time is up, on record); its drafter withdraws a draft; a majority withdraws a sent proposal, which
ends B's vote. Everything else is refused with nothing written."""

from typing import Any

import httpx
import pytest
from fastapi import FastAPI
from sqlmodel import Session, select

from backend.models import Combination, Phase
from backend.models.combinations import CombinationSupport
from tests.combinations.helpers import URL, act, propose, rows, sent, vote
from tests.factories.tables import assert_problem, read_rows
from tests.pitches.helpers import Hall, events_of, make_hall, set_phase


@pytest.fixture
def hall(db: Session, client: httpx.AsyncClient) -> Hall:
    """Three tables of five, all present: three of five agree."""
    return make_hall(db, client, phase=Phase.combine, tables=3, members=5)


async def draft_of(client: httpx.AsyncClient, hall: Hall) -> dict[str, Any]:
    response = await propose(client, hall.teams[0], hall.teams[1])
    assert response.status_code == 201, response.text
    return dict(response.json())


class TestSupport:
    async def test_a_majority_of_present_members_sends_it(
        self, app: FastAPI, client: httpx.AsyncClient, hall: Hall
    ) -> None:
        a, b, _ = hall.teams
        draft = await draft_of(client, hall)
        second = (await act(client, "PUT", draft, "support", a, 1)).json()
        assert second["status"] == "draft" and second["my_support"]
        assert second["support"]["supporting_present"] == 2 and second["support"]["needed"] == 3
        assert not second["can_support"]
        # Supporting twice changes nothing.
        again = (await act(client, "PUT", draft, "support", a, 1)).json()
        assert again["support"]["supporting_present"] == 2
        done = (await act(client, "PUT", draft, "support", a, 2)).json()
        assert (done["status"], done["sent_by"]) == ("open", "majority")
        [row] = read_rows(app, select(Combination))
        assert row.sender_present_count == 5 and row.sent_by_user_id is None
        # The record keeps who agreed to send it.
        assert len(read_rows(app, select(CombinationSupport))) == 3
        changes = events_of(app, "combination.support_changed")
        assert {e.table_id for e in changes} == {a.table.id}
        assert [e.payload["supporting_present"] for e in changes] == [1, 2, 2, 3]
        proposed = events_of(app, "combination.proposed")
        assert {e.table_id for e in proposed} == {a.table.id, b.table.id}
        seen_by_b = (await client.get(URL, headers=b.auth())).json()["items"]
        assert [(c["id"], c["can_vote"]) for c in seen_by_b] == [(draft["id"], True)]

    async def test_withdrawing_support_lowers_the_count(
        self, app: FastAPI, client: httpx.AsyncClient, hall: Hall
    ) -> None:
        a = hall.teams[0]
        draft = await draft_of(client, hall)
        await act(client, "PUT", draft, "support", a, 1)
        back = (await act(client, "DELETE", draft, "support", a, 1)).json()
        assert back["support"]["supporting_present"] == 1 and back["can_support"]
        # Without support to withdraw, nothing changes.
        assert (await act(client, "DELETE", draft, "support", a, 3)).status_code == 200
        assert rows(app) == (1, 1, 0, 0)
        assert [
            e.payload["supporting_present"] for e in events_of(app, "combination.support_changed")
        ] == [1, 2, 1]

    async def test_only_the_proposing_table(
        self, app: FastAPI, client: httpx.AsyncClient, hall: Hall
    ) -> None:
        a, b, c = hall.teams
        draft = await draft_of(client, hall)
        # The receiving table does not see a draft; a third table never sees it.
        for team in (b, c):
            for method, what in [("PUT", "support"), ("PUT", "withdrawal")]:
                response = await act(client, method, draft, what, team)
                assert_problem(response, 404, "combination_not_found")
        proposal = await sent(client, a, hall.teams[2], text="Another")
        for method, what in [("PUT", "support"), ("DELETE", "support"), ("PUT", "withdrawal")]:
            response = await act(client, method, proposal, what, c)
            assert_problem(response, 403, "not_proposing_table")
        assert rows(app) == (2, 4, 0, 0)

    async def test_after_sending_support_is_refused(
        self, app: FastAPI, client: httpx.AsyncClient, hall: Hall
    ) -> None:
        a, b, _ = hall.teams
        proposal = await sent(client, a, b)
        for method in ("PUT", "DELETE"):
            response = await act(client, method, proposal, "support", a, 4)
            assert_problem(response, 409, "combination_sent")
        assert rows(app) == (1, 3, 0, 0)

    async def test_out_of_phase(
        self, app: FastAPI, db: Session, client: httpx.AsyncClient, hall: Hall
    ) -> None:
        draft = await draft_of(client, hall)
        set_phase(db, hall, Phase.glue)
        response = await act(client, "PUT", draft, "support", hall.teams[0], 1)
        assert_problem(response, 422, "phase_closed")
        assert rows(app) == (1, 1, 0, 0)

    async def test_stale_draft_cannot_be_sent(
        self, app: FastAPI, client: httpx.AsyncClient, hall: Hall
    ) -> None:
        a, b, c = hall.teams
        draft = await draft_of(client, hall)  # A with B
        other = await sent(client, a, c, text="With table 3")
        for member in (0, 1, 2):
            await vote(client, other, c, member, True)  # A now carries a combined idea
        response = await act(client, "PUT", draft, "support", a, 1)
        assert_problem(response, 409, "combination_stale")
        assert_problem(
            await client.post(f"{hall.base}/combinations/{draft['id']}/send"),
            409,
            "combination_stale",
        )
        # A new proposal for the new idea is not blocked by the stale draft.
        assert (await propose(client, a, b, text="Newer")).status_code == 201


class TestFacilitatorSend:
    async def test_closes_a_round_on_record(
        self, app: FastAPI, db: Session, client: httpx.AsyncClient, new_client: Any
    ) -> None:
        facilitator = new_client()
        hall = make_hall(db, facilitator, phase=Phase.combine, members=5)
        b = hall.teams[1]
        draft = await draft_of(client, hall)
        url = f"{hall.base}/combinations/{draft['id']}/send"
        response = await facilitator.post(url)
        assert response.status_code == 200, response.text
        body = response.json()
        assert (body["status"], body["sent_by"], body["decided_by"]) == (
            "open",
            "facilitator",
            None,
        )
        assert body["support"]["purpose"] == "withdraw"
        [row] = read_rows(app, select(Combination))
        assert row.sent_by_user_id == hall.room.facilitator.user.id
        assert row.sender_present_count == 5
        assert_problem(await facilitator.post(url), 409, "combination_sent")
        # Table B still decides for itself.
        seen = (await client.get(f"{URL}/{draft['id']}", headers=b.auth())).json()
        assert seen["can_vote"] and seen["status"] == "open"
        assert events_of(app, "combination.proposed")[0].payload["sent_by"] == "facilitator"


class TestWithdraw:
    async def test_the_drafter_withdraws_a_draft(
        self, app: FastAPI, client: httpx.AsyncClient, hall: Hall
    ) -> None:
        a, b, _ = hall.teams
        draft = await draft_of(client, hall)
        assert_problem(await act(client, "PUT", draft, "withdrawal", a, 1), 403, "not_drafter")
        done = (await act(client, "PUT", draft, "withdrawal", a, 0)).json()
        assert (done["status"], done["withdrawn_by"]) == ("withdrawn", "drafter")
        assert done["withdrawn_at"] and not done["can_withdraw"] and done["support"] is None
        withdrawn = events_of(app, "combination.withdrawn")
        assert [e.table_id for e in withdrawn] == [a.table.id]
        assert withdrawn[0].payload == {
            "combination_id": draft["id"],
            "withdrawn_by": "drafter",
            "was_sent": False,
        }
        # Acting on it afterwards is refused.
        for method, what, member in [
            ("PUT", "support", 1),
            ("DELETE", "support", 1),
            ("PUT", "withdrawal", 0),
            ("DELETE", "withdrawal", 0),
        ]:
            response = await act(client, method, draft, what, a, member)
            assert_problem(response, 409, "combination_withdrawn")
        assert_problem(
            await client.post(f"{hall.base}/combinations/{draft['id']}/send"),
            409,
            "combination_withdrawn",
        )
        assert (await client.get(URL, headers=b.auth())).json()["items"] == []
        assert rows(app) == (1, 1, 0, 0)
        # The pair is free again.
        assert (await propose(client, a, b, text="Try again")).status_code == 201

    async def test_a_majority_withdraws_a_sent_proposal(
        self, app: FastAPI, client: httpx.AsyncClient, hall: Hall
    ) -> None:
        a, b, _ = hall.teams
        proposal = await sent(client, a, b)
        await vote(client, proposal, b, 0, True)
        first = (await act(client, "PUT", proposal, "withdrawal", a, 3)).json()
        assert first["status"] == "open" and first["my_support"] and not first["can_withdraw"]
        assert first["support"] == {
            "purpose": "withdraw",
            "supporting_present": 1,
            "present": 5,
            "needed": 3,
        }
        back = (await act(client, "DELETE", proposal, "withdrawal", a, 3)).json()
        assert back["support"]["supporting_present"] == 0 and back["can_withdraw"]
        for member in (3, 4):
            await act(client, "PUT", proposal, "withdrawal", a, member)
        done = (await act(client, "PUT", proposal, "withdrawal", a, 0)).json()
        assert (done["status"], done["withdrawn_by"]) == ("withdrawn", "majority")
        [row] = read_rows(app, select(Combination))
        assert row.withdrawn_present_count == 5 and row.decided_at is None
        # B's pending vote has ended; its vote cast so far stays on record.
        seen_by_b = (await client.get(f"{URL}/{proposal['id']}", headers=b.auth())).json()
        assert seen_by_b["status"] == "withdrawn" and not seen_by_b["can_vote"]
        assert seen_by_b["my_vote"] is True and seen_by_b["support"] is None
        assert_problem(await vote(client, proposal, b, 1, True), 409, "combination_withdrawn")
        assert_problem(
            await client.post(f"{hall.base}/combinations/{proposal['id']}/close"),
            409,
            "combination_withdrawn",
        )
        assert rows(app) == (1, 6, 1, 0)
        withdrawn = events_of(app, "combination.withdrawn")
        assert {e.table_id for e in withdrawn} == {a.table.id, b.table.id}
        assert withdrawn[0].payload["was_sent"] is True
        # Support to withdraw is counted for table A only.
        changes = events_of(app, "combination.support_changed")
        assert {e.table_id for e in changes} == {a.table.id}

    async def test_after_the_decision_it_stays(
        self, app: FastAPI, client: httpx.AsyncClient, hall: Hall
    ) -> None:
        a, b, _ = hall.teams
        proposal = await sent(client, a, b)
        for member in (0, 1, 2):
            await vote(client, proposal, b, member, False)
        for method in ("PUT", "DELETE"):
            response = await act(client, method, proposal, "withdrawal", a, 0)
            assert_problem(response, 409, "combination_closed")
        assert rows(app) == (1, 3, 3, 0)

    async def test_keeping_a_draft_is_not_a_round(
        self, app: FastAPI, client: httpx.AsyncClient, hall: Hall
    ) -> None:
        draft = await draft_of(client, hall)
        response = await act(client, "DELETE", draft, "withdrawal", hall.teams[0], 1)
        assert_problem(response, 409, "combination_not_sent")
        assert rows(app) == (1, 1, 0, 0)
