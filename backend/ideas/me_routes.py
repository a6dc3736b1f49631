"""A participant's own table: its ideas, themes, progress, and safeguarding flags."""

from fastapi import APIRouter, Request, Response, status
from sqlmodel import Session

from backend.db import run_db
from backend.deps import CurrentParticipant, DbSession, Paging
from backend.errors import problem_responses
from backend.ideas import moderation, progress, service, themes, views
from backend.ideas import repository as repo
from backend.ideas.http import (
    STALE_RESPONSE,
    IfMatch,
    MyIdea,
    MyIdeaForUpdate,
    MySeat,
    MyTheme,
    Seat,
    stale_response,
)
from backend.ideas.schemas import (
    FlagCreate,
    FlagReceipt,
    IdeaCombine,
    IdeaCreate,
    IdeaList,
    IdeaPublic,
    IdeaRepurpose,
    IdeaUpdate,
    RevisionPublic,
    TableProgress,
    ThemeCreate,
    ThemeList,
    ThemePublic,
    ThemeUpdate,
)
from backend.ideas.service import Editor, StaleIdea
from backend.kit.idempotency import IdempotencyKey, idempotent, participant_caller
from backend.kit.pagination import Page, paginate
from backend.models import IdeaRevision

router = APIRouter()

IDEA_ERRORS = problem_responses(401, 404, 409)


@router.post(
    "/me/table/ideas",
    name="ideas-create",
    status_code=status.HTTP_201_CREATED,
    response_model=IdeaPublic,
    responses=IDEA_ERRORS,
)
async def create_idea(
    request: Request,
    seat: MySeat,
    db: DbSession,
    data: IdeaCreate,
    idempotency_key: IdempotencyKey = None,
) -> Response:
    """Add an idea to your table (ideate phase), or type one for a tablemate with `author_id`
    (recorded as `on_behalf`). Send an `Idempotency-Key` so that a retry never adds it twice.
    The `ETag` header is the idea's version, for editing it later. 409 `not_seated` before you
    have a table."""
    # The hottest write of a workshop: see `run_db` for why it runs in one go on SQLite.
    return await run_db(db, _create_idea, request, seat, db, data, idempotency_key)


def _create_idea(
    request: Request, seat: Seat, db: Session, data: IdeaCreate, idempotency_key: str | None
) -> Response:
    caller = participant_caller(seat.me.id)
    with idempotent(db, request, key=idempotency_key, caller=caller, body=data) as call:
        if call.replay is not None:
            return call.replay
        idea = service.create_own_idea(
            db=db,
            workshop=seat.workshop,
            table=seat.table,
            me=seat.me,
            text=data.text,
            author_id=data.author_id,
        )
        return call.respond(201, views.new_idea_public(idea), {"ETag": views.etag(idea)})


@router.get("/me/table/ideas", name="ideas-board", responses=IDEA_ERRORS)
def read_board(seat: MySeat, db: DbSession) -> IdeaList:
    """Every visible idea of your table (active and combined; hidden ones are left out), oldest
    first, in one call: a table holds a few hundred ideas at most."""
    return IdeaList(items=views.ideas_public(db, repo.table_ideas(db, seat.table.id)))


@router.get("/me/table/ideas/{idea_id}", name="ideas-read", responses=IDEA_ERRORS)
def read_idea(db: DbSession, idea: MyIdea, response: Response) -> IdeaPublic:
    """One idea of your table, with its `ETag`."""
    response.headers["ETag"] = views.etag(idea)
    return views.idea_public(db, idea)


@router.patch(
    "/me/table/ideas/{idea_id}",
    name="ideas-update",
    response_model=IdeaPublic,
    responses={**problem_responses(401, 404, 409, 428), **STALE_RESPONSE},
)
def update_idea(
    request: Request,
    seat: MySeat,
    db: DbSession,
    idea: MyIdeaForUpdate,
    data: IdeaUpdate,
    if_match: IfMatch = None,
    idempotency_key: IdempotencyKey = None,
) -> Response:
    """Change an active idea's text and/or theme (ideate and reduce phases); the revision is
    kept. `If-Match` must carry the idea's current ETag: 428 `precondition_required` without it,
    412 `precondition_failed` (with the idea as it is now in `current`) when someone else
    changed it first."""
    caller = participant_caller(seat.me.id)
    try:
        with idempotent(db, request, key=idempotency_key, caller=caller, body=data) as call:
            if call.replay is not None:
                return call.replay
            idea = service.edit_idea(
                db=db,
                workshop=seat.workshop,
                idea=idea,
                data=data,
                if_match=if_match,
                editor=Editor(participant_id=seat.me.id),
            )
            return call.respond(200, views.idea_public(db, idea), {"ETag": views.etag(idea)})
    except StaleIdea as stale:
        return stale_response(request, db, stale)


