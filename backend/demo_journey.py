"""The second demo workshop: a session that has been through the whole journey (ideas, reduction,
storyboards, pitches, initiatives, outcomes, feedback) and is published, so that a newcomer can
click through every later screen. Written once per demo organisation, found again by its title."""

import uuid
from datetime import datetime, timedelta
from itertools import pairwise

from sqlmodel import Session, select

from backend.config import Settings
from backend.demo_journey_after import SeatedTable, write_after
from backend.demo_journey_data import (
    JOURNEY_CHALLENGE,
    JOURNEY_CHALLENGE_CY,
    JOURNEY_TITLE,
    JOURNEY_TITLE_CY,
    JOURNEY_VENUE,
    TABLES,
    TableSpec,
)
from backend.kit.clock import utcnow
from backend.models import (
    PHASE_ORDER,
    DecidedBy,
    DotVote,
    Idea,
    IdeaParent,
    IdeaScore,
    IdeaSource,
    IdeaStatus,
    Participant,
    Phase,
    PhaseChange,
    ReductionStage,
    RoundClosure,
    TableChoice,
    TableReduction,
    Theme,
    Workshop,
    WorkshopTable,
)
from backend.publishing.service import publish
from backend.workshops.join_codes import new_join_code

SESSION_DAYS_AGO = 540  # about 18 months


def find_journey(db: Session, organisation_id: uuid.UUID) -> Workshop | None:
    return db.exec(
        select(Workshop).where(
            Workshop.organisation_id == organisation_id, Workshop.title_en == JOURNEY_TITLE
        )
    ).first()


def ensure_journey(
    db: Session, settings: Settings, *, organisation_id: uuid.UUID, user_id: uuid.UUID
) -> Workshop:
    """The journey workshop of the organisation, written (and published) if it is not there."""
    found = find_journey(db, organisation_id)
    if found is not None:
        return found
    day = (utcnow() - timedelta(days=SESSION_DAYS_AGO)).replace(
        hour=10, minute=0, second=0, microsecond=0
    )
    workshop = _workshop(db, organisation_id=organisation_id, user_id=user_id, day=day)
    seated = [_seat_table(db, workshop, number, spec, day) for number, spec in enumerate(TABLES, 1)]
    for spec, table in zip(TABLES, seated, strict=True):
        _reduce(db, workshop, spec, table, day + timedelta(hours=2))
    write_after(db, settings, workshop=workshop, tables=seated, user_id=user_id, day=day)
    publish(db, workshop=workshop, user_id=user_id)
    return workshop


def _workshop(
    db: Session, *, organisation_id: uuid.UUID, user_id: uuid.UUID, day: datetime
) -> Workshop:
    last_change = day + timedelta(hours=5)
    workshop = Workshop(
        organisation_id=organisation_id,
        created_by_id=user_id,
        title_en=JOURNEY_TITLE,
        title_cy=JOURNEY_TITLE_CY,
        challenge_en=JOURNEY_CHALLENGE,
        challenge_cy=JOURNEY_CHALLENGE_CY,
        consent_text_en="Your ideas may be published without your name if you agree.",
        consent_text_cy="Gellir cyhoeddi eich syniadau heb eich enw os ydych yn cytuno.",
        venue=JOURNEY_VENUE,
        starts_at=day,
        ends_at=day + timedelta(hours=6),
        join_code=new_join_code(db),
        phase=Phase.outcomes,
        phase_changed_at=last_change,
        created_at=day - timedelta(days=21),
    )
    db.add(workshop)
    db.flush()
    steps = list(pairwise(PHASE_ORDER))
    for index, (before, after) in enumerate(steps, start=1):
        db.add(
            PhaseChange(
                workshop_id=workshop.id,
                from_phase=before,
                to_phase=after,
                changed_by_id=user_id,
                created_at=day + (last_change - day) * index / len(steps),
            )
        )
    return workshop


