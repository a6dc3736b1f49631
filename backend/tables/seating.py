"""Run the allocation algorithm over a session's active participants and write the result.

Tables are handed to the algorithm as indices: tables holding pinned people come first (so the
algorithm's pinned indices are 0..k-1), then the other existing tables by number, then new ones.
When fewer tables are needed, the highest-numbered unpinned tables (empty by then) are deleted.
"""

import secrets
import uuid
from collections.abc import Mapping
from typing import Any

from sqlmodel import Session

from backend.models import AllocationRun, Participant, Phase, Workshop, WorkshopTable
from backend.tables import repository as repo
from backend.tables.allocation import AllocationRequest, AllocationResult, Person, allocate
from backend.tables.errors import (
    AllocationImpossible,
    NoAllocationYet,
    NobodyToAllocate,
    PinnedTablesExceedCount,
    TooManyTables,
)
from backend.tables.events import seats_changed
from backend.tables.schemas import (
    MAX_SEED,
    AllocationCreate,
    AllocationIssue,
    AllocationRunPublic,
    ViolatedConstraint,
)
from backend.tables.service import free_numbers
from backend.workshops.rules import ensure_phase, ensure_writable

ALLOCATION_PHASES = (Phase.engage, Phase.tables, Phase.strengths)


def _jsonable(value: Any) -> Any:
    """Issue params as plain JSON (the algorithm may hand back tuples or sets)."""
    if isinstance(value, Mapping):
        return {str(k): _jsonable(v) for k, v in value.items()}
    if isinstance(value, set | frozenset):
        return sorted((_jsonable(v) for v in value), key=str)
    if isinstance(value, list | tuple):
        return [_jsonable(v) for v in value]
    if value is None or isinstance(value, bool | int | float | str):
        return value
    return str(value)


def _table_order(tables: list[WorkshopTable], pinned_ids: set[uuid.UUID]) -> list[WorkshopTable]:
    return [t for t in tables if t.id in pinned_ids] + [t for t in tables if t.id not in pinned_ids]


def _request(
    *,
    db: Session,
    workshop: Workshop,
    people: list[Participant],
    order: list[WorkshopTable],
    pinned_ids: set[uuid.UUID],
    seed: int,
    table_count: int | None,
) -> AllocationRequest:
    index = {t.id: i for i, t in enumerate(order)}
    active = {str(p.id) for p in people}
    together: list[tuple[str, str]] = []
    apart: list[tuple[str, str]] = []
    for constraint in repo.constraints_of(db, workshop.id):
        pair = (str(constraint.first_id), str(constraint.second_id))
        if pair[0] in active and pair[1] in active:
            (together if constraint.kind == "together" else apart).append(pair)
    return AllocationRequest(
        people=[
            Person(
                id=str(p.id),
                perspective=p.perspective,
                roles=frozenset(p.network_roles),
                pinned_table=(index[p.table_id] if p.pinned and p.table_id in pinned_ids else None),
            )
            for p in people
        ],
        size_min=workshop.table_size_min,
        size_max=workshop.table_size_max,
        table_count=table_count,
        together=together,
        apart=apart,
        seed=seed,
    )


def _write_tables(
    db: Session, workshop: Workshop, order: list[WorkshopTable], table_count: int
) -> list[WorkshopTable]:
    """Create or delete tables so that exactly `table_count` remain, in algorithm index order."""
    kept, surplus = order[:table_count], order[table_count:]
    for person in repo.removed_at_tables(db, [t.id for t in surplus]):
        person.table_id = None
        db.add(person)
    for table in surplus:
        db.delete(table)
    db.flush()
    taken = {t.number for t in kept}
    for number in free_numbers(taken, table_count - len(kept)):
        table = WorkshopTable(workshop_id=workshop.id, number=number)
        db.add(table)
        kept.append(table)
    db.flush()
    return kept


def run_public(run: AllocationRun) -> AllocationRunPublic:
    report = run.report
    return AllocationRunPublic(
        id=run.id,
        seed=run.seed,
        diversity=run.diversity,
        diversity_max=run.diversity_max,
        table_count=int(report.get("table_count", 0)),
        keep_pinned=bool(report.get("keep_pinned", True)),
        issues=[AllocationIssue.model_validate(i) for i in report.get("issues", [])],
        violated=[ViolatedConstraint.model_validate(v) for v in report.get("violated", [])],
        created_at=run.created_at,
    )


def _report(
    result: AllocationResult, tables: list[WorkshopTable], keep_pinned: bool
) -> dict[str, Any]:
    def where(index: int) -> dict[str, Any]:
        if 0 <= index < len(tables):
            return {"table_id": str(tables[index].id), "table_number": tables[index].number}
        return {"table_id": None, "table_number": None}

    return {
        "table_count": result.table_count,
        "keep_pinned": keep_pinned,
        "issues": [
            {**where(i.table), "code": i.code, "params": _jsonable(i.params)} for i in result.issues
        ],
        "violated": [
            {"kind": kind, "first_id": first, "second_id": second}
            for kind, first, second in result.violated
        ],
    }


def run_allocation(
    *, db: Session, workshop: Workshop, user_id: uuid.UUID | None, data: AllocationCreate
) -> AllocationRun:
    ensure_writable(workshop)
    ensure_phase(workshop, *ALLOCATION_PHASES)
    repo.lock_workshop(db, workshop.id)
    people = repo.active_participants(db, workshop.id)
    if not people:
        raise NobodyToAllocate()
    if data.table_count is not None and data.table_count > len(people):
        raise TooManyTables(f"{len(people)} people cannot fill {data.table_count} tables")
    tables = repo.tables_of(db, workshop.id)
    known = {t.id for t in tables}
    if not data.keep_pinned:
        for person in people:
            person.pinned = False
    pinned_ids = {p.table_id for p in people if p.pinned and p.table_id is not None} & known
    if data.table_count is not None and data.table_count < len(pinned_ids):
        raise PinnedTablesExceedCount(
            f"Pinned people sit at {len(pinned_ids)} tables; ask for at least that many"
        )
    order = _table_order(tables, pinned_ids)
    seed = data.seed if data.seed is not None else secrets.randbelow(MAX_SEED + 1)
    request = _request(
        db=db,
        workshop=workshop,
        people=people,
        order=order,
        pinned_ids=pinned_ids,
        seed=seed,
        table_count=data.table_count,
    )
    try:
        result = allocate(request)
    except ValueError as exc:  # e.g. the session's size bounds are unusable
        raise AllocationImpossible(str(exc)) from exc
    before = {p.id: p.table_id for p in people}
    seated = _write_tables(db, workshop, order, result.table_count)
    for person in people:
        person.table_id = seated[result.assignment[str(person.id)]].id
        person.pinned = person.pinned and person.table_id in pinned_ids
        db.add(person)
    run = AllocationRun(
        workshop_id=workshop.id,
        seed=seed,
        diversity=result.diversity,
        diversity_max=result.diversity_max,
        report=_report(result, seated, data.keep_pinned),
        created_by_id=user_id,
    )
    db.add(run)
    db.flush()
    seats_changed(db, workshop_id=workshop.id, cause="allocated", before=before, people=people)
    return run


def latest_run(*, db: Session, workshop: Workshop) -> AllocationRun:
    run = repo.latest_run(db, workshop.id)
    if run is None:
        raise NoAllocationYet("Run an allocation first")
    return run
