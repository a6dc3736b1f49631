"""Payloads of the pitches slice's events. All are session-wide: every table reads every pitch.
Clients refetch the pitch or its responses for the whole picture."""

import uuid

from pydantic import BaseModel

from backend.models import ResponseKind


class PitchSavedEvent(BaseModel):
    pitch_id: uuid.UUID
    table_id: uuid.UUID
    version: int


class PitchRespondedEvent(BaseModel):
    pitch_id: uuid.UUID
    pitch_table_id: uuid.UUID
    response_id: uuid.UUID
    from_table_id: uuid.UUID
    kind: ResponseKind


class PitchRepliedEvent(BaseModel):
    pitch_id: uuid.UUID
    response_id: uuid.UUID


class PresenterChangedEvent(BaseModel):
    """The table on the big screen (null when presenter mode stopped)."""

    running: bool
    table_id: uuid.UUID | None
    table_number: int | None
    position: int | None
    total: int


EVENT_PAYLOADS: dict[str, type[BaseModel]] = {
    "pitch.saved": PitchSavedEvent,
    "pitch.responded": PitchRespondedEvent,
    "pitch.replied": PitchRepliedEvent,
    "presenter.changed": PresenterChangedEvent,
}
