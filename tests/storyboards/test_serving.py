"""`GET /images/{id}`: inert headers, caching by ETag, and only for the picture's session."""

import uuid

import httpx
import pytest
from fastapi import FastAPI
from sqlmodel import Session

from backend.auth.scopes import ALL_SCOPES
from tests.factories.accounts import make_access_token, make_facilitator, sign_in_client
from tests.factories.tables import assert_problem
from tests.storyboards.helpers import ME, Stage, make_stage, png_bytes, upload, uploads_on_disk


@pytest.fixture
def stage(db: Session) -> Stage:
    return make_stage(db)


@pytest.fixture
async def picture(client: httpx.AsyncClient, stage: Stage) -> dict:
    response = await upload(client, f"{ME}/images", png_bytes(), stage.auth())
    assert response.status_code == 201
    return response.json()


class TestHeaders:
    async def test_inert_and_cacheable(
        self, client: httpx.AsyncClient, stage: Stage, picture: dict
    ) -> None:
        response = await client.get(picture["url"], headers=stage.auth())
        assert response.status_code == 200
        h = response.headers
        assert h["content-type"] == "image/png"
        assert h["x-content-type-options"] == "nosniff"
        assert h["content-security-policy"] == "default-src 'none'; sandbox"
        assert h["content-disposition"] == f'inline; filename="picture-{picture["id"]}.png"'
        assert h["cache-control"].startswith("private")
        assert h["etag"].startswith('"') and len(h["etag"]) == 66
        again = await client.get(
            picture["url"], headers=stage.auth() | {"If-None-Match": h["etag"]}
        )
        assert again.status_code == 304
        assert again.content == b""

    async def test_file_gone_from_the_store(
        self, app: FastAPI, client: httpx.AsyncClient, stage: Stage, picture: dict
    ) -> None:
        for path in uploads_on_disk(app):
            path.unlink()
        response = await client.get(picture["url"], headers=stage.auth())
        assert_problem(response, 404, "image_not_found")


class TestWhoMaySee:
    async def test_tablemates_other_tables_and_facilitators(
        self, db: Session, client: httpx.AsyncClient, stage: Stage, picture: dict
    ) -> None:
        other_table = make_stage(db, room=stage.board.room)
        assert (await client.get(picture["url"], headers=stage.auth(1))).status_code == 200
        assert (await client.get(picture["url"], headers=other_table.auth())).status_code == 200
        token = make_access_token(
            db, stage.board.room.facilitator.user, frozenset({"sessions:read"})
        )
        bearer = {"Authorization": f"Bearer {token}"}
        assert (await client.get(picture["url"], headers=bearer)).status_code == 200
        sign_in_client(db, client, stage.board.room.facilitator.user)
        assert (await client.get(picture["url"])).status_code == 200

    async def test_everyone_else_gets_404(
        self, db: Session, client: httpx.AsyncClient, stage: Stage, picture: dict
    ) -> None:
        other_session = make_stage(db)
        assert_problem(
            await client.get(picture["url"], headers=other_session.auth()), 404, "image_not_found"
        )
        assert_problem(await client.get(picture["url"]), 404, "image_not_found")
        narrow = make_access_token(
            db, stage.board.room.facilitator.user, ALL_SCOPES - {"sessions:read"}
        )
        response = await client.get(picture["url"], headers={"Authorization": f"Bearer {narrow}"})
        assert_problem(response, 404, "image_not_found")
        sign_in_client(db, client, make_facilitator(db).user)
        assert_problem(await client.get(picture["url"]), 404, "image_not_found")

    async def test_unknown_id(self, client: httpx.AsyncClient, stage: Stage) -> None:
        response = await client.get(f"/api/v1/images/{uuid.uuid4()}", headers=stage.auth())
        assert_problem(response, 404, "image_not_found")
