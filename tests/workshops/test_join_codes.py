"""The public join preview, join code rules and the limit on failed guesses (per client and per
code, shared by every app process, in the database or Redis)."""

import re
import uuid
from collections.abc import Callable
from datetime import UTC, datetime, timedelta

import httpx
import pytest
import redis
from fastapi import FastAPI
from sqlmodel import Session

from backend.config import Settings
from backend.kit.clock import utcnow
from backend.kit.ratelimit import RateLimiter, RedisRateStore
from backend.main import create_app
from backend.models import Organisation, Phase
from backend.workshops.join_codes import (
    ALPHABET,
    CLIENT_COOKIE,
    join_code_active,
    join_code_expires_at,
    normalise_code,
)
from tests.conftest import make_client
from tests.factories.accounts import make_organisation
from tests.factories.workshops import make_workshop
from tests.workshops.helpers import (
    API,
    assert_problem,
    make_room,
    update_workshop,
    workshop_row,
)

CODE = re.compile(f"^[{ALPHABET}]{{6}}$")

REDIS_URL = "redis://127.0.0.1:6379/0"


@pytest.fixture
def organisation(db: Session) -> Organisation:
    return make_organisation(db)


def _code(n: int) -> str:
    """A well-formed code that no test workshop has (factories draw from the same alphabet)."""
    return "".join(ALPHABET[(n // len(ALPHABET) ** i) % len(ALPHABET)] for i in range(6))


class TestJoinPreview:
    async def test_valid(
        self, db: Session, client: httpx.AsyncClient, organisation: Organisation
    ) -> None:
        workshop = make_workshop(
            db,
            organisation,
            join_code="ACD347",
            phase=Phase.tables,
            title_cy="Teithiau bws gwell",
            consent_text_cy="Caniatâd",
            venue="Neuadd",
        )
        response = await client.get(f"{API}/join/ACD347")
        assert response.status_code == 200, response.text
        body = response.json()
        assert body == {
            "session_id": str(workshop.id),
            "title": {"en": "Better bus journeys", "cy": "Teithiau bws gwell"},
            "challenge": {"en": "How might we make bus journeys work for everyone?", "cy": None},
            "consent_text": {"en": None, "cy": "Caniatâd"},
            "languages": ["en", "cy"],
            "phase": "tables",
            "mode": "venue",
            "venue": "Neuadd",
            "starts_at": body["starts_at"],
        }
        assert "join_code" not in body and "organisation_id" not in body

    @pytest.mark.parametrize("typed", ["acd347", "ACD 347", "acd-347", " Acd347 "])
    async def test_case_and_spacing_ignored(
        self, db: Session, client: httpx.AsyncClient, organisation: Organisation, typed: str
    ) -> None:
        make_workshop(db, organisation, join_code="ACD347")
        assert (await client.get(f"{API}/join/{typed}")).status_code == 200

    async def test_sets_client_cookie(
        self, db: Session, client: httpx.AsyncClient, organisation: Organisation
    ) -> None:
        make_workshop(db, organisation, join_code="ACD347")
        response = await client.get(f"{API}/join/ACD347")
        header = response.headers["set-cookie"].lower()
        assert header.startswith(f"{CLIENT_COOKIE}=")
        assert "httponly" in header and "samesite=lax" in header
        again = await client.get(f"{API}/join/ACD347")
        assert "set-cookie" not in again.headers

    async def test_invalid_expired_archived_look_the_same(
        self, db: Session, client: httpx.AsyncClient, organisation: Organisation
    ) -> None:
        make_workshop(db, organisation, join_code="ACDEFH", archived_at=utcnow())
        ended = make_workshop(db, organisation, join_code="ACDEFJ")
        ended.starts_at = utcnow() - timedelta(days=3)
        ended.ends_at = ended.starts_at + timedelta(hours=2)
        past = make_workshop(db, organisation, join_code="ACDEFK")
        past.starts_at = utcnow() - timedelta(days=3)
        db.add_all([ended, past])
        db.commit()
        bodies = []
        for code in [
            "ACDEFH",
            "ACDEFJ",
            "ACDEFK",
            "ACDEFM",
            "no-such-code",
            "x" * 40,
            "%F0%9F%98%80",
        ]:
            response = await client.get(f"{API}/join/{code}")
            assert response.status_code == 404, code
            assert response.headers["content-type"] == "application/problem+json"
            bodies.append(response.json())
        assert all(b == bodies[0] for b in bodies)
        assert bodies[0]["code"] == "join_code_invalid"
        assert (await client.get(f"{API}/join/{'x' * 41}")).status_code == 422

    async def test_welsh_title(
        self, db: Session, client: httpx.AsyncClient, organisation: Organisation
    ) -> None:
        response = await client.get(f"{API}/join/ACDEFM", headers={"Accept-Language": "cy"})
        assert response.json()["title"] == "Nid yw'r cod ymuno hwn yn ddilys"


class TestJoinCodeRules:
    def test_normalise(self) -> None:
        assert normalise_code(" ab-c d ") == "ABCD"

    def test_alphabet_is_unambiguous(self) -> None:
        assert not set(ALPHABET) & set("0O1IL2Z5S8B")

    def test_expiry(self, db: Session, organisation: Organisation) -> None:
        starts = datetime(2031, 1, 10, 23, 59, tzinfo=UTC)
        workshop = make_workshop(db, organisation)
        workshop.starts_at = starts
        assert join_code_expires_at(workshop) == datetime(2031, 1, 12, tzinfo=UTC)
        assert join_code_active(workshop, datetime(2031, 1, 11, 23, 59, tzinfo=UTC))
        assert not join_code_active(workshop, datetime(2031, 1, 12, tzinfo=UTC))
        workshop.ends_at = starts + timedelta(hours=2)
        assert join_code_expires_at(workshop) == workshop.ends_at
        assert not join_code_active(workshop, workshop.ends_at)
        workshop.ends_at = None
        workshop.archived_at = starts
        assert not join_code_active(workshop, starts)


class TestFailedGuessLimit:
    async def test_one_client_blocked_venue_neighbour_still_joins(
        self,
        db: Session,
        settings: Settings,
        new_client: Callable[..., httpx.AsyncClient],
        organisation: Organisation,
    ) -> None:
        settings.join_attempts_per_client = 3
        make_workshop(db, organisation, join_code="ACD347")
        guesser, neighbour = new_client(), new_client()  # same IP, as in a venue
        for n in range(3):
            assert (await guesser.get(f"{API}/join/{_code(n)}")).status_code == 404
        blocked = await guesser.get(f"{API}/join/{_code(3)}")
        assert blocked.status_code == 429
        assert blocked.json()["code"] == "too_many_join_attempts"
        assert blocked.headers["retry-after"] == str(settings.join_attempt_window_seconds)
        # Even the right code is refused to the guesser for now (no oracle while blocked) ...
        assert (await guesser.get(f"{API}/join/ACD347")).status_code == 429
        # ... but the person at the next table, on the same wifi, gets in.
        assert (await neighbour.get(f"{API}/join/ACD347")).status_code == 200

    async def test_cookieless_clients_counted_by_ip_and_user_agent(
        self,
        db: Session,
        settings: Settings,
        new_client: Callable[..., httpx.AsyncClient],
        organisation: Organisation,
    ) -> None:
        settings.join_attempts_per_client = 2
        make_workshop(db, organisation, join_code="ACD347")
        bot = new_client()
        for n in range(2):
            await bot.get(f"{API}/join/{_code(n)}", headers={"User-Agent": "bot"})
            bot.cookies.clear()
        response = await bot.get(f"{API}/join/ACD347", headers={"User-Agent": "bot"})
        assert response.status_code == 429
        bot.cookies.clear()
        bot.cookies.set(CLIENT_COOKIE, "made-up.value")
        forged = await bot.get(f"{API}/join/ACD347", headers={"User-Agent": "bot"})
        assert forged.status_code == 429  # a cookie the server did not sign counts for nothing
        phone = new_client()
        assert (
            await phone.get(f"{API}/join/ACD347", headers={"User-Agent": "phone"})
        ).status_code == 200

    async def test_per_code_limit_across_clients(
        self,
        db: Session,
        settings: Settings,
        new_client: Callable[..., httpx.AsyncClient],
    ) -> None:
        settings.join_attempts_per_code = 3
        for _ in range(3):
            assert (await new_client().get(f"{API}/join/{_code(7)}")).status_code == 404
        assert (await new_client().get(f"{API}/join/{_code(7)}")).status_code == 429
        assert (await new_client().get(f"{API}/join/{_code(8)}")).status_code == 404

    async def test_successes_are_not_counted(
        self,
        db: Session,
        settings: Settings,
        client: httpx.AsyncClient,
        organisation: Organisation,
    ) -> None:
        settings.join_attempts_per_client = 2
        settings.join_attempts_per_code = 2
        make_workshop(db, organisation, join_code="ACD347")
        for _ in range(5):
            assert (await client.get(f"{API}/join/ACD347")).status_code == 200

    async def test_shared_between_app_processes(
        self, db: Session, settings: Settings, app: FastAPI, organisation: Organisation
    ) -> None:
        settings.join_attempts_per_client = 4
        make_workshop(db, organisation, join_code="ACD347")
        second = create_app(settings)
        try:
            first_client, second_client = make_client(app), make_client(second)
            async with first_client, second_client:
                # A successful look gives the cookie (and is not counted).
                assert (await first_client.get(f"{API}/join/ACD347")).status_code == 200
                for n in range(2):
                    assert (await first_client.get(f"{API}/join/{_code(n)}")).status_code == 404
                second_client.cookies.set(CLIENT_COOKIE, first_client.cookies[CLIENT_COOKIE])
                for n in range(2, 4):
                    assert (await second_client.get(f"{API}/join/{_code(n)}")).status_code == 404
                assert (await first_client.get(f"{API}/join/ACD347")).status_code == 429
                assert (await second_client.get(f"{API}/join/ACD347")).status_code == 429
        finally:
            second.state.engine.dispose()


class TestRedisStore:
    async def test_limit_in_redis(
        self, db: Session, settings: Settings, app: FastAPI, organisation: Organisation
    ) -> None:
        try:
            redis.Redis.from_url(REDIS_URL).ping()
        except redis.RedisError:
            pytest.skip("no Redis on 127.0.0.1:6379")
        prefix = f"cyd:test:{uuid.uuid4().hex}:"
        store = RedisRateStore(REDIS_URL, prefix=prefix)
        settings.join_attempts_per_client = 2
        make_workshop(db, organisation, join_code="ACD347")
        app.state.rate_limiter = RateLimiter(store)
        second = create_app(settings)
        second.state.rate_limiter = RateLimiter(RedisRateStore(REDIS_URL, prefix=prefix))
        try:
            async with make_client(app) as one, make_client(second) as two:
                assert (await one.get(f"{API}/join/ACD347")).status_code == 200
                assert (await one.get(f"{API}/join/{_code(1)}")).status_code == 404
                two.cookies.set(CLIENT_COOKIE, one.cookies[CLIENT_COOKIE])
                assert (await two.get(f"{API}/join/{_code(2)}")).status_code == 404
                assert (await one.get(f"{API}/join/ACD347")).status_code == 429
                assert list(store.client.scan_iter(f"{prefix}*"))
                async with make_client(second) as other:
                    assert (await other.get(f"{API}/join/ACD347")).status_code == 200
        finally:
            second.state.engine.dispose()
            keys = list(store.client.scan_iter(f"{prefix}*"))
            if keys:
                store.client.delete(*keys)
        assert not list(store.client.scan_iter(f"{prefix}*"))


class TestRotateJoinCode:
    async def test_rotate(self, app: FastAPI, db: Session, client: httpx.AsyncClient) -> None:
        room = make_room(db, client)
        old = room.workshop.join_code
        response = await client.post(f"{room.url}/join-code/rotate")
        assert response.status_code == 200
        new = response.json()["join_code"]
        assert new != old and CODE.match(new)
        assert response.json()["join_url"].endswith(f"/join/{new}")
        row = workshop_row(app, room.workshop.id)
        assert row.join_code == new and row.join_code_rotated_at is not None
        assert_problem(await client.get(f"{API}/join/{old}"), 404, "join_code_invalid")
        assert (await client.get(f"{API}/join/{new}")).status_code == 200


class TestJoinQr:
    async def test_svg(self, db: Session, client: httpx.AsyncClient) -> None:
        room = make_room(db, client)
        response = await client.get(f"{room.url}/join-qr.svg")
        assert response.status_code == 200
        assert response.headers["content-type"].startswith("image/svg+xml")
        svg = response.text
        assert svg.startswith("<svg") and "</svg>" in svg
        assert f"http://testserver/join/{room.workshop.join_code}" in svg  # in its <title>
        assert 'fill="#fff"' in svg.lower() or "#ffffff" in svg.lower()
        width = int(re.search(r'width="(\d+)"', svg).group(1))  # type: ignore[union-attr]
        assert width >= 300

    async def test_expiry_follows_ends_at(
        self, app: FastAPI, db: Session, client: httpx.AsyncClient
    ) -> None:
        room = make_room(db, client)
        ends = utcnow() + timedelta(hours=5)
        update_workshop(app, room.workshop.id, ends_at=ends)
        body = (await client.get(room.url)).json()
        assert datetime.fromisoformat(body["join_code_expires_at"]) == ends
