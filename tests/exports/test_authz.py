"""Only the session's own facilitators, holding `ideas:read`, may export it."""

import httpx
import pytest
from fastapi import FastAPI
from sqlmodel import Session

from backend.auth.scopes import ALL_SCOPES
from tests.exports.helpers import row_counts
from tests.exports.scenario import Scenario, make_scenario
from tests.factories.accounts import make_access_token, make_facilitator, sign_in_client
from tests.factories.participants import participant_token, sign_in_participant
from tests.factories.tables import assert_problem

FORMATS = ["export.json", "export.csv"]


@pytest.fixture
def scenario(db: Session) -> Scenario:
    return make_scenario(db)


def url(s: Scenario, what: str) -> str:
    return f"{s.room.base}/{what}"


@pytest.mark.parametrize("what", FORMATS)
class TestExportAccess:
    async def test_other_organisation_404(
        self, app: FastAPI, db: Session, client: httpx.AsyncClient, scenario: Scenario, what: str
    ) -> None:
        before = row_counts(app)
        sign_in_client(db, client, make_facilitator(db).user)
        assert_problem(await client.get(url(scenario, what)), 404, "session_not_found")
        token = make_access_token(db, make_facilitator(db).user)
        response = await client.get(
            url(scenario, what), headers={"Authorization": f"Bearer {token}"}
        )
        assert_problem(response, 404, "session_not_found")
        assert row_counts(app)["workshop"] == before["workshop"]

    async def test_unknown_session_404(
        self, db: Session, client: httpx.AsyncClient, scenario: Scenario, what: str
    ) -> None:
        sign_in_client(db, client, scenario.room.facilitator.user)
        missing = f"/api/v1/sessions/00000000-0000-4000-8000-000000000000/{what}"
        assert_problem(await client.get(missing), 404, "session_not_found")
        response = await client.get(f"/api/v1/sessions/not-a-uuid/{what}")
        assert response.status_code == 422

    async def test_participant_refused(
        self, db: Session, client: httpx.AsyncClient, scenario: Scenario, what: str
    ) -> None:
        sign_in_participant(db, client, scenario.consenting)
        assert_problem(await client.get(url(scenario, what)), 401, "unauthenticated")
        token, _ = participant_token(db, scenario.refusing)
        response = await client.get(
            url(scenario, what), headers={"Authorization": f"Bearer {token}"}
        )
        assert response.status_code in (401, 403)

    async def test_anonymous_401(
        self, client: httpx.AsyncClient, scenario: Scenario, what: str
    ) -> None:
        assert_problem(await client.get(url(scenario, what)), 401, "unauthenticated")

    async def test_token_scopes(
        self, db: Session, client: httpx.AsyncClient, scenario: Scenario, what: str
    ) -> None:
        user = scenario.room.facilitator.user
        without = make_access_token(db, user, ALL_SCOPES - {"ideas:read"})
        response = await client.get(
            url(scenario, what), headers={"Authorization": f"Bearer {without}"}
        )
        assert response.status_code == 403, response.text
        assert response.headers["content-type"] == "application/problem+json"
        only = make_access_token(db, user, frozenset({"ideas:read"}))
        response = await client.get(
            url(scenario, what), headers={"Authorization": f"Bearer {only}"}
        )
        assert response.status_code == 200, response.text


class TestOpenApi:
    def test_content_types(self, app: FastAPI) -> None:
        paths = app.openapi()["paths"]
        as_json = paths["/api/v1/sessions/{session_id}/export.json"]["get"]
        as_csv = paths["/api/v1/sessions/{session_id}/export.csv"]["get"]
        assert (as_json["operationId"], as_csv["operationId"]) == ("exports-json", "exports-csv")
        assert list(as_json["responses"]["200"]["content"]) == ["application/json"]
        assert as_json["responses"]["200"]["content"]["application/json"]["schema"] == {
            "$ref": "#/components/schemas/SessionExport"
        }
        assert list(as_csv["responses"]["200"]["content"]) == ["text/csv; charset=utf-8"]
        assert "Content-Disposition" in as_csv["responses"]["200"]["headers"]
        for op in (as_json, as_csv):
            for status in ("401", "403", "404"):
                assert list(op["responses"][status]["content"]) == ["application/problem+json"]
