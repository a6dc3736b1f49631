"""A session with two tables and a participant at each, with tokens for the API."""

import time
from collections.abc import Iterator
from dataclasses import dataclass

import pytest
from sqlalchemy.exc import OperationalError
from sqlmodel import Session

from backend.config import Settings
from backend.events.log import record_event
from backend.models import Participant, Phase, User, Workshop, WorkshopTable
from tests.conftest import BASE_URL
from tests.db_template import DatabaseTemplate
from tests.factories.accounts import make_access_token, make_facilitator
from tests.factories.participants import make_participant, participant_token
from tests.factories.tables import make_table
from tests.factories.workshops import make_workshop


@dataclass
class Room:
    owner: User
    workshop: Workshop
    table_a: WorkshopTable
    table_b: WorkshopTable
    at_a: Participant
    at_b: Participant
    facilitator_token: str
    token_a: str
    token_b: str

    @property
    def base(self) -> str:
        return f"/sessions/{self.workshop.id}"


@pytest.fixture
def room(db: Session) -> Room:
    """Built with retries: in the live-server modules the server shares this database and may
    write a presence event (a previous test's stream closing) between a factory's read and its
    write, which SQLite refuses at once ("database is locked") rather than waiting."""
    for attempt in range(10):
        try:
            return _build_room(db)
        except OperationalError as error:
            if "locked" not in str(error) or attempt == 9:
                raise
            db.rollback()
            time.sleep(0.2)
    raise AssertionError("unreachable")


def _build_room(db: Session) -> Room:
    ctx = make_facilitator(db)
    workshop = make_workshop(db, ctx.organisation, phase=Phase.tables)
    table_a = make_table(db, workshop)
    table_b = make_table(db, workshop)
    at_a = make_participant(db, workshop, display_name="Aled", table_id=table_a.id)
    at_b = make_participant(db, workshop, display_name="Bethan", table_id=table_b.id)
    return Room(
        owner=ctx.user,
        workshop=workshop,
        table_a=table_a,
        table_b=table_b,
        at_a=at_a,
        at_b=at_b,
        facilitator_token=make_access_token(db, ctx.user),
        token_a=participant_token(db, at_a)[0],
        token_b=participant_token(db, at_b)[0],
    )


def note(db: Session, room: Room, table: WorkshopTable, text: str) -> int:
    """A table event written straight to the log (no broker: streams find it on their next read)."""
    seq = record_event(
        db,
        workshop_id=room.workshop.id,
        kind="test.note",
        payload={"text": text},
        table_id=table.id,
    )
    db.commit()
    return seq


@pytest.fixture(scope="module")
def shared_settings(
    db_template: DatabaseTemplate, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[Settings]:
    """One database for a module's live servers (starting uvicorn is slow on a loaded machine);
    each test makes its own session (workshop) in it, and events are per session."""
    data_dir = tmp_path_factory.mktemp("live")
    with db_template.database(data_dir) as url:
        yield Settings(
            database_url=url,
            data_dir=data_dir,
            public_base_url=BASE_URL,
            secret_key="test-secret-key-that-is-long-enough-000",
            redis_url="",
        )
