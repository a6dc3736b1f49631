"""/auth signup, signin, signout and me."""

from collections.abc import Callable
from datetime import timedelta

import httpx
import pytest
from sqlmodel import Session, select

from backend.accounts import throttle
from backend.auth.scopes import ALL_SCOPES
from backend.kit.clock import utcnow
from backend.models import AuthSession, Membership, Organisation, Role, User
from tests.accounts.conftest import PASSWORD
from tests.accounts.helpers import FOREIGN, assert_problem, count, one
from tests.conftest import BASE_URL
from tests.factories.accounts import (
    FacilitatorCtx,
    make_access_token,
    make_facilitator,
    sign_in_client,
)
from tests.factories.participants import make_participant, sign_in_participant
from tests.factories.workshops import make_workshop

SIGNUP = {
    "name": "Ffion Jones",
    "email": "Ffion.Jones@Example.org",
    "password": "a long enough password",
    "organisation_name": "Cyngor Gwynedd",
    "locale": "cy",
}


class TestSignUp:
    async def test_valid(self, db: Session, client: httpx.AsyncClient) -> None:
        response = await client.post("/api/v1/auth/signup", json=SIGNUP)
        assert response.status_code == 201, response.text
        body = response.json()
        assert body["user"]["email"] == "ffion.jones@example.org"
        assert body["user"]["locale"] == "cy"
        assert [(m["organisation_name"], m["role"]) for m in body["memberships"]] == [
            ("Cyngor Gwynedd", "owner")
        ]
        assert client.cookies.get("cyd_session") and client.cookies.get("cyd_csrf")

        user = one(db, select(User))
        assert user.email == "ffion.jones@example.org"
        assert user.password_hash.startswith("$argon2id$")
        assert SIGNUP["password"] not in user.password_hash
        membership = one(db, select(Membership))
        assert membership.role == Role.owner and membership.user_id == user.id
        assert one(db, select(AuthSession)).user_id == user.id

        me = await client.get("/api/v1/auth/me")
        assert me.status_code == 200
        assert me.json()["user"]["id"] == str(user.id)

    async def test_email_taken_ignores_case(
        self, db: Session, client: httpx.AsyncClient, account: FacilitatorCtx
    ) -> None:
        response = await client.post(
            "/api/v1/auth/signup", json={**SIGNUP, "email": "FFION@example.ORG"}
        )
        assert_problem(response, 409, "email_taken")
        assert count(db, User) == 1 and count(db, Organisation) == 1

    @pytest.mark.parametrize(
        ("change", "field"),
        [
            ({"password": "x" * 9}, "password"),
            ({"password": "x" * 201}, "password"),
            ({"email": "not-an-email"}, "email"),
            ({"email": "a" * 320 + "@example.org"}, "email"),
            ({"locale": "fr"}, "locale"),
            ({"name": "n" * 121}, "name"),
            ({"name": "   "}, "name"),
            ({"organisation_name": ""}, "organisation_name"),
            ({"organisation_name": "o" * 201}, "organisation_name"),
            ({"name": 5}, "name"),
            ({"password": None}, "password"),
            ({"is_admin": True}, "is_admin"),
        ],
    )
    async def test_bad_input_writes_nothing(
        self, db: Session, client: httpx.AsyncClient, change: dict, field: str
    ) -> None:
        response = await client.post("/api/v1/auth/signup", json={**SIGNUP, **change})
        body = assert_problem(response, 422, "validation_failed")
        assert ["body", field] in [e["loc"][:2] for e in body["errors"]]
        assert count(db, User) == 0 and count(db, Organisation) == 0

    async def test_missing_field(self, db: Session, client: httpx.AsyncClient) -> None:
        data = {k: v for k, v in SIGNUP.items() if k != "organisation_name"}
        body = assert_problem(
            await client.post("/api/v1/auth/signup", json=data), 422, "validation_failed"
        )
        assert body["errors"][0]["loc"] == ["body", "organisation_name"]

    async def test_malformed_json(self, db: Session, client: httpx.AsyncClient) -> None:
        response = await client.post(
            "/api/v1/auth/signup",
            content=b'{"name": "Ffion",',
            headers={"content-type": "application/json"},
        )
        assert_problem(response, 400, "malformed_json")
        assert count(db, User) == 0

    async def test_cross_site_origin_refused(
        self, db: Session, new_client: Callable[..., httpx.AsyncClient]
    ) -> None:
        raw = new_client(spa_like=False)
        response = await raw.post("/api/v1/auth/signup", json=SIGNUP, headers=FOREIGN)
        assert_problem(response, 403, "csrf_failed")
        assert count(db, User) == 0

    async def test_problem_title_in_welsh(
        self, client: httpx.AsyncClient, account: FacilitatorCtx
    ) -> None:
        response = await client.post(
            "/api/v1/auth/signup",
            json={**SIGNUP, "email": "ffion@example.org"},
            headers={"Accept-Language": "cy"},
        )
        assert response.json()["title"] == "Mae cyfrif gyda'r cyfeiriad e-bost hwn yn bodoli eisoes"


