"""Seated participants, ideas and themes written straight to the database."""

import uuid
from dataclasses import dataclass
from typing import Any

import httpx
from fastapi import FastAPI
from sqlmodel import Session, col, func, select

from backend.models import (
    Idea,
    IdeaSource,
    IdeaStatus,
    IdempotencyRecord,
    Participant,
    Phase,
    SessionEvent,
    Theme,
    WorkshopTable,
)
from tests.factories.participants import make_participant, sign_in_participant
from tests.factories.tables import Room, make_room, make_table, read_rows

BOARD = "/api/v1/me/table/ideas"


@dataclass
class Seated:
    """A facilitator's room with one table where `me` (signed in on the client) and `mate` sit."""

    room: Room
    table: WorkshopTable
    me: Participant
    mate: Participant


def make_seated(
    db: Session,
    client: httpx.AsyncClient | None = None,
    *,
    phase: Phase = Phase.ideate,
    facilitator_client: httpx.AsyncClient | None = None,
) -> Seated:
    room = make_room(db, facilitator_client, phase=phase)
    table = make_table(db, room.workshop)
    me = make_participant(db, room.workshop, display_name="Me", table_id=table.id)
    mate = make_participant(db, room.workshop, display_name="Mate", table_id=table.id)
    if client is not None:
        sign_in_participant(db, client, me)
    return Seated(room=room, table=table, me=me, mate=mate)


def make_idea(
    db: Session,
    table: WorkshopTable,
    *,
    text: str = "Free buses on Sundays",
    author: Participant | None = None,
    **fields: Any,
) -> Idea:
    defaults: dict[str, Any] = {"source": IdeaSource.phone, "status": IdeaStatus.active}
    idea = Idea(
        workshop_id=table.workshop_id,
        table_id=table.id,
        author_id=author.id if author else None,
        entered_by_participant_id=author.id if author else None,
        text=text,
        **(defaults | fields),
    )
    db.add(idea)
    db.commit()
    return idea


def make_theme(
    db: Session, table: WorkshopTable, name: str = "Transport", position: int = 0
) -> Theme:
    theme = Theme(workshop_id=table.workshop_id, table_id=table.id, name=name, position=position)
    db.add(theme)
    db.commit()
    return theme


def idea_row(app: FastAPI, idea_id: Any) -> Idea:
    wanted = idea_id if isinstance(idea_id, uuid.UUID) else uuid.UUID(str(idea_id))
    return read_rows(app, select(Idea).where(col(Idea.id) == wanted))[0]


def count(app: FastAPI, model: Any, *where: Any) -> int:
    stmt = select(func.count()).select_from(model)
    for clause in where:
        stmt = stmt.where(clause)
    return read_rows(app, stmt)[0]


def idea_count(app: FastAPI) -> int:
    return count(app, Idea)


def record_count(app: FastAPI) -> int:
    return count(app, IdempotencyRecord)


def event_kinds(app: FastAPI) -> list[str]:
    return read_rows(app, select(SessionEvent.kind).order_by(col(SessionEvent.seq)))
