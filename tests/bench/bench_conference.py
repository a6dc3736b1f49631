"""A conference under load, over real HTTP to a real uvicorn (a script that prints figures, not a test).

    uv run python tests/bench/bench_conference.py                 # 700 participants, ~100 tables
    uv run python tests/bench/bench_conference.py --participants 60 --ideas 3    # quick smoke run
    uv run python tests/bench/bench_conference.py --find-max      # largest N meeting the targets

N participants join a fresh session, are seated (table_count = N // 7 unless --tables), and the
session moves to ideate. Each participant holds its own event stream (SSE) and posts --ideas ideas
one every 2-6 s (randomised; the next send is scheduled from the previous send, so a slow server
does not slow the offered load), each with its own Idempotency-Key; then the facilitator moves to
reduce and each participant adds 5 dots, one at a time, at the same pace. The clients run in
--processes worker processes, each one asyncio loop with a minimal HTTP/1.1 client (two keep-alive
connections per participant: one for writes, one for the stream) so that the load generator takes
as little as possible of the CPU it shares with the server.

Measured: write latency (send -> 201 read), write throughput over the writing window, delivery
delay of every idea to every tablemate's stream (from the write's *send* time to the moment the
tablemate's process reads the `idea.created` frame; wall clock, one machine), ideas lost (a 201'ed
idea missing from the database or from a tablemate's stream) and duplicated (two rows for one
Idempotency-Key, or one stream receiving an idea twice), and the ceiling: GET /api/v1/health
(a trivial endpoint of the same server) as fast as it goes, before the load starts.
"""

import argparse
import asyncio
import contextlib
import json
import multiprocessing as mp
import os
import random
import resource
import shutil
import socket
import sqlite3
import subprocess
import sys
import tempfile
import time
import uuid
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

TARGET_WRITE_P99_MS = 100.0
TARGET_DELIVERY_P99_MS = 500.0
RUN_LIMIT_S = 300.0  # a run is aborted after this long under load
WRITE_TIMEOUT_S = 30.0
WRITE_ATTEMPTS = 3
IDLE_REUSE_S = 4.0
VOTE_LIMIT_S = 120.0  # the voting part is stopped after this long
IDEA_MARK = b'"payload":{"idea":{"id":"'
CREATED_MARK = b'"kind":"idea.created"'
TALLY_MARK = b'"kind":"vote.tallied"'


# --------------------------------------------------------------------------- tiny HTTP/1.1 client


class Http:
    """One keep-alive HTTP/1.1 connection: enough for JSON requests and one chunked SSE stream.
    (httpx costs several times more CPU per request, and the client shares 2 cores with the
    server.)"""

    def __init__(self, port: int, token: str | None = None) -> None:
        self.port = port
        self.auth = f"Authorization: Bearer {token}\r\n" if token else ""
        self.reader: asyncio.StreamReader | None = None
        self.writer: asyncio.StreamWriter | None = None
        self.used = 0.0

    async def _connect(self) -> tuple[asyncio.StreamReader, asyncio.StreamWriter]:
        # uvicorn closes a keep-alive connection after 5 s idle; like a browser, open a new one
        # rather than race that close (a person's next idea is 2-6 s away).
        if self.writer is not None and time.monotonic() - self.used > IDLE_REUSE_S:
            self.close()
        if self.reader is None or self.writer is None or self.writer.is_closing():
            self.reader, self.writer = await asyncio.open_connection("127.0.0.1", self.port)
        return self.reader, self.writer

    def close(self) -> None:
        if self.writer is not None:
            self.writer.close()
        self.reader = self.writer = None

    def _head(self, method: str, path: str, extra: str, length: int | None) -> bytes:
        head = f"{method} {path} HTTP/1.1\r\nHost: 127.0.0.1:{self.port}\r\n{self.auth}{extra}"
        if length is not None:
            head += f"Content-Type: application/json\r\nContent-Length: {length}\r\n"
        return (head + "\r\n").encode()

    @staticmethod
    async def _read_head(reader: asyncio.StreamReader) -> tuple[int, dict[str, str]]:
        raw = await reader.readuntil(b"\r\n\r\n")
        lines = raw.decode("latin-1").split("\r\n")
        status = int(lines[0].split(" ", 2)[1])
        headers = {}
        for line in lines[1:]:
            if line:
                name, _, value = line.partition(":")
                headers[name.strip().lower()] = value.strip()
        return status, headers

    async def request(
        self, method: str, path: str, body: bytes | None = None, extra: str = ""
    ) -> tuple[int, dict[str, str], bytes]:
        try:
            reader, writer = await self._connect()
            writer.write(self._head(method, path, extra, None if body is None else len(body)))
            if body:
                writer.write(body)
            status, headers = await self._read_head(reader)
            if headers.get("transfer-encoding") == "chunked":
                data = bytearray()
                while True:
                    size = int((await reader.readuntil(b"\r\n")).split(b";")[0], 16)
                    chunk = await reader.readexactly(size + 2)
                    if size == 0:
                        break
                    data += chunk[:-2]
                content = bytes(data)
            else:
                content = await reader.readexactly(int(headers.get("content-length", "0")))
            if headers.get("connection", "").lower() == "close":
                self.close()
            self.used = time.monotonic()
            return status, headers, content
        except BaseException:
            self.close()  # never reuse a connection in an unknown state
            raise

    async def open_stream(self, path: str, extra: str = "") -> int:
        reader, writer = await self._connect()
        writer.write(self._head("GET", path, "Accept: text/event-stream\r\n" + extra, None))
        status, headers = await self._read_head(reader)
        if status != 200 or headers.get("transfer-encoding") != "chunked":
            self.close()
        return status

    async def chunk(self) -> bytes | None:
        """The next chunk of an open chunked stream; None when it ends."""
        assert self.reader is not None
        size = int((await self.reader.readuntil(b"\r\n")).split(b";")[0], 16)
        data = await self.reader.readexactly(size + 2)
        return data[:-2] if size else None


