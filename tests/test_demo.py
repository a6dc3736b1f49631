"""The demo a newcomer meets: created once, seated at tables, and its login really works; and the
second, finished workshop that lets every later screen be clicked through."""

import httpx
import pytest
from sqlmodel import Session, col, func, select

from backend.config import Settings
from backend.demo import DEMO_EMAIL, DEMO_PASSWORD, DEMO_TITLE, PEOPLE, ensure_demo
from backend.demo_journey_data import JOURNEY_TITLE, TABLES
from backend.models import (
    Idea,
    IdeaParent,
    Initiative,
    InitiativeAction,
    OutcomeIndicator,
    OutcomeMeasurement,
    Participant,
    Phase,
    Pitch,
    PitchResponse,
    SessionFeedback,
    Steward,
    Storyboard,
    StoryboardFrame,
    TableChoice,
    TableReduction,
    Workshop,
    WorkshopTable,
)
from backend.publishing.service import is_published


def _workshop(db: Session, title: str) -> Workshop:
    return db.exec(select(Workshop).where(Workshop.title_en == title)).one()


async def test_demo_is_populated_and_idempotent(
    settings: Settings, db: Session, client: httpx.AsyncClient, capsys: pytest.CaptureFixture[str]
) -> None:
    ensure_demo(settings)
    ensure_demo(settings)
    printed = capsys.readouterr().out
    assert "Cyd demo created" in printed and "Cyd demo ready" in printed

    assert db.exec(select(func.count()).select_from(Workshop)).one() == 2
    first = _workshop(db, DEMO_TITLE)
    assert first.phase == Phase.tables
    people = db.exec(select(Participant).where(Participant.workshop_id == first.id)).all()
    assert len(people) == len(PEOPLE)
    assert all(person.table_id is not None for person in people)

    signed_in = await client.post(
        "/api/v1/auth/signin", json={"email": DEMO_EMAIL, "password": DEMO_PASSWORD}
    )
    assert signed_in.status_code == 200, signed_in.text
    sessions = await client.get("/api/v1/sessions")
    assert sorted(s["title"]["cy"] for s in sessions.json()["items"]) == [
        "Mynd i'r afael ag unigrwydd yn y cymoedd",
        "Teithiau bws gwell i bawb",
    ]


def test_the_journey_workshop_has_been_through_every_phase(settings: Settings, db: Session) -> None:
    ensure_demo(settings)
    ensure_demo(settings)
    journey = _workshop(db, JOURNEY_TITLE)
    assert journey.organisation_id == _workshop(db, DEMO_TITLE).organisation_id
    assert journey.phase == Phase.outcomes
    assert is_published(db, journey.id)

    people = db.exec(select(Participant).where(Participant.workshop_id == journey.id)).all()
    assert len(people) == sum(len(t.people) for t in TABLES) == 20
    assert [p.consent_publish for p in people].count(False) == 1
    tables = db.exec(select(WorkshopTable).where(WorkshopTable.workshop_id == journey.id)).all()
    assert len(tables) == 3
    ideas = db.exec(select(Idea).where(Idea.workshop_id == journey.id)).all()
    assert all(15 <= sum(i.table_id == t.id for i in ideas) <= 25 for t in tables)
    assert db.exec(select(func.count()).select_from(IdeaParent)).one() == 2
    for table in tables:
        choice = db.exec(select(TableChoice).where(TableChoice.table_id == table.id)).one()
        reduction = db.exec(select(TableReduction).where(TableReduction.table_id == table.id)).one()
        assert reduction.stage == "chosen" and len(reduction.shortlist) == 3
        assert str(choice.idea_id) in {entry["idea_id"] for entry in reduction.shortlist}
        board = db.exec(select(Storyboard).where(Storyboard.table_id == table.id)).one()
        assert board.idea_id == choice.idea_id
        frames = db.exec(
            select(StoryboardFrame).where(StoryboardFrame.storyboard_id == board.id)
        ).all()
        assert 3 <= len(frames) == board.version <= 5
        pitch = db.exec(select(Pitch).where(Pitch.table_id == table.id)).one()
        assert pitch.idea_id == choice.idea_id and pitch.barrier_tags and pitch.asks
    responses = db.exec(select(PitchResponse).where(PitchResponse.workshop_id == journey.id)).all()
    assert {r.kind for r in responses} == {"offer", "question", "suggestion"}

    initiatives = db.exec(select(Initiative).where(Initiative.workshop_id == journey.id)).all()
    kinds = {
        db.exec(select(Steward).where(Steward.initiative_id == i.id)).one().kind
        for i in initiatives
    }
    assert kinds == {"person", "committee", "independent_party"}
    ids = [i.id for i in initiatives]
    actions = db.exec(
        select(InitiativeAction).where(col(InitiativeAction.initiative_id).in_(ids))
    ).all()
    assert {a.status for a in actions} == {"todo", "doing", "done", "blocked"}
    indicators = db.exec(
        select(OutcomeIndicator).where(col(OutcomeIndicator.initiative_id).in_(ids))
    ).all()
    assert {i.initiative_id for i in indicators} == set(ids)
    for indicator in indicators:
        measured = db.exec(
            select(OutcomeMeasurement).where(OutcomeMeasurement.indicator_id == indicator.id)
        ).all()
        assert 3 <= len(measured) <= 6
    feedback = db.exec(select(SessionFeedback).where(SessionFeedback.workshop_id == journey.id))
    assert len(feedback.all()) >= 5


