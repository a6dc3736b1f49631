"""The server under test: uvicorn on a fresh SQLite schema, plus the process-level helpers
(open-file limit, a free port, CPU accounting), and the lines that describe it."""

import contextlib
import os
import resource
import socket
import sqlite3
import subprocess
import sys
import time
import uuid
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[3]


def raise_nofile() -> None:
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    want = hard if hard != resource.RLIM_INFINITY else 1_048_576
    if soft < want:
        resource.setrlimit(resource.RLIMIT_NOFILE, (want, hard))


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def create_schema(data_dir: Path) -> Path:
    from sqlmodel import SQLModel

    import backend.models  # noqa: F401  (registers the tables)
    from backend.config import Settings
    from backend.db import make_engine

    settings = Settings(data_dir=data_dir, database_url="")
    engine = make_engine(settings)
    SQLModel.metadata.create_all(engine)
    engine.dispose()
    return data_dir / "cyd.sqlite3"


# Several server processes need a broker between them: the local Redis, under a key prefix of
# the run's own (its keys are deleted afterwards, see `forget_redis_keys`).
BENCH_REDIS_URL = "redis://127.0.0.1:6379/12"


def start_server(
    data_dir: Path, port: int, profile: bool, workers: int = 1
) -> "subprocess.Popen[bytes]":
    env = {
        **os.environ,
        "DATA_DIR": str(data_dir),
        "DATABASE_URL": "",
        "REDIS_URL": BENCH_REDIS_URL if workers > 1 else "",
        "CYD_EVENTS_REDIS_PREFIX": redis_prefix(data_dir),
        "PUBLIC_BASE_URL": f"http://127.0.0.1:{port}",
        "SECRET_KEY": "bench-" + uuid.uuid4().hex * 2,
    }
    factory = (
        "tests.bench.conference_server:app_from_env" if profile else "backend.main:app_from_env"
    )
    log = (data_dir / "server.log").open("wb")
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "uvicorn",
            "--factory",
            factory,
            "--host",
            "127.0.0.1",
            "--port",
            str(port),
            "--workers",
            str(workers),
            "--no-access-log",
            "--log-level",
            "warning",
        ],
        cwd=ROOT,
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
        preexec_fn=raise_nofile,
    )
    deadline = time.time() + 60
    while time.time() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"the server exited; see {data_dir / 'server.log'}")
        with contextlib.suppress(OSError), socket.create_connection(("127.0.0.1", port), 0.5):
            return process
        time.sleep(0.1)
    raise RuntimeError("the server did not start within 60 s")


def server_errors(data_dir: Path) -> str | None:
    """What the server logged as errors (uvicorn runs at warning level): the number of tracebacks
    and the last lines of the first, or None when it logged none."""
    path = data_dir / "server.log"
    if not path.exists():
        return None
    lines = path.read_text(errors="replace").splitlines()
    starts = [i for i, line in enumerate(lines) if line.startswith("Traceback")]
    if not starts:
        return None
    first = lines[starts[0] : starts[1] if len(starts) > 1 else None]
    shown = "\n             ".join(first[-12:])
    return f"{len(starts)} traceback(s) in the server log; the first ends:\n             {shown}"


def redis_prefix(data_dir: Path) -> str:
    return f"cyd-bench-{data_dir.name}"


def forget_redis_keys(data_dir: Path) -> None:
    import redis

    client = redis.Redis.from_url(BENCH_REDIS_URL)
    keys = list(client.scan_iter(f"{redis_prefix(data_dir)}:*"))
    if keys:
        client.delete(*keys)
    client.close()


def cpu_seconds(pid: int) -> float:
    """User + system CPU of the server: the process and (with --workers) its worker processes."""
    return sum(_own_cpu_seconds(p) for p in [pid, *_descendants(pid)])


def _own_cpu_seconds(pid: int) -> float:
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except FileNotFoundError:
        return 0.0
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def _descendants(pid: int) -> list[int]:
    children: dict[int, list[int]] = {}
    for stat in Path("/proc").glob("[0-9]*/stat"):
        with contextlib.suppress(OSError, IndexError, ValueError):
            fields = stat.read_text().rsplit(")", 1)[1].split()
            children.setdefault(int(fields[1]), []).append(int(stat.parent.name))
    found, todo = [], [pid]
    while todo:
        for child in children.get(todo.pop(), []):
            found.append(child)
            todo.append(child)
    return found


def describe_server(
    profile: bool,
    server: "subprocess.Popen[bytes]",
    port: int,
    db_file: Path,
    say: Any,
    workers: int = 1,
) -> None:
    """The `server:` and `machine:` lines that open a run's report."""
    journal = sqlite3.connect(db_file).execute("PRAGMA journal_mode").fetchone()[0]
    say(
        f"server:      uvicorn, {workers} worker process{'es' if workers > 1 else ''}, "
        f"--no-access-log, 127.0.0.1:{port}, pid {server.pid}"
    )
    if workers > 1:
        say(
            f"             events between processes through Redis ({BENCH_REDIS_URL}); SQLite "
            "writers of all processes take turns through the database's write-lock file"
        )
    say(
        "             database access is SYNC (SQLModel sessions, no async driver); on SQLite the "
        "hot writes (ideas, dots) and participant sign-in run their queries on the event loop "
        "inside their write turn, other routes in FastAPI's threadpool (anyio, 40 threads); "
        "pool 20+20"
    )
    say(
        f"             SQLite file {db_file} journal_mode={journal}, synchronous=NORMAL, "
        "busy_timeout=30000 ms, BEGIN IMMEDIATE for writing requests"
    )
    say(f"             open-file limit raised to {resource.getrlimit(resource.RLIMIT_NOFILE)}")
    if profile:
        say("             --profile: timing probes on (tests/bench/conference_server.py)")
    load1 = os.getloadavg()[0]
    say(
        f"machine:     {os.cpu_count()} cores, load average {load1:.2f} before the run; "
        "the load generator shares these cores with the server, and other work on the machine "
        "makes the figures pessimistic"
    )
