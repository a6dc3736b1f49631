"""GET /sessions/{id}/ideas/timeline: ideas per time bucket, in total and by table."""

from datetime import UTC, datetime, timedelta

import httpx
from sqlmodel import Session

from backend.models import IdeaSource, IdeaStatus
from tests.factories.accounts import make_access_token
from tests.factories.ideas import make_idea, make_seated
from tests.factories.tables import assert_problem, make_room, make_table

START = datetime(2026, 3, 1, 10, 0, tzinfo=UTC)


def at(minutes: float) -> datetime:
    return START + timedelta(minutes=minutes)


class TestIdeasTimeline:
    async def test_per_minute_by_table(self, db: Session, client: httpx.AsyncClient) -> None:
        s = make_seated(db, facilitator_client=client)
        other = make_table(db, s.room.workshop)
        for minute in (0, 0.5, 0.99, 2.1):
            make_idea(db, s.table, author=s.me, created_at=at(minute))
        make_idea(db, other, created_at=at(0.2), source=IdeaSource.paper)
        make_idea(db, other, created_at=at(2.9), source=IdeaSource.on_behalf)
        # Not counted, as progress does not count them: reductions and hidden ideas.
        make_idea(db, s.table, created_at=at(1.5), source=IdeaSource.combined)
        make_idea(db, s.table, created_at=at(1.5), source=IdeaSource.repurposed)
        make_idea(db, s.table, created_at=at(1.5), status=IdeaStatus.hidden)

        response = await client.get(f"{s.room.base}/ideas/timeline")

        assert response.status_code == 200, response.text
        body = response.json()
        assert body["bucket_minutes"] == 1
        assert body["total"] == 6
        assert [
            (b["start"], b["ideas"], {t["table_id"]: t["ideas"] for t in b["tables"]})
            for b in body["buckets"]
        ] == [
            ("2026-03-01T10:00:00Z", 4, {str(s.table.id): 3, str(other.id): 1}),
            ("2026-03-01T10:02:00Z", 2, {str(s.table.id): 1, str(other.id): 1}),
        ]

    async def test_wider_buckets(self, db: Session, client: httpx.AsyncClient) -> None:
        s = make_seated(db, facilitator_client=client)
        for minute in (1, 4, 5, 14):
            make_idea(db, s.table, created_at=at(minute))
        body = (await client.get(f"{s.room.base}/ideas/timeline?bucket_minutes=5")).json()
        assert [(b["start"], b["ideas"]) for b in body["buckets"]] == [
            ("2026-03-01T10:00:00Z", 2),
            ("2026-03-01T10:05:00Z", 1),
            ("2026-03-01T10:10:00Z", 1),
        ]

    async def test_empty_session(self, db: Session, client: httpx.AsyncClient) -> None:
        room = make_room(db, client)
        body = (await client.get(f"{room.base}/ideas/timeline")).json()
        assert body == {"bucket_minutes": 1, "buckets": [], "total": 0}

    async def test_bucket_out_of_range(self, db: Session, client: httpx.AsyncClient) -> None:
        room = make_room(db, client)
        for bad in ("0", "241", "x"):
            response = await client.get(f"{room.base}/ideas/timeline?bucket_minutes={bad}")
            assert_problem(response, 422, "validation_failed")

    async def test_other_organisations_session(
        self, db: Session, client: httpx.AsyncClient
    ) -> None:
        make_room(db, client)
        theirs = make_seated(db)
        make_idea(db, theirs.table, created_at=at(0))
        response = await client.get(f"{theirs.room.base}/ideas/timeline")
        assert_problem(response, 404, "session_not_found")

    async def test_needs_ideas_read(self, db: Session, new_client) -> None:  # type: ignore[no-untyped-def]
        s = make_seated(db)
        user = s.room.facilitator.user
        tables_only = new_client(spa_like=False)
        tables_only.headers["Authorization"] = (
            f"Bearer {make_access_token(db, user, frozenset({'tables:read'}))}"
        )
        assert (await tables_only.get(f"{s.room.base}/ideas/timeline")).status_code == 403
        reader = new_client(spa_like=False)
        reader.headers["Authorization"] = (
            f"Bearer {make_access_token(db, user, frozenset({'ideas:read'}))}"
        )
        assert (await reader.get(f"{s.room.base}/ideas/timeline")).status_code == 200
