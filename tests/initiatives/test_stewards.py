"""Stewards, their members, invitation links and accepting them."""

from collections.abc import Callable
from datetime import timedelta

import httpx
from fastapi import FastAPI
from sqlmodel import Session, select

from backend.config import Settings
from backend.kit.clock import utcnow
from backend.models import StewardInvitation, StewardMember
from tests.factories.accounts import make_facilitator, sign_in_client
from tests.factories.mail import read_outbox
from tests.factories.tables import assert_problem, read_rows
from tests.initiatives.factories import (
    make_chosen,
    make_initiative,
    make_member,
    make_steward,
    make_steward_user,
    url,
)


def token_of(link: str) -> str:
    return link.split("#", 1)[1]


class TestSteward:
    async def test_set_then_change_kind(self, db: Session, client: httpx.AsyncClient) -> None:
        initiative = make_initiative(db, make_chosen(db, client))
        made = await client.put(url(initiative, "/steward"), json={"kind": "person"})
        assert made.status_code == 200, made.text
        changed = await client.put(
            url(initiative, "/steward"),
            json={"kind": "independent_party", "name": "Bws Cymunedol Cyf"},
        )
        assert changed.json()["kind"] == "independent_party"
        assert changed.json()["id"] == made.json()["id"]
        detail = (await client.get(url(initiative))).json()
        assert detail["steward"]["name"] == "Bws Cymunedol Cyf"

    async def test_shapes(self, db: Session, client: httpx.AsyncClient) -> None:
        initiative = make_initiative(db, make_chosen(db, client))
        for kind in ("committee", "independent_party"):
            response = await client.put(url(initiative, "/steward"), json={"kind": kind})
            assert_problem(response, 422, "steward_shape")
        response = await client.put(url(initiative, "/steward"), json={"kind": "board"})
        assert_problem(response, 422, "validation_failed")
        member = {"display_name": "Siân", "role_label": "Chair"}
        response = await client.post(url(initiative, "/steward/members"), json=member)
        assert_problem(response, 422, "steward_not_set")
        await client.put(url(initiative, "/steward"), json={"kind": "person"})
        assert (
            await client.post(url(initiative, "/steward/members"), json=member)
        ).status_code == 201
        response = await client.post(url(initiative, "/steward/members"), json=member)
        assert_problem(response, 422, "steward_shape")

    async def test_members_crud(self, app: FastAPI, db: Session, client: httpx.AsyncClient) -> None:
        initiative = make_initiative(db, make_chosen(db, client))
        make_steward(db, initiative)
        created = await client.post(
            url(initiative, "/steward/members"),
            json={"display_name": "Siân", "role_label": "Chair", "agreed_to_be_named": True},
        )
        member_id = created.json()["id"]
        assert created.json()["linked"] is False
        updated = await client.patch(
            url(initiative, f"/steward/members/{member_id}"), json={"role_label": "Treasurer"}
        )
        assert updated.json()["role_label"] == "Treasurer"
        bad = await client.patch(
            url(initiative, f"/steward/members/{member_id}"), json={"email": "not-an-email"}
        )
        assert_problem(bad, 422, "validation_failed")
        removed = await client.delete(url(initiative, f"/steward/members/{member_id}"))
        assert removed.status_code == 204
        assert (await client.get(url(initiative))).json()["steward"]["members"] == []
        assert read_rows(app, select(StewardMember))[0].removed_at is not None
        again = await client.delete(url(initiative, f"/steward/members/{member_id}"))
        assert_problem(again, 404, "steward_member_not_found")


