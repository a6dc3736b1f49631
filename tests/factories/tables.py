"""Tables, seats and seating constraints written straight to the database."""

from dataclasses import dataclass
from typing import TypeVar

import httpx
from fastapi import FastAPI
from sqlmodel import Session, col, select
from sqlmodel.sql.expression import SelectOfScalar

from backend.models import (
    ConstraintKind,
    Participant,
    Phase,
    SeatingConstraint,
    Workshop,
    WorkshopTable,
)
from tests.factories.accounts import FacilitatorCtx, make_facilitator, sign_in_client
from tests.factories.participants import make_participant
from tests.factories.workshops import make_workshop

T = TypeVar("T")

PERSPECTIVES = ("lived_experience", "service_provider", "academic", "policy", "outlier")


@dataclass
class Room:
    """A signed-in facilitator and one of their organisation's workshops."""

    facilitator: FacilitatorCtx
    workshop: Workshop

    @property
    def base(self) -> str:
        return f"/api/v1/sessions/{self.workshop.id}"


def make_room(
    db: Session, client: httpx.AsyncClient | None = None, *, phase: Phase = Phase.tables
) -> Room:
    ctx = make_facilitator(db)
    workshop = make_workshop(db, ctx.organisation, phase=phase)
    if client is not None:
        sign_in_client(db, client, ctx.user)
    return Room(facilitator=ctx, workshop=workshop)


def make_table(
    db: Session, workshop: Workshop, *, number: int | None = None, name: str | None = None
) -> WorkshopTable:
    if number is None:
        taken = set(
            db.exec(select(WorkshopTable.number).where(WorkshopTable.workshop_id == workshop.id))
        )
        number = next(n for n in range(1, len(taken) + 2) if n not in taken)
    table = WorkshopTable(workshop_id=workshop.id, number=number, name=name)
    db.add(table)
    db.commit()
    return table


def make_people(
    db: Session, workshop: Workshop, count: int, *, table: WorkshopTable | None = None
) -> list[Participant]:
    """`count` participants cycling through the five built-in perspectives."""
    return [
        make_participant(
            db,
            workshop,
            display_name=f"Person {i}",
            perspective=PERSPECTIVES[i % len(PERSPECTIVES)],
            table_id=table.id if table else None,
        )
        for i in range(count)
    ]


def make_constraint(
    db: Session, workshop: Workshop, kind: ConstraintKind, first: Participant, second: Participant
) -> SeatingConstraint:
    low, high = sorted((first.id, second.id))
    constraint = SeatingConstraint(workshop_id=workshop.id, kind=kind, first_id=low, second_id=high)
    db.add(constraint)
    db.commit()
    return constraint


def read_rows(app: FastAPI, stmt: SelectOfScalar[T]) -> list[T]:
    """Rows as the database holds them now, through a short session of its own (a long-lived
    test session would hold SQLite's write lock and stale objects)."""
    with Session(app.state.engine) as fresh:
        return list(fresh.exec(stmt).all())


def participant_row(app: FastAPI, participant: Participant) -> Participant:
    return read_rows(app, select(Participant).where(Participant.id == participant.id))[0]


def tables_in(app: FastAPI, workshop: Workshop) -> list[WorkshopTable]:
    return read_rows(
        app,
        select(WorkshopTable)
        .where(WorkshopTable.workshop_id == workshop.id)
        .order_by(col(WorkshopTable.number)),
    )


def assert_problem(response: httpx.Response, status: int, code: str) -> None:
    assert response.status_code == status, response.text
    assert response.headers["content-type"] == "application/problem+json"
    assert response.json()["code"] == code
