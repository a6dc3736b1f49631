"""Publishing a session (facilitators) and its public page's data (anyone, no sign-in)."""

import uuid
from typing import Annotated

from fastapi import APIRouter, Path

from backend.deps import DbSession
from backend.errors import problem_responses
from backend.publishing import repository as repo
from backend.publishing import service
from backend.publishing.errors import PublishedSessionNotFound
from backend.publishing.schemas import PublicationPublic, PublicSession
from backend.publishing.views import public_session, publication_public
from backend.workshops.access import SessionsReader, SessionsWriter

router = APIRouter(tags=["publishing"])
ERRORS = problem_responses(401, 403, 404)


@router.get("/sessions/{session_id}/publication", name="publishing-read", responses=ERRORS)
def read_publication(access: SessionsReader, db: DbSession) -> PublicationPublic:
    """Whether the session's results are published, and who published or withdrew them when."""
    return publication_public(db, access.workshop)


@router.put("/sessions/{session_id}/publication", name="publishing-publish", responses=ERRORS)
def publish(access: SessionsWriter, db: DbSession) -> PublicationPublic:
    """Publish the session's results: its public page (no sign-in) and the partner API show
    them from now on, honouring every participant's consent. Publishing again changes nothing."""
    service.publish(db, workshop=access.workshop, user_id=access.facilitator.user.id)
    return publication_public(db, access.workshop)


@router.delete("/sessions/{session_id}/publication", name="publishing-unpublish", responses=ERRORS)
def unpublish(access: SessionsWriter, db: DbSession) -> PublicationPublic:
    """Withdraw the session's results: the public page and the partner API stop showing them at
    once. They can be published again later."""
    service.unpublish(db, workshop=access.workshop, user_id=access.facilitator.user.id)
    return publication_public(db, access.workshop)


@router.get(
    "/public/sessions/{session_id}",
    name="publishing-public-session",
    responses=problem_responses(404),
)
def read_public_session(
    session_id: Annotated[uuid.UUID, Path(description="A published session's id")],
    db: DbSession,
) -> PublicSession:
    """A published session as anyone may see it: its challenge and what each table chose, with
    no names and nothing personal. 404 unless the session is published now."""
    found = repo.published_workshop(db, session_id)
    if found is None:
        raise PublishedSessionNotFound()
    return public_session(db, *found)
