"""Publishing a session (facilitators) and its public page's data (anyone, no sign-in)."""

import uuid
from typing import Annotated

from fastapi import APIRouter, Header, Path, Response

from backend.deps import DbSession
from backend.errors import problem_responses
from backend.publishing import service
from backend.publishing.access import PublishedSession
from backend.publishing.errors import PublicPictureNotFound
from backend.publishing.initiative_schemas import PublicInitiatives
from backend.publishing.initiative_views import public_initiatives
from backend.publishing.pictures import shown_picture
from backend.publishing.schemas import PublicationPublic, PublicSession
from backend.publishing.views import public_session, publication_public
from backend.storyboards.serving import PICTURE, picture_response
from backend.storyboards.storage import Store
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
def read_public_session(published: PublishedSession, db: DbSession) -> PublicSession:
    """A published session as anyone may see it: its challenge, and per table the idea it chose,
    its storyboard (pictures served by `publishing-public-picture`), its pitch and the offers of
    help it received. No names and nothing personal; a participant's words only if they agreed
    to publishing, and a table's storyboard and pitch words only if everyone who may have written
    them agreed. 404 unless the session is published now."""
    return public_session(db, *published)


@router.get(
    "/public/sessions/{session_id}/initiatives",
    name="publishing-public-initiatives",
    responses=problem_responses(404),
)
def read_public_initiatives(published: PublishedSession, db: DbSession) -> PublicInitiatives:
    """The initiatives that came from a published session, as partners see them: status, steward
    (members by role unless they agreed to be named), the action plan in figures, and outcome
    indicators with their current measurements (value, day, source; never the note or who
    recorded it; a count of one to four people suppressed). 404 unless published now."""
    return public_initiatives(db, published[0])


@router.get(
    "/public/sessions/{session_id}/pictures/{picture_id}",
    name="publishing-public-picture",
    response_class=Response,
    responses={200: PICTURE, 304: {"description": "Not modified"}, **problem_responses(404)},
)
def read_public_picture(
    published: PublishedSession,
    picture_id: Annotated[uuid.UUID, Path(description="A picture of a frame the page shows")],
    db: DbSession,
    store: Store,
    if_none_match: Annotated[str | None, Header(alias="If-None-Match", max_length=200)] = None,
) -> Response:
    """A storyboard picture that the session's public page shows, to anyone, as an inert file
    (the same headers as `images-read`, revalidated on every use). 404
    `public_picture_not_found` for any other picture, and `published_session_not_found` as soon
    as the session is no longer published."""
    image = shown_picture(db, published[0], picture_id)
    # Revalidated every time (a 304 while the ETag matches): unpublishing takes it down at once.
    return picture_response(
        image,
        store,
        if_none_match=if_none_match,
        cache_control="no-cache",
        missing=PublicPictureNotFound("The picture's file is missing from the store"),
    )
