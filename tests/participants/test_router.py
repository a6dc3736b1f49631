"""Facilitators' participant endpoints, and who may not use them."""

from collections.abc import Callable
from typing import Any

import httpx
import pytest
from sqlmodel import Session, select

from backend.kit.clock import utcnow
from backend.models import (
    CustomPerspective,
    Participant,
    ParticipantDevice,
    ParticipantStatus,
    WorkshopTable,
)
from tests.factories.accounts import make_access_token, make_facilitator, sign_in_client
from tests.factories.participants import make_participant, participant_token, sign_in_participant
from tests.factories.workshops import make_workshop
from tests.participants.conftest import (
    Scene,
    assert_problem,
    bearer,
    count_participants,
    fetch_all,
    fragment,
    join,
    reload,
)


def _table(db: Session, scene: Scene, number: int = 1) -> WorkshopTable:
    table = WorkshopTable(workshop_id=scene.workshop.id, number=number, name=f"Bwrdd {number}")
    db.add(table)
    db.commit()
    return table


class TestListParticipants:
    async def test_valid(self, db: Session, scene: Scene) -> None:
        table = _table(db, scene)
        make_participant(
            db,
            scene.workshop,
            display_name="Alex",
            access_needs="Wheelchair access",
            table_id=table.id,
            pinned=True,
            consent_publish=True,
        )
        make_participant(db, scene.workshop, display_name="Bea")
        make_participant(db, make_workshop(db, scene.facilitator.organisation), display_name="X")
        response = await scene.fclient.get(scene.base)
        assert response.status_code == 200
        items = response.json()["items"]
        assert [p["display_name"] for p in items] == ["Alex", "Bea"]
        alex = items[0]
        assert alex["access_needs"] == "Wheelchair access"
        assert alex["table"] == {"id": str(table.id), "number": 1, "name": "Bwrdd 1"}
        assert alex["pinned"] is True
        assert alex["consent"]["publish"] is True
        assert alex["status"] == "joined"
        assert response.json()["next_cursor"] is None

    async def test_filters(self, db: Session, scene: Scene) -> None:
        table = _table(db, scene)
        make_participant(db, scene.workshop, display_name="Alex", table_id=table.id)
        make_participant(
            db,
            scene.workshop,
            display_name="Bea",
            email="bea_100%@example.org",
            status=ParticipantStatus.pre_registered,
        )
        make_participant(db, scene.workshop, display_name="Carys")

        async def names(**params: str) -> list[str]:
            response = await scene.fclient.get(scene.base, params=params)
            assert response.status_code == 200, response.text
            return [p["display_name"] for p in response.json()["items"]]

        assert await names(status="pre_registered") == ["Bea"]
        assert await names(table_id=str(table.id)) == ["Alex"]
        assert await names(q="CAR") == ["Carys"]
        assert await names(q="100%") == ["Bea"]
        assert await names(q="_") == ["Bea"]
        assert await names(q="%") == ["Bea"]

    async def test_pages(self, db: Session, scene: Scene) -> None:
        for i in range(5):
            make_participant(db, scene.workshop, display_name=f"P{i}")
        first = (await scene.fclient.get(scene.base, params={"limit": 3})).json()
        assert len(first["items"]) == 3 and first["next_cursor"]
        second = (
            await scene.fclient.get(scene.base, params={"limit": 3, "cursor": first["next_cursor"]})
        ).json()
        names = [p["display_name"] for p in first["items"] + second["items"]]
        assert sorted(names) == [f"P{i}" for i in range(5)]
        assert second["next_cursor"] is None

    async def test_bad_filters(self, scene: Scene) -> None:
        bad = [{"status": "gone"}, {"table_id": "nope"}, {"q": "x" * 81}, {"q": "a\x00"}]
        for params in [*bad, {"limit": "0"}]:
            assert_problem(await scene.fclient.get(scene.base, params=params), 422)
        assert_problem(await scene.fclient.get(scene.base, params={"cursor": "zzz"}), 400)

    async def test_token_with_read_scope(
        self, db: Session, scene: Scene, new_client: Callable[..., httpx.AsyncClient]
    ) -> None:
        make_participant(db, scene.workshop)
        token = make_access_token(db, scene.facilitator.user, frozenset({"participants:read"}))
        api = new_client(spa_like=False)
        response = await api.get(scene.base, headers=bearer(token))
        assert response.status_code == 200
        assert len(response.json()["items"]) == 1


