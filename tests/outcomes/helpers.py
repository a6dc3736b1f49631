"""Initiatives, indicators and measurements written straight to the database for the tests."""

from dataclasses import dataclass
from datetime import date
from typing import Any

import httpx
from fastapi import FastAPI
from sqlmodel import Session, col, select

from backend.kit.clock import utcnow
from backend.models import (
    Direction,
    IndicatorUnit,
    Initiative,
    OutcomeIndicator,
    OutcomeMeasurement,
    Steward,
    StewardKind,
    StewardMember,
    User,
)
from tests.factories.accounts import make_facilitator, sign_in_client
from tests.factories.tables import Room, make_room, read_rows


@dataclass
class Scene:
    room: Room
    initiative: Initiative

    @property
    def indicators_url(self) -> str:
        return f"/api/v1/initiatives/{self.initiative.id}/indicators"


def make_initiative(db: Session, room: Room, title: str = "Sunday buses") -> Initiative:
    initiative = Initiative(
        organisation_id=room.workshop.organisation_id,
        workshop_id=room.workshop.id,
        title=title,
        created_by_id=room.facilitator.user.id,
    )
    db.add(initiative)
    db.commit()
    return initiative


def make_scene(db: Session, client: httpx.AsyncClient | None = None) -> Scene:
    room = make_room(db, client)
    return Scene(room=room, initiative=make_initiative(db, room))


def make_indicator(db: Session, initiative: Initiative, **fields: Any) -> OutcomeIndicator:
    defaults: dict[str, Any] = {
        "name": "People who feel safe waiting for a bus",
        "unit": IndicatorUnit.percent,
        "direction": Direction.increase,
        "baseline_value": 40.0,
        "baseline_on": date(2024, 1, 1),
        "target_value": 80.0,
        "target_on": date(2027, 1, 1),
    }
    indicator = OutcomeIndicator(initiative_id=initiative.id, **(defaults | fields))
    db.add(indicator)
    db.commit()
    return indicator


def make_measurement(
    db: Session, indicator: OutcomeIndicator, value: float, measured_on: date, **fields: Any
) -> OutcomeMeasurement:
    row = OutcomeMeasurement(
        indicator_id=indicator.id,
        value=value,
        unit=indicator.unit,
        measured_on=measured_on,
        source=fields.pop("source", "Survey"),
        **fields,
    )
    db.add(row)
    db.commit()
    return row


def make_steward_user(
    db: Session, initiative: Initiative, *, accepted: bool = True, removed: bool = False
) -> User:
    """A user outside the organisation who is (or was) one of the initiative's steward members."""
    outsider = make_facilitator(db, name="Siân Steward").user
    steward = Steward(initiative_id=initiative.id, kind=StewardKind.person)
    db.add(steward)
    db.flush()
    db.add(
        StewardMember(
            steward_id=steward.id,
            initiative_id=initiative.id,
            display_name="Siân",
            role_label="Bus user",
            user_id=outsider.id if accepted else None,
            accepted_at=utcnow() if accepted else None,
            removed_at=utcnow() if removed else None,
        )
    )
    db.commit()
    return outsider


def sign_in_steward(db: Session, client: httpx.AsyncClient, user: User) -> None:
    sign_in_client(db, client, user)


def indicators(app: FastAPI) -> list[OutcomeIndicator]:
    return read_rows(app, select(OutcomeIndicator).order_by(col(OutcomeIndicator.created_at)))


def measurements(app: FastAPI) -> list[OutcomeMeasurement]:
    return read_rows(app, select(OutcomeMeasurement).order_by(col(OutcomeMeasurement.created_at)))


def measurement_body(**overrides: Any) -> dict[str, Any]:
    body: dict[str, Any] = {
        "value": 55,
        "unit": "percent",
        "measured_on": "2025-06-01",
        "source": "Annual passenger survey",
        "note": "Spring wave",
    }
    return body | overrides
