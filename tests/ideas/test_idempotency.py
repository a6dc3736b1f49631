"""`Idempotency-Key`: a retry gets the first response, never a second idea; a reused key with
another request is refused; failures are not remembered; old records are pruned."""

from datetime import timedelta

import httpx
import pytest
from fastapi import FastAPI
from sqlmodel import Session, select

from backend.kit.clock import utcnow
from backend.kit.idempotency import prune_expired
from backend.models import IdeaRevision, IdempotencyRecord, Phase, Workshop
from tests.factories.ideas import (
    BOARD,
    count,
    event_kinds,
    idea_count,
    idea_row,
    make_idea,
    make_seated,
    record_count,
)
from tests.factories.participants import sign_in_participant
from tests.factories.tables import assert_problem, read_rows


def key(value: str) -> dict[str, str]:
    return {"Idempotency-Key": value}


class TestCreateRetry:
    async def test_retry_after_lost_response_replays(
        self, app: FastAPI, db: Session, client: httpx.AsyncClient
    ) -> None:
        make_seated(db, client)

        # The phone sent the idea; the answer never arrived. It sends it again.
        lost = await client.post(BOARD, json={"text": "Night buses"}, headers=key("idea-1"))
        retry = await client.post(BOARD, json={"text": "Night buses"}, headers=key("idea-1"))

        assert lost.status_code == retry.status_code == 201
        assert retry.json() == lost.json()
        assert retry.headers["ETag"] == lost.headers["ETag"]
        assert retry.headers["Idempotent-Replayed"] == "true"
        assert "Idempotent-Replayed" not in lost.headers
        assert idea_count(app) == 1
        assert record_count(app) == 1
        assert event_kinds(app) == ["idea.created"]

    async def test_same_key_different_body_422(
        self, app: FastAPI, db: Session, client: httpx.AsyncClient
    ) -> None:
        make_seated(db, client)
        await client.post(BOARD, json={"text": "One"}, headers=key("k"))

        response = await client.post(BOARD, json={"text": "Two"}, headers=key("k"))

        assert_problem(response, 422, "idempotency_key_reused")
        assert idea_count(app) == 1

    async def test_same_key_different_path_422(
        self, app: FastAPI, db: Session, client: httpx.AsyncClient
    ) -> None:
        s = make_seated(db, client)
        idea = make_idea(db, s.table)
        await client.post(BOARD, json={"text": "One"}, headers=key("k"))

        response = await client.post(
            f"{BOARD}/{idea.id}/repurpose", json={"text": "One"}, headers=key("k")
        )

        assert_problem(response, 422, "idempotency_key_reused")
        assert idea_count(app) == 2

    async def test_equivalent_json_is_the_same_request(
        self, app: FastAPI, db: Session, client: httpx.AsyncClient
    ) -> None:
        make_seated(db, client)
        first = await client.post(BOARD, json={"text": "Same"}, headers=key("k"))
        second = await client.post(
            BOARD,
            content=b'{ "author_id": null,  "text": "Same" }',
            headers={**key("k"), "content-type": "application/json"},
        )
        assert second.json()["id"] == first.json()["id"]

    async def test_keys_are_per_caller(
        self, app: FastAPI, db: Session, client: httpx.AsyncClient, new_client
    ) -> None:
        s = make_seated(db, client)
        other_phone = new_client()
        sign_in_participant(db, other_phone, s.mate)

        mine = await client.post(BOARD, json={"text": "Same"}, headers=key("shared"))
        theirs = await other_phone.post(BOARD, json={"text": "Same"}, headers=key("shared"))

        assert mine.json()["id"] != theirs.json()["id"]
        assert "Idempotent-Replayed" not in theirs.headers
        assert idea_count(app) == 2

    @pytest.mark.parametrize("bad", [b"", b"x" * 201, b"has space", "café".encode(), b"tab\there"])
    async def test_malformed_key(
        self, app: FastAPI, db: Session, client: httpx.AsyncClient, bad: bytes
    ) -> None:
        make_seated(db, client)
        response = await client.post(BOARD, json={"text": "x"}, headers={b"Idempotency-Key": bad})
        assert_problem(response, 422, "validation_failed")
        assert idea_count(app) == 0

    async def test_failure_is_not_remembered(
        self, app: FastAPI, db: Session, client: httpx.AsyncClient
    ) -> None:
        s = make_seated(db, client, phase=Phase.perspectives)

        closed = await client.post(BOARD, json={"text": "Early"}, headers=key("k"))
        assert_problem(closed, 422, "phase_closed")
        assert record_count(app) == 0

        workshop = db.get(Workshop, s.room.workshop.id)
        assert workshop is not None
        workshop.phase = Phase.ideate
        db.commit()
        opened = await client.post(BOARD, json={"text": "Early"}, headers=key("k"))
        assert opened.status_code == 201
        assert idea_count(app) == 1


class TestEditRetry:
    async def test_retry_replays_instead_of_412(
        self, app: FastAPI, db: Session, client: httpx.AsyncClient
    ) -> None:
        s = make_seated(db, client)
        idea = make_idea(db, s.table, text="Old")
        url = f"{BOARD}/{idea.id}"
        headers = {**key("edit-1"), "If-Match": '"1"'}

        first = await client.patch(url, json={"text": "New"}, headers=headers)
        retry = await client.patch(url, json={"text": "New"}, headers=headers)

        assert first.status_code == retry.status_code == 200
        assert retry.json() == first.json()
        assert retry.headers["Idempotent-Replayed"] == "true"
        assert idea_row(app, idea.id).version == 2
        assert count(app, IdeaRevision) == 1


class TestBulkRetry:
    async def test_bulk_retry_replays(
        self, app: FastAPI, db: Session, client: httpx.AsyncClient
    ) -> None:
        s = make_seated(db, phase=Phase.reduce, facilitator_client=client)
        url = f"{s.room.base}/tables/{s.table.id}/ideas/bulk"
        body = {"lines": [{"text": "a"}, {"text": "b"}]}

        first = await client.post(url, json=body, headers=key("paper-batch-1"))
        retry = await client.post(url, json=body, headers=key("paper-batch-1"))

        assert first.status_code == retry.status_code == 201
        assert retry.json() == first.json()
        assert idea_count(app) == 2
        [record] = read_rows(app, select(IdempotencyRecord))
        assert record.caller == f"user:{s.room.facilitator.user.id}"


class TestRetention:
    async def test_prune_and_expired_key_runs_again(
        self, app: FastAPI, db: Session, client: httpx.AsyncClient
    ) -> None:
        make_seated(db, client)
        first = await client.post(BOARD, json={"text": "x"}, headers=key("old"))
        [record] = db.exec(select(IdempotencyRecord)).all()
        record.created_at = utcnow() - timedelta(hours=23)
        db.commit()

        kept = await client.post(BOARD, json={"text": "x"}, headers=key("old"))
        assert kept.json()["id"] == first.json()["id"]  # still inside 24 h

        record.created_at = utcnow() - timedelta(hours=25)
        db.add(record)
        db.commit()
        again = await client.post(BOARD, json={"text": "x"}, headers=key("old"))
        assert again.json()["id"] != first.json()["id"]
        assert record_count(app) == 1

        fresh = db.exec(select(IdempotencyRecord)).one()
        fresh.created_at = utcnow() - timedelta(hours=25)
        db.commit()
        assert prune_expired(db) == 1
        db.commit()
        assert record_count(app) == 0
