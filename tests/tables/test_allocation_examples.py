"""Readable examples for the pure table allocator (backend.tables.allocation)."""

import itertools
from collections import Counter
from collections.abc import Mapping

import pytest

from backend.tables.allocation import (
    AllocationRequest,
    Person,
    allocate,
    default_table_count,
    max_diversity,
)

FIVE = ["lived_experience", "service_provider", "academic", "policy", "outlier"]


def four_of_each() -> list[Person]:
    return [Person(f"{kind}-{k}", kind) for kind in FIVE for k in range(4)]


def tables(assignment: Mapping[str, int], people: list[Person]) -> list[list[Person]]:
    seated: dict[int, list[Person]] = {}
    for person in people:
        seated.setdefault(assignment[person.id], []).append(person)
    return [seated[t] for t in sorted(seated)]


def test_twenty_people_four_of_each_perspective_give_four_fully_mixed_tables() -> None:
    people = four_of_each()
    result = allocate(AllocationRequest(people, size_min=5, size_max=5))
    assert result.table_count == 4
    for table in tables(result.assignment, people):
        assert sorted(p.perspective or "" for p in table) == sorted(FIVE)
    assert result.diversity == result.diversity_max == 20
    assert result.issues == ()
    assert result.violated == ()


def test_a_carer_sits_with_the_person_they_support() -> None:
    people = [*four_of_each(), Person("carer", "lived_experience"), Person("interpreter", None)]
    together = [("lived_experience-2", "carer"), ("interpreter", "lived_experience-2")]
    for seed in range(5):
        seat = allocate(AllocationRequest(people, together=together, seed=seed)).assignment
        assert seat["carer"] == seat["lived_experience-2"] == seat["interpreter"]


def test_a_caseworker_is_kept_away_from_their_own_service_user() -> None:
    people = four_of_each()
    apart = [("lived_experience-0", "service_provider-0"), ("lived_experience-1", "policy-3")]
    for seed in range(5):
        result = allocate(AllocationRequest(people, apart=apart, seed=seed))
        seat = result.assignment
        assert seat["lived_experience-0"] != seat["service_provider-0"]
        assert seat["lived_experience-1"] != seat["policy-3"]
        assert result.diversity == result.diversity_max


def test_three_people_sit_at_one_table_flagged_as_below_minimum() -> None:
    people = [Person("a", "academic"), Person("b", "policy"), Person("c", None)]
    result = allocate(AllocationRequest(people))
    assert result.table_count == 1
    assert set(result.assignment.values()) == {0}
    assert [(i.table, i.code, dict(i.params)) for i in result.issues] == [
        (0, "headcount_below_minimum", {"size": 3, "min": 5})
    ]


def test_nobody_means_no_tables() -> None:
    result = allocate(AllocationRequest([]))
    assert (result.table_count, dict(result.assignment), result.issues) == (0, {}, ())


def test_connectors_mavens_and_salespeople_are_spread_out() -> None:
    roles = ["connector", "maven", "salesperson"]
    people = [
        Person(f"p{k:02d}", FIVE[k % 5], frozenset({roles[k % 3]}) if k < 12 else frozenset())
        for k in range(20)
    ]
    result = allocate(AllocationRequest(people, size_min=5, size_max=5, seed=3))
    for role in roles:
        per_table = Counter(result.assignment[p.id] for p in people if role in p.roles)
        assert sorted(per_table.values()) == [1, 1, 1, 1]
    assert result.diversity == result.diversity_max


def test_pinned_people_stay_where_the_facilitator_put_them() -> None:
    pinned = {"lived_experience-0": 2, "lived_experience-1": 2, "academic-3": 0}
    people = [Person(p.id, p.perspective, pinned_table=pinned.get(p.id)) for p in four_of_each()]
    for seed in range(5):
        result = allocate(AllocationRequest(people, table_count=4, seed=seed))
        assert all(result.assignment[pid] == t for pid, t in pinned.items())
        assert sorted(Counter(result.assignment.values()).values()) == [5, 5, 5, 5]
        # Two of the four lived-experience people are pinned together, so one other table lacks
        # lived experience as well: 20 - 2 pairs at best.
        assert result.diversity == result.diversity_max == 18
        lacking = [i for i in result.issues if i.code == "too_few_perspectives"]
        assert len(result.issues) == len(lacking) == 2
        missing = {i.table: i.params["missing"] for i in lacking}
        # Table 2 has lived experience twice, so it lacks one other perspective.
        here = missing.pop(2)
        assert isinstance(here, list) and len(here) == 1 and here != ["lived_experience"]
        assert list(missing.values()) == [["lived_experience"]]


