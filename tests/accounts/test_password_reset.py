"""/auth/password-reset and /auth/password-reset/confirm, end to end through the outbox."""

from collections.abc import Callable
from datetime import timedelta

import httpx
import pytest
from sqlmodel import Session, select

from backend.config import Settings
from backend.kit.clock import utcnow
from backend.kit.tokens import hash_token
from backend.models import AuthSession, PasswordReset, User
from tests.accounts.conftest import PASSWORD
from tests.accounts.helpers import FOREIGN, assert_problem, count, one, rows
from tests.factories.accounts import FacilitatorCtx, make_facilitator
from tests.factories.mail import link_token, read_outbox

NEW_PASSWORD = "a brand new passphrase"


async def request_reset(client: httpx.AsyncClient, email: str) -> httpx.Response:
    return await client.post("/api/v1/auth/password-reset", json={"email": email})


class TestRequestPasswordReset:
    async def test_known_email_gets_a_link(
        self, db: Session, client: httpx.AsyncClient, settings: Settings, account: FacilitatorCtx
    ) -> None:
        response = await request_reset(client, "FFION@example.org")
        assert response.status_code == 202
        assert response.content == b""
        [message] = read_outbox(settings)
        assert message["to"] == "ffion@example.org"
        assert message["from"] == settings.mail_from
        assert message["template"] == "password_reset" and message["locale"] == "en"
        assert message["subject"] == "Reset your Cyd password"
        assert f"{settings.public_base_url}/password-reset/confirm?token=" in message["text"]
        token = link_token(message)
        reset = one(db, select(PasswordReset))
        assert reset.token_hash == hash_token(token) and reset.user_id == account.user.id
        assert timedelta(minutes=59) < reset.expires_at - utcnow() <= timedelta(hours=1)
        assert reset.used_at is None

    async def test_unknown_email_answers_the_same(
        self, db: Session, client: httpx.AsyncClient, settings: Settings, account: FacilitatorCtx
    ) -> None:
        known = await request_reset(client, "ffion@example.org")
        unknown = await request_reset(client, "nobody@example.org")
        assert (unknown.status_code, unknown.content) == (known.status_code, known.content)
        assert [m["to"] for m in read_outbox(settings)] == ["ffion@example.org"]
        assert count(db, PasswordReset) == 1

    async def test_welsh_email_for_welsh_speaker(
        self, db: Session, client: httpx.AsyncClient, settings: Settings
    ) -> None:
        ctx = make_facilitator(db, email="gwyn@example.org", name="Gwyn")
        ctx.user.locale = "cy"
        db.add(ctx.user)
        db.commit()
        assert (await request_reset(client, "gwyn@example.org")).status_code == 202
        [message] = read_outbox(settings)
        assert message["locale"] == "cy"
        assert message["subject"] == "Ailosod eich cyfrinair Cyd"
        assert message["text"].startswith("Helo Gwyn,")
        assert "cyfrinair newydd" in message["text"]

    async def test_flooded_address_quietly_gets_no_more_mail(
        self, client: httpx.AsyncClient, settings: Settings, account: FacilitatorCtx
    ) -> None:
        for _ in range(6):
            assert (await request_reset(client, "ffion@example.org")).status_code == 202
        assert len(read_outbox(settings)) == 5

    async def test_too_many_from_one_client(
        self,
        client: httpx.AsyncClient,
        settings: Settings,
        account: FacilitatorCtx,
        monkeypatch: pytest.MonkeyPatch,
    ) -> None:
        from backend.accounts import throttle

        monkeypatch.setattr(throttle, "RESET_PER_CLIENT", 2)
        for n in range(2):
            assert (await request_reset(client, f"a{n}@example.org")).status_code == 202
        assert_problem(await request_reset(client, "ffion@example.org"), 429, "too_many_attempts")
        assert read_outbox(settings) == []

    @pytest.mark.parametrize("data", [{}, {"email": "nope"}, {"email": 3}, {"email": "a" * 400}])
    async def test_bad_input(
        self, db: Session, client: httpx.AsyncClient, settings: Settings, data: dict
    ) -> None:
        response = await client.post("/api/v1/auth/password-reset", json=data)
        assert_problem(response, 422, "validation_failed")
        assert read_outbox(settings) == []

    async def test_cross_site_origin_refused(
        self,
        new_client: Callable[..., httpx.AsyncClient],
        settings: Settings,
        account: FacilitatorCtx,
    ) -> None:
        raw = new_client(spa_like=False)
        response = await raw.post(
            "/api/v1/auth/password-reset", json={"email": "ffion@example.org"}, headers=FOREIGN
        )
        assert_problem(response, 403, "csrf_failed")
        assert read_outbox(settings) == []


