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


def start_server(data_dir: Path, port: int, profile: bool) -> "subprocess.Popen[bytes]":
    env = {
        **os.environ,
        "DATA_DIR": str(data_dir),
        "DATABASE_URL": "",
        "REDIS_URL": "",
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
            "1",
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


def cpu_seconds(pid: int) -> float:
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def describe_server(
    profile: bool, server: "subprocess.Popen[bytes]", port: int, db_file: Path, say: Any
) -> None:
    """The `server:` and `machine:` lines that open a run's report."""
    journal = sqlite3.connect(db_file).execute("PRAGMA journal_mode").fetchone()[0]
    say(f"server:      uvicorn, 1 worker, --no-access-log, 127.0.0.1:{port}, pid {server.pid}")
    say(
        "             database access is SYNC: SQLModel sessions in FastAPI's threadpool "
        "(anyio, 40 threads); pool 20+20"
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