class TestInvitation:
    async def test_link_emailed_in_welsh_and_accepted_by_signed_in_user(
        self,
        db: Session,
        settings: Settings,
        client: httpx.AsyncClient,
        new_client: Callable[..., httpx.AsyncClient],
    ) -> None:
        initiative = make_initiative(db, make_chosen(db, client))
        member = make_member(db, make_steward(db, initiative), email="sian@example.org")
        invited = await client.post(
            url(initiative, f"/steward/members/{member.id}/invitation"), json={"locale": "cy"}
        )
        assert invited.status_code == 201, invited.text
        link = invited.json()["link"]
        assert "/steward-invitation#cyd_stw_" in link
        assert invited.json()["emailed_to"] == "sian@example.org"
        [mail] = read_outbox(settings)
        assert mail["to"] == "sian@example.org" and mail["locale"] == "cy"
        assert link in mail["text"] and "stiwardio" in mail["subject"]

        steward = new_client()
        preview = await steward.post(
            "/api/v1/steward-invitations/preview", json={"token": token_of(link)}
        )
        assert preview.json()["initiative_title"] == initiative.title
        outsider = make_facilitator(db, name="Siân")
        sign_in_client(db, steward, outsider.user)
        assert (await steward.get(url(initiative))).status_code == 404
        accepted = await steward.post(
            "/api/v1/steward-invitations/accept", json={"token": token_of(link)}
        )
        assert accepted.status_code == 200, accepted.text
        assert accepted.json()["initiative_id"] == str(initiative.id)
        detail = (await steward.get(url(initiative))).json()
        assert detail["acting_as_steward"] is True and detail["can_manage_steward"] is False
        mine = (await steward.get("/api/v1/me/stewardships")).json()["items"]
        assert [s["initiative_id"] for s in mine] == [str(initiative.id)]
        used = await steward.post(
            "/api/v1/steward-invitations/accept", json={"token": token_of(link)}
        )
        assert_problem(used, 400, "steward_invitation_invalid")
        linked = await client.post(
            url(initiative, f"/steward/members/{member.id}/invitation"), json={}
        )
        assert_problem(linked, 409, "steward_member_linked")

    async def test_accept_makes_an_account(
        self, db: Session, client: httpx.AsyncClient, new_client: Callable[..., httpx.AsyncClient]
    ) -> None:
        initiative = make_initiative(db, make_chosen(db, client))
        member = make_member(db, make_steward(db, initiative))
        link = (
            await client.post(url(initiative, f"/steward/members/{member.id}/invitation"), json={})
        ).json()["link"]
        steward = new_client()
        accept = "/api/v1/steward-invitations/accept"
        missing = await steward.post(accept, json={"token": token_of(link), "name": "Siân"})
        assert_problem(missing, 422, "account_details_required")
        body = {
            "token": token_of(link),
            "name": "Siân",
            "email": "sian@example.org",
            "password": "a long enough password",
        }
        accepted = await steward.post(accept, json=body)
        assert accepted.status_code == 200, accepted.text
        action = {"title": "Book the hall", "owner_role": "Chair"}
        assert (await steward.post(url(initiative, "/actions"), json=action)).status_code == 201

    async def test_expired_replaced_and_unknown_tokens(
        self, db: Session, client: httpx.AsyncClient, new_client: Callable[..., httpx.AsyncClient]
    ) -> None:
        initiative = make_initiative(db, make_chosen(db, client))
        member = make_member(db, make_steward(db, initiative))
        invite = url(initiative, f"/steward/members/{member.id}/invitation")
        first = token_of((await client.post(invite, json={})).json()["link"])
        second = token_of((await client.post(invite, json={})).json()["link"])
        steward = new_client()
        sign_in_client(db, steward, make_facilitator(db).user)
        accept = "/api/v1/steward-invitations/accept"
        for token in (first, "cyd_stw_unknown"):
            assert_problem(
                await steward.post(accept, json={"token": token}), 400, "steward_invitation_invalid"
            )
        row = db.exec(
            select(StewardInvitation).where(StewardInvitation.revoked_at == None)  # noqa: E711
        ).one()
        row.expires_at = utcnow() - timedelta(minutes=1)
        db.add(row)
        db.commit()
        assert_problem(
            await steward.post(accept, json={"token": second}), 400, "steward_invitation_invalid"
        )
        preview = await steward.post("/api/v1/steward-invitations/preview", json={"token": second})
        assert_problem(preview, 400, "steward_invitation_invalid")

    async def test_removed_member_link_stops_working(
        self, db: Session, client: httpx.AsyncClient, new_client: Callable[..., httpx.AsyncClient]
    ) -> None:
        initiative = make_initiative(db, make_chosen(db, client))
        member = make_member(db, make_steward(db, initiative))
        link = (
            await client.post(url(initiative, f"/steward/members/{member.id}/invitation"), json={})
        ).json()["link"]
        await client.delete(url(initiative, f"/steward/members/{member.id}"))
        steward = new_client()
        sign_in_client(db, steward, make_facilitator(db).user)
        response = await steward.post(
            "/api/v1/steward-invitations/accept", json={"token": token_of(link)}
        )
        assert_problem(response, 400, "steward_invitation_invalid")


class TestStewardAccess:
    async def test_steward_keeps_the_plan_but_not_the_steward(
        self, db: Session, client: httpx.AsyncClient, new_client: Callable[..., httpx.AsyncClient]
    ) -> None:
        chosen = make_chosen(db, client)
        initiative = make_initiative(db, chosen)
        steward = new_client()
        _user, member = make_steward_user(db, steward, initiative)
        action = {"title": "Book the hall", "owner_role": "Chair"}
        assert (await steward.post(url(initiative, "/actions"), json=action)).status_code == 201
        response = await steward.put(url(initiative, "/steward"), json={"kind": "person"})
        assert_problem(response, 403, "organisation_member_required")
        response = await steward.post(
            url(initiative, "/steward/members"), json={"display_name": "X", "role_label": "Y"}
        )
        assert_problem(response, 403, "organisation_member_required")
        await client.delete(url(initiative, f"/steward/members/{member.id}"))
        assert_problem(await steward.get(url(initiative)), 404, "initiative_not_found")
        response = await steward.post(url(initiative, "/actions"), json=action)
        assert_problem(response, 404, "initiative_not_found")
        assert (await steward.get("/api/v1/me/stewardships")).json()["items"] == []

    async def test_steward_of_one_initiative_cannot_touch_another(
        self, db: Session, client: httpx.AsyncClient, new_client: Callable[..., httpx.AsyncClient]
    ) -> None:
        chosen = make_chosen(db, client)
        mine = make_initiative(db, chosen)
        other = make_initiative(db, make_chosen(db), title="Other")
        steward = new_client()
        make_steward_user(db, steward, mine)
        action = {"title": "Book the hall", "owner_role": "Chair"}
        assert (await steward.post(url(mine, "/actions"), json=action)).status_code == 201
        for response in (
            await steward.get(url(other)),
            await steward.post(url(other, "/actions"), json=action),
            await steward.get(url(other, "/momentum")),
        ):
            assert_problem(response, 404, "initiative_not_found")
