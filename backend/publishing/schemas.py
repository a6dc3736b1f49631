import uuid
from datetime import datetime

from pydantic import BaseModel, Field

from backend.kit.i18n import LocalizedText
from backend.models import PublicationAction


class PublicationChangePublic(BaseModel):
    action: PublicationAction
    user_id: uuid.UUID | None
    created_at: datetime


class PublicationPublic(BaseModel):
    """Whether the session's results are public (on its public page and to partners)."""

    session_id: uuid.UUID
    published: bool
    published_at: datetime | None = Field(description="Since when; null while not published")
    first_published_at: datetime | None
    public_path: str | None = Field(description="The public page in the web client, once published")
    history: list[PublicationChangePublic] = Field(description="Newest first")


class PublicChosenIdea(BaseModel):
    text: str | None = Field(
        description="Null when its author did not agree to their contributions being published"
    )
    withheld: bool


class PublicTable(BaseModel):
    number: int
    name: str | None
    idea_count: int
    chosen_idea: PublicChosenIdea | None = Field(description="Null until the table has chosen")


class PublicSession(BaseModel):
    """What a published session shows to anyone: no names, nothing personal."""

    id: uuid.UUID
    title: LocalizedText
    challenge: LocalizedText
    starts_at: datetime
    ends_at: datetime | None
    published_at: datetime
    participant_count: int | None = Field(
        description="Null when fewer than five people took part (small groups stay unidentifiable)"
    )
    tables: list[PublicTable]
