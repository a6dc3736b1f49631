"""Bounded local search over swaps of two movable people at different tables.

Swaps keep every table's size. A swap is taken only when it improves, lexicographically,
(keep-apart violations, -diversity, role penalty); the role penalty is the sum over roles and
tables of count^2, which is smallest exactly when each role's per-table counts differ by <= 1.
Only people seated on their own (not pinned, not in a together-group) are movable, so pins and
together-groups are never broken here. The number of swap evaluations is capped.
"""

from backend.tables.allocation_seating import Seating

EVALUATION_BUDGET = 150_000


def improve(seating: Seating) -> None:
    seating.budget = EVALUATION_BUDGET
    _repair_apart(seating)
    for _ in range(2):
        changed = False
        for role in range(seating.pool.n_roles):
            changed |= _spread_role(seating, role)
        if not changed:
            break
    _repair_apart(seating)


def _is_better(delta: tuple[int, int, int]) -> bool:
    d_apart, d_div, d_role = delta
    return (d_apart, -d_div, d_role) < (0, 0, 0)


def _repair_apart(seating: Seating) -> None:
    table_of, movable = seating.table_of, seating.movable
    n = len(table_of)
    for _ in range(3):
        changed = False
        for a, b in seating.pool.apart:
            if a == b or table_of[a] != table_of[b] or seating.budget <= 0:
                continue
            best: tuple[tuple[int, int, int], int, int] | None = None
            for x in (a, b):
                if not movable[x]:
                    continue
                for y in range(n):
                    if not movable[y] or table_of[y] == table_of[x]:
                        continue
                    seating.budget -= 1
                    d_apart, d_div, d_role = seating.swap_delta(x, y)
                    key = (d_apart, -d_div, d_role)
                    if d_apart < 0 and (best is None or key < best[0]):
                        best = (key, x, y)
            if best is not None:
                seating.swap(best[1], best[2])
                changed = True
        if not changed or seating.budget <= 0:
            return


def _spread_role(seating: Seating, role: int) -> bool:
    """Move holders of ``role`` from crowded tables to sparse ones while that improves things."""
    counts = seating.role_cnt[role]
    changed = False
    while seating.budget > 0 and max(counts) - min(counts) > 1:
        found = _find_role_swap(seating, role)
        if found is None:
            break
        seating.swap(*found)
        changed = True
    return changed


def _find_role_swap(seating: Seating, role: int) -> tuple[int, int] | None:
    counts, prio = seating.role_cnt[role], seating.prio
    roles, movable, members = seating.pool.roles, seating.movable, seating.members
    low, high = min(counts), max(counts)
    n_tables = len(counts)
    sources = sorted(
        (t for t in range(n_tables) if counts[t] >= low + 2), key=lambda t: (-counts[t], prio[t])
    )
    targets = sorted(
        (t for t in range(n_tables) if counts[t] <= high - 2), key=lambda t: (counts[t], prio[t])
    )
    for t1 in sources:
        for x in members[t1]:
            if not movable[x] or role not in roles[x]:
                continue
            for t2 in targets:
                if counts[t2] > counts[t1] - 2:
                    break
                for y in members[t2]:
                    if not movable[y] or role in roles[y]:
                        continue
                    seating.budget -= 1
                    if _is_better(seating.swap_delta(x, y)):
                        return x, y
                if seating.budget <= 0:
                    return None
    return None
