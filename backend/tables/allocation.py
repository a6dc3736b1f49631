"""Seat workshop participants at small, diverse, non-hierarchical tables (pure algorithm).

``allocate`` keeps tables within [size_min, size_max] when the head-count allows, maximises
diversity (distinct (table, perspective) pairs; unknown perspectives count for nothing), then
spreads each network role evenly; it honours pins, keep-together and keep-apart pairs, and is
deterministic for a given seed. Priorities when they clash: pins > together > size bounds >
keep-apart > diversity > role spread, except that a together-group with more than size_max
people is cut into table-sized chunks.

Method: together-pairs are merged into groups (split only when pins or size_max force it) and
seated first with the pinned people; a max-flow (``allocation_flow``) then chooses which
perspective gets a seat at which table, which is optimal for the seated groups; people with roles
or keep-apart partners are placed greedily into those seats, the rest fill the remaining seats,
and a bounded local search of swaps (``allocation_search``) repairs keep-apart pairs and evens
out roles without lowering diversity. Small pools are rebuilt from fresh random starts (up to
MAX_ATTEMPTS) while a keep-apart pair or a role is still uneven; the best attempt is kept.
Without together- or apart-pairs the achieved diversity always equals ``diversity_max``
(the flow is exact and the later steps never lower it); a together-group can cost a pair when
it puts two people of a scarce perspective at one table.

``diversity_max`` is exact for the pool, the table count, the size bounds and the pins (see the
proofs in ``allocation_flow``); together and apart pairs are not taken into account, so with
them the achieved value may be lower. If the bounds cannot be met with the table count, they are
relaxed as little as possible (sizes as balanced as the pins allow) and the maximum is exact for
the relaxed bounds.

Default table count: one seat per distinct perspective is the ideal, so the ideal size is
clamp(P, size_min, size_max) for P distinct known perspectives. Among the feasible counts
(ceil(N/size_max) <= T <= floor(N/size_min)) take the T whose average size N/T is closest to the
ideal, ties to fewer tables. If no count is feasible (small N such as 9 with bounds 5..8), take
the count with the fewest seats outside the bounds, ties to fewer tables; if N < size_min, one
table. The count is raised if needed so every pinned table exists. (Maximising diversity would
not do: more, smaller tables always add pairs.)

Reason codes (``TableIssue.code``, stable; the web client translates them), with their params.
Issues are ordered by table, then in the order below (roles by name, constraints in request
order, together before apart):

``headcount_below_minimum``  {size, min}: fewer people in the whole workshop than size_min.
``size_out_of_bounds``       {size, min, max}: the table is smaller or larger than the bounds
                             (head-count does not fit this table count, or pins overfill it).
``too_few_perspectives``     {distinct, target, missing, scarce, unknown}: the table has fewer
                             distinct perspectives than target = min(size, perspectives in the
                             pool); missing = pool perspectives absent here (sorted); scarce = the
                             missing ones held by fewer people than there are tables; unknown =
                             people here whose perspective is not known.
``role_crowded``             {role, count, limit}: more holders of the role than
                             limit = ceil(holders / tables).
``role_sparse``              {role, count, minimum}: fewer holders than minimum =
                             floor(holders / tables).
``constraint_unsatisfiable`` {kind, a, b, reason}: a "together" or "apart" pair (person ids a, b)
                             is not honoured; reported at each table involved. reason is one of
                             ``contradictory`` (the pair is both together and apart, maybe through
                             a together-group, or a person is kept apart from themself),
                             ``pinned_conflict`` (pins force it), ``group_too_large`` (the
                             together-group has more than size_max people), ``no_room`` (no
                             seating honouring it was found).
"""

import random
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from fractions import Fraction

from backend.tables.allocation_build import build
from backend.tables.allocation_flow import closed_form_max, effective_bounds, perspective_flow
from backend.tables.allocation_report import table_issues, violations
from backend.tables.allocation_search import improve
from backend.tables.allocation_seating import Pool, Seating

MAX_ATTEMPTS = 8
ATTEMPT_PEOPLE = 3000  # attempts are limited to about this many people seated in total


@dataclass(frozen=True)
class Person:
    id: str
    perspective: str | None
    roles: frozenset[str] = frozenset()
    pinned_table: int | None = None


@dataclass(frozen=True)
class AllocationRequest:
    people: Sequence[Person]
    size_min: int = 5
    size_max: int = 8
    table_count: int | None = None
    together: Sequence[tuple[str, str]] = ()
    apart: Sequence[tuple[str, str]] = ()
    seed: int = 0


@dataclass(frozen=True)
class TableIssue:
    table: int
    code: str
    params: Mapping[str, object] = field(default_factory=dict)


@dataclass(frozen=True)
class AllocationResult:
    table_count: int
    assignment: Mapping[str, int]
    diversity: int
    diversity_max: int
    issues: Sequence[TableIssue]
    violated: Sequence[tuple[str, str, str]]


def max_diversity(perspective_counts: Mapping[str, int], table_sizes: Sequence[int]) -> int:
    """Exact maximum of distinct (table, perspective) pairs for tables of these sizes.

    People of unknown perspective fill any seats the counts leave over (if the counts exceed the
    seats, the best choice of who is seated is assumed). Closed form of the max-flow
    source -> perspective -> table -> sink, proved in ``allocation_flow``.
    """
    if any(c < 0 for c in perspective_counts.values()) or any(s < 0 for s in table_sizes):
        raise ValueError("counts and table sizes must not be negative")
    return closed_form_max(list(perspective_counts.values()), list(table_sizes))


