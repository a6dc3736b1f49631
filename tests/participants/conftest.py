"""A session run by a signed-in facilitator, and helpers to join it over the API."""

import uuid
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import httpx
import pytest
from sqlmodel import Session, func, select

from backend.models import Participant, ParticipantDevice, Workshop
from tests.factories.accounts import FacilitatorCtx, make_facilitator, sign_in_client
from tests.factories.workshops import make_workshop


@dataclass
class Scene:
    facilitator: FacilitatorCtx
    workshop: Workshop
    fclient: httpx.AsyncClient  # the facilitator's browser

    @property
    def base(self) -> str:
        return f"/api/v1/sessions/{self.workshop.id}/participants"


@pytest.fixture
async def scene(db: Session, new_client: Callable[..., httpx.AsyncClient]) -> Scene:
    ctx = make_facilitator(db)
    workshop = make_workshop(db, ctx.organisation)
    fclient = new_client()
    sign_in_client(db, fclient, ctx.user)
    return Scene(facilitator=ctx, workshop=workshop, fclient=fclient)


async def join(
    client: httpx.AsyncClient, code: str, name: str = "Alex", **extra: Any
) -> dict[str, Any]:
    response = await client.post("/api/v1/join", json={"code": code, "display_name": name, **extra})
    assert response.status_code == 201, response.text
    body: dict[str, Any] = response.json()
    return body


def fragment(rejoin_url: str) -> str:
    return rejoin_url.split("#", 1)[1]


def fetch_all(db: Session, stmt: Any) -> list[Any]:
    """Read fresh rows, then end the transaction: on SQLite an open one holds the write lock."""
    rows = list(db.exec(stmt.execution_options(populate_existing=True)).all())
    db.commit()
    return rows


def count_participants(db: Session) -> int:
    return int(fetch_all(db, select(func.count()).select_from(Participant))[0])


def count_devices(db: Session) -> int:
    return int(fetch_all(db, select(func.count()).select_from(ParticipantDevice))[0])


def reload(db: Session, participant_id: Any) -> Participant:
    found = fetch_all(
        db, select(Participant).where(Participant.id == uuid.UUID(str(participant_id)))
    )
    assert len(found) == 1
    return found[0]  # type: ignore[no-any-return]


def bearer(token: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}"}


def assert_problem(response: httpx.Response, status: int, code: str | None = None) -> None:
    assert response.status_code == status, response.text
    assert response.headers["content-type"].startswith("application/problem+json")
    if code is not None:
        assert response.json()["code"] == code, response.json()
