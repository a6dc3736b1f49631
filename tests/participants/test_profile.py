"""A participant's own profile (/me/participant), signing out, and their view of the session."""

from collections.abc import Callable
from datetime import timedelta
from typing import Any

import httpx
from sqlmodel import Session

from backend.kit.clock import utcnow
from backend.models import CustomPerspective
from tests.factories.accounts import make_organisation
from tests.participants.conftest import Scene, assert_problem, bearer, join, reload

ME = "/api/v1/me/participant"


async def _joined(scene: Scene, client: httpx.AsyncClient, name: str = "Alex") -> dict[str, Any]:
    return await join(client, scene.workshop.join_code, name)


class TestReadMe:
    async def test_own_full_profile(self, scene: Scene, client: httpx.AsyncClient) -> None:
        body = await _joined(scene, client)
        response = await client.get(ME)
        assert response.status_code == 200
        assert response.json() == body["participant"]

    async def test_anonymous(self, client: httpx.AsyncClient) -> None:
        assert_problem(await client.get(ME), 401, "unauthenticated")

    async def test_unknown_bearer(self, new_client: Callable[..., httpx.AsyncClient]) -> None:
        api = new_client(spa_like=False)
        assert_problem(await api.get(ME, headers=bearer("cyd_pt_nope")), 401, "unauthenticated")

    async def test_facilitator_is_not_a_participant(self, scene: Scene) -> None:
        assert_problem(await scene.fclient.get(ME), 401, "unauthenticated")


