"""Payloads of the stream's own events, and the envelope every event is sent in."""

import uuid
from datetime import datetime
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, RootModel, create_model


class HelloEvent(BaseModel):
    """First event of a fresh stream: where it starts, and (for a participant) their table."""

    seq: int = Field(description="The session's newest event; live events follow it")
    participant_id: uuid.UUID | None = None
    table_id: uuid.UUID | None = Field(default=None, description="The participant's table")


class ResetEvent(BaseModel):
    """The `Last-Event-ID` asked for is no longer (or never was) in the log: refetch the state
    you show, then carry on; the stream continues live from `seq`."""

    seq: int


class PresenceChangedEvent(BaseModel):
    """A participant's first live connection opened, or their last one closed (after a short
    grace period, so a reconnecting phone does not flicker)."""

    participant_id: uuid.UUID
    present: bool
    table_present_count: int | None = Field(
        description="How many people of their table are now connected (null: no table)"
    )


EVENT_PAYLOADS: dict[str, type[BaseModel]] = {
    "hello": HelloEvent,
    "reset": ResetEvent,
    "presence.changed": PresenceChangedEvent,
}


def _envelope_name(kind: str) -> str:
    """`idea.created` -> `IdeaCreatedEnvelope` (kinds may share a payload model)."""
    return "".join(part.title() for part in kind.replace("_", ".").split(".")) + "Envelope"


def envelope_model(kind: str, payload: type[BaseModel]) -> type[BaseModel]:
    model: type[BaseModel] = create_model(
        _envelope_name(kind),
        __config__=ConfigDict(title=_envelope_name(kind)),
        __doc__=f"A `{kind}` event as sent in the `data:` line of the stream.",
        seq=(int, Field(description="Position in the session's log; also the SSE `id:`")),
        kind=(Literal[kind], Field(description="Also the SSE `event:` name")),  # type: ignore[arg-type,valid-type]
        table_id=(uuid.UUID | None, Field(description="The table a table event belongs to")),
        created_at=(datetime, ...),
        payload=(payload, ...),
    )
    return model


def event_envelope(payloads: dict[str, type[BaseModel]]) -> type[RootModel[Any]]:
    """`EventEnvelope`: one of the envelopes, told apart by `kind`."""
    members = tuple(envelope_model(kind, model) for kind, model in sorted(payloads.items()))
    union: Any = members[0]
    for member in members[1:]:
        union = union | member

    class EventEnvelope(RootModel[Annotated[union, Field(discriminator="kind")]]):  # type: ignore[valid-type]
        """The `data:` of every event on a session's stream: JSON with the event's `seq`,
        `kind`, `table_id`, `created_at` and the kind's `payload`."""

    return EventEnvelope
