"""The session's ideas and how each table reduced them: a run-off, scores, rounds (one closed by
a facilitator, one reopened) and a choice."""

from datetime import timedelta
from typing import Any

from sqlmodel import Session

from backend.kit.clock import utcnow
from backend.models import (
    DecidedBy,
    DotVote,
    Idea,
    IdeaParent,
    IdeaSource,
    IdeaStatus,
    Participant,
    ReductionStage,
    RoundClosure,
    RunoffVote,
    TableChoice,
    TableReduction,
    WorkshopTable,
)
from tests.factories.ideas import make_idea, make_theme
from tests.factories.reduction import idea_score
from tests.reports.story import HIDDEN_TEXT, QUIET_IDEA, add_rows


def make_ideas(
    db: Session, first: WorkshopTable, second: WorkshopTable, people: dict[str, Participant]
) -> dict[str, Idea]:
    start = utcnow() - timedelta(hours=2)
    travel = make_theme(db, first, "Travel", position=0)
    make_theme(db, first, "Information", position=1)

    def idea(table: WorkshopTable, key: str, text: str, minute: int, **kw: object) -> Idea:
        author = people.get(key)
        fields = {"created_at": start + timedelta(minutes=minute)} | kw
        return make_idea(db, table, text=text, author=author, **fields)

    made = {
        "buddy": idea(first, "alaw", "A bus buddy scheme", 1, theme_id=travel.id),
        "quiet": idea(first, "quiet", QUIET_IDEA, 2, theme_id=travel.id),
        "hidden": idea(first, "alaw", HIDDEN_TEXT, 3, status=IdeaStatus.hidden),
        "night": idea(first, "", "A night bus on Fridays", 4, source=IdeaSource.paper),
        "print": idea(first, "bryn", "Print the timetables", 5, status=IdeaStatus.combined),
        "stops": idea(first, "cai", "Timetables at the stops", 6, status=IdeaStatus.combined),
        "minibus": idea(second, "dai", "A community minibus", 1),
        "app": idea(second, "elin", "A ride sharing app", 2),
    }
    made["timetables"] = idea(
        first, "", "Printed timetables at every stop", 7, source=IdeaSource.combined
    )
    made["shift"] = idea(
        first,
        "ffion",
        "A night bus for shift workers",
        8,
        source=IdeaSource.repurposed,
        repurposed_from_id=made["night"].id,
    )
    add_rows(
        db,
        IdeaParent(child_id=made["timetables"].id, parent_id=made["print"].id),
        IdeaParent(child_id=made["timetables"].id, parent_id=made["stops"].id),
    )
    return made


def _dots(db: Session, table: WorkshopTable, votes: list[tuple[Participant, Idea, int]]) -> None:
    add_rows(
        db,
        *(
            DotVote(
                workshop_id=table.workshop_id,
                table_id=table.id,
                idea_id=idea.id,
                participant_id=person.id,
                dots=dots,
            )
            for person, idea, dots in votes
        ),
    )


def _closure(table: WorkshopTable, stage: ReductionStage, by: DecidedBy, **kw: Any) -> object:
    return RoundClosure(table_id=table.id, stage=stage, decided_by=by, **kw)


