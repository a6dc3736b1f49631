"""/organisations and their members."""

import uuid
from collections.abc import Callable

import httpx
import pytest
from sqlmodel import Session, select

from backend.models import Membership, Organisation, Role
from tests.accounts.helpers import FOREIGN, assert_problem, count, one, rows
from tests.conftest import BASE_URL
from tests.factories.accounts import (
    make_access_token,
    make_facilitator,
    make_organisation,
    sign_in_client,
)


def bearer(token: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}"}


def role_of(db: Session, membership_id: object) -> Role:
    return one(db, select(Membership.role).where(Membership.id == membership_id))


class TestListOrganisations:
    async def test_mine_with_my_role(self, db: Session, client: httpx.AsyncClient) -> None:
        ctx = make_facilitator(db)
        second = make_organisation(db, "Bwrdd Iechyd")
        make_facilitator(db, organisation=second)
        db.add(Membership(organisation_id=second.id, user_id=ctx.user.id, role=Role.facilitator))
        db.commit()
        make_facilitator(db)  # someone else's organisation
        sign_in_client(db, client, ctx.user)
        response = await client.get("/api/v1/organisations")
        assert response.status_code == 200
        assert [(o["name"], o["role"]) for o in response.json()["items"]] == [
            (ctx.organisation.name, "owner"),
            ("Bwrdd Iechyd", "facilitator"),
        ]

    async def test_token_scopes(self, db: Session, client: httpx.AsyncClient) -> None:
        ctx = make_facilitator(db)
        reader = make_access_token(db, ctx.user, frozenset({"organisation:read"}))
        other = make_access_token(db, ctx.user, frozenset({"sessions:read"}))
        ok = await client.get("/api/v1/organisations", headers=bearer(reader))
        assert ok.status_code == 200 and len(ok.json()["items"]) == 1
        refused = await client.get("/api/v1/organisations", headers=bearer(other))
        assert_problem(refused, 403, "insufficient_scope")

    async def test_anonymous(self, client: httpx.AsyncClient) -> None:
        assert_problem(await client.get("/api/v1/organisations"), 401, "unauthenticated")


class TestCreateOrganisation:
    async def test_valid(self, db: Session, client: httpx.AsyncClient) -> None:
        ctx = make_facilitator(db, role=Role.facilitator)
        sign_in_client(db, client, ctx.user)
        response = await client.post("/api/v1/organisations", json={"name": " Menter Môn "})
        assert response.status_code == 201, response.text
        body = response.json()
        assert (body["name"], body["role"]) == ("Menter Môn", "owner")
        membership = one(
            db, select(Membership).where(Membership.organisation_id == uuid.UUID(body["id"]))
        )
        assert membership.user_id == ctx.user.id and membership.role == Role.owner

    @pytest.mark.parametrize(
        "data", [{}, {"name": ""}, {"name": "n" * 201}, {"name": ["x"]}, {"name": "x", "id": "y"}]
    )
    async def test_bad_input(self, db: Session, client: httpx.AsyncClient, data: dict) -> None:
        ctx = make_facilitator(db)
        sign_in_client(db, client, ctx.user)
        response = await client.post("/api/v1/organisations", json=data)
        assert_problem(response, 422, "validation_failed")
        assert count(db, Organisation) == 1

    async def test_read_only_token(self, db: Session, client: httpx.AsyncClient) -> None:
        ctx = make_facilitator(db)
        token = make_access_token(db, ctx.user, frozenset({"organisation:read"}))
        response = await client.post(
            "/api/v1/organisations", json={"name": "X"}, headers=bearer(token)
        )
        assert_problem(response, 403, "insufficient_scope")
        assert count(db, Organisation) == 1

    async def test_write_token(self, db: Session, client: httpx.AsyncClient) -> None:
        ctx = make_facilitator(db)
        token = make_access_token(db, ctx.user, frozenset({"organisation:write"}))
        response = await client.post(
            "/api/v1/organisations", json={"name": "X"}, headers=bearer(token)
        )
        assert response.status_code == 201

    @pytest.mark.parametrize("foreign", [False, True])
    async def test_csrf(
        self, db: Session, new_client: Callable[..., httpx.AsyncClient], foreign: bool
    ) -> None:
        ctx = make_facilitator(db)
        raw = new_client(spa_like=False)
        sign_in_client(db, raw, ctx.user)
        headers = (
            {**FOREIGN, "X-CSRF-Token": raw.cookies.get("cyd_csrf") or ""}
            if foreign
            else {"Origin": BASE_URL}
        )
        response = await raw.post("/api/v1/organisations", json={"name": "X"}, headers=headers)
        assert_problem(response, 403, "csrf_failed")
        assert count(db, Organisation) == 1

    async def test_anonymous(self, db: Session, client: httpx.AsyncClient) -> None:
        response = await client.post("/api/v1/organisations", json={"name": "X"})
        assert_problem(response, 401, "unauthenticated")
        assert count(db, Organisation) == 0