def _seat_table(
    db: Session, workshop: Workshop, number: int, spec: TableSpec, day: datetime
) -> SeatedTable:
    table = WorkshopTable(workshop_id=workshop.id, number=number, name=spec.name)
    db.add(table)
    db.flush()
    members = [
        Participant(
            workshop_id=workshop.id,
            table_id=table.id,
            display_name=person.name,
            perspective=person.perspective,
            network_roles=person.roles,
            strengths=person.strengths,
            consent_publish=person.consent_publish,
            consent_contact=index % 2 == 0,
            consent_share_perspective=True,
            consent_recorded_at=day,
            locale=person.locale,
            created_at=day - timedelta(minutes=30),
        )
        for index, person in enumerate(spec.people)
    ]
    themes = [
        Theme(workshop_id=workshop.id, table_id=table.id, name=name, position=position)
        for position, name in enumerate(spec.themes)
    ]
    db.add_all([*members, *themes])
    db.flush()
    ideas: list[Idea] = []
    for index, idea in enumerate(spec.ideas):
        combined = bool(idea.parents)
        source = IdeaSource.phone if idea.author is not None else IdeaSource.paper
        row = Idea(
            workshop_id=workshop.id,
            table_id=table.id,
            author_id=None if idea.author is None else members[idea.author].id,
            entered_by_participant_id=None if idea.author is None else members[idea.author].id,
            source=IdeaSource.combined if combined else source,
            text=idea.text,
            theme_id=None if idea.theme is None else themes[idea.theme].id,
            created_at=day + timedelta(minutes=60 + 2 * index),
        )
        db.add(row)
        db.flush()
        for parent in idea.parents:
            ideas[parent].status = IdeaStatus.combined
            ideas[parent].version += 1
            db.add(ideas[parent])
            db.add(IdeaParent(child_id=row.id, parent_id=ideas[parent].id))
        ideas.append(row)
    return SeatedTable(table, members, ideas, chosen=ideas[spec.shortlist[0]])


def _reduce(
    db: Session, workshop: Workshop, spec: TableSpec, seated: SeatedTable, at: datetime
) -> None:
    """Dots (5 each, at most 3 on an idea), a clean shortlist of 3, scores, and the choice, as the
    reduction slice records them when every round closes by a majority."""
    first, second, third = (seated.ideas[i] for i in spec.shortlist)
    table_id = seated.table.id
    dots: dict[uuid.UUID, int] = {}
    for index, member in enumerate(seated.members):
        extra = seated.ideas[spec.extra[index % len(spec.extra)]]
        split = [(first, 2), (second, 1)] if index % 2 == 0 else [(first, 1), (second, 2)]
        for idea, count in [*split, (third, 1), (extra, 1)]:
            dots[idea.id] = dots.get(idea.id, 0) + count
            db.add(
                DotVote(
                    workshop_id=workshop.id,
                    table_id=table_id,
                    idea_id=idea.id,
                    participant_id=member.id,
                    dots=count,
                    created_at=at,
                )
            )
        for idea in (first, second, third):
            top = idea is first
            db.add(
                IdeaScore(
                    table_id=table_id,
                    idea_id=idea.id,
                    participant_id=member.id,
                    desirability=5 if top else 3 + index % 2,
                    feasibility=4 if top else 3,
                    viability=4 + index % 2 if top else 2 + index % 2,
                    created_at=at + timedelta(minutes=20),
                )
            )
    ranked = sorted((first, second, third), key=lambda idea: (-dots[idea.id], idea.created_at))
    everyone = [str(member.id) for member in seated.members]
    for minutes, stage in [(15, "voting"), (35, "scoring"), (45, "choosing")]:
        db.add(
            RoundClosure(
                table_id=table_id,
                stage=ReductionStage(stage),
                decided_by=DecidedBy.majority,
                agreed_ids=everyone,
                present_count=len(everyone),
                created_at=at + timedelta(minutes=minutes),
            )
        )
    db.add(
        TableReduction(
            workshop_id=workshop.id,
            table_id=table_id,
            stage=ReductionStage.chosen,
            shortlist=[
                {"idea_id": str(idea.id), "place": place, "decided_by": "votes"}
                for place, idea in enumerate(ranked, start=1)
            ],
            proposal_idea_id=first.id,
            created_at=at,
            updated_at=at + timedelta(minutes=45),
        )
    )
    db.add(
        TableChoice(
            workshop_id=workshop.id,
            table_id=table_id,
            idea_id=first.id,
            decided_by=DecidedBy.majority,
            created_at=at + timedelta(minutes=45),
        )
    )
    db.flush()
