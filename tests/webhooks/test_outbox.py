"""The outbox: events are written with the change that caused them (or not at all), one delivery
per subscription that wants the kind; a phase change enqueues `session.phase_changed`."""

import httpx
import pytest
from fastapi import FastAPI
from sqlmodel import Session, select

from backend.kit.clock import utcnow
from backend.models import WebhookDelivery, WebhookEvent
from backend.webhooks.outbox import enqueue
from tests.factories.accounts import make_organisation
from tests.factories.participants import make_participant
from tests.webhooks.helpers import deliveries, make_subscription
from tests.workshops.helpers import make_room


def test_one_delivery_per_matching_active_subscription(db: Session) -> None:
    org, other = make_organisation(db), make_organisation(db)
    wants = make_subscription(db, org.id, "https://a.example.org/", ["session.phase_changed"])
    make_subscription(db, org.id, "https://b.example.org/", ["outcome.measured"])
    disabled = make_subscription(db, org.id, "https://c.example.org/", ["session.phase_changed"])
    disabled.disabled_at = utcnow()
    db.add(disabled)
    make_subscription(db, other.id, "https://d.example.org/", ["session.phase_changed"])
    db.commit()
    event = enqueue(db, organisation_id=org.id, kind="session.phase_changed", payload={"n": 1})
    enqueue(db, organisation_id=org.id, kind="session.phase_changed", payload={"n": 2})
    db.commit()
    assert event is not None
    rows = deliveries(db)
    assert [(d.subscription_id, d.seq) for d in rows] == [(wants.id, 1), (wants.id, 2)]
    assert enqueue(db, organisation_id=org.id, kind="initiative.updated", payload={}) is None


def test_rolled_back_change_sends_nothing(app: FastAPI, db: Session) -> None:
    org = make_organisation(db)
    make_subscription(db, org.id, "https://a.example.org/")
    enqueue(db, organisation_id=org.id, kind="session.phase_changed", payload={"n": 1})
    db.rollback()
    with Session(app.state.engine) as check:
        assert check.exec(select(WebhookEvent)).all() == []
        assert check.exec(select(WebhookDelivery)).all() == []


def test_unknown_kind_is_a_programming_error(db: Session) -> None:
    with pytest.raises(ValueError, match="unknown webhook event kind"):
        enqueue(db, organisation_id=make_organisation(db).id, kind="participant.joined", payload={})


async def test_an_unpublished_sessions_phase_change_sends_nothing(
    db: Session, client: httpx.AsyncClient
) -> None:
    room = make_room(db, client)
    make_subscription(db, room.ctx.organisation.id, "https://a.example.org/")
    answer = await client.post(f"{room.url}/phase", json={"to": "tables"})
    assert answer.status_code == 200
    db.expire_all()
    assert db.exec(select(WebhookEvent)).all() == []


async def test_phase_change_enqueues_without_personal_data(
    db: Session, client: httpx.AsyncClient
) -> None:
    room = make_room(db, client)
    make_participant(db, room.workshop, display_name="Gwen Private", access_needs="BSL")
    make_subscription(db, room.ctx.organisation.id, "https://a.example.org/")
    assert (await client.put(f"{room.url}/publication")).status_code == 200
    answer = await client.post(f"{room.url}/phase", json={"to": "tables"})
    assert answer.status_code == 200
    db.expire_all()
    (event,) = db.exec(select(WebhookEvent)).all()
    assert event.kind == "session.phase_changed"
    assert set(event.payload) == {"session_id", "from_phase", "to_phase", "changed_at"}
    assert (event.payload["from_phase"], event.payload["to_phase"]) == ("engage", "tables")
    assert event.payload["session_id"] == str(room.workshop.id)
    assert "Gwen" not in str(event.payload)
    assert len(deliveries(db)) == 1
