"""One writing request at a time per process, queued on the event loop (SQLite only).

SQLite has one writer. Without this gate, writing requests each take a worker thread and then
block in `BEGIN IMMEDIATE`, so under load the thread pool fills with waiters while the request
that holds the lock waits for a thread to finish — everything stalls until timeouts fire. Queued
here instead, a waiting request costs nothing but a coroutine. Between processes, `BEGIN
IMMEDIATE` with the busy timeout still orders the writers.
"""

import asyncio

from starlette.types import ASGIApp, Receive, Scope, Send

SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})


class SqliteWriteGate:
    def __init__(self, app: ASGIApp, *, path_prefix: str) -> None:
        self.app = app
        self.path_prefix = path_prefix
        self._lock: asyncio.Lock | None = None

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        writes = (
            scope["type"] == "http"
            and scope["method"] not in SAFE_METHODS
            and scope["path"].startswith(self.path_prefix)
        )
        if not writes:
            await self.app(scope, receive, send)
            return
        if self._lock is None:
            self._lock = asyncio.Lock()
        async with self._lock:
            await self.app(scope, receive, send)
