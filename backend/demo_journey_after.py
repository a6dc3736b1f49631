"""What the journey demo's tables did after choosing: storyboards, pitches and responses, then the
initiatives that outlived the session (stewards, action plans, outcome indicators with
measurements) and the participants' feedback on the session."""

import uuid
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from sqlmodel import Session

from backend.config import Settings
from backend.demo_journey_initiatives import (
    FEEDBACK,
    INITIATIVES,
    InitiativeSpec,
)
from backend.demo_journey_pictures import ALT, store_picture
from backend.demo_journey_plans import PITCHES, RESPONSES, STORYBOARDS
from backend.kit.clock import utcnow
from backend.models import (
    ActionStatus,
    ActionUpdate,
    Direction,
    Idea,
    IndicatorUnit,
    Initiative,
    InitiativeAction,
    OutcomeIndicator,
    OutcomeMeasurement,
    Participant,
    Pitch,
    PitchResponse,
    ResponseKind,
    SessionFeedback,
    Steward,
    StewardKind,
    StewardMember,
    Storyboard,
    StoryboardFrame,
    UploadedImage,
    Workshop,
    WorkshopTable,
)

RECORDER = "Demo Facilitator"


@dataclass
class SeatedTable:
    """One table as written: its row, members and ideas (in the order of its `TableSpec`)."""

    table: WorkshopTable
    members: list[Participant]
    ideas: list[Idea]
    chosen: Idea


def write_after(
    db: Session,
    settings: Settings,
    *,
    workshop: Workshop,
    tables: list[SeatedTable],
    user_id: uuid.UUID,
    day: datetime,
) -> None:
    pitches = []
    for index, seated in enumerate(tables):
        picture = store_picture(
            db, settings, workshop=workshop, table=seated.table, uploader_id=seated.members[0].id
        )
        _storyboard(db, workshop, seated, STORYBOARDS[index], picture, day + timedelta(hours=3))
        pitches.append(_pitch(db, workshop, seated, index, day + timedelta(hours=4)))
    db.flush()
    for responder, pitcher, kind, body, capitals, reply in RESPONSES:
        db.add(
            PitchResponse(
                workshop_id=workshop.id,
                pitch_id=pitches[pitcher].id,
                table_id=tables[responder].table.id,
                kind=ResponseKind(kind),
                body=body,
                capitals=capitals,
                author_participant_id=tables[responder].members[0].id,
                reply=reply,
                replied_by_participant_id=tables[pitcher].members[0].id if reply else None,
                replied_at=day + timedelta(hours=4, minutes=40) if reply else None,
                created_at=day + timedelta(hours=4, minutes=30),
            )
        )
    for seated, spec in zip(tables, INITIATIVES, strict=True):
        _initiative(db, workshop, seated, spec, user_id, day + timedelta(hours=5, minutes=30))
    for table, member, heard, equal, trusted, comment in FEEDBACK:
        db.add(
            SessionFeedback(
                workshop_id=workshop.id,
                participant_id=tables[table].members[member].id,
                felt_heard=heard,
                felt_equal=equal,
                trusted_process=trusted,
                comment=comment,
                created_at=day + timedelta(hours=6),
            )
        )
    db.flush()


def _storyboard(
    db: Session,
    workshop: Workshop,
    seated: SeatedTable,
    frames: list[tuple[str, str, str, str]],
    picture: UploadedImage,
    at: datetime,
) -> None:
    board = Storyboard(
        workshop_id=workshop.id,
        table_id=seated.table.id,
        idea_id=seated.chosen.id,
        version=len(frames),
        created_at=at,
        updated_at=at + timedelta(minutes=len(frames) * 5),
    )
    db.add(board)
    db.flush()
    for position, (title, what_happens, who, where) in enumerate(frames):
        author = seated.members[position % len(seated.members)].id
        db.add(
            StoryboardFrame(
                storyboard_id=board.id,
                position=position,
                title=title,
                what_happens=what_happens,
                who=who,
                where=where,
                image_id=picture.id if position == 0 else None,
                image_alt=ALT if position == 0 else None,
                created_by_participant_id=author,
                updated_by_participant_id=author,
                created_at=at + timedelta(minutes=position * 5),
            )
        )


