"""Fair counting, as pure functions: the shortlist cut, the tie-breaks and the default proposal.

Ordering of equals is always "earlier-created idea first" (then id), so every result can be
reproduced by hand from the visible counts.
"""

import uuid
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime

Age = tuple[datetime, uuid.UUID]  # (created_at, id): the earlier, the smaller


@dataclass
class Place:
    idea_id: uuid.UUID
    decided_by: str  # votes | runoff | earliest


@dataclass
class Cut:
    """Places decided by the dots, plus ideas tied at the cut-off for `open_places` more."""

    places: list[Place]
    tied: list[uuid.UUID] = field(default_factory=list)
    open_places: int = 0


def shortlist_cut(dots: Mapping[uuid.UUID, int], age: Mapping[uuid.UUID, Age], size: int) -> Cut:
    """Rank ideas with at least one dot; fewer than `size` such ideas are all shortlisted."""
    ranked = sorted((i for i, d in dots.items() if d > 0), key=lambda i: (-dots[i], age[i]))
    if len(ranked) <= size:
        return Cut(places=[Place(i, "votes") for i in ranked])
    cutoff = dots[ranked[size - 1]]
    above = [i for i in ranked if dots[i] > cutoff]
    at_cut = [i for i in ranked if dots[i] == cutoff]
    if len(above) + len(at_cut) == size:
        return Cut(places=[Place(i, "votes") for i in above + at_cut])
    return Cut(
        places=[Place(i, "votes") for i in above], tied=at_cut, open_places=size - len(above)
    )


def by_earliest(tied: list[uuid.UUID], places: int, age: Mapping[uuid.UUID, Age]) -> list[Place]:
    return [Place(i, "earliest") for i in sorted(tied, key=lambda i: age[i])[:places]]


def resolve_runoff(
    tied: list[uuid.UUID],
    places: int,
    runoff_votes: Mapping[uuid.UUID, int],
    age: Mapping[uuid.UUID, Age],
) -> list[Place]:
    """Fill `places` from the run-off; ideas still tied at its cut-off fall back to earliest."""
    votes = {i: runoff_votes.get(i, 0) for i in tied}
    ranked = sorted(tied, key=lambda i: (-votes[i], age[i]))
    cutoff = votes[ranked[places - 1]]
    above = [i for i in ranked if votes[i] > cutoff]
    at_cut = [i for i in ranked if votes[i] == cutoff]
    if len(above) + len(at_cut) == places:
        return [Place(i, "runoff") for i in above + at_cut]
    won = [Place(i, "runoff") for i in above]
    return won + by_earliest(at_cut, places - len(above), age)


def default_choice(
    shortlist: list[uuid.UUID],
    totals: Mapping[uuid.UUID, tuple[int, int]],
    age: Mapping[uuid.UUID, Age],
) -> uuid.UUID:
    """The best overall total; ties go to the higher desirability total, then the earliest idea.
    `totals[idea] = (overall, desirability)`; unscored ideas count as (0, 0)."""
    return min(
        shortlist,
        key=lambda i: (-totals.get(i, (0, 0))[0], -totals.get(i, (0, 0))[1], age[i]),
    )
