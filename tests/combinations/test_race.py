"""Proposals racing: two proposals between the same two tables' ideas, sent at the same moment
(through a real uvicorn server, and straight to the database on two connections), make one
proposal; the rest are told 409 `proposal_open`, never a 500. Support racing sends a draft once.
Runs on SQLite, and on PostgreSQL when DATABASE_URL points there."""

import threading

import httpx
import pytest
from fastapi import FastAPI
from sqlalchemy.exc import IntegrityError
from sqlmodel import Session, select

from backend.models import Combination, Phase
from backend.models.combinations import CombinationStatus, pair_key
from tests.combinations.helpers import URL
from tests.factories.tables import read_rows
from tests.ideas.test_race import serving
from tests.pitches.helpers import Team, events_of, make_hall
from tests.storyboards.test_race import race


def _both_ways(a: Team, b: Team) -> tuple[list[dict[str, str]], list[object]]:
    """Every member of each table proposes to the other table."""
    heads: list[dict[str, str]] = []
    bodies: list[object] = []
    for by, to in ((a, b), (b, a)):
        for member in range(len(by.members)):
            heads.append(by.auth(member))
            bodies.append({"table_id": str(to.table.id), "text": f"From table {by.table.number}"})
    return heads, bodies


class TestProposalRace:
    def test_one_proposal_between_two_tables(self, app: FastAPI, db: Session) -> None:
        a, b = make_hall(db, phase=Phase.combine, members=3).teams
        heads, bodies = _both_ways(a, b)
        with serving(app) as base:
            statuses = race("POST", f"{base}{URL}", heads, bodies)
        assert statuses == [201] + [409] * (len(bodies) - 1)
        assert len(read_rows(app, select(Combination))) == 1
        assert len(events_of(app, "combination.drafted")) == 1

    def test_racing_support_sends_once(self, app: FastAPI, db: Session) -> None:
        a, b = make_hall(db, phase=Phase.combine, members=5).teams
        with serving(app) as base:
            draft = httpx.post(
                f"{base}{URL}", json={"table_id": str(b.table.id), "text": "X"}, headers=a.auth()
            ).json()
            statuses = race(
                "PUT",
                f"{base}{URL}/{draft['id']}/support",
                [a.auth(member) for member in range(1, 5)],
                [None] * 4,
            )
        # Two more supporters send it; whoever comes after is told it has been sent.
        assert statuses == [200, 200, 409, 409]
        [row] = read_rows(app, select(Combination))
        assert row.status == CombinationStatus.open
        assert len(events_of(app, "combination.proposed")) == 2  # once, for both tables


def _straight_proposal(
    by: Team, to: Team, text: str, status: CombinationStatus = CombinationStatus.draft
) -> Combination:
    """A proposal row from `by`'s idea to `to`'s, as written without the API."""
    assert by.idea is not None and to.idea is not None
    return Combination(
        workshop_id=by.table.workshop_id,
        proposer_table_id=by.table.id,
        receiver_table_id=to.table.id,
        pair_key=pair_key((by.table.id, by.idea.id), (to.table.id, to.idea.id)),
        proposer_idea_id=by.idea.id,
        receiver_idea_id=to.idea.id,
        text=text,
        status=status,
    )


class TestDatabaseRefusesASecondLiveProposal:
    def test_two_connections_at_once(self, app: FastAPI, db: Session) -> None:
        a, b = make_hall(db, phase=Phase.combine).teams
        barrier = threading.Barrier(2)
        outcomes: list[str] = []
        lock = threading.Lock()

        def insert(by: Team, to: Team) -> None:
            with Session(app.state.engine) as own:
                barrier.wait()
                try:
                    own.add(_straight_proposal(by, to, "Straight in"))
                    own.commit()
                    outcome = "made"
                except IntegrityError:
                    own.rollback()
                    outcome = "refused"
            with lock:
                outcomes.append(outcome)

        threads = [threading.Thread(target=insert, args=pair) for pair in ((a, b), (b, a))]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(timeout=120)
        assert sorted(outcomes) == ["made", "refused"]
        assert len(read_rows(app, select(Combination))) == 1

    @pytest.mark.parametrize("status", [CombinationStatus.withdrawn, CombinationStatus.declined])
    def test_a_closed_one_does_not_count(
        self, app: FastAPI, db: Session, status: CombinationStatus
    ) -> None:
        a, b = make_hall(db, phase=Phase.combine).teams
        for state in (status, CombinationStatus.draft):
            db.add(_straight_proposal(a, b, "Again", status=state))
            db.commit()
        assert len(read_rows(app, select(Combination))) == 2
