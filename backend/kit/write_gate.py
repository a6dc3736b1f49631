"""One writing transaction at a time, queued on the event loop (SQLite only).

SQLite has one writer. Without this queue, writing requests each take a worker thread and then
block in `BEGIN IMMEDIATE`, so under load the thread pool fills with waiters while the request
that holds the lock waits for a thread to finish — everything stalls until timeouts fire. Queued
here instead, a waiting request costs nothing but a coroutine. The request's session takes its
turn (backend/db.py), as do background writers (presence, webhook deliveries).

Several app processes sharing one SQLite file also take turns through an advisory file lock next
to the database (`<file>.write-lock`): a process waits for it in a worker thread and is woken as
soon as the other lets go, where SQLite's own busy handler would poll with growing sleeps. Within
one process the queue comes first, so at most one of its requests ever waits on the file lock.
"""

import asyncio
import contextlib
import fcntl
import os
import weakref
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path

from sqlalchemy.engine import Engine


class WriteQueue:
    """Writers to one SQLite database take turns here (a no-op for other databases)."""

    def __init__(self, *, enabled: bool, lock_file: Path | None = None) -> None:
        self.enabled = enabled
        self.lock_file = lock_file
        self._lock: asyncio.Lock | None = None
        self._fd: int | None = None

    @asynccontextmanager
    async def turn(self) -> AsyncIterator[None]:
        if not self.enabled:
            yield
            return
        if self._lock is None:
            self._lock = asyncio.Lock()
        async with self._lock:
            fd = await self._lock_file()
            try:
                yield
            finally:
                if fd is not None:
                    fcntl.flock(fd, fcntl.LOCK_UN)

    async def _lock_file(self) -> int | None:
        if self.lock_file is None:
            return None
        if self._fd is None:
            self._fd = os.open(self.lock_file, os.O_RDWR | os.O_CREAT, 0o600)
        try:
            fcntl.flock(self._fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:  # another process is writing: wait without blocking the loop
            await _wait_for_lock(self._fd)
        return self._fd


async def _wait_for_lock(fd: int) -> None:
    waiting = asyncio.get_running_loop().run_in_executor(None, fcntl.flock, fd, fcntl.LOCK_EX)
    try:
        await asyncio.shield(waiting)
    except asyncio.CancelledError:
        # The thread takes the lock whatever happens to this request: let it go again before
        # this process's next writer gets its turn.
        while not waiting.done():
            with contextlib.suppress(asyncio.CancelledError):
                await asyncio.shield(waiting)
        if waiting.exception() is None:
            fcntl.flock(fd, fcntl.LOCK_UN)
        raise


_queues: "weakref.WeakKeyDictionary[Engine, WriteQueue]" = weakref.WeakKeyDictionary()


def write_queue_for(engine: Engine) -> WriteQueue:
    """The queue of the app's engine: requests and background writers (presence) share it."""
    queue = _queues.get(engine)
    if queue is None:
        sqlite = engine.dialect.name == "sqlite"
        queue = _queues[engine] = WriteQueue(
            enabled=sqlite, lock_file=_lock_file_of(engine) if sqlite else None
        )
    return queue


def _lock_file_of(engine: Engine) -> Path | None:
    database = engine.url.database
    if not database or database == ":memory:" or database.startswith("file:"):
        return None
    return Path(f"{database}.write-lock")
