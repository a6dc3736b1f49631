"""Partner reads of outcome indicators, measurements and barrier counts."""

import uuid
from datetime import timedelta

import httpx
from sqlmodel import Session

from backend.kit.clock import utcnow
from tests.factories.accounts import make_organisation
from tests.partners.helpers import API, bearer, make_key
from tests.partners.seed import Seeded, seed_session, seed_unpublished, withdrawn

INDICATORS = f"{API}/partner/indicators"
MEASUREMENTS = f"{API}/partner/measurements"
BARRIERS = f"{API}/partner/barriers"


def outcomes_key(db: Session, organisation_id: uuid.UUID) -> dict[str, str]:
    return bearer(make_key(db, organisation_id, scopes=["outcomes:read"]))


class TestIndicators:
    async def test_lists_published_only(self, db: Session, client: httpx.AsyncClient) -> None:
        org = make_organisation(db)
        seeded = seed_session(db, org)
        seed_unpublished(db, org)
        seed_session(db, make_organisation(db, "Arall"))
        token = outcomes_key(db, org.id)
        (item,) = (await client.get(INDICATORS, headers=token)).json()["items"]
        assert item["id"] == str(seeded.indicator.id)
        assert (item["initiative_id"], item["session_id"]) == (
            str(seeded.initiative.id),
            str(seeded.workshop.id),
        )
        assert item["baseline_value"] is None  # three people: suppressed
        withdrawn(db, seeded.workshop)
        assert (await client.get(INDICATORS, headers=token)).json()["items"] == []

    async def test_filters(self, db: Session, client: httpx.AsyncClient) -> None:
        org = make_organisation(db)
        first, second = seed_session(db, org), seed_session(db, org)
        token = outcomes_key(db, org.id)
        cases: list[tuple[dict[str, str | int], list[uuid.UUID]]] = [
            ({"session_id": str(first.workshop.id)}, [first.indicator.id]),
            ({"initiative_id": str(second.initiative.id)}, [second.indicator.id]),
            (
                {"initiative_id": str(second.initiative.id), "session_id": str(first.workshop.id)},
                [],
            ),
            ({"limit": 1}, [first.indicator.id]),
        ]
        for params, expected in cases:
            answer = await client.get(INDICATORS, params=params, headers=token)
            assert [i["id"] for i in answer.json()["items"]] == [str(i) for i in expected], params


class TestMeasurements:
    async def test_current_only_without_notes_or_recorder(
        self, db: Session, client: httpx.AsyncClient
    ) -> None:
        org = make_organisation(db)
        seeded = seed_session(db, org)
        answer = await client.get(MEASUREMENTS, headers=outcomes_key(db, org.id))
        items = answer.json()["items"]
        assert [(m["value"], m["suppressed"], m["measured_on"]) for m in items] == [
            (40, False, "2027-03-01"),
            (None, True, "2027-04-01"),
        ]
        assert items[0]["id"] == str(seeded.measurements[0].id)
        assert items[0]["source"] == "School register"
        assert items[0]["session_id"] == str(seeded.workshop.id)
        for item in items:
            assert not {"note", "recorded_by_name", "recorded_by_id"} & set(item)
        assert "NEEDLE" not in answer.text

    async def test_filters_and_pages(self, db: Session, client: httpx.AsyncClient) -> None:
        org = make_organisation(db)
        first, second = seed_session(db, org), seed_session(db, org)
        seed_session(db, make_organisation(db, "Arall"))
        token = outcomes_key(db, org.id)

        async def ids(**params: str) -> list[str]:
            answer = await client.get(MEASUREMENTS, params=params, headers=token)
            assert answer.status_code == 200, answer.text
            return [m["id"] for m in answer.json()["items"]]

        def current(seeded: Seeded) -> list[str]:
            return [str(m.id) for m in seeded.measurements[:2]]

        assert await ids() == current(first) + current(second)
        assert await ids(indicator_id=str(second.indicator.id)) == current(second)
        assert await ids(initiative_id=str(first.initiative.id)) == current(first)
        assert await ids(session_id=str(second.workshop.id)) == current(second)
        assert await ids(**{"from": "2027-04-01"}) == [current(first)[1], current(second)[1]]
        assert await ids(**{"to": "2027-03-01"}) == [current(first)[0], current(second)[0]]
        page = await client.get(MEASUREMENTS, params={"limit": 3}, headers=token)
        rest = await client.get(
            MEASUREMENTS, params={"limit": 3, "cursor": page.json()["next_cursor"]}, headers=token
        )
        assert [m["id"] for m in page.json()["items"] + rest.json()["items"]] == await ids()
        assert rest.json()["next_cursor"] is None


class TestBarriers:
    async def test_counts_across_published_sessions(
        self, db: Session, client: httpx.AsyncClient
    ) -> None:
        org = make_organisation(db)
        first, _ = seed_session(db, org), seed_session(db, org)
        seed_unpublished(db, org)
        seed_session(db, make_organisation(db, "Arall"))
        token = bearer(make_key(db, org.id, scopes=["barriers:read"]))
        answer = await client.get(BARRIERS, headers=token)
        body = answer.json()
        counts = {b["tag"]: (b["pitch_count"], b["session_count"]) for b in body["barriers"]}
        assert counts["hard_work"] == counts["hidden_agendas"] == (4, 2)
        assert counts["resistance_from_power"] == (0, 0)
        assert len(counts) == 7
        assert [b["tag"] for b in body["barriers"][:2]] == ["hard_work", "hidden_agendas"]
        assert (body["pitch_count"], body["session_count"], body["other_barrier_count"]) == (
            4,
            2,
            4,
        )
        assert "NEEDLE" not in answer.text
        only = await client.get(
            BARRIERS, params={"session_id": str(first.workshop.id)}, headers=token
        )
        assert only.json()["pitch_count"] == 2
        later = (utcnow() + timedelta(days=30)).isoformat()
        none = await client.get(BARRIERS, params={"from": later}, headers=token)
        assert none.json()["pitch_count"] == 0
