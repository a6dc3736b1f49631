"""Rows for the perspectives tests: a room with a table of seated people, statements, cards."""

from dataclasses import dataclass
from typing import Any

from fastapi import FastAPI
from sqlmodel import Session, col, select

from backend.models import (
    Participant,
    PerspectiveStatement,
    Phase,
    PromptCard,
    PromptDraw,
    SessionEvent,
    WorkshopTable,
)
from tests.factories.participants import make_participant
from tests.factories.tables import Room, make_room, make_table, read_rows

STATEMENT_URL = "/api/v1/me/perspective-statement"
TABLE_STATEMENTS_URL = "/api/v1/me/table/perspective-statements"
DRAW_URL = "/api/v1/me/table/prompt-cards/draw"
DRAWN_URL = "/api/v1/me/table/prompt-cards/drawn"


@dataclass
class Scene:
    room: Room
    table: WorkshopTable
    me: Participant
    mate: Participant


def make_scene(db: Session, *, phase: Phase = Phase.perspectives) -> Scene:
    room = make_room(db, phase=phase)
    table = make_table(db, room.workshop)
    me = make_participant(
        db, room.workshop, display_name="Mair", perspective="policy", table_id=table.id
    )
    mate = make_participant(
        db,
        room.workshop,
        display_name="Aled",
        perspective="academic",
        consent_share_perspective=True,
        table_id=table.id,
    )
    return Scene(room, table, me, mate)


def make_statement(
    db: Session, author: Participant, text: str = "It is about trust"
) -> PerspectiveStatement:
    assert author.table_id is not None
    row = PerspectiveStatement(
        workshop_id=author.workshop_id,
        participant_id=author.id,
        table_id=author.table_id,
        text=text,
    )
    db.add(row)
    db.commit()
    return row


def make_card(
    db: Session, organisation_id: Any, *, en: str | None = "Ask a bus driver", cy: str | None = None
) -> PromptCard:
    row = PromptCard(organisation_id=organisation_id, text_en=en, text_cy=cy)
    db.add(row)
    db.commit()
    return row


def statements(app: FastAPI) -> list[PerspectiveStatement]:
    return read_rows(app, select(PerspectiveStatement))


def cards(app: FastAPI) -> list[PromptCard]:
    return read_rows(app, select(PromptCard).order_by(col(PromptCard.created_at)))


def draws(app: FastAPI) -> list[PromptDraw]:
    return read_rows(app, select(PromptDraw).order_by(col(PromptDraw.number)))


def events(app: FastAPI, kind: str) -> list[SessionEvent]:
    return read_rows(
        app, select(SessionEvent).where(SessionEvent.kind == kind).order_by(col(SessionEvent.seq))
    )
