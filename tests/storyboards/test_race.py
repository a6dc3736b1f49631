"""Edits racing against a real uvicorn server: one wins, the rest are told (412), no 500."""

import threading
from collections.abc import Sequence

import httpx
from fastapi import FastAPI
from sqlmodel import Session, select

from backend.models import StoryboardFrame
from tests.factories.tables import read_rows
from tests.ideas.test_race import serving
from tests.storyboards.helpers import ME, make_stage

RACERS = 5


def race(
    method: str, url: str, headers: Sequence[dict[str, str]], bodies: Sequence[object]
) -> list[int]:
    barrier = threading.Barrier(len(bodies))
    statuses: list[int] = []
    lock = threading.Lock()

    def send(head: dict[str, str], body: object) -> None:
        with httpx.Client(timeout=60) as http:
            barrier.wait()
            response = http.request(method, url, json=body, headers=head)
        with lock:
            statuses.append(response.status_code)

    threads = [
        threading.Thread(target=send, args=pair) for pair in zip(headers, bodies, strict=True)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    return sorted(statuses)


class TestEditRace:
    def test_one_edit_wins_the_others_are_refused(self, app: FastAPI, db: Session) -> None:
        stage = make_stage(db)
        with serving(app) as base:
            made = httpx.post(f"{base}{ME}/frames", json={"title": "Start"}, headers=stage.auth())
            frame_id = made.json()["id"]
            heads = [stage.auth(i % 2) | {"If-Match": '"1"'} for i in range(RACERS)]
            bodies = [{"title": f"Edit {i}"} for i in range(RACERS)]
            statuses = race("PATCH", f"{base}{ME}/frames/{frame_id}", heads, bodies)
        assert statuses == [200] + [412] * (RACERS - 1)
        row = read_rows(app, select(StoryboardFrame))[0]
        assert row.version == 2

    def test_one_reorder_wins(self, app: FastAPI, db: Session) -> None:
        stage = make_stage(db)
        with serving(app) as base:
            ids = [
                httpx.post(f"{base}{ME}/frames", json={"title": t}, headers=stage.auth()).json()[
                    "id"
                ]
                for t in ("A", "B", "C")
            ]
            orders = [{"frame_ids": ids[i:] + ids[:i]} for i in (1, 2, 1, 2, 1)]
            heads = [stage.auth() | {"If-Match": '"3"'}] * RACERS
            statuses = race("PUT", f"{base}{ME}/order", heads, orders)
        assert statuses == [200] + [412] * (RACERS - 1)