@router.post(
    "/me/table/ideas/combine",
    name="ideas-combine",
    status_code=status.HTTP_201_CREATED,
    response_model=IdeaPublic,
    responses=IDEA_ERRORS,
)
def combine_ideas(
    request: Request,
    seat: MySeat,
    db: DbSession,
    data: IdeaCombine,
    idempotency_key: IdempotencyKey = None,
) -> Response:
    """Merge two or more active ideas of your table into a new one (ideate and reduce phases).
    The originals are kept, marked `combined`, and listed in the new idea's `parent_ids`.
    422 `ideas_not_same_table` when any idea is not a visible idea of your table."""
    caller = participant_caller(seat.me.id)
    with idempotent(db, request, key=idempotency_key, caller=caller, body=data) as call:
        if call.replay is not None:
            return call.replay
        idea = service.combine_ideas(
            db=db, workshop=seat.workshop, table=seat.table, me=seat.me, data=data
        )
        return call.respond(201, views.idea_public(db, idea), {"ETag": views.etag(idea)})


@router.post(
    "/me/table/ideas/{idea_id}/repurpose",
    name="ideas-repurpose",
    status_code=status.HTTP_201_CREATED,
    response_model=IdeaPublic,
    responses=IDEA_ERRORS,
)
def repurpose_idea(
    request: Request,
    seat: MySeat,
    db: DbSession,
    idea: MyIdea,
    data: IdeaRepurpose,
    idempotency_key: IdempotencyKey = None,
) -> Response:
    """A new idea that puts this one to another use (`repurposed_from_id`); the original
    stays. Ideate and reduce phases."""
    caller = participant_caller(seat.me.id)
    with idempotent(db, request, key=idempotency_key, caller=caller, body=data) as call:
        if call.replay is not None:
            return call.replay
        new = service.repurpose_idea(
            db=db, workshop=seat.workshop, original=idea, me=seat.me, data=data
        )
        return call.respond(201, views.idea_public(db, new), {"ETag": views.etag(new)})


@router.get("/me/table/ideas/{idea_id}/revisions", name="ideas-revisions", responses=IDEA_ERRORS)
def list_revisions(db: DbSession, idea: MyIdea, paging: Paging) -> Page[RevisionPublic]:
    """The idea's edits, oldest first: who, when, text and theme before and after."""
    rows, cursor = paginate(db, repo.revisions_stmt(idea.id), IdeaRevision, paging)
    return Page(items=[views.revision_public(r) for r in rows], next_cursor=cursor)


@router.get("/me/table/progress", name="ideas-progress-mine", responses=IDEA_ERRORS)
def read_progress(seat: MySeat, db: DbSession) -> TableProgress:
    """Your table's ideas against its target, and each member's against the per-person range."""
    return progress.table_progress(db, seat.workshop, seat.table)


@router.get("/me/table/themes", name="themes-list", responses=IDEA_ERRORS)
def list_themes(seat: MySeat, db: DbSession) -> ThemeList:
    """Your table's themes by position."""
    return ThemeList(items=[views.theme_public(t) for t in repo.themes_of(db, seat.table.id)])


@router.post(
    "/me/table/themes",
    name="themes-create",
    status_code=status.HTTP_201_CREATED,
    responses=IDEA_ERRORS,
)
def create_theme(seat: MySeat, db: DbSession, data: ThemeCreate) -> ThemePublic:
    """Add a theme to sort your table's ideas into (ideate and reduce phases)."""
    theme = themes.create_theme(db=db, workshop=seat.workshop, table=seat.table, data=data)
    return views.theme_public(theme)


@router.patch("/me/table/themes/{theme_id}", name="themes-update", responses=IDEA_ERRORS)
def update_theme(seat: MySeat, db: DbSession, theme: MyTheme, data: ThemeUpdate) -> ThemePublic:
    """Rename or move a theme."""
    theme = themes.update_theme(db=db, workshop=seat.workshop, theme=theme, data=data)
    return views.theme_public(theme)


@router.delete(
    "/me/table/themes/{theme_id}",
    name="themes-delete",
    status_code=status.HTTP_204_NO_CONTENT,
    responses=IDEA_ERRORS,
)
def delete_theme(seat: MySeat, db: DbSession, theme: MyTheme) -> Response:
    """Delete a theme; its ideas stay, without a theme."""
    themes.delete_theme(db=db, workshop=seat.workshop, theme=theme)
    return Response(status_code=status.HTTP_204_NO_CONTENT)


@router.post(
    "/me/flags",
    name="flags-create",
    status_code=status.HTTP_201_CREATED,
    responses=problem_responses(401, 404),
)
def raise_flag(identity: CurrentParticipant, db: DbSession, data: FlagCreate) -> FlagReceipt:
    """Tell the facilitators, privately, about a safeguarding concern (optionally about an idea
    of your table). Only facilitators can read it."""
    flag = moderation.raise_flag(
        db=db,
        workshop=identity.workshop,
        me=identity.participant,
        idea_id=data.idea_id,
        note=data.note,
    )
    return FlagReceipt(id=flag.id, idea_id=flag.idea_id, created_at=flag.created_at)
