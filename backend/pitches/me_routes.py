"""A table's side of pitching: its own pitch, other tables' pitches, responding, the presenter."""

from fastapi import APIRouter, Request, Response, status

from backend.deps import DbSession, Paging
from backend.errors import problem_responses
from backend.ideas.http import MySeat
from backend.kit.idempotency import IdempotencyKey, idempotent, participant_caller
from backend.kit.pagination import Page, paginate
from backend.models import PitchResponse
from backend.pitches import repository as repo
from backend.pitches import responses, service, views
from backend.pitches.errors import ResponseNotFound
from backend.pitches.http import ResponseId, SeatPitch, current_pitches
from backend.pitches.schemas import (
    MyPitch,
    PitchIdeaRef,
    PitchPublic,
    PitchReply,
    PitchResponseCreate,
    PitchResponsePublic,
    PitchSave,
    PresenterPublic,
)
from backend.pitches.service import PITCH_WRITING_PHASES, Actor

router = APIRouter()

ERRORS = problem_responses(401, 404, 409)


def my_pitch(db: DbSession, seat: MySeat) -> MyPitch:
    idea, pitch = service.current_pitch(db, seat.workshop, seat.table)
    return MyPitch(
        idea=PitchIdeaRef(id=idea.id, text=idea.text) if idea else None,
        pitch=views.pitch_public(db, pitch, my_table_id=seat.table.id) if pitch else None,
        writable=seat.workshop.phase in PITCH_WRITING_PHASES and seat.workshop.archived_at is None,
    )


@router.get("/me/pitch", name="pitches-read-mine", responses=ERRORS)
def read_my_pitch(seat: MySeat, db: DbSession) -> MyPitch:
    """Your table's chosen idea and its pitch (null until written)."""
    return my_pitch(db, seat)


@router.put("/me/pitch", name="pitches-save-mine", responses=ERRORS)
def save_my_pitch(seat: MySeat, db: DbSession, data: PitchSave) -> MyPitch:
    """Write your table's pitch of its chosen idea: what it is, why it matters, its barriers
    (tags from METHOD.md's vocabulary, and your own words) and its asks for help (one per kind of
    capital). Open in the storyboard and pitch phases. Send the `version` you loaded (0 for the
    first save): 409 `pitch_changed` when a tablemate saved in between. 422 `no_chosen_idea`
    before the table has chosen."""
    service.save_pitch(
        db=db,
        workshop=seat.workshop,
        table=seat.table,
        actor=Actor(participant_id=seat.me.id),
        data=data,
    )
    return my_pitch(db, seat)


@router.get("/me/pitches", name="pitches-list-mine", responses=ERRORS)
def list_pitches(seat: MySeat, db: DbSession, paging: Paging) -> Page[PitchPublic]:
    """Other tables' pitches of the ideas they carry now, by table number. Never ranked."""
    return current_pitches(db, seat.workshop.id, paging, my_table_id=seat.table.id)


@router.get("/me/pitches/{pitch_id}", name="pitches-read", responses=ERRORS)
def read_pitch(seat: MySeat, db: DbSession, pitch: SeatPitch) -> PitchPublic:
    """One pitch of your session."""
    return views.pitch_public(db, pitch, my_table_id=seat.table.id)


@router.get("/me/pitches/{pitch_id}/responses", name="pitch-responses-list-mine", responses=ERRORS)
def list_responses(
    seat: MySeat, db: DbSession, pitch: SeatPitch, paging: Paging
) -> Page[PitchResponsePublic]:
    """Offers of help, questions and suggestions to a pitch, oldest first, with replies."""
    rows, cursor = paginate(db, repo.responses_stmt(pitch.id), PitchResponse, paging)
    return Page(items=views.responses_public(db, rows), next_cursor=cursor)


@router.post(
    "/me/pitches/{pitch_id}/responses",
    name="pitch-responses-create-mine",
    status_code=status.HTTP_201_CREATED,
    response_model=PitchResponsePublic,
    responses=ERRORS,
)
def create_response(
    request: Request,
    seat: MySeat,
    db: DbSession,
    pitch: SeatPitch,
    data: PitchResponseCreate,
    idempotency_key: IdempotencyKey = None,
) -> Response:
    """Respond to another table's pitch for your table (pitch phase): an `offer` of help names
    kinds of capital from your table's pooled strengths (422 `capital_not_pooled` otherwise);
    a `question` or `suggestion` names none (422 `offer_needs_capital`). 422 `own_pitch` for
    your own table's pitch."""
    caller = participant_caller(seat.me.id)
    with idempotent(db, request, key=idempotency_key, caller=caller, body=data) as call:
        if call.replay is not None:
            return call.replay
        made = responses.respond(
            db=db,
            workshop=seat.workshop,
            pitch=pitch,
            table=seat.table,
            actor=Actor(participant_id=seat.me.id),
            data=data,
        )
        return call.respond(201, views.responses_public(db, [made])[0])


@router.put(
    "/me/pitch/responses/{response_id}/reply",
    name="pitch-responses-reply",
    responses=ERRORS,
)
def reply(
    seat: MySeat, db: DbSession, response_id: ResponseId, data: PitchReply
) -> PitchResponsePublic:
    """Answer a question to your table's pitch (pitch phase); answering again replaces the
    answer. 422 `not_a_question` for offers and suggestions; 404 for another table's."""
    found = repo.find_session_response(db, seat.workshop.id, response_id)
    pitch = repo.find_pitch(db, seat.workshop.id, found.pitch_id) if found else None
    if found is None or pitch is None or pitch.table_id != seat.table.id:
        raise ResponseNotFound()
    updated = responses.reply(db=db, workshop=seat.workshop, response=found, me=seat.me, data=data)
    return views.responses_public(db, [updated])[0]


@router.get("/me/presenter", name="presenter-read-mine", responses=ERRORS)
def read_presenter(seat: MySeat, db: DbSession) -> PresenterPublic:
    """Which table is presenting on the big screen now (`running` false when none)."""
    return views.presenter_public(db, repo.presenter_of(db, seat.workshop.id))
