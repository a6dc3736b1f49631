"""Storyboards as the API shows them, built for one table or a whole session in a few queries."""

import uuid

from sqlmodel import Session

from backend.models import StoryboardFrame, UploadedImage, Workshop, WorkshopTable
from backend.storyboards import repository as repo
from backend.storyboards.rules import phase_open
from backend.storyboards.schemas import (
    ChosenIdea,
    FrameImage,
    FramePublic,
    ImagePublic,
    StoryboardPublic,
)

IMAGE_PATH = "/api/v1/images/{image_id}"


def etag(version: int) -> str:
    return f'"{version}"'


def image_url(image_id: uuid.UUID) -> str:
    return IMAGE_PATH.format(image_id=image_id)


def image_public(image: UploadedImage) -> ImagePublic:
    return ImagePublic(
        id=image.id,
        url=image_url(image.id),
        content_type=image.content_type,
        width=image.width,
        height=image.height,
        bytes=image.bytes,
    )


def frame_public(frame: StoryboardFrame, position: int, image: UploadedImage | None) -> FramePublic:
    picture = None
    if image is not None and frame.image_alt:
        picture = FrameImage(
            id=image.id,
            url=image_url(image.id),
            content_type=image.content_type,
            width=image.width,
            height=image.height,
            alt=frame.image_alt,
        )
    return FramePublic(
        id=frame.id,
        position=position,
        title=frame.title,
        what_happens=frame.what_happens,
        who=frame.who,
        where=frame.where,
        image=picture,
        version=frame.version,
        created_by_participant_id=frame.created_by_participant_id,
        entered_by_facilitator=frame.created_by_user_id is not None,
        updated_by_participant_id=frame.updated_by_participant_id,
        edited_by_facilitator=frame.updated_by_user_id is not None,
        created_at=frame.created_at,
        updated_at=frame.updated_at,
    )


def one_frame(db: Session, frame: StoryboardFrame) -> FramePublic:
    """A frame on its own (after a write), with its place in the storyboard's order."""
    siblings = repo.frames_of(db, [frame.storyboard_id])
    position = next(i for i, f in enumerate(siblings, start=1) if f.id == frame.id)
    image = repo.images_by_id(db, [frame.image_id]).get(frame.image_id) if frame.image_id else None
    return frame_public(frame, position, image)


def storyboards_public(
    db: Session, workshop: Workshop, tables: list[WorkshopTable]
) -> list[StoryboardPublic]:
    """Each table's storyboard of its current chosen idea (no frames before it chooses)."""
    choices = repo.current_choices(db, [t.id for t in tables])
    ideas = repo.ideas_by_id(db, [c.idea_id for c in choices.values()])
    boards = {
        s.table_id: s
        for s in repo.storyboards_for(db, [(c.table_id, c.idea_id) for c in choices.values()])
    }
    frames = repo.frames_of(db, [b.id for b in boards.values()])
    images = repo.images_by_id(db, [f.image_id for f in frames if f.image_id])
    is_open = phase_open(workshop)
    result = []
    for table in tables:
        choice = choices.get(table.id)
        idea = ideas.get(choice.idea_id) if choice else None
        board = boards.get(table.id)
        mine = [f for f in frames if board is not None and f.storyboard_id == board.id]
        result.append(
            StoryboardPublic(
                table_id=table.id,
                table_number=table.number,
                table_name=table.name,
                idea=ChosenIdea(id=idea.id, text=idea.text) if idea else None,
                version=board.version if board else 0,
                frames=[
                    frame_public(f, i, images.get(f.image_id) if f.image_id else None)
                    for i, f in enumerate(mine, start=1)
                ],
                phase_open=is_open,
                writable=is_open and idea is not None,
            )
        )
    return result


def storyboard_public(db: Session, workshop: Workshop, table: WorkshopTable) -> StoryboardPublic:
    return storyboards_public(db, workshop, [table])[0]