def default_table_count(n_people: int, n_perspectives: int, size_min: int, size_max: int) -> int:
    """The table count used when the caller gives none (rule in the module docstring)."""
    if n_people == 0:
        return 0
    if n_people < size_min:
        return 1
    fewest, most = -(-n_people // size_max), n_people // size_min
    if fewest <= most:
        ideal = min(max(n_perspectives, size_min), size_max)
        candidates = {min(max(c, fewest), most) for c in (n_people // ideal, -(-n_people // ideal))}
        return min(candidates, key=lambda t: (abs(Fraction(n_people, t) - ideal), t))

    def seats_outside(t: int) -> int:
        small, big = divmod(n_people, t)
        sizes = ((small, t - big), (small + 1, big))
        return sum(k * (max(0, s - size_max) + max(0, size_min - s)) for s, k in sizes)

    return min((most, fewest), key=lambda t: (seats_outside(t), t))


def _unique_pairs(
    pairs: Sequence[tuple[str, str]], kind: str, index: Mapping[str, int]
) -> list[tuple[str, str]]:
    seen: set[tuple[str, str]] = set()
    unique = []
    for a, b in pairs:
        for person in (a, b):
            if person not in index:
                raise ValueError(f"{kind} constraint names unknown person {person!r}")
        key = (a, b) if a <= b else (b, a)
        if key not in seen:
            seen.add(key)
            unique.append((a, b))
    return unique


def allocate(request: AllocationRequest) -> AllocationResult:
    size_min, size_max = request.size_min, request.size_max
    if size_min < 1 or size_max < size_min:
        raise ValueError("need 1 <= size_min <= size_max")
    people = sorted(request.people, key=lambda person: person.id)
    index = {person.id: i for i, person in enumerate(people)}
    if len(index) != len(people):
        raise ValueError("person ids must be unique")
    pins = [person.pinned_table for person in people if person.pinned_table is not None]
    if any(t < 0 for t in pins):
        raise ValueError("pinned_table must not be negative")
    if request.table_count is not None and request.table_count < 0:
        raise ValueError("table_count must not be negative")
    together = _unique_pairs(request.together, "together", index)
    apart = _unique_pairs(request.apart, "apart", index)
    n = len(people)
    if n == 0:
        return AllocationResult(0, {}, 0, 0, (), ())

    persp_names = sorted({p.perspective for p in people if p.perspective is not None})
    role_names = sorted({role for person in people for role in person.roles})
    if request.table_count is None:
        n_tables = default_table_count(n, len(persp_names), size_min, size_max)
        n_tables = max(n_tables, max(pins, default=-1) + 1)
    else:
        n_tables = request.table_count
        if n_tables == 0:
            raise ValueError("table_count must be at least 1 when there are people")
        if pins and max(pins) >= n_tables:
            raise ValueError(f"a person is pinned to table {max(pins)} but there are {n_tables}")

    persp_index = {name: k for k, name in enumerate(persp_names)}
    role_index = {name: k for k, name in enumerate(role_names)}
    pool = Pool(
        n_tables=n_tables,
        size_min=size_min,
        size_max=size_max,
        persp=[-1 if p.perspective is None else persp_index[p.perspective] for p in people],
        n_persp=len(persp_names),
        roles=[tuple(sorted(role_index[r] for r in p.roles)) for p in people],
        n_roles=len(role_names),
        pinned=[-1 if p.pinned_table is None else p.pinned_table for p in people],
        together=[(index[a], index[b]) for a, b in together],
        apart=[(index[a], index[b]) for a, b in apart],
    )
    seating = _best_of_attempts(pool, request.seed)

    ids = [person.id for person in people]
    broken = violations(pool, seating, ids, together, apart)
    return AllocationResult(
        table_count=n_tables,
        assignment={ids[i]: t for i, t in enumerate(seating.table_of)},
        diversity=seating.diversity(),
        diversity_max=_pool_maximum(pool),
        issues=tuple(
            TableIssue(t, code, params)
            for t, code, params in table_issues(pool, seating, ids, persp_names, role_names, broken)
        ),
        violated=tuple((kind, a, b) for kind, a, b, _ in broken),
    )


def _best_of_attempts(pool: Pool, seed: int) -> Seating:
    """Build and improve; on small pools retry with fresh randomness until nothing is left to fix.

    The swap search can stall on small pools where roles are tied to a few perspectives; a
    different random start usually gets past it, and small pools are cheap to redo.
    """
    rng = random.Random(seed)
    attempts = max(1, min(MAX_ATTEMPTS, ATTEMPT_PEOPLE // len(pool.persp)))
    best: Seating | None = None
    best_score: tuple[int, int, int, int] | None = None
    for _ in range(attempts):
        seating = build(pool, rng)
        improve(seating)
        score = seating.score()
        if best_score is None or score < best_score:
            best, best_score = seating, score
        if score[0] == 0 and score[2] == 0:
            break
    assert best is not None
    return best


def _pool_maximum(pool: Pool) -> int:
    """Exact maximum diversity given the table count, bounds and pins (``allocation_flow``)."""
    n, n_tables = len(pool.persp), pool.n_tables
    occupied = [0] * n_tables
    covered = [[False] * pool.n_persp for _ in range(n_tables)]
    free_counts = [0] * pool.n_persp
    for p, t in zip(pool.persp, pool.pinned, strict=True):
        if t >= 0:
            occupied[t] += 1
            if p >= 0:
                covered[t][p] = True
        elif p >= 0:
            free_counts[p] += 1
    if not any(occupied):
        # No pins: balanced sizes are optimal and within the (relaxed) bounds.
        small, big = divmod(n, n_tables)
        return closed_form_max(free_counts, [small + 1] * big + [small] * (n_tables - big))
    base, cap = effective_bounds(occupied, n, pool.size_min, pool.size_max)
    value, _ = perspective_flow(free_counts, covered, occupied, base, cap, n, range(n_tables))
    return value + sum(row.count(True) for row in covered)