# ------------------------------------------------------------------------ one worker process


FLAGS: dict[str, Any] = {}  # the run's shared flags, in a worker process


class Member:
    """One simulated participant: its writes, and what its stream received."""

    def __init__(self, spec: dict[str, Any]) -> None:
        self.index: int = spec["index"]
        self.id: str = spec["id"]
        self.token: str = spec["token"]
        self.table: int = spec["table"]
        self.arrivals: dict[str, float] = {}  # idea id -> wall time its frame was read
        self.dup_deliveries = 0
        self.tallies = 0
        self.stream_errors: Counter[str] = Counter()
        self.hello = asyncio.Event()


async def run_stream(port: int, member: Member, stop: asyncio.Event) -> None:
    last_id: str | None = None
    while not stop.is_set():
        http = Http(port, member.token)
        try:
            extra = f"Last-Event-ID: {last_id}\r\n" if last_id else ""
            status = await http.open_stream("/api/v1/me/events", extra)
            if status != 200:
                member.stream_errors[f"refused {status}"] += 1
                await asyncio.sleep(1)
                continue
            buffer = b""
            while True:
                chunk = await http.chunk()
                if chunk is None:
                    break
                now = time.time()
                buffer += chunk
                *lines, buffer = buffer.split(b"\n")
                for line in lines:
                    if line.startswith(b"data: "):
                        if CREATED_MARK in line:
                            at = line.find(IDEA_MARK) + len(IDEA_MARK)
                            idea_id = line[at : at + 36].decode()
                            if idea_id in member.arrivals:
                                member.dup_deliveries += 1
                            else:
                                member.arrivals[idea_id] = now
                        elif TALLY_MARK in line:
                            member.tallies += 1
                        elif b'"kind":"hello"' in line:
                            member.hello.set()
                    elif line.startswith(b"id: "):
                        last_id = line[4:].decode().strip()
            member.stream_errors["ended by the server"] += 1
        except (
            OSError,
            asyncio.IncompleteReadError,
            asyncio.LimitOverrunError,
            ValueError,
        ) as error:
            if not stop.is_set():
                member.stream_errors[f"dropped ({type(error).__name__})"] += 1
                await asyncio.sleep(0.5)
        finally:
            http.close()


async def timed_write(
    http: Http, path: str, body: dict[str, Any], key: str, statuses: Counter[str]
) -> tuple[float, float, int, bytes, bool]:
    """(send time, response time, status, body, replayed) of a keyed write, retried with the same
    key after a transport error or a 5xx (as an offline-capable client would)."""
    payload = json.dumps(body).encode()
    sent = time.time()
    status, content, replayed = 0, b"", False
    for attempt in range(WRITE_ATTEMPTS):
        try:
            status, headers, content = await asyncio.wait_for(
                http.request("POST", path, payload, f"Idempotency-Key: {key}\r\n"),
                WRITE_TIMEOUT_S,
            )
            replayed = headers.get("idempotent-replayed") == "true"
        except (
            OSError,
            asyncio.IncompleteReadError,
            asyncio.LimitOverrunError,
            TimeoutError,
            ValueError,
        ) as error:
            statuses[type(error).__name__] += 1
            status = 0
            await asyncio.sleep(0.5 * (attempt + 1))
            continue
        statuses[str(status)] += 1
        if status < 500:
            break
        await asyncio.sleep(0.5 * (attempt + 1))
    return sent, time.time(), status, content, replayed


