"""`publishing-public-initiatives`: the initiatives of a published session with their steward by
role, their plan in figures and their outcomes, small counts suppressed as for partners."""

from datetime import date
from typing import Any

import httpx
import pytest
from sqlmodel import Session

from backend.models import (
    ActionStatus,
    Direction,
    IndicatorUnit,
    Initiative,
    InitiativeAction,
    InitiativeStatus,
    OutcomeIndicator,
    OutcomeMeasurement,
)
from tests.factories.accounts import make_organisation
from tests.factories.tables import assert_problem
from tests.partners.seed import initiative_from_withheld_idea, withdrawn
from tests.publishing.scene import Scene, make_scene


@pytest.fixture
def scene(app: Any, db: Session) -> Scene:
    return make_scene(app, db, make_organisation(db))


async def initiatives(client: httpx.AsyncClient, scene: Scene) -> list[dict[str, Any]]:
    response = await client.get(f"{scene.url}/initiatives")
    assert response.status_code == 200, response.text
    return list(response.json()["items"])


def indicator(db: Session, initiative: Initiative, **fields: Any) -> OutcomeIndicator:
    row = OutcomeIndicator(initiative_id=initiative.id, **fields)
    db.add(row)
    db.commit()
    return row


def measure(db: Session, row: OutcomeIndicator, value: float, day: date) -> None:
    db.add(
        OutcomeMeasurement(
            indicator_id=row.id, value=value, unit=row.unit, measured_on=day, source="Survey"
        )
    )
    db.commit()


async def test_steward_plan_and_outcomes(client: httpx.AsyncClient, scene: Scene) -> None:
    [item] = await initiatives(client, scene)
    assert item["id"] == str(scene.seeded.initiative.id)
    assert (item["title"], item["summary"], item["words_withheld"]) == (
        "Lit paths",
        "Lighting on the school paths",
        False,
    )
    assert (item["status"], item["table_number"]) == ("active", scene.first.number)
    # By role unless they agreed to be named; the committee's description stays inside.
    assert item["steward"] == {
        "kind": "committee",
        "name": "Paths committee",
        "members": [
            {"label": "Chair", "role": "Chair", "named": False},
            {"label": "Dewi", "role": "Clerk", "named": True},
        ],
    }
    assert item["plan"] == {
        "action_count": 2,
        "counts": {"todo": 1, "doing": 1, "done": 0, "blocked": 0},
        "next_due_on": "2027-01-31",
    }
    [outcome] = item["indicators"]
    assert outcome["name"] == "Children walking to school"
    assert outcome["baseline_value"] is None  # 3 people: suppressed
    # Current measurements only, oldest first; 3 people suppressed; no note, no recorder.
    assert [
        (m["measured_on"], m["value"], m["suppressed"], m["source"])
        for m in outcome["measurements"]
    ] == [
        ("2027-03-01", 40, False, "School register"),
        ("2027-04-01", None, True, "School register"),
    ]
    assert all("note" not in m and "recorded_by_name" not in m for m in outcome["measurements"])
    assert outcome["measurement_count"] == 2
    # The latest that can be shown; no progress from a suppressed baseline.
    assert (outcome["latest_value"], outcome["latest_on"], outcome["progress"]) == (
        40,
        "2027-03-01",
        None,
    )


async def test_progress_order_and_plan_dates(
    db: Session, client: httpx.AsyncClient, scene: Scene
) -> None:
    initiative = scene.seeded.initiative
    trips = indicator(
        db,
        initiative,
        name="Trips on foot",
        unit=IndicatorUnit.count,
        direction=Direction.increase,
        baseline_value=10,
        target_value=20,
        position=-1,
    )
    measure(db, trips, 12, date(2027, 1, 1))
    measure(db, trips, 15, date(2027, 2, 1))
    db.add(  # done actions have no next due date, however early
        InitiativeAction(
            initiative_id=initiative.id,
            title="Ask the council",
            owner_role="Clerk",
            due_on=date(2026, 1, 1),
            status=ActionStatus.done,
        )
    )
    db.commit()
    [item] = await initiatives(client, scene)
    assert [i["name"] for i in item["indicators"]] == [
        "Trips on foot",
        "Children walking to school",
    ]
    assert (item["indicators"][0]["latest_value"], item["indicators"][0]["progress"]) == (15, 0.5)
    assert item["plan"]["counts"] == {"todo": 1, "doing": 1, "done": 1, "blocked": 0}
    assert item["plan"]["next_due_on"] == "2027-01-31"


async def test_withheld_words_and_a_bare_initiative(
    db: Session, client: httpx.AsyncClient, scene: Scene
) -> None:
    initiative_from_withheld_idea(db, scene.seeded)
    bare = Initiative(
        organisation_id=scene.workshop.organisation_id,
        workshop_id=scene.workshop.id,
        title="Walking buses",
        status=InitiativeStatus.paused,
    )
    db.add(bare)
    db.commit()
    items = await initiatives(client, scene)
    assert len(items) == 3
    withheld = items[1]
    assert (withheld["title"], withheld["summary"], withheld["words_withheld"]) == (
        None,
        None,
        True,
    )
    assert withheld["table_number"] == scene.second.number
    assert items[2] | {"id": None} == {
        "id": None,
        "title": "Walking buses",
        "summary": None,
        "words_withheld": False,
        "status": "paused",
        "table_number": None,
        "steward": None,
        "plan": {
            "action_count": 0,
            "counts": {"todo": 0, "doing": 0, "done": 0, "blocked": 0},
            "next_due_on": None,
        },
        "indicators": [],
    }


async def test_only_while_published(db: Session, client: httpx.AsyncClient, scene: Scene) -> None:
    withdrawn(db, scene.workshop)
    response = await client.get(f"{scene.url}/initiatives")
    assert_problem(response, 404, "published_session_not_found")
