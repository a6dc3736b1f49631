"""Tables, allocation, seats and seating constraints (facilitators), and a participant's table."""

import uuid
from typing import Annotated

from fastapi import APIRouter, Path, Response, status

from backend.deps import CurrentParticipant, DbSession, Paging
from backend.errors import problem_responses
from backend.kit.pagination import Page, paginate
from backend.models import SeatingConstraint, WorkshopTable
from backend.tables import repository as repo
from backend.tables import seating, service, views
from backend.tables.schemas import (
    AllocationCreate,
    AllocationOutcome,
    AllocationRunPublic,
    ConstraintCreate,
    ConstraintPublic,
    MyTable,
    SeatingBoard,
    SeatPublic,
    SeatUpdate,
    TableCreate,
    TablePublic,
    TableUpdate,
)
from backend.workshops.access import (
    FacilitatorWorkshop,
    TablesReader,
    TablesWriter,
    TablesWriterConstraint,
    TablesWriterTable,
)

router = APIRouter(tags=["tables"])

ReadAccess = TablesReader
WriteAccess = TablesWriter
SessionTable = TablesWriterTable
SessionConstraint = TablesWriterConstraint


def _table_public(db: DbSession, access: FacilitatorWorkshop, table: WorkshopTable) -> TablePublic:
    return views.table_public(access.workshop, table, repo.members_of(db, table.id))


@router.get(
    "/sessions/{session_id}/tables",
    name="tables-board",
    responses=problem_responses(404),
)
def read_board(access: ReadAccess, db: DbSession) -> SeatingBoard:
    """The whole seating board in one call: every table (by number) with its members and how many
    perspectives it holds, and the active participants not seated yet. A session has at most 300
    tables, so the board is not paginated."""
    return views.seating_board(db, access.workshop)


@router.post(
    "/sessions/{session_id}/tables",
    name="tables-create",
    status_code=status.HTTP_201_CREATED,
    responses=problem_responses(404, 409),
)
def create_table(
    access: WriteAccess, db: DbSession, data: TableCreate | None = None
) -> TablePublic:
    """Add an empty table (the body is optional); it takes the smallest table number not in use.
    Until the reduce phase."""
    table = service.create_table(db=db, workshop=access.workshop, data=data or TableCreate())
    return _table_public(db, access, table)


@router.patch(
    "/sessions/{session_id}/tables/{table_id}",
    name="tables-update",
    responses=problem_responses(404, 409),
)
def update_table(
    access: WriteAccess, db: DbSession, table: SessionTable, data: TableUpdate
) -> TablePublic:
    """Rename a table (`name: null` clears the name)."""
    table = service.update_table(db=db, workshop=access.workshop, table=table, data=data)
    return _table_public(db, access, table)


@router.delete(
    "/sessions/{session_id}/tables/{table_id}",
    name="tables-delete",
    status_code=status.HTTP_204_NO_CONTENT,
    responses=problem_responses(404, 409),
)
def delete_table(access: WriteAccess, db: DbSession, table: SessionTable) -> Response:
    """Delete an empty table (409 `table_not_empty` while anyone sits there). Only before the
    ideate phase, when a table may start to own ideas."""
    service.delete_table(db=db, workshop=access.workshop, table=table)
    return Response(status_code=status.HTTP_204_NO_CONTENT)


@router.post(
    "/sessions/{session_id}/allocation",
    name="tables-allocate",
    status_code=status.HTTP_201_CREATED,
    responses=problem_responses(404, 409),
)
def allocate(
    access: WriteAccess, db: DbSession, data: AllocationCreate | None = None
) -> AllocationOutcome:
    """Seat every active participant (joined or pre-registered) at tables of the session's size
    bounds, maximising perspective diversity and honouring the seating constraints; pinned people
    stay where they are. Tables are added or (empty ones) deleted so that their number matches.
    The report explains every table that could not be balanced. Phases engage, tables and
    strengths only. The same seed and people give the same allocation."""
    run = seating.run_allocation(
        db=db,
        workshop=access.workshop,
        user_id=access.facilitator.user.id,
        data=data or AllocationCreate(),
    )
    public = seating.run_public(run)
    return AllocationOutcome(**public.model_dump(), board=views.seating_board(db, access.workshop))


@router.get(
    "/sessions/{session_id}/allocation",
    name="tables-allocation-read",
    responses=problem_responses(404),
)
def read_allocation(access: ReadAccess, db: DbSession) -> AllocationRunPublic:
    """The latest allocation run and its report (404 `no_allocation_yet` before the first)."""
    return seating.run_public(seating.latest_run(db=db, workshop=access.workshop))


@router.put(
    "/sessions/{session_id}/seats/{participant_id}",
    name="tables-seat",
    responses=problem_responses(404, 409),
)
def move_seat(
    access: WriteAccess,
    db: DbSession,
    participant_id: Annotated[uuid.UUID, Path(description="A participant of this session")],
    data: SeatUpdate,
) -> SeatPublic:
    """Move a participant to a table (or `table_id: null` to unseat them) and pin them there or
    not. A table may go over the maximum size by hand: the answer then says `over_capacity`.
    Until the reduce phase starts."""
    return service.move_seat(
        db=db, workshop=access.workshop, participant_id=participant_id, data=data
    )


@router.get(
    "/sessions/{session_id}/seating-constraints",
    name="tables-constraints-list",
    responses=problem_responses(404),
)
def list_constraints(access: ReadAccess, db: DbSession, paging: Paging) -> Page[ConstraintPublic]:
    """Pairs to seat together (a carer, an interpreter) or apart (someone and their own
    caseworker), oldest first."""
    rows, cursor = paginate(
        db, repo.constraints_stmt(access.workshop.id), SeatingConstraint, paging
    )
    return Page(
        items=[ConstraintPublic.model_validate(r, from_attributes=True) for r in rows],
        next_cursor=cursor,
    )


@router.post(
    "/sessions/{session_id}/seating-constraints",
    name="tables-constraints-create",
    status_code=status.HTTP_201_CREATED,
    responses=problem_responses(404, 409),
)
def create_constraint(
    access: WriteAccess, db: DbSession, data: ConstraintCreate
) -> ConstraintPublic:
    """Ask the allocation to seat two participants of this session together or apart. The pair
    comes back with the smaller id first. A pair has at most one constraint: the same again is
    409 `constraint_exists`, the opposite kind is 422 `constraint_contradiction`."""
    constraint = service.create_constraint(db=db, workshop=access.workshop, data=data)
    return ConstraintPublic.model_validate(constraint, from_attributes=True)


@router.delete(
    "/sessions/{session_id}/seating-constraints/{constraint_id}",
    name="tables-constraints-delete",
    status_code=status.HTTP_204_NO_CONTENT,
    responses=problem_responses(404, 409),
)
def delete_constraint(
    access: WriteAccess, db: DbSession, constraint: SessionConstraint
) -> Response:
    """Drop a seating constraint; people already seated stay where they are."""
    service.delete_constraint(db=db, workshop=access.workshop, constraint=constraint)
    return Response(status_code=status.HTTP_204_NO_CONTENT)


@router.get("/me/table", name="tables-mine", responses=problem_responses())
def read_my_table(me: CurrentParticipant, db: DbSession) -> MyTable:
    """Your table, your tablemates (their perspective only when they chose to share it) and the
    strengths your table brings, pooled by kind of capital. `table` is null until you are
    seated."""
    return views.my_table(db, me.participant)
