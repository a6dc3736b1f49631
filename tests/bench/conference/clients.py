"""The client worker processes, seen from the main process: their flags, their queue, their
results."""

import contextlib
import multiprocessing as mp
import time
from typing import Any

from .members import worker_entry


class Clients:
    """One spawned process per group of participants (each runs `members.worker_entry`). The
    flags move every worker through the run together: ideas, votes (or skip_votes), stop; `start`
    is the wall time each part starts at. Workers report "ready", "ideas_done", "votes_done",
    then "result" on the queue."""

    def __init__(self, groups: list[list[dict[str, Any]]], cfg: dict[str, Any], port: int) -> None:
        ctx = mp.get_context("spawn")
        self.q = ctx.Queue()
        self.flags: dict[str, Any] = {
            "ideas": ctx.Event(),
            "votes": ctx.Event(),
            "stop": ctx.Event(),
            "skip_votes": ctx.Event(),
            "start": ctx.Value("d", 0.0),
        }
        self.procs: list[Any] = []
        for wid, group in enumerate(groups):
            self.procs.append(
                ctx.Process(
                    target=worker_entry,
                    args=(wid, group, cfg, port, self.q, self.flags),
                    daemon=True,
                )
            )
        self.results: list[Any] = []

    def start(self) -> None:
        for p in self.procs:
            p.start()

    def wait_all(self, kind: str, timeout: float) -> list[Any]:
        """Every worker's `kind` message, or those that came within `timeout` seconds (a "result"
        arriving meanwhile is kept)."""
        got: list[Any] = []
        end = time.time() + timeout
        while len(got) < len(self.procs) and time.time() < end:
            with contextlib.suppress(Exception):
                message = self.q.get(timeout=max(0.1, min(1.0, end - time.time())))
                if message[0] == kind:
                    got.append(message)
                elif message[0] == "result":
                    self.results.append(message)
        return got

    def finish(self) -> None:
        """Stop the workers (after a second for the last frames), gather their results (up to 60 s)
        and reap them."""
        time.sleep(1.0)
        self.flags["stop"].set()
        end = time.time() + 60
        while len(self.results) < len(self.procs) and time.time() < end:
            with contextlib.suppress(Exception):
                message = self.q.get(timeout=1)
                if message[0] == "result":
                    self.results.append(message)
        for p in self.procs:
            p.join(timeout=10)

    def kill(self) -> None:
        for p in self.procs:
            if p.is_alive():
                p.kill()
