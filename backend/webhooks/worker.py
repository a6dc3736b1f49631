"""The delivery worker: an asyncio task in every app process that leases due deliveries, sends
them and records the outcome (retried with backoff, `failed` after the last attempt), and once an
hour deletes history older than `webhook_retention_days` (backend/webhooks/retention.py).

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
from datetime import datetime, timedelta

from fastapi import FastAPI
from sqlalchemy.engine import Engine

from backend.config import Settings
from backend.db import run_db
from backend.kit.clock import utcnow
from backend.kit.write_gate import write_queue_for
from backend.webhooks import leasing, retention, sending
from backend.webhooks.network import Resolver, system_resolver, webhook_client

logger = logging.getLogger(__name__)
BATCH = 20
SWEEP_EVERY = timedelta(hours=1)


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
        self.next_sweep_at: datetime | None = None

    async def run_once(self) -> int:
        """Send what is due now; how many deliveries were attempted. The worker asks whether
        anything is due before it takes a write turn (mostly nothing is), and its writes run in
        one go inside the turn (see `backend.db.run_db`), so that live writes never queue behind
        a worker-thread trip."""
        if not await asyncio.to_thread(leasing.any_due, self.engine, now=utcnow()):
            return 0
        async with self.queue.turn():
            jobs = await run_db(
                self.engine,
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
            await run_db(
                self.engine,
                leasing.record,
                self.engine,
                owner=self.owner,
                results=list(results),
                settings=self.settings,
                now=utcnow(),
            )
        return len(jobs)

    async def sweep_if_due(self, now: datetime) -> retention.Deleted | None:
        """Delete expired history unless this worker did within the last hour (None then)."""
        if self.next_sweep_at is not None and now < self.next_sweep_at:
            return None
        self.next_sweep_at = now + SWEEP_EVERY
        before = now - timedelta(days=self.settings.webhook_retention_days)
        return await retention.sweep(self.engine, before=before)

    async def run(self, stop: asyncio.Event) -> None:
        while not stop.is_set():
            try:
                await self.sweep_if_due(utcnow())
                attempted = await self.run_once()
            except Exception:
                logger.exception("webhook worker round failed")
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
