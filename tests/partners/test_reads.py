"""Partner reads of a published session's results, its initiatives and their action plans."""

import uuid
from datetime import timedelta

import httpx
from sqlmodel import Session, select

from backend.kit.clock import utcnow
from backend.models import Participant, ParticipantStatus, Pitch, TableChoice
from tests.factories.accounts import make_organisation
from tests.factories.ideas import make_idea
from tests.partners.helpers import API, bearer, make_key
from tests.partners.seed import (
    initiative_from_withheld_idea,
    published,
    record_choice,
    seed_session,
    seed_unpublished,
    withdrawn,
)

INITIATIVES = f"{API}/partner/initiatives"
ALL_SCOPES = ["barriers:read", "initiatives:read", "outcomes:read", "sessions:read"]


def results_url(session_id: object) -> str:
    return f"{API}/partner/sessions/{session_id}/results"


def actions_url(initiative_id: object) -> str:
    return f"{INITIATIVES}/{initiative_id}/actions"


class TestScopes:
    async def test_each_endpoint_needs_its_scope(
        self, db: Session, client: httpx.AsyncClient
    ) -> None:
        org = make_organisation(db)
        seeded = seed_session(db, org)
        needs = {
            results_url(seeded.workshop.id): "sessions:read",
            INITIATIVES: "initiatives:read",
            actions_url(seeded.initiative.id): "initiatives:read",
            f"{API}/partner/indicators": "outcomes:read",
            f"{API}/partner/measurements": "outcomes:read",
            f"{API}/partner/barriers": "barriers:read",
        }
        for url, scope in needs.items():
            others = bearer(make_key(db, org.id, scopes=[s for s in ALL_SCOPES if s != scope]))
            refused = await client.get(url, headers=others)
            assert refused.status_code == 403, url
            assert refused.json()["code"] == "partner_scope_missing"
            allowed = await client.get(url, headers=bearer(make_key(db, org.id, scopes=[scope])))
            assert allowed.status_code == 200, url
            assert (await client.get(url)).status_code == 401, url


class TestResults:
    async def test_published_results(self, db: Session, client: httpx.AsyncClient) -> None:
        org = make_organisation(db)
        seeded = seed_session(db, org)
        answer = await client.get(
            results_url(seeded.workshop.id), headers=bearer(make_key(db, org.id))
        )
        assert answer.status_code == 200
        body = answer.json()
        assert body["session"]["title"]["en"] == "Safer walking routes"
        assert body["participant_count"] is None  # two people: fewer than five
        first, second = body["tables"]
        assert first["chosen_idea"] == {"text": "Lit paths to the school", "withheld": False}
        assert second["chosen_idea"] == {"text": None, "withheld": True}
        assert first["idea_count"] == 1
        assert first["pitch"] == {
            "barrier_tags": ["hard_work", "hidden_agendas"],
            "other_barrier_count": 1,
            "ask_capitals": ["financial"],
        }
        assert body["initiatives"] == [
            {"id": str(seeded.initiative.id), "title": "Lit paths", "status": "active"}
        ]

    async def test_a_reopened_choice_takes_its_pitch_with_it(
        self, db: Session, client: httpx.AsyncClient
    ) -> None:
        """Table 1 reopens its choice and chooses again: the old idea's pitch is not current
        (results and barriers) until the table pitches the new idea."""
        org = make_organisation(db)
        seeded = seed_session(db, org)
        token = bearer(make_key(db, org.id, scopes=ALL_SCOPES))
        first = seeded.tables[0]
        old = db.exec(select(TableChoice).where(TableChoice.table_id == first.id)).one()
        old.reopened_at = utcnow()
        db.add(old)
        db.commit()
        idea = make_idea(db, first, text="Walking buses")
        record_choice(db, first, idea)
        db.commit()

        async def first_pitch_and_count() -> tuple[object, int]:
            results = await client.get(results_url(seeded.workshop.id), headers=token)
            barriers = await client.get(f"{API}/partner/barriers", headers=token)
            return results.json()["tables"][0]["pitch"], barriers.json()["pitch_count"]

        assert await first_pitch_and_count() == (None, 1)
        db.add(
            Pitch(
                workshop_id=first.workshop_id,
                table_id=first.id,
                idea_id=idea.id,
                what="Walk together",
                barrier_tags=["engrained_systems"],
            )
        )
        db.commit()
        pitch, count = await first_pitch_and_count()
        assert pitch == {
            "barrier_tags": ["engrained_systems"],
            "other_barrier_count": 0,
            "ask_capitals": [],
        }
        assert count == 2

    async def test_removed_author_withheld(self, db: Session, client: httpx.AsyncClient) -> None:
        org = make_organisation(db)
        seeded = seed_session(db, org)
        people = select(Participant).where(Participant.workshop_id == seeded.workshop.id)
        for person in db.exec(people).all():
            person.status = ParticipantStatus.removed
            db.add(person)
        db.commit()
        answer = await client.get(
            results_url(seeded.workshop.id), headers=bearer(make_key(db, org.id))
        )
        assert [t["chosen_idea"]["withheld"] for t in answer.json()["tables"]] == [True, True]

    async def test_unpublished_and_foreign_sessions_404(
        self, db: Session, client: httpx.AsyncClient
    ) -> None:
        org, other = make_organisation(db), make_organisation(db, "Arall")
        token = bearer(make_key(db, org.id))
        hidden = seed_unpublished(db, org)
        foreign = seed_session(db, other)
        for session_id in [hidden.id, foreign.workshop.id, uuid.uuid4()]:
            answer = await client.get(results_url(session_id), headers=token)
            assert answer.status_code == 404
            assert answer.json()["code"] == "partner_session_not_found"

    async def test_withdrawn_session_disappears(
        self, db: Session, client: httpx.AsyncClient
    ) -> None:
        org = make_organisation(db)
        seeded = seed_session(db, org)
        token = bearer(make_key(db, org.id, scopes=ALL_SCOPES))
        assert (await client.get(results_url(seeded.workshop.id), headers=token)).status_code == 200
        withdrawn(db, seeded.workshop)
        assert (await client.get(results_url(seeded.workshop.id), headers=token)).status_code == 404
        for url in [INITIATIVES, f"{API}/partner/indicators", f"{API}/partner/measurements"]:
            assert (await client.get(url, headers=token)).json()["items"] == [], url
        barriers = await client.get(f"{API}/partner/barriers", headers=token)
        assert barriers.json()["pitch_count"] == 0
        gone = await client.get(actions_url(seeded.initiative.id), headers=token)
        assert gone.status_code == 404
        published(db, seeded.workshop)
        assert len((await client.get(INITIATIVES, headers=token)).json()["items"]) == 1