class TestUpdateMe:
    async def test_all_fields(self, db: Session, scene: Scene, client: httpx.AsyncClient) -> None:
        body = await _joined(scene, client)
        response = await client.patch(
            ME,
            json={
                "display_name": "  Gwenllïan  ",
                "perspective": "lived_experience",
                "network_roles": ["maven", "connector", "maven"],
                "strengths": {"social": "Runs the village choir", "physical": "A minibus"},
                "consent": {"publish": True, "contact": True, "share_perspective": False},
                "email": "gwen@example.org",
                "access_needs": "Large print, please",
                "locale": "cy",
            },
        )
        assert response.status_code == 200, response.text
        me = response.json()
        assert me["display_name"] == "Gwenllïan"
        assert me["network_roles"] == ["connector", "maven"]
        assert me["strengths"] == {
            "social": "Runs the village choir",
            "human": None,
            "public": None,
            "physical": "A minibus",
            "financial": None,
        }
        assert me["consent"]["publish"] is True and me["consent"]["contact"] is True
        assert me["consent"]["recorded_at"] is not None
        assert me["email"] == "gwen@example.org"
        assert me["access_needs"] == "Large print, please"
        row = reload(db, body["participant"]["id"])
        assert row.perspective == "lived_experience"
        assert row.consent_publish is True
        assert row.consent_recorded_at is not None
        assert row.strengths == {"social": "Runs the village choir", "physical": "A minibus"}

    async def test_strengths_merge_and_clear(self, scene: Scene, client: httpx.AsyncClient) -> None:
        await _joined(scene, client)
        await client.patch(ME, json={"strengths": {"social": "A", "human": "B"}})
        response = await client.patch(ME, json={"strengths": {"social": None, "public": "C"}})
        strengths = response.json()["strengths"]
        assert (strengths["social"], strengths["human"], strengths["public"]) == (None, "B", "C")

    async def test_consent_time_recorded_only_on_change(
        self, db: Session, scene: Scene, client: httpx.AsyncClient
    ) -> None:
        body = await _joined(scene, client)
        first = (await client.patch(ME, json={"consent": {"publish": False}})).json()
        recorded = first["consent"]["recorded_at"]
        assert recorded is not None  # an explicit "no" is a recorded choice too
        same = (await client.patch(ME, json={"consent": {"publish": False}})).json()
        assert same["consent"]["recorded_at"] == recorded
        changed = (await client.patch(ME, json={"consent": {"share_perspective": True}})).json()
        assert changed["consent"]["recorded_at"] >= recorded
        assert reload(db, body["participant"]["id"]).consent_share_perspective is True

    async def test_custom_perspective_of_own_organisation(
        self, db: Session, scene: Scene, client: httpx.AsyncClient
    ) -> None:
        db.add(CustomPerspective(organisation_id=scene.facilitator.organisation.id, key="carer"))
        db.commit()
        await _joined(scene, client)
        response = await client.patch(ME, json={"perspective": "carer"})
        assert response.status_code == 200
        assert response.json()["perspective"] == "carer"

    async def test_unknown_perspective(
        self, db: Session, scene: Scene, client: httpx.AsyncClient
    ) -> None:
        other_org = make_organisation(db, "Another council")
        db.add(CustomPerspective(organisation_id=other_org.id, key="farmer"))
        db.commit()
        body = await _joined(scene, client)
        for value in ["farmer", "Lived_Experience", "boss"]:
            response = await client.patch(
                ME, json={"perspective": value, "display_name": "Changed"}
            )
            assert_problem(response, 422, "perspective_unknown")
        row = reload(db, body["participant"]["id"])
        assert row.perspective is None
        assert row.display_name == "Alex"

    async def test_email_needs_contact_consent(
        self, db: Session, scene: Scene, client: httpx.AsyncClient
    ) -> None:
        body = await _joined(scene, client)
        response = await client.patch(ME, json={"email": "a@example.org"})
        assert_problem(response, 422, "contact_consent_needed")
        assert reload(db, body["participant"]["id"]).email is None

        both = await client.patch(ME, json={"email": "a@example.org", "consent": {"contact": True}})
        assert both.status_code == 200 and both.json()["email"] == "a@example.org"

        withdrawn = await client.patch(ME, json={"consent": {"contact": False}})
        assert withdrawn.json()["email"] is None
        assert reload(db, body["participant"]["id"]).email is None

    async def test_bad_input_writes_nothing(
        self, db: Session, scene: Scene, client: httpx.AsyncClient
    ) -> None:
        body = await _joined(scene, client)
        bad: list[dict[str, Any]] = [
            {"display_name": None},
            {"display_name": ""},
            {"display_name": "x" * 81},
            {"network_roles": ["boss"]},
            {"network_roles": None},
            {"strengths": {"spiritual": "x"}},
            {"strengths": {"social": "x" * 501}},
            {"strengths": None},
            {"consent": {"publish": "yes"}},
            {"consent": {"publish": 1}},
            {"consent": {"forever": True}},
            {"consent": None},
            {"email": "not-an-email"},
            {"access_needs": "x" * 1001},
            {"locale": "fr"},
            {"status": "removed"},
            {"table_id": None},
        ]
        for patch in bad:
            response = await client.patch(ME, json={**patch, "perspective": "academic"})
            assert_problem(response, 422, "validation_failed")
        row = reload(db, body["participant"]["id"])
        assert (row.display_name, row.perspective, row.status) == ("Alex", None, "joined")
        assert row.strengths == {} and row.network_roles == []

    async def test_access_needs_are_private(
        self,
        scene: Scene,
        client: httpx.AsyncClient,
        new_client: Callable[..., httpx.AsyncClient],
    ) -> None:
        body = await _joined(scene, client, "Alex")
        await client.patch(ME, json={"access_needs": "Hearing loop"})
        tablemate = new_client()
        await join(tablemate, scene.workshop.join_code, "Bea")

        # The person and the facilitators see it ...
        assert (await client.get(ME)).json()["access_needs"] == "Hearing loop"
        seen = await scene.fclient.get(f"{scene.base}/{body['participant']['id']}")
        assert seen.json()["access_needs"] == "Hearing loop"
        # ... another participant of the session sees only their own, and cannot list others.
        assert (await tablemate.get(ME)).json()["access_needs"] is None
        for path in [scene.base, f"{scene.base}/{body['participant']['id']}"]:
            assert_problem(await tablemate.get(path), 401)

    async def test_archived_session_signs_participants_out(
        self, db: Session, scene: Scene, client: httpx.AsyncClient
    ) -> None:
        await _joined(scene, client)
        scene.workshop.archived_at = utcnow()
        db.add(scene.workshop)
        db.commit()
        assert_problem(await client.patch(ME, json={"display_name": "B"}), 401)