class TestSignIn:
    async def test_valid(
        self, db: Session, client: httpx.AsyncClient, account: FacilitatorCtx
    ) -> None:
        response = await client.post(
            "/api/v1/auth/signin", json={"email": "Ffion@Example.org", "password": PASSWORD}
        )
        assert response.status_code == 200, response.text
        assert response.json()["user"]["id"] == str(account.user.id)
        assert response.json()["memberships"][0]["organisation_id"] == str(account.organisation.id)
        set_cookie = response.headers.get_list("set-cookie")
        session_cookie = next(c for c in set_cookie if c.startswith("cyd_session="))
        assert "HttpOnly" in session_cookie and "Max-Age=1209600" in session_cookie
        auth = one(db, select(AuthSession))
        assert auth.user_id == account.user.id
        assert timedelta(days=13) < auth.expires_at - utcnow() <= timedelta(days=14)
        assert auth.token_hash != client.cookies.get("cyd_session")
        db.commit()
        assert (await client.get("/api/v1/auth/me")).status_code == 200

    async def test_wrong_password_and_unknown_email_answer_alike(
        self, db: Session, client: httpx.AsyncClient, account: FacilitatorCtx
    ) -> None:
        wrong = await client.post(
            "/api/v1/auth/signin", json={"email": "ffion@example.org", "password": "nope" * 3}
        )
        unknown = await client.post(
            "/api/v1/auth/signin", json={"email": "nobody@example.org", "password": PASSWORD}
        )
        assert_problem(wrong, 401, "invalid_credentials")
        assert wrong.json() == unknown.json()
        assert "set-cookie" not in wrong.headers
        assert count(db, AuthSession) == 0

    async def test_too_many_failures_for_one_email(
        self,
        db: Session,
        client: httpx.AsyncClient,
        new_client: Callable[..., httpx.AsyncClient],
        account: FacilitatorCtx,
        password_hash: str,
        monkeypatch: pytest.MonkeyPatch,
    ) -> None:
        monkeypatch.setattr(throttle, "SIGNIN_PER_EMAIL", 3)
        bad = {"email": "ffion@example.org", "password": "wrong password"}
        for _ in range(3):
            assert (await client.post("/api/v1/auth/signin", json=bad)).status_code == 401
        # Even the right password is refused now, from any client.
        other_browser = new_client()
        right = {"email": "ffion@example.org", "password": PASSWORD}
        response = await other_browser.post("/api/v1/auth/signin", json=right)
        assert_problem(response, 429, "too_many_attempts")
        # Other accounts signing in from the first client are not locked out.
        make_facilitator(db, email="gwyn@example.org", password_hash=password_hash)
        ok = await client.post(
            "/api/v1/auth/signin", json={"email": "gwyn@example.org", "password": PASSWORD}
        )
        assert ok.status_code == 200
        assert count(db, AuthSession) == 1

    async def test_too_many_failures_from_one_client_not_whole_ip(
        self,
        client: httpx.AsyncClient,
        new_client: Callable[..., httpx.AsyncClient],
        account: FacilitatorCtx,
        monkeypatch: pytest.MonkeyPatch,
    ) -> None:
        monkeypatch.setattr(throttle, "SIGNIN_PER_CLIENT", 3)
        for n in range(3):
            response = await client.post(
                "/api/v1/auth/signin", json={"email": f"x{n}@example.org", "password": "guess1234"}
            )
            assert response.status_code == 401
        right = {"email": "ffion@example.org", "password": PASSWORD}
        assert_problem(
            await client.post("/api/v1/auth/signin", json=right), 429, "too_many_attempts"
        )
        # Someone else behind the same address (another browser) can still sign in.
        colleague = new_client()
        colleague.headers["User-Agent"] = "Another browser"
        assert (await colleague.post("/api/v1/auth/signin", json=right)).status_code == 200

    async def test_cross_site_origin_refused(
        self, db: Session, new_client: Callable[..., httpx.AsyncClient], account: FacilitatorCtx
    ) -> None:
        raw = new_client(spa_like=False)
        response = await raw.post(
            "/api/v1/auth/signin",
            json={"email": "ffion@example.org", "password": PASSWORD},
            headers=FOREIGN,
        )
        assert_problem(response, 403, "csrf_failed")
        assert count(db, AuthSession) == 0

    @pytest.mark.parametrize(
        "data",
        [
            {"email": "ffion@example.org"},
            {"email": "ffion@example.org", "password": ""},
            {"email": "ffion@example.org", "password": 12345678901},
            {"email": "not an email", "password": PASSWORD},
            {"email": "ffion@example.org", "password": "p" * 201},
        ],
    )
    async def test_bad_input(
        self, db: Session, client: httpx.AsyncClient, account: FacilitatorCtx, data: dict
    ) -> None:
        assert_problem(
            await client.post("/api/v1/auth/signin", json=data), 422, "validation_failed"
        )
        assert count(db, AuthSession) == 0


