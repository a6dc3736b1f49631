"""Votes racing against a real uvicorn server: the budget and cap hold, a key counts once, no 500."""

import threading

import httpx
from fastapi import FastAPI
from sqlmodel import Session

from tests.factories.reduction import ME, make_board, votes_of
from tests.ideas.test_race import serving

RACERS = 6


def race(
    url: str, headers: dict[str, str], bodies: list[dict[str, object]], keys: list[str]
) -> list[int]:
    barrier = threading.Barrier(len(bodies))
    statuses: list[int] = []
    lock = threading.Lock()

    def send(body: dict[str, object], key: str) -> None:
        with httpx.Client(timeout=60) as http:
            barrier.wait()
            response = http.post(url, json=body, headers=headers | {"Idempotency-Key": key})
        with lock:
            statuses.append(response.status_code)

    threads = [threading.Thread(target=send, args=pair) for pair in zip(bodies, keys, strict=True)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    return sorted(statuses)


class TestVoteRace:
    def test_cap_holds_under_racing_votes(self, app: FastAPI, db: Session) -> None:
        board = make_board(db)
        body = {"idea_id": str(board.ideas[0].id), "dots": 1}
        with serving(app) as base:
            statuses = race(
                f"{base}{ME}/votes",
                board.auth(),
                [body] * RACERS,
                [f"k-{i}" for i in range(RACERS)],
            )
        assert statuses == [200, 200, 200, 422, 422, 422]
        assert votes_of(app, board) == {(board.members[0].id, board.ideas[0].id): 3}

    def test_same_key_counts_once(self, app: FastAPI, db: Session) -> None:
        board = make_board(db)
        body = {"idea_id": str(board.ideas[1].id), "dots": 2}
        with serving(app) as base:
            statuses = race(f"{base}{ME}/votes", board.auth(), [body] * RACERS, ["same"] * RACERS)
        assert statuses == [200] * RACERS
        assert votes_of(app, board) == {(board.members[0].id, board.ideas[1].id): 2}
