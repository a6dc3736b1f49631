"""Participants' own endpoints: join, rejoin, their profile and their view of the session.
The facilitators' endpoints are in `facilitator_routes.py`, included below."""

from fastapi import APIRouter, Request, Response
from fastapi.responses import JSONResponse

from backend.auth.cookies import PARTICIPANT_COOKIE, clear_credential_cookie
from backend.auth.csrf import check_origin
from backend.deps import AppSettings, CurrentParticipant, DbSession, Limiter
from backend.errors import AppError, problem_responses
from backend.kit.clock import utcnow
from backend.models import Workshop
from backend.participants import repository, service
from backend.participants.credentials import revoke_device, sign_in_device
from backend.participants.facilitator_routes import router as facilitator_router
from backend.participants.rejoin import find_rejoining
from backend.participants.schemas import (
    Credentials,
    JoinRequest,
    ParticipantSelf,
    ProfileUpdate,
    RejoinRequest,
    SessionView,
)
from backend.participants.views import session_view, to_self
from backend.workshops.join_codes import client_key_for, join_problem_response, resolve_join_code

router = APIRouter(tags=["participants"])


@router.post(
    "/join",
    name="participants-join",
    status_code=201,
    response_model=Credentials,
    responses=problem_responses(403, 404, 409, 429),
)
def join(
    data: JoinRequest,
    request: Request,
    response: Response,
    db: DbSession,
    settings: AppSettings,
    limiter: Limiter,
) -> Credentials | JSONResponse:
    """Join a session with its code; no account needed. Works in any phase (late arrivals happen)
    but not once the session is archived.

    Sets the `cyd_participant` cookie (browsers) and returns a bearer `token` (API clients), plus
    a personal `rejoin_url` and a `recovery_code` to get back in from another device. Both are
    shown only now: the SPA's `/rejoin` page reads the token from the URL fragment (or `?token=`).
    Wrong codes are counted per code and per client: 404 `join_code_invalid`, then 429."""
    check_origin(request, settings, required=False)
    client_key = client_key_for(request, response)
    try:
        workshop = resolve_join_code(
            db, code=data.code, limiter=limiter, settings=settings, client_key=client_key
        )
    except AppError as error:
        return join_problem_response(request, response, error)
    participant, secrets = service.join(
        db, workshop=workshop, display_name=data.display_name, locale=data.locale, settings=settings
    )
    token = sign_in_device(db, participant, request=request, response=response, settings=settings)
    return Credentials(
        participant=to_self(participant),
        token=token,
        rejoin_url=secrets.rejoin_url,
        recovery_code=secrets.recovery_code,
    )


@router.post(
    "/rejoin",
    name="participants-rejoin",
    response_model=Credentials,
    responses=problem_responses(403, 404, 409, 429),
)
def rejoin(
    data: RejoinRequest,
    request: Request,
    response: Response,
    db: DbSession,
    settings: AppSettings,
    limiter: Limiter,
) -> Credentials | JSONResponse:
    """Get back into your own place on this (or another) device, with the token from your rejoin
    link, or the session's join code and your recovery code. Pre-registered people claim their
    record this way, so nobody appears twice.

    Opens a new device credential (cookie + `token`); `rejoin_url` and `recovery_code` are null
    because the ones you hold stay valid until a facilitator re-issues them. A wrong link or code
    is 404 `rejoin_invalid`, counted per client and per join code, then 429."""
    check_origin(request, settings, required=False)
    client_key = client_key_for(request, response)
    try:
        participant = find_rejoining(
            db, data=data, settings=settings, limiter=limiter, client_key=client_key
        )
    except AppError as error:
        return join_problem_response(request, response, error)
    workshop = db.get(Workshop, participant.workshop_id)
    assert workshop is not None
    service.claim(db, participant=participant, workshop=workshop)
    token = sign_in_device(db, participant, request=request, response=response, settings=settings)
    return Credentials(
        participant=to_self(participant), token=token, rejoin_url=None, recovery_code=None
    )


@router.get("/me/participant", name="participants-me-read", responses=problem_responses(401, 403))
def read_me(me: CurrentParticipant) -> ParticipantSelf:
    """Your own profile, including your private access needs and your consent choices."""
    return to_self(me.participant)


@router.patch(
    "/me/participant", name="participants-me-update", responses=problem_responses(401, 403, 409)
)
def update_me(data: ProfileUpdate, me: CurrentParticipant, db: DbSession) -> ParticipantSelf:
    """Change your profile: name, perspective, network roles, strengths, consent (its time is
    recorded when it changes), email (kept only with contact consent; withdrawing that consent
    deletes it) and access needs (seen only by you and the facilitators). Fields left out stay
    as they are; 422 `perspective_unknown` for a perspective the session does not know."""
    participant = service.update_profile(
        db, participant=me.participant, workshop=me.workshop, data=data, by_facilitator=False
    )
    return to_self(participant)


@router.post(
    "/me/signout",
    name="participants-me-signout",
    status_code=204,
    responses=problem_responses(401, 403),
)
def sign_out(me: CurrentParticipant, db: DbSession, settings: AppSettings) -> Response:
    """Sign this device out (its cookie or token stops working). Your rejoin link and recovery
    code still work."""
    revoke_device(db, me.participant, me.device)
    response = Response(status_code=204)
    clear_credential_cookie(response, settings, name=PARTICIPANT_COOKIE)
    return response


@router.get("/me/session", name="participants-me-session", responses=problem_responses(401, 403))
def read_my_session(me: CurrentParticipant, db: DbSession) -> SessionView:
    """Your session as a participant sees it: title, challenge and consent text in English and
    Welsh, phase, the phase's timer (with `server_now` to correct your clock), venue, targets, and
    the perspectives the organisation added beside the five built-in ones."""
    custom = repository.custom_perspectives(db, organisation_id=me.workshop.organisation_id)
    return session_view(me.workshop, utcnow(), custom)


router.include_router(facilitator_router)
