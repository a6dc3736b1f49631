"""One reader of a session's event log per process, fanning the events out to that session's
open streams.

Without it every stream would read the log itself at every wake-up: with 700 phones in one
session, one new idea would cost 700 reads. A `SessionFeed` reads each new stretch of the log
once (with who may still listen, and at which table, decided in the same read) and hands every
`Listener` the frames it may see: session-wide events, its table's, and for facilitators all.

A listener joining a running feed gets every event after the feed's head at that moment; a
stream resuming from further back reads the gap itself first (see `backend/events/stream.py`).
A listener that falls too far behind is ended: its client reconnects and resumes from the log.
"""

import asyncio
import contextlib
import logging
import time
import uuid
from collections import deque
from typing import TYPE_CHECKING

from sqlalchemy.engine import Engine
from starlette.concurrency import run_in_threadpool

from backend.events.feed_read import Access, FeedRead, read_feed
from backend.events.visibility import Viewer
from backend.models import Audience

if TYPE_CHECKING:
    from backend.events.broker import Broker, Subscription

log = logging.getLogger(__name__)
MAX_PENDING = 5000  # frames queued for one slow listener before it is ended
# At most one read of a session's log per interval: under load one read carries the events of
# many writes (and each stream gets them in one send) for at most this much added delay.
READ_INTERVAL = 0.025
Frame = tuple[int, str]  # (seq, text)


class Listener:
    """One open stream, as the feed sees it."""

    def __init__(self, viewer: Viewer, table_id: uuid.UUID | None) -> None:
        self.viewer = viewer
        self.table_id = table_id
        self.head = 0  # the feed has considered every event up to here for this listener
        self.ended = False
        self._pending: deque[Frame] = deque()
        self._news = asyncio.Event()

    def push(self, frames: list[Frame], head: int) -> None:
        self.head = max(self.head, head)
        if not frames:
            return
        self._pending.extend(frames)
        if len(self._pending) > MAX_PENDING:
            self.end()
        self._news.set()

    def end(self) -> None:
        self.ended = True
        self._news.set()

    async def next(self, timeout: float) -> list[Frame]:
        """The frames that arrived (after waiting up to `timeout` seconds for some)."""
        if not self._pending and not self.ended:
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(self._news.wait(), timeout)
        self._news.clear()
        frames = list(self._pending)
        self._pending.clear()
        return frames


class SessionFeed:
    def __init__(
        self, feeds: "Feeds", workshop_id: uuid.UUID, head: int, recheck_seconds: float
    ) -> None:
        self.feeds = feeds
        self.workshop_id = workshop_id
        self.head = head
        self.recheck_seconds = recheck_seconds
        self.listeners: set[Listener] = set()
        self._subscription: Subscription | None = None
        self._checked_at = time.monotonic()  # listeners' requests checked their access

    def join(self, listener: Listener) -> int:
        """Add a listener; it will get every event after the returned seq."""
        listener.head = self.head
        self.listeners.add(listener)
        return self.head

    def leave(self, listener: Listener) -> None:
        self.listeners.discard(listener)
        if not self.listeners and self._subscription is not None:
            self._subscription.wake()  # let the feed finish now rather than at its next recheck

    async def run(self) -> None:
        broker = self.feeds.broker
        try:
            with broker.subscribe(self.workshop_id) as subscription:
                self._subscription = subscription
                while self.listeners and not broker.closed:
                    asked = set(self.listeners)
                    read_at = time.monotonic()
                    read = await run_in_threadpool(self._read, asked)
                    if read is None:
                        break
                    self._dispatch(read, asked)
                    if not read.full:
                        await subscription.wait(self.recheck_seconds)
                        await asyncio.sleep(read_at + READ_INTERVAL - time.monotonic())
        except Exception:  # the streams end; their clients reconnect and resume from the log
            log.exception("the live feed of session %s failed", self.workshop_id)
        finally:
            for listener in self.listeners:
                listener.end()
            self.feeds.forget(self)

    def _read(self, asked: set[Listener]) -> FeedRead | None:
        viewers = [listener.viewer for listener in asked]
        due = time.monotonic() - self._checked_at >= self.recheck_seconds
        read = read_feed(
            self.feeds.engine,
            self.workshop_id,
            after=self.head,
            device_ids={v.device_id for v in viewers if v.device_id is not None},
            user_ids={v.user_id for v in viewers if v.user_id is not None},
            check_access=due,
        )
        if read is not None and read.access is not None:
            self._checked_at = time.monotonic()
        return read

    def _dispatch(self, read: FeedRead, asked: set[Listener]) -> None:
        """Hand out what each listener may see now. Access is re-read after moves and
        sign-outs and every `recheck_seconds`; listeners that joined during the read were checked
        by their own request moments ago and keep their table until the next check."""
        self.head = read.head
        everything = [(e.seq, e.frame) for e in read.events]
        by_table: dict[uuid.UUID | None, list[Frame]] = {}
        access = read.access
        for listener in list(self.listeners):
            viewer = listener.viewer
            checked = access is not None and listener in asked
            if not _may_listen(viewer, read, access if checked else None):
                listener.end()
            elif viewer.user_id is not None:
                listener.push(everything, read.head)
            else:
                if checked:
                    listener.table_id = access.seats[viewer.device_id]  # type: ignore[union-attr,index]
                frames = by_table.get(listener.table_id)
                if frames is None:
                    frames = by_table[listener.table_id] = _table_frames(read, listener.table_id)
                listener.push(frames, read.head)


def _may_listen(viewer: Viewer, read: FeedRead, access: Access | None) -> bool:
    if viewer.user_id is not None:
        return access is None or viewer.user_id in access.facilitators
    if not read.open_to_participants:
        return False
    return access is None or viewer.device_id in access.seats


def _table_frames(read: FeedRead, table_id: uuid.UUID | None) -> list[Frame]:
    """What a participant at `table_id` sees: session-wide events and that table's."""
    return [
        (e.seq, e.frame)
        for e in read.events
        if e.audience == Audience.session
        or (e.audience == Audience.table and e.table_id == table_id)
    ]


class Feeds:
    """This process's feeds, one per session with open streams."""

    def __init__(self, broker: "Broker", engine: Engine) -> None:
        self.broker = broker
        self.engine = engine
        self._feeds: dict[uuid.UUID, SessionFeed] = {}
        self._tasks: set[asyncio.Task[None]] = set()

    def join(self, listener: Listener, after: int) -> tuple[SessionFeed, int]:
        """The listener's feed (started on first use) and the seq it delivers after."""
        workshop_id = listener.viewer.workshop_id
        feed = self._feeds.get(workshop_id)
        if feed is None:
            recheck = self.broker.settings.keepalive_seconds
            feed = self._feeds[workshop_id] = SessionFeed(self, workshop_id, after, recheck)
            task = asyncio.get_running_loop().create_task(feed.run())
            self._tasks.add(task)
            task.add_done_callback(self._tasks.discard)
        return feed, feed.join(listener)

    def running(self, workshop_id: uuid.UUID) -> bool:
        return workshop_id in self._feeds

    def forget(self, feed: SessionFeed) -> None:
        if self._feeds.get(feed.workshop_id) is feed:
            del self._feeds[feed.workshop_id]