class TestCreateParticipant:
    async def test_valid(self, db: Session, scene: Scene) -> None:
        response = await scene.fclient.post(
            scene.base,
            json={
                "display_name": "Mair Ŷw",
                "email": "mair@example.org",
                "perspective": "policy",
                "network_roles": ["salesperson"],
                "access_needs": "Carer present",
            },
        )
        assert response.status_code == 201, response.text
        body = response.json()
        assert body["rejoin_url"].startswith("http://testserver/rejoin#cyd_rj_")
        assert len(body["recovery_code"]) == 14
        person = body["participant"]
        assert person["status"] == "pre_registered"
        assert person["network_roles"] == ["salesperson"]
        row = reload(db, person["id"])
        assert row.workshop_id == scene.workshop.id
        assert row.display_name == "Mair Ŷw"
        assert row.rejoin_token_hash and row.recovery_code_hash
        assert fetch_all(db, select(ParticipantDevice)) == []  # nobody is signed in yet

    async def test_email_taken(self, db: Session, scene: Scene) -> None:
        make_participant(db, scene.workshop, email="Mair@Example.org")
        response = await scene.fclient.post(
            scene.base, json={"display_name": "Mair", "email": "mair@example.org"}
        )
        assert_problem(response, 409, "participant_email_taken")
        assert count_participants(db) == 1

    async def test_bad_input(self, db: Session, scene: Scene) -> None:
        bad: list[dict[str, Any]] = [
            {},
            {"display_name": ""},
            {"display_name": "A", "email": "nope"},
            {"display_name": "A", "network_roles": ["chief"]},
            {"display_name": "A", "access_needs": "x" * 1001},
            {"display_name": "A", "status": "joined"},
        ]
        for body in bad:
            assert_problem(await scene.fclient.post(scene.base, json=body), 422)
        unknown = await scene.fclient.post(
            scene.base, json={"display_name": "A", "perspective": "x"}
        )
        assert_problem(unknown, 422, "perspective_unknown")
        assert count_participants(db) == 0

    async def test_custom_perspective(self, db: Session, scene: Scene) -> None:
        db.add(CustomPerspective(organisation_id=scene.facilitator.organisation.id, key="carer"))
        db.commit()
        response = await scene.fclient.post(
            scene.base, json={"display_name": "A", "perspective": "carer"}
        )
        assert response.status_code == 201

    async def test_archived(self, db: Session, scene: Scene) -> None:
        scene.workshop.archived_at = utcnow()
        db.add(scene.workshop)
        db.commit()
        response = await scene.fclient.post(scene.base, json={"display_name": "A"})
        assert_problem(response, 409, "session_archived")
        assert count_participants(db) == 0

    async def test_read_scope_is_not_enough(
        self, db: Session, scene: Scene, new_client: Callable[..., httpx.AsyncClient]
    ) -> None:
        token = make_access_token(db, scene.facilitator.user, frozenset({"participants:read"}))
        api = new_client(spa_like=False)
        response = await api.post(scene.base, json={"display_name": "A"}, headers=bearer(token))
        assert_problem(response, 403, "insufficient_scope")
        assert count_participants(db) == 0


