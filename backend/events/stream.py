"""One live stream: where it starts (fresh, resumed, or reset), the gap it reads from the log
itself when it resumes from far back, then the frames its session's feed hands it (see
backend/events/feed.py), with keep-alives in between."""

import logging
import time
import uuid
from collections.abc import AsyncIterator

from sqlalchemy.engine import Engine
from sqlmodel import Session
from starlette.concurrency import run_in_threadpool
from starlette.responses import StreamingResponse

from backend.events.broker import Broker
from backend.events.errors import InvalidLastEventId
from backend.events.feed import Listener
from backend.events.retention import oldest_kept_seq, prune_due, prune_now
from backend.events.schemas import HelloEvent, ResetEvent
from backend.events.visibility import Viewer, read_batch
from backend.events.wire import event_frame, own_frame
from backend.kit.write_gate import write_queue_for

MAX_EVENT_ID = 2**53  # what a JavaScript client can hold exactly
RETRY_MS = 3000
log = logging.getLogger(__name__)


class EventStreamResponse(StreamingResponse):
    media_type = "text/event-stream"


def parse_last_event_id(header: str | None, query: str | None) -> int | None:
    raw = header if header is not None else query
    if raw is None or raw.strip() == "":
        return None
    value = raw.strip()
    if not value.isascii() or not value.isdigit() or int(value) > MAX_EVENT_ID:
        raise InvalidLastEventId(f"{raw[:40]!r} is not an event id; it must be a whole number ≥ 0")
    return int(value)


def start(
    db: Session,
    *,
    viewer: Viewer,
    current: int,
    last_event_id: int | None,
    table_id: uuid.UUID | None = None,
) -> tuple[int, str]:
    """(the seq to stream after, the first frame). Fresh: `hello` at the current seq. Resumed:
    nothing extra, the missed events follow. Too old or unknown id: `reset` at the current seq."""
    retry = f"retry: {RETRY_MS}\n\n"
    if last_event_id is None:
        hello = HelloEvent(seq=current, participant_id=viewer.participant_id, table_id=table_id)
        return current, retry + own_frame("hello", current, hello)
    if last_event_id > current:
        return current, retry + own_frame("reset", current, ResetEvent(seq=current))
    if last_event_id < current:
        oldest = oldest_kept_seq(db, viewer.workshop_id)
        if oldest is None or oldest > last_event_id + 1:
            return current, retry + own_frame("reset", current, ResetEvent(seq=current))
    return last_event_id, retry


async def _prune(engine: Engine, workshop_id: uuid.UUID) -> None:
    if not prune_due(workshop_id):
        return
    try:
        # Rare (every 10 minutes) and possibly large: in a worker thread, in its write turn.
        async with write_queue_for(engine).turn():
            await run_in_threadpool(prune_now, engine, workshop_id)
    except Exception:  # housekeeping only; the next stream tries again later
        log.exception("could not prune the event log of session %s", workshop_id)


async def event_stream(
    *,
    broker: Broker,
    engine: Engine,
    viewer: Viewer,
    after: int,
    first: str,
    table_id: uuid.UUID | None = None,
) -> AsyncIterator[str]:
    keepalive = broker.settings.keepalive_seconds
    participant = viewer.participant_id
    listener = Listener(viewer, table_id)
    feed, joined_at = broker.feeds.join(listener, after)
    try:
        if participant is not None:
            await broker.presence.arrive(viewer.workshop_id, participant)
        await _prune(engine, viewer.workshop_id)
        yield first
        cursor = after
        # Resuming from before the feed's head: read the gap from the log first.
        while cursor < joined_at:
            batch = await run_in_threadpool(read_batch, engine, viewer, cursor)
            if batch is None:
                return
            for event in batch.events:
                yield event_frame(event)
            if batch.head <= cursor:
                break
            cursor = batch.head
        sent_at = time.monotonic()
        while not broker.closed:
            quiet = max(0.0, keepalive - (time.monotonic() - sent_at))
            frames = await listener.next(quiet)
            fresh = [text for seq, text in frames if seq > cursor]
            if fresh:
                cursor = max(seq for seq, _ in frames)
                yield "".join(fresh)
                sent_at = time.monotonic()
            if listener.ended or broker.closed:
                return
            if time.monotonic() - sent_at >= keepalive:
                yield _keepalive(listener.head, cursor)
                cursor = max(cursor, listener.head)
                sent_at = time.monotonic()
                if participant is not None:
                    await broker.presence.refresh(viewer.workshop_id, participant)
    finally:
        feed.leave(listener)
        if participant is not None:
            broker.presence.depart(viewer.workshop_id, participant)


def _keepalive(head: int, cursor: int) -> str:
    """A comment that keeps proxies from closing the stream. When the feed has moved past events
    this stream may not see, an `id:` line alone (which dispatches nothing) moves the client's
    Last-Event-ID on too, so that a resume does not read them again."""
    if head > cursor:
        return f"id: {head}\n\n: keep-alive\n\n"
    return ": keep-alive\n\n"
