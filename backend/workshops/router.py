"""Sessions (workshops): create, list, edit, archive; phases; the phase timer; join codes."""

import uuid
from typing import Annotated

from fastapi import APIRouter, Path, Query, Request, Response

from backend.deps import (
    AppSettings,
    DbSession,
    Limiter,
    Paging,
    SessionsFacilitatorReader,
    SessionsFacilitatorWriter,
)
from backend.errors import AppError, problem_responses
from backend.kit.pagination import Page, paginate
from backend.models import PhaseChange, Workshop
from backend.workshops import phases, repository, service
from backend.workshops.access import SessionsReader, SessionsWriter
from backend.workshops.errors import OrganisationNotFound
from backend.workshops.join_codes import (
    client_key_for,
    join_problem_response,
    join_qr_svg,
    join_url,
    resolve_join_code,
)
from backend.workshops.schemas import (
    JoinPreview,
    PhaseChangePublic,
    PhaseChangeRequest,
    SessionCreate,
    SessionPublic,
    SessionUpdate,
    TimerExtend,
    TimerPublic,
    TimerStart,
)
from backend.workshops.timer import timer_public
from backend.workshops.views import join_preview, session_public

router = APIRouter(tags=["sessions"])

Reader = SessionsFacilitatorReader
Writer = SessionsFacilitatorWriter
SessionRead = SessionsReader
SessionWrite = SessionsWriter

READ_ERRORS = problem_responses(401, 403, 404)
WRITE_ERRORS = problem_responses(401, 403, 404, 409)


@router.post("/sessions", status_code=201, name="sessions-create", responses=WRITE_ERRORS)
def create_session(
    body: SessionCreate, db: DbSession, settings: AppSettings, user: Writer
) -> SessionPublic:
    """Create a session in one of your organisations, in the engage phase, with a fresh join
    code. 404 `organisation_not_found` when you are not a member of `organisation_id`."""
    workshop = service.create_workshop(db=db, user=user.user, data=body)
    return session_public(workshop, settings)


@router.get("/sessions", name="sessions-list", responses=READ_ERRORS)
def list_sessions(
    db: DbSession,
    settings: AppSettings,
    paging: Paging,
    user: Reader,
    organisation_id: Annotated[uuid.UUID | None, Query()] = None,
    include_archived: bool = False,
) -> Page[SessionPublic]:
    """Sessions of your organisations (or of one of them), oldest first."""
    user_id = user.user.id
    if organisation_id is not None and not repository.is_member(
        db, user_id=user_id, organisation_id=organisation_id
    ):
        raise OrganisationNotFound()
    stmt = repository.workshops_of_user(
        user_id=user_id, organisation_id=organisation_id, include_archived=include_archived
    )
    rows, cursor = paginate(db, stmt, Workshop, paging)
    return Page(items=[session_public(w, settings) for w in rows], next_cursor=cursor)


@router.get("/sessions/{session_id}", name="sessions-read", responses=READ_ERRORS)
def read_session(access: SessionRead, settings: AppSettings) -> SessionPublic:
    """One session, with its phase, timer and join code."""
    return session_public(access.workshop, settings)


@router.patch("/sessions/{session_id}", name="sessions-update", responses=WRITE_ERRORS)
def update_session(
    body: SessionUpdate, access: SessionWrite, db: DbSession, settings: AppSettings
) -> SessionPublic:
    """Change some of a session's details. 409 `session_archived` when archived."""
    workshop = service.update_workshop(db=db, workshop=access.workshop, data=body)
    return session_public(workshop, settings)


@router.post("/sessions/{session_id}/archive", name="sessions-archive", responses=WRITE_ERRORS)
def archive_session(access: SessionWrite, db: DbSession, settings: AppSettings) -> SessionPublic:
    """Archive the session: it becomes read-only and its join code stops working."""
    return session_public(service.archive(db=db, workshop=access.workshop), settings)


@router.post("/sessions/{session_id}/unarchive", name="sessions-unarchive", responses=WRITE_ERRORS)
def unarchive_session(access: SessionWrite, db: DbSession, settings: AppSettings) -> SessionPublic:
    """Make an archived session editable again (its join code works again until it expires)."""
    return session_public(service.unarchive(db=db, workshop=access.workshop), settings)


@router.post("/sessions/{session_id}/phase", name="sessions-change-phase", responses=WRITE_ERRORS)
def change_phase(
    body: PhaseChangeRequest, access: SessionWrite, db: DbSession, settings: AppSettings
) -> SessionPublic:
    """Move one phase forward, or one phase back (a `reason` is then required); recorded in the
    phase history, and the phase timer is cleared. Any other move is 422
    `phase_transition_invalid`, naming the phases allowed from here."""
    workshop = access.workshop
    phases.change_phase(
        db=db, workshop=workshop, to=body.to, reason=body.reason, user=access.facilitator.user
    )
    return session_public(workshop, settings)


