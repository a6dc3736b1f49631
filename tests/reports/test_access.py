"""Only the session's own organisation's facilitators may read its report."""

import httpx
from sqlmodel import Session

from tests.factories.accounts import make_access_token, make_facilitator, sign_in_client
from tests.factories.participants import participant_token, sign_in_participant
from tests.factories.tables import assert_problem
from tests.reports.scenario import make_scenario


class TestReadReportAccess:
    async def test_own_facilitator_with_a_token(
        self, db: Session, client: httpx.AsyncClient
    ) -> None:
        scenario = make_scenario(db)
        token = make_access_token(
            db, scenario.room.facilitator.user, scopes=frozenset({"sessions:read"})
        )
        response = await client.get(scenario.url, headers={"Authorization": f"Bearer {token}"})
        assert response.status_code == 200, response.text
        assert response.json()["session"]["id"] == str(scenario.room.workshop.id)

    async def test_other_organisation_404(self, db: Session, client: httpx.AsyncClient) -> None:
        scenario = make_scenario(db)
        sign_in_client(db, client, make_facilitator(db).user)
        assert_problem(await client.get(scenario.url), 404, "session_not_found")

    async def test_unknown_session_404(self, db: Session, client: httpx.AsyncClient) -> None:
        scenario = make_scenario(db, client)
        missing = "/api/v1/sessions/00000000-0000-4000-8000-000000000000/report"
        assert_problem(await client.get(missing), 404, "session_not_found")
        assert (await client.get(scenario.url)).status_code == 200
        malformed = await client.get("/api/v1/sessions/not-a-uuid/report")
        assert_problem(malformed, 422, "validation_failed")

    async def test_participants_refused(self, db: Session, client: httpx.AsyncClient) -> None:
        scenario = make_scenario(db)
        sign_in_participant(db, client, scenario.people["alaw"])
        assert_problem(await client.get(scenario.url), 401, "unauthenticated")
        token, _ = participant_token(db, scenario.people["dai"])
        response = await client.get(scenario.url, headers={"Authorization": f"Bearer {token}"})
        assert_problem(response, 401, "unauthenticated")

    async def test_anonymous_401(self, db: Session, client: httpx.AsyncClient) -> None:
        scenario = make_scenario(db)
        assert_problem(await client.get(scenario.url), 401, "unauthenticated")

    async def test_token_without_sessions_read_403(
        self, db: Session, client: httpx.AsyncClient
    ) -> None:
        scenario = make_scenario(db)
        token = make_access_token(
            db, scenario.room.facilitator.user, scopes=frozenset({"ideas:read"})
        )
        response = await client.get(scenario.url, headers={"Authorization": f"Bearer {token}"})
        assert_problem(response, 403, "insufficient_scope")
