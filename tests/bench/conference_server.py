"""The real app plus timing probes, for `bench_conference.py --profile` (never used otherwise).

`uvicorn --factory tests.bench.conference_server:app_from_env` serves `backend.main.create_app()`
unchanged, with these measurements added from the outside (no backend code is edited):

- per route (method + path template): requests and time from the request reaching the app to the
  response's first byte;
- SQLite: time spent in `BEGIN IMMEDIATE` (waiting for the one write lock), in `COMMIT`, and the
  number of statements;
- the event streams: calls of `read_batch` (one per stream per wake-up) and their time;
- the threadpool: a sample every 50 ms of busy threads and of tasks queueing for one;
- the event loop's lag (how late a 50 ms sleep wakes up);
- SQLite's write turn (backend/kit/write_gate.py): time spent waiting for it, and holding it;
- the cycle collector's pauses, per generation.

`GET /bench/stats` returns them as JSON; `POST /bench/stats/reset` zeroes them.
"""

import asyncio
import contextlib
import gc
import threading
import time
from collections import Counter, defaultdict
from collections.abc import AsyncIterator
from typing import Any

import anyio.to_thread
from fastapi import FastAPI
from sqlalchemy import event
from starlette.types import ASGIApp, Message, Receive, Scope, Send

import backend.events.stream as stream_module
from backend.kit.write_gate import WriteQueue
from backend.main import create_app


class Stats:
    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.reset()

    def reset(self) -> None:
        self.routes: dict[str, list[float]] = defaultdict(lambda: [0, 0.0, 0.0])  # n, sum, max
        self.sql: dict[str, list[float]] = defaultdict(lambda: [0, 0.0, 0.0])
        self.samples = 0
        self.gc_found: Counter[int] = Counter()  # unreachable objects found, per generation
        self.busy_sum = 0
        self.waiting_sum = 0
        self.waiting_max = 0
        self.lag_n = 0
        self.lag_sum = 0.0
        self.lag_max = 0.0
        self.started = time.time()

    def add(self, table: dict[str, list[float]], key: str, seconds: float) -> None:
        with self.lock:
            row = table[key]
            row[0] += 1
            row[1] += seconds
            row[2] = max(row[2], seconds)

    def report(self) -> dict[str, Any]:
        def rows(table: dict[str, list[float]]) -> dict[str, dict[str, float]]:
            return {
                key: {
                    "n": n,
                    "total_s": round(total, 3),
                    "mean_ms": round(1000 * total / n, 2) if n else 0,
                    "max_ms": round(1000 * top, 1),
                }
                for key, (n, total, top) in sorted(table.items(), key=lambda kv: -kv[1][1])
            }

        samples = max(1, self.samples)
        return {
            "window_s": round(time.time() - self.started, 1),
            "routes": rows(self.routes),
            "sql": rows(self.sql),
            "threadpool": {
                "mean_busy": round(self.busy_sum / samples, 1),
                "mean_waiting": round(self.waiting_sum / samples, 1),
                "max_waiting": self.waiting_max,
            },
            "gc_unreachable_found": dict(sorted(self.gc_found.items())),
            "loop_lag_ms": {
                "mean": round(1000 * self.lag_sum / max(1, self.lag_n), 1),
                "max": round(1000 * self.lag_max, 1),
            },
        }


STATS = Stats()
_SQL_START = "cyd_bench_t0"


def _instrument_engine(engine: Any) -> None:
    @event.listens_for(engine, "before_cursor_execute")
    def _before(conn: Any, cursor: Any, statement: str, *args: Any) -> None:
        conn.info[_SQL_START] = time.perf_counter()

    @event.listens_for(engine, "after_cursor_execute")
    def _after(conn: Any, cursor: Any, statement: str, *args: Any) -> None:
        took = time.perf_counter() - conn.info.pop(_SQL_START, time.perf_counter())
        head = statement.lstrip()[:16].upper()
        if head.startswith("BEGIN IMMEDIATE"):
            key = "BEGIN IMMEDIATE (write lock wait)"
        elif head.startswith("BEGIN"):
            key = "BEGIN (read)"
        else:
            key = "other statements: " + head.split(" ", 1)[0]
        STATS.add(STATS.sql, key, took)

    original_commit = engine.dialect.do_commit

    def timed_commit(dbapi_connection: Any) -> None:
        start = time.perf_counter()
        try:
            original_commit(dbapi_connection)
        finally:
            STATS.add(STATS.sql, "COMMIT", time.perf_counter() - start)

    engine.dialect.do_commit = timed_commit


