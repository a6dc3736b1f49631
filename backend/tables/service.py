"""Rules for tables, manual seat moves and seating constraints. Never commits."""

import uuid

from sqlmodel import Session

from backend.models import (
    PHASE_ORDER,
    ConstraintKind,
    Participant,
    ParticipantStatus,
    Phase,
    SeatingConstraint,
    Workshop,
    WorkshopTable,
)
from backend.tables import repository as repo
from backend.tables.errors import (
    ConstraintContradiction,
    ConstraintExists,
    ParticipantNotFound,
    ParticipantRemoved,
    PinNeedsTable,
    SamePerson,
    TableNotEmpty,
    TableNotFound,
    TooManyTables,
)
from backend.tables.events import seats_changed
from backend.tables.schemas import (
    MAX_TABLES,
    ConstraintCreate,
    SeatPublic,
    SeatUpdate,
    TableCreate,
    TableUpdate,
)
from backend.tables.views import table_ref
from backend.workshops.rules import ensure_phase, ensure_writable

# People may be moved (and tables added) until the tables start reducing their ideas.
SEATING_PHASES = tuple(PHASE_ORDER[: PHASE_ORDER.index(Phase.reduce)])
# An empty table may still own work (ideas) once ideation starts; deleting it would lose that.
TABLE_DELETE_PHASES = tuple(PHASE_ORDER[: PHASE_ORDER.index(Phase.ideate)])


def free_numbers(taken: set[int], count: int) -> list[int]:
    """The `count` smallest positive numbers not yet used by a table."""
    found: list[int] = []
    candidate = 1
    while len(found) < count:
        if candidate not in taken:
            found.append(candidate)
        candidate += 1
    return found


def create_table(*, db: Session, workshop: Workshop, data: TableCreate) -> WorkshopTable:
    ensure_writable(workshop)
    ensure_phase(workshop, *SEATING_PHASES)
    repo.lock_workshop(db, workshop.id)
    taken = repo.table_numbers(db, workshop.id)
    if len(taken) >= MAX_TABLES:
        raise TooManyTables(f"A session can have at most {MAX_TABLES} tables")
    table = WorkshopTable(workshop_id=workshop.id, number=free_numbers(taken, 1)[0], name=data.name)
    db.add(table)
    db.flush()
    return table


def update_table(
    *, db: Session, workshop: Workshop, table: WorkshopTable, data: TableUpdate
) -> WorkshopTable:
    ensure_writable(workshop)
    if "name" in data.model_fields_set:
        table.name = data.name
    db.add(table)
    db.flush()
    return table


def delete_table(*, db: Session, workshop: Workshop, table: WorkshopTable) -> None:
    ensure_writable(workshop)
    ensure_phase(workshop, *TABLE_DELETE_PHASES)
    if repo.count_members(db, table.id):
        raise TableNotEmpty("Move or unseat everyone at this table first")
    for person in repo.removed_at_tables(db, [table.id]):
        person.table_id = None
        db.add(person)
    db.delete(table)
    db.flush()


def _participant(db: Session, workshop: Workshop, participant_id: uuid.UUID) -> Participant:
    person = repo.find_participant(db, workshop.id, participant_id)
    if person is None:
        raise ParticipantNotFound()
    if person.status == ParticipantStatus.removed:
        raise ParticipantRemoved()
    return person


def move_seat(
    *, db: Session, workshop: Workshop, participant_id: uuid.UUID, data: SeatUpdate
) -> SeatPublic:
    ensure_writable(workshop)
    person = _participant(db, workshop, participant_id)
    table = None
    if data.table_id is not None:
        table = repo.find_table(db, workshop.id, data.table_id)
        if table is None:
            raise TableNotFound()
    elif data.pinned:
        raise PinNeedsTable("Give a table_id, or send pinned: false to unseat")
    ensure_phase(workshop, *SEATING_PHASES)
    before = {person.id: person.table_id}
    person.table_id = table.id if table else None
    person.pinned = data.pinned
    db.add(person)
    db.flush()
    seats_changed(db, workshop_id=workshop.id, cause="moved", before=before, people=[person])
    size = repo.count_members(db, table.id) if table else 0
    return SeatPublic(
        participant_id=person.id,
        table=table_ref(table) if table else None,
        pinned=person.pinned,
        table_size=size,
        over_capacity=size > workshop.table_size_max,
    )


def create_constraint(
    *, db: Session, workshop: Workshop, data: ConstraintCreate
) -> SeatingConstraint:
    ensure_writable(workshop)
    if data.first_id == data.second_id:
        raise SamePerson()
    first = _participant(db, workshop, data.first_id)
    second = _participant(db, workshop, data.second_id)
    low, high = sorted((first.id, second.id))
    for existing in repo.constraints_for_pair(db, workshop.id, low, high):
        if existing.kind == data.kind:
            raise ConstraintExists()
        raise ConstraintContradiction(
            f"This pair is already to be seated {existing.kind}; delete that constraint first"
        )
    constraint = SeatingConstraint(
        workshop_id=workshop.id, kind=ConstraintKind(data.kind), first_id=low, second_id=high
    )
    db.add(constraint)
    db.flush()
    return constraint


def delete_constraint(*, db: Session, workshop: Workshop, constraint: SeatingConstraint) -> None:
    ensure_writable(workshop)
    db.delete(constraint)
    db.flush()
