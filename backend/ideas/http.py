"""Shared route plumbing: a participant's seat, the 412 answer with the current idea."""

import json
import uuid
from dataclasses import dataclass
from typing import Annotated, Any

from fastapi import Depends, Header, Path, Request
from fastapi.responses import JSONResponse
from sqlmodel import Session

from backend.deps import CurrentParticipant, DbSession
from backend.errors import PROBLEM_MEDIA_TYPE, problem_response
from backend.ideas import repository as repo
from backend.ideas import views
from backend.ideas.errors import IdeaNotFound, NotSeated, ThemeNotFound
from backend.ideas.schemas import StaleIdeaProblem
from backend.ideas.service import StaleIdea
from backend.models import Idea, Participant, Theme, Workshop, WorkshopTable

IfMatch = Annotated[
    str | None,
    Header(
        alias="If-Match",
        max_length=200,
        description='The idea\'s ETag (`"<version>"`) as you last saw it',
    ),
]

STALE_RESPONSE: dict[int | str, dict[str, Any]] = {
    412: {
        "model": StaleIdeaProblem,
        "content": {PROBLEM_MEDIA_TYPE: {}},
        "description": "The idea changed since your copy; `current` is the idea now",
    }
}


@dataclass(frozen=True)
class Seat:
    me: Participant
    workshop: Workshop
    table: WorkshopTable


async def _seat(identity: CurrentParticipant) -> Seat:
    # No I/O: the table was read with the identity, so this costs no trip to a worker thread.
    if identity.table is None:
        raise NotSeated("A facilitator seats you at a table first")
    return Seat(me=identity.participant, workshop=identity.workshop, table=identity.table)


MySeat = Annotated[Seat, Depends(_seat)]
IdeaId = Annotated[uuid.UUID, Path(description="An idea of your table")]
ThemeId = Annotated[uuid.UUID, Path(description="A theme of your table")]


def _my_idea(seat: MySeat, db: DbSession, idea_id: IdeaId) -> Idea:
    idea = repo.find_table_idea(db, seat.table.id, idea_id)
    if idea is None:
        raise IdeaNotFound()
    return idea


def _my_idea_locked(seat: MySeat, db: DbSession, idea_id: IdeaId) -> Idea:
    # Locked until commit, so two edits with the same If-Match cannot both pass (PostgreSQL).
    idea = repo.find_table_idea(db, seat.table.id, idea_id, for_update=True)
    if idea is None:
        raise IdeaNotFound()
    return idea


def _my_theme(seat: MySeat, db: DbSession, theme_id: ThemeId) -> Theme:
    theme = repo.find_theme(db, seat.table.id, theme_id)
    if theme is None:
        raise ThemeNotFound()
    return theme


MyIdea = Annotated[Idea, Depends(_my_idea)]
MyIdeaForUpdate = Annotated[Idea, Depends(_my_idea_locked)]
MyTheme = Annotated[Theme, Depends(_my_theme)]


def stale_response(request: Request, db: Session, stale: StaleIdea) -> JSONResponse:
    """412 with the idea as it is now. The request is rolled back first (its idempotency record
    included), so nothing of it is written."""
    current = views.idea_public(db, stale.idea).model_dump(mode="json")
    headers = {"ETag": views.etag(stale.idea)}
    db.rollback()
    problem = problem_response(
        request,
        status=stale.status,
        code=stale.code,
        title_en=stale.title_en,
        title_cy=stale.title_cy,
        detail=stale.detail,
    )
    body = json.loads(bytes(problem.body)) | {"current": current}
    return JSONResponse(
        body, status_code=stale.status, media_type=PROBLEM_MEDIA_TYPE, headers=headers
    )