@router.get(
    "/sessions/{session_id}/phase-history", name="sessions-phase-history", responses=READ_ERRORS
)
def phase_history(access: SessionRead, db: DbSession, paging: Paging) -> Page[PhaseChangePublic]:
    """Every phase change of the session, oldest first: from, to, reason and who."""
    stmt = repository.phase_history(workshop_id=access.workshop.id)
    rows, cursor = paginate(db, stmt, PhaseChange, paging)
    return Page(
        items=[PhaseChangePublic.model_validate(r, from_attributes=True) for r in rows],
        next_cursor=cursor,
    )


@router.put("/sessions/{session_id}/timer", name="sessions-timer-start", responses=WRITE_ERRORS)
def start_timer(body: TimerStart, access: SessionWrite, db: DbSession) -> TimerPublic:
    """Start (or restart) the current phase's countdown."""
    workshop = access.workshop
    now = service.start_timer(db=db, workshop=workshop, duration_seconds=body.duration_seconds)
    return timer_public(workshop, now)


@router.post(
    "/sessions/{session_id}/timer/pause", name="sessions-timer-pause", responses=WRITE_ERRORS
)
def pause_timer(access: SessionWrite, db: DbSession) -> TimerPublic:
    """Pause a running countdown. 409 `timer_state` when it is not running."""
    workshop = access.workshop
    return timer_public(workshop, service.pause_timer(db=db, workshop=workshop))


@router.post(
    "/sessions/{session_id}/timer/resume", name="sessions-timer-resume", responses=WRITE_ERRORS
)
def resume_timer(access: SessionWrite, db: DbSession) -> TimerPublic:
    """Resume a paused countdown. 409 `timer_state` when it is not paused."""
    workshop = access.workshop
    return timer_public(workshop, service.resume_timer(db=db, workshop=workshop))


@router.post(
    "/sessions/{session_id}/timer/extend", name="sessions-timer-extend", responses=WRITE_ERRORS
)
def extend_timer(body: TimerExtend, access: SessionWrite, db: DbSession) -> TimerPublic:
    """Add time to a running or paused countdown; an expired one runs again for `seconds`.
    409 `timer_state` when there is no timer."""
    workshop = access.workshop
    now = service.extend_timer(db=db, workshop=workshop, seconds=body.seconds)
    return timer_public(workshop, now)


@router.delete(
    "/sessions/{session_id}/timer",
    status_code=204,
    name="sessions-timer-clear",
    responses=WRITE_ERRORS,
)
def clear_timer(access: SessionWrite, db: DbSession) -> None:
    """Remove the countdown."""
    service.clear_timer(db=db, workshop=access.workshop)


@router.post(
    "/sessions/{session_id}/join-code/rotate",
    name="sessions-join-code-rotate",
    responses=WRITE_ERRORS,
)
def rotate_join_code(access: SessionWrite, db: DbSession, settings: AppSettings) -> SessionPublic:
    """Give the session a new join code; the old one stops working at once (people already in
    stay in)."""
    workshop = service.rotate_join_code(db=db, workshop=access.workshop)
    return session_public(workshop, settings)


@router.get(
    "/sessions/{session_id}/join-qr.svg",
    name="sessions-join-qr",
    response_class=Response,
    responses={200: {"content": {"image/svg+xml": {}}}, **READ_ERRORS},
)
def join_qr(access: SessionRead, settings: AppSettings) -> Response:
    """A QR code (SVG, black on white, sized for a projector) of the session's join link."""
    url = join_url(settings, access.workshop.join_code)
    return Response(join_qr_svg(url), media_type="image/svg+xml")


@router.get(
    "/join/{code}",
    name="join-preview",
    response_model=JoinPreview,
    responses=problem_responses(404, 429),
)
def preview_join(
    code: Annotated[str, Path(max_length=40, description="The join code (any case)")],
    request: Request,
    response: Response,
    db: DbSession,
    limiter: Limiter,
    settings: AppSettings,
) -> JoinPreview | Response:
    """What a session a join code opens is about, before joining (no sign-in needed).
    404 `join_code_invalid` for an unknown, expired or archived code alike; 429
    `too_many_join_attempts` (with Retry-After) after too many wrong codes from this device or
    for this code."""
    client_key = client_key_for(request, response)
    try:
        workshop = resolve_join_code(
            db, code=code, limiter=limiter, settings=settings, client_key=client_key
        )
    except AppError as error:
        return join_problem_response(request, response, error)
    return join_preview(workshop)
