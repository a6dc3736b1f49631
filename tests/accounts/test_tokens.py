"""/auth/scopes and personal access tokens (/auth/tokens)."""

from collections.abc import Callable

import httpx
import pytest
from sqlmodel import Session, select

from backend.auth.scopes import ALL_SCOPES, SCOPES
from backend.kit.clock import utcnow
from backend.kit.tokens import hash_token
from backend.models import PersonalAccessToken
from tests.accounts.helpers import FOREIGN, assert_problem, count, one
from tests.conftest import BASE_URL
from tests.factories.accounts import make_access_token, make_facilitator, sign_in_client


def bearer(token: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}"}


class TestListScopes:
    async def test_anyone_can_read_them(self, client: httpx.AsyncClient) -> None:
        response = await client.get("/api/v1/auth/scopes")
        assert response.status_code == 200
        assert {s["name"]: s["description"] for s in response.json()} == SCOPES


class TestCreateToken:
    async def test_valid(self, db: Session, client: httpx.AsyncClient) -> None:
        ctx = make_facilitator(db)
        sign_in_client(db, client, ctx.user)
        response = await client.post(
            "/api/v1/auth/tokens",
            json={"name": "Council dashboard", "scopes": ["sessions:read", "organisation:read"]},
        )
        assert response.status_code == 201, response.text
        body = response.json()
        secret = body["token"]
        assert secret.startswith("cyd_pat_")
        assert body["token_hint"] == secret[-4:]
        assert body["scopes"] == ["organisation:read", "sessions:read"]
        pat = one(db, select(PersonalAccessToken))
        assert pat.token_hash == hash_token(secret) and pat.user_id == ctx.user.id
        db.commit()
        # It works, with exactly its scopes.
        assert (
            await client.get("/api/v1/organisations", headers=bearer(secret))
        ).status_code == 200
        refused = await client.post(
            "/api/v1/organisations", json={"name": "X"}, headers=bearer(secret)
        )
        assert_problem(refused, 403, "insufficient_scope")

    async def test_unknown_scope_is_named(self, db: Session, client: httpx.AsyncClient) -> None:
        ctx = make_facilitator(db)
        sign_in_client(db, client, ctx.user)
        response = await client.post(
            "/api/v1/auth/tokens", json={"name": "x", "scopes": ["sessions:read", "admin:all"]}
        )
        body = assert_problem(response, 422, "validation_failed")
        assert body["errors"][0]["loc"] == ["body", "scopes"]
        assert "admin:all" in body["errors"][0]["msg"]
        assert count(db, PersonalAccessToken) == 0

    @pytest.mark.parametrize(
        "data",
        [
            {"name": "x", "scopes": []},
            {"name": "", "scopes": ["sessions:read"]},
            {"name": "n" * 101, "scopes": ["sessions:read"]},
            {"name": "x", "scopes": "sessions:read"},
            {"name": "x"},
            {"name": "x", "scopes": ["sessions:read"] * 20},
        ],
    )
    async def test_bad_input(self, db: Session, client: httpx.AsyncClient, data: dict) -> None:
        ctx = make_facilitator(db)
        sign_in_client(db, client, ctx.user)
        assert_problem(
            await client.post("/api/v1/auth/tokens", json=data), 422, "validation_failed"
        )
        assert count(db, PersonalAccessToken) == 0

    async def test_an_access_token_cannot_mint_tokens(
        self, db: Session, client: httpx.AsyncClient
    ) -> None:
        ctx = make_facilitator(db)
        token = make_access_token(db, ctx.user, ALL_SCOPES)
        response = await client.post(
            "/api/v1/auth/tokens",
            json={"name": "x", "scopes": ["sessions:read"]},
            headers=bearer(token),
        )
        assert_problem(response, 403, "cookie_session_required")
        assert count(db, PersonalAccessToken) == 1

    async def test_anonymous(self, db: Session, client: httpx.AsyncClient) -> None:
        response = await client.post(
            "/api/v1/auth/tokens", json={"name": "x", "scopes": ["sessions:read"]}
        )
        assert_problem(response, 401, "unauthenticated")

    @pytest.mark.parametrize("headers", [{"Origin": BASE_URL}, FOREIGN])
    async def test_csrf(
        self,
        db: Session,
        new_client: Callable[..., httpx.AsyncClient],
        headers: dict[str, str],
    ) -> None:
        ctx = make_facilitator(db)
        raw = new_client(spa_like=False)
        sign_in_client(db, raw, ctx.user)
        if headers is FOREIGN:
            headers = {**headers, "X-CSRF-Token": raw.cookies.get("cyd_csrf") or ""}
        response = await raw.post(
            "/api/v1/auth/tokens", json={"name": "x", "scopes": ["sessions:read"]}, headers=headers
        )
        assert_problem(response, 403, "csrf_failed")
        assert count(db, PersonalAccessToken) == 0


