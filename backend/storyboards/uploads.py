"""Storing an uploaded picture for a table, and deciding who may see one."""

import uuid
from dataclasses import dataclass

from sqlmodel import Session

from backend.auth.facilitator import Facilitator
from backend.models import Participant, UploadedImage, Workshop, WorkshopTable
from backend.storyboards.errors import ImageNotFound
from backend.storyboards.images import CleanImage
from backend.storyboards.service import Editor, ensure_chosen
from backend.storyboards.storage import ImageStore, new_key
from backend.workshops.access import SessionNotFound, find_facilitator_workshop


def upload_image(
    *,
    db: Session,
    workshop: Workshop,
    table: WorkshopTable,
    editor: Editor,
    clean: CleanImage,
    store: ImageStore,
) -> UploadedImage:
    """A picture already checked and re-encoded (see `http.Upload`; nothing is stored for a
    refused file), stored under a random key and recorded for the table."""
    ensure_chosen(db, workshop, table)
    key = new_key(clean.extension)
    store.put(key, clean.data)
    image = UploadedImage(
        workshop_id=workshop.id,
        table_id=table.id,
        storage_key=key,
        content_type=clean.content_type,
        width=clean.width,
        height=clean.height,
        bytes=len(clean.data),
        sha256=clean.sha256,
        uploaded_by_participant_id=editor.participant_id,
        uploaded_by_user_id=editor.user_id,
    )
    db.add(image)
    db.flush()
    return image


@dataclass(frozen=True)
class Viewer:
    """Whoever asks for a picture: a participant, a facilitator, both (one browser), or nobody."""

    participant: Participant | None
    facilitator: Facilitator | None


def can_read_image(db: Session, image: UploadedImage, viewer: Viewer) -> bool:
    """The one rule for seeing a picture: the participants of its session and the facilitators of
    the session's organisation (with `sessions:read`). Publishing will open it up here."""
    if viewer.participant is not None and viewer.participant.workshop_id == image.workshop_id:
        return True
    if viewer.facilitator is not None and "sessions:read" in viewer.facilitator.scopes:
        try:
            find_facilitator_workshop(
                db, workshop_id=image.workshop_id, facilitator=viewer.facilitator
            )
        except SessionNotFound:
            return False
        return True
    return False


def readable_image(db: Session, image_id: uuid.UUID, viewer: Viewer) -> UploadedImage:
    """The picture, or 404 alike whether it does not exist or is not the viewer's to see."""
    image = db.get(UploadedImage, image_id)
    if image is None or not can_read_image(db, image, viewer):
        raise ImageNotFound()
    return image