async def pace(rng: random.Random, previous: float, gap: tuple[float, float]) -> float:
    """Sleep until a random 2-6 s after the previous send; returns that moment."""
    due = previous + rng.uniform(*gap)
    await asyncio.sleep(max(0.0, due - time.time()))
    return due


async def member_ideas(
    port: int, member: Member, cfg: dict[str, Any], start: float, out: dict[str, Any]
) -> None:
    rng = random.Random(cfg["seed"] * 100_003 + member.index)
    http = Http(port, member.token)
    due = start
    try:
        for n in range(cfg["ideas"]):
            due = await pace(rng, due, cfg["gap"])
            if time.time() > cfg["deadline"] or FLAGS["stop"].is_set():
                out["aborted"] = True
                return
            key = f"bench-idea-{member.index}-{n}-{uuid.uuid4().hex[:8]}"
            text = f"Idea {n} of participant {member.index}: {key}"
            sent, done, status, content, replayed = await timed_write(
                http, "/api/v1/me/table/ideas", {"text": text}, key, out["statuses"]
            )
            idea_id = json.loads(content)["id"] if status == 201 else None
            out["ideas"].append(
                (idea_id, member.index, member.table, key, text, sent, done, status, replayed)
            )
    finally:
        http.close()


async def member_votes(
    port: int,
    member: Member,
    cfg: dict[str, Any],
    start: float,
    table_ideas: list[str],
    out: dict[str, Any],
) -> None:
    if not table_ideas:
        return
    rng = random.Random(cfg["seed"] * 7919 + member.index)
    picks = rng.sample(table_ideas, len(table_ideas))
    http = Http(port, member.token)
    due = start
    try:
        for n in range(cfg["votes"]):
            due = await pace(rng, due, cfg["vote_gap"])
            if time.time() > cfg["deadline"] or FLAGS["stop"].is_set():
                out["aborted"] = True
                return
            key = f"bench-vote-{member.index}-{n}-{uuid.uuid4().hex[:8]}"
            body = {"idea_id": picks[n % len(picks)], "dots": 1}
            sent, done, status, _content, _ = await timed_write(
                http, "/api/v1/me/table/votes", body, key, out["vote_statuses"]
            )
            out["votes"].append((sent, done, status))
    finally:
        http.close()


async def wait_flag(flag: Any, stop_flag: Any) -> bool:
    while not flag.is_set():
        if stop_flag.is_set():
            return False
        await asyncio.sleep(0.05)
    return True


async def until_stopped(work: Any, out: dict[str, Any]) -> None:
    """Run `work` until it is done or the main process says stop (then cancel what is in flight:
    the writes already answered are kept)."""
    task = asyncio.ensure_future(work)
    while not task.done():
        if FLAGS["stop"].is_set():
            out["aborted"] = True
            task.cancel()
            break
        await asyncio.sleep(0.1)
    with contextlib.suppress(asyncio.CancelledError):
        await task


async def worker_main(
    wid: int, specs: list[dict[str, Any]], cfg: dict[str, Any], port: int, q: Any, flags: Any
) -> None:
    FLAGS.update(flags)
    members = [Member(spec) for spec in specs]
    stop = asyncio.Event()
    out: dict[str, Any] = {
        "ideas": [],
        "votes": [],
        "statuses": Counter(),
        "vote_statuses": Counter(),
        "aborted": False,
    }
    streams = []
    for k, member in enumerate(members):  # open the streams gently: joining is not measured
        streams.append(asyncio.create_task(run_stream(port, member, stop)))
        if k % 20 == 19:
            await asyncio.sleep(0.05)
    try:
        await asyncio.wait_for(
            asyncio.gather(*(m.hello.wait() for m in members)), cfg["setup_timeout"]
        )
    except TimeoutError:
        out["aborted"] = True
    q.put(("ready", wid, sum(m.hello.is_set() for m in members)))

    if await wait_flag(flags["ideas"], flags["stop"]):
        start = flags["start"].value
        await until_stopped(
            asyncio.gather(*(member_ideas(port, m, cfg, start, out) for m in members)), out
        )
    q.put(("ideas_done", wid, len(out["ideas"])))

    if await wait_flag(flags["votes"], flags["stop"]) and not flags["skip_votes"].is_set():
        start = flags["start"].value
        by_table: dict[int, list[str]] = defaultdict(list)
        for row in out["ideas"]:
            if row[0] is not None:
                by_table[row[2]].append(row[0])
        await until_stopped(
            asyncio.gather(
                *(member_votes(port, m, cfg, start, by_table[m.table], out) for m in members)
            ),
            out,
        )
    q.put(("votes_done", wid, len(out["votes"])))

    await wait_flag(flags["stop"], flags["stop"])
    stop.set()
    for task in streams:
        task.cancel()
    await asyncio.gather(*streams, return_exceptions=True)
    usage = resource.getrusage(resource.RUSAGE_SELF)
    out["members"] = [
        (m.index, m.table, m.id, m.arrivals, m.dup_deliveries, dict(m.stream_errors), m.tallies)
        for m in members
    ]
    out["cpu_s"] = usage.ru_utime + usage.ru_stime
    out["statuses"] = dict(out["statuses"])
    out["vote_statuses"] = dict(out["vote_statuses"])
    q.put(("result", wid, out))


