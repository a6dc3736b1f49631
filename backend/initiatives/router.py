"""Initiatives: ideas taken forward from a session, which outlive it. Their stewards and action
plans are in the routers included below."""

from fastapi import APIRouter, Query, Response, status

from backend.deps import DbSession, Paging
from backend.errors import problem_responses
from backend.initiatives import momentum, service, views
from backend.initiatives import repository as repo
from backend.initiatives.access import InitiativeEditor, InitiativeReader
from backend.initiatives.action_routes import router as action_router
from backend.initiatives.http import QUIET_DEFAULT, IfMatch, QuietDays
from backend.initiatives.schemas import (
    ForwardCandidates,
    InitiativeCreate,
    InitiativeDetail,
    InitiativePublic,
    InitiativeUpdate,
    MomentumRead,
    OrganisationMomentum,
)
from backend.initiatives.steward_routes import router as steward_router
from backend.kit.pagination import Page, paginate
from backend.models import Initiative, InitiativeStatus
from backend.organisations.access import OrganisationReader
from backend.workshops.access import SessionsReader, SessionsWriter

router = APIRouter(tags=["initiatives"])
ERRORS = problem_responses(401, 403, 404)


@router.post(
    "/sessions/{session_id}/initiatives",
    name="initiatives-create",
    status_code=status.HTTP_201_CREATED,
    responses=problem_responses(401, 403, 404, 409),
)
def create_initiative(
    data: InitiativeCreate, access: SessionsWriter, db: DbSession, response: Response
) -> InitiativePublic:
    """Take an idea forward: a table's chosen idea, or any visible idea of the session (e.g. one
    made by combining ideas of several tables). Open from the `storyboard` phase on, once the
    tables' choices are settled (422 `initiatives_not_open` before). The title defaults to the
    idea's text. One initiative per idea: 409 `idea_already_forward` for a second."""
    initiative = service.take_forward(
        db, workshop=access.workshop, facilitator=access.facilitator, data=data
    )
    response.headers["ETag"] = service.etag(initiative.version)
    return views.initiative_public(initiative)


@router.get("/sessions/{session_id}/initiatives", name="initiatives-session-list", responses=ERRORS)
def list_session_initiatives(
    access: SessionsReader, db: DbSession, paging: Paging
) -> Page[InitiativePublic]:
    """The initiatives taken forward from this session, oldest first."""
    rows, cursor = paginate(db, repo.session_initiatives(access.workshop.id), Initiative, paging)
    return Page(items=[views.initiative_public(row) for row in rows], next_cursor=cursor)


@router.get(
    "/sessions/{session_id}/initiative-candidates",
    name="initiatives-candidates",
    responses=ERRORS,
)
def list_candidates(access: SessionsReader, db: DbSession) -> ForwardCandidates:
    """Each table's current chosen idea, by table number, with the initiative made from it."""
    return service.candidates(db, access.workshop)


@router.get(
    "/organisations/{organisation_id}/initiatives", name="initiatives-list", responses=ERRORS
)
def list_initiatives(
    access: OrganisationReader,
    db: DbSession,
    paging: Paging,
    status: InitiativeStatus | None = Query(default=None, description="Only this status"),
) -> Page[InitiativePublic]:
    """The organisation's initiatives from all its sessions, oldest first."""
    stmt = repo.organisation_initiatives(access.organisation.id, status)
    rows, cursor = paginate(db, stmt, Initiative, paging)
    return Page(items=[views.initiative_public(row) for row in rows], next_cursor=cursor)


@router.get("/initiatives/{initiative_id}", name="initiatives-read", responses=ERRORS)
def read_initiative(
    access: InitiativeReader, db: DbSession, response: Response
) -> InitiativeDetail:
    """One initiative with its steward and members (for its organisation's facilitators and its
    steward members). The ETag header is its version."""
    response.headers["ETag"] = service.etag(access.initiative.version)
    return views.initiative_detail(db, access)


@router.patch(
    "/initiatives/{initiative_id}",
    name="initiatives-update",
    responses=problem_responses(401, 403, 404, 412, 428),
)
def update_initiative(
    data: InitiativeUpdate,
    access: InitiativeEditor,
    db: DbSession,
    response: Response,
    if_match: IfMatch = None,
) -> InitiativeDetail:
    """Change the title, summary or status (`active`, `paused`, `completed`, `stopped`). Needs
    `If-Match` with the ETag you last saw: 428 without it, 412 when someone changed it since."""
    service.update(db, access=access, data=data, if_match=if_match)
    response.headers["ETag"] = service.etag(access.initiative.version)
    return views.initiative_detail(db, access)


@router.get("/initiatives/{initiative_id}/momentum", name="initiatives-momentum", responses=ERRORS)
def read_momentum(
    access: InitiativeReader, db: DbSession, quiet_days: QuietDays = QUIET_DEFAULT
) -> MomentumRead:
    """Overdue actions (due date passed, not done), whether it is quiet (active, no update of any
    kind for `quiet_days` days), its last activity and its actions counted by status."""
    found, now = momentum.initiative_momentum(db, access.initiative, quiet_days=quiet_days)
    return MomentumRead(**found.model_dump(), quiet_days=quiet_days, as_of=now)


@router.get(
    "/organisations/{organisation_id}/momentum",
    name="initiatives-momentum-organisation",
    responses=ERRORS,
)
def read_organisation_momentum(
    access: OrganisationReader,
    db: DbSession,
    paging: Paging,
    quiet_days: QuietDays = QUIET_DEFAULT,
    status: InitiativeStatus | None = Query(default=None, description="Only this status"),
) -> OrganisationMomentum:
    """Momentum across the organisation: totals (initiatives, quiet ones, overdue actions) and
    each initiative's momentum, a page at a time (same order as the initiatives list)."""
    return momentum.organisation_momentum(
        db,
        organisation_id=access.organisation.id,
        status=status,
        quiet_days=quiet_days,
        paging=paging,
    )


router.include_router(steward_router)
router.include_router(action_router)
