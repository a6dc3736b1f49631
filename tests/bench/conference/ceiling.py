"""The ceiling: GET /api/v1/health (a trivial endpoint of the same server) as fast as it goes."""

import asyncio
import contextlib
import multiprocessing as mp
import time
from typing import Any

from .http import Http
from .server import raise_nofile


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