class TestConfirmPasswordReset:
    async def test_end_to_end(
        self,
        db: Session,
        client: httpx.AsyncClient,
        new_client: Callable[..., httpx.AsyncClient],
        settings: Settings,
        account: FacilitatorCtx,
    ) -> None:
        laptop = new_client()
        signin = {"email": "ffion@example.org", "password": PASSWORD}
        assert (await laptop.post("/api/v1/auth/signin", json=signin)).status_code == 200

        await request_reset(client, "ffion@example.org")
        token = link_token(read_outbox(settings)[0])
        confirm = {"token": token, "password": NEW_PASSWORD}
        response = await client.post("/api/v1/auth/password-reset/confirm", json=confirm)
        assert response.status_code == 204, response.text

        # Every browser that was signed in is signed out.
        assert (await laptop.get("/api/v1/auth/me")).status_code == 401
        assert all(s.revoked_at is not None for s in rows(db, select(AuthSession)))
        old = await client.post("/api/v1/auth/signin", json=signin)
        assert_problem(old, 401, "invalid_credentials")
        new = await client.post(
            "/api/v1/auth/signin", json={"email": "ffion@example.org", "password": NEW_PASSWORD}
        )
        assert new.status_code == 200
        # The link works once.
        again = await client.post(
            "/api/v1/auth/password-reset/confirm",
            json={"token": token, "password": "yet another passphrase"},
        )
        assert_problem(again, 400, "reset_token_invalid")

    async def test_other_outstanding_links_stop_working(
        self, client: httpx.AsyncClient, settings: Settings, account: FacilitatorCtx
    ) -> None:
        await request_reset(client, "ffion@example.org")
        await request_reset(client, "ffion@example.org")
        first, second = (link_token(m) for m in read_outbox(settings))
        ok = await client.post(
            "/api/v1/auth/password-reset/confirm", json={"token": second, "password": NEW_PASSWORD}
        )
        assert ok.status_code == 204
        stale = await client.post(
            "/api/v1/auth/password-reset/confirm", json={"token": first, "password": NEW_PASSWORD}
        )
        assert_problem(stale, 400, "reset_token_invalid")

    async def test_expired_link(
        self, db: Session, client: httpx.AsyncClient, account: FacilitatorCtx, password_hash: str
    ) -> None:
        db.add(
            PasswordReset(
                user_id=account.user.id,
                token_hash=hash_token("cyd_reset_old"),
                expires_at=utcnow() - timedelta(seconds=1),
            )
        )
        db.commit()
        response = await client.post(
            "/api/v1/auth/password-reset/confirm",
            json={"token": "cyd_reset_old", "password": NEW_PASSWORD},
        )
        assert_problem(response, 400, "reset_token_invalid")
        assert one(db, select(User.password_hash)) == password_hash

    async def test_unknown_token(self, client: httpx.AsyncClient) -> None:
        response = await client.post(
            "/api/v1/auth/password-reset/confirm",
            json={"token": "cyd_reset_made_up", "password": NEW_PASSWORD},
        )
        assert_problem(response, 400, "reset_token_invalid")

    @pytest.mark.parametrize(
        "change", [{"password": "short"}, {"password": "p" * 201}, {"token": ""}, {"token": 5}]
    )
    async def test_bad_input_keeps_the_link(
        self,
        db: Session,
        client: httpx.AsyncClient,
        settings: Settings,
        account: FacilitatorCtx,
        change: dict,
    ) -> None:
        await request_reset(client, "ffion@example.org")
        token = link_token(read_outbox(settings)[0])
        response = await client.post(
            "/api/v1/auth/password-reset/confirm",
            json={"token": token, "password": NEW_PASSWORD, **change},
        )
        assert_problem(response, 422, "validation_failed")
        assert one(db, select(PasswordReset)).used_at is None