async def test_every_later_screen_of_the_journey_answers(
    settings: Settings, db: Session, client: httpx.AsyncClient, capsys: pytest.CaptureFixture[str]
) -> None:
    ensure_demo(settings)
    journey = _workshop(db, JOURNEY_TITLE)
    assert f"/sessions/{journey.id}" in capsys.readouterr().out
    public = await client.get(f"/api/v1/public/sessions/{journey.id}")
    assert public.status_code == 200, public.text

    await client.post("/api/v1/auth/signin", json={"email": DEMO_EMAIL, "password": DEMO_PASSWORD})
    session = f"/api/v1/sessions/{journey.id}"
    paths = [
        session,
        f"{session}/progress",
        f"{session}/phase-history",
        f"{session}/ideas",
        f"{session}/reduction",
        f"{session}/storyboards",
        f"{session}/pitches",
        f"{session}/combinations",
        f"{session}/initiatives",
        f"{session}/initiative-candidates",
        f"{session}/feedback/summary",
        f"{session}/publication",
        f"{session}/export.json",
        f"/api/v1/organisations/{journey.organisation_id}/momentum",
    ]
    for table in db.exec(select(WorkshopTable).where(WorkshopTable.workshop_id == journey.id)):
        paths += [f"{session}/tables/{table.id}/reduction", f"{session}/tables/{table.id}/pitch"]
    pictures = db.exec(
        select(StoryboardFrame.image_id).where(col(StoryboardFrame.image_id).is_not(None))
    ).all()
    assert len(pictures) == 3
    paths += [f"/api/v1/images/{image_id}" for image_id in pictures]
    for pitch in db.exec(select(Pitch).where(Pitch.workshop_id == journey.id)):
        paths.append(f"{session}/pitches/{pitch.id}/responses")
    for initiative in db.exec(select(Initiative).where(Initiative.workshop_id == journey.id)):
        base = f"/api/v1/initiatives/{initiative.id}"
        paths += [base, f"{base}/actions", f"{base}/indicators", f"{base}/momentum"]
    for indicator in db.exec(select(OutcomeIndicator)):
        paths.append(f"/api/v1/indicators/{indicator.id}/series")
    for path in paths:
        answer = await client.get(path)
        assert answer.status_code == 200, (path, answer.text)

    momentum = await client.get(f"/api/v1/organisations/{journey.organisation_id}/momentum")
    assert momentum.json()["initiatives"] == 3 and momentum.json()["overdue_actions"] == 1
    tables = public.json()["tables"]
    assert len(tables) == 3 and all(t["chosen_idea"]["text"] for t in tables)
