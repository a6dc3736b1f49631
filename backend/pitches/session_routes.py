"""Facilitators: every table's pitch and its responses, writing on a table's behalf, and the
presenter mode they run on the big screen."""

from fastapi import APIRouter, Request, Response, status

from backend.deps import DbSession, Paging
from backend.errors import problem_responses
from backend.kit.idempotency import IdempotencyKey, idempotent, user_caller
from backend.kit.pagination import Page, paginate
from backend.models import PitchResponse
from backend.pitches import presenter, responses, service, views
from backend.pitches import repository as repo
from backend.pitches.http import (
    ReadAccess,
    ReadTable,
    SessionPitch,
    WriteAccess,
    WriteTable,
    current_pitches,
)
from backend.pitches.schemas import (
    FacilitatorPitchResponseCreate,
    MyPitch,
    PitchIdeaRef,
    PitchPublic,
    PitchResponseCreate,
    PitchResponsePublic,
    PitchSave,
    PresenterAction,
    PresenterPublic,
)
from backend.pitches.service import PITCH_WRITING_PHASES, Actor
from backend.tables.errors import TableNotFound
from backend.tables.repository import find_table

router = APIRouter()

ERRORS = problem_responses(401, 404, 409)


def _table_pitch(db: DbSession, access: ReadAccess, table: ReadTable) -> MyPitch:
    idea, pitch = service.current_pitch(db, access.workshop, table)
    return MyPitch(
        idea=PitchIdeaRef(id=idea.id, text=idea.text) if idea else None,
        pitch=views.pitch_public(db, pitch) if pitch else None,
        writable=access.workshop.phase in PITCH_WRITING_PHASES
        and access.workshop.archived_at is None,
    )


@router.get("/sessions/{session_id}/pitches", name="pitches-list", responses=ERRORS)
def list_pitches(access: ReadAccess, db: DbSession, paging: Paging) -> Page[PitchPublic]:
    """Every table's pitch of the idea it carries now, by table number. Never ranked."""
    return current_pitches(db, access.workshop.id, paging)


@router.get(
    "/sessions/{session_id}/tables/{table_id}/pitch", name="pitches-read-table", responses=ERRORS
)
def read_table_pitch(access: ReadAccess, table: ReadTable, db: DbSession) -> MyPitch:
    """A table's chosen idea and its pitch (null until written), e.g. for the big screen."""
    return _table_pitch(db, access, table)


@router.put(
    "/sessions/{session_id}/tables/{table_id}/pitch", name="pitches-save-table", responses=ERRORS
)
def save_table_pitch(
    access: WriteAccess, table: WriteTable, db: DbSession, data: PitchSave
) -> MyPitch:
    """Write a table's pitch on its behalf (recorded as by a facilitator); the same rules as
    `PUT /me/pitch`, `version` included."""
    service.save_pitch(
        db=db,
        workshop=access.workshop,
        table=table,
        actor=Actor(user_id=access.facilitator.user.id),
        data=data,
    )
    return _table_pitch(db, access, table)


@router.get(
    "/sessions/{session_id}/pitches/{pitch_id}/responses",
    name="pitch-responses-list",
    responses=ERRORS,
)
def list_responses(db: DbSession, pitch: SessionPitch, paging: Paging) -> Page[PitchResponsePublic]:
    """Offers, questions and suggestions to a pitch, oldest first, with replies."""
    rows, cursor = paginate(db, repo.responses_stmt(pitch.id), PitchResponse, paging)
    return Page(items=views.responses_public(db, rows), next_cursor=cursor)


@router.post(
    "/sessions/{session_id}/pitches/{pitch_id}/responses",
    name="pitch-responses-create",
    status_code=status.HTTP_201_CREATED,
    response_model=PitchResponsePublic,
    responses=ERRORS,
)
def create_response(
    request: Request,
    access: WriteAccess,
    db: DbSession,
    pitch: SessionPitch,
    data: FacilitatorPitchResponseCreate,
    idempotency_key: IdempotencyKey = None,
) -> Response:
    """Respond on behalf of `table_id` (recorded as by a facilitator), with the same rules as
    a table's own response: offers only from that table's pooled strengths."""
    table = find_table(db, access.workshop.id, data.table_id)
    if table is None:
        raise TableNotFound()
    caller = user_caller(access.facilitator.user.id)
    with idempotent(db, request, key=idempotency_key, caller=caller, body=data) as call:
        if call.replay is not None:
            return call.replay
        made = responses.respond(
            db=db,
            workshop=access.workshop,
            pitch=pitch,
            table=table,
            actor=Actor(user_id=access.facilitator.user.id),
            data=PitchResponseCreate.model_validate(data.model_dump(exclude={"table_id"})),
        )
        return call.respond(201, views.responses_public(db, [made])[0])


@router.get("/sessions/{session_id}/presenter", name="presenter-read", responses=ERRORS)
def read_presenter(access: ReadAccess, db: DbSession) -> PresenterPublic:
    """Presenter mode: the running order and the table on the big screen."""
    return views.presenter_public(db, repo.presenter_of(db, access.workshop.id))


@router.post("/sessions/{session_id}/presenter", name="presenter-move", responses=ERRORS)
def move_presenter(access: WriteAccess, db: DbSession, data: PresenterAction) -> PresenterPublic:
    """Run presenter mode (pitch phase; `stop` in any phase): `start` (optionally with
    `table_ids` as the running order; default every table by number), `next`, `previous`,
    `show` (a `table_id`) or `stop`. Everyone's screens hear `presenter.changed`. 409
    `presenter_at_end` past either end, `presenter_not_running` before `start`."""
    state = presenter.move(
        db=db, workshop=access.workshop, user_id=access.facilitator.user.id, data=data
    )
    return views.presenter_public(db, state)
