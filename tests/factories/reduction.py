"""A table ready to reduce: members with bearer tokens, ideas of known age, stages arranged."""

import uuid
from dataclasses import dataclass
from datetime import timedelta
from typing import Any

import httpx
from fastapi import FastAPI
from sqlmodel import Session, col, select

from backend.kit.clock import utcnow
from backend.models import (
    DotVote,
    Idea,
    IdeaScore,
    Participant,
    ParticipantDevice,
    Phase,
    ReductionSettings,
    ReductionStage,
    TableReduction,
    TieBreak,
    WorkshopTable,
)
from tests.factories.ideas import make_idea
from tests.factories.participants import make_participant, participant_token
from tests.factories.tables import Room, make_room, make_table, read_rows

ME = "/api/v1/me/table"


@dataclass
class Board:
    room: Room
    table: WorkshopTable
    members: list[Participant]
    tokens: list[str]
    ideas: list[Idea]

    def auth(self, member: int = 0) -> dict[str, str]:
        return {"Authorization": f"Bearer {self.tokens[member]}"}

    @property
    def table_base(self) -> str:
        return f"{self.room.base}/tables/{self.table.id}/reduction"


def make_board(
    db: Session,
    facilitator_client: httpx.AsyncClient | None = None,
    *,
    members: int = 3,
    ideas: int = 5,
    present: int | None = None,
    phase: Phase = Phase.reduce,
    room: Room | None = None,
) -> Board:
    """`present` members (default all) have a device seen just now; the rest were never seen."""
    room = room or make_room(db, facilitator_client, phase=phase)
    table = make_table(db, room.workshop)
    people = [
        make_participant(db, room.workshop, display_name=f"Member {i}", table_id=table.id)
        for i in range(members)
    ]
    tokens = [participant_token(db, p)[0] for p in people]
    for person in people[: members if present is None else present]:
        mark_seen(db, person)
    start = utcnow() - timedelta(hours=1)
    made = [
        make_idea(
            db, table, text=f"Idea {i}", author=people[0], created_at=start + timedelta(minutes=i)
        )
        for i in range(ideas)
    ]
    return Board(room=room, table=table, members=people, tokens=tokens, ideas=made)


def mark_seen(db: Session, person: Participant, *, ago: timedelta = timedelta(0)) -> None:
    for device in db.exec(
        select(ParticipantDevice).where(ParticipantDevice.participant_id == person.id)
    ).all():
        device.last_seen_at = utcnow() - ago
        db.add(device)
    db.commit()


def set_rules(
    db: Session,
    board: Board,
    *,
    budget: int = 5,
    cap: int = 3,
    tie_break: TieBreak = TieBreak.runoff,
) -> None:
    db.add(
        ReductionSettings(
            workshop_id=board.room.workshop.id, dot_budget=budget, dot_cap=cap, tie_break=tie_break
        )
    )
    db.commit()


def place_dots(db: Session, board: Board, member: int, idea: int, dots: int) -> DotVote:
    vote = DotVote(
        workshop_id=board.room.workshop.id,
        table_id=board.table.id,
        idea_id=board.ideas[idea].id,
        participant_id=board.members[member].id,
        dots=dots,
    )
    db.add(vote)
    db.commit()
    return vote


def arrange(
    db: Session, board: Board, stage: ReductionStage, shortlist: list[int], **fields: Any
) -> None:
    """Put the table straight at `stage` with `shortlist` (indexes into board.ideas) by votes."""
    db.add(
        TableReduction(
            workshop_id=board.room.workshop.id,
            table_id=board.table.id,
            stage=stage,
            shortlist=[
                {"idea_id": str(board.ideas[i].id), "place": n, "decided_by": "votes"}
                for n, i in enumerate(shortlist, start=1)
            ],
            **fields,
        )
    )
    db.commit()


def idea_score(
    table: WorkshopTable, person: Participant, idea: Idea, d: int, f: int, v: int
) -> IdeaScore:
    """`person`'s desirability, feasibility and viability scores for `idea` at `table`."""
    return IdeaScore(
        table_id=table.id,
        idea_id=idea.id,
        participant_id=person.id,
        desirability=d,
        feasibility=f,
        viability=v,
    )


def give_score(db: Session, board: Board, member: int, idea: int, d: int, f: int, v: int) -> None:
    db.add(idea_score(board.table, board.members[member], board.ideas[idea], d, f, v))
    db.commit()


def reduction_row(app: FastAPI, board: Board) -> TableReduction | None:
    rows = read_rows(app, select(TableReduction).where(TableReduction.table_id == board.table.id))
    return rows[0] if rows else None


def votes_of(app: FastAPI, board: Board) -> dict[tuple[uuid.UUID, uuid.UUID], int]:
    rows = read_rows(
        app, select(DotVote).where(DotVote.table_id == board.table.id).order_by(col(DotVote.id))
    )
    return {(v.participant_id, v.idea_id): v.dots for v in rows}
