"""`publishing-public-picture`: a storyboard picture for anyone, only while its session is
published and its public page shows it, with the inert headers of `images-read`."""

import uuid
from typing import Any

import httpx
import pytest
from fastapi import FastAPI
from sqlmodel import Session, select

from backend.kit.clock import utcnow
from backend.models import DecidedBy, TableChoice
from tests.factories.accounts import make_organisation
from tests.factories.ideas import make_idea
from tests.factories.tables import assert_problem
from tests.partners.seed import published, withdrawn
from tests.publishing.scene import Scene, make_scene, other_session_picture, png
from tests.storyboards.helpers import uploads_on_disk


@pytest.fixture
def scene(app: Any, db: Session) -> Scene:
    return make_scene(app, db, make_organisation(db))


async def test_served_inert_to_anyone(client: httpx.AsyncClient, scene: Scene) -> None:
    response = await client.get(scene.picture_url(scene.picture))  # no cookie, no token
    assert response.status_code == 200, response.text
    assert response.content == png()
    h = response.headers
    assert h["content-type"] == "image/png"
    assert h["x-content-type-options"] == "nosniff"
    assert h["content-security-policy"] == "default-src 'none'; sandbox"
    assert h["content-disposition"] == f'inline; filename="picture-{scene.picture.id}.png"'
    assert h["cross-origin-resource-policy"] == "same-origin"
    assert h["cache-control"] == "no-cache"
    again = await client.get(scene.picture_url(scene.picture), headers={"If-None-Match": h["etag"]})
    assert (again.status_code, again.content) == (304, b"")


async def test_pictures_the_page_does_not_show(
    app: FastAPI, db: Session, client: httpx.AsyncClient, scene: Scene
) -> None:
    elsewhere = other_session_picture(app, db, make_organisation(db, name="Another council"))
    for picture_id in [
        scene.withheld_picture.id,  # its table's words are withheld
        scene.undescribed_picture.id,  # nobody described it
        elsewhere.id,  # another published session's, through this session's URL
        uuid.uuid4(),
    ]:
        response = await client.get(f"{scene.url}/pictures/{picture_id}")
        assert_problem(response, 404, "public_picture_not_found")
    # ... while it is served through its own session's URL.
    own = f"/api/v1/public/sessions/{elsewhere.workshop_id}/pictures/{elsewhere.id}"
    assert (await client.get(own)).status_code == 200


async def test_gone_the_moment_the_session_is_withdrawn(
    db: Session, client: httpx.AsyncClient, scene: Scene
) -> None:
    url = scene.picture_url(scene.picture)
    etag = (await client.get(url)).headers["etag"]
    withdrawn(db, scene.workshop)
    assert_problem(await client.get(url), 404, "published_session_not_found")
    revalidated = await client.get(url, headers={"If-None-Match": etag})
    assert_problem(revalidated, 404, "published_session_not_found")
    published(db, scene.workshop)
    assert (await client.get(url)).status_code == 200


async def test_an_old_storyboard_is_not_shown(
    db: Session, client: httpx.AsyncClient, scene: Scene
) -> None:
    """The table reopened its choice and chose again: its first storyboard and pitch stay in the
    session."""
    choice = db.exec(select(TableChoice).where(TableChoice.table_id == scene.first.id)).one()
    choice.reopened_at = utcnow()
    db.add(choice)
    idea = make_idea(db, scene.first, text="Walking buses", author=scene.consenting)
    db.add(
        TableChoice(
            workshop_id=scene.workshop.id,
            table_id=scene.first.id,
            idea_id=idea.id,
            decided_by=DecidedBy.majority,
        )
    )
    db.commit()
    page = (await client.get(scene.url)).json()
    first = next(t for t in page["tables"] if t["number"] == scene.first.number)
    assert first["chosen_idea"]["text"] == "Walking buses"
    assert (first["storyboard"], first["pitch"], first["offers"]) == (None, None, [])
    response = await client.get(scene.picture_url(scene.picture))
    assert_problem(response, 404, "public_picture_not_found")


async def test_file_missing_from_the_store(
    app: FastAPI, client: httpx.AsyncClient, scene: Scene
) -> None:
    for path in uploads_on_disk(app):
        path.unlink()
    response = await client.get(scene.picture_url(scene.picture))
    assert_problem(response, 404, "public_picture_not_found")


async def test_malformed_picture_id(client: httpx.AsyncClient, scene: Scene) -> None:
    assert (await client.get(f"{scene.url}/pictures/not-a-uuid")).status_code == 422
