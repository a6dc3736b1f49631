"""Exact maximum diversity for table allocation: a closed form and a max-flow.

Diversity is the number of distinct (table, perspective) pairs; people whose perspective is
unknown count for nothing.

Fixed table sizes (``closed_form_max``)
---------------------------------------
Seat ``c_p`` people of perspective ``p`` at tables of ``s_t`` seats. Build the network

    source -> p (capacity c_p),   p -> t (capacity 1),   t -> sink (capacity s_t).

Any seating gives a flow of value = its diversity (send one unit along source -> p -> t -> sink
for every pair (t, p) present), and any integral flow gives a seating of that diversity (seat one
person of p at t for every saturated p -> t edge; the people left over fill the seats left over in
any way, because seats and people are equally many). So the maximum diversity is the maximum flow.

Take an s-t cut; let A be the perspectives on the source side and B the tables on the source side.
Its capacity is  sum_{p not in A} c_p + sum_{t in B} s_t + |A| * |tables not in B|
              >= sum_{p not in A} c_p + sum_t min(|A|, s_t),
with equality for B = {t : s_t < |A|}. For |A| = k the first sum is smallest when A holds the k
largest counts. By max-flow/min-cut:

    max diversity = min over k = 0..P of [ (sum of the P-k smallest c_p) + sum_t min(k, s_t) ].

Free table sizes within bounds, no pins
---------------------------------------
With T tables, sizes s_t in [lo, hi] and sum_t s_t = N, every bracket above is, for fixed k, a
sum of the concave function min(k, .) of the sizes, hence Schur-concave; the balanced vector b
(sizes floor(N/T) or ceil(N/T)) is majorised by every other integer vector with the same sum, so
it maximises every bracket at once, hence also their minimum: max_s F(s) = F(b). When
T*lo <= N <= T*hi, b is itself within the bounds, so the pool's exact maximum is F(b).

Pins and already-seated groups (``perspective_flow``)
-----------------------------------------------------
Some people are already seated (``occupied[t]`` of them at t, covering perspectives
``covered[t]``); table t must end with a size in [base_t, cap_t] (base_t >= occupied[t]) and the
sizes must sum to N. Network, with an extra node X:

    source -> p   capacity: people of p not yet seated
    p -> t        capacity 1, only when p is not yet covered at t
    t -> sink     capacity base_t - occupied_t     (seats the table has anyway)
    t -> X        capacity cap_t - base_t          (seats beyond the table's base ...)
    X -> sink     capacity N - sum_t base_t        (... paid from the global slack)

A flow f_t into table t is realisable iff there are sizes s_t in [base_t, cap_t] with
s_t >= occupied_t + f_t and sum s_t = N, i.e. iff f_t <= cap_t - occupied_t and
sum_t max(0, occupied_t + f_t - base_t) <= N - sum_t base_t (the remaining slack can always be
spread because sum_t cap_t >= N): exactly the constraints of the network. Leftover people again
fill leftover seats, so max flow + pairs already covered = the exact maximum. Without pins this
network has the same value as the closed form on balanced sizes (checked in the tests).
"""

from collections.abc import Sequence


class FlowNetwork:
    """Dinic's maximum flow on adjacency arrays; edge e's reverse edge is e ^ 1."""

    def __init__(self, n_nodes: int) -> None:
        self.n_nodes = n_nodes
        self.adj: list[list[int]] = [[] for _ in range(n_nodes)]
        self.to: list[int] = []
        self.cap: list[int] = []

    def add_edge(self, u: int, v: int, capacity: int) -> int:
        edge = len(self.to)
        self.adj[u].append(edge)
        self.to.append(v)
        self.cap.append(capacity)
        self.adj[v].append(edge + 1)
        self.to.append(u)
        self.cap.append(0)
        return edge

    def max_flow(self, source: int, sink: int) -> int:
        adj, to, cap = self.adj, self.to, self.cap
        total = 0
        while True:
            level = [-1] * self.n_nodes
            level[source] = 0
            queue = [source]
            for u in queue:  # the list grows while we walk it: a plain BFS queue
                next_level = level[u] + 1
                for e in adj[u]:
                    v = to[e]
                    if cap[e] > 0 and level[v] < 0:
                        level[v] = next_level
                        queue.append(v)
            if level[sink] < 0:
                return total
            current = [0] * self.n_nodes
            while True:
                pushed = self._augment(source, sink, level, current)
                if not pushed:
                    break
                total += pushed

    def _augment(self, source: int, sink: int, level: list[int], current: list[int]) -> int:
        """One augmenting path in the level graph (iterative DFS with current-arc pointers)."""
        adj, to, cap = self.adj, self.to, self.cap
        path: list[int] = []
        u = source
        while True:
            if u == sink:
                pushed = min(cap[e] for e in path)
                for e in path:
                    cap[e] -= pushed
                    cap[e ^ 1] += pushed
                return pushed
            edges = adj[u]
            i = current[u]
            wanted = level[u] + 1
            while i < len(edges) and not (cap[edges[i]] > 0 and level[to[edges[i]]] == wanted):
                i += 1
            current[u] = i
            if i < len(edges):
                path.append(edges[i])
                u = to[edges[i]]
                continue
            if not path:
                return 0
            level[u] = -1  # dead end for the rest of this phase
            u = to[path.pop() ^ 1]
            current[u] += 1


