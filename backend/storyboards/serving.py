"""How a stored picture goes out: inert (`nosniff`, a sandboxing Content-Security-Policy, inline
with a safe file name), with an `ETag` for 304s. Used for participants and facilitators, and for
a published session's public page."""

from fastapi import Response

from backend.errors import AppError
from backend.models import UploadedImage
from backend.storyboards.images import FORMATS
from backend.storyboards.storage import ImageStore

PICTURE = {
    "description": "The picture (re-encoded, without metadata)",
    "content": {t: {"schema": {"type": "string", "format": "binary"}} for t, _ in FORMATS.values()},
}
EXTENSIONS = {t: e for t, e in FORMATS.values()}


def picture_response(
    image: UploadedImage,
    store: ImageStore,
    *,
    if_none_match: str | None,
    cache_control: str,
    missing: AppError,
) -> Response:
    """`missing` is raised when the picture's file has gone from the store."""
    tag = f'"{image.sha256}"'
    headers = {
        "ETag": tag,
        "Cache-Control": cache_control,
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
        raise missing
    return Response(content=data, media_type=image.content_type, headers=headers)