class TestReadParticipant:
    async def test_valid(self, db: Session, scene: Scene) -> None:
        person = make_participant(db, scene.workshop, access_needs="BSL")
        response = await scene.fclient.get(f"{scene.base}/{person.id}")
        assert response.status_code == 200
        assert response.json()["access_needs"] == "BSL"
        assert response.json()["table"] is None

    async def test_unknown_and_malformed_ids(self, scene: Scene) -> None:
        assert_problem(
            await scene.fclient.get(f"{scene.base}/00000000-0000-0000-0000-000000000000"),
            404,
            "participant_not_found",
        )
        assert_problem(await scene.fclient.get(f"{scene.base}/not-a-uuid"), 422)


class TestUpdateParticipant:
    async def test_all_profile_fields(self, db: Session, scene: Scene) -> None:
        person = make_participant(db, scene.workshop)
        response = await scene.fclient.patch(
            f"{scene.base}/{person.id}",
            json={
                "display_name": "Alexandra",
                "perspective": "outlier",
                "network_roles": ["connector"],
                "strengths": {"financial": "Small grants fund"},
                "consent": {"publish": True},
                "email": "alex@example.org",  # facilitators hold invitation emails
                "access_needs": "Step-free",
            },
        )
        assert response.status_code == 200, response.text
        row = reload(db, person.id)
        assert row.display_name == "Alexandra"
        assert row.perspective == "outlier"
        assert row.network_roles == ["connector"]
        assert row.strengths == {"financial": "Small grants fund"}
        assert row.consent_publish is True and row.consent_recorded_at is not None
        assert row.email == "alex@example.org"
        assert row.access_needs == "Step-free"

    async def test_email_of_someone_else(self, db: Session, scene: Scene) -> None:
        make_participant(db, scene.workshop, email="taken@example.org")
        person = make_participant(db, scene.workshop, email="mine@example.org")
        response = await scene.fclient.patch(
            f"{scene.base}/{person.id}", json={"email": "TAKEN@example.org"}
        )
        assert_problem(response, 409, "participant_email_taken")
        same = await scene.fclient.patch(
            f"{scene.base}/{person.id}", json={"email": "mine@example.org"}
        )
        assert same.status_code == 200

    async def test_bad_input(self, db: Session, scene: Scene) -> None:
        person = make_participant(db, scene.workshop)
        for body in [{"network_roles": ["x"]}, {"display_name": None}, {"pinned": True}]:
            assert_problem(await scene.fclient.patch(f"{scene.base}/{person.id}", json=body), 422)
        assert_problem(
            await scene.fclient.patch(f"{scene.base}/{person.id}", json={"perspective": "x"}),
            422,
            "perspective_unknown",
        )
        assert reload(db, person.id).network_roles == []

    async def test_removed_person(self, db: Session, scene: Scene) -> None:
        person = make_participant(db, scene.workshop)
        await scene.fclient.delete(f"{scene.base}/{person.id}")
        response = await scene.fclient.patch(
            f"{scene.base}/{person.id}", json={"display_name": "Back"}
        )
        assert_problem(response, 409, "participant_removed")


