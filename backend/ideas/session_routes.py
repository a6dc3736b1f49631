"""Facilitators: every idea of a session, entering ideas for people, moderation, flags, progress."""

import uuid
from typing import Annotated

from fastapi import APIRouter, Query, Request, Response, status

from backend.deps import DbSession, Paging
from backend.errors import problem_responses
from backend.ideas import moderation, progress, service, timeline, views
from backend.ideas import repository as repo
from backend.ideas.schemas import (
    BulkIdeaCreate,
    BulkLine,
    FacilitatorIdeaCreate,
    FlagPublic,
    FlagResolve,
    IdeaList,
    IdeaPublic,
    IdeaTimeline,
    ModerationPublic,
    ModerationRequest,
    SessionProgress,
)
from backend.kit.idempotency import IdempotencyKey, idempotent, user_caller
from backend.kit.pagination import Page, paginate
from backend.models import Idea, IdeaModeration, IdeaSource, IdeaStatus, SafeguardingFlag
from backend.workshops.access import (
    IdeasReader,
    IdeasReaderIdea,
    IdeasWriter,
    IdeasWriterFlag,
    IdeasWriterIdea,
    IdeasWriterTable,
)

router = APIRouter()

ReadAccess = IdeasReader
WriteAccess = IdeasWriter

SessionTable = IdeasWriterTable
SessionIdea = IdeasWriterIdea
ReadableIdea = IdeasReaderIdea
SessionFlag = IdeasWriterFlag

ERRORS = problem_responses(401, 404, 409)


@router.get("/sessions/{session_id}/ideas", name="ideas-list", responses=ERRORS)
def list_ideas(
    access: ReadAccess,
    db: DbSession,
    paging: Paging,
    table_id: Annotated[uuid.UUID | None, Query(description="Only this table's")] = None,
    idea_status: Annotated[
        IdeaStatus | None, Query(alias="status", description="Only ideas in this status")
    ] = None,
) -> Page[IdeaPublic]:
    """Every idea of the session, hidden ones included, oldest first."""
    stmt = repo.session_ideas_stmt(access.workshop.id, table_id=table_id, status=idea_status)
    rows, cursor = paginate(db, stmt, Idea, paging)
    return Page(items=views.ideas_public(db, rows), next_cursor=cursor)


@router.get("/sessions/{session_id}/ideas/timeline", name="ideas-timeline", responses=ERRORS)
def ideas_timeline(
    access: ReadAccess,
    db: DbSession,
    bucket_minutes: Annotated[
        int, Query(ge=1, le=240, description="Length of one bucket in minutes")
    ] = 1,
) -> IdeaTimeline:
    """How many ideas were created in each time bucket, in total and by table, counted as
    `progress` counts them (original ideas, hidden ones left out): what a chart of ideas over
    time needs, without paging through every idea."""
    return timeline.idea_timeline(db, access.workshop, bucket_minutes=bucket_minutes)


@router.post(
    "/sessions/{session_id}/tables/{table_id}/ideas",
    name="ideas-enter",
    status_code=status.HTTP_201_CREATED,
    response_model=IdeaPublic,
    responses=ERRORS,
)
def enter_idea(
    request: Request,
    access: WriteAccess,
    db: DbSession,
    table: SessionTable,
    data: FacilitatorIdeaCreate,
    idempotency_key: IdempotencyKey = None,
) -> Response:
    """Type an idea in for someone (`author_id`, recorded as `on_behalf`) or from a paper note
    of unknown author (`paper`). Ideate and reduce phases. Honours `Idempotency-Key`."""
    caller = user_caller(access.facilitator.user.id)
    with idempotent(db, request, key=idempotency_key, caller=caller, body=data) as call:
        if call.replay is not None:
            return call.replay
        [idea] = service.enter_ideas(
            db=db,
            workshop=access.workshop,
            table=table,
            user_id=access.facilitator.user.id,
            data=BulkIdeaCreate(lines=[BulkLine(text=data.text, author_id=data.author_id)]),
        )
        return call.respond(201, views.idea_public(db, idea), {"ETag": views.etag(idea)})


