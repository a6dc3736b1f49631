"""Construction of a first seating (``build``), on integer indices.

Pinned people (with their together-groups) first, then the other together-groups, then a
max-flow decides which perspective gets one seat at which table (so diversity is optimal for the
groups already seated), then people with roles or keep-apart partners are placed one by one into
those seats, then everybody else. ``allocation_search`` then improves the result with swaps.
"""

import bisect
import heapq
import operator
import random

from backend.tables.allocation_flow import effective_bounds, perspective_flow
from backend.tables.allocation_groups import group_people
from backend.tables.allocation_seating import Pool, Seating


def build(pool: Pool, rng: random.Random) -> Seating:
    n, n_tables, n_persp = len(pool.persp), pool.n_tables, pool.n_persp
    order = list(range(n_tables))
    rng.shuffle(order)
    prio = [0] * n_tables
    for rank, t in enumerate(order):
        prio[t] = rank
    seating = Seating(pool, prio)
    groups = group_people(pool)
    for i, t in groups.fixed:
        seating.seat(i, t)
    _place_units(seating, groups.units, rng)

    free = [i for i in range(n) if seating.table_of[i] < 0]
    for i in free:
        seating.movable[i] = True
    occupied = [len(m) for m in seating.members]
    base, cap = effective_bounds(occupied, n, pool.size_min, pool.size_max)
    free_counts = [0] * n_persp
    for i in free:
        if pool.persp[i] >= 0:
            free_counts[pool.persp[i]] += 1
    covered = [[c > 0 for c in row] for row in seating.cnt]
    # Prefer the most even sizes; they are optimal unless pins or groups skew the tables, in which
    # case the flow with free sizes (within the bounds) may do better.
    sizes = _spread(base, cap, n, prio)
    value, chosen = perspective_flow(free_counts, covered, occupied, sizes, sizes, n, order)
    if any(occupied):
        free_value, free_chosen = perspective_flow(
            free_counts, covered, occupied, base, cap, n, order
        )
        if free_value > value:
            chosen = free_chosen
            floor = [max(base[t], occupied[t] + len(chosen[t])) for t in range(n_tables)]
            sizes = _spread(floor, cap, n, prio)
    _fill(seating, free, chosen, [sizes[t] - occupied[t] for t in range(n_tables)], rng)
    return seating


def _spread(start: list[int], cap: list[int], n: int, prio: list[int]) -> list[int]:
    """Sizes from ``start`` up to ``cap``, adding the remaining seats to the smallest tables."""
    sizes = list(start)
    heap = [(sizes[t], prio[t], t) for t in range(len(sizes)) if sizes[t] < cap[t]]
    heapq.heapify(heap)
    for _ in range(n - sum(sizes)):
        _, rank, t = heapq.heappop(heap)
        sizes[t] += 1
        if sizes[t] < cap[t]:
            heapq.heappush(heap, (sizes[t], rank, t))
    return sizes


