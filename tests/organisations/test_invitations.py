"""Invitations: create (email via the outbox), list, revoke, preview and accept."""

from collections.abc import Callable
from datetime import timedelta

import httpx
import pytest
from sqlmodel import Session, select

from backend.config import Settings
from backend.kit.clock import utcnow
from backend.kit.tokens import hash_token
from backend.models import Invitation, Membership, Organisation, Role, User
from tests.accounts.helpers import FOREIGN, assert_problem, count, one, rows
from tests.factories.accounts import (
    FacilitatorCtx,
    make_access_token,
    make_facilitator,
    sign_in_client,
)
from tests.factories.mail import link_token, read_outbox


def invitations_url(organisation: Organisation) -> str:
    return f"/api/v1/organisations/{organisation.id}/invitations"


async def invite(
    db: Session,
    client: httpx.AsyncClient,
    owner: FacilitatorCtx,
    settings: Settings,
    email: str = "Newydd@Example.org",
    role: str = "facilitator",
) -> str:
    """Invite `email` as `owner` through the API; the token from the emailed link."""
    sign_in_client(db, client, owner.user)
    response = await client.post(
        invitations_url(owner.organisation), json={"email": email, "role": role}
    )
    assert response.status_code == 201, response.text
    return link_token(read_outbox(settings)[-1])


def make_invitation(
    db: Session, organisation: Organisation, token: str, **fields: object
) -> Invitation:
    invitation = Invitation(
        organisation_id=organisation.id,
        email=str(fields.pop("email", "newydd@example.org")),
        token_hash=hash_token(token),
        expires_at=fields.pop("expires_at", utcnow() + timedelta(days=7)),  # type: ignore[arg-type]
        **fields,  # type: ignore[arg-type]
    )
    db.add(invitation)
    db.commit()
    return invitation


class TestCreateInvitation:
    async def test_valid_sends_an_english_email(
        self, db: Session, client: httpx.AsyncClient, settings: Settings
    ) -> None:
        owner = make_facilitator(db, name="Olwen")
        sign_in_client(db, client, owner.user)
        response = await client.post(
            invitations_url(owner.organisation),
            json={"email": "Newydd@Example.org", "role": "owner"},
        )
        assert response.status_code == 201, response.text
        body = response.json()
        assert (body["email"], body["role"]) == ("newydd@example.org", "owner")
        assert "token" not in body and "token_hash" not in body
        [message] = read_outbox(settings)
        assert message["to"] == "newydd@example.org" and message["locale"] == "en"
        assert message["subject"] == f"Cyd: an invitation to join {owner.organisation.name}"
        assert "Olwen has invited you" in message["text"] and "as an owner" in message["text"]
        assert f"{settings.public_base_url}/invitations/accept?token=" in message["text"]
        invitation = one(db, select(Invitation))
        assert invitation.token_hash == hash_token(link_token(message))
        assert invitation.invited_by_id == owner.user.id and invitation.role == Role.owner
        assert timedelta(days=6, hours=23) < invitation.expires_at - utcnow() <= timedelta(days=7)

    async def test_welsh_inviter_sends_welsh(
        self, db: Session, client: httpx.AsyncClient, settings: Settings
    ) -> None:
        owner = make_facilitator(db, name="Gwyn")
        owner.user.locale = "cy"
        db.add(owner.user)
        db.commit()
        await invite(db, client, owner, settings)
        [message] = read_outbox(settings)
        assert message["locale"] == "cy"
        assert message["subject"] == f"Cyd: gwahoddiad i ymuno â {owner.organisation.name}"
        assert "Mae Gwyn wedi eich gwahodd" in message["text"]
        assert "fel hwylusydd" in message["text"]

    async def test_inviting_again_replaces_the_link(
        self, db: Session, client: httpx.AsyncClient, settings: Settings
    ) -> None:
        owner = make_facilitator(db)
        first = await invite(db, client, owner, settings)
        second = await invite(db, client, owner, settings)
        assert first != second
        pending = rows(db, select(Invitation).where(Invitation.revoked_at == None))  # noqa: E711
        assert [i.token_hash for i in pending] == [hash_token(second)]

    async def test_existing_member(
        self, db: Session, client: httpx.AsyncClient, settings: Settings
    ) -> None:
        owner = make_facilitator(db)
        make_facilitator(db, organisation=owner.organisation, email="huw@example.org")
        sign_in_client(db, client, owner.user)
        response = await client.post(
            invitations_url(owner.organisation), json={"email": "HUW@example.org"}
        )
        assert_problem(response, 409, "already_member")
        assert count(db, Invitation) == 0 and read_outbox(settings) == []

    async def test_facilitator_is_not_owner(
        self, db: Session, client: httpx.AsyncClient, settings: Settings
    ) -> None:
        helper = make_facilitator(db, role=Role.facilitator)
        sign_in_client(db, client, helper.user)
        response = await client.post(
            invitations_url(helper.organisation), json={"email": "x@example.org"}
        )
        assert_problem(response, 403, "owner_required")
        assert count(db, Invitation) == 0 and read_outbox(settings) == []

    @pytest.mark.parametrize(
        "data",
        [
            {"email": "x@example.org", "role": "admin"},
            {"email": "not-an-email"},
            {"email": "x" * 320 + "@example.org"},
            {"email": ["x@example.org"]},
            {},
        ],
    )
    async def test_bad_input(
        self, db: Session, client: httpx.AsyncClient, settings: Settings, data: dict
    ) -> None:
        owner = make_facilitator(db)
        sign_in_client(db, client, owner.user)
        response = await client.post(invitations_url(owner.organisation), json=data)
        assert_problem(response, 422, "validation_failed")
        assert count(db, Invitation) == 0 and read_outbox(settings) == []

    async def test_malformed_json(
        self, db: Session, client: httpx.AsyncClient, settings: Settings
    ) -> None:
        owner = make_facilitator(db)
        sign_in_client(db, client, owner.user)
        response = await client.post(
            invitations_url(owner.organisation),
            content=b"{email:",
            headers={"content-type": "application/json"},
        )
        assert_problem(response, 400, "malformed_json")
        assert count(db, Invitation) == 0


