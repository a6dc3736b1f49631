"""POST /rejoin: back into one's own place by link or recovery code, from any device."""

from collections.abc import Callable

import httpx
from sqlmodel import Session, select

from backend.config import Settings
from backend.kit.clock import utcnow
from backend.models import Participant, ParticipantStatus
from tests.factories.workshops import make_workshop
from tests.participants.conftest import (
    Scene,
    assert_problem,
    bearer,
    count_devices,
    count_participants,
    fragment,
    join,
    reload,
)


class TestRejoin:
    async def test_link_from_another_device(
        self,
        db: Session,
        scene: Scene,
        client: httpx.AsyncClient,
        new_client: Callable[..., httpx.AsyncClient],
    ) -> None:
        first = await join(client, scene.workshop.join_code, "Dewi")
        phone = new_client()
        response = await phone.post(
            "/api/v1/rejoin", json={"rejoin_token": fragment(first["rejoin_url"])}
        )
        assert response.status_code == 200, response.text
        body = response.json()
        assert body["participant"]["id"] == first["participant"]["id"]
        assert body["token"].startswith("cyd_pt_") and body["token"] != first["token"]
        assert body["rejoin_url"] is None and body["recovery_code"] is None
        assert count_participants(db) == 1
        assert count_devices(db) == 2

        # Both devices work, by cookie and by bearer token.
        me = await phone.get("/api/v1/me/participant")
        assert me.status_code == 200 and me.json()["display_name"] == "Dewi"
        assert (await client.get("/api/v1/me/participant")).status_code == 200
        api = new_client(spa_like=False)
        assert (await api.get("/api/v1/me/session", headers=bearer(body["token"]))).is_success

    async def test_link_keeps_working(
        self, scene: Scene, client: httpx.AsyncClient, new_client: Callable[..., httpx.AsyncClient]
    ) -> None:
        first = await join(client, scene.workshop.join_code)
        for _ in range(2):
            again = await new_client().post(
                "/api/v1/rejoin", json={"rejoin_token": fragment(first["rejoin_url"])}
            )
            assert again.status_code == 200

    async def test_recovery_code_typed_loosely(
        self,
        db: Session,
        scene: Scene,
        client: httpx.AsyncClient,
        new_client: Callable[..., httpx.AsyncClient],
    ) -> None:
        first = await join(client, scene.workshop.join_code)
        typed = first["recovery_code"].replace("-", " ").lower()
        response = await new_client().post(
            "/api/v1/rejoin",
            json={"join_code": scene.workshop.join_code.lower(), "recovery_code": typed},
        )
        assert response.status_code == 200, response.text
        assert response.json()["participant"]["id"] == first["participant"]["id"]
        assert count_participants(db) == 1

    async def test_pre_registered_person_claims_their_record(
        self, db: Session, scene: Scene, new_client: Callable[..., httpx.AsyncClient]
    ) -> None:
        created = await scene.fclient.post(
            scene.base, json={"display_name": "Mair", "access_needs": "BSL interpreter"}
        )
        assert created.status_code == 201, created.text
        issued = created.json()
        assert issued["participant"]["status"] == "pre_registered"

        phone = new_client()
        response = await phone.post(
            "/api/v1/rejoin",
            json={
                "join_code": scene.workshop.join_code,
                "recovery_code": issued["recovery_code"],
            },
        )
        assert response.status_code == 200, response.text
        me = response.json()["participant"]
        assert me["id"] == issued["participant"]["id"]
        assert me["status"] == "joined"
        assert me["access_needs"] == "BSL interpreter"
        assert reload(db, me["id"]).status == ParticipantStatus.joined
        assert count_participants(db) == 1

        listed = await scene.fclient.get(scene.base)
        assert [p["display_name"] for p in listed.json()["items"]] == ["Mair"]

    async def test_wrong_link_or_code(
        self,
        db: Session,
        scene: Scene,
        client: httpx.AsyncClient,
        new_client: Callable[..., httpx.AsyncClient],
    ) -> None:
        first = await join(client, scene.workshop.join_code)
        devices = count_devices(db)
        other = new_client()
        attempts = [
            {"rejoin_token": "cyd_rj_made-up"},
            {"join_code": scene.workshop.join_code, "recovery_code": "AAAA-AAAA-AAAA"},
            {"join_code": "ZZZZZZ", "recovery_code": first["recovery_code"]},
        ]
        for attempt in attempts:
            response = await other.post("/api/v1/rejoin", json=attempt)
            assert_problem(response, 404, "rejoin_invalid")
        assert count_devices(db) == devices
        assert "cyd_participant" not in other.cookies

    async def test_recovery_code_of_another_session_refused(
        self,
        db: Session,
        scene: Scene,
        client: httpx.AsyncClient,
        new_client: Callable[..., httpx.AsyncClient],
    ) -> None:
        other_session = make_workshop(db, scene.facilitator.organisation)
        first = await join(client, scene.workshop.join_code)
        response = await new_client().post(
            "/api/v1/rejoin",
            json={"join_code": other_session.join_code, "recovery_code": first["recovery_code"]},
        )
        assert_problem(response, 404, "rejoin_invalid")

    async def test_needs_exactly_one_way(self, scene: Scene, client: httpx.AsyncClient) -> None:
        bodies: list[dict[str, object]] = [
            {},
            {"join_code": scene.workshop.join_code},
            {"recovery_code": "AAAA-AAAA-AAAA"},
            {"rejoin_token": "x", "join_code": "y", "recovery_code": "z"},
            {"rejoin_token": ""},
            {"rejoin_token": 5},
        ]
        for body in bodies:
            assert_problem(await client.post("/api/v1/rejoin", json=body), 422, "validation_failed")

    async def test_failed_guesses_are_limited_per_client(
        self,
        scene: Scene,
        client: httpx.AsyncClient,
        new_client: Callable[..., httpx.AsyncClient],
        settings: Settings,
    ) -> None:
        first = await join(client, scene.workshop.join_code)
        settings.join_attempts_per_client = 2
        guesser = new_client()
        ok = await guesser.post(
            "/api/v1/rejoin", json={"rejoin_token": fragment(first["rejoin_url"])}
        )
        assert ok.status_code == 200  # a success: not counted, gets the `cyd_client` cookie
        for _ in range(2):
            response = await guesser.post("/api/v1/rejoin", json={"rejoin_token": "cyd_rj_x"})
            assert_problem(response, 404, "rejoin_invalid")
        refused = await guesser.post(
            "/api/v1/rejoin", json={"rejoin_token": fragment(first["rejoin_url"])}
        )
        assert_problem(refused, 429, "rejoin_rate_limited")
        assert refused.headers["retry-after"] == str(settings.join_attempt_window_seconds)
        # Another device is not affected.
        fine = await new_client().post(
            "/api/v1/rejoin", json={"rejoin_token": fragment(first["rejoin_url"])}
        )
        assert fine.status_code == 200

    async def test_failed_guesses_are_limited_per_join_code(
        self,
        scene: Scene,
        client: httpx.AsyncClient,
        new_client: Callable[..., httpx.AsyncClient],
        settings: Settings,
    ) -> None:
        first = await join(client, scene.workshop.join_code)
        settings.join_attempts_per_code = 2
        code = scene.workshop.join_code
        for _ in range(2):  # two different clients
            response = await new_client().post(
                "/api/v1/rejoin", json={"join_code": code, "recovery_code": "AAAA-AAAA-AAAA"}
            )
            assert_problem(response, 404, "rejoin_invalid")
        refused = await new_client().post(
            "/api/v1/rejoin", json={"join_code": code, "recovery_code": first["recovery_code"]}
        )
        assert_problem(refused, 429, "rejoin_rate_limited")

    async def test_removed_participant_cannot_rejoin(
        self,
        db: Session,
        scene: Scene,
        client: httpx.AsyncClient,
        new_client: Callable[..., httpx.AsyncClient],
    ) -> None:
        first = await join(client, scene.workshop.join_code)
        removed = await scene.fclient.delete(f"{scene.base}/{first['participant']['id']}")
        assert removed.status_code == 204
        for body in [
            {"rejoin_token": fragment(first["rejoin_url"])},
            {"join_code": scene.workshop.join_code, "recovery_code": first["recovery_code"]},
        ]:
            response = await new_client().post("/api/v1/rejoin", json=body)
            assert_problem(response, 404, "rejoin_invalid")

    async def test_archived_session_refused(
        self,
        db: Session,
        scene: Scene,
        client: httpx.AsyncClient,
        new_client: Callable[..., httpx.AsyncClient],
    ) -> None:
        first = await join(client, scene.workshop.join_code)
        workshop = scene.workshop
        workshop.archived_at = utcnow()
        db.add(workshop)
        db.commit()
        devices = count_devices(db)
        response = await new_client().post(
            "/api/v1/rejoin", json={"rejoin_token": fragment(first["rejoin_url"])}
        )
        assert_problem(response, 409, "session_archived")
        assert count_devices(db) == devices
        row = db.exec(select(Participant)).one()
        assert row.status == ParticipantStatus.joined
