"""Managing API keys: owners only, shown once, stored hashed, revocable; bad input writes nothing."""

import uuid
from datetime import timedelta

import httpx
import pytest
from fastapi import FastAPI
from sqlmodel import Session, select

from backend.kit.clock import utcnow
from backend.kit.tokens import hash_token
from backend.models import PartnerApiKey, Role
from tests.factories.accounts import make_access_token
from tests.partners.helpers import API, bearer, signed_in

BODY = {"name": "Funder dashboard", "scopes": ["sessions:read", "outcomes:read"]}


def key_count(app: FastAPI) -> int:
    with Session(app.state.engine) as db:
        return len(db.exec(select(PartnerApiKey)).all())


class TestCreateKey:
    async def test_shown_once_stored_hashed(
        self, app: FastAPI, db: Session, client: httpx.AsyncClient
    ) -> None:
        owner = signed_in(db, client)
        answer = await client.post(owner.keys_url, json=BODY)
        assert answer.status_code == 201, answer.text
        created = answer.json()
        token = created["token"]
        assert token.startswith("cyd_pk_")
        assert created["scopes"] == ["outcomes:read", "sessions:read"]
        assert token.startswith(created["token_prefix"])
        with Session(app.state.engine) as check:
            row = check.exec(select(PartnerApiKey)).one()
        assert row.token_hash == hash_token(token)
        assert token not in row.model_dump_json()
        listed = (await client.get(owner.keys_url)).json()["items"]
        assert [item["id"] for item in listed] == [created["id"]]
        assert "token" not in listed[0]

    @pytest.mark.parametrize(
        "body",
        [
            {"name": "x", "scopes": ["participants:read"]},
            {"name": "x", "scopes": []},
            {"name": "", "scopes": ["sessions:read"]},
            {"name": "x", "scopes": ["sessions:read"], "expires_at": "2030-01-01T00:00:00"},
            {"name": "x", "scopes": ["sessions:read"], "extra": 1},
        ],
    )
    async def test_bad_input(
        self, app: FastAPI, db: Session, client: httpx.AsyncClient, body: dict[str, object]
    ) -> None:
        owner = signed_in(db, client)
        answer = await client.post(owner.keys_url, json=body)
        assert answer.status_code == 422
        assert answer.headers["content-type"] == "application/problem+json"
        assert key_count(app) == 0

    async def test_expiry_in_past(
        self, app: FastAPI, db: Session, client: httpx.AsyncClient
    ) -> None:
        owner = signed_in(db, client)
        past = (utcnow() - timedelta(minutes=1)).isoformat()
        answer = await client.post(owner.keys_url, json={**BODY, "expires_at": past})
        assert answer.status_code == 422
        assert answer.json()["code"] == "api_key_expiry_in_past"
        assert key_count(app) == 0

    async def test_non_owner_forbidden(
        self, app: FastAPI, db: Session, client: httpx.AsyncClient
    ) -> None:
        member = signed_in(db, client, role=Role.facilitator)
        for answer in [
            await client.post(member.keys_url, json=BODY),
            await client.get(member.keys_url),
            await client.delete(f"{member.keys_url}/{uuid.uuid4()}"),
        ]:
            assert answer.status_code == 403
            assert answer.json()["code"] == "owner_required"
        assert key_count(app) == 0

    async def test_other_organisation_not_found(
        self, app: FastAPI, db: Session, client: httpx.AsyncClient, new_client
    ) -> None:
        signed_in(db, client)
        other = signed_in(db, new_client())
        answer = await client.post(other.keys_url, json=BODY)
        assert answer.status_code == 404
        assert (await client.get(other.keys_url)).status_code == 404
        assert key_count(app) == 0

    async def test_personal_access_token_needs_write_scope(
        self, db: Session, client: httpx.AsyncClient, new_client
    ) -> None:
        owner = signed_in(db, client)
        pat = make_access_token(db, owner.ctx.user, frozenset({"organisation:read"}))
        script = new_client(spa_like=False)
        assert (await script.get(owner.keys_url, headers=bearer(pat))).status_code == 200
        denied = await script.post(owner.keys_url, json=BODY, headers=bearer(pat))
        assert denied.status_code == 403


class TestRevokeKey:
    async def test_revoked_key_stops_and_stays_listed(
        self, db: Session, client: httpx.AsyncClient
    ) -> None:
        owner = signed_in(db, client)
        created = (await client.post(owner.keys_url, json=BODY)).json()
        partner = bearer(created["token"])
        assert (await client.get(f"{API}/partner/organisation", headers=partner)).status_code == 200
        answer = await client.delete(f"{owner.keys_url}/{created['id']}")
        assert answer.status_code == 204
        refused = await client.get(f"{API}/partner/organisation", headers=partner)
        assert refused.status_code == 401
        assert refused.json()["code"] == "partner_key_invalid"
        listed = (await client.get(owner.keys_url)).json()["items"]
        assert listed[0]["revoked_at"] is not None
        assert listed[0]["last_used_at"] is not None
        assert (await client.delete(f"{owner.keys_url}/{created['id']}")).status_code == 204

    async def test_other_organisations_key_not_found(
        self, app: FastAPI, db: Session, client: httpx.AsyncClient, new_client
    ) -> None:
        owner = signed_in(db, client)
        other_client = new_client()
        other = signed_in(db, other_client)
        theirs = (await other_client.post(other.keys_url, json=BODY)).json()
        answer = await client.delete(f"{owner.keys_url}/{theirs['id']}")
        assert answer.status_code == 404
        assert answer.json()["code"] == "api_key_not_found"
        with Session(app.state.engine) as check:
            assert check.get(PartnerApiKey, uuid.UUID(theirs["id"])).revoked_at is None  # type: ignore[union-attr]
