"""A member's side: their table's storyboard of its chosen idea.

Writable in the storyboard, pitch and combine phases once the table has chosen; readable always.
Changes need If-Match (the frame's ETag for a frame, the order's for the order), so that two
people at one table never silently overwrite each other.
"""

from fastapi import APIRouter, Request, Response, status

from backend.deps import DbSession
from backend.errors import problem_responses
from backend.ideas.http import MySeat
from backend.kit.idempotency import IdempotencyKey, idempotent, participant_caller
from backend.storyboards import service, uploads, views
from backend.storyboards.http import UPLOAD_BODY, FrameId, IfMatch, Upload
from backend.storyboards.schemas import (
    FrameCreate,
    FrameOrder,
    FramePublic,
    FrameUpdate,
    ImagePublic,
    StoryboardPublic,
)
from backend.storyboards.service import Editor
from backend.storyboards.storage import Store

router = APIRouter()

ERRORS = problem_responses(401, 404, 409)
CHANGE_ERRORS = problem_responses(401, 404, 409, 412, 428)
UPLOAD_ERRORS = problem_responses(401, 404, 409, 413, 415)


@router.get("/me/storyboard", name="storyboards-read-mine", responses=ERRORS)
def read_my_storyboard(seat: MySeat, db: DbSession, response: Response) -> StoryboardPublic:
    """Your table's storyboard of its chosen idea: frames in order from entry point to
    completion. `idea` is null until the table chooses. The `ETag` is the order's version."""
    board = views.storyboard_public(db, seat.workshop, seat.table)
    response.headers["ETag"] = views.etag(board.version)
    return board


@router.post(
    "/me/storyboard/frames",
    name="storyboards-frames-create",
    status_code=status.HTTP_201_CREATED,
    response_model=FramePublic,
    responses=ERRORS,
)
def create_frame(
    request: Request,
    seat: MySeat,
    db: DbSession,
    data: FrameCreate,
    idempotency_key: IdempotencyKey = None,
) -> Response:
    """Add a frame at the end. 409 `no_chosen_idea` before the table chooses, 422
    `phase_closed` outside storyboard/pitch/combine, 422 `alt_text_required` for a picture
    without alt text, 404 `image_not_found` for a picture not uploaded for your table, 422
    `too_many_frames` beyond 30. The `ETag` header is the frame's version."""
    caller = participant_caller(seat.me.id)
    with idempotent(db, request, key=idempotency_key, caller=caller, body=data) as call:
        if call.replay is not None:
            return call.replay
        frame = service.add_frame(
            db=db,
            workshop=seat.workshop,
            table=seat.table,
            editor=Editor(participant_id=seat.me.id),
            data=data,
        )
        return call.respond(201, views.one_frame(db, frame), {"ETag": views.etag(frame.version)})


@router.patch(
    "/me/storyboard/frames/{frame_id}",
    name="storyboards-frames-update",
    responses=CHANGE_ERRORS,
)
def update_frame(
    seat: MySeat,
    db: DbSession,
    frame_id: FrameId,
    data: FrameUpdate,
    response: Response,
    if_match: IfMatch = None,
) -> FramePublic:
    """Change a frame's text or picture (only the fields sent). `If-Match` must carry the
    frame's ETag: 428 `precondition_required` without it, 412 `precondition_failed` when someone
    changed it first (load it again)."""
    frame = service.edit_frame(
        db=db,
        workshop=seat.workshop,
        table=seat.table,
        editor=Editor(participant_id=seat.me.id),
        frame_id=frame_id,
        data=data,
        if_match=if_match,
    )
    response.headers["ETag"] = views.etag(frame.version)
    return views.one_frame(db, frame)


@router.delete(
    "/me/storyboard/frames/{frame_id}",
    name="storyboards-frames-delete",
    status_code=status.HTTP_204_NO_CONTENT,
    responses=CHANGE_ERRORS,
)
def delete_frame(seat: MySeat, db: DbSession, frame_id: FrameId, if_match: IfMatch = None) -> None:
    """Remove a frame (`If-Match`: the frame's ETag); the frames after it move up."""
    service.remove_frame(
        db=db,
        workshop=seat.workshop,
        table=seat.table,
        editor=Editor(participant_id=seat.me.id),
        frame_id=frame_id,
        if_match=if_match,
    )


@router.put("/me/storyboard/order", name="storyboards-order-put", responses=CHANGE_ERRORS)
def put_order(
    seat: MySeat, db: DbSession, data: FrameOrder, response: Response, if_match: IfMatch = None
) -> StoryboardPublic:
    """Put the frames in a new order: every frame id once (422 `order_invalid` for a missing,
    repeated or unknown id). `If-Match` carries the order's ETag from the storyboard."""
    service.reorder(
        db=db,
        workshop=seat.workshop,
        table=seat.table,
        editor=Editor(participant_id=seat.me.id),
        data=data,
        if_match=if_match,
    )
    board = views.storyboard_public(db, seat.workshop, seat.table)
    response.headers["ETag"] = views.etag(board.version)
    return board


@router.post(
    "/me/storyboard/images",
    name="storyboards-images-upload",
    status_code=status.HTTP_201_CREATED,
    responses=UPLOAD_ERRORS,
    openapi_extra=UPLOAD_BODY,
)
def upload_image(picture: Upload, seat: MySeat, db: DbSession, store: Store) -> ImagePublic:
    """Upload a picture for a frame (multipart, part `file`): PNG, JPEG or WebP judged from its
    content (415 `unsupported_image` otherwise), at most `UPLOAD_MAX_BYTES` (413
    `upload_too_large`) and `UPLOAD_MAX_PIXELS` (422 `image_too_many_pixels`); 422
    `image_unreadable` when damaged. It is turned upright, scaled to at most 2048 px, and
    re-encoded without metadata (no location). Then attach it to a frame with alt text."""
    image = uploads.upload_image(
        db=db,
        workshop=seat.workshop,
        table=seat.table,
        editor=Editor(participant_id=seat.me.id),
        clean=picture,
        store=store,
    )
    return views.image_public(image)
