"""Another organisation's initiative is not found, and nothing of it changes."""

from collections.abc import Callable

import httpx
from fastapi import FastAPI
from sqlmodel import Session, select

from backend.models import Initiative, InitiativeAction, Steward, StewardMember
from tests.factories.accounts import make_access_token
from tests.factories.tables import assert_problem, read_rows
from tests.initiatives.factories import (
    make_action,
    make_chosen,
    make_initiative,
    make_member,
    make_steward,
    url,
)


class TestOtherOrganisation:
    async def test_every_route_is_not_found(
        self, app: FastAPI, db: Session, client: httpx.AsyncClient
    ) -> None:
        make_chosen(db, client)
        theirs = make_initiative(db, make_chosen(db))
        member = make_member(db, make_steward(db, theirs))
        action = make_action(db, theirs)
        calls: list[tuple[str, str, dict[str, object] | None]] = [
            ("GET", "", None),
            ("PATCH", "", {"title": "Mine now"}),
            ("GET", "/momentum", None),
            ("PUT", "/steward", {"kind": "person"}),
            ("POST", "/steward/members", {"display_name": "X", "role_label": "Y"}),
            ("PATCH", f"/steward/members/{member.id}", {"role_label": "Z"}),
            ("DELETE", f"/steward/members/{member.id}", None),
            ("POST", f"/steward/members/{member.id}/invitation", {}),
            ("GET", "/actions", None),
            ("POST", "/actions", {"title": "x", "owner_role": "y"}),
            ("PATCH", f"/actions/{action.id}", {"title": "x"}),
            ("DELETE", f"/actions/{action.id}", None),
            ("PUT", "/actions/order", {"action_ids": [str(action.id)]}),
            ("GET", f"/actions/{action.id}/updates", None),
            ("POST", f"/actions/{action.id}/updates", {"note": "x"}),
        ]
        for method, tail, body in calls:
            response = await client.request(
                method, url(theirs, tail), json=body, headers={"If-Match": '"1"'}
            )
            assert_problem(response, 404, "initiative_not_found")
        assert read_rows(app, select(Initiative))[0].title == theirs.title
        assert read_rows(app, select(StewardMember))[0].removed_at is None
        assert read_rows(app, select(Steward))[0].kind == "committee"
        assert len(read_rows(app, select(InitiativeAction))) == 1

    async def test_anonymous_and_scopes(
        self, db: Session, client: httpx.AsyncClient, new_client: Callable[..., httpx.AsyncClient]
    ) -> None:
        chosen = make_chosen(db, client)
        initiative = make_initiative(db, chosen)
        anonymous = new_client()
        assert_problem(await anonymous.get(url(initiative)), 401, "unauthenticated")
        token = make_access_token(db, chosen.room.facilitator.user, frozenset({"sessions:read"}))
        bearer = new_client(spa_like=False)
        headers = {"Authorization": f"Bearer {token}"}
        assert (await bearer.get(url(initiative), headers=headers)).status_code == 200
        response = await bearer.post(
            url(initiative, "/actions"), json={"title": "x", "owner_role": "y"}, headers=headers
        )
        assert_problem(response, 403, "insufficient_scope")
