"""Serving a stored picture to those who may see it, with headers that keep it inert."""

import uuid
from typing import Annotated

from fastapi import APIRouter, Header, Path, Response

from backend.deps import DbSession
from backend.errors import problem_responses
from backend.storyboards.errors import ImageNotFound
from backend.storyboards.http import ImageViewer
from backend.storyboards.serving import PICTURE, picture_response
from backend.storyboards.storage import Store
from backend.storyboards.uploads import readable_image

router = APIRouter()


@router.get(
    "/images/{image_id}",
    name="images-read",
    response_class=Response,
    responses={200: PICTURE, 304: {"description": "Not modified"}, **problem_responses(404)},
)
def read_image(
    image_id: Annotated[uuid.UUID, Path(description="A picture's id")],
    viewer: ImageViewer,
    db: DbSession,
    store: Store,
    if_none_match: Annotated[str | None, Header(alias="If-None-Match", max_length=200)] = None,
) -> Response:
    """A storyboard picture, for the participants of its session and its organisation's
    facilitators; 404 `image_not_found` for anyone else. Served as an inert download-safe file:
    `nosniff`, a sandboxing Content-Security-Policy, and a private cache with an `ETag`."""
    image = readable_image(db, image_id, viewer)
    return picture_response(
        image,
        store,
        if_none_match=if_none_match,
        cache_control="private, max-age=3600",
        missing=ImageNotFound("The picture's file is missing from the store"),
    )
