"""Another workshop's or organisation's proposal or table is a 404 and changes nothing."""

from typing import Any

import httpx
from fastapi import FastAPI
from sqlmodel import Session

from backend.models import Combination, CombinationVote, Phase
from tests.factories.accounts import make_facilitator, sign_in_client
from tests.factories.ideas import count
from tests.factories.tables import assert_problem
from tests.pitches.helpers import ME, make_hall


async def proposal(db: Session, client: httpx.AsyncClient, facilitator: Any = None) -> Any:
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
        assert count(app, CombinationVote) == 0

    async def test_facilitators_of_other_sessions(
        self, app: FastAPI, db: Session, client: httpx.AsyncClient, new_client: Any
    ) -> None:
        facilitator = new_client()
        hall, cid = await proposal(db, client, facilitator)
        _, foreign = await proposal(db, client)
        close = f"{hall.base}/combinations/{foreign}/close"
        assert_problem(await facilitator.post(close), 404, "combination_not_found")
        outsider = new_client()
        sign_in_client(db, outsider, make_facilitator(db).user)
        for method, url in [
            ("GET", f"{hall.base}/combinations"),
            ("POST", f"{hall.base}/combinations/{cid}/close"),
        ]:
            assert_problem(await outsider.request(method, url), 404, "session_not_found")
        assert count(app, Combination) == 2
        assert {
            c["status"]
            for c in (await facilitator.get(f"{hall.base}/combinations")).json()["items"]
        } == {"open"}
