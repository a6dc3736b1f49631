"""Tables that have chosen an idea, ready to pitch and combine (used by tests/combinations too)."""

from dataclasses import dataclass, field
from typing import Any

import httpx
from sqlmodel import Session, col, select

from backend.models import (
    DecidedBy,
    Idea,
    Participant,
    Phase,
    PitchResponse,
    SessionEvent,
    TableChoice,
    WorkshopTable,
)
from tests.factories.ideas import count, make_idea
from tests.factories.participants import make_participant, participant_token
from tests.factories.reduction import mark_seen
from tests.factories.tables import Room, make_room, make_table, read_rows

ME = "/api/v1/me"


@dataclass
class Team:
    table: WorkshopTable
    members: list[Participant]
    tokens: list[str]
    idea: Idea | None

    def auth(self, member: int = 0) -> dict[str, str]:
        return {"Authorization": f"Bearer {self.tokens[member]}"}


@dataclass
class Hall:
    """A facilitator's session with several tables, each (by default) with a chosen idea."""

    room: Room
    teams: list[Team] = field(default_factory=list)

    @property
    def base(self) -> str:
        return self.room.base


def make_team(
    db: Session,
    room: Room,
    *,
    members: int = 3,
    chosen: bool = True,
    strengths: dict[str, str] | None = None,
    present: int | None = None,
) -> Team:
    table = make_table(db, room.workshop)
    people = [
        make_participant(
            db,
            room.workshop,
            display_name=f"T{table.number} member {i}",
            table_id=table.id,
            strengths=(strengths or {}) if i == 0 else {},
        )
        for i in range(members)
    ]
    tokens = [participant_token(db, p)[0] for p in people]
    for person in people[: members if present is None else present]:
        mark_seen(db, person)
    idea = None
    if chosen:
        idea = make_idea(db, table, text=f"Table {table.number}'s idea", author=people[0])
        db.add(
            TableChoice(
                workshop_id=room.workshop.id,
                table_id=table.id,
                idea_id=idea.id,
                decided_by=DecidedBy.majority,
            )
        )
        db.commit()
    return Team(table=table, members=people, tokens=tokens, idea=idea)


def make_hall(
    db: Session,
    facilitator_client: httpx.AsyncClient | None = None,
    *,
    phase: Phase = Phase.pitch,
    tables: int = 2,
    **team: Any,
) -> Hall:
    room = make_room(db, facilitator_client, phase=phase)
    hall = Hall(room=room)
    for n in range(tables):
        hall.teams.append(
            make_team(
                db, room, strengths={"social": "I know the bus drivers"} if n else None, **team
            )
        )
    return hall


def set_phase(db: Session, hall: Hall, phase: Phase) -> None:
    hall.room.workshop.phase = phase
    db.add(hall.room.workshop)
    db.commit()


PITCH: dict[str, Any] = {
    "what": "A bus buddy scheme",
    "why": "People feel safer travelling together",
    "barrier_tags": ["engrained_systems", "waiting_for_permission"],
    "barriers_other": ["Insurance"],
    "asks": [{"capital": "social", "note": "Introductions to drivers"}],
}


async def save_pitch(
    client: httpx.AsyncClient, team: Team, *, version: int = 0, **changes: Any
) -> httpx.Response:
    return await client.put(
        f"{ME}/pitch", json=PITCH | changes | {"version": version}, headers=team.auth()
    )


def response_count(app: Any) -> int:
    return count(app, PitchResponse)


def events_of(app: Any, kind: str) -> list[SessionEvent]:
    return read_rows(
        app, select(SessionEvent).where(SessionEvent.kind == kind).order_by(col(SessionEvent.seq))
    )
