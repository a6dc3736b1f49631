"""Every query of the ideas slice, always scoped to one workshop or one table of it."""

import uuid
from collections import defaultdict
from collections.abc import Iterable
from datetime import datetime
from typing import Any

from sqlalchemy import func, update
from sqlmodel import Session, col, select
from sqlmodel.sql.expression import SelectOfScalar

from backend.models import (
    Idea,
    IdeaModeration,
    IdeaParent,
    IdeaRevision,
    IdeaSource,
    IdeaStatus,
    Participant,
    ParticipantStatus,
    SafeguardingFlag,
    Theme,
    WorkshopTable,
)

VISIBLE = (IdeaStatus.active, IdeaStatus.combined)
# What counts towards the ideate targets: new ideas, not reductions of existing ones.
ORIGINAL_SOURCES = (IdeaSource.phone, IdeaSource.on_behalf, IdeaSource.paper)


def tables_of(db: Session, workshop_id: uuid.UUID) -> list[WorkshopTable]:
    stmt = select(WorkshopTable).where(WorkshopTable.workshop_id == workshop_id)
    return list(db.exec(stmt.order_by(col(WorkshopTable.number))).all())


def find_participant(
    db: Session, workshop_id: uuid.UUID, participant_id: uuid.UUID
) -> Participant | None:
    return db.exec(
        select(Participant).where(
            Participant.id == participant_id,
            Participant.workshop_id == workshop_id,
            Participant.status != ParticipantStatus.removed,
        )
    ).first()


def participants_by_id(
    db: Session, workshop_id: uuid.UUID, ids: Iterable[uuid.UUID]
) -> dict[uuid.UUID, Participant]:
    wanted = set(ids)
    if not wanted:
        return {}
    rows = db.exec(
        select(Participant).where(
            Participant.workshop_id == workshop_id,
            col(Participant.id).in_(wanted),
            Participant.status != ParticipantStatus.removed,
        )
    ).all()
    return {p.id: p for p in rows}


def members_of(db: Session, table_id: uuid.UUID) -> list[Participant]:
    return list(
        db.exec(
            select(Participant)
            .where(
                Participant.table_id == table_id, Participant.status != ParticipantStatus.removed
            )
            .order_by(col(Participant.display_name), col(Participant.id))
        ).all()
    )


def find_table_idea(
    db: Session, table_id: uuid.UUID, idea_id: uuid.UUID, *, for_update: bool = False
) -> Idea | None:
    """A visible (not hidden) idea of one table."""
    stmt = select(Idea).where(
        Idea.id == idea_id, Idea.table_id == table_id, col(Idea.status).in_(VISIBLE)
    )
    return db.exec(stmt.with_for_update() if for_update else stmt).first()


def table_ideas(db: Session, table_id: uuid.UUID) -> list[Idea]:
    return list(
        db.exec(
            select(Idea)
            .where(Idea.table_id == table_id, col(Idea.status).in_(VISIBLE))
            .order_by(col(Idea.created_at), col(Idea.id))
        ).all()
    )


def ideas_for_combining(db: Session, table_id: uuid.UUID, ids: list[uuid.UUID]) -> list[Idea]:
    return list(
        db.exec(
            select(Idea)
            .where(col(Idea.id).in_(ids), Idea.table_id == table_id, col(Idea.status).in_(VISIBLE))
            .order_by(col(Idea.id))  # one lock order, so two combinations cannot deadlock
            .with_for_update()
        ).all()
    )


def session_ideas_stmt(
    workshop_id: uuid.UUID, *, table_id: uuid.UUID | None, status: IdeaStatus | None
) -> SelectOfScalar[Idea]:
    stmt = select(Idea).where(Idea.workshop_id == workshop_id)
    if table_id is not None:
        stmt = stmt.where(Idea.table_id == table_id)
    if status is not None:
        stmt = stmt.where(Idea.status == status)
    return stmt


