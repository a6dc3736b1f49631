"""Percentiles, formatting, and the analysis and printing of a run's results."""

import argparse
import sqlite3
import uuid
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any

TARGET_WRITE_P99_MS = 100.0
TARGET_DELIVERY_P99_MS = 500.0


def pct(values: list[float], p: float) -> float:
    if not values:
        return float("nan")
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(p / 100 * len(ordered) + 0.5) - 1))]


def ms(value: float) -> str:
    return f"{1000 * value:8.1f} ms"


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
    profiles: dict[str, dict[str, Any]],
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
    vote_ok = [v for v in votes if v[2] == 200]
    vote_lat = [v[1] - v[0] for v in vote_ok]
    vote_p99 = pct(vote_lat, 99) if voted else 0.0
    meets = (
        not aborted
        and bool(ok)
        and len(ok) == n * args.ideas
        and write_p99 * 1000 < TARGET_WRITE_P99_MS
        and (
            not voted or (len(vote_ok) == n * args.votes and vote_p99 * 1000 < TARGET_WRITE_P99_MS)
        )
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
    for name, stats in profiles.items():
        say_profile(name, stats, say)
    verdict = "PASS" if meets else "FAIL"
    say(
        f"targets:                p99 write {write_p99 * 1000:.0f} ms for ideas"
        + (f", {vote_p99 * 1000:.0f} ms for votes" if voted else "")
        + f" (< {TARGET_WRITE_P99_MS:.0f}), "
        f"p99 delivery {delivery_p99 * 1000:.0f} ms (< {TARGET_DELIVERY_P99_MS:.0f}), "
        f"0 lost, 0 duplicated: {verdict}"
    )
    return {
        "meets": meets,
        "write_p99": write_p99,
        "vote_p99": vote_p99,
        "delivery_p99": delivery_p99,
        "throughput": len(ok) / window if ok else 0.0,
    }


def say_profile(window: str, stats: dict[str, Any], say: Any) -> None:
    say(f"profile (server side, {window} window):")
    say(f"  threadpool {stats['threadpool']}  event-loop lag {stats['loop_lag_ms']}")
    say(f"  unreachable objects the cycle collector found: {stats['gc_unreachable_found']}")
    for key, row in list(stats["routes"].items())[:8]:
        say(f"  {key:55s} {row}")
    for key, row in stats["sql"].items():
        say(f"  {key:55s} {row}")
