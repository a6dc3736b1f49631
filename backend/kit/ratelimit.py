"""Fixed-window attempt counters in a store every app process shares.

The database is the default store (SQLite file or PostgreSQL, both shared by all processes);
Redis is used when REDIS_URL is set. Counters live outside the request's transaction so that a
refused request (which rolls back) still counts.
"""

from dataclasses import dataclass
from datetime import timedelta
from typing import Protocol

import redis
from sqlalchemy.engine import Engine
from sqlmodel import Session

from backend.kit.clock import utcnow
from backend.models import RateCounter


@dataclass(frozen=True)
class Limit:
    key: str
    max_hits: int
    window_seconds: int


class RateStore(Protocol):
    def count(self, key: str, window_seconds: int) -> int: ...
    def hit(self, key: str, window_seconds: int) -> int: ...


class DatabaseRateStore:
    def __init__(self, engine: Engine) -> None:
        self.engine = engine

    def count(self, key: str, window_seconds: int) -> int:
        with Session(self.engine) as db:
            row = db.get(RateCounter, key)
            if row is None or utcnow() - row.window_start >= timedelta(seconds=window_seconds):
                return 0
            return row.count

    def hit(self, key: str, window_seconds: int) -> int:
        now = utcnow()
        with Session(self.engine) as db:
            row = db.get(RateCounter, key, with_for_update=True)
            if row is None:
                row = RateCounter(key=key, window_start=now, count=0)
            elif now - row.window_start >= timedelta(seconds=window_seconds):
                row.window_start, row.count = now, 0
            row.count += 1
            db.add(row)
            db.commit()
            return row.count


class RedisRateStore:
    def __init__(self, url: str, prefix: str = "cyd:rate:") -> None:
        self.client = redis.Redis.from_url(url)
        self.prefix = prefix

    def count(self, key: str, window_seconds: int) -> int:
        value = self.client.get(self.prefix + key)
        return int(value) if value is not None else 0  # type: ignore[arg-type]

    def hit(self, key: str, window_seconds: int) -> int:
        name = self.prefix + key
        pipe = self.client.pipeline()
        pipe.incr(name)
        pipe.expire(name, window_seconds, nx=True)
        count, _ = pipe.execute()
        return int(count)


class RateLimiter:
    def __init__(self, store: RateStore) -> None:
        self.store = store

    def exceeded(self, *limits: Limit) -> bool:
        """True when any of the limits has already been used up in its window."""
        return any(self.store.count(lim.key, lim.window_seconds) >= lim.max_hits for lim in limits)

    def record(self, *limits: Limit) -> None:
        for lim in limits:
            self.store.hit(lim.key, lim.window_seconds)