def worker_entry(
    wid: int, specs: list[dict[str, Any]], cfg: dict[str, Any], port: int, q: Any, flags: Any
) -> None:
    raise_nofile()
    with contextlib.suppress(ImportError):
        import uvloop

        uvloop.install()
    asyncio.run(worker_main(wid, specs, cfg, port, q, flags))


# --------------------------------------------------------------------------------- the ceiling


async def hammer(port: int, connections: int, seconds: float) -> int:
    end = time.time() + seconds
    done = 0

    async def one() -> None:
        nonlocal done
        http = Http(port)
        while time.time() < end:
            status, _, _ = await http.request("GET", "/api/v1/health")
            if status == 200:
                done += 1
        http.close()

    await asyncio.gather(*(one() for _ in range(connections)))
    return done


def ceiling_entry(port: int, connections: int, seconds: float, q: Any) -> None:
    raise_nofile()
    with contextlib.suppress(ImportError):
        import uvloop

        uvloop.install()
    q.put(asyncio.run(hammer(port, connections, seconds)))


def measure_ceiling(port: int, processes: int, connections: int, seconds: float) -> float:
    ctx = mp.get_context("spawn")
    q = ctx.Queue()
    procs = [
        ctx.Process(target=ceiling_entry, args=(port, connections, seconds, q))
        for _ in range(processes)
    ]
    for p in procs:
        p.start()
    total = sum(q.get(timeout=seconds + 60) for _ in procs)
    for p in procs:
        p.join()
    return total / seconds


# ---------------------------------------------------------------------------------- the server


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


# ------------------------------------------------------------------------ setting up a session


async def setup_session(port: int, n: int, tables: int | None) -> dict[str, Any]:
    import httpx

    base = f"http://127.0.0.1:{port}/api/v1"
    origin = {"Origin": f"http://127.0.0.1:{port}"}
    async with httpx.AsyncClient(base_url=base, timeout=120) as browser:
        r = await browser.post(
            "/auth/signup",
            json={
                "name": "Bench Facilitator",
                "email": f"bench-{uuid.uuid4().hex[:8]}@example.org",
                "password": "a long bench password 123",
                "organisation_name": "Bench Council",
            },
            headers=origin,
        )
        r.raise_for_status()
        organisation_id = r.json()["memberships"][0]["organisation_id"]
        r = await browser.post(
            "/auth/tokens",
            json={
                "name": "bench",
                "scopes": ["sessions:read", "sessions:write", "tables:write", "ideas:read"],
            },
            headers={**origin, "X-CSRF-Token": browser.cookies.get("cyd_csrf", "")},
        )
        r.raise_for_status()
        pat = r.json()["token"]
    fac = {"Authorization": f"Bearer {pat}"}
    async with httpx.AsyncClient(base_url=base, timeout=120, headers=fac) as client:
        r = await client.post(
            "/sessions",
            json={
                "organisation_id": organisation_id,
                "title": {"en": f"Bench conference of {n}"},
                "starts_at": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
            },
        )
        r.raise_for_status()
        session = r.json()
        sid, code = session["id"], session["join_code"]

        gate = asyncio.Semaphore(8)
        people: list[dict[str, Any]] = [{} for _ in range(n)]

        async def join(k: int, joiner: httpx.AsyncClient) -> None:
            async with gate:
                for _ in range(5):
                    resp = await joiner.post(
                        "/join", json={"code": code, "display_name": f"Person {k}"}
                    )
                    if resp.status_code == 201:
                        body = resp.json()
                        people[k] = {"index": k, "id": body["participant"]["id"]}
                        people[k]["token"] = body["token"]
                        return
                    await asyncio.sleep(0.5)
                resp.raise_for_status()

        started = time.time()
        async with httpx.AsyncClient(base_url=base, timeout=120) as joiner:
            await asyncio.gather(*(join(k, joiner) for k in range(n)))
        join_s = time.time() - started

        started = time.time()
        r = await client.post(f"/sessions/{sid}/allocation", json={"table_count": tables})
        r.raise_for_status()
        board = r.json()["board"]
        allocate_s = time.time() - started
        table_of = {
            member["id"]: number
            for number, table in enumerate(board["tables"])
            for member in table["members"]
        }
        for person in people:
            person["table"] = table_of[person["id"]]
        for phase in ("tables", "strengths", "perspectives", "ideate"):
            r = await client.post(f"/sessions/{sid}/phase", json={"to": phase})
            r.raise_for_status()
    return {
        "session_id": sid,
        "pat": pat,
        "people": people,
        "tables": len(board["tables"]),
        "sizes": Counter(len(t["members"]) for t in board["tables"]),
        "join_s": join_s,
        "allocate_s": allocate_s,
    }


