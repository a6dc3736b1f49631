"""The broker for several app processes: wake-ups and presence shared through Redis.

Wake-ups: one channel `<prefix>:events`; a message is `<origin>:<workshop_id>`. Each process
keeps ONE subscriber connection and fans out to its local streams (its own messages are skipped:
`publish` wakes local streams directly). After a lost connection it resubscribes and wakes every
local stream, since messages may have been missed meanwhile.

Presence: a sorted set `<prefix>:presence:<workshop_id>` of `<participant_id>|<origin>` members
scored by their expiry time; streams refresh their entry on keep-alives, so a crashed process's
entries lapse by themselves.
"""

import asyncio
import contextlib
import logging
import time
import uuid

import redis
import redis.asyncio as aioredis
from sqlalchemy.engine import Engine

from backend.events.broker import Broker
from backend.events.config import EventSettings

log = logging.getLogger(__name__)
RECONNECT_SECONDS = 1.0


def _text(member: object) -> str:
    return member.decode() if isinstance(member, bytes) else str(member)


class RedisBroker(Broker):
    def __init__(self, engine: Engine, settings: EventSettings, url: str) -> None:
        super().__init__(engine, settings)
        self.url = url
        self.origin = uuid.uuid4().hex
        self.channel = f"{settings.redis_prefix}:events"
        self._sync = redis.Redis.from_url(url)
        self._async: aioredis.Redis | None = None
        self._listener: asyncio.Task[None] | None = None

    def publish(self, workshop_id: uuid.UUID) -> None:
        self.wake_local(workshop_id)
        try:
            self._sync.publish(self.channel, f"{self.origin}:{workshop_id}")
        except redis.RedisError:
            log.exception("could not publish to Redis; other processes find the events later")

    def _started(self) -> None:
        if self._listener is None and not self.closed:
            self._client()
            self._listener = asyncio.get_running_loop().create_task(self._listen())

    async def _listen(self) -> None:
        assert self._async is not None
        while not self.closed:
            try:
                async with self._async.pubsub(ignore_subscribe_messages=True) as pubsub:
                    await pubsub.subscribe(self.channel)
                    self._wake(None)
                    async for message in pubsub.listen():
                        self._on_message(message.get("data"))
            except asyncio.CancelledError:
                raise
            except Exception:
                log.warning("Redis subscription lost; retrying", exc_info=True)
                await asyncio.sleep(RECONNECT_SECONDS)

    def _on_message(self, data: object) -> None:
        if not isinstance(data, bytes):
            return
        origin, _, workshop = data.decode(errors="replace").partition(":")
        if origin == self.origin:
            return
        with contextlib.suppress(ValueError):
            self._wake(uuid.UUID(workshop))

    async def aclose(self) -> None:
        await super().aclose()
        if self._listener is not None:
            self._listener.cancel()
            with contextlib.suppress(BaseException):
                await self._listener
        if self._async is not None:
            await self._async.aclose()
        self._sync.close()

    # Presence
    def _key(self, workshop_id: uuid.UUID) -> str:
        return f"{self.settings.redis_prefix}:presence:{workshop_id}"

    def _member(self, participant_id: uuid.UUID) -> str:
        return f"{participant_id}|{self.origin}"

    def _client(self) -> aioredis.Redis:
        if self._async is None:
            self._async = aioredis.Redis.from_url(self.url)
        return self._async

    async def _others(self, key: str, participant_id: uuid.UUID) -> bool:
        now = time.time()
        members = await self._client().zrangebyscore(key, now, "+inf")
        prefix = f"{participant_id}|"
        mine = self._member(participant_id)
        names = (_text(m) for m in members)
        return any(m.startswith(prefix) and m != mine for m in names)

    async def mark_present(self, workshop_id: uuid.UUID, participant_id: uuid.UUID) -> bool:
        key = self._key(workshop_id)
        others = await self._others(key, participant_id)
        await self.refresh_presence(workshop_id, participant_id)
        return not others

    async def mark_absent(self, workshop_id: uuid.UUID, participant_id: uuid.UUID) -> bool:
        key = self._key(workshop_id)
        await self._client().zrem(key, self._member(participant_id))
        return not await self._others(key, participant_id)

    async def refresh_presence(self, workshop_id: uuid.UUID, participant_id: uuid.UUID) -> None:
        key = self._key(workshop_id)
        ttl = self.settings.presence_ttl_seconds
        now = time.time()
        async with self._client().pipeline(transaction=True) as pipe:
            pipe.zremrangebyscore(key, "-inf", now)
            pipe.zadd(key, {self._member(participant_id): now + ttl})
            pipe.expire(key, int(ttl * 2) + 1)
            await pipe.execute()

    def present_participant_ids(self, workshop_id: uuid.UUID) -> set[uuid.UUID]:
        members = self._sync.zrangebyscore(self._key(workshop_id), time.time(), "+inf")
        found: set[uuid.UUID] = set()
        for member in members:
            with contextlib.suppress(ValueError):
                found.add(uuid.UUID(_text(member).partition("|")[0]))
        return found
