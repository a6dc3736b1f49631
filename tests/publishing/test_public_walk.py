"""Walks every public endpoint over a published session full of distinctive personal data, an
unpublished one and a withdrawn one: none of it ever appears in an answer, and the unpublished
and withdrawn sessions show nothing at all. Also: the public page's queries do not grow with the
number of tables, frames, pitches, offers or initiatives."""

from datetime import date
from typing import Any

import httpx
from fastapi import FastAPI
from sqlalchemy import event
from sqlmodel import Session, select

from backend.models import (
    Direction,
    Idea,
    IndicatorUnit,
    Initiative,
    InitiativeAction,
    OutcomeIndicator,
    OutcomeMeasurement,
    Participant,
    Steward,
    StewardKind,
    StewardMember,
    Workshop,
    WorkshopTable,
)
from tests.factories.accounts import make_organisation
from tests.factories.tables import make_table
from tests.partners.seed import UNPUBLISHED_NEEDLES, choose, person, seed_unpublished, withdrawn
from tests.publishing.scene import (
    PUBLIC,
    PUBLIC_NEEDLES,
    Scene,
    make_scene,
    pitch_of,
    respond,
    store_picture,
    storyboard,
)


def public_paths(app: FastAPI) -> list[str]:
    """Every public read endpoint, from the OpenAPI document (it lists every included router)."""
    return sorted(
        path
        for path, operations in app.openapi()["paths"].items()
        if path.startswith(f"{PUBLIC}/") and "get" in operations
    )


async def walk(
    client: httpx.AsyncClient, app: FastAPI, session_id: Any, picture_id: Any
) -> list[tuple[str, httpx.Response]]:
    answers = []
    for path in public_paths(app):
        url = path.format(session_id=session_id, picture_id=picture_id)
        answers.append((url, await client.get(url)))
    return answers


def personal_data(db: Session, workshop: Workshop) -> list[str]:
    people = db.exec(select(Participant).where(Participant.workshop_id == workshop.id)).all()
    return [
        text
        for p in people
        for text in [p.display_name, p.email, p.access_needs, str(p.id)]
        if text is not None
    ]


async def test_no_personal_data_leaves(
    app: FastAPI, db: Session, client: httpx.AsyncClient
) -> None:
    org = make_organisation(db)
    scene = make_scene(app, db, org)
    hidden = seed_unpublished(db, org)
    paths = public_paths(app)
    assert len(paths) == 3, paths
    needles = PUBLIC_NEEDLES + UNPUBLISHED_NEEDLES + personal_data(db, scene.workshop)

    answers = await walk(client, app, scene.workshop.id, scene.picture.id)
    assert [r.status_code for _, r in answers] == [200, 200, 200], answers
    picture = next(r for url, r in answers if "/pictures/" in url)
    assert picture.headers["content-type"] == "image/png"
    texts = {url: r.text for url, r in answers if r is not picture}
    assert "Lit paths to the school" in texts[scene.url]  # the walk saw the published page
    assert "Children walking to school" in texts[f"{scene.url}/initiatives"]
    for picture_id in [scene.withheld_picture.id, scene.undescribed_picture.id]:
        refused = await client.get(f"{scene.url}/pictures/{picture_id}")
        assert refused.status_code == 404
        texts[str(picture_id)] = refused.text
    for url, body in texts.items():
        for needle in needles:
            assert needle not in body, (needle, url)

    # A session never published, and one withdrawn: every endpoint 404s and says nothing.
    withdrawn(db, scene.workshop)
    for session_id, picture_id in [
        (hidden.id, scene.picture.id),
        (scene.workshop.id, scene.picture.id),
    ]:
        for url, response in await walk(client, app, session_id, picture_id):
            assert response.status_code == 404, (url, response.text)
            assert response.json()["code"] == "published_session_not_found"
            for needle in needles:
                assert needle not in response.text, (needle, url)


def initiative_of(db: Session, table: WorkshopTable, idea: Idea) -> None:
    """An initiative with a steward of two, an action, an indicator and two measurements."""
    workshop = db.get(Workshop, table.workshop_id)
    assert workshop is not None
    initiative = Initiative(
        organisation_id=workshop.organisation_id,
        workshop_id=workshop.id,
        table_id=table.id,
        idea_id=idea.id,
        title="More",
    )
    db.add(initiative)
    db.flush()
    steward = Steward(initiative_id=initiative.id, kind=StewardKind.committee, name="C")
    db.add(steward)
    db.flush()
    for role in ["Chair", "Clerk"]:
        member = {"display_name": "M", "role_label": role}
        db.add(StewardMember(steward_id=steward.id, initiative_id=initiative.id, **member))
    db.add(InitiativeAction(initiative_id=initiative.id, title="Act", owner_role="Clerk"))
    indicator = OutcomeIndicator(
        initiative_id=initiative.id,
        name="Trips",
        unit=IndicatorUnit.count,
        direction=Direction.increase,
    )
    db.add(indicator)
    db.flush()
    for month in [1, 2]:
        db.add(
            OutcomeMeasurement(
                indicator_id=indicator.id,
                value=month,
                unit=IndicatorUnit.count,
                measured_on=date(2027, month, 1),
                source="Count",
            )
        )
    db.commit()


def grow(app: FastAPI, db: Session, scene: Scene, tables: int) -> None:
    """More of everything: each new table chose, storyboarded with pictures, pitched, offered
    help to table 1, and its idea became an initiative with a plan and outcomes."""
    for _ in range(tables):
        table = make_table(db, scene.workshop)
        author = person(db, scene.workshop, table)
        idea = choose(db, table, "More", author)
        picture = store_picture(app, db, table, author)
        storyboard(db, table, idea, [{"title": "A", "image_id": picture.id, "image_alt": "A"}] * 2)
        respond(db, pitch_of(db, scene.first), table, "Help", capitals=["human"])
        respond(db, pitch_of(db, table), scene.first, "Help", capitals=["human"])
        initiative_of(db, table, idea)


def count_queries(app: FastAPI) -> list[str]:
    statements: list[str] = []

    def record(*args: Any) -> None:
        statements.append(args[2])

    event.listen(app.state.engine, "before_cursor_execute", record)
    return statements


async def test_queries_do_not_grow_with_the_session(
    app: FastAPI, db: Session, client: httpx.AsyncClient
) -> None:
    scene = make_scene(app, db, make_organisation(db))
    statements = count_queries(app)
    counts = []
    for more in [0, 3]:
        grow(app, db, scene, more)
        statements.clear()
        for url in [scene.url, f"{scene.url}/initiatives", scene.picture_url(scene.picture)]:
            assert (await client.get(url)).status_code == 200
        counts.append(len(statements))
    page = (await client.get(scene.url)).json()
    assert len(page["tables"]) == 5 and len(page["tables"][0]["offers"]) == 2 + 3
    initiatives = (await client.get(f"{scene.url}/initiatives")).json()["items"]
    assert sum(len(i["indicators"]) for i in initiatives) == 4
    assert counts[0] == counts[1], counts