async def facilitator_post(port: int, pat: str, path: str, body: dict[str, Any]) -> int:
    http = Http(port, pat)
    try:
        status, _, _ = await http.request("POST", path, json.dumps(body).encode())
        return status
    finally:
        http.close()


async def facilitator_get(port: int, pat: str, path: str) -> tuple[int, bytes]:
    http = Http(port, pat)
    try:
        status, _, content = await http.request("GET", path)
        return status, content
    finally:
        http.close()


def votes_available(port: int) -> bool:
    status, content = asyncio.run(facilitator_get(port, "", "/openapi.json"))
    return status == 200 and b'"/api/v1/me/table/votes"' in content


# ---------------------------------------------------------------------------------- one run


def pct(values: list[float], p: float) -> float:
    if not values:
        return float("nan")
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(p / 100 * len(ordered) + 0.5) - 1))]


def ms(value: float) -> str:
    return f"{1000 * value:8.1f} ms"


def split_tables(people: list[dict[str, Any]], processes: int) -> list[list[dict[str, Any]]]:
    """Whole tables per process (a table's idea ids are then known where its members vote)."""
    by_table: dict[int, list[dict[str, Any]]] = defaultdict(list)
    for person in people:
        by_table[person["table"]].append(person)
    groups: list[list[dict[str, Any]]] = [[] for _ in range(processes)]
    for members in sorted(by_table.values(), key=len, reverse=True):
        min(groups, key=len).extend(members)
    return [g for g in groups if g]