def reduce_first(
    db: Session, t: WorkshopTable, p: dict[str, Participant], i: dict[str, Idea]
) -> None:
    """Dots 3/2/2/2 tie three ideas at the cut-off; a run-off fills two places; the scores put
    the bus buddy first but a facilitator closed the choice on the night bus."""
    _dots(
        db,
        t,
        [
            (p["alaw"], i["buddy"], 2),
            (p["bryn"], i["buddy"], 1),
            (p["quiet"], i["quiet"], 2),
            (p["cai"], i["night"], 2),
            (p["ffion"], i["shift"], 2),
            (p["alaw"], i["hidden"], 3),  # on a hidden idea: never counted
            (p["bryn"], i["print"], 1),  # on an idea since combined: not counted
        ],
    )
    tied = [i["quiet"], i["night"], i["shift"]]
    add_rows(
        db,
        TableReduction(
            workshop_id=t.workshop_id,
            table_id=t.id,
            stage=ReductionStage.chosen,
            runoff_number=1,
            runoff_idea_ids=[str(x.id) for x in tied],
            runoff_places=2,
            shortlist=[
                {"idea_id": str(i["buddy"].id), "place": 1, "decided_by": "votes"},
                {"idea_id": str(i["quiet"].id), "place": 2, "decided_by": "runoff"},
                {"idea_id": str(i["night"].id), "place": 3, "decided_by": "runoff"},
            ],
        ),
        *(
            RunoffVote(table_id=t.id, runoff_number=1, idea_id=idea.id, participant_id=who.id)
            for who, idea in [
                (p["alaw"], i["quiet"]),
                (p["bryn"], i["quiet"]),
                (p["cai"], i["night"]),
            ]
        ),
        RunoffVote(
            table_id=t.id, runoff_number=0, idea_id=i["shift"].id, participant_id=p["cai"].id
        ),
        idea_score(t, p["alaw"], i["buddy"], 5, 4, 3),
        idea_score(t, p["bryn"], i["buddy"], 4, 4, 4),
        idea_score(t, p["alaw"], i["quiet"], 3, 3, 3),
        idea_score(t, p["bryn"], i["quiet"], 3, 3, 3),
        idea_score(t, p["cai"], i["night"], 5, 5, 5),
        _closure(
            t,
            ReductionStage.voting,
            DecidedBy.majority,
            agreed_ids=["a", "b", "c"],
            present_count=5,
        ),
        _closure(
            t,
            ReductionStage.runoff,
            DecidedBy.majority,
            agreed_ids=["a", "b", "c"],
            present_count=5,
        ),
        _closure(
            t,
            ReductionStage.scoring,
            DecidedBy.majority,
            agreed_ids=["a", "b", "c", "d"],
            present_count=5,
        ),
        _closure(t, ReductionStage.choosing, DecidedBy.facilitator, present_count=4),
        _closure(
            t, ReductionStage.voting, DecidedBy.facilitator, present_count=5, reopened_at=utcnow()
        ),
        TableChoice(
            workshop_id=t.workshop_id,
            table_id=t.id,
            idea_id=i["night"].id,
            decided_by=DecidedBy.facilitator,
        ),
    )


def reduce_second(
    db: Session, t: WorkshopTable, p: dict[str, Participant], i: dict[str, Idea]
) -> None:
    _dots(db, t, [(p["dai"], i["minibus"], 3), (p["elin"], i["app"], 1)])
    add_rows(
        db,
        TableReduction(
            workshop_id=t.workshop_id,
            table_id=t.id,
            stage=ReductionStage.chosen,
            shortlist=[
                {"idea_id": str(i["minibus"].id), "place": 1, "decided_by": "votes"},
                {"idea_id": str(i["app"].id), "place": 2, "decided_by": "votes"},
            ],
        ),
        idea_score(t, p["dai"], i["minibus"], 4, 4, 4),
        idea_score(t, p["elin"], i["minibus"], 5, 3, 4),
        idea_score(t, p["dai"], i["app"], 2, 2, 2),
        _closure(
            t, ReductionStage.voting, DecidedBy.majority, agreed_ids=["d", "e"], present_count=2
        ),
        _closure(
            t, ReductionStage.scoring, DecidedBy.majority, agreed_ids=["d", "e"], present_count=2
        ),
        _closure(
            t, ReductionStage.choosing, DecidedBy.majority, agreed_ids=["d", "e"], present_count=2
        ),
        TableChoice(
            workshop_id=t.workshop_id,
            table_id=t.id,
            idea_id=i["minibus"].id,
            decided_by=DecidedBy.majority,
        ),
    )
