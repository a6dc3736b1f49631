"""The partner endpoints: a key of one organisation, its scopes, its rate limit, and nothing about
participants; the key opens nothing else."""

from datetime import timedelta

import httpx
from fastapi import FastAPI
from sqlmodel import Session

from backend.config import Settings
from backend.kit.clock import utcnow
from backend.main import create_app
from backend.models import Workshop
from backend.publishing.service import publish
from tests.conftest import make_client
from tests.factories.accounts import make_access_token, make_facilitator, make_organisation
from tests.factories.participants import make_participant
from tests.factories.workshops import make_workshop
from tests.partners.helpers import API, bearer, make_key

ORG_URL = f"{API}/partner/organisation"
SESSIONS_URL = f"{API}/partner/sessions"


class TestPartnerOrganisation:
    async def test_reads_its_organisation(self, db: Session, client: httpx.AsyncClient) -> None:
        org = make_organisation(db, "Bwrdd Iechyd")
        token = make_key(db, org.id, scopes=["outcomes:read", "sessions:read"])
        answer = await client.get(ORG_URL, headers=bearer(token))
        assert answer.status_code == 200
        body = answer.json()
        assert (body["id"], body["name"]) == (str(org.id), "Bwrdd Iechyd")
        assert body["scopes"] == ["outcomes:read", "sessions:read"]

    async def test_refused_credentials(self, db: Session, client: httpx.AsyncClient) -> None:
        org = make_organisation(db)
        user = make_facilitator(db, organisation=org).user
        past = utcnow() - timedelta(seconds=1)
        refused = [
            {},
            bearer("cyd_pk_not-a-real-key"),
            bearer(make_access_token(db, user)),
            bearer(make_key(db, org.id, revoked_at=past)),
            bearer(make_key(db, org.id, expires_at=past)),
        ]
        for headers in refused:
            answer = await client.get(ORG_URL, headers=headers)
            assert answer.status_code == 401, headers
            assert answer.json()["code"] == "partner_key_invalid"

    async def test_key_opens_no_facilitator_endpoint(
        self, db: Session, client: httpx.AsyncClient
    ) -> None:
        org = make_organisation(db)
        workshop = make_workshop(db, org)
        token = make_key(db, org.id, scopes=["sessions:read"])
        for url in [
            f"{API}/sessions",
            f"{API}/sessions/{workshop.id}",
            f"{API}/organisations/{org.id}",
            f"{API}/organisations/{org.id}/api-keys",
            f"{API}/auth/me",
        ]:
            assert (await client.get(url, headers=bearer(token))).status_code == 401, url
        created = await client.post(
            f"{API}/organisations/{org.id}/api-keys",
            json={"name": "x", "scopes": ["sessions:read"]},
            headers=bearer(token),
        )
        assert created.status_code == 401


def published(db: Session, workshop: Workshop) -> Workshop:
    publish(db, workshop=workshop, user_id=None)
    db.commit()
    return workshop


class TestPartnerSessions:
    async def test_scope_required(self, db: Session, client: httpx.AsyncClient) -> None:
        org = make_organisation(db)
        token = make_key(db, org.id, scopes=["outcomes:read"])
        answer = await client.get(SESSIONS_URL, headers=bearer(token))
        assert answer.status_code == 403
        assert answer.json()["code"] == "partner_scope_missing"

    async def test_lists_own_sessions_without_participants(
        self, db: Session, client: httpx.AsyncClient
    ) -> None:
        org, other = make_organisation(db), make_organisation(db, "Another council")
        mine = published(db, make_workshop(db, org, title="Bysiau", title_cy="Bysiau gwell"))
        make_participant(db, mine, display_name="Secret Person")
        published(db, make_workshop(db, other, title="Not yours"))
        make_workshop(db, org, title="Not published", archived_at=utcnow())
        token = make_key(db, org.id)
        answer = await client.get(SESSIONS_URL, headers=bearer(token))
        assert answer.status_code == 200
        items = answer.json()["items"]
        assert [item["id"] for item in items] == [str(mine.id)]
        assert items[0]["title"] == {"en": "Bysiau", "cy": "Bysiau gwell"}
        assert set(items[0]) == {"id", "title", "phase", "starts_at", "ends_at", "created_at"}
        assert "Secret Person" not in answer.text
        assert mine.join_code not in answer.text

    async def test_pages_and_date_range(self, db: Session, client: httpx.AsyncClient) -> None:
        org = make_organisation(db)
        base = utcnow().replace(microsecond=0) + timedelta(days=10)
        ids = [
            str(
                published(
                    db, make_workshop(db, org, title=f"S{i}", starts_at=base + timedelta(days=i))
                ).id
            )
            for i in range(5)
        ]
        token = make_key(db, org.id)
        first = (await client.get(SESSIONS_URL, params={"limit": 2}, headers=bearer(token))).json()
        second = await client.get(
            SESSIONS_URL, params={"limit": 2, "cursor": first["next_cursor"]}, headers=bearer(token)
        )
        assert [i["id"] for i in first["items"] + second.json()["items"]] == ids[:4]
        ranged = await client.get(
            SESSIONS_URL,
            params={
                "from": (base + timedelta(days=1)).isoformat(),
                "to": (base + timedelta(days=3)).replace(tzinfo=None).isoformat(),
            },
            headers=bearer(token),
        )
        assert ranged.status_code == 200
        assert [i["id"] for i in ranged.json()["items"]] == ids[1:3]
        bad = await client.get(SESSIONS_URL, params={"from": "soon"}, headers=bearer(token))
        assert bad.status_code == 422


async def test_rate_limited_per_key(settings: Settings, db: Session) -> None:
    app: FastAPI = create_app(settings.model_copy(update={"partner_requests_per_minute": 3}))
    org = make_organisation(db)
    token, other = make_key(db, org.id), make_key(db, org.id)
    try:
        async with make_client(app) as client:
            codes = [
                (await client.get(ORG_URL, headers=bearer(token))).status_code for _ in range(4)
            ]
            assert codes == [200, 200, 200, 429]
            limited = await client.get(ORG_URL, headers=bearer(token))
            assert limited.json()["code"] == "partner_rate_limited"
            assert int(limited.headers["retry-after"]) > 0
            assert (await client.get(ORG_URL, headers=bearer(other))).status_code == 200
    finally:
        app.state.engine.dispose()
