"""For partner systems: outcome indicators and measurements of initiatives from published
sessions, and how often pitches named each barrier."""

import uuid
from datetime import date, datetime
from typing import Annotated

from fastapi import APIRouter, Depends, Query
from fastapi.responses import Response

from backend.deps import DbSession, Paging
from backend.kit.pagination import Page
from backend.partners import outcome_reads
from backend.partners.auth import PartnerCaller, require_partner_scope
from backend.partners.csv_output import FormatParam, ListFormat, csv_response, list_responses
from backend.partners.read_schemas import PartnerBarriers, PartnerIndicator, PartnerMeasurement

router = APIRouter(tags=["partners"])
OutcomesPartner = Annotated[PartnerCaller, Depends(require_partner_scope("outcomes:read"))]
BarriersPartner = Annotated[PartnerCaller, Depends(require_partner_scope("barriers:read"))]
SessionFilter = Annotated[uuid.UUID | None, Query(description="Only this published session's")]
InitiativeFilter = Annotated[uuid.UUID | None, Query(description="Only this initiative's")]


@router.get(
    "/partner/indicators",
    name="partners-indicators-list",
    response_model=Page[PartnerIndicator],
    responses=list_responses(401, 403, 429),
)
def list_indicators(
    caller: OutcomesPartner,
    db: DbSession,
    paging: Paging,
    session_id: SessionFilter = None,
    initiative_id: InitiativeFilter = None,
    format: FormatParam = ListFormat.json,
) -> Page[PartnerIndicator] | Response:
    """For partner systems (scope `outcomes:read`): outcome indicators of initiatives from the
    organisation's published sessions, oldest first. A baseline of one to four people is
    suppressed (null). `?format=csv` answers one page as CSV, the next cursor in the
    `X-Next-Cursor` header."""
    page = outcome_reads.list_indicators(
        db,
        organisation_id=caller.organisation.id,
        session_id=session_id,
        initiative_id=initiative_id,
        paging=paging,
    )
    if format is ListFormat.csv:
        columns = list(PartnerIndicator.model_fields)
        rows = [[getattr(item, c) for c in columns] for item in page.items]
        return csv_response(columns, rows, page.next_cursor)
    return page


@router.get(
    "/partner/measurements",
    name="partners-measurements-list",
    response_model=Page[PartnerMeasurement],
    responses=list_responses(401, 403, 429),
)
def list_measurements(
    caller: OutcomesPartner,
    db: DbSession,
    paging: Paging,
    indicator_id: Annotated[uuid.UUID | None, Query(description="Only this indicator's")] = None,
    initiative_id: InitiativeFilter = None,
    session_id: SessionFilter = None,
    measured_from: Annotated[
        date | None, Query(alias="from", description="Measured on or after this day")
    ] = None,
    measured_to: Annotated[
        date | None, Query(alias="to", description="Measured on or before this day")
    ] = None,
    format: FormatParam = ListFormat.json,
) -> Page[PartnerMeasurement] | Response:
    """For partner systems (scope `outcomes:read`): current measurements of those indicators
    (corrected and withdrawn ones left out), oldest recorded first: value, unit, day measured
    and source. A count of one to four people is suppressed (`value` null, `suppressed` true).
    Notes are left out (free text that may name people), and so is who recorded it.
    `?format=csv` answers one page as CSV, the next cursor in the `X-Next-Cursor` header."""
    page = outcome_reads.list_measurements(
        db,
        organisation_id=caller.organisation.id,
        indicator_id=indicator_id,
        initiative_id=initiative_id,
        session_id=session_id,
        measured_from=measured_from,
        measured_to=measured_to,
        paging=paging,
    )
    if format is ListFormat.csv:
        columns = list(PartnerMeasurement.model_fields)
        rows = [[getattr(item, c) for c in columns] for item in page.items]
        return csv_response(columns, rows, page.next_cursor)
    return page


@router.get(
    "/partner/barriers",
    name="partners-barriers-list",
    response_model=PartnerBarriers,
    responses=list_responses(401, 403, 429),
)
def list_barriers(
    caller: BarriersPartner,
    db: DbSession,
    session_id: SessionFilter = None,
    starts_from: Annotated[
        datetime | None,
        Query(alias="from", description="Sessions starting at or after this (UTC default)"),
    ] = None,
    starts_to: Annotated[
        datetime | None,
        Query(alias="to", description="Sessions starting before this (UTC default)"),
    ] = None,
    format: FormatParam = ListFormat.json,
) -> PartnerBarriers | Response:
    """For partner systems (scope `barriers:read`): across the organisation's published
    sessions starting in the range, per barrier tag, how many tables' current pitches named it
    and in how many sessions. Barriers participants described in their own words are only
    counted; their words stay in the session. These are counts of pitches, not of people, so
    nothing is suppressed. `?format=csv` answers the tags as CSV (not paginated)."""
    found = outcome_reads.barriers(
        db,
        organisation_id=caller.organisation.id,
        session_id=session_id,
        starts_from=starts_from,
        starts_to=starts_to,
    )
    if format is ListFormat.csv:
        rows = [[b.tag, b.pitch_count, b.session_count] for b in found.barriers]
        rows.append(["other (own words)", found.other_barrier_count, ""])
        return csv_response(["tag", "pitch_count", "session_count"], rows)
    return found
