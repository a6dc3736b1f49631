"""A conference under load, over real HTTP to a real uvicorn (a script that prints figures, not a test).

    uv run python tests/bench/bench_conference.py                 # 700 participants, ~100 tables
    uv run python tests/bench/bench_conference.py --participants 60 --ideas 3    # quick smoke run
    uv run python tests/bench/bench_conference.py --find-max      # largest N meeting the targets
    uv run python tests/bench/bench_conference.py --workers 2     # two server processes + Redis

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

Targets (PASS/FAIL): p99 write latency under 100 ms for ideas and for votes alike, p99 delivery
under 500 ms, every write answered, 0 lost, 0 duplicated.
"""

import argparse
import asyncio
import json
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))  # the repo root, from any directory

from tests.bench.conference.ceiling import measure_ceiling
from tests.bench.conference.clients import Clients
from tests.bench.conference.report import analyse
from tests.bench.conference.server import (
    cpu_seconds,
    create_schema,
    describe_server,
    forget_redis_keys,
    free_port,
    raise_nofile,
    server_errors,
    start_server,
)
from tests.bench.conference.session import (
    facilitator_get,
    facilitator_post,
    setup_session,
    split_tables,
    table_count,
    votes_available,
)

RUN_LIMIT_S = 300.0  # a run is aborted after this long under load
VOTE_LIMIT_S = 120.0  # the voting part is stopped after this long


@dataclass
class IdeasWindow:
    """What the main process measured while the ideas were written."""

    server_cpu0: float  # the server's CPU seconds when the load started
    wall: float
    server_cpu: float
    aborted: bool
    profile_stats: dict[str, Any] | None


def run_ceiling(args: argparse.Namespace, port: int, say: Any) -> float:
    ceiling = measure_ceiling(port, args.processes, args.ceiling_connections, args.ceiling_s)
    say(
        f"ceiling:     GET /api/v1/health {ceiling:,.0f} requests/s "
        f"({args.processes} client processes x {args.ceiling_connections} keep-alive "
        f"connections, {args.ceiling_s:.0f} s, before the load; a sync `def` endpoint, so one "
        "threadpool hop, behind the app's HTTP middleware)"
    )
    return ceiling


def run_setup(args: argparse.Namespace, port: int, n: int, say: Any) -> tuple[dict[str, Any], bool]:
    """The session with its n participants seated, in ideate; and whether the server takes votes."""
    setup = asyncio.run(setup_session(port, n, table_count(args.tables, n)))
    say(
        f"session:     {n} participants joined in {setup['join_s']:.1f} s, allocated to "
        f"{setup['tables']} tables (sizes {dict(sorted(setup['sizes'].items()))}) in "
        f"{setup['allocate_s']:.1f} s; phase ideate"
    )
    has_votes = args.votes > 0 and votes_available(port)
    if args.votes > 0 and not has_votes:
        say("votes:       SKIPPED - POST /api/v1/me/table/votes is not in this server's API")
    return setup, has_votes


def client_config(args: argparse.Namespace) -> dict[str, Any]:
    return {
        "ideas": args.ideas,
        "votes": args.votes,
        "gap": (args.gap_min, args.gap_max),
        "vote_gap": (args.gap_min, args.gap_max),
        "seed": args.seed,
        "setup_timeout": 120.0,
        "deadline": time.time() + RUN_LIMIT_S + 180,
    }


def open_streams(clients: Clients, n: int, say: Any) -> None:
    clients.start()
    ready = clients.wait_all("ready", 180)
    streams_open = sum(m[2] for m in ready)
    say(
        f"clients:     {len(clients.procs)} processes, one asyncio loop each; {streams_open} of {n} "
        "event streams open (hello received)"
    )


def run_ideas(
    args: argparse.Namespace,
    clients: Clients,
    server: "subprocess.Popen[bytes]",
    port: int,
    has_votes: bool,
    say: Any,
) -> IdeasWindow:
    """Every participant writes its ideas; then the last events are given time to arrive."""
    flags = clients.flags
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
    done = clients.wait_all("ideas_done", max(1.0, cfg_deadline - time.time()))
    aborted = len(done) < len(clients.procs)
    if aborted:
        flags["stop"].set()
    ideas_wall = time.time() - wall0
    server_cpu_ideas = cpu_seconds(server.pid) - server_cpu0
    time.sleep(args.settle_s)  # let the last events reach the streams
    profile_stats = None
    if args.profile:
        status, content = asyncio.run(facilitator_get(port, "", "/bench/stats"))
        profile_stats = json.loads(content) if status == 200 else None
    return IdeasWindow(server_cpu0, ideas_wall, server_cpu_ideas, aborted, profile_stats)


