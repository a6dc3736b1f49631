"""Read models of the ideas slice: public ideas (with their lineage), themes, revisions, flags."""

import uuid

from sqlmodel import Session

from backend.ideas import repository as repo
from backend.ideas.schemas import (
    FlagPublic,
    IdeaPublic,
    ModerationPublic,
    RevisionPublic,
    ThemePublic,
)
from backend.models import Idea, IdeaModeration, IdeaRevision, SafeguardingFlag, Theme


def etag(idea: Idea) -> str:
    return f'"{idea.version}"'


def ideas_public(db: Session, ideas: list[Idea]) -> list[IdeaPublic]:
    parents, children = repo.lineage(db, [idea.id for idea in ideas])
    return [_public(idea, parents.get(idea.id, []), children.get(idea.id, [])) for idea in ideas]


def idea_public(db: Session, idea: Idea) -> IdeaPublic:
    return ideas_public(db, [idea])[0]


def new_idea_public(idea: Idea) -> IdeaPublic:
    """A just-written idea has no lineage yet: no query needed (the hot path of capture)."""
    return _public(idea, [], [])


def _public(idea: Idea, parent_ids: list[uuid.UUID], child_ids: list[uuid.UUID]) -> IdeaPublic:
    return IdeaPublic(
        id=idea.id,
        table_id=idea.table_id,
        author_id=idea.author_id,
        entered_by_participant_id=idea.entered_by_participant_id,
        entered_by_facilitator=idea.entered_by_user_id is not None,
        source=idea.source,
        text=idea.text,
        theme_id=idea.theme_id,
        status=idea.status,
        version=idea.version,
        parent_ids=parent_ids,
        combined_into_ids=child_ids,
        repurposed_from_id=idea.repurposed_from_id,
        created_at=idea.created_at,
        updated_at=idea.updated_at,
    )


def theme_public(theme: Theme) -> ThemePublic:
    return ThemePublic.model_validate(theme, from_attributes=True)


def revision_public(revision: IdeaRevision) -> RevisionPublic:
    return RevisionPublic(
        id=revision.id,
        idea_id=revision.idea_id,
        editor_participant_id=revision.editor_participant_id,
        edited_by_facilitator=revision.editor_user_id is not None,
        text_before=revision.text_before,
        text_after=revision.text_after,
        theme_before_id=revision.theme_before_id,
        theme_after_id=revision.theme_after_id,
        version=revision.version,
        created_at=revision.created_at,
    )


def moderation_public(entry: IdeaModeration) -> ModerationPublic:
    return ModerationPublic.model_validate(entry, from_attributes=True)


def flag_public(flag: SafeguardingFlag) -> FlagPublic:
    return FlagPublic.model_validate(flag, from_attributes=True)
