"""Payloads of the ideas slice's events (see backend/events/log.py), for the OpenAPI spec.

Clients upsert on `idea.created` / `idea.updated` (both carry the whole idea; an unhidden idea
comes back as `idea.updated`), drop on `idea.hidden` (which carries no text) and, on
`theme.deleted`, clear that theme from their ideas. Safeguarding flags go to facilitators only
and never carry the note: the dashboard fetches it.
"""

import uuid
from datetime import datetime

from pydantic import BaseModel

from backend.ideas.schemas import IdeaPublic, ThemePublic


class IdeaCreatedEvent(BaseModel):
    idea: IdeaPublic


class IdeaUpdatedEvent(BaseModel):
    idea: IdeaPublic


class IdeaCombinedEvent(BaseModel):
    """`idea` is the new idea; `parents` are the ideas it combines, now `combined`."""

    idea: IdeaPublic
    parents: list[IdeaPublic]


class IdeaHiddenEvent(BaseModel):
    idea_id: uuid.UUID
    table_id: uuid.UUID


class ThemeChangedEvent(BaseModel):
    theme: ThemePublic


class ThemeDeletedEvent(BaseModel):
    theme_id: uuid.UUID
    table_id: uuid.UUID


class FlagRaisedEvent(BaseModel):
    flag_id: uuid.UUID
    table_id: uuid.UUID | None
    idea_id: uuid.UUID | None
    created_at: datetime


class FlagResolvedEvent(BaseModel):
    flag_id: uuid.UUID
    resolved_at: datetime


EVENT_PAYLOADS: dict[str, type[BaseModel]] = {
    "idea.created": IdeaCreatedEvent,
    "idea.updated": IdeaUpdatedEvent,
    "idea.combined": IdeaCombinedEvent,
    "idea.hidden": IdeaHiddenEvent,
    "theme.created": ThemeChangedEvent,
    "theme.updated": ThemeChangedEvent,
    "theme.deleted": ThemeDeletedEvent,
    "flag.raised": FlagRaisedEvent,
    "flag.resolved": FlagResolvedEvent,
}
