"""A published session's storyboard pictures, served to anyone while the public page shows them:
a picture of another session, of a frame it does not show (words withheld, no description, an
old storyboard), or of a session no longer published is not found."""

import uuid

from sqlmodel import Session

from backend.models import UploadedImage, Workshop
from backend.publishing import repository as repo
from backend.publishing.consent import session_consent
from backend.publishing.errors import PublicPictureNotFound
from backend.publishing.storyboard_views import shown_storyboards


def shown_picture(db: Session, workshop: Workshop, picture_id: uuid.UUID) -> UploadedImage:
    image = db.get(UploadedImage, picture_id)
    if image is None or image.workshop_id != workshop.id:
        raise PublicPictureNotFound()
    choices = repo.current_choices(db, workshop.id)
    shown = shown_storyboards(db, workshop.id, choices, session_consent(db, workshop.id))
    if picture_id not in shown.pictures:
        raise PublicPictureNotFound()
    return image