class TestSignOut:
    async def test_valid(
        self, db: Session, client: httpx.AsyncClient, account: FacilitatorCtx
    ) -> None:
        await client.post(
            "/api/v1/auth/signin", json={"email": "ffion@example.org", "password": PASSWORD}
        )
        response = await client.post("/api/v1/auth/signout")
        assert response.status_code == 204
        assert one(db, select(AuthSession)).revoked_at is not None
        assert client.cookies.get("cyd_session") is None
        assert (await client.get("/api/v1/auth/me")).status_code == 401

    async def test_stolen_cookie_stops_working(
        self,
        db: Session,
        client: httpx.AsyncClient,
        new_client: Callable[..., httpx.AsyncClient],
        account: FacilitatorCtx,
    ) -> None:
        sign_in_client(db, client, account.user)
        copy = new_client()
        copy.cookies.update(client.cookies)
        assert (await client.post("/api/v1/auth/signout")).status_code == 204
        assert (await copy.get("/api/v1/auth/me")).status_code == 401

    async def test_without_csrf_header_refused(
        self, db: Session, new_client: Callable[..., httpx.AsyncClient], account: FacilitatorCtx
    ) -> None:
        raw = new_client(spa_like=False)
        sign_in_client(db, raw, account.user)
        response = await raw.post("/api/v1/auth/signout", headers={"Origin": BASE_URL})
        assert_problem(response, 403, "csrf_failed")
        assert one(db, select(AuthSession)).revoked_at is None

    async def test_foreign_origin_refused(
        self, db: Session, new_client: Callable[..., httpx.AsyncClient], account: FacilitatorCtx
    ) -> None:
        raw = new_client(spa_like=False)
        sign_in_client(db, raw, account.user)
        csrf = raw.cookies.get("cyd_csrf") or ""
        response = await raw.post("/api/v1/auth/signout", headers={**FOREIGN, "X-CSRF-Token": csrf})
        assert_problem(response, 403, "csrf_failed")
        assert one(db, select(AuthSession)).revoked_at is None

    async def test_anonymous_is_harmless(self, client: httpx.AsyncClient) -> None:
        assert (await client.post("/api/v1/auth/signout")).status_code == 204


