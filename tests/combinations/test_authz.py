"""Another workshop's or organisation's proposal or table is a 404 and changes nothing."""

from typing import Any

import httpx
from fastapi import FastAPI
from sqlmodel import Session

from backend.models import Combination, CombinationVote, Phase
from backend.models.combinations import CombinationSupport
from tests.factories.accounts import make_facilitator, sign_in_client
from tests.factories.ideas import count
from tests.factories.participants import make_participant, participant_token
from tests.factories.tables import assert_problem
from tests.pitches.helpers import ME, make_hall


async def proposal(db: Session, client: httpx.AsyncClient, facilitator: Any = None) -> Any:
    """A draft of table 1 to table 2 (two of three present agree: it is still a draft)."""
    hall = make_hall(db, facilitator, phase=Phase.combine)
    a, b = hall.teams
    made = await client.post(
        f"{ME}/combinations", json={"table_id": str(b.table.id), "text": "Both"}, headers=a.auth()
    )
    return hall, made.json()["id"]


class TestAuthz:
    async def test_other_workshops_proposal_and_table(
        self, app: FastAPI, db: Session, client: httpx.AsyncClient
    ) -> None:
        _, cid = await proposal(db, client)
        stranger = make_hall(db, phase=Phase.combine).teams[0]
        for method, url, body in [
            ("GET", f"{ME}/combinations/{cid}", None),
            ("POST", f"{ME}/combinations/{cid}/votes", {"accept": True}),
            ("PUT", f"{ME}/combinations/{cid}/support", None),
            ("DELETE", f"{ME}/combinations/{cid}/support", None),
            ("PUT", f"{ME}/combinations/{cid}/withdrawal", None),
            ("DELETE", f"{ME}/combinations/{cid}/withdrawal", None),
        ]:
            response = await client.request(method, url, json=body, headers=stranger.auth())
            assert_problem(response, 404, "combination_not_found")
        foreign_table = make_hall(db, phase=Phase.combine, tables=1).teams[0].table.id
        made = await client.post(
            f"{ME}/combinations",
            json={"table_id": str(foreign_table), "text": "x"},
            headers=stranger.auth(),
        )
        assert_problem(made, 404, "table_not_found")
        assert (await client.get(f"{ME}/combinations", headers=stranger.auth())).json()[
            "items"
        ] == []
        assert count(app, Combination) == 1
        assert count(app, CombinationSupport) == 1
        assert count(app, CombinationVote) == 0

    async def test_facilitators_of_other_sessions(
        self, app: FastAPI, db: Session, client: httpx.AsyncClient, new_client: Any
    ) -> None:
        facilitator = new_client()
        hall, cid = await proposal(db, client, facilitator)
        _, foreign = await proposal(db, client)
        for action in ("close", "send"):
            url = f"{hall.base}/combinations/{foreign}/{action}"
            assert_problem(await facilitator.post(url), 404, "combination_not_found")
        outsider = new_client()
        sign_in_client(db, outsider, make_facilitator(db).user)
        for method, url in [
            ("GET", f"{hall.base}/combinations"),
            ("POST", f"{hall.base}/combinations/{cid}/close"),
            ("POST", f"{hall.base}/combinations/{cid}/send"),
        ]:
            assert_problem(await outsider.request(method, url), 404, "session_not_found")
        assert count(app, Combination) == 2
        assert {
            c["status"]
            for c in (await facilitator.get(f"{hall.base}/combinations")).json()["items"]
        } == {"draft"}

    async def test_a_participant_without_a_table(
        self, app: FastAPI, db: Session, client: httpx.AsyncClient
    ) -> None:
        hall, cid = await proposal(db, client)
        loner = make_participant(db, hall.room.workshop, display_name="Not seated")
        auth = {"Authorization": f"Bearer {participant_token(db, loner)[0]}"}
        other = str(hall.teams[1].table.id)
        for method, url, body in [
            ("POST", f"{ME}/combinations", {"table_id": other, "text": "Mine"}),
            ("PUT", f"{ME}/combinations/{cid}/support", None),
            ("PUT", f"{ME}/combinations/{cid}/withdrawal", None),
            ("POST", f"{ME}/combinations/{cid}/votes", {"accept": True}),
        ]:
            response = await client.request(method, url, json=body, headers=auth)
            assert_problem(response, 409, "not_seated")
        assert count(app, Combination) == 1
        assert count(app, CombinationSupport) == 1
        assert count(app, CombinationVote) == 0