class TestInitiatives:
    async def test_stewards_by_role_unless_named(
        self, db: Session, client: httpx.AsyncClient
    ) -> None:
        org = make_organisation(db)
        seeded = seed_session(db, org)
        token = bearer(make_key(db, org.id, scopes=["initiatives:read"]))
        (item,) = (await client.get(INITIATIVES, headers=token)).json()["items"]
        assert item["id"] == str(seeded.initiative.id)
        assert item["session_id"] == str(seeded.workshop.id)
        assert item["steward"] == {
            "kind": "committee",
            "name": "Paths committee",
            "members": [
                {"label": "Chair", "role": "Chair", "named": False},
                {"label": "Dewi", "role": "Clerk", "named": True},
            ],
        }

    async def test_filters_and_pages(self, db: Session, client: httpx.AsyncClient) -> None:
        org = make_organisation(db)
        first, second = seed_session(db, org), seed_session(db, org)
        seed_unpublished(db, org)
        seed_session(db, make_organisation(db, "Arall"))
        token = bearer(make_key(db, org.id, scopes=["initiatives:read"]))
        page = (await client.get(INITIATIVES, params={"limit": 1}, headers=token)).json()
        assert [i["id"] for i in page["items"]] == [str(first.initiative.id)]
        rest = await client.get(
            INITIATIVES, params={"limit": 1, "cursor": page["next_cursor"]}, headers=token
        )
        assert [i["id"] for i in rest.json()["items"]] == [str(second.initiative.id)]
        assert rest.json()["next_cursor"] is None
        only = await client.get(
            INITIATIVES, params={"session_id": str(second.workshop.id)}, headers=token
        )
        assert [i["id"] for i in only.json()["items"]] == [str(second.initiative.id)]
        later = (utcnow() + timedelta(minutes=5)).isoformat()
        assert (await client.get(INITIATIVES, params={"from": later}, headers=token)).json()[
            "items"
        ] == []
        earlier = await client.get(INITIATIVES, params={"to": later}, headers=token)
        assert len(earlier.json()["items"]) == 2
        bad = await client.get(INITIATIVES, params={"cursor": "nonsense!"}, headers=token)
        assert bad.status_code == 400

    async def test_title_withheld_with_its_idea(
        self, db: Session, client: httpx.AsyncClient
    ) -> None:
        org = make_organisation(db)
        seeded = seed_session(db, org)
        withheld = initiative_from_withheld_idea(db, seeded)
        token = bearer(make_key(db, org.id, scopes=["initiatives:read", "sessions:read"]))
        shown, hidden = (await client.get(INITIATIVES, headers=token)).json()["items"]
        assert (shown["title"], shown["words_withheld"]) == ("Lit paths", False)
        assert shown["summary"] == "Lighting on the school paths"
        assert hidden["id"] == str(withheld.id)
        assert (hidden["title"], hidden["summary"], hidden["words_withheld"]) == (None, None, True)
        results = await client.get(results_url(seeded.workshop.id), headers=token)
        assert [i["title"] for i in results.json()["initiatives"]] == ["Lit paths", None]


class TestActions:
    async def test_owners_by_role_unless_named(
        self, db: Session, client: httpx.AsyncClient
    ) -> None:
        org = make_organisation(db)
        seeded = seed_session(db, org)
        token = bearer(make_key(db, org.id, scopes=["initiatives:read"]))
        answer = await client.get(actions_url(seeded.initiative.id), headers=token)
        assert answer.status_code == 200
        survey, lamps = answer.json()
        assert (survey["title"], survey["owner"], survey["owner_named"]) == (
            "Survey the paths",
            "Highways officer",
            False,
        )
        assert survey["due_on"] == "2027-01-31"
        assert (lamps["owner"], lamps["status"]) == ("Nia (Treasurer)", "doing")
        assert "NEEDLE" not in answer.text

    async def test_foreign_or_unpublished_initiative_404(
        self, db: Session, client: httpx.AsyncClient
    ) -> None:
        org = make_organisation(db)
        foreign = seed_session(db, make_organisation(db, "Arall"))
        hidden = seed_session(db, org, publish_it=False)
        token = bearer(make_key(db, org.id, scopes=["initiatives:read"]))
        for initiative_id in [foreign.initiative.id, hidden.initiative.id, uuid.uuid4()]:
            answer = await client.get(actions_url(initiative_id), headers=token)
            assert answer.status_code == 404
            assert answer.json()["code"] == "partner_initiative_not_found"
