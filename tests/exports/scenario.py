"""A session with everything an export must show or hide, written straight to the database."""

from dataclasses import dataclass
from datetime import timedelta

import httpx
from sqlmodel import Session

from backend.kit.clock import utcnow
from backend.models import (
    DecidedBy,
    DotVote,
    Idea,
    IdeaModeration,
    IdeaParent,
    IdeaRevision,
    IdeaSource,
    IdeaStatus,
    ModerationAction,
    Participant,
    ParticipantStatus,
    Phase,
    ReductionStage,
    RoundClosure,
    RunoffVote,
    TableChoice,
    TableReduction,
    Theme,
    WorkshopTable,
)
from tests.factories.ideas import make_idea, make_theme
from tests.factories.participants import make_participant
from tests.factories.reduction import idea_score
from tests.factories.tables import Room, make_room, make_table

WELSH_TITLE = "Gŵyl y Bysiau: ŷ â"
WELSH_IDEA = "Bysiau am ddim ar y Sul ŵ ŷ â"
HIDDEN_TEXT = "XHIDDENX Dafydd lives at 3 Heol y Bont"
HIDDEN_REASON = "Identifies someone XREASONX"
FORMULAS = ["=SUM(1,2)", "+1", "-1", "@cmd", "  =SUM(3,4)", " +2", "\t=tab", "\r=cr"]
PRIVATE = ["carys@example.org", "needs BSL XACCESSX", "nia@example.org"]


@dataclass
class Scenario:
    room: Room
    table: WorkshopTable
    second: WorkshopTable
    consenting: Participant
    refusing: Participant
    removed: Participant
    theme: Theme
    welsh: Idea
    night: Idea
    hidden: Idea
    merged: Idea
    repurposed: Idea

    @property
    def names(self) -> list[str]:
        """Names that must never be exported."""
        return [
            self.consenting.display_name,
            self.refusing.display_name,
            self.room.facilitator.user.name,
        ]


def make_scenario(db: Session, client: httpx.AsyncClient | None = None) -> Scenario:
    room = make_room(db, client, phase=Phase.reduce)
    room.workshop.title_en = None
    room.workshop.title_cy = WELSH_TITLE
    room.workshop.challenge_cy = "Sut gallwn ni wella teithiau bws?"
    db.add(room.workshop)
    db.commit()
    table = make_table(db, room.workshop, name="Bwrdd Glas")
    second = make_table(db, room.workshop)
    consenting = make_participant(
        db,
        room.workshop,
        display_name="Carys Consenting",
        table_id=table.id,
        consent_publish=True,
        email=PRIVATE[0],
        access_needs=PRIVATE[1],
    )
    refusing = make_participant(
        db, room.workshop, display_name="Nia Refusing", table_id=table.id, email=PRIVATE[2]
    )
    removed = make_participant(
        db,
        room.workshop,
        display_name="Removed participant 1",
        status=ParticipantStatus.removed,
        perspective=None,
    )
    theme = make_theme(db, table, "Trafnidiaeth")
    start = utcnow() - timedelta(hours=1)
    welsh = make_idea(
        db,
        table,
        text=WELSH_IDEA,
        author=consenting,
        theme_id=theme.id,
        created_at=start,
        version=3,
    )
    night = make_idea(
        db,
        table,
        text="Night buses",
        author=refusing,
        status=IdeaStatus.combined,
        created_at=start + timedelta(minutes=1),
    )
    hidden = make_idea(
        db,
        table,
        text=HIDDEN_TEXT,
        author=refusing,
        status=IdeaStatus.hidden,
        created_at=start + timedelta(minutes=2),
    )
    merged = make_idea(
        db,
        table,
        text="Night buses for everyone",
        source=IdeaSource.combined,
        created_at=start + timedelta(minutes=3),
    )
    repurposed = make_idea(
        db,
        table,
        text="Buses as lending libraries",
        source=IdeaSource.repurposed,
        repurposed_from_id=hidden.id,
        created_at=start + timedelta(minutes=4),
    )
    make_idea(db, table, text="Bus shelters with seats", author=removed)
    for n, text in enumerate(FORMULAS):
        make_idea(db, second, text=text, author=refusing, created_at=start + timedelta(seconds=n))
    db.add_all(
        [
            IdeaParent(child_id=merged.id, parent_id=night.id),
            IdeaParent(child_id=merged.id, parent_id=hidden.id),
            IdeaRevision(
                idea_id=welsh.id,
                editor_participant_id=refusing.id,
                text_before="Bysiau",
                text_after="Bysiau am ddim",
                theme_after_id=theme.id,
                version=2,
                created_at=start + timedelta(minutes=10),
            ),
            IdeaRevision(
                idea_id=welsh.id,
                editor_user_id=room.facilitator.user.id,
                text_before="Bysiau am ddim",
                text_after=WELSH_IDEA,
                version=3,
                created_at=start + timedelta(minutes=11),
            ),
            IdeaRevision(
                idea_id=hidden.id,
                editor_participant_id=refusing.id,
                text_before="XHIDDENX old",
                text_after=HIDDEN_TEXT,
                version=2,
            ),
            IdeaModeration(
                idea_id=hidden.id,
                action=ModerationAction.hide,
                reason=HIDDEN_REASON,
                by_user_id=room.facilitator.user.id,
            ),
        ]
    )
    _reduce(db, room, table, consenting, refusing, welsh, merged, hidden)
    db.commit()
    return Scenario(
        room,
        table,
        second,
        consenting,
        refusing,
        removed,
        theme,
        welsh,
        night,
        hidden,
        merged,
        repurposed,
    )