class TestListInvitations:
    async def test_pending_only(self, db: Session, client: httpx.AsyncClient) -> None:
        owner = make_facilitator(db)
        helper = make_facilitator(db, organisation=owner.organisation, role=Role.facilitator)
        org = owner.organisation
        pending = make_invitation(db, org, "t1", email="a@example.org")
        make_invitation(db, org, "t2", email="b@example.org", revoked_at=utcnow())
        make_invitation(db, org, "t3", email="c@example.org", accepted_at=utcnow())
        make_invitation(
            db, org, "t4", email="d@example.org", expires_at=utcnow() - timedelta(minutes=1)
        )
        make_invitation(db, make_facilitator(db).organisation, "t5", email="e@example.org")
        sign_in_client(db, client, helper.user)
        response = await client.get(invitations_url(org))
        assert response.status_code == 200
        assert [i["id"] for i in response.json()["items"]] == [str(pending.id)]


class TestRevokeInvitation:
    async def test_valid(self, db: Session, client: httpx.AsyncClient) -> None:
        owner = make_facilitator(db)
        invitation = make_invitation(db, owner.organisation, "tok")
        sign_in_client(db, client, owner.user)
        url = f"{invitations_url(owner.organisation)}/{invitation.id}"
        assert (await client.delete(url)).status_code == 204
        assert one(db, select(Invitation.revoked_at)) is not None
        preview = await client.post("/api/v1/invitations/preview", json={"token": "tok"})
        assert_problem(preview, 400, "invitation_invalid")
        assert_problem(await client.delete(url), 404, "invitation_not_found")

    async def test_facilitator_is_not_owner(self, db: Session, client: httpx.AsyncClient) -> None:
        owner = make_facilitator(db)
        helper = make_facilitator(db, organisation=owner.organisation, role=Role.facilitator)
        invitation = make_invitation(db, owner.organisation, "tok")
        sign_in_client(db, client, helper.user)
        url = f"{invitations_url(owner.organisation)}/{invitation.id}"
        assert_problem(await client.delete(url), 403, "owner_required")
        assert one(db, select(Invitation.revoked_at)) is None

    async def test_invitation_of_another_organisation(
        self, db: Session, client: httpx.AsyncClient
    ) -> None:
        owner, other = make_facilitator(db), make_facilitator(db)
        theirs = make_invitation(db, other.organisation, "tok")
        sign_in_client(db, client, owner.user)
        url = f"{invitations_url(owner.organisation)}/{theirs.id}"
        assert_problem(await client.delete(url), 404, "invitation_not_found")
        assert one(db, select(Invitation.revoked_at)) is None