def test_pin_beyond_the_table_count_is_a_caller_error() -> None:
    people = [Person("a", "academic", pinned_table=3), *four_of_each()]
    with pytest.raises(ValueError, match="pinned to table 3"):
        allocate(AllocationRequest(people, table_count=3))


def test_together_and_apart_on_the_same_pair_is_reported_not_fatal() -> None:
    people = four_of_each()
    pair = ("academic-0", "policy-0")
    result = allocate(AllocationRequest(people, together=[pair], apart=[pair]))
    assert result.violated == (("apart", "academic-0", "policy-0"),)
    table = result.assignment["academic-0"]
    assert [dict(i.params) for i in result.issues if i.code == "constraint_unsatisfiable"] == [
        {"kind": "apart", "a": "academic-0", "b": "policy-0", "reason": "contradictory"}
    ]
    assert [i.table for i in result.issues if i.code == "constraint_unsatisfiable"] == [table]


def test_a_together_group_larger_than_a_table_is_split_and_reported() -> None:
    people = four_of_each()
    ids = [p.id for p in people]
    chain = list(itertools.pairwise(ids[:10]))  # ten people who all want to sit together
    result = allocate(AllocationRequest(people, together=chain))
    assert result.violated
    reasons = {i.params["reason"] for i in result.issues if i.code == "constraint_unsatisfiable"}
    assert reasons == {"group_too_large"}
    assert all(5 <= size <= 8 for size in Counter(result.assignment.values()).values())


def test_an_impossible_table_count_is_used_and_flagged() -> None:
    result = allocate(AllocationRequest(four_of_each(), table_count=2))
    assert result.table_count == 2
    assert sorted(Counter(result.assignment.values()).values()) == [10, 10]
    assert [(i.code, dict(i.params)) for i in result.issues] == [
        ("size_out_of_bounds", {"size": 10, "min": 5, "max": 8})
    ] * 2


def test_too_few_of_a_perspective_is_explained_per_table() -> None:
    people = [Person(f"{kind}-{k}", kind) for kind in FIVE[:4] for k in range(4)]
    people += [Person("outlier-0", "outlier"), Person("outlier-1", "outlier")]
    people += [Person(f"unknown-{k}", None) for k in range(2)]
    result = allocate(AllocationRequest(people, size_min=5, size_max=5))
    assert result.table_count == 4
    lacking = [i for i in result.issues if i.code == "too_few_perspectives"]
    assert len(lacking) == 2
    for issue in lacking:
        assert issue.params["missing"] == ["outlier"]
        assert issue.params["scarce"] == ["outlier"]
    assert result.diversity == result.diversity_max == 18


def test_same_seed_same_tables_and_seeds_can_differ() -> None:
    people = [Person(f"p{k:03d}", FIVE[k % 5]) for k in range(60)]
    first = allocate(AllocationRequest(people, seed=11))
    assert allocate(AllocationRequest(people, seed=11)) == first
    others = [allocate(AllocationRequest(people, seed=s)) for s in range(12, 16)]
    assert any(o.assignment != first.assignment for o in others)
    assert all(o.diversity == first.diversity == first.diversity_max for o in others)


@pytest.mark.parametrize(
    ("n", "perspectives", "expected"),
    [
        (2000, 5, 400),  # ideal size 5: one seat per perspective
        (2000, 7, 286),  # ideal size 7
        (2000, 12, 250),  # ideal size clamped to size_max 8
        (2000, 2, 400),  # ideal size clamped to size_min 5
        (12, 5, 2),  # only two tables are feasible
        (9, 5, 1),  # nothing feasible: one table of 9 (one seat over) beats 4 + 5 (tie, fewer)
        (4, 5, 1),  # fewer people than size_min
        (0, 5, 0),
    ],
)
def test_default_table_count(n: int, perspectives: int, expected: int) -> None:
    assert default_table_count(n, perspectives, 5, 8) == expected


def test_max_diversity_closed_form_examples() -> None:
    assert max_diversity({"a": 4, "b": 4, "c": 4, "d": 4, "e": 4}, [5, 5, 5, 5]) == 20
    assert max_diversity({"a": 10, "b": 1}, [5, 5]) == 3  # b can only be at one table
    assert max_diversity({"a": 2, "b": 2, "c": 2}, [6]) == 3
    assert max_diversity({}, [5, 5]) == 0
