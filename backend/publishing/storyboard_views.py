"""The storyboards a published session shows: each table's storyboard of the idea it chose, and
the pictures in it, which are served publicly only while they are shown here."""

import uuid
from collections import defaultdict
from dataclasses import dataclass

from sqlmodel import Session

from backend.models import Idea, Participant, StoryboardFrame, UploadedImage
from backend.publishing.consent import SessionConsent
from backend.publishing.schemas import PublicFrame, PublicPicture, PublicStoryboard
from backend.storyboards import repository as storyboards

PICTURE_PATH = "/api/v1/public/sessions/{session_id}/pictures/{picture_id}"

Choices = dict[uuid.UUID, tuple[Idea, Participant | None]]


@dataclass(frozen=True)
class ShownStoryboards:
    by_table: dict[uuid.UUID, PublicStoryboard]
    pictures: dict[uuid.UUID, UploadedImage]  # every picture they show, by its id


def shown_storyboards(
    db: Session, workshop_id: uuid.UUID, choices: Choices, consent: SessionConsent
) -> ShownStoryboards:
    """In four queries whatever the number of tables and frames."""
    pairs = [(table_id, idea.id) for table_id, (idea, _) in choices.items()]
    boards = storyboards.storyboards_for(db, pairs)
    frames = storyboards.frames_of(db, [b.id for b in boards])
    images = {
        image_id: image
        for image_id, image in storyboards.images_by_id(
            db, [f.image_id for f in frames if f.image_id]
        ).items()
        if image.workshop_id == workshop_id
    }
    frames_of: dict[uuid.UUID, list[StoryboardFrame]] = defaultdict(list)
    for frame in frames:
        frames_of[frame.storyboard_id].append(frame)
    by_table: dict[uuid.UUID, PublicStoryboard] = {}
    pictures: dict[uuid.UUID, UploadedImage] = {}
    for board in boards:
        mine = frames_of[board.id]
        if not mine:
            continue
        idea, author = choices[board.table_id]
        pictured = {f.id: _picture(f, images, board.table_id) for f in mine}
        writers = [
            *(f.created_by_participant_id for f in mine),
            *(f.updated_by_participant_id for f in mine),
            *(p.uploaded_by_participant_id for p in pictured.values() if p is not None),
        ]
        if not consent.table_words_shown(board.table_id, idea, author, writers):
            by_table[board.table_id] = PublicStoryboard(
                frame_count=len(mine), words_withheld=True, frames=[]
            )
            continue
        shown = []
        for position, frame in enumerate(mine, start=1):
            image = pictured[frame.id]
            if image is not None:
                pictures[image.id] = image
            shown.append(_frame(frame, position, image, workshop_id))
        by_table[board.table_id] = PublicStoryboard(
            frame_count=len(mine), words_withheld=False, frames=shown
        )
    return ShownStoryboards(by_table=by_table, pictures=pictures)


def _picture(
    frame: StoryboardFrame, images: dict[uuid.UUID, UploadedImage], table_id: uuid.UUID
) -> UploadedImage | None:
    """The frame's picture if it has one of its own table, described in words (a picture
    without alt text is never shown, as in the session)."""
    image = images.get(frame.image_id) if frame.image_id else None
    if image is None or image.table_id != table_id or not frame.image_alt:
        return None
    return image


def _frame(
    frame: StoryboardFrame, position: int, image: UploadedImage | None, workshop_id: uuid.UUID
) -> PublicFrame:
    picture = None
    if image is not None and frame.image_alt:
        picture = PublicPicture(
            url=PICTURE_PATH.format(session_id=workshop_id, picture_id=image.id),
            alt=frame.image_alt,
            width=image.width,
            height=image.height,
        )
    return PublicFrame(
        position=position,
        title=frame.title,
        what_happens=frame.what_happens,
        who=frame.who,
        where=frame.where,
        picture=picture,
    )