def _place_units(seating: Seating, units: list[list[int]], rng: random.Random) -> None:
    """Seat each together-group, biggest first, at the table with (fewest keep-apart partners,
    least overflow, fewest of its perspectives already there, fewest of its roles, fewest people,
    lowest random rank). Tables are scanned by occupancy then rank, so the scan stops at the
    first table that is perfect on the first five counts."""
    pool, n_tables, prio = seating.pool, seating.pool.n_tables, seating.prio
    target = -(-len(pool.persp) // n_tables)
    hard = max(pool.size_max, target)
    by_level: dict[int, list[tuple[int, int]]] = {}
    for t in range(n_tables):
        by_level.setdefault(len(seating.members[t]), []).append((prio[t], t))
    for tables in by_level.values():
        tables.sort()
    units = list(units)
    rng.shuffle(units)
    units.sort(key=len, reverse=True)
    for unit in units:
        size = len(unit)
        persps = sorted({pool.persp[i] for i in unit if pool.persp[i] >= 0})
        unit_roles = [r for i in unit for r in pool.roles[i]]
        partner_tables: dict[int, int] = {}
        for i in unit:
            for j in seating.apart_adj[i]:
                if seating.table_of[j] >= 0:
                    partner_tables[seating.table_of[j]] = (
                        partner_tables.get(seating.table_of[j], 0) + 1
                    )
        best: tuple[int, ...] | None = None
        best_t = best_level = 0
        for level in sorted(by_level):
            for _, t in by_level[level]:
                key = (
                    partner_tables.get(t, 0),
                    max(0, level + size - hard),
                    max(0, level + size - target),
                    sum(1 for p in persps if seating.cnt[t][p]),
                    sum(seating.role_cnt[r][t] for r in unit_roles),
                    level,
                    prio[t],
                )
                if best is None or key < best:
                    best, best_t, best_level = key, t, level
                    if not any(key[:5]):
                        break
            if best is not None and not any(best[:5]):
                break
        for i in unit:
            seating.seat(i, best_t)
        by_level[best_level].remove((prio[best_t], best_t))
        if not by_level[best_level]:
            del by_level[best_level]
        bisect.insort(by_level.setdefault(best_level + size, []), (prio[best_t], best_t))


def _fill(
    seating: Seating,
    free: list[int],
    chosen: list[list[int]],
    open_seats: list[int],
    rng: random.Random,
) -> None:
    """Seat the free people: one per flow-chosen (table, perspective), the rest anywhere.

    A person of perspective p may take a "generic" seat only while fewer than
    (free people of p) - (tables chosen for p) have done so; that keeps enough people of p for
    every chosen seat, hence the flow's diversity.
    """
    pool, n_tables, n_persp = seating.pool, seating.pool.n_tables, seating.pool.n_persp
    wanted = [[False] * n_persp for _ in range(n_tables)]
    generic = list(open_seats)
    spare = [0] * (n_persp + 1)  # index n_persp: unknown perspective
    for i in free:
        spare[pool.persp[i] if pool.persp[i] >= 0 else n_persp] += 1
    for t, perspectives in enumerate(chosen):
        generic[t] -= len(perspectives)
        for p in perspectives:
            wanted[t][p] = True
            spare[p] -= 1

    special = [i for i in free if pool.roles[i] or seating.apart_adj[i]]
    rng.shuffle(special)
    special.sort(key=lambda i: (-len(seating.apart_adj[i]), -len(pool.roles[i])))
    _place_special(seating, special, wanted, generic, spare)

    prio, table_of = seating.prio, seating.table_of
    by_persp: list[list[int]] = [[] for _ in range(n_persp + 1)]
    rest = [i for i in free if table_of[i] < 0]
    rng.shuffle(rest)
    for i in rest:
        by_persp[pool.persp[i] if pool.persp[i] >= 0 else n_persp].append(i)
    table_order = sorted(range(n_tables), key=prio.__getitem__)
    leftovers = by_persp[n_persp]
    for p in range(n_persp):
        tables = [t for t in table_order if wanted[t][p]]
        for x, t in zip(by_persp[p], tables, strict=False):
            seating.seat(x, t)
        leftovers.extend(by_persp[p][len(tables) :])
    seats = [t for t in range(n_tables) for _ in range(generic[t])]
    rng.shuffle(seats)
    for x, t in zip(leftovers, seats, strict=True):
        seating.seat(x, t)


def _place_special(
    seating: Seating,
    special: list[int],
    wanted: list[list[bool]],
    generic: list[int],
    spare: list[int],
) -> None:
    """Seat each person at the open seat with the fewest keep-apart partners, then the fewest
    holders of their roles, then the lowest random table rank.

    Keys are integers (holders * n_tables + rank) kept per role, so the choice is a C-level
    ``min`` over the candidate tables.
    """
    pool, n_tables, n_persp = seating.pool, seating.pool.n_tables, seating.pool.n_persp
    table_of, prio = seating.table_of, seating.prio
    role_load = [[c * n_tables for c in row] for row in seating.role_cnt]
    role_key = [[load + prio[t] for t, load in enumerate(row)] for row in role_load]
    open_for = [{t for t in range(n_tables) if wanted[t][p]} for p in range(n_persp)]
    with_generic = {t for t in range(n_tables) if generic[t] > 0}
    conflict_weight = n_tables * (len(pool.persp) + 1) * (pool.n_roles + 1)
    for x in special:
        p = pool.persp[x]
        s_index = p if p >= 0 else n_persp
        candidates = open_for[p] if p >= 0 else set()
        if spare[s_index] > 0:
            candidates = candidates | with_generic
        conflicts: dict[int, int] = {}
        for j in seating.apart_adj[x]:
            if table_of[j] >= 0:
                conflicts[table_of[j]] = conflicts.get(table_of[j], 0) + 1
        roles = pool.roles[x]
        if len(roles) <= 1 and not conflicts:
            best = min(candidates, key=(role_key[roles[0]] if roles else prio).__getitem__)
        else:
            keys = role_key[roles[0]] if roles else prio
            for r in roles[1:]:
                keys = list(map(operator.add, keys, role_load[r]))
            if conflicts:
                keys = list(keys)
                for t, count in conflicts.items():
                    keys[t] += count * conflict_weight
            best = min(candidates, key=keys.__getitem__)
        if p >= 0 and wanted[best][p]:
            wanted[best][p] = False
            open_for[p].discard(best)
        else:
            generic[best] -= 1
            spare[s_index] -= 1
            if not generic[best]:
                with_generic.discard(best)
        seating.seat(x, best)
        for r in roles:
            role_key[r][best] += n_tables
            role_load[r][best] += n_tables
