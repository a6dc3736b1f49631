"""Live event streams (Server-Sent Events) for facilitators and participants."""

import uuid
from typing import Annotated, Any

from fastapi import APIRouter, Header, Query, Request
from fastapi.responses import JSONResponse

from backend.deps import CurrentParticipant, DbSession
from backend.errors import PROBLEM_MEDIA_TYPE
from backend.events.broker import Broker
from backend.events.catalog import EventEnvelope
from backend.events.stream import (
    EventStreamResponse,
    event_stream,
    parse_last_event_id,
    start,
)
from backend.events.visibility import Viewer
from backend.workshops.access import SessionsReader

router = APIRouter(tags=["events"])

SessionRead = SessionsReader
LastEventIdHeader = Annotated[
    str | None,
    Header(
        alias="Last-Event-ID",
        max_length=40,
        description="The `id:` of the last event received; the stream replays what came after",
    ),
]
LastEventIdQuery = Annotated[
    str | None,
    Query(
        max_length=40, description="Same as the `Last-Event-ID` header, for EventSource polyfills"
    ),
]
SESSION_DOC = (
    "Everything that happens in the session, live: every table's events and the "
    "facilitator-only ones."
)
MY_DOC = (
    "Your session's events, live: session-wide ones and those of the table you sit at (after a "
    "move, the new table's from then on). The stream ends if you are removed."
)
STREAM_DOC = """

Each event is sent as `id: <seq>`, `event: <kind>` and `data: <EventEnvelope JSON>`. A fresh
stream starts with `hello` (the current `seq`). To resume, send `Last-Event-ID` (browsers do this
by themselves when they reconnect): the missed events are replayed in order, then live ones follow.
If the id is older than the log keeps (24 hours, at most 50,000 events) or unknown, a `reset`
event says to refetch the state, then the stream goes on live. An `id:` line alone moves the
resume point past events you cannot see; `: keep-alive` comments come every 15 s."""

STREAM_RESPONSES: dict[int | str, dict[str, Any]] = {
    200: {
        "model": EventEnvelope,
        "description": "A `text/event-stream`; the schema is that of each event's `data:` line",
    },
    # Spelled out: with the stream's media type, `problem_responses` would file them under it.
    **{
        status: {
            "description": "Problem",
            "content": {PROBLEM_MEDIA_TYPE: {"schema": {"$ref": "#/components/schemas/Problem"}}},
        }
        for status in (400, 401, 403, 404, 422)
    },
}


class _EventStreamDoc(JSONResponse):
    """Only for the OpenAPI document: the stream's media type, with the 200 schema left to
    `STREAM_RESPONSES` (the routes return an `EventStreamResponse`)."""

    media_type = "text/event-stream"


def _stream(
    request: Request,
    viewer: Viewer,
    first: str,
    after: int,
    table_id: uuid.UUID | None = None,
) -> EventStreamResponse:
    broker: Broker = request.app.state.broker
    return EventStreamResponse(
        event_stream(
            broker=broker,
            engine=request.app.state.engine,
            viewer=viewer,
            after=after,
            first=first,
            table_id=table_id,
        ),
        headers={"Cache-Control": "no-store", "X-Accel-Buffering": "no"},
    )


@router.get(
    "/sessions/{session_id}/events",
    name="events-session-stream",
    response_class=_EventStreamDoc,
    responses=STREAM_RESPONSES,
    description=SESSION_DOC + STREAM_DOC,
)
def session_events(
    request: Request,
    access: SessionRead,
    db: DbSession,
    last_event_id_header: LastEventIdHeader = None,
    last_event_id: LastEventIdQuery = None,
) -> EventStreamResponse:
    """The session's live event stream, for its facilitators."""
    resume = parse_last_event_id(last_event_id_header, last_event_id)
    workshop = access.workshop
    viewer = Viewer(workshop_id=workshop.id, user_id=access.facilitator.user.id)
    after, first = start(db, viewer=viewer, current=workshop.event_seq, last_event_id=resume)
    return _stream(request, viewer, first, after)


@router.get(
    "/me/events",
    name="events-my-stream",
    response_class=_EventStreamDoc,
    responses=STREAM_RESPONSES,
    description=MY_DOC + STREAM_DOC,
)
def my_events(
    request: Request,
    me: CurrentParticipant,
    db: DbSession,
    last_event_id_header: LastEventIdHeader = None,
    last_event_id: LastEventIdQuery = None,
) -> EventStreamResponse:
    """The participant's live event stream."""
    resume = parse_last_event_id(last_event_id_header, last_event_id)
    participant = me.participant
    viewer = Viewer(
        workshop_id=me.workshop.id, participant_id=participant.id, device_id=me.device.id
    )
    after, first = start(
        db,
        viewer=viewer,
        current=me.workshop.event_seq,
        last_event_id=resume,
        table_id=participant.table_id,
    )
    return _stream(request, viewer, first, after, participant.table_id)
