"""The partner read queries. Every one starts from the organisation's published sessions:
nothing of an unpublished session, or of another organisation, is ever selected."""

import uuid
from collections import defaultdict
from datetime import date, datetime

from sqlmodel import Session, col, select
from sqlmodel.sql.expression import SelectOfScalar

from backend.combinations.carried import carried_ideas_in
from backend.models import (
    Idea,
    Initiative,
    OutcomeIndicator,
    OutcomeMeasurement,
    Participant,
    Pitch,
    Publication,
    Steward,
    StewardMember,
    Workshop,
)


def published_session_ids(organisation_id: uuid.UUID) -> SelectOfScalar[uuid.UUID]:
    return (
        select(Workshop.id)
        .join(Publication, col(Publication.workshop_id) == Workshop.id)
        .where(
            Workshop.organisation_id == organisation_id,
            col(Publication.published_at).is_not(None),
        )
    )


def published_session(
    db: Session, organisation_id: uuid.UUID, session_id: uuid.UUID
) -> Workshop | None:
    return db.exec(
        select(Workshop).where(
            col(Workshop.id).in_(published_session_ids(organisation_id)),
            Workshop.id == session_id,
        )
    ).first()


def initiatives(
    organisation_id: uuid.UUID,
    *,
    session_id: uuid.UUID | None = None,
    created_from: datetime | None = None,
    created_to: datetime | None = None,
) -> SelectOfScalar[Initiative]:
    stmt = select(Initiative).where(
        Initiative.organisation_id == organisation_id,
        col(Initiative.workshop_id).in_(published_session_ids(organisation_id)),
    )
    if session_id is not None:
        stmt = stmt.where(Initiative.workshop_id == session_id)
    if created_from is not None:
        stmt = stmt.where(Initiative.created_at >= created_from)
    if created_to is not None:
        stmt = stmt.where(Initiative.created_at < created_to)
    return stmt


def initiative(
    db: Session, organisation_id: uuid.UUID, initiative_id: uuid.UUID
) -> Initiative | None:
    return db.exec(initiatives(organisation_id).where(Initiative.id == initiative_id)).first()


def session_initiatives(db: Session, workshop_id: uuid.UUID) -> list[Initiative]:
    return list(
        db.exec(
            select(Initiative)
            .where(Initiative.workshop_id == workshop_id)
            .order_by(col(Initiative.created_at), col(Initiative.id))
        ).all()
    )


def idea_authors(db: Session, initiatives: list[Initiative]) -> dict[uuid.UUID, Participant | None]:
    """The author of each initiative's source idea (None: typed in by a facilitator)."""
    idea_ids = [i.idea_id for i in initiatives if i.idea_id is not None]
    rows = db.exec(
        select(Idea.id, Participant)
        .outerjoin(Participant, col(Participant.id) == Idea.author_id)
        .where(col(Idea.id).in_(idea_ids))
    ).all()
    return {idea_id: author for idea_id, author in rows}


def stewards(db: Session, initiative_ids: list[uuid.UUID]) -> dict[uuid.UUID, Steward]:
    rows = db.exec(select(Steward).where(col(Steward.initiative_id).in_(initiative_ids))).all()
    return {row.initiative_id: row for row in rows}


def current_members(
    db: Session, initiative_ids: list[uuid.UUID]
) -> dict[uuid.UUID, list[StewardMember]]:
    rows = db.exec(
        select(StewardMember)
        .where(
            col(StewardMember.initiative_id).in_(initiative_ids),
            col(StewardMember.removed_at).is_(None),
        )
        .order_by(col(StewardMember.created_at), col(StewardMember.id))
    ).all()
    found: dict[uuid.UUID, list[StewardMember]] = defaultdict(list)
    for row in rows:
        found[row.initiative_id].append(row)
    return found


