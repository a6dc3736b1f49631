"""Set-up for browser tests that start part-way through a session: rows written straight into
the test server's database (the screens under test are still visited), and a facilitator with
a session made through the API."""

import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from playwright.sync_api import BrowserContext
from sqlmodel import Session, select

from backend.config import Settings
from backend.db import make_engine
from backend.models import (
    DecidedBy,
    Idea,
    Participant,
    Phase,
    TableChoice,
    Workshop,
    WorkshopTable,
)
from tests.browser.helpers import api_create_session, api_sign_up


@contextmanager
def server_database(data_dir: Path) -> Iterator[Session]:
    """A database session on the test server's SQLite file; commits when the block ends."""
    url = f"sqlite:///{data_dir / 'cyd.sqlite3'}"
    engine = make_engine(Settings(database_url=url, data_dir=data_dir))
    try:
        with Session(engine) as db:
            yield db
            db.commit()
    finally:
        engine.dispose()


def api_facilitator_with_session(context: BrowserContext, base_url: str) -> dict[str, Any]:
    """Sign this context up as a facilitator and create the "Better buses" session; returns it."""
    account = api_sign_up(context, base_url)
    return api_create_session(
        context,
        base_url,
        account["memberships"][0]["organisation_id"],
        title_en="Better buses",
        title_cy="Bysiau gwell",
    )


def seat_with_chosen_idea(
    db: Session,
    workshop_id: uuid.UUID,
    *,
    number: int,
    participant_ids: list[str],
    idea: str,
    name: str | None = None,
) -> list[Participant]:
    """Make table `number`, seat the participants there, and record `idea` as the table's choice
    (by majority). Returns the seated participants."""
    table = WorkshopTable(workshop_id=workshop_id, number=number, name=name)
    db.add(table)
    db.flush()
    seated = []
    for pid in participant_ids:
        person = db.exec(select(Participant).where(Participant.id == uuid.UUID(pid))).one()
        person.table_id = table.id
        db.add(person)
        seated.append(person)
    chosen = Idea(workshop_id=workshop_id, table_id=table.id, text=idea)
    db.add(chosen)
    db.flush()
    db.add(
        TableChoice(
            workshop_id=workshop_id,
            table_id=table.id,
            idea_id=chosen.id,
            decided_by=DecidedBy.majority,
        )
    )
    return seated


def seat_tables_with_chosen_ideas(
    db: Session, workshop_id: uuid.UUID, people: list[list[str]]
) -> list[list[Participant]]:
    """Seat each list of participant ids at its own numbered table, table N having chosen
    "Idea of table N". Returns the seated participants, table by table."""
    return [
        seat_with_chosen_idea(
            db,
            workshop_id,
            number=number,
            participant_ids=members,
            idea=f"Idea of table {number}",
        )
        for number, members in enumerate(people, start=1)
    ]


def move_to_phase(db: Session, workshop_id: uuid.UUID, phase: Phase) -> None:
    workshop = db.exec(select(Workshop).where(Workshop.id == workshop_id)).one()
    workshop.phase = phase
    db.add(workshop)
