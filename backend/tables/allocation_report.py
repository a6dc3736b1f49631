"""Violated constraints and per-table reason codes (codes documented in ``allocation``)."""

from collections.abc import Sequence

from backend.tables.allocation_groups import group_people
from backend.tables.allocation_seating import Pool, Seating

Violation = tuple[str, str, str, str]  # (kind, id_a, id_b, reason)


def violations(
    pool: Pool,
    seating: Seating,
    ids: Sequence[str],
    together: Sequence[tuple[str, str]],
    apart: Sequence[tuple[str, str]],
) -> list[Violation]:
    """The together/apart pairs (in request order, together first) the seating breaks, and why."""
    groups = group_people(pool)
    pin_fixed = [False] * len(ids)
    for i, _ in groups.fixed:
        pin_fixed[i] = True
    table_of, component = seating.table_of, groups.component
    broken: list[Violation] = []
    for (a_id, b_id), (a, b) in zip(together, pool.together, strict=True):
        if table_of[a] == table_of[b]:
            continue
        if groups.pin_split[component[a]]:
            reason = "pinned_conflict"
        elif groups.oversized[component[a]]:
            reason = "group_too_large"
        else:
            reason = "no_room"
        broken.append(("together", a_id, b_id, reason))
    for (a_id, b_id), (a, b) in zip(apart, pool.apart, strict=True):
        if table_of[a] != table_of[b]:
            continue
        if component[a] == component[b]:
            reason = "contradictory"
        elif pin_fixed[a] and pin_fixed[b]:
            reason = "pinned_conflict"
        else:
            reason = "no_room"
        broken.append(("apart", a_id, b_id, reason))
    return broken


def table_issues(
    pool: Pool,
    seating: Seating,
    ids: Sequence[str],
    persp_names: Sequence[str],
    role_names: Sequence[str],
    broken: Sequence[Violation],
) -> list[tuple[int, str, dict[str, object]]]:
    n, n_tables = len(pool.persp), pool.n_tables
    per_table: list[list[tuple[str, dict[str, object]]]] = [[] for _ in range(n_tables)]
    persp_totals = [0] * pool.n_persp
    for p in pool.persp:
        if p >= 0:
            persp_totals[p] += 1
    for t in range(n_tables):
        size, row = len(seating.members[t]), seating.cnt[t]
        if n < pool.size_min and size < pool.size_min:
            per_table[t].append(("headcount_below_minimum", {"size": size, "min": pool.size_min}))
        elif not pool.size_min <= size <= pool.size_max:
            per_table[t].append(
                ("size_out_of_bounds", {"size": size, "min": pool.size_min, "max": pool.size_max})
            )
        distinct = sum(1 for c in row if c > 0)
        target = min(size, pool.n_persp)
        if distinct < target:
            missing = [p for p in range(pool.n_persp) if row[p] == 0]
            params: dict[str, object] = {
                "distinct": distinct,
                "target": target,
                "missing": [persp_names[p] for p in missing],
                "scarce": [persp_names[p] for p in missing if persp_totals[p] < n_tables],
                "unknown": size - sum(row),
            }
            per_table[t].append(("too_few_perspectives", params))
    for r, name in enumerate(role_names):
        counts = seating.role_cnt[r]
        minimum, extra = divmod(sum(counts), n_tables)
        limit = minimum + (extra > 0)
        for t, count in enumerate(counts):
            if count > limit:
                per_table[t].append(
                    ("role_crowded", {"role": name, "count": count, "limit": limit})
                )
            elif count < minimum:
                per_table[t].append(
                    ("role_sparse", {"role": name, "count": count, "minimum": minimum})
                )
    position = {person: i for i, person in enumerate(ids)}
    for kind, a_id, b_id, reason in broken:
        table_a, table_b = seating.table_of[position[a_id]], seating.table_of[position[b_id]]
        for t in sorted({table_a, table_b}):
            per_table[t].append(
                ("constraint_unsatisfiable", {"kind": kind, "a": a_id, "b": b_id, "reason": reason})
            )
    return [(t, code, params) for t in range(n_tables) for code, params in per_table[t]]
