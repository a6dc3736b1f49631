"""Every query of the storyboards slice, scoped to one workshop, table or storyboard."""

import uuid

from sqlalchemy.exc import IntegrityError
from sqlmodel import Session, col, select

from backend.models import (
    Idea,
    Storyboard,
    StoryboardFrame,
    TableChoice,
    UploadedImage,
    WorkshopTable,
)


def tables_of(db: Session, workshop_id: uuid.UUID) -> list[WorkshopTable]:
    stmt = select(WorkshopTable).where(WorkshopTable.workshop_id == workshop_id)
    return list(db.exec(stmt.order_by(col(WorkshopTable.number))).all())


def current_choices(db: Session, table_ids: list[uuid.UUID]) -> dict[uuid.UUID, TableChoice]:
    """Each table's choice that has not been reopened (the latest, should there be several)."""
    if not table_ids:
        return {}
    rows = db.exec(
        select(TableChoice)
        .where(col(TableChoice.table_id).in_(table_ids), col(TableChoice.reopened_at).is_(None))
        .order_by(col(TableChoice.created_at).desc(), col(TableChoice.id))
    ).all()
    choices: dict[uuid.UUID, TableChoice] = {}
    for row in rows:
        choices.setdefault(row.table_id, row)
    return choices


def ideas_by_id(db: Session, ids: list[uuid.UUID]) -> dict[uuid.UUID, Idea]:
    if not ids:
        return {}
    return {i.id: i for i in db.exec(select(Idea).where(col(Idea.id).in_(ids))).all()}


def storyboards_for(db: Session, pairs: list[tuple[uuid.UUID, uuid.UUID]]) -> list[Storyboard]:
    """The storyboards of these (table id, idea id) pairs that exist."""
    if not pairs:
        return []
    rows = db.exec(
        select(Storyboard).where(col(Storyboard.table_id).in_([t for t, _ in pairs]))
    ).all()
    wanted = set(pairs)
    return [s for s in rows if (s.table_id, s.idea_id) in wanted]


def lock_storyboard(db: Session, table: WorkshopTable, idea_id: uuid.UUID) -> Storyboard:
    """The storyboard of the table's chosen idea, created if need be, locked until commit
    (PostgreSQL; SQLite serialises writing transactions anyway). Every write goes through here."""
    stmt = (
        select(Storyboard)
        .where(Storyboard.table_id == table.id, Storyboard.idea_id == idea_id)
        .with_for_update()
    )
    found = db.exec(stmt).first()
    if found is not None:
        return found
    try:
        with db.begin_nested():
            db.add(Storyboard(workshop_id=table.workshop_id, table_id=table.id, idea_id=idea_id))
            db.flush()
    except IntegrityError:
        pass  # another request created it meanwhile: lock theirs
    return db.exec(stmt).one()


def frames_of(db: Session, storyboard_ids: list[uuid.UUID]) -> list[StoryboardFrame]:
    if not storyboard_ids:
        return []
    return list(
        db.exec(
            select(StoryboardFrame)
            .where(col(StoryboardFrame.storyboard_id).in_(storyboard_ids))
            .order_by(
                col(StoryboardFrame.position),
                col(StoryboardFrame.created_at),
                col(StoryboardFrame.id),
            )
        ).all()
    )


def find_frame(
    db: Session, storyboard_id: uuid.UUID, frame_id: uuid.UUID
) -> StoryboardFrame | None:
    return db.exec(
        select(StoryboardFrame).where(
            StoryboardFrame.id == frame_id, StoryboardFrame.storyboard_id == storyboard_id
        )
    ).first()


def find_table_image(
    db: Session, table: WorkshopTable, image_id: uuid.UUID
) -> UploadedImage | None:
    """A picture uploaded for this table (pictures of other tables or sessions are not found)."""
    return db.exec(
        select(UploadedImage).where(
            UploadedImage.id == image_id,
            UploadedImage.workshop_id == table.workshop_id,
            UploadedImage.table_id == table.id,
        )
    ).first()


def images_by_id(db: Session, ids: list[uuid.UUID]) -> dict[uuid.UUID, UploadedImage]:
    if not ids:
        return {}
    rows = db.exec(select(UploadedImage).where(col(UploadedImage.id).in_(ids))).all()
    return {i.id: i for i in rows}