def run_votes(
    args: argparse.Namespace,
    clients: Clients,
    port: int,
    setup: dict[str, Any],
    has_votes: bool,
    aborted: bool,
    say: Any,
) -> tuple[bool, dict[str, Any] | None]:
    """The facilitator moves to reduce and every participant votes: whether votes were cast, and
    the server's timing probes over the votes (with --profile)."""
    flags = clients.flags
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
    if args.profile:
        asyncio.run(facilitator_post(port, "", "/bench/stats/reset", {}))
    flags["start"].value = time.time() + 0.2
    flags["votes"].set()
    clients.wait_all("votes_done", VOTE_LIMIT_S)
    stats = None
    if args.profile:
        status, content = asyncio.run(facilitator_get(port, "", "/bench/stats"))
        stats = json.loads(content) if status == 200 else None
    return has_votes and phase_status == 200, stats


def run_once(args: argparse.Namespace, n: int, quiet: bool = False) -> dict[str, Any]:
    say = (lambda *a: None) if quiet else print
    tmp = Path(tempfile.mkdtemp(prefix="cyd-bench-"))
    port = free_port()
    db_file = create_schema(tmp)
    server = start_server(tmp, port, args.profile, args.workers)
    result: dict[str, Any] = {"n": n}
    clients: Clients | None = None
    try:
        describe_server(args.profile, server, port, db_file, say, args.workers)
        ceiling = run_ceiling(args, port, say)
        result["ceiling"] = ceiling
        setup, has_votes = run_setup(args, port, n, say)
        result["tables"] = setup["tables"]
        groups = split_tables(setup["people"], args.processes)
        clients = Clients(groups, client_config(args), port)
        open_streams(clients, n, say)
        ideas = run_ideas(args, clients, server, port, has_votes, say)
        voted, votes_profile = run_votes(args, clients, port, setup, has_votes, ideas.aborted, say)
        clients.finish()
        server_cpu_total = cpu_seconds(server.pid) - ideas.server_cpu0
        result.update(
            analyse(
                clients.results,
                setup,
                db_file,
                n,
                ideas.wall,
                ideas.server_cpu,
                server_cpu_total,
                ideas.aborted,
                voted,
                {
                    window: stats
                    for window, stats in [("ideas", ideas.profile_stats), ("votes", votes_profile)]
                    if stats
                },
                say,
                args,
                len(clients.procs),
            )
        )
        result["ceiling"] = ceiling
        return result
    finally:
        if clients is not None:
            clients.kill()
        server.terminate()
        try:
            server.wait(timeout=20)
        except subprocess.TimeoutExpired:
            server.kill()
        if args.workers > 1:
            forget_redis_keys(tmp)
        errors = server_errors(tmp)
        result["server_errors"] = errors
        say(f"server log:  {errors or 'no errors logged'}")
        if args.keep:
            say(f"kept:        {tmp}")
        else:
            shutil.rmtree(tmp, ignore_errors=True)


FIND_MAX_SIZES = [100, 300, 500, 700, 900, 1100, 1400, 1700, 2000, 2500, 3000]


def find_max(args: argparse.Namespace) -> None:
    """Start at the target size (--participants); climb while it passes, step down if it fails."""
    above = [n for n in FIND_MAX_SIZES if n > args.participants]
    below = [n for n in reversed(FIND_MAX_SIZES) if n < args.participants]
    budget_end = time.time() + args.find_max_minutes * 60
    best = None
    rows = []
    queue = [args.participants, *above]
    while queue:
        n = queue.pop(0)
        if time.time() > budget_end:
            print(f"(time budget of {args.find_max_minutes:g} min spent; stopping before N={n})")
            break
        print(f"\n##### N = {n}")
        outcome = run_once(args, n)
        rows.append(outcome)
        if outcome["meets"]:
            best = max(best or 0, n)
            if best < args.participants:
                break  # stepping down: the first size that passes is the answer
        elif best is None:
            queue = below  # the target size failed: look for the largest that passes
        else:
            break
    print("\n=== find-max summary ===")
    for row in rows:
        print(
            f"N={row['n']:5d}  tables {row.get('tables', '?'):>4}  "
            f"write p99 {1000 * row.get('write_p99', float('nan')):7.0f} ms  "
            f"vote p99 {1000 * row.get('vote_p99', float('nan')):7.0f} ms  "
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
    parser.add_argument(
        "--workers",
        type=int,
        default=1,
        help="server processes (uvicorn --workers); more than one uses the local Redis as broker",
    )
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