def _instrument_streams() -> None:
    original = stream_module.read_batch

    def read_batch(*args: Any, **kwargs: Any) -> Any:
        start = time.perf_counter()
        try:
            return original(*args, **kwargs)
        finally:
            STATS.add(STATS.routes, "stream read_batch (threadpool)", time.perf_counter() - start)

    stream_module.read_batch = read_batch  # event_stream looks it up in the module at call time


async def _sampler() -> None:
    limiter = anyio.to_thread.current_default_thread_limiter()
    last = time.perf_counter()
    while True:
        await asyncio.sleep(0.05)
        now = time.perf_counter()
        lag = max(0.0, now - last - 0.05)
        last = now
        stats = limiter.statistics()
        STATS.samples += 1
        STATS.busy_sum += stats.borrowed_tokens
        STATS.waiting_sum += stats.tasks_waiting
        STATS.waiting_max = max(STATS.waiting_max, stats.tasks_waiting)
        STATS.lag_n += 1
        STATS.lag_sum += lag
        STATS.lag_max = max(STATS.lag_max, lag)


def _instrument_write_turns() -> None:
    """How long writers wait for SQLite's write turn, and how long each holds it."""
    original = WriteQueue.turn

    @contextlib.asynccontextmanager
    async def turn(self: WriteQueue) -> AsyncIterator[None]:
        asked = time.perf_counter()
        async with original(self):
            got = time.perf_counter()
            STATS.add(STATS.sql, "write turn: waiting for it", got - asked)
            try:
                yield
            finally:
                STATS.add(STATS.sql, "write turn: held", time.perf_counter() - got)

    WriteQueue.turn = turn  # type: ignore[method-assign]


class TimingProbe:
    """Plain ASGI middleware (so that it adds no task group, nor garbage, to each request): the
    time from the request reaching the app to its response's first byte, per route; it also
    starts the sampler with the first request."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app
        self.sampler: asyncio.Task[None] | None = None

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        if self.sampler is None:
            self.sampler = asyncio.get_running_loop().create_task(_sampler())
        start = time.perf_counter()

        async def timed_send(message: Message) -> None:
            if message["type"] == "http.response.start":
                name = getattr(scope.get("route"), "path", None) or scope["path"]
                STATS.add(STATS.routes, f"{scope['method']} {name}", time.perf_counter() - start)
            await send(message)

        await self.app(scope, receive, timed_send)


def _instrument_gc() -> None:
    """The cycle collector's pauses, per generation (they stop the event loop)."""
    started: list[float] = []

    def on_gc(phase: str, info: dict[str, int]) -> None:
        if phase == "start":
            started[:] = [time.perf_counter()]
        elif started:
            generation = info["generation"]
            took = time.perf_counter() - started[0]
            STATS.add(STATS.sql, f"gc pause, generation {generation}", took)
            STATS.gc_found[generation] += info["collected"] + info["uncollectable"]

    gc.callbacks.append(on_gc)


def app_from_env() -> FastAPI:
    _instrument_gc()
    _instrument_streams()
    _instrument_write_turns()
    app = create_app()
    _instrument_engine(app.state.engine)

    app.add_middleware(TimingProbe)

    @app.get("/bench/stats", include_in_schema=False)
    async def stats() -> dict[str, Any]:
        return STATS.report()

    @app.post("/bench/stats/reset", include_in_schema=False)
    async def reset() -> dict[str, str]:
        STATS.reset()
        return {"status": "reset"}

    @app.get("/bench/garbage", include_in_schema=False)
    async def garbage(seconds: float = 2.0) -> dict[str, int]:
        """What the cycle collector would free, by type, from `seconds` of the running load."""
        gc.collect()
        gc.set_debug(gc.DEBUG_SAVEALL)
        try:
            await asyncio.sleep(seconds)
            gc.collect()
            kinds = Counter(f"{type(o).__module__}.{type(o).__qualname__}" for o in gc.garbage)
        finally:
            gc.set_debug(0)
            gc.garbage.clear()
        return dict(kinds.most_common(40))

    # In front of the SPA's catch-all.
    moved = [app.router.routes.pop() for _ in range(3)]
    app.router.routes[:0] = moved

    return app