def lineage(
    db: Session, idea_ids: list[uuid.UUID]
) -> tuple[dict[uuid.UUID, list[uuid.UUID]], dict[uuid.UUID, list[uuid.UUID]]]:
    """(parents of each idea, children each idea was combined into) for `idea_ids`."""
    parents: dict[uuid.UUID, list[uuid.UUID]] = defaultdict(list)
    children: dict[uuid.UUID, list[uuid.UUID]] = defaultdict(list)
    if not idea_ids:
        return parents, children
    links = db.exec(
        select(IdeaParent).where(
            col(IdeaParent.child_id).in_(idea_ids) | col(IdeaParent.parent_id).in_(idea_ids)
        )
    ).all()
    for link in sorted(links, key=lambda x: (str(x.child_id), str(x.parent_id))):
        parents[link.child_id].append(link.parent_id)
        children[link.parent_id].append(link.child_id)
    return parents, children


def was_combined(db: Session, idea_id: uuid.UUID) -> bool:
    return db.exec(select(IdeaParent).where(IdeaParent.parent_id == idea_id)).first() is not None


def find_theme(db: Session, table_id: uuid.UUID, theme_id: uuid.UUID) -> Theme | None:
    return db.exec(select(Theme).where(Theme.id == theme_id, Theme.table_id == table_id)).first()


def themes_of(db: Session, table_id: uuid.UUID) -> list[Theme]:
    return list(
        db.exec(
            select(Theme)
            .where(Theme.table_id == table_id)
            .order_by(col(Theme.position), col(Theme.created_at), col(Theme.id))
        ).all()
    )


def next_theme_position(db: Session, table_id: uuid.UUID) -> int:
    top = db.exec(select(func.max(Theme.position)).where(Theme.table_id == table_id)).one()
    return 0 if top is None else top + 1


def unassign_theme(db: Session, theme_id: uuid.UUID, now: datetime) -> None:
    db.exec(  # type: ignore[call-overload]
        update(Idea)
        .where(col(Idea.theme_id) == theme_id)
        .values(theme_id=None, version=col(Idea.version) + 1, updated_at=now)
    )


def revisions_stmt(idea_id: uuid.UUID) -> SelectOfScalar[IdeaRevision]:
    return select(IdeaRevision).where(IdeaRevision.idea_id == idea_id)


def moderation_stmt(idea_id: uuid.UUID) -> SelectOfScalar[IdeaModeration]:
    return select(IdeaModeration).where(IdeaModeration.idea_id == idea_id)


def flags_stmt(
    workshop_id: uuid.UUID, *, resolved: bool | None
) -> SelectOfScalar[SafeguardingFlag]:
    stmt = select(SafeguardingFlag).where(SafeguardingFlag.workshop_id == workshop_id)
    if resolved is True:
        stmt = stmt.where(col(SafeguardingFlag.resolved_at).is_not(None))
    elif resolved is False:
        stmt = stmt.where(col(SafeguardingFlag.resolved_at).is_(None))
    return stmt


def counted(workshop_id: uuid.UUID) -> tuple[Any, ...]:
    """What counts towards the targets and the timeline: original, visible ideas."""
    return (
        Idea.workshop_id == workshop_id,
        col(Idea.source).in_(ORIGINAL_SOURCES),
        Idea.status != IdeaStatus.hidden,
    )


def counts_by_author(db: Session, workshop_id: uuid.UUID) -> dict[uuid.UUID, int]:
    rows = db.exec(
        select(Idea.author_id, func.count())
        .where(*counted(workshop_id), col(Idea.author_id).is_not(None))
        .group_by(col(Idea.author_id))
    ).all()
    return {author: n for author, n in rows if author is not None}


def counts_by_table(
    db: Session, workshop_id: uuid.UUID, *, since: datetime | None = None
) -> dict[uuid.UUID, int]:
    stmt = select(Idea.table_id, func.count()).where(*counted(workshop_id))
    if since is not None:
        stmt = stmt.where(col(Idea.created_at) >= since)
    rows = db.exec(stmt.group_by(col(Idea.table_id))).all()
    return dict(rows)
