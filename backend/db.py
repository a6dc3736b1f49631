"""Engine construction and the request's database session.

The session dependency is function-scoped: it commits when the endpoint returns, *before* the
response is sent, and rolls back on any error, so a client is never told "201" for a write that
later failed. On SQLite a writing request takes its turn in the process's write queue for the
life of its transaction only (parsing, validation and sending the response happen outside it),
and the dependency itself runs on the event loop: creating a session does no I/O, and the commit
is one trip to a worker thread (on SQLite, where a commit is a local append, none).
"""

import contextlib
from collections.abc import AsyncIterator, Callable
from typing import Any, ParamSpec, TypeVar

from fastapi import Request
from sqlalchemy import event
from sqlalchemy.engine import Engine
from sqlmodel import Session, create_engine
from starlette.concurrency import run_in_threadpool

from backend.config import Settings
from backend.kit.write_gate import write_queue_for

P = ParamSpec("P")
T = TypeVar("T")
WRITE_OPTION = "cyd_writes"
SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})


def make_engine(settings: Settings) -> Engine:
    if settings.is_sqlite:
        settings.data_dir.mkdir(parents=True, exist_ok=True)
        engine = create_engine(
            settings.database_url,
            connect_args={"check_same_thread": False, "timeout": 30},
            pool_size=20,
            max_overflow=20,
        )
        event.listen(engine, "connect", _sqlite_pragmas)
        event.listen(engine, "begin", _sqlite_begin_immediate)
        return engine
    return create_engine(settings.database_url, pool_pre_ping=True, pool_size=10, max_overflow=20)


def _sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
    # Let SQLAlchemy own transactions; WAL lets readers proceed while one writer writes.
    dbapi_connection.isolation_level = None
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA busy_timeout=30000")
    cursor.close()


def _sqlite_begin_immediate(conn: Any) -> None:
    # A request that may write takes the write lock up front: a deferred transaction that
    # upgrades from reading to writing can fail at once instead of waiting its turn.
    # Reading requests begin deferred so that they never queue behind writers (WAL).
    writes = conn.get_execution_options().get(WRITE_OPTION, False)
    conn.exec_driver_sql("BEGIN IMMEDIATE" if writes else "BEGIN")


async def get_db(request: Request) -> AsyncIterator[Session]:
    engine: Engine = request.app.state.engine
    writes = request.method not in SAFE_METHODS
    turn = write_queue_for(engine).turn() if writes else contextlib.nullcontext()
    # The broker is woken after commits that wrote events (backend/events/notify.py).
    broker = getattr(request.app.state, "broker", None)
    async with turn:
        bound = engine.execution_options(**{WRITE_OPTION: True}) if writes else engine
        session = Session(bound, expire_on_commit=False, info={"cyd_broker": broker})
        try:
            yield session
            if writes and engine.dialect.name == "sqlite":
                # A local append to the WAL without fsync (synchronous=NORMAL): cheaper here
                # than a trip to a worker thread while every other writer waits for its turn.
                _commit_and_close(session)
            else:
                await run_in_threadpool(_commit_and_close, session)
        except BaseException:
            # Quick and local (the work ran in a thread that has finished): no thread trip, so
            # that a cancelled request still releases its connection and the write lock.
            session.rollback()
            session.close()
            raise


async def run_db(
    bind: Session | Engine, work: Callable[P, T], *args: P.args, **kwargs: P.kwargs
) -> T:
    """Run short blocking database work for a request from async code. On SQLite it runs right
    here on the event loop: the database is a local file, a reading transaction never waits for
    a lock (WAL), and a writing request already holds its write turn, so the query costs its CPU
    time only, less than a trip to a worker thread. A networked database is called from a worker
    thread.

    An `async def` route whose dependencies are all `async` and whose work runs here holds
    SQLite's write turn for exactly its own CPU time: nothing between taking the turn and the
    commit gives way to the event loop, so the next writer never waits for a worker thread to be
    scheduled while the turn is held (the hot writes: ideas, dots, presence)."""
    engine = bind.get_bind() if isinstance(bind, Session) else bind
    if engine.dialect.name == "sqlite":
        return work(*args, **kwargs)
    return await run_in_threadpool(work, *args, **kwargs)


def _commit_and_close(session: Session) -> None:
    try:
        session.commit()
    finally:
        session.close()
