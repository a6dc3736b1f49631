"""Small helpers for the workshops tests: a signed-in facilitator, request bodies, reading rows."""

import uuid
from dataclasses import dataclass
from datetime import timedelta
from typing import Any, TypeVar

import httpx
from fastapi import FastAPI
from sqlmodel import Session, select
from sqlmodel.sql.expression import SelectOfScalar

from backend.kit.clock import utcnow
from backend.models import PhaseChange, Workshop
from tests.factories.accounts import FacilitatorCtx, make_facilitator, sign_in_client
from tests.factories.workshops import make_workshop

T = TypeVar("T")
API = "/api/v1"


@dataclass
class Room:
    """A signed-in facilitator with a workshop in their organisation."""

    ctx: FacilitatorCtx
    workshop: Workshop

    @property
    def url(self) -> str:
        return f"{API}/sessions/{self.workshop.id}"


def make_room(db: Session, client: httpx.AsyncClient, **fields: Any) -> Room:
    ctx = make_facilitator(db)
    sign_in_client(db, client, ctx.user)
    return Room(ctx=ctx, workshop=make_workshop(db, ctx.organisation, **fields))


def create_body(org_id: uuid.UUID, /, **overrides: Any) -> dict[str, Any]:
    starts = utcnow() + timedelta(days=3)
    body: dict[str, Any] = {
        "organisation_id": str(org_id),
        "title": {"en": "Better bus journeys", "cy": "Teithiau bws gwell"},
        "challenge": {"en": "How might we make buses work for everyone?"},
        "consent_text": {"en": "Your ideas may be published without your name."},
        "mode": "venue",
        "venue": "Neuadd y Pentref",
        "starts_at": starts.isoformat(),
        "ends_at": (starts + timedelta(hours=3)).isoformat(),
        "languages": ["en", "cy"],
        "targets": {"ideas_per_person_min": 10, "ideas_per_person_max": 15, "ideas_per_table": 100},
        "table_size": {"min": 5, "max": 8},
    }
    body.update(overrides)
    return body


def read_rows(app: FastAPI, stmt: SelectOfScalar[T]) -> list[T]:
    """Rows as the database has them now (a fresh session, closed before returning)."""
    with Session(app.state.engine, expire_on_commit=False) as db:
        rows = list(db.exec(stmt).all())
        db.commit()
        return rows


def workshop_row(app: FastAPI, workshop_id: uuid.UUID) -> Workshop:
    (row,) = read_rows(app, select(Workshop).where(Workshop.id == workshop_id))
    return row


def workshops(app: FastAPI) -> list[Workshop]:
    return read_rows(app, select(Workshop))


def phase_changes(app: FastAPI, workshop_id: uuid.UUID) -> list[PhaseChange]:
    return read_rows(
        app,
        select(PhaseChange)
        .where(PhaseChange.workshop_id == workshop_id)
        .order_by(PhaseChange.created_at),  # type: ignore[arg-type]
    )


def update_workshop(app: FastAPI, workshop_id: uuid.UUID, **fields: Any) -> None:
    """Change a workshop row behind the API's back (e.g. to make time pass)."""
    with Session(app.state.engine) as db:
        row = db.get(Workshop, workshop_id)
        assert row is not None
        for name, value in fields.items():
            setattr(row, name, value)
        db.add(row)
        db.commit()


def assert_problem(response: httpx.Response, status: int, code: str) -> dict[str, Any]:
    assert response.status_code == status, response.text
    assert response.headers["content-type"] == "application/problem+json"
    body: dict[str, Any] = response.json()
    assert body["code"] == code, body
    return body
