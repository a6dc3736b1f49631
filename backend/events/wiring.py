"""Plugging the broker into the app: created with the app, told about commits, closed on shutdown.

Uvicorn waits for open responses to finish *before* it runs the lifespan shutdown, so a live
stream would hold a shutdown forever. On start-up the lifespan therefore chains the server's
SIGINT/SIGTERM handlers: the signal first ends every stream (via the broker), then uvicorn's own
handler runs as before.
"""

import asyncio
import signal
import threading
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from types import FrameType
from typing import Any

from fastapi import FastAPI

from backend.config import Settings
from backend.events import notify
from backend.events.broker import Broker, make_broker

SIGNALS = (signal.SIGINT, signal.SIGTERM)


def install_events(app: FastAPI, settings: Settings) -> None:
    notify.install()
    app.state.broker = make_broker(app.state.engine, settings.redis_url)


def _chain_signals(broker: Broker) -> dict[int, tuple[Any, Any]]:
    """{signal: (the handler before ours, ours)}."""
    if threading.current_thread() is not threading.main_thread():
        return {}
    loop = asyncio.get_running_loop()
    chained: dict[int, tuple[Any, Any]] = {}
    for sig in SIGNALS:
        earlier = signal.getsignal(sig)
        if not callable(earlier):
            continue  # default or ignored: not a server that waits for us

        def handler(signum: int, frame: FrameType | None, earlier: Any = earlier) -> None:
            loop.call_soon_threadsafe(broker.end_streams)
            earlier(signum, frame)

        chained[sig] = (earlier, handler)
        signal.signal(sig, handler)
    return chained


@asynccontextmanager
async def events_lifespan(app: FastAPI) -> AsyncIterator[None]:
    broker: Broker = app.state.broker
    chained = _chain_signals(broker)
    try:
        yield
    finally:
        for sig, (earlier, ours) in chained.items():
            if signal.getsignal(sig) is ours:
                signal.signal(sig, earlier)
        await broker.aclose()
