"""Identical keyed requests racing against a real uvicorn server: one idea, the same answer for
all, never a 500. Runs on SQLite, and on PostgreSQL when DATABASE_URL points there."""

import threading
import uuid
from collections.abc import Iterator
from contextlib import contextmanager

import httpx
import pytest
import uvicorn
from fastapi import FastAPI
from sqlmodel import Session, select
from starlette.requests import Request

from backend.kit.idempotency import IdempotentCall, idempotent, participant_caller
from backend.models import IdempotencyRecord
from tests.browser.server import free_port
from tests.db_template import USING_POSTGRES
from tests.factories.ideas import BOARD, event_kinds, idea_count, make_seated, record_count
from tests.factories.participants import participant_token
from tests.factories.tables import read_rows

RACERS = 6


@contextmanager
def serving(app: FastAPI) -> Iterator[str]:
    port = free_port()
    server = uvicorn.Server(
        uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning", lifespan="off")
    )
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    try:
        for _ in range(200):
            if server.started:
                break
            threading.Event().wait(0.05)
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(timeout=10)


def fire_together(url: str, token: str, body: dict[str, str], key: str) -> list[httpx.Response]:
    barrier = threading.Barrier(RACERS)
    responses: list[httpx.Response] = []
    lock = threading.Lock()

    def send() -> None:
        with httpx.Client(timeout=60) as http:
            barrier.wait()
            response = http.post(
                url,
                json=body,
                headers={"Authorization": f"Bearer {token}", "Idempotency-Key": key},
            )
        with lock:
            responses.append(response)

    threads = [threading.Thread(target=send) for _ in range(RACERS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=90)
    return responses


def test_identical_requests_racing(app: FastAPI, db: Session) -> None:
    s = make_seated(db)
    token, _ = participant_token(db, s.me)

    with serving(app) as base:
        rounds = [
            fire_together(f"{base}{BOARD}", token, {"text": f"Idea {n}"}, f"race-{n}")
            for n in range(3)
        ]

    for responses in rounds:
        assert len(responses) == RACERS
        assert {r.status_code for r in responses} == {201}, [r.text for r in responses]
        assert len({r.json()["id"] for r in responses}) == 1
        replayed = [r for r in responses if r.headers.get("Idempotent-Replayed") == "true"]
        assert len(replayed) == RACERS - 1
    assert idea_count(app) == 3
    assert record_count(app) == 3
    assert event_kinds(app) == ["idea.created"] * 3


@pytest.mark.skipif(not USING_POSTGRES, reason="the unique-index wait is PostgreSQL's")
def test_second_insert_waits_then_replays(app: FastAPI, db: Session) -> None:
    """Deterministic form of the PostgreSQL race: the second request looks before the first has
    committed, blocks on the unique index, and replays once the first commits."""
    s = make_seated(db)
    caller = participant_caller(s.me.id)
    body = {"text": "x"}
    request = _fake_request("POST", BOARD)
    engine = app.state.engine

    first = Session(engine, expire_on_commit=False)
    with idempotent(first, request, key="k", caller=caller, body=body) as call:
        assert call.replay is None
        call.respond(201, {"id": "the-first"})
    outcome: dict[str, IdempotentCall] = {}

    def second() -> None:
        with (
            Session(engine) as other,
            idempotent(other, request, key="k", caller=caller, body=body) as call,
        ):
            outcome["call"] = call
            other.rollback()

    thread = threading.Thread(target=second)
    thread.start()
    thread.join(timeout=1)
    assert thread.is_alive()  # waiting on the first transaction's unique index entry
    first.commit()
    first.close()
    thread.join(timeout=30)

    replay = outcome["call"].replay
    assert replay is not None
    assert replay.status_code == 201
    assert bytes(replay.body) == b'{"id":"the-first"}'
    assert len(read_rows(app, select(IdempotencyRecord))) == 1


def _fake_request(method: str, path: str) -> Request:
    return Request(
        {
            "type": "http",
            "method": method,
            "path": path,
            "headers": [],
            "query_string": b"",
            "server": ("test", 80),
            "scheme": "http",
            "root_path": "",
            "id": str(uuid.uuid4()),
        }
    )