class TestPreviewInvitation:
    async def test_anonymous(self, db: Session, client: httpx.AsyncClient) -> None:
        owner = make_facilitator(db)
        make_invitation(db, owner.organisation, "tok", role=Role.owner)
        response = await client.post("/api/v1/invitations/preview", json={"token": "tok"})
        assert response.status_code == 200
        body = response.json()
        assert body["organisation_name"] == owner.organisation.name
        assert (body["email"], body["role"], body["account_exists"]) == (
            "newydd@example.org",
            "owner",
            False,
        )

    @pytest.mark.parametrize(
        "fields",
        [
            {"expires_at": utcnow() - timedelta(seconds=1)},
            {"revoked_at": utcnow()},
            {"accepted_at": utcnow()},
        ],
    )
    async def test_unusable(self, db: Session, client: httpx.AsyncClient, fields: dict) -> None:
        make_invitation(db, make_facilitator(db).organisation, "tok", **fields)
        response = await client.post("/api/v1/invitations/preview", json={"token": "tok"})
        assert_problem(response, 400, "invitation_invalid")

    @pytest.mark.parametrize("data", [{}, {"token": ""}, {"token": "t" * 201}, {"token": 1}])
    async def test_bad_input(self, client: httpx.AsyncClient, data: dict) -> None:
        response = await client.post("/api/v1/invitations/preview", json=data)
        assert_problem(response, 422, "validation_failed")


