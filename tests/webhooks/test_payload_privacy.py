"""Walks every webhook event kind of the catalogue: a published session and an unpublished one,
both full of distinctive personal data, go through the same activity by the real API (people
join and fill in their private details, phases change, initiatives, stewards and action plans
change, outcomes are measured); a real local receiver gets what the worker sends. No delivery
carries participants' personal data (names, emails, access needs, consent) in its body or
headers, nothing at all is sent about the unpublished session, and every kind of the catalogue
is seen, so that a new kind fails here until this walk covers it."""

import json
from collections.abc import Iterator
from typing import Any

import httpx
import pytest
from fastapi import FastAPI
from sqlmodel import Session, col, select

from backend.config import Settings
from backend.models import Participant, StewardMember, Workshop
from backend.webhooks.catalogue import EVENT_KINDS, PING_KIND
from backend.webhooks.signing import verify_signature
from backend.webhooks.worker import DeliveryWorker
from tests.partners.helpers import Owner, signed_in
from tests.partners.seed import NEEDLES, UNPUBLISHED_NEEDLES, Seeded, seed_session
from tests.webhooks.helpers import drain, quick_settings
from tests.webhooks.receiver import Received, receiving

# What the walk itself types in, on top of the seeded NEEDLES.
WALK_NEEDLES = [
    "WHOOK-joiner-name",
    "whook.joiner@example.org",
    "WHOOK-joiner-access-bsl",
    "WHOOK-joiner-strength",
    "WHOOK-action-owner",
    "WHOOK-action-note",
    "WHOOK-member-name",
    "whook.member@example.org",
    "WHOOK-measurement-note",
    "WHOOK-steward-description",
]
# Keys that would mean a payload grew personal fields, whatever their values.
PERSONAL_KEYS = (
    "display_name",
    "email",
    "access",
    "consent",
    "participant",
    "member",
    "author",
    "owner",
    "recorded_by",
    "note",
)


@pytest.fixture
def settings(settings: Settings) -> Settings:
    """The app may deliver to the local receiver, and retries come within milliseconds."""
    return quick_settings(settings)


async def ok(answer: Any, *expected: int) -> dict[str, Any]:
    response: httpx.Response = await answer
    assert response.status_code in (expected or (200, 201)), (response.url, response.text)
    return dict(response.json()) if response.content else {}


async def people_join(client: httpx.AsyncClient, workshop: Workshop) -> set[str]:
    """Two people join by code and fill in their private details; one refuses publishing."""
    ids = set()
    for publish in (True, False):
        await ok(
            client.post(
                "/api/v1/join",
                json={"code": workshop.join_code, "display_name": "WHOOK-joiner-name"},
            ),
            201,
        )
        me = await ok(
            client.patch(
                "/api/v1/me/participant",
                json={
                    "consent": {"publish": publish, "contact": True, "share_perspective": False},
                    "email": "whook.joiner@example.org",
                    "access_needs": "WHOOK-joiner-access-bsl",
                    "strengths": {"social": "WHOOK-joiner-strength"},
                    "network_roles": ["connector"],
                },
            )
        )
        ids.add(me["id"])
        client.cookies.clear()
    return ids


async def walk(client: httpx.AsyncClient, people: httpx.AsyncClient, seeded: Seeded) -> set[str]:
    """Every activity that may announce something, on one session, through the API; the ids of
    what it touched and created."""
    workshop, initiative = seeded.workshop, seeded.initiative
    ids = await people_join(people, workshop)
    base = f"/api/v1/sessions/{workshop.id}"
    await ok(client.post(f"{base}/phase", json={"to": "tables"}))
    await ok(client.post(f"{base}/phase", json={"to": "engage", "reason": "Late arrivals"}))

    url = f"/api/v1/initiatives/{initiative.id}"
    etag = (await client.get(url)).headers["ETag"]
    await ok(client.patch(url, json={"status": "paused"}, headers={"If-Match": etag}))
    action = await ok(
        client.post(
            f"{url}/actions",
            json={
                "title": "Ask the school",
                "owner_role": "Parent",
                "owner_name": "WHOOK-action-owner",
            },
        ),
        201,
    )
    await ok(
        client.post(
            f"{url}/actions/{action['id']}/updates",
            json={"note": "WHOOK-action-note", "status": "doing"},
        ),
        201,
    )
    await ok(
        client.put(
            f"{url}/steward",
            json={
                "kind": "committee",
                "name": "Paths committee",
                "description": "WHOOK-steward-description",
            },
        )
    )
    member = await ok(
        client.post(
            f"{url}/steward/members",
            json={
                "display_name": "WHOOK-member-name",
                "role_label": "Parent governor",
                "email": "whook.member@example.org",
            },
        ),
        201,
    )
    measured = await ok(
        client.post(
            f"/api/v1/indicators/{seeded.indicator.id}/measurements",
            json={
                "value": 12,
                "unit": "people",
                "measured_on": "2025-06-01",
                "source": "School register",
                "note": "WHOOK-measurement-note",
            },
        ),
        201,
    )
    ids |= {str(workshop.id), str(initiative.id), str(seeded.indicator.id)}
    ids |= {action["id"], member["id"], measured["id"]}
    return ids