class TestRemoveParticipant:
    async def test_pseudonymises_and_keeps_the_row(
        self, db: Session, scene: Scene, client: httpx.AsyncClient
    ) -> None:
        table = _table(db, scene)
        body = await join(client, scene.workshop.join_code, "Alex")
        person_id = body["participant"]["id"]
        await client.patch(
            "/api/v1/me/participant",
            json={
                "consent": {"publish": True, "contact": True, "share_perspective": True},
                "email": "alex@example.org",
                "access_needs": "Quiet room",
                "strengths": {"human": "Nurse"},
                "perspective": "service_provider",
            },
        )
        row = reload(db, person_id)
        row.table_id, row.pinned = table.id, True
        db.add(row)
        db.commit()

        response = await scene.fclient.delete(f"{scene.base}/{person_id}")
        assert response.status_code == 204
        row = reload(db, person_id)
        assert row.display_name == "Removed participant 1"
        assert row.status == ParticipantStatus.removed and row.removed_at is not None
        assert (row.email, row.access_needs, row.perspective) == (None, None, None)
        assert row.strengths == {}
        assert not (row.consent_publish or row.consent_contact or row.consent_share_perspective)
        assert (row.table_id, row.pinned) == (None, False)
        assert row.rejoin_token_hash is None and row.recovery_code_hash is None
        devices = fetch_all(db, select(ParticipantDevice))
        assert devices and all(d.revoked_at is not None for d in devices)
        assert_problem(await client.get("/api/v1/me/participant"), 401)

        listed = (await scene.fclient.get(scene.base, params={"status": "removed"})).json()
        assert [p["display_name"] for p in listed["items"]] == ["Removed participant 1"]

    async def test_numbers_and_repeat(self, db: Session, scene: Scene) -> None:
        first = make_participant(db, scene.workshop)
        second = make_participant(db, scene.workshop)
        for person in (first, second, first):
            response = await scene.fclient.delete(f"{scene.base}/{person.id}")
            assert response.status_code == 204
        assert reload(db, first.id).display_name == "Removed participant 1"
        assert reload(db, second.id).display_name == "Removed participant 2"
        assert count_participants(db) == 2


class TestReissue:
    async def test_revokes_link_code_and_devices(
        self,
        db: Session,
        scene: Scene,
        client: httpx.AsyncClient,
        new_client: Callable[..., httpx.AsyncClient],
    ) -> None:
        first = await join(client, scene.workshop.join_code, "Alex")
        person_id = first["participant"]["id"]
        api = new_client(spa_like=False)
        assert (await api.get("/api/v1/me/participant", headers=bearer(first["token"]))).is_success

        response = await scene.fclient.post(f"{scene.base}/{person_id}/reissue")
        assert response.status_code == 200, response.text
        issued = response.json()
        assert issued["participant"]["id"] == person_id
        assert issued["rejoin_url"] != first["rejoin_url"]
        assert issued["recovery_code"] != first["recovery_code"]

        # The lost phone stops working, by cookie and by token ...
        assert_problem(await client.get("/api/v1/me/participant"), 401)
        assert_problem(await api.get("/api/v1/me/participant", headers=bearer(first["token"])), 401)
        # ... and so do the old link and code.
        code = scene.workshop.join_code
        for old in [
            {"rejoin_token": fragment(first["rejoin_url"])},
            {"join_code": code, "recovery_code": first["recovery_code"]},
        ]:
            assert_problem(await new_client().post("/api/v1/rejoin", json=old), 404)
        # The new ones work and lead to the same person.
        for new in [
            {"rejoin_token": fragment(issued["rejoin_url"])},
            {"join_code": code, "recovery_code": issued["recovery_code"]},
        ]:
            back = await new_client().post("/api/v1/rejoin", json=new)
            assert back.status_code == 200
            assert back.json()["participant"]["id"] == person_id
        assert count_participants(db) == 1

    async def test_removed_person(self, db: Session, scene: Scene) -> None:
        person = make_participant(db, scene.workshop)
        await scene.fclient.delete(f"{scene.base}/{person.id}")
        response = await scene.fclient.post(f"{scene.base}/{person.id}/reissue")
        assert_problem(response, 409, "participant_removed")


def _routes(base: str, person_id: Any) -> list[tuple[str, str, dict[str, Any]]]:
    one = f"{base}/{person_id}"
    return [
        ("GET", base, {}),
        ("POST", base, {"json": {"display_name": "Intruder"}}),
        (
            "POST",
            f"{base}/import",
            {"content": b"display_name\nIntruder\n", "headers": {"Content-Type": "text/csv"}},
        ),
        ("GET", one, {}),
        ("PATCH", one, {"json": {"display_name": "Hacked", "access_needs": "x"}}),
        ("DELETE", one, {}),
        ("POST", f"{one}/reissue", {}),
    ]