def _reduce(
    db: Session,
    room: Room,
    table: WorkshopTable,
    consenting: Participant,
    refusing: Participant,
    welsh: Idea,
    merged: Idea,
    hidden: Idea,
) -> None:
    common = {"workshop_id": room.workshop.id, "table_id": table.id}
    db.add_all(
        [
            DotVote(**common, idea_id=welsh.id, participant_id=consenting.id, dots=2),
            DotVote(**common, idea_id=welsh.id, participant_id=refusing.id, dots=1),
            DotVote(**common, idea_id=merged.id, participant_id=refusing.id, dots=1),
            DotVote(**common, idea_id=hidden.id, participant_id=consenting.id, dots=1),
            TableReduction(
                **common,
                stage=ReductionStage.chosen,
                shortlist=[
                    {"idea_id": str(welsh.id), "place": 1, "decided_by": "votes"},
                    {"idea_id": str(merged.id), "place": 2, "decided_by": "runoff"},
                    {"idea_id": str(hidden.id), "place": 3, "decided_by": "earliest"},
                ],
                runoff_number=1,
                runoff_idea_ids=[str(merged.id), str(hidden.id)],
                runoff_places=1,
            ),
            RunoffVote(
                table_id=table.id, runoff_number=1, idea_id=merged.id, participant_id=refusing.id
            ),
            idea_score(table, consenting, welsh, 5, 4, 3),
            idea_score(table, refusing, welsh, 3, 3, 2),
            idea_score(table, refusing, hidden, 5, 5, 5),
            RoundClosure(
                table_id=table.id,
                stage=ReductionStage.voting,
                decided_by=DecidedBy.majority,
                agreed_ids=[str(consenting.id), str(refusing.id)],
                present_count=2,
            ),
            RoundClosure(
                table_id=table.id,
                stage=ReductionStage.choosing,
                decided_by=DecidedBy.facilitator,
                closed_by_user_id=room.facilitator.user.id,
                present_count=2,
            ),
            TableChoice(
                **common,
                idea_id=welsh.id,
                decided_by=DecidedBy.facilitator,
                decided_by_user_id=room.facilitator.user.id,
            ),
        ]
    )