@router.post(
    "/sessions/{session_id}/tables/{table_id}/ideas/bulk",
    name="ideas-enter-bulk",
    status_code=status.HTTP_201_CREATED,
    response_model=IdeaList,
    responses=ERRORS,
)
def enter_bulk(
    request: Request,
    access: WriteAccess,
    db: DbSession,
    table: SessionTable,
    data: BulkIdeaCreate,
    idempotency_key: IdempotencyKey = None,
) -> Response:
    """Type in up to 200 paper notes at once (`paper`, with an optional author per line). All
    lines are saved or none: 422 names every line that is wrong. Ideate and reduce phases.
    Honours `Idempotency-Key`."""
    caller = user_caller(access.facilitator.user.id)
    with idempotent(db, request, key=idempotency_key, caller=caller, body=data) as call:
        if call.replay is not None:
            return call.replay
        ideas = service.enter_ideas(
            db=db,
            workshop=access.workshop,
            table=table,
            user_id=access.facilitator.user.id,
            data=data,
            source=IdeaSource.paper,
        )
        return call.respond(201, IdeaList(items=views.ideas_public(db, ideas)))


@router.post("/sessions/{session_id}/ideas/{idea_id}/hide", name="ideas-hide", responses=ERRORS)
def hide_idea(
    access: WriteAccess, db: DbSession, idea: SessionIdea, data: ModerationRequest
) -> IdeaPublic:
    """Hide an abusive or identifying idea from the participants, with a reason kept in the
    audit trail. Its table is told to drop it (the event carries no text). Works in any phase."""
    idea = moderation.hide_idea(
        db=db, idea=idea, reason=data.reason, user_id=access.facilitator.user.id
    )
    return views.idea_public(db, idea)


@router.post("/sessions/{session_id}/ideas/{idea_id}/unhide", name="ideas-unhide", responses=ERRORS)
def unhide_idea(
    access: WriteAccess, db: DbSession, idea: SessionIdea, data: ModerationRequest
) -> IdeaPublic:
    """Show a hidden idea again (with a reason, kept in the audit trail)."""
    idea = moderation.unhide_idea(
        db=db, idea=idea, reason=data.reason, user_id=access.facilitator.user.id
    )
    return views.idea_public(db, idea)


@router.get(
    "/sessions/{session_id}/ideas/{idea_id}/moderation",
    name="ideas-moderation-log",
    responses=ERRORS,
)
def moderation_log(db: DbSession, idea: ReadableIdea, paging: Paging) -> Page[ModerationPublic]:
    """Who hid or unhid this idea, when and why, oldest first."""
    rows, cursor = paginate(db, repo.moderation_stmt(idea.id), IdeaModeration, paging)
    return Page(items=[views.moderation_public(r) for r in rows], next_cursor=cursor)


@router.get("/sessions/{session_id}/flags", name="flags-list", responses=ERRORS)
def list_flags(
    access: ReadAccess,
    db: DbSession,
    paging: Paging,
    resolved: Annotated[bool | None, Query(description="Only resolved / open flags")] = None,
) -> Page[FlagPublic]:
    """Safeguarding flags raised in the session, oldest first."""
    stmt = repo.flags_stmt(access.workshop.id, resolved=resolved)
    rows, cursor = paginate(db, stmt, SafeguardingFlag, paging)
    return Page(items=[views.flag_public(f) for f in rows], next_cursor=cursor)


@router.post(
    "/sessions/{session_id}/flags/{flag_id}/resolve", name="flags-resolve", responses=ERRORS
)
def resolve_flag(
    access: WriteAccess, db: DbSession, flag: SessionFlag, data: FlagResolve | None = None
) -> FlagPublic:
    """Mark a flag as dealt with, with an optional note (409 `flag_already_resolved`)."""
    flag = moderation.resolve_flag(
        db=db,
        flag=flag,
        user_id=access.facilitator.user.id,
        note=data.note if data else None,
    )
    return views.flag_public(flag)


@router.get("/sessions/{session_id}/progress", name="ideas-progress", responses=ERRORS)
def session_progress(access: ReadAccess, db: DbSession) -> SessionProgress:
    """Every table's ideas against its target, per-person counts, and the ideas of the last five
    minutes, so a dashboard can spot tables falling behind."""
    return progress.session_progress(db, access.workshop)
