"""The demo a newcomer meets: created once, seated at tables, and its login really works."""

import httpx
import pytest
from sqlmodel import Session, func, select

from backend.config import Settings
from backend.demo import DEMO_EMAIL, DEMO_PASSWORD, PEOPLE, ensure_demo
from backend.models import Participant, Workshop


async def test_demo_is_populated_and_idempotent(
    settings: Settings, db: Session, client: httpx.AsyncClient, capsys: pytest.CaptureFixture[str]
) -> None:
    ensure_demo(settings)
    ensure_demo(settings)
    printed = capsys.readouterr().out
    assert "Cyd demo created" in printed and "Cyd demo ready" in printed

    assert db.exec(select(func.count()).select_from(Workshop)).one() == 1
    people = db.exec(select(Participant)).all()
    assert len(people) == len(PEOPLE)
    assert all(person.table_id is not None for person in people)

    signed_in = await client.post(
        "/api/v1/auth/signin", json={"email": DEMO_EMAIL, "password": DEMO_PASSWORD}
    )
    assert signed_in.status_code == 200, signed_in.text
    sessions = await client.get("/api/v1/sessions")
    assert [s["title"]["cy"] for s in sessions.json()["items"]] == ["Teithiau bws gwell i bawb"]