class TestAcceptInvitation:
    async def test_new_account(
        self,
        db: Session,
        client: httpx.AsyncClient,
        new_client: Callable[..., httpx.AsyncClient],
        settings: Settings,
    ) -> None:
        owner = make_facilitator(db)
        token = await invite(db, client, owner, settings)
        newcomer = new_client()
        response = await newcomer.post(
            "/api/v1/invitations/accept",
            json={"token": token, "name": "Nia", "password": "a strong passphrase", "locale": "cy"},
        )
        assert response.status_code == 200, response.text
        body = response.json()
        assert body["user"]["email"] == "newydd@example.org" and body["user"]["locale"] == "cy"
        assert [(m["organisation_id"], m["role"]) for m in body["memberships"]] == [
            (str(owner.organisation.id), "facilitator")
        ]
        assert newcomer.cookies.get("cyd_session")
        assert (await newcomer.get("/api/v1/auth/me")).status_code == 200
        invitation = one(db, select(Invitation))
        assert invitation.accepted_at is not None
        assert str(invitation.accepted_by_id) == body["user"]["id"]
        # The link works once.
        again = await new_client().post(
            "/api/v1/invitations/accept",
            json={"token": token, "name": "Eve", "password": "another passphrase"},
        )
        assert_problem(again, 400, "invitation_invalid")
        assert count(db, User) == 2

    async def test_signed_in_user_joins(
        self,
        db: Session,
        client: httpx.AsyncClient,
        settings: Settings,
        new_client: Callable[..., httpx.AsyncClient],
    ) -> None:
        owner = make_facilitator(db)
        token = await invite(db, client, owner, settings, email="someone-else@example.org")
        elsewhere = make_facilitator(db, email="huw@example.org")
        browser = new_client()
        sign_in_client(db, browser, elsewhere.user)
        response = await browser.post("/api/v1/invitations/accept", json={"token": token})
        assert response.status_code == 200, response.text
        assert len(response.json()["memberships"]) == 2
        assert "set-cookie" not in response.headers
        member = one(
            db,
            select(Membership).where(
                Membership.organisation_id == owner.organisation.id,
                Membership.user_id == elsewhere.user.id,
            ),
        )
        assert member.role == Role.facilitator
        assert one(db, select(Invitation.accepted_by_id)) == elsewhere.user.id

    async def test_already_a_member_keeps_the_invitation(
        self, db: Session, client: httpx.AsyncClient
    ) -> None:
        owner = make_facilitator(db)
        make_invitation(db, owner.organisation, "tok", email=owner.user.email)
        sign_in_client(db, client, owner.user)
        response = await client.post("/api/v1/invitations/accept", json={"token": "tok"})
        assert_problem(response, 409, "already_member")
        assert one(db, select(Invitation.accepted_at)) is None

    async def test_anonymous_needs_name_and_password(
        self, db: Session, client: httpx.AsyncClient
    ) -> None:
        make_invitation(db, make_facilitator(db).organisation, "tok")
        response = await client.post(
            "/api/v1/invitations/accept", json={"token": "tok", "name": "Nia"}
        )
        body = assert_problem(response, 422, "account_details_required")
        assert [e["loc"] for e in body["errors"]] == [["body", "password"]]
        assert count(db, User) == 1 and one(db, select(Invitation.accepted_at)) is None

    async def test_anonymous_with_existing_account(
        self, db: Session, client: httpx.AsyncClient
    ) -> None:
        make_facilitator(db, email="newydd@example.org")
        make_invitation(db, make_facilitator(db).organisation, "tok")
        response = await client.post(
            "/api/v1/invitations/accept",
            json={"token": "tok", "name": "Nia", "password": "a strong passphrase"},
        )
        assert_problem(response, 409, "account_exists")
        assert count(db, Membership) == 2 and one(db, select(Invitation.accepted_at)) is None
        preview = await client.post("/api/v1/invitations/preview", json={"token": "tok"})
        assert preview.json()["account_exists"] is True

    @pytest.mark.parametrize(
        "change",
        [{"password": "short"}, {"name": "n" * 121}, {"locale": "fr"}, {"role": "owner"}],
    )
    async def test_bad_input(self, db: Session, client: httpx.AsyncClient, change: dict) -> None:
        make_invitation(db, make_facilitator(db).organisation, "tok")
        data = {"token": "tok", "name": "Nia", "password": "a strong passphrase", **change}
        response = await client.post("/api/v1/invitations/accept", json=data)
        assert_problem(response, 422, "validation_failed")
        assert count(db, User) == 1 and one(db, select(Invitation.accepted_at)) is None

    async def test_access_token_cannot_accept(self, db: Session, client: httpx.AsyncClient) -> None:
        make_invitation(db, make_facilitator(db).organisation, "tok")
        token = make_access_token(db, make_facilitator(db).user)
        response = await client.post(
            "/api/v1/invitations/accept",
            json={"token": "tok"},
            headers={"Authorization": f"Bearer {token}"},
        )
        assert_problem(response, 403, "cookie_session_required")
        assert one(db, select(Invitation.accepted_at)) is None

    async def test_cross_site_origin_refused(
        self, db: Session, new_client: Callable[..., httpx.AsyncClient]
    ) -> None:
        make_invitation(db, make_facilitator(db).organisation, "tok")
        raw = new_client(spa_like=False)
        response = await raw.post(
            "/api/v1/invitations/accept",
            json={"token": "tok", "name": "Nia", "password": "a strong passphrase"},
            headers=FOREIGN,
        )
        assert_problem(response, 403, "csrf_failed")
        assert count(db, User) == 1

    async def test_revoked(self, db: Session, client: httpx.AsyncClient) -> None:
        make_invitation(db, make_facilitator(db).organisation, "tok", revoked_at=utcnow())
        response = await client.post(
            "/api/v1/invitations/accept",
            json={"token": "tok", "name": "Nia", "password": "a strong passphrase"},
        )
        assert_problem(response, 400, "invitation_invalid")
        assert count(db, User) == 1
