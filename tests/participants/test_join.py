"""POST /join: a new participant, a signed-in device (cookie and bearer), a way back in."""

import re
from collections.abc import Callable

import httpx
from sqlmodel import Session, select

from backend.config import Settings
from backend.kit.clock import utcnow
from backend.kit.tokens import hash_token
from backend.models import Participant, ParticipantDevice, ParticipantStatus, Phase
from backend.participants.credentials import recovery_code_hash
from tests.conftest import BASE_URL
from tests.factories.workshops import make_workshop
from tests.participants.conftest import (
    Scene,
    assert_problem,
    bearer,
    count_devices,
    count_participants,
    fragment,
    join,
)

RECOVERY = re.compile(r"^[ACDEFGHJKMNPQRTUVWXY34679]{4}(-[ACDEFGHJKMNPQRTUVWXY34679]{4}){2}$")


class TestJoin:
    async def test_valid(
        self, db: Session, scene: Scene, client: httpx.AsyncClient, settings: Settings
    ) -> None:
        body = await join(client, scene.workshop.join_code, "Siân Ŵyn", locale="cy")

        me = body["participant"]
        assert me["display_name"] == "Siân Ŵyn"
        assert me["session_id"] == str(scene.workshop.id)
        assert me["status"] == "joined"
        assert me["locale"] == "cy"
        assert me["consent"] == {
            "publish": False,
            "contact": False,
            "share_perspective": False,
            "recorded_at": None,
        }
        assert body["token"].startswith("cyd_pt_")
        assert body["rejoin_url"].startswith(f"{BASE_URL}/rejoin#cyd_rj_")
        assert RECOVERY.match(body["recovery_code"])
        assert client.cookies.get("cyd_participant") == body["token"]
        assert client.cookies.get("cyd_csrf")

        row = db.exec(select(Participant)).one()
        assert row.status == ParticipantStatus.joined
        # Only hashes are stored.
        assert row.rejoin_token_hash == hash_token(fragment(body["rejoin_url"]))
        assert row.recovery_code_hash == recovery_code_hash(body["recovery_code"], settings)
        device = db.exec(select(ParticipantDevice)).one()
        assert device.participant_id == row.id
        assert device.token_hash == hash_token(body["token"])
        assert device.csrf_token == client.cookies.get("cyd_csrf")

    async def test_cookie_works(self, scene: Scene, client: httpx.AsyncClient) -> None:
        body = await join(client, scene.workshop.join_code)
        read = await client.get("/api/v1/me/participant")
        assert read.status_code == 200
        assert read.json()["id"] == body["participant"]["id"]
        changed = await client.patch("/api/v1/me/participant", json={"display_name": "Al"})
        assert changed.status_code == 200, changed.text
        assert changed.json()["display_name"] == "Al"

    async def test_cookie_without_csrf_header_refused(
        self, scene: Scene, client: httpx.AsyncClient, new_client: Callable[..., httpx.AsyncClient]
    ) -> None:
        body = await join(client, scene.workshop.join_code)
        plain = new_client(spa_like=False)
        plain.cookies.set("cyd_participant", body["token"])
        response = await plain.patch(
            "/api/v1/me/participant",
            json={"display_name": "Evil"},
            headers={"Origin": BASE_URL},
        )
        assert_problem(response, 403, "csrf_failed")

    async def test_bearer_token_works(
        self, scene: Scene, client: httpx.AsyncClient, new_client: Callable[..., httpx.AsyncClient]
    ) -> None:
        body = await join(client, scene.workshop.join_code)
        api = new_client(spa_like=False)
        read = await api.get("/api/v1/me/participant", headers=bearer(body["token"]))
        assert read.status_code == 200
        assert read.json()["id"] == body["participant"]["id"]
        changed = await api.patch(
            "/api/v1/me/participant",
            json={"perspective": "academic"},
            headers=bearer(body["token"]),
        )
        assert changed.status_code == 200, changed.text
        assert changed.json()["perspective"] == "academic"

    async def test_code_typed_loosely(self, scene: Scene, client: httpx.AsyncClient) -> None:
        code = scene.workshop.join_code
        body = await join(client, f" {code[:3].lower()}-{code[3:].lower()} ")
        assert body["participant"]["session_id"] == str(scene.workshop.id)

    async def test_late_arrival_in_a_later_phase(
        self, db: Session, scene: Scene, client: httpx.AsyncClient
    ) -> None:
        late = make_workshop(db, scene.facilitator.organisation, phase=Phase.ideate)
        body = await join(client, late.join_code)
        assert body["participant"]["session_id"] == str(late.id)

    async def test_wrong_code(self, db: Session, scene: Scene, client: httpx.AsyncClient) -> None:
        response = await client.post(
            "/api/v1/join", json={"code": "ZZZZZZ", "display_name": "Alex"}
        )
        assert_problem(response, 404, "join_code_invalid")
        assert count_participants(db) == 0
        assert count_devices(db) == 0
        assert "cyd_participant" not in client.cookies

    async def test_archived_session_refused(
        self, db: Session, scene: Scene, client: httpx.AsyncClient
    ) -> None:
        archived = make_workshop(db, scene.facilitator.organisation, archived_at=utcnow())
        response = await client.post(
            "/api/v1/join", json={"code": archived.join_code, "display_name": "Alex"}
        )
        assert response.status_code in (404, 409)
        assert response.headers["content-type"] == "application/problem+json"
        assert count_participants(db) == 0

    async def test_bad_display_names(
        self, db: Session, scene: Scene, client: httpx.AsyncClient
    ) -> None:
        for name in ["", "   ", "x" * 81, None, 7, "A\u0000B", "Bell\u0007"]:
            response = await client.post(
                "/api/v1/join", json={"code": scene.workshop.join_code, "display_name": name}
            )
            assert_problem(response, 422, "validation_failed")
            assert "display_name" in response.json()["errors"][0]["loc"]
        assert count_participants(db) == 0

    async def test_bad_locale_and_unknown_field(
        self, db: Session, scene: Scene, client: httpx.AsyncClient
    ) -> None:
        code = scene.workshop.join_code
        for extra in [{"locale": "fr"}, {"is_facilitator": True}]:
            response = await client.post(
                "/api/v1/join", json={"code": code, "display_name": "Alex", **extra}
            )
            assert_problem(response, 422, "validation_failed")
        malformed = await client.post(
            "/api/v1/join", content=b"{not json", headers={"Content-Type": "application/json"}
        )
        assert_problem(malformed, 400, "malformed_json")
        assert count_participants(db) == 0

    async def test_other_site_origin_refused(
        self, db: Session, scene: Scene, new_client: Callable[..., httpx.AsyncClient]
    ) -> None:
        other = new_client(spa_like=False)
        response = await other.post(
            "/api/v1/join",
            json={"code": scene.workshop.join_code, "display_name": "Alex"},
            headers={"Origin": "https://evil.example"},
        )
        assert_problem(response, 403, "csrf_failed")
        assert count_participants(db) == 0

    async def test_script_without_origin_may_join(
        self, scene: Scene, new_client: Callable[..., httpx.AsyncClient]
    ) -> None:
        script = new_client(spa_like=False)
        body = await join(script, scene.workshop.join_code)
        assert body["token"].startswith("cyd_pt_")

    async def test_wrong_guesses_are_limited(
        self, db: Session, scene: Scene, client: httpx.AsyncClient, settings: Settings
    ) -> None:
        settings.join_attempts_per_client = 2
        await join(client, scene.workshop.join_code)  # a success: not counted, gets `cyd_client`
        for _ in range(2):
            response = await client.post(
                "/api/v1/join", json={"code": "ZZZZZZ", "display_name": "A"}
            )
            assert_problem(response, 404, "join_code_invalid")
        response = await client.post(
            "/api/v1/join", json={"code": scene.workshop.join_code, "display_name": "A"}
        )
        assert_problem(response, 429)
        assert count_participants(db) == 1
