"""The rules of writing a storyboard: open phase, a chosen idea, If-Match on every change.

Every write locks the storyboard row first, so two edits sent with the same ETag cannot both pass.
"""

import uuid
from dataclasses import dataclass

from sqlmodel import Session

from backend.events.log import record_event
from backend.kit.clock import utcnow
from backend.models import Storyboard, StoryboardFrame, Workshop, WorkshopTable
from backend.storyboards import repository as repo
from backend.storyboards.errors import (
    AltTextRequired,
    FrameNotFound,
    ImageNotFound,
    NoChosenIdea,
    NothingToChange,
    OrderInvalid,
    PreconditionFailed,
    PreconditionRequired,
    TooManyFrames,
)
from backend.storyboards.events import StoryboardChange, StoryboardUpdatedEvent
from backend.storyboards.rules import ensure_open
from backend.storyboards.schemas import FrameCreate, FrameOrder, FrameUpdate
from backend.storyboards.views import etag

MAX_FRAMES = 30
TEXT_FIELDS = ("title", "what_happens", "who", "where")


@dataclass(frozen=True)
class Editor:
    """Who writes: a member of the table, or a facilitator on the table's behalf."""

    participant_id: uuid.UUID | None = None
    user_id: uuid.UUID | None = None


def ensure_chosen(db: Session, workshop: Workshop, table: WorkshopTable) -> uuid.UUID:
    """The phase is open and the table has chosen: the chosen idea's id."""
    ensure_open(workshop)
    choice = repo.current_choices(db, [table.id]).get(table.id)
    if choice is None:
        raise NoChosenIdea("The storyboard starts once the table has chosen one idea")
    return choice.idea_id


def open_storyboard(db: Session, workshop: Workshop, table: WorkshopTable) -> Storyboard:
    return repo.lock_storyboard(db, table, ensure_chosen(db, workshop, table))


def check_if_match(version: int, if_match: str | None) -> None:
    """428 without If-Match (or with `*`), 412 unless one of its tags is the current ETag."""
    current = etag(version)
    if if_match is None or if_match.strip() in ("", "*"):
        raise PreconditionRequired(f"Send If-Match: {current}")
    tags = {tag.strip().removeprefix("W/") for tag in if_match.split(",")}
    if current not in tags:
        raise PreconditionFailed(
            f"It is at version {version}; load it again", headers={"ETag": current}
        )


def _check_picture(
    db: Session, table: WorkshopTable, image_id: uuid.UUID | None, alt: str | None
) -> None:
    if image_id is None:
        return
    if repo.find_table_image(db, table, image_id) is None:
        raise ImageNotFound("Upload the picture for this table first")
    if not alt:
        raise AltTextRequired()


def _changed(
    db: Session,
    table: WorkshopTable,
    board: Storyboard,
    editor: Editor,
    *,
    change: StoryboardChange,
    frame_id: uuid.UUID | None,
) -> None:
    """Bump the order's version (unless only a frame's content changed) and tell the table."""
    if change != "frame_updated":
        board.version += 1
    board.updated_at = utcnow()
    db.add(board)
    db.flush()
    record_event(
        db,
        workshop_id=table.workshop_id,
        kind="storyboard.updated",
        payload=StoryboardUpdatedEvent(
            table_id=table.id,
            storyboard_id=board.id,
            version=board.version,
            change=change,
            frame_id=frame_id,
            by_facilitator=editor.user_id is not None,
        ),
        table_id=table.id,
    )


