"""One live stream: where it starts (fresh, resumed, or reset), then batches read from the log
with a short DB session each, woken by the broker, with keep-alives in between."""

import json
import logging
import time
import uuid
from collections.abc import AsyncIterator
from datetime import datetime
from typing import Any

from pydantic import BaseModel
from sqlalchemy.engine import Engine
from sqlmodel import Session
from starlette.concurrency import run_in_threadpool
from starlette.responses import StreamingResponse

from backend.events.broker import Broker
from backend.events.errors import InvalidLastEventId
from backend.events.retention import oldest_kept_seq, prune_if_due
from backend.events.schemas import HelloEvent, ResetEvent
from backend.events.visibility import BATCH_SIZE, Viewer, read_batch
from backend.kit.clock import utcnow
from backend.models import SessionEvent

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


def frame(
    *,
    seq: int,
    kind: str,
    table_id: uuid.UUID | None,
    created_at: datetime,
    payload: dict[str, Any],
) -> str:
    data = json.dumps(
        {
            "seq": seq,
            "kind": kind,
            "table_id": str(table_id) if table_id else None,
            "created_at": created_at.isoformat(),
            "payload": payload,
        },
        separators=(",", ":"),
    )
    return f"id: {seq}\nevent: {kind}\ndata: {data}\n\n"


def event_frame(event: SessionEvent) -> str:
    return frame(
        seq=event.seq,
        kind=event.kind,
        table_id=event.table_id,
        created_at=event.created_at,
        payload=event.payload,
    )


def own_frame(kind: str, seq: int, payload: BaseModel) -> str:
    return frame(
        seq=seq,
        kind=kind,
        table_id=None,
        created_at=utcnow(),
        payload=payload.model_dump(mode="json"),
    )


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


def _prune(engine: Engine, workshop_id: uuid.UUID) -> None:
    try:
        prune_if_due(engine, workshop_id)
    except Exception:  # housekeeping only; the next stream tries again later
        log.exception("could not prune the event log of session %s", workshop_id)


async def event_stream(
    *, broker: Broker, engine: Engine, viewer: Viewer, after: int, first: str
) -> AsyncIterator[str]:
    keepalive = broker.settings.keepalive_seconds
    participant = viewer.participant_id
    with broker.subscribe(viewer.workshop_id) as subscription:
        if participant is not None:
            await broker.presence.arrive(viewer.workshop_id, participant)
        try:
            await run_in_threadpool(_prune, engine, viewer.workshop_id)
            yield first
            sent_at = time.monotonic()
            while not broker.closed:
                batch = await run_in_threadpool(read_batch, engine, viewer, after)
                if batch is None:
                    return
                for event in batch.events:
                    yield event_frame(event)
                    sent_at = time.monotonic()
                if batch.head > after and (not batch.events or batch.events[-1].seq < batch.head):
                    # Nothing visible up to `head`: move the client's Last-Event-ID on silently
                    # (an `id:` without `data:` dispatches nothing) so a resume skips them.
                    yield f"id: {batch.head}\n\n"
                after = batch.head
                if len(batch.events) >= BATCH_SIZE:
                    continue
                quiet = keepalive - (time.monotonic() - sent_at)
                if quiet <= 0 or not await subscription.wait(quiet):
                    if broker.closed:
                        return
                    if time.monotonic() - sent_at >= keepalive:
                        yield ": keep-alive\n\n"
                        sent_at = time.monotonic()
                        if participant is not None:
                            await broker.presence.refresh(viewer.workshop_id, participant)
        finally:
            if participant is not None:
                broker.presence.depart(viewer.workshop_id, participant)
