"""The delivery worker: an asyncio task in every app process that leases due deliveries, sends
them and records the outcome (retried with backoff, `failed` after the last attempt).

Several processes may run it on one database: leasing (backend/webhooks/leasing.py) makes sure
each delivery has one sender at a time.
"""

import asyncio
import contextlib
import logging
import os
import socket
import uuid
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from fastapi import FastAPI
from sqlalchemy.engine import Engine

from backend.config import Settings
from backend.kit.clock import utcnow
from backend.kit.write_gate import write_queue_for
from backend.webhooks import leasing, sending
from backend.webhooks.network import Resolver, system_resolver, webhook_client

logger = logging.getLogger(__name__)
BATCH = 20


class DeliveryWorker:
    def __init__(
        self,
        engine: Engine,
        settings: Settings,
        *,
        owner: str | None = None,
        resolver: Resolver = system_resolver,
    ) -> None:
        self.engine = engine
        self.settings = settings
        self.owner = (owner or f"{socket.gethostname()}:{os.getpid()}:{uuid.uuid4().hex[:8]}")[-64:]
        self.lease_seconds = settings.webhooks_timeout_seconds * 3 + 30
        self.client = webhook_client(
            allow_private=settings.webhooks_allow_private_targets,
            timeout_seconds=settings.webhooks_timeout_seconds,
            resolver=resolver,
        )
        self.queue = write_queue_for(engine)

    async def run_once(self) -> int:
        """Send what is due now; how many deliveries were attempted."""
        async with self.queue.turn():
            jobs = await asyncio.to_thread(
                leasing.claim,
                self.engine,
                owner=self.owner,
                now=utcnow(),
                lease_seconds=self.lease_seconds,
                limit=BATCH,
            )
        if not jobs:
            return 0
        timeout = self.settings.webhooks_timeout_seconds
        results = await asyncio.gather(
            *(sending.attempt(self.client, job, timeout=timeout) for job in jobs)
        )
        async with self.queue.turn():
            await asyncio.to_thread(
                leasing.record,
                self.engine,
                owner=self.owner,
                results=list(results),
                settings=self.settings,
                now=utcnow(),
            )
        return len(jobs)

    async def run(self, stop: asyncio.Event) -> None:
        while not stop.is_set():
            try:
                attempted = await self.run_once()
            except Exception:
                logger.exception("webhook delivery round failed")
                attempted = 0
            if attempted == 0:
                with contextlib.suppress(TimeoutError):
                    await asyncio.wait_for(stop.wait(), self.settings.webhooks_poll_seconds)

    async def aclose(self) -> None:
        await self.client.aclose()


@asynccontextmanager
async def webhooks_lifespan(app: FastAPI) -> AsyncIterator[None]:
    """Runs the worker while the app serves (unless `webhooks_worker_enabled` is off)."""
    settings: Settings = app.state.settings
    if not settings.webhooks_worker_enabled:
        yield
        return
    worker = DeliveryWorker(app.state.engine, settings)
    stop = asyncio.Event()
    task = asyncio.create_task(worker.run(stop))
    try:
        yield
    finally:
        stop.set()
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(task, settings.webhooks_timeout_seconds * 2 + 5)
        await worker.aclose()