class TestSignOut:
    async def test_revokes_this_device_only(
        self,
        db: Session,
        scene: Scene,
        client: httpx.AsyncClient,
        new_client: Callable[..., httpx.AsyncClient],
    ) -> None:
        body = await _joined(scene, client)
        api = new_client(spa_like=False)
        response = await client.post("/api/v1/me/signout")
        assert response.status_code == 204
        assert "cyd_participant" not in client.cookies
        assert_problem(await client.get(ME), 401)
        # The token returned by join is this same device credential, so it stops too.
        assert (await api.get(ME, headers=bearer(body["token"]))).status_code == 401
        again = await new_client().post(
            "/api/v1/rejoin", json={"rejoin_token": body["rejoin_url"].split("#")[1]}
        )
        assert again.status_code == 200

    async def test_bearer_device(
        self, scene: Scene, client: httpx.AsyncClient, new_client: Callable[..., httpx.AsyncClient]
    ) -> None:
        body = await _joined(scene, client)
        rejoined = await new_client().post(
            "/api/v1/rejoin", json={"rejoin_token": body["rejoin_url"].split("#")[1]}
        )
        token = rejoined.json()["token"]
        api = new_client(spa_like=False)
        assert (await api.post("/api/v1/me/signout", headers=bearer(token))).status_code == 204
        assert_problem(await api.get(ME, headers=bearer(token)), 401)
        assert (await client.get(ME)).status_code == 200

    async def test_anonymous(self, client: httpx.AsyncClient) -> None:
        assert_problem(await client.post("/api/v1/me/signout"), 401)


class TestMySession:
    async def test_what_a_participant_sees(
        self, db: Session, scene: Scene, client: httpx.AsyncClient
    ) -> None:
        workshop = scene.workshop
        workshop.title_cy = "Teithiau bws gwell"
        workshop.consent_text_en = "We publish ideas without names."
        workshop.venue = "Neuadd y Pentref"
        db.add(workshop)
        db.commit()
        await _joined(scene, client)
        response = await client.get("/api/v1/me/session")
        assert response.status_code == 200
        view = response.json()
        assert view["id"] == str(workshop.id)
        assert view["title"] == {"en": "Better bus journeys", "cy": "Teithiau bws gwell"}
        assert view["challenge"]["en"].startswith("How might we")
        assert view["consent_text"] == {"en": "We publish ideas without names.", "cy": None}
        assert view["languages"] == ["en", "cy"]
        assert view["phase"] == "engage"
        assert view["mode"] == "venue" and view["venue"] == "Neuadd y Pentref"
        assert view["targets"]["ideas_per_table"] == 100
        assert view["timer"]["state"] == "stopped"
        assert view["timer"]["server_now"]
        assert "join_code" not in view and "organisation_id" not in view

    async def test_running_timer(
        self, db: Session, scene: Scene, client: httpx.AsyncClient
    ) -> None:
        workshop = scene.workshop
        workshop.timer_duration_seconds = 600
        workshop.timer_ends_at = utcnow() + timedelta(seconds=300)
        db.add(workshop)
        db.commit()
        await _joined(scene, client)
        timer = (await client.get("/api/v1/me/session")).json()["timer"]
        assert timer["state"] == "running"
        assert 290 <= timer["remaining_seconds"] <= 300
        assert timer["duration_seconds"] == 600

    async def test_paused_timer(self, db: Session, scene: Scene, client: httpx.AsyncClient) -> None:
        workshop = scene.workshop
        workshop.timer_duration_seconds = 600
        workshop.timer_remaining_seconds = 123
        db.add(workshop)
        db.commit()
        await _joined(scene, client)
        timer = (await client.get("/api/v1/me/session")).json()["timer"]
        assert (timer["state"], timer["remaining_seconds"], timer["ends_at"]) == (
            "paused",
            123,
            None,
        )

    async def test_anonymous(self, client: httpx.AsyncClient) -> None:
        assert_problem(await client.get("/api/v1/me/session"), 401)


class TestSessionCustomPerspectives:
    async def test_session_lists_the_organisations_own_perspectives(self, db, client) -> None:  # type: ignore[no-untyped-def]
        from backend.models import CustomPerspective
        from tests.factories.accounts import make_facilitator
        from tests.factories.participants import make_participant, sign_in_participant
        from tests.factories.workshops import make_workshop

        ctx = make_facilitator(db)
        db.add(
            CustomPerspective(
                organisation_id=ctx.organisation.id,
                key="youth_worker",
                label_en="Youth worker",
                label_cy="Gweithiwr ieuenctid",
            )
        )
        db.commit()
        workshop = make_workshop(db, ctx.organisation)
        sign_in_participant(db, client, make_participant(db, workshop))
        response = await client.get("/api/v1/me/session")
        assert response.status_code == 200
        assert response.json()["custom_perspectives"] == [
            {"key": "youth_worker", "label": {"en": "Youth worker", "cy": "Gweithiwr ieuenctid"}}
        ]