def _pitch(db: Session, workshop: Workshop, seated: SeatedTable, index: int, at: datetime) -> Pitch:
    what, why, tags, other, asks = PITCHES[index]
    pitch = Pitch(
        workshop_id=workshop.id,
        table_id=seated.table.id,
        idea_id=seated.chosen.id,
        what=what,
        why=why,
        barrier_tags=tags,
        barriers_other=other,
        asks=[{"capital": capital, "note": note} for capital, note in asks.items()],
        updated_by_participant_id=seated.members[1].id,
        created_at=at,
        updated_at=at,
    )
    db.add(pitch)
    return pitch


def _initiative(
    db: Session,
    workshop: Workshop,
    seated: SeatedTable,
    spec: InitiativeSpec,
    user_id: uuid.UUID,
    at: datetime,
) -> None:
    today = utcnow().date()
    initiative = Initiative(
        organisation_id=workshop.organisation_id,
        workshop_id=workshop.id,
        table_id=seated.table.id,
        idea_id=seated.chosen.id,
        title=spec.title,
        summary=spec.summary,
        created_by_id=user_id,
        created_at=at,
        last_activity_at=utcnow() - timedelta(days=3),
    )
    db.add(initiative)
    db.flush()
    steward = Steward(
        initiative_id=initiative.id,
        kind=StewardKind(spec.steward_kind),
        name=spec.steward_name,
        description=spec.steward_description,
        created_at=at,
    )
    db.add(steward)
    db.flush()
    for name, role, named in spec.members:
        db.add(
            StewardMember(
                steward_id=steward.id,
                initiative_id=initiative.id,
                display_name=name,
                role_label=role,
                agreed_to_be_named=named,
                created_at=at,
            )
        )
    for position, plan in enumerate(spec.actions):
        status = ActionStatus(plan.status)
        action = InitiativeAction(
            initiative_id=initiative.id,
            title=plan.title,
            owner_role=plan.owner_role,
            owner_name=plan.owner_name,
            owner_agreed_to_be_named=plan.owner_name is not None,
            due_on=today + timedelta(days=plan.due_in_days),
            status=status,
            position=position,
            version=1 if status == ActionStatus.todo else 2,
            created_by_id=user_id,
            created_at=at,
        )
        db.add(action)
        db.flush()
        if status != ActionStatus.todo:
            db.add(
                ActionUpdate(
                    action_id=action.id,
                    initiative_id=initiative.id,
                    note=plan.note,
                    from_status=ActionStatus.todo,
                    to_status=status,
                    author_user_id=user_id,
                    author_name=RECORDER,
                    created_at=_when(action.due_on, today),
                )
            )
    for position, indicator in enumerate(spec.indicators):
        oldest = max(days for days, _ in indicator.series)
        row = OutcomeIndicator(
            initiative_id=initiative.id,
            name=indicator.name,
            description=indicator.description,
            unit=IndicatorUnit(indicator.unit),
            unit_label=indicator.unit_label,
            direction=Direction(indicator.direction),
            baseline_value=indicator.baseline,
            baseline_on=today - timedelta(days=oldest),
            target_value=indicator.target,
            target_on=today + timedelta(days=180),
            position=position,
            created_by_id=user_id,
            created_at=at,
        )
        db.add(row)
        db.flush()
        for days, value in indicator.series:
            db.add(
                OutcomeMeasurement(
                    indicator_id=row.id,
                    value=value,
                    unit=row.unit,
                    measured_on=today - timedelta(days=days),
                    source=indicator.source,
                    recorded_by_id=user_id,
                    recorded_by_name=RECORDER,
                    created_at=utcnow() - timedelta(days=max(days - 2, 0)),
                )
            )


def _when(due_on: date | None, today: date) -> datetime:
    """When an action's update was written: by its due date, and never in the future."""
    moment = min(due_on or today, today) - timedelta(days=2)
    return datetime(moment.year, moment.month, moment.day, 12, tzinfo=utcnow().tzinfo)
