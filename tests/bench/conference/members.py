"""The simulated participants of one worker process: streams, paced writes, votes.

`worker_entry` is the target of each client process (spawned, so it must stay an importable
top-level function); it reports to the main process through a queue and follows its flags.
"""

import asyncio
import contextlib
import json
import random
import resource
import time
import uuid
from collections import Counter, defaultdict
from typing import Any

from .http import Http
from .server import raise_nofile

WRITE_TIMEOUT_S = 30.0
WRITE_ATTEMPTS = 3
IDEA_MARK = b'"payload":{"idea":{"id":"'
CREATED_MARK = b'"kind":"idea.created"'
TALLY_MARK = b'"kind":"vote.tallied"'


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
