"""For partner systems: a published session's results, and the initiatives that came from
published sessions with their action plans. Nothing of an unpublished session, nothing that names
a participant."""

import uuid
from datetime import datetime
from typing import Annotated

from fastapi import APIRouter, Depends, Query
from fastapi.responses import Response

from backend.deps import DbSession, Paging
from backend.errors import problem_responses
from backend.kit.pagination import Page
from backend.partners import reads
from backend.partners.auth import PartnerCaller, SessionsPartner, require_partner_scope
from backend.partners.csv_output import FormatParam, ListFormat, csv_response, list_responses
from backend.partners.read_schemas import PartnerAction, PartnerInitiative, PartnerResults

router = APIRouter(tags=["partners"])
InitiativesPartner = Annotated[PartnerCaller, Depends(require_partner_scope("initiatives:read"))]
SessionFilter = Annotated[uuid.UUID | None, Query(description="Only this published session's")]


@router.get(
    "/partner/sessions/{session_id}/results",
    name="partners-session-results-read",
    responses=problem_responses(401, 403, 404, 429),
)
def read_results(session_id: uuid.UUID, caller: SessionsPartner, db: DbSession) -> PartnerResults:
    """For partner systems (scope `sessions:read`): a published session's results: per table
    its number of ideas, its chosen idea (its words withheld when their author did not agree to
    publishing), the barriers and kinds of help its pitch named; and the initiatives that came
    from it. Never a participant's name; the number of participants only from five up. 404 for an
    unpublished session or another organisation's."""
    return reads.session_results(db, organisation_id=caller.organisation.id, session_id=session_id)


@router.get(
    "/partner/initiatives",
    name="partners-initiatives-list",
    response_model=Page[PartnerInitiative],
    responses=list_responses(401, 403, 429),
)
def list_initiatives(
    caller: InitiativesPartner,
    db: DbSession,
    paging: Paging,
    session_id: SessionFilter = None,
    created_from: Annotated[
        datetime | None, Query(alias="from", description="Created at or after this (UTC default)")
    ] = None,
    created_to: Annotated[
        datetime | None, Query(alias="to", description="Created before this (UTC default)")
    ] = None,
    format: FormatParam = ListFormat.json,
) -> Page[PartnerInitiative] | Response:
    """For partner systems (scope `initiatives:read`): initiatives of the organisation's
    published sessions, oldest first, with their status and steward. Steward members appear by
    role unless they agreed to be named. `?format=csv` answers one page as CSV, the next cursor
    in the `X-Next-Cursor` header."""
    page = reads.list_initiatives(
        db,
        organisation_id=caller.organisation.id,
        session_id=session_id,
        created_from=created_from,
        created_to=created_to,
        paging=paging,
    )
    if format is ListFormat.csv:
        return csv_response(
            INITIATIVE_COLUMNS, [_initiative_row(item) for item in page.items], page.next_cursor
        )
    return page


INITIATIVE_COLUMNS = [
    "id",
    "session_id",
    "title",
    "summary",
    "words_withheld",
    "status",
    "steward_kind",
    "steward_name",
    "steward_members",
    "created_at",
    "updated_at",
]


def _initiative_row(item: PartnerInitiative) -> list[object]:
    steward = item.steward
    return [
        item.id,
        item.session_id,
        item.title,
        item.summary,
        item.words_withheld,
        item.status,
        steward.kind if steward else None,
        steward.name if steward else None,
        [member.label for member in steward.members] if steward else None,
        item.created_at,
        item.updated_at,
    ]


@router.get(
    "/partner/initiatives/{initiative_id}/actions",
    name="partners-initiative-actions-list",
    response_model=list[PartnerAction],
    responses=list_responses(401, 403, 404, 429),
)
def list_actions(
    initiative_id: uuid.UUID,
    caller: InitiativesPartner,
    db: DbSession,
    format: FormatParam = ListFormat.json,
) -> list[PartnerAction] | Response:
    """For partner systems (scope `initiatives:read`): an initiative's action plan in order:
    each action's title, owner (by role unless they agreed to be named), due date and status;
    never update notes or who wrote them. 404 unless the initiative came from a published session
    of the organisation. `?format=csv` answers as CSV."""
    actions = reads.list_actions(
        db, organisation_id=caller.organisation.id, initiative_id=initiative_id
    )
    if format is ListFormat.csv:
        columns = list(PartnerAction.model_fields)
        return csv_response(columns, [[getattr(a, c) for c in columns] for a in actions])
    return actions