def add_frame(
    *, db: Session, workshop: Workshop, table: WorkshopTable, editor: Editor, data: FrameCreate
) -> StoryboardFrame:
    board = open_storyboard(db, workshop, table)
    frames = repo.frames_of(db, [board.id])
    if len(frames) >= MAX_FRAMES:
        raise TooManyFrames(f"This storyboard already has {len(frames)} frames")
    alt = data.image_alt or None
    _check_picture(db, table, data.image_id, alt)
    frame = StoryboardFrame(
        storyboard_id=board.id,
        position=(frames[-1].position + 1) if frames else 0,
        title=data.title,
        what_happens=data.what_happens,
        who=data.who,
        where=data.where,
        image_id=data.image_id,
        image_alt=alt if data.image_id else None,
        created_by_participant_id=editor.participant_id,
        created_by_user_id=editor.user_id,
    )
    db.add(frame)
    _changed(db, table, board, editor, change="frame_added", frame_id=frame.id)
    return frame


def _locked_frame(
    db: Session, workshop: Workshop, table: WorkshopTable, frame_id: uuid.UUID
) -> tuple[Storyboard, StoryboardFrame]:
    board = open_storyboard(db, workshop, table)
    frame = repo.find_frame(db, board.id, frame_id)
    if frame is None:
        raise FrameNotFound()
    return board, frame


def edit_frame(
    *,
    db: Session,
    workshop: Workshop,
    table: WorkshopTable,
    editor: Editor,
    frame_id: uuid.UUID,
    data: FrameUpdate,
    if_match: str | None,
) -> StoryboardFrame:
    board, frame = _locked_frame(db, workshop, table, frame_id)
    check_if_match(frame.version, if_match)
    sent = data.model_fields_set
    if not sent:
        raise NothingToChange("Send title, what_happens, who, where, image_id or image_alt")
    image_id = data.image_id if "image_id" in sent else frame.image_id
    alt = (data.image_alt or None) if "image_alt" in sent else frame.image_alt
    if image_id != frame.image_id:
        _check_picture(db, table, image_id, alt)
    elif image_id is not None and not alt:
        raise AltTextRequired()
    before = (*[getattr(frame, f) for f in TEXT_FIELDS], frame.image_id, frame.image_alt)
    for field in TEXT_FIELDS:
        if field in sent:
            setattr(frame, field, getattr(data, field))
    frame.image_id = image_id
    frame.image_alt = alt if image_id else None
    after = (*[getattr(frame, f) for f in TEXT_FIELDS], frame.image_id, frame.image_alt)
    if after == before:
        return frame
    frame.version += 1
    frame.updated_at = utcnow()
    frame.updated_by_participant_id = editor.participant_id
    frame.updated_by_user_id = editor.user_id
    db.add(frame)
    _changed(db, table, board, editor, change="frame_updated", frame_id=frame.id)
    return frame


def remove_frame(
    *,
    db: Session,
    workshop: Workshop,
    table: WorkshopTable,
    editor: Editor,
    frame_id: uuid.UUID,
    if_match: str | None,
) -> None:
    """The frame goes; its picture stays stored (it may be attached again)."""
    board, frame = _locked_frame(db, workshop, table, frame_id)
    check_if_match(frame.version, if_match)
    db.delete(frame)
    db.flush()
    for position, rest in enumerate(repo.frames_of(db, [board.id])):
        rest.position = position
        db.add(rest)
    _changed(db, table, board, editor, change="frame_removed", frame_id=frame_id)


def reorder(
    *,
    db: Session,
    workshop: Workshop,
    table: WorkshopTable,
    editor: Editor,
    data: FrameOrder,
    if_match: str | None,
) -> Storyboard:
    board = open_storyboard(db, workshop, table)
    check_if_match(board.version, if_match)
    frames = {f.id: f for f in repo.frames_of(db, [board.id])}
    sent = data.frame_ids
    if len(set(sent)) != len(sent):
        raise OrderInvalid("A frame is listed twice")
    missing = len(set(frames) - set(sent))
    unknown = len(set(sent) - set(frames))
    if missing or unknown:
        raise OrderInvalid(f"{missing} frame(s) missing, {unknown} not in this storyboard")
    if sent == list(frames):
        return board
    for position, frame_id in enumerate(sent):
        frames[frame_id].position = position
        db.add(frames[frame_id])
    _changed(db, table, board, editor, change="reordered", frame_id=None)
    return board