def _published_initiative_ids(
    organisation_id: uuid.UUID, session_id: uuid.UUID | None, initiative_id: uuid.UUID | None
) -> SelectOfScalar[uuid.UUID]:
    stmt = select(Initiative.id).where(
        Initiative.organisation_id == organisation_id,
        col(Initiative.workshop_id).in_(published_session_ids(organisation_id)),
    )
    if session_id is not None:
        stmt = stmt.where(Initiative.workshop_id == session_id)
    if initiative_id is not None:
        stmt = stmt.where(Initiative.id == initiative_id)
    return stmt


def indicators(
    organisation_id: uuid.UUID,
    *,
    session_id: uuid.UUID | None = None,
    initiative_id: uuid.UUID | None = None,
) -> SelectOfScalar[OutcomeIndicator]:
    published = _published_initiative_ids(organisation_id, session_id, initiative_id)
    return select(OutcomeIndicator).where(col(OutcomeIndicator.initiative_id).in_(published))


def current_measurements(
    organisation_id: uuid.UUID,
    *,
    indicator_id: uuid.UUID | None = None,
    initiative_id: uuid.UUID | None = None,
    session_id: uuid.UUID | None = None,
    measured_from: date | None = None,
    measured_to: date | None = None,
) -> SelectOfScalar[OutcomeMeasurement]:
    """Measurements still in the series: corrected and withdrawn ones are left out."""
    indicator_ids = select(OutcomeIndicator.id).where(
        col(OutcomeIndicator.initiative_id).in_(
            _published_initiative_ids(organisation_id, session_id, initiative_id)
        )
    )
    stmt = select(OutcomeMeasurement).where(
        col(OutcomeMeasurement.indicator_id).in_(indicator_ids),
        col(OutcomeMeasurement.replaced_by_id).is_(None),
        col(OutcomeMeasurement.retired_at).is_(None),
    )
    if indicator_id is not None:
        stmt = stmt.where(OutcomeMeasurement.indicator_id == indicator_id)
    if measured_from is not None:
        stmt = stmt.where(OutcomeMeasurement.measured_on >= measured_from)
    if measured_to is not None:
        stmt = stmt.where(OutcomeMeasurement.measured_on <= measured_to)
    return stmt


def indicator_owners(
    db: Session, indicator_ids: list[uuid.UUID]
) -> dict[uuid.UUID, tuple[uuid.UUID, uuid.UUID]]:
    """Each indicator's (initiative id, session id)."""
    rows = db.exec(
        select(OutcomeIndicator.id, Initiative.id, Initiative.workshop_id)
        .join(Initiative, col(Initiative.id) == OutcomeIndicator.initiative_id)
        .where(col(OutcomeIndicator.id).in_(indicator_ids))
    ).all()
    return {indicator: (initiative_id, workshop) for indicator, initiative_id, workshop in rows}


def initiative_sessions(db: Session, initiative_ids: list[uuid.UUID]) -> dict[uuid.UUID, uuid.UUID]:
    rows = db.exec(
        select(Initiative.id, Initiative.workshop_id).where(col(Initiative.id).in_(initiative_ids))
    ).all()
    return {initiative_id: workshop for initiative_id, workshop in rows}


def current_pitches(
    db: Session,
    organisation_id: uuid.UUID,
    *,
    session_id: uuid.UUID | None = None,
    starts_from: datetime | None = None,
    starts_to: datetime | None = None,
) -> list[Pitch]:
    """Each table's current pitch in the organisation's published sessions starting in the
    range: the pitch of the idea the table carries now. A table that reopened its choice has
    none until it pitches its new idea (its earlier pitch stays on record, not current)."""
    sessions = published_session_ids(organisation_id)
    if session_id is not None:
        sessions = sessions.where(Workshop.id == session_id)
    if starts_from is not None:
        sessions = sessions.where(Workshop.starts_at >= starts_from)
    if starts_to is not None:
        sessions = sessions.where(Workshop.starts_at < starts_to)
    rows = db.exec(
        select(Pitch)
        .where(col(Pitch.workshop_id).in_(sessions))
        .order_by(col(Pitch.created_at), col(Pitch.id))
    ).all()
    carried = carried_ideas_in(db, {pitch.workshop_id for pitch in rows})
    return [pitch for pitch in rows if carried.get(pitch.table_id) == pitch.idea_id]
