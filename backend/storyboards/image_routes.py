"""Serving a stored picture to those who may see it, with headers that keep it inert."""

import uuid
from typing import Annotated

from fastapi import APIRouter, Header, Path, Response

from backend.deps import DbSession
from backend.errors import problem_responses
from backend.storyboards.errors import ImageNotFound
from backend.storyboards.http import ImageViewer
from backend.storyboards.images import FORMATS
from backend.storyboards.storage import Store
from backend.storyboards.uploads import readable_image

router = APIRouter()

PICTURE = {
    "description": "The picture (re-encoded, without metadata)",
    "content": {t: {"schema": {"type": "string", "format": "binary"}} for t, _ in FORMATS.values()},
}
EXTENSIONS = {t: e for t, e in FORMATS.values()}


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
    tag = f'"{image.sha256}"'
    headers = {
        "ETag": tag,
        "Cache-Control": "private, max-age=3600",
        "X-Content-Type-Options": "nosniff",
        "Content-Security-Policy": "default-src 'none'; sandbox",
        "Content-Disposition": (
            f'inline; filename="picture-{image.id}.{EXTENSIONS[image.content_type]}"'
        ),
        "Cross-Origin-Resource-Policy": "same-origin",
    }
    if if_none_match and tag in {t.strip().removeprefix("W/") for t in if_none_match.split(",")}:
        return Response(status_code=304, headers=headers)
    data = store.get(image.storage_key)
    if data is None:
        raise ImageNotFound("The picture's file is missing from the store")
    return Response(content=data, media_type=image.content_type, headers=headers)