def personal_ids(db: Session, workshops: list[Workshop]) -> set[str]:
    """Ids of every participant and steward member of these sessions (seeded or joined)."""
    ids = {w.id for w in workshops}
    people = db.exec(select(Participant.id).where(col(Participant.workshop_id).in_(ids))).all()
    members = db.exec(select(StewardMember.id)).all()
    return {str(i) for i in [*people, *members]}


def keys_of(value: Any) -> Iterator[str]:
    if isinstance(value, dict):
        for key, inner in value.items():
            yield str(key)
            yield from keys_of(inner)
    elif isinstance(value, list):
        for inner in value:
            yield from keys_of(inner)


def leaks(request: Received, needles: list[str]) -> list[str]:
    seen = request.body.decode() + "\n" + json.dumps(request.headers)
    return [needle for needle in needles if needle.lower() in seen.lower()]


async def test_no_personal_data_and_nothing_unpublished_is_sent(
    app: FastAPI, settings: Settings, db: Session, client: httpx.AsyncClient, new_client
) -> None:
    owner: Owner = signed_in(db, client)
    with receiving() as receiver:
        created = await ok(
            client.post(
                owner.hooks_url, json={"url": receiver.url, "event_kinds": list(EVENT_KINDS)}
            ),
            201,
        )
        hook = f"{owner.hooks_url}/{created['id']}"
        shown = seed_session(db, owner.organisation, publish_it=False)
        hidden = seed_session(db, owner.organisation, publish_it=False)
        await ok(client.put(f"/api/v1/sessions/{shown.workshop.id}/publication"))
        published = await walk(client, new_client(), shown)
        unpublished = await walk(client, new_client(), hidden)
        await ok(client.post(f"{hook}/ping"), 202)

        worker = DeliveryWorker(app.state.engine, settings)
        try:
            await drain(worker, db)
        finally:
            await worker.aclose()
        requests = list(receiver.requests)

    db.expire_all()
    needles = NEEDLES + UNPUBLISHED_NEEDLES + WALK_NEEDLES + [owner.ctx.user.email]
    needles += sorted(personal_ids(db, [shown.workshop, hidden.workshop]))
    hidden_ids = sorted(unpublished)
    seen_kinds, seen_ids = set(), set()
    for request in requests:
        assert request.answered == 200
        assert verify_signature(
            created["secret"],
            request.headers["cyd-webhook-timestamp"],
            request.body,
            request.headers["cyd-webhook-signature"],
        )
        assert leaks(request, needles) == [], request.body
        assert leaks(request, hidden_ids) == [], request.body
        body = json.loads(request.body)
        personal = [k for k in keys_of(body) if any(p in k.lower() for p in PERSONAL_KEYS)]
        assert personal == [], body
        seen_kinds.add(body["kind"])
        seen_ids |= {i for i in published if i in request.body.decode()}

    assert seen_kinds == set(EVENT_KINDS) | {PING_KIND}, "cover every kind of the catalogue"
    # The walk really announced the published session's activity.
    assert {str(shown.workshop.id), str(shown.initiative.id), str(shown.indicator.id)} <= seen_ids
    assert len({r.headers["cyd-webhook-id"] for r in requests}) == len(requests)
