"""A participant's own table: tablemates, consent-gated perspectives, pooled strengths."""

import httpx
from sqlmodel import Session

from backend.models import ParticipantStatus
from tests.factories.participants import make_participant, participant_token, sign_in_participant
from tests.factories.tables import make_room, make_table

URL = "/api/v1/me/table"


class TestMyTable:
    async def test_perspective_only_with_consent(
        self, db: Session, client: httpx.AsyncClient
    ) -> None:
        room = make_room(db)
        table = make_table(db, room.workshop)
        me = make_participant(db, room.workshop, display_name="Me", table_id=table.id)
        shy = make_participant(
            db, room.workshop, display_name="Shy", perspective="policy", table_id=table.id
        )
        open_ = make_participant(
            db,
            room.workshop,
            display_name="Open",
            perspective="academic",
            consent_share_perspective=True,
            table_id=table.id,
        )
        sign_in_participant(db, client, me)

        body = (await client.get(URL)).json()

        mates = {m["id"]: m for m in body["tablemates"]}
        assert mates[str(me.id)] == {
            "id": str(me.id),
            "display_name": "Me",
            "perspective": "lived_experience",
            "is_me": True,
        }
        assert mates[str(shy.id)]["perspective"] is None
        assert mates[str(shy.id)]["is_me"] is False
        assert mates[str(open_.id)]["perspective"] == "academic"
        assert "policy" not in str(body)
        assert body["perspectives_present"] == 3

    async def test_no_private_details_leak(self, db: Session, client: httpx.AsyncClient) -> None:
        room = make_room(db)
        table = make_table(db, room.workshop)
        me = make_participant(db, room.workshop, table_id=table.id)
        make_participant(
            db,
            room.workshop,
            display_name="Other",
            table_id=table.id,
            access_needs="Needs a BSL interpreter",
            email="other@example.org",
            consent_publish=True,
            consent_contact=True,
            network_roles=["connector"],
        )
        sign_in_participant(db, client, me)
        response = await client.get(URL)
        text = response.text
        assert response.status_code == 200
        for secret in ("BSL", "other@example.org", "consent", "access", "email", "connector"):
            assert secret not in text
        for mate in response.json()["tablemates"]:
            assert set(mate) == {"id", "display_name", "perspective", "is_me"}

    async def test_pooled_strengths(self, db: Session, client: httpx.AsyncClient) -> None:
        room = make_room(db)
        table = make_table(db, room.workshop)
        elsewhere = make_table(db, room.workshop)
        me = make_participant(
            db,
            room.workshop,
            table_id=table.id,
            strengths={"social": "I run the parents' group", "human": "Bus driver, 20 years"},
        )
        make_participant(
            db,
            room.workshop,
            table_id=table.id,
            strengths={"social": "Know the councillors", "financial": "", "physical": "A minibus"},
        )
        make_participant(
            db,
            room.workshop,
            table_id=table.id,
            status=ParticipantStatus.removed,
            strengths={"public": "Removed person's strength"},
        )
        make_participant(
            db, room.workshop, table_id=elsewhere.id, strengths={"public": "Other table's"}
        )
        sign_in_participant(db, client, me)
        pooled = (await client.get(URL)).json()["pooled_strengths"]
        assert pooled == {
            "social": ["I run the parents' group", "Know the councillors"],
            "human": ["Bus driver, 20 years"],
            "public": [],
            "physical": ["A minibus"],
            "financial": [],
        }

    async def test_removed_are_not_tablemates(self, db: Session, client: httpx.AsyncClient) -> None:
        room = make_room(db)
        table = make_table(db, room.workshop)
        me = make_participant(db, room.workshop, table_id=table.id)
        make_participant(
            db,
            room.workshop,
            display_name="Gone",
            table_id=table.id,
            status=ParticipantStatus.removed,
        )
        make_participant(db, room.workshop, display_name="Later", table_id=None)
        sign_in_participant(db, client, me)
        body = (await client.get(URL)).json()
        assert [m["id"] for m in body["tablemates"]] == [str(me.id)]

    async def test_unseated(self, db: Session, client: httpx.AsyncClient) -> None:
        room = make_room(db)
        make_table(db, room.workshop)
        me = make_participant(db, room.workshop)
        sign_in_participant(db, client, me)
        response = await client.get(URL)
        assert response.status_code == 200
        assert response.json() == {
            "table": None,
            "tablemates": [],
            "pooled_strengths": {
                "social": [],
                "human": [],
                "public": [],
                "physical": [],
                "financial": [],
            },
            "perspectives_present": 0,
        }

    async def test_bearer_token(self, db: Session, new_client) -> None:  # type: ignore[no-untyped-def]
        room = make_room(db)
        table = make_table(db, room.workshop, name="Oak")
        me = make_participant(db, room.workshop, table_id=table.id)
        token, _ = participant_token(db, me)
        api = new_client(spa_like=False)
        response = await api.get(URL, headers={"Authorization": f"Bearer {token}"})
        assert response.status_code == 200
        assert response.json()["table"]["name"] == "Oak"

    async def test_facilitator_is_not_a_participant(
        self, db: Session, client: httpx.AsyncClient
    ) -> None:
        make_room(db, client)
        response = await client.get(URL)
        assert response.status_code == 401