class TestListTokens:
    async def test_mine_and_active_only_without_secrets(
        self, db: Session, client: httpx.AsyncClient
    ) -> None:
        me, other = make_facilitator(db), make_facilitator(db)
        kept = make_access_token(db, me.user, frozenset({"sessions:read"}))
        revoked = make_access_token(db, me.user)
        make_access_token(db, other.user)
        pat = db.exec(
            select(PersonalAccessToken).where(PersonalAccessToken.token_hash == hash_token(revoked))
        ).one()
        pat.revoked_at = utcnow()
        db.add(pat)
        db.commit()
        sign_in_client(db, client, me.user)
        response = await client.get("/api/v1/auth/tokens")
        assert response.status_code == 200
        [item] = response.json()["items"]
        assert item["token_hint"] == kept[-4:] and item["scopes"] == ["sessions:read"]
        assert "token" not in item and "token_hash" not in item
        assert kept not in response.text and hash_token(kept) not in response.text

    async def test_pages(self, db: Session, client: httpx.AsyncClient) -> None:
        ctx = make_facilitator(db)
        for _ in range(3):
            make_access_token(db, ctx.user)
        sign_in_client(db, client, ctx.user)
        first = (await client.get("/api/v1/auth/tokens", params={"limit": 2})).json()
        assert len(first["items"]) == 2 and first["next_cursor"]
        rest = (
            await client.get("/api/v1/auth/tokens", params={"cursor": first["next_cursor"]})
        ).json()
        assert len(rest["items"]) == 1 and rest["next_cursor"] is None

    async def test_access_token_refused(self, db: Session, client: httpx.AsyncClient) -> None:
        ctx = make_facilitator(db)
        token = make_access_token(db, ctx.user)
        response = await client.get("/api/v1/auth/tokens", headers=bearer(token))
        assert_problem(response, 403, "cookie_session_required")

    async def test_anonymous(self, client: httpx.AsyncClient) -> None:
        assert_problem(await client.get("/api/v1/auth/tokens"), 401, "unauthenticated")


class TestRevokeToken:
    async def _token_id(self, db: Session, token: str) -> str:
        pat = db.exec(
            select(PersonalAccessToken).where(PersonalAccessToken.token_hash == hash_token(token))
        ).one()
        db.commit()
        return str(pat.id)

    async def test_valid(self, db: Session, client: httpx.AsyncClient) -> None:
        ctx = make_facilitator(db)
        token = make_access_token(db, ctx.user)
        token_id = await self._token_id(db, token)
        sign_in_client(db, client, ctx.user)
        response = await client.delete(f"/api/v1/auth/tokens/{token_id}")
        assert response.status_code == 204
        assert one(db, select(PersonalAccessToken)).revoked_at is not None
        revoked = await client.get("/api/v1/auth/me", headers=bearer(token))
        assert_problem(revoked, 401, "unauthenticated")
        again = await client.delete(f"/api/v1/auth/tokens/{token_id}")
        assert_problem(again, 404, "token_not_found")

    async def test_another_users_token(self, db: Session, client: httpx.AsyncClient) -> None:
        me, other = make_facilitator(db), make_facilitator(db, organisation=None)
        theirs = make_access_token(db, other.user)
        token_id = await self._token_id(db, theirs)
        sign_in_client(db, client, me.user)
        assert_problem(
            await client.delete(f"/api/v1/auth/tokens/{token_id}"), 404, "token_not_found"
        )
        assert one(db, select(PersonalAccessToken)).revoked_at is None
        assert (await client.get("/api/v1/auth/me", headers=bearer(theirs))).status_code == 200

    async def test_bad_id(self, db: Session, client: httpx.AsyncClient) -> None:
        ctx = make_facilitator(db)
        sign_in_client(db, client, ctx.user)
        response = await client.delete("/api/v1/auth/tokens/not-a-uuid")
        assert_problem(response, 422, "validation_failed")

    async def test_access_token_refused(self, db: Session, client: httpx.AsyncClient) -> None:
        ctx = make_facilitator(db)
        token = make_access_token(db, ctx.user)
        token_id = await self._token_id(db, token)
        response = await client.delete(f"/api/v1/auth/tokens/{token_id}", headers=bearer(token))
        assert_problem(response, 403, "cookie_session_required")
        assert one(db, select(PersonalAccessToken)).revoked_at is None
