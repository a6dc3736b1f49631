"""Partners hear about initiatives and outcomes of published sessions only, without personal
data: a measurement is `outcome.measured`, a change to an initiative `initiative.updated`."""

import httpx
from sqlmodel import Session, select

from backend.models import WebhookEvent
from backend.publishing.service import publish
from tests.outcomes.helpers import make_indicator, make_scene, measurement_body
from tests.webhooks.helpers import make_subscription

KINDS = ["initiative.updated", "outcome.measured"]


async def test_nothing_is_sent_about_an_unpublished_session(
    db: Session, client: httpx.AsyncClient
) -> None:
    scene = make_scene(db, client)
    make_subscription(db, scene.room.workshop.organisation_id, "https://a.example.org/", KINDS)
    indicator = make_indicator(db, scene.initiative)

    answer = await client.post(
        f"/api/v1/indicators/{indicator.id}/measurements", json=measurement_body()
    )

    assert answer.status_code == 201, answer.text
    assert db.exec(select(WebhookEvent)).all() == []


async def test_a_measurement_of_a_published_session_is_announced_without_names(
    db: Session, client: httpx.AsyncClient
) -> None:
    scene = make_scene(db, client)
    make_subscription(db, scene.room.workshop.organisation_id, "https://a.example.org/", KINDS)
    indicator = make_indicator(db, scene.initiative)
    publish(db, workshop=scene.room.workshop, user_id=None)
    db.commit()

    answer = await client.post(
        f"/api/v1/indicators/{indicator.id}/measurements", json=measurement_body(value=61)
    )

    assert answer.status_code == 201, answer.text
    db.expire_all()
    (event,) = db.exec(select(WebhookEvent)).all()
    assert event.kind == "outcome.measured"
    assert event.payload == {
        "initiative_id": str(scene.initiative.id),
        "indicator_id": str(indicator.id),
        "measurement_id": answer.json()["id"],
        "value": 61.0,
        "unit": "percent",
        "measured_at": "2025-06-01",
    }
    assert scene.room.facilitator.user.name not in str(event.payload)


async def test_an_initiative_change_is_announced_once_per_request(
    db: Session, client: httpx.AsyncClient
) -> None:
    scene = make_scene(db, client)
    make_subscription(db, scene.room.workshop.organisation_id, "https://a.example.org/", KINDS)
    publish(db, workshop=scene.room.workshop, user_id=None)
    db.commit()
    url = f"/api/v1/initiatives/{scene.initiative.id}"
    etag = (await client.get(url)).headers["ETag"]

    answer = await client.patch(url, json={"status": "paused"}, headers={"If-Match": etag})

    assert answer.status_code == 200, answer.text
    db.expire_all()
    (event,) = db.exec(select(WebhookEvent)).all()
    assert event.kind == "initiative.updated"
    assert set(event.payload) == {"initiative_id", "session_id", "status", "updated_at"}
    assert event.payload["status"] == "paused"