class TestAuthorization:
    """Every facilitator route refuses outsiders, and nothing changes."""

    @pytest.fixture
    def victim(self, db: Session, scene: Scene) -> Participant:
        person = make_participant(
            db,
            scene.workshop,
            display_name="Alex",
            access_needs="Private",
            rejoin_token_hash="a" * 64,
        )
        participant_token(db, person)
        return person

    def _unchanged(self, db: Session, scene: Scene, victim: Participant) -> None:
        row = reload(db, victim.id)
        assert (row.display_name, row.access_needs, row.status) == ("Alex", "Private", "joined")
        assert row.rejoin_token_hash == victim.rejoin_token_hash
        devices = fetch_all(
            db, select(ParticipantDevice).where(ParticipantDevice.participant_id == victim.id)
        )
        assert len(devices) == 1 and devices[0].revoked_at is None
        intruders = fetch_all(db, select(Participant).where(Participant.display_name == "Intruder"))
        assert intruders == []

    async def _all_refused(
        self, client: httpx.AsyncClient, scene: Scene, victim: Participant, status: int, **kw: Any
    ) -> None:
        for method, url, extra in _routes(scene.base, victim.id):
            headers = {**extra.pop("headers", {}), **kw.get("headers", {})}
            response = await client.request(method, url, headers=headers, **extra)
            assert_problem(response, status)

    async def test_facilitator_of_another_organisation(
        self,
        db: Session,
        scene: Scene,
        victim: Participant,
        new_client: Callable[..., httpx.AsyncClient],
    ) -> None:
        stranger = make_facilitator(db)
        browser = new_client()
        sign_in_client(db, browser, stranger.user)
        await self._all_refused(browser, scene, victim, 404)
        token = make_access_token(db, stranger.user)
        await self._all_refused(
            new_client(spa_like=False), scene, victim, 404, headers=bearer(token)
        )
        self._unchanged(db, scene, victim)

    async def test_own_session_but_participant_of_another(
        self,
        db: Session,
        scene: Scene,
        victim: Participant,
        new_client: Callable[..., httpx.AsyncClient],
    ) -> None:
        stranger = make_facilitator(db)
        own_session = make_workshop(db, stranger.organisation)
        browser = new_client()
        sign_in_client(db, browser, stranger.user)
        other_base = f"/api/v1/sessions/{own_session.id}/participants"
        for method, url, extra in _routes(other_base, victim.id)[3:]:
            response = await browser.request(method, url, **extra)
            assert_problem(response, 404, "participant_not_found")
        self._unchanged(db, scene, victim)

    async def test_participants_are_not_facilitators(
        self,
        db: Session,
        scene: Scene,
        victim: Participant,
        new_client: Callable[..., httpx.AsyncClient],
    ) -> None:
        elsewhere = make_workshop(db, make_facilitator(db).organisation)
        for workshop in (scene.workshop, elsewhere):  # same session, and another one
            person = make_participant(db, workshop, display_name="Someone")
            browser = new_client()
            sign_in_participant(db, browser, person)
            await self._all_refused(browser, scene, victim, 401)
            token, _ = participant_token(db, person)
            await self._all_refused(
                new_client(spa_like=False), scene, victim, 401, headers=bearer(token)
            )
        self._unchanged(db, scene, victim)

    async def test_anonymous(
        self, db: Session, scene: Scene, victim: Participant, client: httpx.AsyncClient
    ) -> None:
        await self._all_refused(client, scene, victim, 401)
        self._unchanged(db, scene, victim)

    async def test_token_without_participant_scopes(
        self,
        db: Session,
        scene: Scene,
        victim: Participant,
        new_client: Callable[..., httpx.AsyncClient],
    ) -> None:
        token = make_access_token(db, scene.facilitator.user, frozenset({"sessions:read"}))
        await self._all_refused(
            new_client(spa_like=False), scene, victim, 403, headers=bearer(token)
        )
        self._unchanged(db, scene, victim)
