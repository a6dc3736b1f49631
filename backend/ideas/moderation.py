"""Safety: facilitators hide and unhide ideas (with an audit trail); anyone can raise a private
safeguarding flag to the facilitators."""

import uuid

from sqlmodel import Session

from backend.events.log import record_event
from backend.ideas import repository as repo
from backend.ideas import views
from backend.ideas.errors import AlreadyHidden, FlagAlreadyResolved, IdeaNotFound, NotHidden
from backend.ideas.events import (
    FlagRaisedEvent,
    FlagResolvedEvent,
    IdeaHiddenEvent,
    IdeaUpdatedEvent,
)
from backend.kit.clock import utcnow
from backend.models import (
    Audience,
    Idea,
    IdeaModeration,
    IdeaStatus,
    ModerationAction,
    Participant,
    SafeguardingFlag,
    Workshop,
)


def _log(
    db: Session, idea: Idea, action: ModerationAction, reason: str, user_id: uuid.UUID
) -> None:
    idea.version += 1
    idea.updated_at = utcnow()
    db.add(idea)
    db.add(IdeaModeration(idea_id=idea.id, action=action, reason=reason, by_user_id=user_id))
    db.flush()


# Moderation works in every phase and even in an archived session: safety comes first.
def hide_idea(*, db: Session, idea: Idea, reason: str, user_id: uuid.UUID) -> Idea:
    if idea.status == IdeaStatus.hidden:
        raise AlreadyHidden()
    idea.status = IdeaStatus.hidden
    _log(db, idea, ModerationAction.hide, reason, user_id)
    record_event(
        db,
        workshop_id=idea.workshop_id,
        kind="idea.hidden",
        payload=IdeaHiddenEvent(idea_id=idea.id, table_id=idea.table_id),
        table_id=idea.table_id,
    )
    return idea


def unhide_idea(*, db: Session, idea: Idea, reason: str, user_id: uuid.UUID) -> Idea:
    """Back to `combined` if it had been combined into another idea, else `active`."""
    if idea.status != IdeaStatus.hidden:
        raise NotHidden()
    idea.status = IdeaStatus.combined if repo.was_combined(db, idea.id) else IdeaStatus.active
    _log(db, idea, ModerationAction.unhide, reason, user_id)
    record_event(
        db,
        workshop_id=idea.workshop_id,
        kind="idea.updated",
        payload=IdeaUpdatedEvent(idea=views.idea_public(db, idea)),
        table_id=idea.table_id,
    )
    return idea


def raise_flag(
    *, db: Session, workshop: Workshop, me: Participant, idea_id: uuid.UUID | None, note: str
) -> SafeguardingFlag:
    """Private to facilitators; the event carries no note (the dashboard fetches it)."""
    if idea_id is not None and (
        me.table_id is None or repo.find_table_idea(db, me.table_id, idea_id) is None
    ):
        raise IdeaNotFound("Flag an idea of your own table, or leave idea_id out")
    flag = SafeguardingFlag(
        workshop_id=workshop.id,
        table_id=me.table_id,
        idea_id=idea_id,
        raised_by_participant_id=me.id,
        note=note,
    )
    db.add(flag)
    db.flush()
    record_event(
        db,
        workshop_id=workshop.id,
        kind="flag.raised",
        payload=FlagRaisedEvent(
            flag_id=flag.id, table_id=flag.table_id, idea_id=idea_id, created_at=flag.created_at
        ),
        audience=Audience.facilitators,
    )
    return flag


def resolve_flag(
    *, db: Session, flag: SafeguardingFlag, user_id: uuid.UUID, note: str | None
) -> SafeguardingFlag:
    if flag.resolved_at is not None:
        raise FlagAlreadyResolved()
    flag.resolved_at = utcnow()
    flag.resolved_by_id = user_id
    flag.resolution_note = note
    db.add(flag)
    db.flush()
    record_event(
        db,
        workshop_id=flag.workshop_id,
        kind="flag.resolved",
        payload=FlagResolvedEvent(flag_id=flag.id, resolved_at=flag.resolved_at),
        audience=Audience.facilitators,
    )
    return flag
