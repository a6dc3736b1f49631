"""Payloads of this slice's live events (listed in the OpenAPI spec by the events slice)."""

import uuid
from datetime import datetime

from pydantic import BaseModel, Field

from backend.perspectives.schemas import DrawnPromptCard


class PerspectiveStatedEvent(BaseModel):
    """`perspective.stated`: a tablemate wrote or edited their perspective statement."""

    statement_id: uuid.UUID
    author_id: uuid.UUID
    author_name: str
    perspective: str | None = Field(description="Only when the author agreed to share it")
    table_id: uuid.UUID
    text: str
    edited: bool = Field(description="False for a new statement, true for an edit")
    at: datetime


class PromptDrawnEvent(BaseModel):
    """`prompt.drawn`: someone at the table drew a prompt card; everyone there sees it."""

    table_id: uuid.UUID
    card: DrawnPromptCard


EVENT_PAYLOADS: dict[str, type[BaseModel]] = {
    "perspective.stated": PerspectiveStatedEvent,
    "prompt.drawn": PromptDrawnEvent,
}
