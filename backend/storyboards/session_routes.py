"""Facilitators: every table's storyboard, and writing on a table's behalf (recorded as such:
the frame says a facilitator entered or edited it). The same rules as for members apply."""

from fastapi import APIRouter, Request, Response, status

from backend.deps import DbSession
from backend.errors import problem_responses
from backend.kit.idempotency import IdempotencyKey, idempotent, user_caller
from backend.storyboards import repository as repo
from backend.storyboards import service, uploads, views
from backend.storyboards.http import (
    UPLOAD_BODY,
    FrameId,
    IfMatch,
    ReadAccess,
    ReadTable,
    Upload,
    WriteAccess,
    WriteTable,
)
from backend.storyboards.schemas import (
    FrameCreate,
    FrameOrder,
    FramePublic,
    FrameUpdate,
    ImagePublic,
    SessionStoryboards,
    StoryboardPublic,
)
from backend.storyboards.service import Editor
from backend.storyboards.storage import Store

router = APIRouter()

ERRORS = problem_responses(401, 403, 404, 409)
CHANGE_ERRORS = problem_responses(401, 403, 404, 409, 412, 428)
UPLOAD_ERRORS = problem_responses(401, 403, 404, 409, 413, 415)
BASE = "/sessions/{session_id}/tables/{table_id}/storyboard"


def _editor(access: WriteAccess) -> Editor:
    return Editor(user_id=access.facilitator.user.id)


@router.get("/sessions/{session_id}/storyboards", name="storyboards-list", responses=ERRORS)
def list_storyboards(access: ReadAccess, db: DbSession) -> SessionStoryboards:
    """Every table's storyboard of its chosen idea, by table number (frames in order)."""
    tables = repo.tables_of(db, access.workshop.id)
    return SessionStoryboards(items=views.storyboards_public(db, access.workshop, tables))


@router.get(BASE, name="storyboards-read", responses=ERRORS)
def read_storyboard(
    access: ReadAccess, table: ReadTable, db: DbSession, response: Response
) -> StoryboardPublic:
    """One table's storyboard, as its members see it; the `ETag` is the order's version."""
    board = views.storyboard_public(db, access.workshop, table)
    response.headers["ETag"] = views.etag(board.version)
    return board


@router.post(
    f"{BASE}/frames",
    name="storyboards-table-frames-create",
    status_code=status.HTTP_201_CREATED,
    response_model=FramePublic,
    responses=ERRORS,
)
def create_frame(
    request: Request,
    access: WriteAccess,
    table: WriteTable,
    db: DbSession,
    data: FrameCreate,
    idempotency_key: IdempotencyKey = None,
) -> Response:
    """Add a frame at the end for the table (`entered_by_facilitator`); the same rules as
    `POST /me/storyboard/frames`, `Idempotency-Key` included."""
    caller = user_caller(access.facilitator.user.id)
    with idempotent(db, request, key=idempotency_key, caller=caller, body=data) as call:
        if call.replay is not None:
            return call.replay
        frame = service.add_frame(
            db=db, workshop=access.workshop, table=table, editor=_editor(access), data=data
        )
        return call.respond(201, views.one_frame(db, frame), {"ETag": views.etag(frame.version)})


@router.patch(
    f"{BASE}/frames/{{frame_id}}", name="storyboards-table-frames-update", responses=CHANGE_ERRORS
)
def update_frame(
    access: WriteAccess,
    table: WriteTable,
    db: DbSession,
    frame_id: FrameId,
    data: FrameUpdate,
    response: Response,
    if_match: IfMatch = None,
) -> FramePublic:
    """Change a frame for the table (`If-Match`: the frame's ETag; `edited_by_facilitator`)."""
    frame = service.edit_frame(
        db=db,
        workshop=access.workshop,
        table=table,
        editor=_editor(access),
        frame_id=frame_id,
        data=data,
        if_match=if_match,
    )
    response.headers["ETag"] = views.etag(frame.version)
    return views.one_frame(db, frame)


@router.delete(
    f"{BASE}/frames/{{frame_id}}",
    name="storyboards-table-frames-delete",
    status_code=status.HTTP_204_NO_CONTENT,
    responses=CHANGE_ERRORS,
)
def delete_frame(
    access: WriteAccess,
    table: WriteTable,
    db: DbSession,
    frame_id: FrameId,
    if_match: IfMatch = None,
) -> None:
    """Remove a frame for the table (`If-Match`: the frame's ETag)."""
    service.remove_frame(
        db=db,
        workshop=access.workshop,
        table=table,
        editor=_editor(access),
        frame_id=frame_id,
        if_match=if_match,
    )


@router.put(f"{BASE}/order", name="storyboards-table-order-put", responses=CHANGE_ERRORS)
def put_order(
    access: WriteAccess,
    table: WriteTable,
    db: DbSession,
    data: FrameOrder,
    response: Response,
    if_match: IfMatch = None,
) -> StoryboardPublic:
    """Reorder the table's frames: every frame id once (`If-Match`: the order's ETag)."""
    service.reorder(
        db=db,
        workshop=access.workshop,
        table=table,
        editor=_editor(access),
        data=data,
        if_match=if_match,
    )
    board = views.storyboard_public(db, access.workshop, table)
    response.headers["ETag"] = views.etag(board.version)
    return board


@router.post(
    f"{BASE}/images",
    name="storyboards-table-images-upload",
    status_code=status.HTTP_201_CREATED,
    responses=UPLOAD_ERRORS,
    openapi_extra=UPLOAD_BODY,
)
def upload_image(
    picture: Upload,
    access: WriteAccess,
    table: WriteTable,
    db: DbSession,
    store: Store,
) -> ImagePublic:
    """Upload a picture for the table (the same checks as `POST /me/storyboard/images`)."""
    image = uploads.upload_image(
        db=db,
        workshop=access.workshop,
        table=table,
        editor=_editor(access),
        clean=picture,
        store=store,
    )
    return views.image_public(image)
