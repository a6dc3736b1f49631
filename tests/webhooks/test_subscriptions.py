"""Managing webhooks: owners only, public http(s) targets, catalogued events, a secret shown once."""

import uuid

import httpx
import pytest
from fastapi import FastAPI
from sqlmodel import Session, select

from backend.models import Role, WebhookDelivery, WebhookSubscription
from tests.partners.helpers import signed_in

BODY = {
    "url": "https://partner.example.org/hooks/cyd",
    "event_kinds": ["session.phase_changed", "outcome.measured"],
    "description": "Funder dashboard",
}


def subscription_count(app: FastAPI) -> int:
    with Session(app.state.engine) as db:
        return len(db.exec(select(WebhookSubscription)).all())


class TestCreateWebhook:
    async def test_secret_shown_once(
        self, app: FastAPI, db: Session, client: httpx.AsyncClient
    ) -> None:
        owner = signed_in(db, client)
        answer = await client.post(owner.hooks_url, json=BODY)
        assert answer.status_code == 201, answer.text
        created = answer.json()
        assert created["secret"].startswith("cyd_whsec_")
        assert created["event_kinds"] == ["outcome.measured", "session.phase_changed"]
        assert created["enabled"] is True
        for reading in [
            await client.get(owner.hooks_url),
            await client.get(f"{owner.hooks_url}/{created['id']}"),
        ]:
            assert reading.status_code == 200
            assert created["secret"] not in reading.text

    @pytest.mark.parametrize(
        ("url", "code"),
        [
            ("ftp://partner.example.org/x", "validation_failed"),
            ("javascript:alert(1)", "validation_failed"),
            ("https://user:pass@partner.example.org/x", "validation_failed"),
            ("https://partner.example.org/" + "a" * 2000, "validation_failed"),
            ("https:///nohost", "validation_failed"),
            ("http://localhost:8000/x", "webhook_target_refused"),
            ("http://127.0.0.1/x", "webhook_target_refused"),
            ("http://10.1.2.3/x", "webhook_target_refused"),
            ("http://192.168.0.10/x", "webhook_target_refused"),
            ("http://169.254.169.254/latest/meta-data", "webhook_target_refused"),
            ("http://0.0.0.0/x", "webhook_target_refused"),
            ("http://224.0.0.1/x", "webhook_target_refused"),
            ("http://[::1]/x", "webhook_target_refused"),
            ("http://[::ffff:127.0.0.1]/x", "webhook_target_refused"),
            ("http://[fd00::1]/x", "webhook_target_refused"),
            ("http://[fe80::1]/x", "webhook_target_refused"),
        ],
    )
    async def test_refused_urls(
        self, app: FastAPI, db: Session, client: httpx.AsyncClient, url: str, code: str
    ) -> None:
        owner = signed_in(db, client)
        answer = await client.post(owner.hooks_url, json={**BODY, "url": url})
        assert answer.status_code == 422, answer.text
        assert answer.headers["content-type"] == "application/problem+json"
        assert answer.json()["code"] == code
        assert subscription_count(app) == 0

    @pytest.mark.parametrize(
        "kinds", [["session.phase_changed", "participant.joined"], [], ["ping"]]
    )
    async def test_unknown_event_kinds(
        self, app: FastAPI, db: Session, client: httpx.AsyncClient, kinds: list[str]
    ) -> None:
        owner = signed_in(db, client)
        answer = await client.post(owner.hooks_url, json={**BODY, "event_kinds": kinds})
        assert answer.status_code == 422
        assert subscription_count(app) == 0

    async def test_non_owner_and_other_organisation(
        self, app: FastAPI, db: Session, client: httpx.AsyncClient, new_client
    ) -> None:
        member = signed_in(db, client, role=Role.facilitator)
        assert (await client.post(member.hooks_url, json=BODY)).status_code == 403
        assert (await client.get(member.hooks_url)).status_code == 403
        stranger = signed_in(db, new_client())
        assert (await client.post(stranger.hooks_url, json=BODY)).status_code == 404
        assert subscription_count(app) == 0


