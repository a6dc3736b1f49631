"""Route plumbing: a facilitator's table, If-Match, the viewer of a picture, and an upload read
with a byte cap enforced while it streams in (never the whole of an oversized body), then checked
and re-encoded in a worker thread. Both happen before the request's database session opens, so a
slow phone upload or the decoding never holds SQLite's write turn."""

import uuid
from typing import Annotated, Any

from fastapi import Depends, Header, Path, Request
from starlette.concurrency import run_in_threadpool
from starlette.datastructures import UploadFile
from starlette.types import Message

from backend.auth.cookies import FACILITATOR_COOKIE, PARTICIPANT_COOKIE
from backend.auth.facilitator import Facilitator, optional_facilitator
from backend.auth.participant import ParticipantIdentity, optional_participant
from backend.deps import AppSettings
from backend.errors import Unauthenticated
from backend.storyboards.errors import (
    MultipartRequired,
    UploadMalformed,
    UploadTooLarge,
)
from backend.storyboards.images import CleanImage, clean_image
from backend.storyboards.uploads import Viewer
from backend.workshops.access import (
    SessionsReader,
    SessionsReaderTable,
    SessionsWriter,
    SessionsWriterTable,
)

ReadAccess = SessionsReader
WriteAccess = SessionsWriter
FORM_OVERHEAD = 64 * 1024  # multipart boundaries and part headers around the picture

IfMatch = Annotated[
    str | None,
    Header(
        alias="If-Match",
        max_length=200,
        description='The ETag (`"<version>"`) of the frame, or of the order, as you last saw it',
    ),
]
FrameId = Annotated[uuid.UUID, Path(description="A frame of the table's storyboard")]


ReadTable = SessionsReaderTable
WriteTable = SessionsWriterTable


def _viewer(
    participant: Annotated[ParticipantIdentity | None, Depends(optional_participant)],
    facilitator: Annotated[Facilitator | None, Depends(optional_facilitator)],
) -> Viewer:
    return Viewer(
        participant=participant.participant if participant else None, facilitator=facilitator
    )


ImageViewer = Annotated[Viewer, Depends(_viewer)]


async def _read_upload(request: Request, settings: AppSettings) -> bytes:
    """The `file` part's bytes. 401 without any credential (checked properly later), 415 unless
    multipart, 413 as soon as the body passes the cap (from Content-Length when sent, else while
    counting what arrives)."""
    cookies = request.cookies
    if not (
        request.headers.get("authorization")
        or cookies.get(PARTICIPANT_COOKIE)
        or cookies.get(FACILITATOR_COOKIE)
    ):
        raise Unauthenticated("Join the session, or sign in, to upload a picture")
    if not request.headers.get("content-type", "").lower().startswith("multipart/form-data"):
        raise MultipartRequired()
    cap = settings.upload_max_bytes
    limit = cap + FORM_OVERHEAD
    too_large = UploadTooLarge(f"At most {cap // (1024 * 1024)} MB")
    declared = request.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > limit:
        raise too_large
    received = 0

    async def counted() -> Message:
        nonlocal received
        message = await request.receive()
        received += len(message.get("body", b""))
        if received > limit:
            raise too_large
        return message

    form = await Request(request.scope, counted).form(max_files=1, max_fields=4)
    try:
        parts = form.getlist("file")
        if len(parts) != 1 or not isinstance(parts[0], UploadFile):
            raise UploadMalformed("Send one picture in a part named file")
        data = await parts[0].read(cap + 1)
    finally:
        await form.close()
    if len(data) > cap:
        raise too_large
    return data


async def _clean_upload(
    raw: Annotated[bytes, Depends(_read_upload)], settings: AppSettings
) -> CleanImage:
    return await run_in_threadpool(clean_image, raw, max_pixels=settings.upload_max_pixels)


Upload = Annotated[CleanImage, Depends(_clean_upload)]

UPLOAD_BODY: dict[str, Any] = {
    "requestBody": {
        "required": True,
        "content": {
            "multipart/form-data": {
                "schema": {
                    "type": "object",
                    "required": ["file"],
                    "properties": {
                        "file": {
                            "type": "string",
                            "format": "binary",
                            "description": "A PNG, JPEG or WebP picture",
                        }
                    },
                }
            }
        },
    }
}