class TestReadMe:
    async def test_cookie(self, db: Session, client: httpx.AsyncClient) -> None:
        ctx = make_facilitator(db, role=Role.facilitator)
        sign_in_client(db, client, ctx.user)
        body = (await client.get("/api/v1/auth/me")).json()
        assert body["user"] == {
            "id": str(ctx.user.id),
            "name": ctx.user.name,
            "email": ctx.user.email,
            "locale": "en",
        }
        assert body["memberships"] == [
            {
                "membership_id": str(ctx.membership.id),
                "organisation_id": str(ctx.organisation.id),
                "organisation_name": ctx.organisation.name,
                "role": "facilitator",
            }
        ]
        assert "password_hash" not in str(body)

    async def test_access_token_with_any_scope(
        self, db: Session, client: httpx.AsyncClient
    ) -> None:
        ctx = make_facilitator(db)
        token = make_access_token(db, ctx.user, frozenset({"sessions:read"}))
        response = await client.get("/api/v1/auth/me", headers={"Authorization": f"Bearer {token}"})
        assert response.status_code == 200
        assert response.json()["user"]["id"] == str(ctx.user.id)

    async def test_anonymous(self, client: httpx.AsyncClient) -> None:
        assert_problem(await client.get("/api/v1/auth/me"), 401, "unauthenticated")

    async def test_unknown_token(self, client: httpx.AsyncClient) -> None:
        response = await client.get(
            "/api/v1/auth/me", headers={"Authorization": "Bearer cyd_pat_x"}
        )
        assert_problem(response, 401, "unauthenticated")

    async def test_expired_session(self, db: Session, client: httpx.AsyncClient) -> None:
        ctx = make_facilitator(db)
        sign_in_client(db, client, ctx.user)
        auth = one(db, select(AuthSession))
        auth.expires_at = utcnow() - timedelta(seconds=1)
        db.add(auth)
        db.commit()
        assert (await client.get("/api/v1/auth/me")).status_code == 401

    async def test_participant_is_not_a_facilitator(
        self, db: Session, client: httpx.AsyncClient
    ) -> None:
        ctx = make_facilitator(db)
        participant = make_participant(db, make_workshop(db, ctx.organisation))
        sign_in_participant(db, client, participant)
        assert (await client.get("/api/v1/auth/me")).status_code == 401


class TestUpdateMe:
    async def test_valid(self, db: Session, client: httpx.AsyncClient) -> None:
        ctx = make_facilitator(db)
        sign_in_client(db, client, ctx.user)
        response = await client.patch(
            "/api/v1/auth/me", json={"name": "  Ffion Wyn ", "locale": "cy"}
        )
        assert response.status_code == 200, response.text
        assert response.json()["user"]["name"] == "Ffion Wyn"
        db.refresh(ctx.user)
        assert (ctx.user.name, ctx.user.locale) == ("Ffion Wyn", "cy")

    async def test_partial(self, db: Session, client: httpx.AsyncClient) -> None:
        ctx = make_facilitator(db, name="Gwyn")
        sign_in_client(db, client, ctx.user)
        response = await client.patch("/api/v1/auth/me", json={"locale": "cy"})
        assert response.json()["user"] == {
            **response.json()["user"],
            "name": "Gwyn",
            "locale": "cy",
        }

    @pytest.mark.parametrize(
        "data", [{"locale": "fr"}, {"name": "n" * 121}, {"name": ""}, {"email": "x@example.org"}]
    )
    async def test_bad_input_writes_nothing(
        self, db: Session, client: httpx.AsyncClient, data: dict
    ) -> None:
        ctx = make_facilitator(db, name="Gwyn")
        sign_in_client(db, client, ctx.user)
        assert_problem(await client.patch("/api/v1/auth/me", json=data), 422, "validation_failed")
        db.refresh(ctx.user)
        assert (ctx.user.name, ctx.user.locale) == ("Gwyn", "en")

    async def test_access_token_refused(self, db: Session, client: httpx.AsyncClient) -> None:
        ctx = make_facilitator(db, name="Gwyn")
        token = make_access_token(db, ctx.user, ALL_SCOPES)
        response = await client.patch(
            "/api/v1/auth/me", json={"name": "X"}, headers={"Authorization": f"Bearer {token}"}
        )
        assert_problem(response, 403, "cookie_session_required")

    async def test_without_csrf_header_refused(
        self, db: Session, new_client: Callable[..., httpx.AsyncClient]
    ) -> None:
        ctx = make_facilitator(db, name="Gwyn")
        raw = new_client(spa_like=False)
        sign_in_client(db, raw, ctx.user)
        response = await raw.patch(
            "/api/v1/auth/me", json={"name": "X"}, headers={"Origin": BASE_URL}
        )
        assert_problem(response, 403, "csrf_failed")
        db.refresh(ctx.user)
        assert ctx.user.name == "Gwyn"

    async def test_anonymous(self, client: httpx.AsyncClient) -> None:
        assert (await client.patch("/api/v1/auth/me", json={"name": "X"})).status_code == 401