class TestManageWebhook:
    async def test_update_disable_rotate_delete(
        self, app: FastAPI, db: Session, client: httpx.AsyncClient
    ) -> None:
        owner = signed_in(db, client)
        created = (await client.post(owner.hooks_url, json=BODY)).json()
        one = f"{owner.hooks_url}/{created['id']}"
        updated = await client.patch(
            one, json={"event_kinds": ["initiative.updated"], "enabled": False, "description": None}
        )
        assert updated.status_code == 200
        assert updated.json()["event_kinds"] == ["initiative.updated"]
        assert updated.json()["enabled"] is False
        assert updated.json()["description"] is None
        refused = await client.patch(one, json={"url": "http://127.0.0.1/x"})
        assert refused.status_code == 422
        assert (await client.get(one)).json()["url"] == BODY["url"]
        rotated = await client.post(f"{one}/rotate-secret")
        assert rotated.status_code == 200
        assert rotated.json()["secret"] not in (created["secret"], "")
        with Session(app.state.engine) as check:
            row = check.get(WebhookSubscription, uuid.UUID(created["id"]))
            assert row is not None and row.secret == rotated.json()["secret"]
        assert (await client.delete(one)).status_code == 204
        assert (await client.get(one)).status_code == 404

    async def test_ping_queues_one_delivery(
        self, app: FastAPI, db: Session, client: httpx.AsyncClient
    ) -> None:
        owner = signed_in(db, client)
        created = (await client.post(owner.hooks_url, json=BODY)).json()
        one = f"{owner.hooks_url}/{created['id']}"
        pinged = await client.post(f"{one}/ping")
        assert pinged.status_code == 202
        assert (pinged.json()["kind"], pinged.json()["status"]) == ("ping", "pending")
        log = (await client.get(f"{one}/deliveries")).json()
        assert [item["id"] for item in log["items"]] == [pinged.json()["id"]]
        await client.patch(one, json={"enabled": False})
        assert (await client.post(f"{one}/ping")).status_code == 422
        with Session(app.state.engine) as check:
            assert len(check.exec(select(WebhookDelivery)).all()) == 1

    async def test_other_organisations_webhook_not_found(
        self, app: FastAPI, db: Session, client: httpx.AsyncClient, new_client
    ) -> None:
        owner = signed_in(db, client)
        other_client = new_client()
        other = signed_in(db, other_client)
        theirs = (await other_client.post(other.hooks_url, json=BODY)).json()
        mine = f"{owner.hooks_url}/{theirs['id']}"
        for answer in [
            await client.get(mine),
            await client.patch(mine, json={"enabled": False}),
            await client.post(f"{mine}/rotate-secret"),
            await client.post(f"{mine}/ping"),
            await client.get(f"{mine}/deliveries"),
            await client.delete(mine),
        ]:
            assert answer.status_code == 404
            assert answer.json()["code"] == "webhook_not_found"
        assert (await other_client.get(f"{other.hooks_url}/{theirs['id']}")).json()["enabled"]

    async def test_deliveries_log_pages_newest_first(
        self, db: Session, client: httpx.AsyncClient
    ) -> None:
        owner = signed_in(db, client)
        created = (await client.post(owner.hooks_url, json=BODY)).json()
        one = f"{owner.hooks_url}/{created['id']}"
        pings = [(await client.post(f"{one}/ping")).json()["id"] for _ in range(3)]
        first = (await client.get(f"{one}/deliveries", params={"limit": 2})).json()
        rest = (
            await client.get(
                f"{one}/deliveries", params={"limit": 2, "cursor": first["next_cursor"]}
            )
        ).json()
        assert [d["id"] for d in first["items"] + rest["items"]] == pings[::-1]
        bad = await client.get(f"{one}/deliveries", params={"cursor": "zz"})
        assert bad.status_code == 400
