"""Presenter mode: the facilitator puts one table's storyboard and pitch on the big screen at a
time, in a running order, and everyone's phone shows which table is presenting."""

import uuid

from sqlalchemy.exc import IntegrityError
from sqlmodel import Session

from backend.events.log import record_event
from backend.kit.clock import utcnow
from backend.models import Audience, Phase, PresenterState, Workshop
from backend.pitches import repository as repo
from backend.pitches.errors import NoTables, PresenterAtEnd, PresenterNotRunning
from backend.pitches.events import PresenterChangedEvent
from backend.pitches.schemas import PresenterAction
from backend.pitches.views import presenter_public
from backend.tables.errors import TableNotFound
from backend.tables.repository import find_table
from backend.workshops.rules import ensure_phase, ensure_writable

PRESENTING_PHASES = (Phase.pitch,)


def _locked_state(db: Session, workshop: Workshop) -> PresenterState:
    state = repo.presenter_of(db, workshop.id, for_update=True)
    if state is not None:
        return state
    try:
        with db.begin_nested():
            db.add(PresenterState(workshop_id=workshop.id))
            db.flush()
    except IntegrityError:
        pass  # another request created it meanwhile: lock theirs
    found = repo.presenter_of(db, workshop.id, for_update=True)
    assert found is not None
    return found


def _order(db: Session, workshop: Workshop, wanted: list[uuid.UUID] | None) -> list[str]:
    tables = repo.tables_of(db, workshop.id)
    if wanted is None:
        ids = [t.id for t in tables]
    else:
        known = {t.id for t in tables}
        if any(i not in known for i in wanted):
            raise TableNotFound("Every table in the order must be a table of this session")
        ids = list(dict.fromkeys(wanted))
    if not ids:
        raise NoTables()
    return [str(i) for i in ids]


def move(
    *, db: Session, workshop: Workshop, user_id: uuid.UUID, data: PresenterAction
) -> PresenterState:
    ensure_writable(workshop)
    if data.action != "stop":
        ensure_phase(workshop, *PRESENTING_PHASES)
    state = _locked_state(db, workshop)
    if data.action == "start":
        state.table_ids = _order(db, workshop, data.table_ids)
        state.position = 0
    elif data.action == "stop":
        state.position = None
    elif data.action == "show":
        if data.table_id is None or str(data.table_id) not in state.table_ids:
            if data.table_id is None or find_table(db, workshop.id, data.table_id) is None:
                raise TableNotFound()
            state.table_ids = [*state.table_ids, str(data.table_id)]
        state.position = state.table_ids.index(str(data.table_id))
    else:
        if state.position is None:
            raise PresenterNotRunning("Start presenter mode first")
        step = 1 if data.action == "next" else -1
        if not 0 <= state.position + step < len(state.table_ids):
            raise PresenterAtEnd()
        state.position += step
    state.updated_by_id = user_id
    state.updated_at = utcnow()
    db.add(state)
    db.flush()
    shown = presenter_public(db, state)
    record_event(
        db,
        workshop_id=workshop.id,
        kind="presenter.changed",
        payload=PresenterChangedEvent(
            running=shown.running,
            table_id=shown.table.id if shown.table else None,
            table_number=shown.table.number if shown.table else None,
            position=shown.position,
            total=shown.total,
        ),
        audience=Audience.session,
    )
    return state
