"""The app starts, answers problem+json for unknown API paths, and serves the SPA fallback."""

import httpx

from tests.factories.accounts import make_facilitator, sign_in_client


class TestHealth:
    async def test_ok(self, client: httpx.AsyncClient) -> None:
        response = await client.get("/api/v1/health")
        assert response.status_code == 200
        assert response.json() == {"status": "ok"}

    async def test_unknown_api_path_is_problem_json(self, client: httpx.AsyncClient) -> None:
        response = await client.get("/api/v1/does-not-exist")
        assert response.status_code == 404
        assert response.headers["content-type"] == "application/problem+json"
        assert response.json()["code"] == "not_found"

    async def test_factories_sign_in(self, db, client: httpx.AsyncClient) -> None:  # type: ignore[no-untyped-def]
        ctx = make_facilitator(db)
        sign_in_client(db, client, ctx.user)
        assert client.cookies.get("cyd_session")