class TestReadOrganisation:
    async def test_member(self, db: Session, client: httpx.AsyncClient) -> None:
        ctx = make_facilitator(db, role=Role.facilitator)
        sign_in_client(db, client, ctx.user)
        response = await client.get(f"/api/v1/organisations/{ctx.organisation.id}")
        assert response.status_code == 200
        assert response.json()["role"] == "facilitator"

    async def test_unknown_and_malformed_ids(self, db: Session, client: httpx.AsyncClient) -> None:
        ctx = make_facilitator(db)
        sign_in_client(db, client, ctx.user)
        unknown = await client.get("/api/v1/organisations/00000000-0000-0000-0000-000000000000")
        assert_problem(unknown, 404, "organisation_not_found")
        malformed = await client.get("/api/v1/organisations/1")
        assert_problem(malformed, 422, "validation_failed")


class TestUpdateOrganisation:
    async def test_owner(self, db: Session, client: httpx.AsyncClient) -> None:
        ctx = make_facilitator(db)
        sign_in_client(db, client, ctx.user)
        response = await client.patch(
            f"/api/v1/organisations/{ctx.organisation.id}", json={"name": "Cyngor Ceredigion"}
        )
        assert response.status_code == 200
        assert response.json()["name"] == "Cyngor Ceredigion"
        assert one(db, select(Organisation.name)) == "Cyngor Ceredigion"

    async def test_facilitator_is_not_owner(self, db: Session, client: httpx.AsyncClient) -> None:
        ctx = make_facilitator(db, role=Role.facilitator)
        sign_in_client(db, client, ctx.user)
        response = await client.patch(
            f"/api/v1/organisations/{ctx.organisation.id}", json={"name": "Renamed"}
        )
        assert_problem(response, 403, "owner_required")
        assert one(db, select(Organisation.name)) == ctx.organisation.name

    @pytest.mark.parametrize("data", [{"name": ""}, {"name": "n" * 201}, {"name": 1}])
    async def test_bad_input(self, db: Session, client: httpx.AsyncClient, data: dict) -> None:
        ctx = make_facilitator(db)
        sign_in_client(db, client, ctx.user)
        response = await client.patch(f"/api/v1/organisations/{ctx.organisation.id}", json=data)
        assert_problem(response, 422, "validation_failed")
        assert one(db, select(Organisation.name)) == ctx.organisation.name


class TestListMembers:
    async def test_members_with_roles(self, db: Session, client: httpx.AsyncClient) -> None:
        owner = make_facilitator(db, name="Olwen")
        helper = make_facilitator(
            db, organisation=owner.organisation, role=Role.facilitator, name="Huw"
        )
        make_facilitator(db, name="Stranger")
        sign_in_client(db, client, helper.user)
        response = await client.get(f"/api/v1/organisations/{owner.organisation.id}/members")
        assert response.status_code == 200
        assert [(m["name"], m["role"], m["id"]) for m in response.json()["items"]] == [
            ("Olwen", "owner", str(owner.membership.id)),
            ("Huw", "facilitator", str(helper.membership.id)),
        ]

    async def test_pages(self, db: Session, client: httpx.AsyncClient) -> None:
        owner = make_facilitator(db)
        for _ in range(2):
            make_facilitator(db, organisation=owner.organisation, role=Role.facilitator)
        sign_in_client(db, client, owner.user)
        url = f"/api/v1/organisations/{owner.organisation.id}/members"
        first = (await client.get(url, params={"limit": 2})).json()
        rest = (await client.get(url, params={"cursor": first["next_cursor"]})).json()
        assert len(first["items"]) == 2 and len(rest["items"]) == 1
        bad = await client.get(url, params={"cursor": "not-a-cursor"})
        assert_problem(bad, 400, "invalid_cursor")


