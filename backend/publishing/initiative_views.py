"""The initiatives of a published session as anyone sees them, built from the partner reads: the
same words withheld, the same stewards by role, the same small counts suppressed, and never a
measurement's note or who recorded it."""

import uuid
from collections import defaultdict
from datetime import date

from sqlmodel import Session, col

from backend.models import ActionStatus, OutcomeIndicator, OutcomeMeasurement, Workshop
from backend.outcomes.units import progress_fraction
from backend.partners import read_repository as partner_reads
from backend.partners.outcome_reads import indicator_view, measurement_view
from backend.partners.reads import shown_words, steward_view
from backend.publishing import repository as repo
from backend.publishing.initiative_schemas import (
    PublicActionCounts,
    PublicIndicator,
    PublicInitiative,
    PublicInitiatives,
    PublicPlanSummary,
)


def public_initiatives(db: Session, workshop: Workshop) -> PublicInitiatives:
    """In eight queries, whatever the number of initiatives, indicators and measurements."""
    initiatives = partner_reads.session_initiatives(db, workshop.id)
    ids = [i.id for i in initiatives]
    stewards = partner_reads.stewards(db, ids)
    members = partner_reads.current_members(db, ids)
    plans = _plans(db, ids)
    indicators = _indicators(db, workshop)
    numbers = {t.id: t.number for t in repo.tables(db, workshop.id)}
    items = []
    for initiative, (title, summary) in shown_words(db, initiatives):
        steward = stewards.get(initiative.id)
        items.append(
            PublicInitiative(
                id=initiative.id,
                title=title,
                summary=summary,
                words_withheld=title is None,
                status=initiative.status,
                table_number=numbers.get(initiative.table_id) if initiative.table_id else None,
                steward=steward_view(steward, members.get(initiative.id, [])) if steward else None,
                plan=plans.get(initiative.id, _plan({})),
                indicators=indicators.get(initiative.id, []),
            )
        )
    return PublicInitiatives(items=items)


def _plans(db: Session, initiative_ids: list[uuid.UUID]) -> dict[uuid.UUID, PublicPlanSummary]:
    found: dict[uuid.UUID, dict[ActionStatus, tuple[int, date | None]]] = defaultdict(dict)
    for initiative_id, status, count, due in repo.action_counts(db, initiative_ids):
        found[initiative_id][status] = (count, due)
    return {initiative_id: _plan(counts) for initiative_id, counts in found.items()}


def _plan(counts: dict[ActionStatus, tuple[int, date | None]]) -> PublicPlanSummary:
    open_dues = [due for status, (_, due) in counts.items() if status != ActionStatus.done and due]
    by_status = {status.value: counts.get(status, (0, None))[0] for status in ActionStatus}
    return PublicPlanSummary(
        action_count=sum(by_status.values()),
        counts=PublicActionCounts(**by_status),
        next_due_on=min(open_dues) if open_dues else None,
    )


def _indicators(db: Session, workshop: Workshop) -> dict[uuid.UUID, list[PublicIndicator]]:
    """Each initiative's indicators in their order, with their current measurements."""
    org = workshop.organisation_id
    rows = db.exec(
        partner_reads.indicators(org, session_id=workshop.id).order_by(
            col(OutcomeIndicator.position),
            col(OutcomeIndicator.created_at),
            col(OutcomeIndicator.id),
        )
    ).all()
    series: dict[uuid.UUID, list[OutcomeMeasurement]] = defaultdict(list)
    for measurement in db.exec(
        partner_reads.current_measurements(org, session_id=workshop.id).order_by(
            col(OutcomeMeasurement.measured_on),
            col(OutcomeMeasurement.created_at),
            col(OutcomeMeasurement.id),
        )
    ).all():
        series[measurement.indicator_id].append(measurement)
    found: dict[uuid.UUID, list[PublicIndicator]] = defaultdict(list)
    for row in rows:
        found[row.initiative_id].append(_indicator(row, workshop.id, series[row.id]))
    return found


def _indicator(
    row: OutcomeIndicator, session_id: uuid.UUID, measurements: list[OutcomeMeasurement]
) -> PublicIndicator:
    base = indicator_view(row, session_id)
    shown = [measurement_view(m, row.initiative_id, session_id) for m in measurements]
    latest = next((m for m in reversed(shown) if m.value is not None), None)
    latest_value = latest.value if latest else None
    return PublicIndicator(
        **base.model_dump(),
        position=row.position,
        updated_at=row.updated_at,
        measurement_count=len(shown),
        latest_value=latest_value,
        latest_on=latest.measured_on if latest else None,
        # From the baseline as shown: a suppressed baseline leaves no progress to reveal it by.
        progress=progress_fraction(
            row.direction, base.baseline_value, row.target_value, latest_value
        ),
        measurements=shown,
    )
