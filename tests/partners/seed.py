"""A published session full of distinctive personal data ("NEEDLE-..."), written straight to the
database, for the partner read tests: none of it may ever leave through a partner key."""

from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

from sqlmodel import Session, select

from backend.kit.clock import utcnow
from backend.models import (
    ActionStatus,
    ActionUpdate,
    DecidedBy,
    Direction,
    Idea,
    IndicatorUnit,
    Initiative,
    InitiativeAction,
    Organisation,
    OutcomeIndicator,
    OutcomeMeasurement,
    Participant,
    Pitch,
    Steward,
    StewardKind,
    StewardMember,
    TableChoice,
    Workshop,
    WorkshopTable,
)
from backend.publishing.service import publish, unpublish
from tests.factories.ideas import make_idea
from tests.factories.participants import make_participant
from tests.factories.tables import make_table
from tests.factories.workshops import make_workshop

NEEDLES = [
    "NEEDLE-name-ceri",
    "NEEDLE-mail@example.org",
    "NEEDLE-access-wheelchair",
    "NEEDLE-member-name",
    "NEEDLE-member@example.org",
    "NEEDLE-owner-name",
    "NEEDLE-update-author",
    "NEEDLE-update-note",
    "NEEDLE-measurement-note",
    "NEEDLE-recorded-by",
    "NEEDLE-withheld-idea",
    "NEEDLE-other-barrier",
    "NEEDLE-ask-note",
    "NEEDLE-pitch-what",
    "NEEDLE-person-steward",
    "NEEDLE-steward-description",
]
UNPUBLISHED_NEEDLES = ["NEEDLE-unpublished-title", "NEEDLE-unpublished-idea"]


@dataclass
class Seeded:
    workshop: Workshop
    tables: list[WorkshopTable]
    initiative: Initiative
    actions: list[InitiativeAction]
    indicator: OutcomeIndicator
    measurements: list[OutcomeMeasurement] = field(default_factory=list)


def published(db: Session, workshop: Workshop) -> Workshop:
    publish(db, workshop=workshop, user_id=None)
    db.commit()
    return workshop


def withdrawn(db: Session, workshop: Workshop) -> Workshop:
    unpublish(db, workshop=workshop, user_id=None)
    db.commit()
    return workshop


def person(db: Session, workshop: Workshop, table: WorkshopTable, **fields: Any) -> Participant:
    defaults: dict[str, Any] = {
        "display_name": "NEEDLE-name-ceri",
        "email": "NEEDLE-mail@example.org",
        "access_needs": "NEEDLE-access-wheelchair",
        "consent_publish": True,
    }
    return make_participant(db, workshop, table_id=table.id, **(defaults | fields))


def record_choice(db: Session, table: WorkshopTable, idea: Idea) -> None:
    """The table chose `idea` by majority (added to `db`, not committed)."""
    db.add(
        TableChoice(
            workshop_id=table.workshop_id,
            table_id=table.id,
            idea_id=idea.id,
            decided_by=DecidedBy.majority,
        )
    )


def choose(db: Session, table: WorkshopTable, text: str, author: Participant | None) -> Idea:
    idea = make_idea(db, table, text=text, author=author)
    record_choice(db, table, idea)
    db.add(
        Pitch(
            workshop_id=table.workshop_id,
            table_id=table.id,
            idea_id=idea.id,
            what="NEEDLE-pitch-what",
            barrier_tags=["hard_work", "hidden_agendas"],
            barriers_other=["NEEDLE-other-barrier"],
            asks=[{"capital": "financial", "note": "NEEDLE-ask-note"}],
        )
    )
    db.commit()
    return idea