class TestUpdateMember:
    async def test_owner_promotes(self, db: Session, client: httpx.AsyncClient) -> None:
        owner = make_facilitator(db)
        helper = make_facilitator(db, organisation=owner.organisation, role=Role.facilitator)
        sign_in_client(db, client, owner.user)
        response = await client.patch(
            f"/api/v1/organisations/{owner.organisation.id}/members/{helper.membership.id}",
            json={"role": "owner"},
        )
        assert response.status_code == 200, response.text
        assert response.json()["role"] == "owner"
        assert role_of(db, helper.membership.id) == Role.owner

    async def test_last_owner_cannot_step_down(
        self, db: Session, client: httpx.AsyncClient
    ) -> None:
        owner = make_facilitator(db)
        sign_in_client(db, client, owner.user)
        url = f"/api/v1/organisations/{owner.organisation.id}/members/{owner.membership.id}"
        response = await client.patch(url, json={"role": "facilitator"})
        assert_problem(response, 409, "last_owner")
        assert role_of(db, owner.membership.id) == Role.owner

    async def test_an_owner_can_step_down_when_another_remains(
        self, db: Session, client: httpx.AsyncClient
    ) -> None:
        owner = make_facilitator(db)
        make_facilitator(db, organisation=owner.organisation, role=Role.owner)
        sign_in_client(db, client, owner.user)
        url = f"/api/v1/organisations/{owner.organisation.id}/members/{owner.membership.id}"
        assert (await client.patch(url, json={"role": "facilitator"})).status_code == 200
        assert role_of(db, owner.membership.id) == Role.facilitator

    async def test_facilitator_cannot_change_roles(
        self, db: Session, client: httpx.AsyncClient
    ) -> None:
        owner = make_facilitator(db)
        helper = make_facilitator(db, organisation=owner.organisation, role=Role.facilitator)
        sign_in_client(db, client, helper.user)
        url = f"/api/v1/organisations/{owner.organisation.id}/members/{helper.membership.id}"
        assert_problem(await client.patch(url, json={"role": "owner"}), 403, "owner_required")
        assert role_of(db, helper.membership.id) == Role.facilitator

    async def test_member_of_another_organisation(
        self, db: Session, client: httpx.AsyncClient
    ) -> None:
        owner, stranger = make_facilitator(db), make_facilitator(db, role=Role.facilitator)
        sign_in_client(db, client, owner.user)
        url = f"/api/v1/organisations/{owner.organisation.id}/members/{stranger.membership.id}"
        assert_problem(await client.patch(url, json={"role": "owner"}), 404, "member_not_found")
        assert role_of(db, stranger.membership.id) == Role.facilitator

    @pytest.mark.parametrize("data", [{"role": "admin"}, {"role": None}, {}, {"role": 1}])
    async def test_bad_role(self, db: Session, client: httpx.AsyncClient, data: dict) -> None:
        owner = make_facilitator(db)
        helper = make_facilitator(db, organisation=owner.organisation, role=Role.facilitator)
        sign_in_client(db, client, owner.user)
        url = f"/api/v1/organisations/{owner.organisation.id}/members/{helper.membership.id}"
        assert_problem(await client.patch(url, json=data), 422, "validation_failed")
        assert role_of(db, helper.membership.id) == Role.facilitator


class TestRemoveMember:
    async def test_owner_removes(self, db: Session, client: httpx.AsyncClient) -> None:
        owner = make_facilitator(db)
        helper = make_facilitator(db, organisation=owner.organisation, role=Role.facilitator)
        sign_in_client(db, client, owner.user)
        url = f"/api/v1/organisations/{owner.organisation.id}/members/{helper.membership.id}"
        assert (await client.delete(url)).status_code == 204
        assert [m.id for m in rows(db, select(Membership))] == [owner.membership.id]
        # The removed facilitator no longer sees the organisation.
        sign_in_client(db, client, helper.user)
        gone = await client.get(f"/api/v1/organisations/{owner.organisation.id}")
        assert_problem(gone, 404, "organisation_not_found")

    async def test_last_owner_cannot_go(self, db: Session, client: httpx.AsyncClient) -> None:
        owner = make_facilitator(db)
        make_facilitator(db, organisation=owner.organisation, role=Role.facilitator)
        sign_in_client(db, client, owner.user)
        url = f"/api/v1/organisations/{owner.organisation.id}/members/{owner.membership.id}"
        assert_problem(await client.delete(url), 409, "last_owner")
        assert count(db, Membership) == 2

    async def test_facilitator_may_leave(self, db: Session, client: httpx.AsyncClient) -> None:
        owner = make_facilitator(db)
        helper = make_facilitator(db, organisation=owner.organisation, role=Role.facilitator)
        sign_in_client(db, client, helper.user)
        url = f"/api/v1/organisations/{owner.organisation.id}/members/{helper.membership.id}"
        assert (await client.delete(url)).status_code == 204
        assert count(db, Membership) == 1

    async def test_facilitator_cannot_remove_others(
        self, db: Session, client: httpx.AsyncClient
    ) -> None:
        owner = make_facilitator(db)
        helper = make_facilitator(db, organisation=owner.organisation, role=Role.facilitator)
        sign_in_client(db, client, helper.user)
        url = f"/api/v1/organisations/{owner.organisation.id}/members/{owner.membership.id}"
        assert_problem(await client.delete(url), 403, "owner_required")
        assert count(db, Membership) == 2

    async def test_member_of_another_organisation(
        self, db: Session, client: httpx.AsyncClient
    ) -> None:
        owner, stranger = make_facilitator(db), make_facilitator(db)
        sign_in_client(db, client, owner.user)
        url = f"/api/v1/organisations/{owner.organisation.id}/members/{stranger.membership.id}"
        assert_problem(await client.delete(url), 404, "member_not_found")
        assert count(db, Membership) == 2
