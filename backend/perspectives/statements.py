"""Perspective statement rules: one per participant, written at a table, in the right phases."""

import uuid

from sqlmodel import Session

from backend.events.log import record_event
from backend.kit.clock import utcnow
from backend.kit.pagination import Page, PageParams, paginate
from backend.models import Participant, PerspectiveStatement, Phase, Workshop
from backend.perspectives import repository as repo
from backend.perspectives import views
from backend.perspectives.errors import NotSeated
from backend.perspectives.events import PerspectiveStatedEvent
from backend.perspectives.schemas import PerspectiveStatementPublic, StatementWrite
from backend.tables.errors import TableNotFound
from backend.workshops.rules import ensure_phase, ensure_writable

OPEN_PHASES = (Phase.perspectives, Phase.ideate)


def seated_table(me: Participant) -> uuid.UUID:
    if me.table_id is None:
        raise NotSeated("Wait until a facilitator seats you at a table")
    return me.table_id


def write_statement(
    db: Session, *, workshop: Workshop, me: Participant, data: StatementWrite
) -> PerspectiveStatement:
    """Create or replace the caller's statement and tell their table."""
    table_id = seated_table(me)
    ensure_writable(workshop)
    ensure_phase(workshop, *OPEN_PHASES)
    repo.lock_workshop(db, workshop.id)
    statement = repo.statement_of(db, me.id)
    edited = statement is not None
    now = utcnow()
    if statement is None:
        statement = PerspectiveStatement(
            workshop_id=workshop.id, participant_id=me.id, table_id=table_id, text=data.text
        )
    else:
        statement.text, statement.table_id, statement.updated_at = data.text, table_id, now
    db.add(statement)
    db.flush()
    record_event(
        db,
        workshop_id=workshop.id,
        kind="perspective.stated",
        table_id=table_id,
        payload=PerspectiveStatedEvent(
            statement_id=statement.id,
            author_id=me.id,
            author_name=me.display_name,
            perspective=me.perspective if me.consent_share_perspective else None,
            table_id=table_id,
            text=statement.text,
            edited=edited,
            at=now,
        ),
    )
    return statement


def session_statements(
    db: Session, *, workshop: Workshop, table_id: uuid.UUID | None, paging: PageParams
) -> Page[PerspectiveStatementPublic]:
    """For facilitators, who see each author's perspective whatever they share with tablemates."""
    if (
        table_id is not None
        and repo.table_of(db, workshop_id=workshop.id, table_id=table_id) is None
    ):
        raise TableNotFound()
    stmt = repo.workshop_statements(workshop.id, table_id)
    rows, cursor = paginate(db, stmt, PerspectiveStatement, paging)
    authors = repo.participants_by_id(db, {row.participant_id for row in rows})
    items = []
    for row in rows:
        author = authors[row.participant_id]
        items.append(views.statement_public(row, author, perspective=author.perspective))
    return Page(items=items, next_cursor=cursor)
