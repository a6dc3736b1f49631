"""Payloads of the storyboards slice's events (see backend/events/log.py), for the OpenAPI spec.

`storyboard.updated` goes to the table's audience (facilitators see it too); clients refetch the
storyboard for the whole picture.
"""

import uuid
from typing import Literal

from pydantic import BaseModel

StoryboardChange = Literal["frame_added", "frame_updated", "frame_removed", "reordered"]


class StoryboardUpdatedEvent(BaseModel):
    table_id: uuid.UUID
    storyboard_id: uuid.UUID
    version: int
    change: StoryboardChange
    frame_id: uuid.UUID | None
    by_facilitator: bool


EVENT_PAYLOADS: dict[str, type[BaseModel]] = {"storyboard.updated": StoryboardUpdatedEvent}
