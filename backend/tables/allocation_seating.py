"""Seating state for the table allocator, on integer indices.

People are indices 0..n-1 (sorted by id), perspectives 0..P-1 (-1 = unknown), roles 0..R-1.
"""

from dataclasses import dataclass


@dataclass
class Pool:
    n_tables: int
    size_min: int
    size_max: int
    persp: list[int]
    n_persp: int
    roles: list[tuple[int, ...]]
    n_roles: int
    pinned: list[int]  # table index, or -1
    together: list[tuple[int, int]]
    apart: list[tuple[int, int]]


class Seating:
    def __init__(self, pool: Pool, prio: list[int]) -> None:
        n, n_tables = len(pool.persp), pool.n_tables
        self.pool = pool
        self.prio = prio  # seeded random rank of each table, used to break ties
        self.table_of = [-1] * n
        self.members: list[list[int]] = [[] for _ in range(n_tables)]
        self.cnt = [[0] * pool.n_persp for _ in range(n_tables)]
        self.role_cnt = [[0] * n_tables for _ in range(pool.n_roles)]
        self.movable = [False] * n
        self.apart_adj: list[list[int]] = [[] for _ in range(n)]
        for a, b in pool.apart:
            if a != b:
                self.apart_adj[a].append(b)
                self.apart_adj[b].append(a)
        self.budget = 0  # swap evaluations left for the local search

    def seat(self, i: int, t: int) -> None:
        self.table_of[i] = t
        self.members[t].append(i)
        p = self.pool.persp[i]
        if p >= 0:
            self.cnt[t][p] += 1
        for r in self.pool.roles[i]:
            self.role_cnt[r][t] += 1

    def unseat(self, i: int) -> None:
        t = self.table_of[i]
        self.table_of[i] = -1
        self.members[t].remove(i)
        p = self.pool.persp[i]
        if p >= 0:
            self.cnt[t][p] -= 1
        for r in self.pool.roles[i]:
            self.role_cnt[r][t] -= 1

    def swap(self, x: int, y: int) -> None:
        tx, ty = self.table_of[x], self.table_of[y]
        self.unseat(x)
        self.unseat(y)
        self.seat(x, ty)
        self.seat(y, tx)

    def swap_delta(self, x: int, y: int) -> tuple[int, int, int]:
        """(change in apart violations, change in diversity, change in role penalty)."""
        table_of, t1, t2 = self.table_of, self.table_of[x], self.table_of[y]
        d_apart = 0
        for j in self.apart_adj[x]:
            if j != y:
                d_apart += (table_of[j] == t2) - (table_of[j] == t1)
        for j in self.apart_adj[y]:
            if j != x:
                d_apart += (table_of[j] == t1) - (table_of[j] == t2)
        p, q = self.pool.persp[x], self.pool.persp[y]
        d_div = 0
        if p != q:
            c1, c2 = self.cnt[t1], self.cnt[t2]
            if p >= 0:
                d_div += (c2[p] == 0) - (c1[p] == 1)
            if q >= 0:
                d_div += (c1[q] == 0) - (c2[q] == 1)
        d_role = 0
        rx, ry = self.pool.roles[x], self.pool.roles[y]
        if rx != ry:
            # Role penalty = sum over roles and tables of count^2 (smallest when spread evenly).
            for r in rx:
                if r not in ry:
                    c = self.role_cnt[r]
                    d_role += 2 * (c[t2] - c[t1] + 1)
            for r in ry:
                if r not in rx:
                    c = self.role_cnt[r]
                    d_role += 2 * (c[t1] - c[t2] + 1)
        return d_apart, d_div, d_role

    def diversity(self) -> int:
        return sum(1 for row in self.cnt for c in row if c > 0)

    def score(self) -> tuple[int, int, int, int]:
        """(apart violations, -diversity, role counts outside their even band, role penalty)."""
        table_of, n_tables = self.table_of, self.pool.n_tables
        apart = sum(1 for a, b in self.pool.apart if table_of[a] == table_of[b])
        outside = squares = 0
        for counts in self.role_cnt:
            low, extra = divmod(sum(counts), n_tables)
            high = low + (extra > 0)
            outside += sum(max(0, c - high) + max(0, low - c) for c in counts)
            squares += sum(c * c for c in counts)
        return apart, -self.diversity(), outside, squares
