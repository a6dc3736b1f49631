"""Calls of the combinations API as the tables' members make them, and rows to check."""

from typing import Any

import httpx
from fastapi import FastAPI

from backend.models import Combination, CombinationVote, IdeaParent
from backend.models.combinations import CombinationSupport
from tests.factories.ideas import count
from tests.pitches.helpers import ME, Team

URL = f"{ME}/combinations"
TEXT = "Buddies on free Sunday buses"


async def propose(
    client: httpx.AsyncClient, by: Team, to: Team, text: str = TEXT, member: int = 0
) -> httpx.Response:
    return await client.post(
        URL, json={"table_id": str(to.table.id), "text": text}, headers=by.auth(member)
    )


async def act(
    client: httpx.AsyncClient,
    method: str,
    combination: dict[str, Any],
    what: str,
    team: Team,
    member: int = 0,
) -> httpx.Response:
    """`what`: support | withdrawal; `method`: PUT (agree) or DELETE (take it back)."""
    return await client.request(
        method, f"{URL}/{combination['id']}/{what}", headers=team.auth(member)
    )


async def vote(
    client: httpx.AsyncClient, combination: dict[str, Any], team: Team, member: int, accept: bool
) -> httpx.Response:
    return await client.post(
        f"{URL}/{combination['id']}/votes", json={"accept": accept}, headers=team.auth(member)
    )


async def sent(client: httpx.AsyncClient, by: Team, to: Team, text: str = TEXT) -> dict[str, Any]:
    """Drafted by member 0, then supported by members 1, 2 ... until a majority sends it."""
    response = await propose(client, by, to, text)
    assert response.status_code == 201, response.text
    body = response.json()
    member = 1
    while body["status"] == "draft":
        body = (await act(client, "PUT", body, "support", by, member)).json()
        member += 1
    assert body["status"] == "open", body
    return dict(body)


def rows(app: FastAPI) -> tuple[int, int, int, int]:
    """(proposals, supports, votes, idea parents) written so far."""
    return (
        count(app, Combination),
        count(app, CombinationSupport),
        count(app, CombinationVote),
        count(app, IdeaParent),
    )
