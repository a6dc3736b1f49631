"""The report reads a session in a fixed number of queries: more tables, ideas, votes, frames,
responses or initiatives never add one (no query per table or per idea)."""

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import httpx
from fastapi import FastAPI
from sqlalchemy import event
from sqlmodel import Session

from backend.models import (
    DecidedBy,
    DotVote,
    IdeaParent,
    Initiative,
    Pitch,
    PitchResponse,
    ReductionStage,
    ResponseKind,
    RoundClosure,
    Steward,
    StewardKind,
    StewardMember,
    Storyboard,
    StoryboardFrame,
    TableChoice,
    TableReduction,
    UploadedImage,
)
from tests.factories.ideas import make_idea
from tests.factories.reduction import idea_score
from tests.factories.tables import make_people, make_table
from tests.reports.scenario import Scenario, make_scenario


@contextmanager
def counted_queries(app: FastAPI) -> Iterator[list[str]]:
    statements: list[str] = []

    def count(_conn: Any, _cursor: Any, statement: str, *_args: Any) -> None:
        statements.append(statement)

    engine = app.state.engine
    event.listen(engine, "before_cursor_execute", count)
    try:
        yield statements
    finally:
        event.remove(engine, "before_cursor_execute", count)


def add_busy_table(db: Session, scenario: Scenario, ideas: int) -> None:
    """A table that did everything: ideas (one combined from two), dots, scores, rounds, a
    choice, a storyboard with pictures, a pitch with responses, and an initiative."""
    w = scenario.room.workshop
    t = make_table(db, w)
    people = make_people(db, w, 5, table=t)
    made = [make_idea(db, t, text=f"Idea {n}", author=people[n % 5]) for n in range(ideas)]
    chosen = made[0]
    rows: list[Any] = [IdeaParent(child_id=made[1].id, parent_id=made[2].id)]
    rows += [
        DotVote(workshop_id=w.id, table_id=t.id, idea_id=i.id, participant_id=p.id, dots=1)
        for i in made[:5]
        for p in people[:3]
    ]
    rows += [idea_score(t, p, i, 3, 4, 5) for i in made[:3] for p in people]
    rows += [
        TableReduction(
            workshop_id=w.id,
            table_id=t.id,
            stage=ReductionStage.chosen,
            shortlist=[
                {"idea_id": str(i.id), "place": n, "decided_by": "votes"}
                for n, i in enumerate(made[:3], start=1)
            ],
        ),
        RoundClosure(table_id=t.id, stage=ReductionStage.voting, decided_by=DecidedBy.majority),
        TableChoice(
            workshop_id=w.id, table_id=t.id, idea_id=chosen.id, decided_by=DecidedBy.majority
        ),
    ]
    board = Storyboard(workshop_id=w.id, table_id=t.id, idea_id=chosen.id)
    pitch = Pitch(workshop_id=w.id, table_id=t.id, idea_id=chosen.id, what="Our pitch")
    initiative = Initiative(
        organisation_id=w.organisation_id, workshop_id=w.id, idea_id=chosen.id, title="Go"
    )
    for row in [*rows, board, pitch, initiative]:
        db.add(row)
    db.commit()
    steward = Steward(initiative_id=initiative.id, kind=StewardKind.committee, name="Forum")
    db.add(steward)
    db.commit()
    db.add(
        StewardMember(
            steward_id=steward.id, initiative_id=initiative.id, display_name="X", role_label="Y"
        )
    )
    for n in range(3):
        image = UploadedImage(
            workshop_id=w.id,
            storage_key=f"busy/{t.id}/{n}.png",
            content_type="image/png",
            width=10,
            height=10,
            bytes=10,
            sha256="1" * 64,
        )
        db.add(image)
        db.flush()
        db.add(
            StoryboardFrame(
                storyboard_id=board.id,
                position=n,
                title=f"Step {n}",
                image_id=image.id,
                image_alt="A step",
            )
        )
        db.add(
            PitchResponse(
                workshop_id=w.id,
                pitch_id=pitch.id,
                table_id=scenario.first.id,
                kind=ResponseKind.offer,
                body=f"Offer {n}",
                author_participant_id=scenario.people["alaw"].id,
            )
        )
    db.commit()


async def test_query_count_does_not_grow_with_the_session(
    app: FastAPI, db: Session, client: httpx.AsyncClient
) -> None:
    scenario = make_scenario(db, client)
    with counted_queries(app) as small:
        assert (await client.get(scenario.url)).status_code == 200
    for ideas in (6, 12, 20):
        add_busy_table(db, scenario, ideas)
    with counted_queries(app) as large:
        response = await client.get(scenario.url)
    assert response.status_code == 200
    assert len(response.json()["tables"]) == 6
    assert sum(len(t["ideas"]) for t in response.json()["tables"]) == 10 + 38
    assert len(large) == len(small), "\n".join(large)
    assert len(small) < 40
