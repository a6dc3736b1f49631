"""The delivery log over the API: each delivery with its latest attempt, one delivery, and every
attempt page by page; owners only, and nothing of another webhook or organisation."""

import uuid

import httpx
from fastapi import FastAPI
from sqlmodel import Session, select

from backend.config import Settings
from backend.models import Role, WebhookDelivery
from backend.models.webhooks import WebhookAttempt
from backend.webhooks.outbox import enqueue
from backend.webhooks.worker import DeliveryWorker
from tests.partners.helpers import Owner, signed_in
from tests.webhooks.helpers import drain, make_subscription, quick_settings
from tests.webhooks.receiver import receiving

KIND = "session.phase_changed"


async def delivered_after_retries(
    app: FastAPI, settings: Settings, db: Session, owner: Owner
) -> str:
    """One delivery refused twice then accepted, one accepted at once; the webhook's URL."""
    with receiving(fail_first=2) as receiver:
        sub = make_subscription(db, owner.organisation.id, receiver.url)
        for n in range(2):
            enqueue(db, organisation_id=owner.organisation.id, kind=KIND, payload={"n": n})
        db.commit()
        worker = DeliveryWorker(app.state.engine, quick_settings(settings))
        try:
            await drain(worker, db)
        finally:
            await worker.aclose()
    return f"{owner.hooks_url}/{sub.id}"


async def test_the_log_shows_every_attempt(
    app: FastAPI, settings: Settings, db: Session, client: httpx.AsyncClient
) -> None:
    owner = signed_in(db, client)
    hook = await delivered_after_retries(app, settings, db, owner)

    listed = await client.get(f"{hook}/deliveries")
    assert listed.status_code == 200
    latest, first = listed.json()["items"]
    assert (first["status"], first["attempts"], first["last_status_code"]) == ("delivered", 3, 200)
    assert (first["last_response_excerpt"], first["last_error_kind"]) == ("thanks", None)
    assert first["delivered_at"] is not None and first["next_attempt_at"] is None
    assert (latest["attempts"], latest["last_status_code"]) == (1, 200)

    one = await client.get(f"{hook}/deliveries/{first['id']}")
    assert one.status_code == 200
    assert one.json() == first

    attempts = await client.get(f"{hook}/deliveries/{first['id']}/attempts")
    assert attempts.status_code == 200
    items = attempts.json()["items"]
    assert [(a["number"], a["status_code"], a["response_excerpt"]) for a in items] == [
        (1, 500, "not yet, try again"),
        (2, 500, "not yet, try again"),
        (3, 200, "thanks"),
    ]
    assert all(a["error_kind"] is None and a["response_truncated"] is False for a in items)
    assert items[0]["started_at"] <= items[1]["started_at"] <= items[2]["started_at"]
    assert attempts.json()["next_cursor"] is None


async def test_attempts_come_page_by_page(
    app: FastAPI, settings: Settings, db: Session, client: httpx.AsyncClient
) -> None:
    owner = signed_in(db, client)
    hook = await delivered_after_retries(app, settings, db, owner)
    first = (await client.get(f"{hook}/deliveries")).json()["items"][1]
    url = f"{hook}/deliveries/{first['id']}/attempts"

    page = (await client.get(url, params={"limit": 2})).json()
    rest = (await client.get(url, params={"limit": 2, "cursor": page["next_cursor"]})).json()

    assert [a["number"] for a in page["items"]] == [1, 2]
    assert [a["number"] for a in rest["items"]] == [3]
    assert rest["next_cursor"] is None
    bad = await client.get(url, params={"cursor": "-1"})
    assert bad.status_code == 400
    assert bad.headers["content-type"] == "application/problem+json"


async def test_a_new_delivery_has_no_attempts_yet(db: Session, client: httpx.AsyncClient) -> None:
    owner = signed_in(db, client)
    created = await client.post(
        owner.hooks_url, json={"url": "https://partner.example.org/h", "event_kinds": [KIND]}
    )
    hook = f"{owner.hooks_url}/{created.json()['id']}"
    pinged = (await client.post(f"{hook}/ping")).json()

    one = (await client.get(f"{hook}/deliveries/{pinged['id']}")).json()
    attempts = (await client.get(f"{hook}/deliveries/{pinged['id']}/attempts")).json()

    assert (one["status"], one["attempts"], one["last_attempt_at"]) == ("pending", 0, None)
    assert attempts == {"items": [], "next_cursor": None}


async def test_other_webhooks_deliveries_are_not_found(
    app: FastAPI, settings: Settings, db: Session, client: httpx.AsyncClient, new_client
) -> None:
    owner = signed_in(db, client)
    hook = await delivered_after_retries(app, settings, db, owner)
    delivery_id = (await client.get(f"{hook}/deliveries")).json()["items"][0]["id"]
    sibling = make_subscription(db, owner.organisation.id, "https://b.example.org/")
    sibling_hook = f"{owner.hooks_url}/{sibling.id}"
    stranger_client = new_client()
    stranger = signed_in(db, stranger_client)
    theirs = make_subscription(db, stranger.organisation.id, "https://c.example.org/")

    for url in [
        f"{sibling_hook}/deliveries/{delivery_id}",
        f"{sibling_hook}/deliveries/{delivery_id}/attempts",
        f"{hook}/deliveries/{uuid.uuid4()}",
        f"{hook}/deliveries/{uuid.uuid4()}/attempts",
    ]:
        answer = await client.get(url)
        assert answer.status_code == 404, url
        assert answer.json()["code"] == "webhook_delivery_not_found"
    for url in [
        f"{stranger.hooks_url}/{theirs.id}/deliveries/{delivery_id}",
        f"{owner.hooks_url}/{theirs.id}/deliveries/{delivery_id}/attempts",
    ]:
        assert (await client.get(url)).status_code == 404, url
    # Their owner cannot read ours through their own organisation either.
    answer = await stranger_client.get(
        f"{stranger.hooks_url}/{hook.rsplit('/', 1)[1]}/deliveries/{delivery_id}/attempts"
    )
    assert answer.status_code == 404


async def test_members_who_are_not_owners_are_refused(
    app: FastAPI, settings: Settings, db: Session, client: httpx.AsyncClient, new_client
) -> None:
    owner = signed_in(db, client)
    hook = await delivered_after_retries(app, settings, db, owner)
    delivery_id = (await client.get(f"{hook}/deliveries")).json()["items"][0]["id"]
    member_client = new_client()
    signed_in(db, member_client, role=Role.facilitator, organisation=owner.organisation)

    for url in [f"{hook}/deliveries/{delivery_id}", f"{hook}/deliveries/{delivery_id}/attempts"]:
        assert (await member_client.get(url)).status_code == 403, url


async def test_deleting_the_webhook_deletes_its_log(
    app: FastAPI, settings: Settings, db: Session, client: httpx.AsyncClient
) -> None:
    owner = signed_in(db, client)
    hook = await delivered_after_retries(app, settings, db, owner)

    assert (await client.delete(hook)).status_code == 204

    with Session(app.state.engine) as check:
        assert check.exec(select(WebhookDelivery)).all() == []
        assert check.exec(select(WebhookAttempt)).all() == []
