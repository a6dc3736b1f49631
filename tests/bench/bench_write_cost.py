"""What one idea write costs the server, in CPU time (a script that prints figures, not a test).

    uv run python tests/bench/bench_write_cost.py [--writes 400]

One real uvicorn on a fresh SQLite file, one table of 8 participants, each holding its event
stream; the participants post ideas one after another (no concurrency), and the server process's
CPU time (user + system, from /proc) is divided by the number of writes. CPU time barely depends
on what else the machine is doing, so this figure stays comparable while latencies do not; it
says how many writes per second one core can take at most. The same for GET /api/v1/health as the
floor of any request.
"""

import argparse
import asyncio
import shutil
import statistics
import sys
import tempfile
import time
import uuid
from pathlib import Path
from typing import TYPE_CHECKING, Any

ROOT = Path(__file__).resolve().parents[2]
WARM_UP = 30
sys.path.insert(0, str(ROOT))

from tests.bench.conference.server import (  # noqa: E402
    cpu_seconds,
    create_schema,
    free_port,
    start_server,
)
from tests.bench.conference.session import facilitator_post, setup_session  # noqa: E402

if TYPE_CHECKING:
    import httpx


async def hold_streams(base: str, tokens: list[str], stop: asyncio.Event) -> None:
    import httpx

    async def one(client: httpx.AsyncClient, token: str) -> None:
        headers = {"Authorization": f"Bearer {token}"}
        async with client.stream("GET", "/me/events", headers=headers) as response:
            async for _ in response.aiter_raw():
                if stop.is_set():
                    return

    async with httpx.AsyncClient(base_url=base, timeout=None) as client:
        tasks = [asyncio.create_task(one(client, token)) for token in tokens]
        await stop.wait()
        for task in tasks:
            task.cancel()
        await asyncio.gather(*tasks, return_exceptions=True)


async def measure(port: int, pid: int, writes: int) -> None:
    import httpx

    setup = await setup_session(port, 8, 1)
    base = f"http://127.0.0.1:{port}/api/v1"
    tokens = [person["token"] for person in setup["people"]]
    stop = asyncio.Event()
    streams = asyncio.create_task(hold_streams(base, tokens, stop))
    await asyncio.sleep(1.0)
    async with httpx.AsyncClient(base_url=base, timeout=30) as client:
        for _ in range(20):  # warm up
            await client.get("/health")
        started_cpu, started = cpu_seconds(pid), time.perf_counter()
        for _ in range(writes):
            await client.get("/health")
        health_cpu = (cpu_seconds(pid) - started_cpu) / writes
        health_wall = (time.perf_counter() - started) / writes

        latencies: list[float] = []
        for n in range(-WARM_UP, writes):
            if n == 0:  # the first requests of a route build its state: leave them out
                latencies.clear()
                started_cpu = cpu_seconds(pid)
            headers = {
                "Authorization": f"Bearer {tokens[n % len(tokens)]}",
                "Idempotency-Key": uuid.uuid4().hex,
            }
            sent = time.perf_counter()
            response = await client.post(
                "/me/table/ideas", json={"text": f"Idea {n}"}, headers=headers
            )
            latencies.append(time.perf_counter() - sent)
            response.raise_for_status()
        write_cpu = (cpu_seconds(pid) - started_cpu) / writes
        vote_cpu, vote_latencies = await measure_votes(client, port, setup, pid, writes)
    stop.set()
    await streams
    print(
        f"GET /api/v1/health:     {health_cpu * 1000:6.2f} ms server CPU per request "
        f"({health_wall * 1000:.2f} ms wall, one at a time)"
    )
    print(
        f"POST /me/table/ideas:   {write_cpu * 1000:6.2f} ms server CPU per write, with "
        f"{len(tokens)} streams delivering it; at most {1 / write_cpu:,.0f} writes/s per core"
    )
    print(
        f"                        wall p50 {statistics.median(latencies) * 1000:.1f} ms, "
        f"one at a time ({writes} writes)"
    )
    print(
        f"PUT /me/table/votes/id: {vote_cpu * 1000:6.2f} ms server CPU per dot set or taken "
        f"back, with the tally to {len(tokens)} streams; at most {1 / vote_cpu:,.0f} per core"
    )
    print(
        f"                        wall p50 {statistics.median(vote_latencies) * 1000:.1f} ms, "
        f"one at a time ({writes} writes)"
    )


async def measure_votes(
    client: "httpx.AsyncClient", port: int, setup: dict[str, Any], pid: int, writes: int
) -> tuple[float, list[float]]:
    """In reduce, each participant in turn sets one dot on an idea and takes it back again."""
    moved = await facilitator_post(
        port, setup["pat"], f"/api/v1/sessions/{setup['session_id']}/phase", {"to": "reduce"}
    )
    if moved != 200:
        raise RuntimeError(f"moving to reduce answered {moved}")
    tokens = [person["token"] for person in setup["people"]]
    board = await client.get("/me/table/ideas", headers={"Authorization": f"Bearer {tokens[0]}"})
    ideas = [idea["id"] for idea in board.json()["items"]]
    latencies: list[float] = []
    started_cpu = cpu_seconds(pid)
    for n in range(-WARM_UP, writes):
        if n == 0:
            latencies.clear()
            started_cpu = cpu_seconds(pid)
        person = n % len(tokens)
        headers = {
            "Authorization": f"Bearer {tokens[person]}",
            "Idempotency-Key": uuid.uuid4().hex,
        }
        dots = (n // len(tokens)) % 2 == 0  # one round sets a dot, the next takes it back
        sent = time.perf_counter()
        response = await client.put(
            f"/me/table/votes/{ideas[person]}", json={"dots": int(dots)}, headers=headers
        )
        latencies.append(time.perf_counter() - sent)
        response.raise_for_status()
    return (cpu_seconds(pid) - started_cpu) / writes, latencies


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--writes", type=int, default=400)
    args = parser.parse_args()
    data_dir = Path(tempfile.mkdtemp(prefix="cyd-write-cost-"))
    try:
        create_schema(data_dir)
        port = free_port()
        server = start_server(data_dir, port, profile=False)
        try:
            asyncio.run(measure(port, server.pid, args.writes))
        finally:
            server.terminate()
            server.wait(timeout=30)
    finally:
        shutil.rmtree(data_dir, ignore_errors=True)


if __name__ == "__main__":
    main()