def seed_session(db: Session, organisation: Organisation, *, publish_it: bool = True) -> Seeded:
    """Two tables: table 1's chosen idea has a consenting author, table 2's does not. One
    initiative with a committee steward (one named member, one not), two actions (one owner
    named), an indicator and measurements (one current, one corrected, one withdrawn)."""
    workshop = make_workshop(db, organisation, title="Safer walking routes")
    first, second = make_table(db, workshop), make_table(db, workshop)
    consenting = person(db, workshop, first)
    refusing = person(db, workshop, second, consent_publish=False)
    lit = choose(db, first, "Lit paths to the school", consenting)
    choose(db, second, "NEEDLE-withheld-idea", refusing)
    initiative = Initiative(
        organisation_id=organisation.id,
        workshop_id=workshop.id,
        table_id=first.id,
        idea_id=lit.id,
        title="Lit paths",
        summary="Lighting on the school paths",
    )
    db.add(initiative)
    db.flush()
    steward = Steward(
        initiative_id=initiative.id,
        kind=StewardKind.committee,
        name="Paths committee",
        description="NEEDLE-steward-description",
    )
    db.add(steward)
    db.flush()
    for named, display, role in [(False, "NEEDLE-member-name", "Chair"), (True, "Dewi", "Clerk")]:
        db.add(
            StewardMember(
                steward_id=steward.id,
                initiative_id=initiative.id,
                display_name=display,
                role_label=role,
                email="NEEDLE-member@example.org",
                agreed_to_be_named=named,
            )
        )
    actions = [
        InitiativeAction(
            initiative_id=initiative.id,
            title="Survey the paths",
            owner_role="Highways officer",
            owner_name="NEEDLE-owner-name",
            due_on=date(2027, 1, 31),
            position=0,
        ),
        InitiativeAction(
            initiative_id=initiative.id,
            title="Order the lamps",
            owner_role="Treasurer",
            owner_name="Nia",
            owner_agreed_to_be_named=True,
            status=ActionStatus.doing,
            position=1,
        ),
    ]
    db.add_all(actions)
    db.flush()
    db.add(
        ActionUpdate(
            action_id=actions[0].id,
            initiative_id=initiative.id,
            note="NEEDLE-update-note",
            author_name="NEEDLE-update-author",
        )
    )
    indicator = OutcomeIndicator(
        initiative_id=initiative.id,
        name="Children walking to school",
        unit=IndicatorUnit.people,
        direction=Direction.increase,
        baseline_value=3,
    )
    db.add(indicator)
    db.flush()
    seeded = Seeded(workshop, [first, second], initiative, actions, indicator)
    seeded.measurements = measurements(db, indicator)
    db.commit()
    if publish_it:
        published(db, workshop)
    return seeded


def measurements(db: Session, indicator: OutcomeIndicator) -> list[OutcomeMeasurement]:
    """Current ones of 40 (1 March) and 3 people (1 April); one corrected, one withdrawn."""
    common: dict[str, Any] = {
        "indicator_id": indicator.id,
        "unit": IndicatorUnit.people,
        "source": "School register",
        "note": "NEEDLE-measurement-note",
        "recorded_by_name": "NEEDLE-recorded-by",
    }
    current = OutcomeMeasurement(value=40, measured_on=date(2027, 3, 1), **common)
    small = OutcomeMeasurement(value=3, measured_on=date(2027, 4, 1), **common)
    db.add_all([current, small])
    db.flush()
    corrected = OutcomeMeasurement(
        value=41, measured_on=date(2027, 3, 1), replaced_by_id=current.id, **common
    )
    retired = OutcomeMeasurement(
        value=99, measured_on=date(2027, 2, 1), retired_at=utcnow(), **common
    )
    db.add_all([corrected, retired])
    db.flush()
    return [current, small, corrected, retired]


def initiative_from_withheld_idea(db: Session, seeded: Seeded) -> Initiative:
    """An initiative from table 2's idea, whose author did not agree to publishing, titled with
    the idea's words (as an initiative is by default)."""
    table = seeded.tables[1]
    idea = db.exec(select(Idea).where(Idea.table_id == table.id)).one()
    initiative = Initiative(
        organisation_id=seeded.workshop.organisation_id,
        workshop_id=seeded.workshop.id,
        table_id=table.id,
        idea_id=idea.id,
        title=idea.text,
        summary="NEEDLE-withheld-idea, in summary",
    )
    db.add(initiative)
    db.commit()
    return initiative


def seed_unpublished(db: Session, organisation: Organisation) -> Workshop:
    """A session never published, with an initiative, indicator and pitch of its own."""
    workshop = make_workshop(
        db, organisation, title="NEEDLE-unpublished-title", starts_at=utcnow() - timedelta(days=1)
    )
    table = make_table(db, workshop)
    choose(db, table, "NEEDLE-unpublished-idea", person(db, workshop, table))
    initiative = Initiative(
        organisation_id=organisation.id,
        workshop_id=workshop.id,
        table_id=table.id,
        title="NEEDLE-unpublished-title",
    )
    db.add(initiative)
    db.flush()
    db.add(
        OutcomeIndicator(
            initiative_id=initiative.id,
            name="NEEDLE-unpublished-title",
            unit=IndicatorUnit.count,
            direction=Direction.increase,
        )
    )
    db.commit()
    return workshop
