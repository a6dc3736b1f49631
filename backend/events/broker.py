"""Waking live streams when their session's event log has news.

The log (backend/events/log.py) is the truth; the broker only says "look again". `publish` is
called after a commit, usually from a threadpool thread; a stream registers a `Subscription`
*before* reading the log, so a wake-up between its read and its wait is never lost.
"""

import asyncio
import contextlib
import logging
import uuid
from collections.abc import Iterator

from sqlalchemy.engine import Engine

from backend.events.config import EventSettings
from backend.events.feed import Feeds
from backend.events.presence import PresenceTracker

log = logging.getLogger(__name__)


class Subscription:
    def __init__(self, workshop_id: uuid.UUID) -> None:
        self.workshop_id = workshop_id
        self._news = asyncio.Event()

    def wake(self) -> None:
        self._news.set()

    async def wait(self, timeout: float) -> bool:
        """Until news (True) or `timeout` seconds pass (False)."""
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(self._news.wait(), timeout)
        woke = self._news.is_set()
        self._news.clear()
        return woke


class Broker:
    """In-process broker: wakes the streams of this process only."""

    def __init__(self, engine: Engine, settings: EventSettings) -> None:
        self.settings = settings
        self.closed = False
        self._loop: asyncio.AbstractEventLoop | None = None
        self._subscriptions: dict[uuid.UUID, set[Subscription]] = {}
        self.presence = PresenceTracker(self, engine, grace_seconds=settings.presence_grace_seconds)
        self.feeds = Feeds(self, engine)

    @contextlib.contextmanager
    def subscribe(self, workshop_id: uuid.UUID) -> Iterator[Subscription]:
        self._loop = asyncio.get_running_loop()
        self._started()
        subscription = Subscription(workshop_id)
        self._subscriptions.setdefault(workshop_id, set()).add(subscription)
        try:
            yield subscription
        finally:
            subscribers = self._subscriptions.get(workshop_id, set())
            subscribers.discard(subscription)
            if not subscribers:
                self._subscriptions.pop(workshop_id, None)

    def publish(self, workshop_id: uuid.UUID) -> None:
        """Called after a commit that wrote events of `workshop_id`; safe from any thread."""
        self.wake_local(workshop_id)

    def wake_local(self, workshop_id: uuid.UUID | None) -> None:
        """Wake this process's streams of one session (or all, for None), from any thread."""
        loop = self._loop
        if loop is None or loop.is_closed():
            return  # no stream has ever subscribed in this process
        with contextlib.suppress(RuntimeError):  # the loop closed meanwhile
            loop.call_soon_threadsafe(self._wake, workshop_id)

    def _wake(self, workshop_id: uuid.UUID | None) -> None:
        if workshop_id is None:
            targets = [s for subs in self._subscriptions.values() for s in subs]
        else:
            targets = list(self._subscriptions.get(workshop_id, ()))
        for subscription in targets:
            subscription.wake()

    def end_streams(self) -> None:
        """Ask every stream to finish (the server is shutting down); safe from any thread."""
        self.closed = True
        self.wake_local(None)

    async def aclose(self) -> None:
        self.end_streams()
        self._wake(None)
        await self.presence.aclose()

    def _started(self) -> None:
        """Hook: start background work once a loop runs (the Redis listener)."""

    # Presence store. In one process, the tracker's own counts are the whole truth.
    async def mark_present(self, workshop_id: uuid.UUID, participant_id: uuid.UUID) -> bool:
        """Record that this process streams to the participant; True if no other process does."""
        return True

    async def mark_absent(self, workshop_id: uuid.UUID, participant_id: uuid.UUID) -> bool:
        """This process no longer streams to them; True if no other process does either."""
        return True

    async def refresh_presence(self, workshop_id: uuid.UUID, participant_id: uuid.UUID) -> None:
        """Keep this process's presence entry alive (called on keep-alives)."""

    def present_participant_ids(self, workshop_id: uuid.UUID) -> set[uuid.UUID]:
        """Participants of the session with an open stream (or within the reconnect grace).
        Synchronous, callable from endpoint code in a threadpool thread."""
        return self.presence.local_present(workshop_id)


def make_broker(engine: Engine, redis_url: str, settings: EventSettings | None = None) -> Broker:
    settings = settings or EventSettings()
    if redis_url:
        from backend.events.redis_broker import RedisBroker

        return RedisBroker(engine, settings, redis_url)
    return Broker(engine, settings)
