"""Together-groups: which people must be seated as one block, and which are fixed by pins."""

from collections import deque
from dataclasses import dataclass

from backend.tables.allocation_seating import Pool


@dataclass
class Groups:
    fixed: list[tuple[int, int]]  # (person, table): pinned people and their together-groups
    units: list[list[int]]  # unpinned together-groups of two or more, each seated as a block
    component: list[int]  # together-component id of each person
    oversized: list[bool]  # per component: more people than size_max
    pin_split: list[bool]  # per component: pinned to more than one table


def group_people(pool: Pool) -> Groups:
    n = len(pool.persp)
    parent = list(range(n))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    neighbours: list[list[int]] = [[] for _ in range(n)]
    for a, b in pool.together:
        if a != b:
            neighbours[a].append(b)
            neighbours[b].append(a)
            ra, rb = find(a), find(b)
            if ra != rb:
                parent[max(ra, rb)] = min(ra, rb)
    members: dict[int, list[int]] = {}
    for i in range(n):
        members.setdefault(find(i), []).append(i)
    component = [0] * n
    groups = Groups([], [], component, [], [])
    for cid, comp in enumerate(members.values()):
        for i in comp:
            component[i] = cid
        pins = [i for i in comp if pool.pinned[i] >= 0]
        groups.oversized.append(len(comp) > pool.size_max)
        groups.pin_split.append(len({pool.pinned[i] for i in pins}) > 1)
        if pins:
            # Unpinned members follow the nearest pinned member (multi-source BFS).
            owner = {i: pool.pinned[i] for i in pins}
            queue = deque(pins)
            while queue:
                i = queue.popleft()
                for j in neighbours[i]:
                    if j not in owner:
                        owner[j] = owner[i]
                        queue.append(j)
            groups.fixed.extend((i, owner[i]) for i in comp)
        elif len(comp) <= pool.size_max:
            if len(comp) > 1:
                groups.units.append(comp)
        else:
            # Too big for one table: cut it along a BFS order (so chunks stay connected and few
            # together-pairs break) into as few near-equal chunks as fit an average table.
            order, seen = [comp[0]], {comp[0]}
            for i in order:
                for j in sorted(neighbours[i]):
                    if j not in seen:
                        seen.add(j)
                        order.append(j)
            chunk_cap = max(1, min(pool.size_max, -(-n // pool.n_tables)))
            n_chunks = -(-len(order) // chunk_cap)
            for k in range(n_chunks):
                chunk = order[k * len(order) // n_chunks : (k + 1) * len(order) // n_chunks]
                if len(chunk) > 1:
                    groups.units.append(sorted(chunk))
    return groups