def table_count(option: str | None, n: int) -> int | None:
    """None lets the allocator choose from the session's size bounds (5-8)."""
    if option == "auto":
        return None
    return int(option) if option else max(1, n // 7)


def run_once(args: argparse.Namespace, n: int, quiet: bool = False) -> dict[str, Any]:
    say = (lambda *a: None) if quiet else print
    tmp = Path(tempfile.mkdtemp(prefix="cyd-bench-"))
    port = free_port()
    db_file = create_schema(tmp)
    server = start_server(tmp, port, args.profile)
    result: dict[str, Any] = {"n": n}
    procs: list[Any] = []
    try:
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
        if args.profile:
            say("             --profile: timing probes on (tests/bench/conference_server.py)")
        load1 = os.getloadavg()[0]
        say(
            f"machine:     {os.cpu_count()} cores, load average {load1:.2f} before the run; "
            "the load generator shares these cores with the server, and other work on the machine "
            "makes the figures pessimistic"
        )

        ceiling = measure_ceiling(port, args.processes, args.ceiling_connections, args.ceiling_s)
        result["ceiling"] = ceiling
        say(
            f"ceiling:     GET /api/v1/health {ceiling:,.0f} requests/s "
            f"({args.processes} client processes x {args.ceiling_connections} keep-alive "
            f"connections, {args.ceiling_s:.0f} s, before the load; a sync `def` endpoint, so one "
            "threadpool hop, behind the app's HTTP middleware)"
        )

        setup = asyncio.run(setup_session(port, n, table_count(args.tables, n)))
        result["tables"] = setup["tables"]
        say(
            f"session:     {n} participants joined in {setup['join_s']:.1f} s, allocated to "
            f"{setup['tables']} tables (sizes {dict(sorted(setup['sizes'].items()))}) in "
            f"{setup['allocate_s']:.1f} s; phase ideate"
        )
        has_votes = args.votes > 0 and votes_available(port)
        if args.votes > 0 and not has_votes:
            say("votes:       SKIPPED - POST /api/v1/me/table/votes is not in this server's API")

        groups = split_tables(setup["people"], args.processes)
        cfg = {
            "ideas": args.ideas,
            "votes": args.votes,
            "gap": (args.gap_min, args.gap_max),
            "vote_gap": (args.gap_min, args.gap_max),
            "seed": args.seed,
            "setup_timeout": 120.0,
            "deadline": time.time() + RUN_LIMIT_S + 180,
        }
        ctx = mp.get_context("spawn")
        q = ctx.Queue()
        flags = {
            "ideas": ctx.Event(),
            "votes": ctx.Event(),
            "stop": ctx.Event(),
            "skip_votes": ctx.Event(),
            "start": ctx.Value("d", 0.0),
        }
        for wid, group in enumerate(groups):
            procs.append(
                ctx.Process(
                    target=worker_entry, args=(wid, group, cfg, port, q, flags), daemon=True
                )
            )
        for p in procs:
            p.start()

        def wait_all(kind: str, timeout: float) -> list[Any]:
            got: list[Any] = []
            end = time.time() + timeout
            while len(got) < len(procs) and time.time() < end:
                with contextlib.suppress(Exception):
                    message = q.get(timeout=max(0.1, min(1.0, end - time.time())))
                    if message[0] == kind:
                        got.append(message)
                    elif message[0] == "result":
                        results.append(message)
            return got

        results: list[Any] = []
        ready = wait_all("ready", 180)
        streams_open = sum(m[2] for m in ready)
        say(
            f"clients:     {len(procs)} processes, one asyncio loop each; {streams_open} of {n} "
            "event streams open (hello received)"
        )
        server_cpu0, wall0 = cpu_seconds(server.pid), time.time()
        if args.profile:
            asyncio.run(facilitator_post(port, "", "/bench/stats/reset", {}))
        flags["start"].value = time.time() + 0.5
        cfg_deadline = flags["start"].value + RUN_LIMIT_S
        flags["ideas"].set()
        say(
            f"load:        each participant posts {args.ideas} ideas, one every "
            f"{args.gap_min:g}-{args.gap_max:g} s (random), then {args.votes if has_votes else 0} "
            f"votes at the same pace; ideas stopped after {RUN_LIMIT_S:.0f} s, votes after "
            f"{VOTE_LIMIT_S:.0f} s"
        )
        done = wait_all("ideas_done", max(1.0, cfg_deadline - time.time()))
        aborted = len(done) < len(procs)
        if aborted:
            flags["stop"].set()
        ideas_wall = time.time() - wall0
        server_cpu_ideas = cpu_seconds(server.pid) - server_cpu0
        time.sleep(args.settle_s)  # let the last events reach the streams
        profile_stats = None
        if args.profile:
            status, content = asyncio.run(facilitator_get(port, "", "/bench/stats"))
            profile_stats = json.loads(content) if status == 200 else None
        phase_status = None
        if has_votes and not aborted:
            phase_status = asyncio.run(
                facilitator_post(
                    port,
                    setup["pat"],
                    f"/api/v1/sessions/{setup['session_id']}/phase",
                    {"to": "reduce"},
                )
            )
            if phase_status != 200:
                say(f"votes:       SKIPPED - moving to reduce answered {phase_status}")
                flags["skip_votes"].set()
        else:
            flags["skip_votes"].set()
        flags["start"].value = time.time() + 0.2
        flags["votes"].set()
        wait_all("votes_done", VOTE_LIMIT_S)
        time.sleep(1.0)
        flags["stop"].set()
        end = time.time() + 60
        while len(results) < len(procs) and time.time() < end:
            with contextlib.suppress(Exception):
                message = q.get(timeout=1)
                if message[0] == "result":
                    results.append(message)
        for p in procs:
            p.join(timeout=10)
        server_cpu_total = cpu_seconds(server.pid) - server_cpu0
        result.update(
            analyse(
                results,
                setup,
                db_file,
                n,
                ideas_wall,
                server_cpu_ideas,
                server_cpu_total,
                aborted,
                has_votes and phase_status == 200,
                profile_stats,
                say,
                args,
                len(procs),
            )
        )
        result["ceiling"] = ceiling
        return result
    finally:
        for p in procs:
            if p.is_alive():
                p.kill()
        server.terminate()
        try:
            server.wait(timeout=20)
        except subprocess.TimeoutExpired:
            server.kill()
        if args.keep:
            say(f"kept:        {tmp}")
        else:
            shutil.rmtree(tmp, ignore_errors=True)


def analyse(
    results: list[Any],
    setup: dict[str, Any],
    db_file: Path,
    n: int,
    ideas_wall: float,
    server_cpu_ideas: float,
    server_cpu_total: float,
    aborted: bool,
    voted: bool,
    profile_stats: dict[str, Any] | None,
    say: Any,
    args: argparse.Namespace,
    expected_workers: int,
) -> dict[str, Any]:
    ideas: list[tuple[Any, ...]] = []
    votes: list[tuple[Any, ...]] = []
    statuses: Counter[str] = Counter()
    vote_statuses: Counter[str] = Counter()
    members: list[tuple[Any, ...]] = []
    client_cpu = 0.0
    for _, _, out in results:
        ideas += out["ideas"]
        votes += out["votes"]
        statuses.update(out["statuses"])
        vote_statuses.update(out["vote_statuses"])
        members += out["members"]
        client_cpu += out["cpu_s"]
        aborted = aborted or out["aborted"]
    missing_workers = len(results) < expected_workers

    ok = [row for row in ideas if row[7] == 201]
    latencies = [row[6] - row[5] for row in ok]
    window = (max(r[6] for r in ok) - min(r[5] for r in ok)) if ok else float("nan")
    replays = sum(1 for row in ok if row[8])

    # Delivery to tablemates (the author's own stream is left out).
    table_members: dict[int, list[tuple[Any, ...]]] = defaultdict(list)
    for m in members:
        table_members[m[1]].append(m)
    delays: list[float] = []
    undelivered = 0
    for idea_id, author, table, *_rest in ok:
        sent = _rest[2]  # the write's send time
        for m in table_members[table]:
            if m[0] == author:
                continue
            arrived = m[3].get(idea_id)
            if arrived is None:
                undelivered += 1
            else:
                delays.append(arrived - sent)
    dup_deliveries = sum(m[4] for m in members)
    stream_errors: Counter[str] = Counter()
    for m in members:
        stream_errors.update(m[5])

    # The database after the run: every 201'ed idea once, no second row for a key.
    con = sqlite3.connect(f"file:{db_file}?mode=ro", uri=True)
    rows = con.execute("SELECT id, text FROM idea").fetchall()
    db_votes = con.execute("SELECT COALESCE(SUM(dots), 0) FROM dotvote").fetchone()[0]
    con.close()
    db_ids = {str(uuid.UUID(str(r[0]))) for r in rows}
    text_counts = Counter(r[1] for r in rows)
    lost_db = sum(1 for row in ok if row[0] not in db_ids)
    duplicated = sum(c - 1 for c in text_counts.values() if c > 1)
    unacknowledged = len({r[1] for r in rows} - {row[4] for row in ok})
    write_p99 = pct(latencies, 99)
    delivery_p99 = pct(delays, 99)
    meets = (
        not aborted
        and bool(ok)
        and len(ok) == n * args.ideas
        and write_p99 * 1000 < TARGET_WRITE_P99_MS
        and delivery_p99 * 1000 < TARGET_DELIVERY_P99_MS
        and lost_db == 0
        and undelivered == 0
        and duplicated == 0
        and dup_deliveries == 0
    )

    say("")
    say(
        f"=== results: {n} participants, {setup['tables']} tables, {len(results)} client processes ==="
    )
    if aborted or missing_workers:
        say("RUN ABORTED (time limit or a client process failed): figures cover what was done")
    say(
        f"ideas written:          {len(ok)} of {n * args.ideas} (201); {replays} idempotent replays"
    )
    say(
        f"write throughput:       {len(ok) / window:,.1f} ideas/s over a {window:.1f} s writing window"
    )
    say(
        f"write latency:          p50 {ms(pct(latencies, 50))}   p95 {ms(pct(latencies, 95))}   "
        f"p99 {ms(write_p99)}   max {ms(max(latencies, default=float('nan')))}"
    )
    say(
        f"delivery to tablemates: p50 {ms(pct(delays, 50))}   p95 {ms(pct(delays, 95))}   "
        f"p99 {ms(delivery_p99)}   max {ms(max(delays, default=float('nan')))}"
    )
    say(
        f"                        ({len(delays)} deliveries; measured from the write's send to "
        "the tablemate's process reading the idea.created frame)"
    )
    say(
        f"ideas lost:             {lost_db + undelivered} ({lost_db} 201'ed but not in the "
        f"database, {undelivered} tablemate deliveries missing)"
    )
    say(
        f"ideas duplicated:       {duplicated + dup_deliveries} ({duplicated} extra rows for one "
        f"Idempotency-Key, {dup_deliveries} repeated deliveries on a stream); "
        f"{unacknowledged} rows never acknowledged"
    )
    say(f"idea responses:         {dict(sorted(statuses.items()))}")
    say(f"stream reconnects:      {dict(stream_errors) or 0}")
    if voted:
        vote_ok = [v for v in votes if v[2] == 200]
        vote_lat = [v[1] - v[0] for v in vote_ok]
        say(
            f"votes:                  {len(vote_ok)} of {n * args.votes} (200), {db_votes} dots in "
            f"the database; latency p50 {ms(pct(vote_lat, 50))}  p95 {ms(pct(vote_lat, 95))}  "
            f"p99 {ms(pct(vote_lat, 99))}"
        )
        say(f"vote responses:         {dict(sorted(vote_statuses.items()))}")
    else:
        say("votes:                  skipped")
    say(
        f"CPU:                    server {server_cpu_ideas / max(ideas_wall, 1e-9):.2f} cores "
        f"while ideas were written ({server_cpu_total:.0f} s in all), client processes "
        f"{client_cpu:.0f} s in all, of 2 cores shared"
    )
    if profile_stats:
        say("profile (server side, ideas window):")
        say(
            f"  threadpool {profile_stats['threadpool']}  event-loop lag {profile_stats['loop_lag_ms']}"
        )
        for key, row in list(profile_stats["routes"].items())[:8]:
            say(f"  {key:55s} {row}")
        for key, row in profile_stats["sql"].items():
            say(f"  {key:55s} {row}")
    verdict = "PASS" if meets else "FAIL"
    say(
        f"targets:                p99 write {write_p99 * 1000:.0f} ms (< {TARGET_WRITE_P99_MS:.0f}), "
        f"p99 delivery {delivery_p99 * 1000:.0f} ms (< {TARGET_DELIVERY_P99_MS:.0f}), "
        f"0 lost, 0 duplicated: {verdict}"
    )
    return {
        "meets": meets,
        "write_p99": write_p99,
        "delivery_p99": delivery_p99,
        "throughput": len(ok) / window if ok else 0.0,
    }


def find_max(args: argparse.Namespace) -> None:
    sizes = [100, 300, 500, 700, 900, 1100, 1400, 1700, 2000]
    budget_end = time.time() + args.find_max_minutes * 60
    best = None
    rows = []
    for n in sizes:
        if time.time() > budget_end:
            print(f"(time budget of {args.find_max_minutes:g} min spent; stopping before N={n})")
            break
        print(f"\n##### N = {n}")
        outcome = run_once(args, n)
        rows.append(outcome)
        if outcome["meets"]:
            best = n
        else:
            break
    print("\n=== find-max summary ===")
    for row in rows:
        print(
            f"N={row['n']:5d}  tables {row.get('tables', '?'):>4}  "
            f"write p99 {1000 * row.get('write_p99', float('nan')):7.0f} ms  "
            f"delivery p99 {1000 * row.get('delivery_p99', float('nan')):7.0f} ms  "
            f"{row.get('throughput', 0):6.1f} ideas/s  {'PASS' if row.get('meets') else 'FAIL'}"
        )
    print(f"largest N meeting both targets: {best if best else 'none of those tried'}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--participants", type=int, default=700)
    parser.add_argument(
        "--tables", default=None, help="'auto' (the allocator picks) or a number; default N // 7"
    )
    parser.add_argument("--ideas", type=int, default=15)
    parser.add_argument("--votes", type=int, default=5)
    parser.add_argument("--gap-min", type=float, default=2.0)
    parser.add_argument("--gap-max", type=float, default=6.0)
    parser.add_argument("--processes", type=int, default=4, help="client worker processes")
    parser.add_argument("--ceiling-s", type=float, default=5.0)
    parser.add_argument("--ceiling-connections", type=int, default=16, help="per client process")
    parser.add_argument("--settle-s", type=float, default=3.0)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--find-max", action="store_true")
    parser.add_argument("--find-max-minutes", type=float, default=30.0)
    parser.add_argument("--profile", action="store_true", help="timing probes in the server")
    parser.add_argument("--keep", action="store_true", help="keep the temp DATA_DIR")
    args = parser.parse_args()
    raise_nofile()
    started = time.time()
    if args.find_max:
        find_max(args)
    else:
        run_once(args, args.participants)
    print(f"(bench took {time.time() - started:.0f} s)")


if __name__ == "__main__":
    main()
