"""One writing transaction at a time per process, queued on the event loop (SQLite only).

SQLite has one writer. Without this queue, writing requests each take a worker thread and then
block in `BEGIN IMMEDIATE`, so under load the thread pool fills with waiters while the request
that holds the lock waits for a thread to finish — everything stalls until timeouts fire. Queued
here instead, a waiting request costs nothing but a coroutine. The request's session takes its
turn (backend/db.py), as do background writers (presence, webhook deliveries). Between
processes, `BEGIN IMMEDIATE` with the busy timeout still orders the writers.
"""

import asyncio
import weakref
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from sqlalchemy.engine import Engine


class WriteQueue:
    """Writers to one SQLite database take turns here (a no-op for other databases)."""

    def __init__(self, *, enabled: bool) -> None:
        self.enabled = enabled
        self._lock: asyncio.Lock | None = None

    @asynccontextmanager
    async def turn(self) -> AsyncIterator[None]:
        if not self.enabled:
            yield
            return
        if self._lock is None:
            self._lock = asyncio.Lock()
        async with self._lock:
            yield


_queues: "weakref.WeakKeyDictionary[Engine, WriteQueue]" = weakref.WeakKeyDictionary()


def write_queue_for(engine: Engine) -> WriteQueue:
    """The queue of the app's engine: requests and background writers (presence) share it."""
    queue = _queues.get(engine)
    if queue is None:
        queue = _queues[engine] = WriteQueue(enabled=engine.dialect.name == "sqlite")
    return queue
