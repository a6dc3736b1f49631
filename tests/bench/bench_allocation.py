"""Benchmark the table allocator on realistic pools (a script, not a test).

Run from the repository root:  uv run python tests/bench/bench_allocation.py
"""

import random
import statistics
import sys
import time
import uuid
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from backend.tables.allocation import (
    AllocationRequest,
    AllocationResult,
    Person,
    allocate,
)

MIX = [
    ("lived_experience", 35),
    ("service_provider", 25),
    ("academic", 15),
    ("policy", 15),
    ("outlier", 10),
]
ROLES = ["connector", "maven", "salesperson"]
RUNS = 5


def realistic_pool(n: int, seed: int) -> AllocationRequest:
    rng = random.Random(seed)
    kinds = [kind for kind, weight in MIX for _ in range(weight)]
    people = []
    for k in range(n):
        roles: frozenset[str] = frozenset()
        if rng.random() < 0.10:
            roles = frozenset(rng.sample(ROLES, 2 if rng.random() < 0.15 else 1))
        pin = rng.randrange(20) if k < 6 else None  # a few people the facilitator pinned
        person_id = str(uuid.UUID(int=rng.getrandbits(128)))
        people.append(Person(person_id, rng.choice(kinds), roles, pin))
    ids = [p.id for p in people if p.pinned_table is None]
    rng.shuffle(ids)
    together = [(ids[2 * k], ids[2 * k + 1]) for k in range(20)]  # carers, interpreters
    apart = [(ids[100 + k], ids[500 + k]) for k in range(20)]  # service user and caseworker
    return AllocationRequest(people, together=together, apart=apart, seed=seed)


def role_spread(request: AllocationRequest, result: AllocationResult) -> str:
    parts = []
    for role in ROLES:
        holders = [p for p in request.people if role in p.roles]
        per_table = Counter(result.assignment[p.id] for p in holders)
        counts = [per_table[t] for t in range(result.table_count)]
        parts.append(f"{role} {len(holders)} ({min(counts)}-{max(counts)} per table)")
    return ", ".join(parts)


def bench(n: int) -> None:
    request = realistic_pool(n, seed=2024)
    timings = []
    result = None
    for _ in range(RUNS):
        start = time.perf_counter()
        result = allocate(request)
        timings.append((time.perf_counter() - start) * 1000)
    assert result is not None
    sizes = Counter(Counter(result.assignment.values()).values())
    codes = Counter(issue.code for issue in result.issues)
    print(f"participants:         {len(request.people)}")
    print(f"tables:               {result.table_count} (sizes {dict(sorted(sizes.items()))})")
    print(
        f"time per allocation:  median {statistics.median(timings):.1f} ms, max {max(timings):.1f} ms"
    )
    print(
        f"diversity:            {result.diversity} of exact maximum {result.diversity_max}"
        f" ({100 * result.diversity / max(1, result.diversity_max):.2f}%)"
    )
    print(f"role spread:          {role_spread(request, result)}")
    print(
        f"constraints violated: {len(result.violated)}"
        f" of {len(request.together)} together + {len(request.apart)} apart"
    )
    print(f"issues:               {len(result.issues)} {dict(sorted(codes.items()))}")
    print()


if __name__ == "__main__":
    for size in (2000, 700):
        bench(size)
