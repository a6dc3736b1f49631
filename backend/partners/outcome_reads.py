"""Outcome indicators, measurements and barrier counts of published sessions, as partners see
them. A count of one to four people is suppressed (METHOD.md: aggregates about fewer than five
people never leave); measurement notes and who recorded them never leave at all."""

import uuid
from collections import Counter, defaultdict
from datetime import date, datetime

from sqlmodel import Session

from backend.kit.pagination import Page, PageParams, paginate
from backend.models import BarrierTag, IndicatorUnit, OutcomeIndicator, OutcomeMeasurement
from backend.partners import read_repository as repo
from backend.partners.read_schemas import (
    PartnerBarrier,
    PartnerBarriers,
    PartnerIndicator,
    PartnerMeasurement,
)
from backend.partners.service import as_utc
from backend.publishing.consent import SMALLEST_PUBLIC_GROUP


def suppressed(value: float | None, unit: IndicatorUnit) -> bool:
    return unit == IndicatorUnit.people and value is not None and 0 < value < SMALLEST_PUBLIC_GROUP


def list_indicators(
    db: Session,
    *,
    organisation_id: uuid.UUID,
    session_id: uuid.UUID | None,
    initiative_id: uuid.UUID | None,
    paging: PageParams,
) -> Page[PartnerIndicator]:
    stmt = repo.indicators(organisation_id, session_id=session_id, initiative_id=initiative_id)
    rows, cursor = paginate(db, stmt, OutcomeIndicator, paging)
    sessions = repo.initiative_sessions(db, [row.initiative_id for row in rows])
    return Page(
        items=[indicator_view(row, sessions[row.initiative_id]) for row in rows], next_cursor=cursor
    )


def indicator_view(row: OutcomeIndicator, session_id: uuid.UUID) -> PartnerIndicator:
    baseline = None if suppressed(row.baseline_value, row.unit) else row.baseline_value
    return PartnerIndicator(
        id=row.id,
        initiative_id=row.initiative_id,
        session_id=session_id,
        name=row.name,
        description=row.description,
        unit=row.unit,
        unit_label=row.unit_label,
        direction=row.direction,
        baseline_value=baseline,
        baseline_on=row.baseline_on,
        target_value=row.target_value,
        target_on=row.target_on,
        created_at=row.created_at,
    )


def list_measurements(
    db: Session,
    *,
    organisation_id: uuid.UUID,
    indicator_id: uuid.UUID | None,
    initiative_id: uuid.UUID | None,
    session_id: uuid.UUID | None,
    measured_from: date | None,
    measured_to: date | None,
    paging: PageParams,
) -> Page[PartnerMeasurement]:
    stmt = repo.current_measurements(
        organisation_id,
        indicator_id=indicator_id,
        initiative_id=initiative_id,
        session_id=session_id,
        measured_from=measured_from,
        measured_to=measured_to,
    )
    rows, cursor = paginate(db, stmt, OutcomeMeasurement, paging)
    owners = repo.indicator_owners(db, [row.indicator_id for row in rows])
    return Page(
        items=[measurement_view(row, *owners[row.indicator_id]) for row in rows], next_cursor=cursor
    )


def measurement_view(
    row: OutcomeMeasurement, initiative_id: uuid.UUID, session_id: uuid.UUID
) -> PartnerMeasurement:
    hidden = suppressed(row.value, row.unit)
    return PartnerMeasurement(
        id=row.id,
        indicator_id=row.indicator_id,
        initiative_id=initiative_id,
        session_id=session_id,
        value=None if hidden else row.value,
        suppressed=hidden,
        unit=row.unit,
        measured_on=row.measured_on,
        source=row.source,
        created_at=row.created_at,
    )


def barriers(
    db: Session,
    *,
    organisation_id: uuid.UUID,
    session_id: uuid.UUID | None,
    starts_from: datetime | None,
    starts_to: datetime | None,
) -> PartnerBarriers:
    pitches = repo.current_pitches(
        db,
        organisation_id,
        session_id=session_id,
        starts_from=as_utc(starts_from),
        starts_to=as_utc(starts_to),
    )
    pitch_counts: Counter[BarrierTag] = Counter()
    sessions: dict[BarrierTag, set[uuid.UUID]] = defaultdict(set)
    known = set(BarrierTag)
    for pitch in pitches:
        for tag in {BarrierTag(t) for t in pitch.barrier_tags if t in known}:
            pitch_counts[tag] += 1
            sessions[tag].add(pitch.workshop_id)
    ordered = sorted(BarrierTag, key=lambda tag: (-pitch_counts[tag], list(BarrierTag).index(tag)))
    return PartnerBarriers(
        barriers=[
            PartnerBarrier(tag=tag, pitch_count=pitch_counts[tag], session_count=len(sessions[tag]))
            for tag in ordered
        ],
        other_barrier_count=sum(len(p.barriers_other) for p in pitches),
        pitch_count=len(pitches),
        session_count=len({p.workshop_id for p in pitches}),
    )