def closed_form_max(counts: Sequence[int], sizes: Sequence[int]) -> int:
    """min over k of (sum of the P-k smallest counts) + sum_t min(k, s_t); see module docstring."""
    ordered = sorted(c for c in counts if c > 0)
    prefix = [0]
    for c in ordered:
        prefix.append(prefix[-1] + c)
    n_persp = len(ordered)
    best = prefix[n_persp]
    for k in range(1, n_persp + 1):
        best = min(best, prefix[n_persp - k] + sum(min(k, s) for s in sizes))
    return best


def effective_bounds(
    occupied: Sequence[int], n_people: int, size_min: int, size_max: int
) -> tuple[list[int], list[int]]:
    """Per-table [base, cap] size ranges: the requested bounds, relaxed as little as needed.

    base_t = max(L, occupied_t) and cap_t = max(H, occupied_t), with L the largest value <= size_min
    and H the smallest value >= size_max such that sum(base) <= N <= sum(cap). When the head-count
    fits the bounds (and pins do not overfill tables) L = size_min and H = size_max.
    """
    low = size_min
    while low > 0 and sum(max(low, o) for o in occupied) > n_people:
        low -= 1
    high = size_max
    while occupied and sum(max(high, o) for o in occupied) < n_people:
        high += 1
    base = [max(low, o) for o in occupied]
    cap = [max(high, o) for o in occupied]
    return base, cap


def perspective_flow(
    free_counts: Sequence[int],
    covered: Sequence[Sequence[bool]],
    occupied: Sequence[int],
    base: Sequence[int],
    cap: Sequence[int],
    n_people: int,
    table_order: Sequence[int],
) -> tuple[int, list[list[int]]]:
    """Maximum extra (table, perspective) pairs the unseated people can add (module docstring).

    Returns the flow value and, per table, the perspectives that get one seat each in an optimum.
    ``table_order`` only changes which optimum is found (it is how seeds vary the allocation).
    """
    n_persp = len(free_counts)
    n_tables = len(occupied)
    source, sink, slack = 0, 1, 2
    first_table = 3 + n_persp
    net = FlowNetwork(first_table + n_tables)
    for p, count in enumerate(free_counts):
        if count > 0:
            net.add_edge(source, 3 + p, count)
    pair_edges: list[tuple[int, int, int]] = []
    for p, count in enumerate(free_counts):
        if count <= 0:
            continue
        for t in table_order:
            if not covered[t][p] and cap[t] > occupied[t]:
                pair_edges.append((net.add_edge(3 + p, first_table + t, 1), t, p))
    for t in range(n_tables):
        if base[t] > occupied[t]:
            net.add_edge(first_table + t, sink, base[t] - occupied[t])
        if cap[t] > base[t]:
            net.add_edge(first_table + t, slack, cap[t] - base[t])
    spare = n_people - sum(base)
    if spare > 0:
        net.add_edge(slack, sink, spare)
    value = net.max_flow(source, sink)
    chosen: list[list[int]] = [[] for _ in range(n_tables)]
    for edge, t, p in pair_edges:
        if net.cap[edge] == 0:
            chosen[t].append(p)
    for perspectives in chosen:
        perspectives.sort()
    return value, chosen
