"""Load what a facilitator acts on, or 404 (ids from other organisations or sessions never leak).

`access: IdeasWriter` is the session in the path, if the caller is a member of its organisation
and holds the scope. `table: TablesWriterTable` is a table of that session (loaded through the
same access check, which FastAPI runs once per request), and likewise for ideas, safeguarding
flags and seating constraints. Used by every slice whose paths start with /sessions/{session_id}.
"""

import uuid
from collections.abc import Callable
from dataclasses import dataclass
from typing import Annotated

from fastapi import Depends, Path, Security
from sqlmodel import Session, col, select

from backend.auth.facilitator import Facilitator, current_facilitator
from backend.db import get_db
from backend.errors import NotFound
from backend.ideas.errors import FlagNotFound, IdeaNotFound
from backend.models import (
    Idea,
    Membership,
    SafeguardingFlag,
    SeatingConstraint,
    Workshop,
    WorkshopTable,
)
from backend.tables.errors import ConstraintNotFound, TableNotFound

Db = Annotated[Session, Depends(get_db, scope="function")]


class SessionNotFound(NotFound):
    code = "session_not_found"
    title_en = "No such session in your organisations"
    title_cy = "Nid oes sesiwn o'r fath yn eich sefydliadau"


@dataclass(frozen=True)
class FacilitatorWorkshop:
    workshop: Workshop
    facilitator: Facilitator


def find_facilitator_workshop(
    db: Session, *, workshop_id: uuid.UUID, facilitator: Facilitator
) -> Workshop:
    workshop = db.exec(
        select(Workshop)
        .join(Membership, col(Membership.organisation_id) == col(Workshop.organisation_id))
        .where(Workshop.id == workshop_id, Membership.user_id == facilitator.user.id)
    ).first()
    if workshop is None:
        raise SessionNotFound()
    return workshop


AccessLoader = Callable[..., FacilitatorWorkshop]


def _loader(scope: str) -> AccessLoader:
    def load(
        session_id: Annotated[uuid.UUID, Path(description="The session (workshop) id")],
        db: Db,
        facilitator: Annotated[Facilitator, Security(current_facilitator, scopes=[scope])],
    ) -> FacilitatorWorkshop:
        workshop = find_facilitator_workshop(db, workshop_id=session_id, facilitator=facilitator)
        return FacilitatorWorkshop(workshop=workshop, facilitator=facilitator)

    return load


# One loader per scope: the route and the object loaders below share it, so it runs once.
_sessions_read = _loader("sessions:read")
_sessions_write = _loader("sessions:write")
_tables_write = _loader("tables:write")
_ideas_read = _loader("ideas:read")
_ideas_write = _loader("ideas:write")

SessionsReader = Annotated[FacilitatorWorkshop, Depends(_sessions_read)]
SessionsWriter = Annotated[FacilitatorWorkshop, Depends(_sessions_write)]
ParticipantsReader = Annotated[FacilitatorWorkshop, Depends(_loader("participants:read"))]
ParticipantsWriter = Annotated[FacilitatorWorkshop, Depends(_loader("participants:write"))]
TablesReader = Annotated[FacilitatorWorkshop, Depends(_loader("tables:read"))]
TablesWriter = Annotated[FacilitatorWorkshop, Depends(_tables_write)]
IdeasReader = Annotated[FacilitatorWorkshop, Depends(_ideas_read)]
IdeasWriter = Annotated[FacilitatorWorkshop, Depends(_ideas_write)]

TableId = Annotated[uuid.UUID, Path(description="A table of this session")]
IdeaId = Annotated[uuid.UUID, Path(description="An idea of this session")]
FlagId = Annotated[uuid.UUID, Path(description="A safeguarding flag of this session")]
ConstraintId = Annotated[uuid.UUID, Path(description="A seating constraint of this session")]


def _table(access_loader: AccessLoader) -> Callable[..., WorkshopTable]:
    def load(
        access: Annotated[FacilitatorWorkshop, Depends(access_loader)], db: Db, table_id: TableId
    ) -> WorkshopTable:
        table = db.exec(
            select(WorkshopTable).where(
                WorkshopTable.id == table_id, WorkshopTable.workshop_id == access.workshop.id
            )
        ).first()
        if table is None:
            raise TableNotFound()
        return table

    return load


def _idea(access_loader: AccessLoader, *, for_update: bool) -> Callable[..., Idea]:
    def load(
        access: Annotated[FacilitatorWorkshop, Depends(access_loader)], db: Db, idea_id: IdeaId
    ) -> Idea:
        stmt = select(Idea).where(Idea.id == idea_id, Idea.workshop_id == access.workshop.id)
        # A write locks the idea until commit (PostgreSQL), so two moderations cannot interleave.
        idea = db.exec(stmt.with_for_update() if for_update else stmt).first()
        if idea is None:
            raise IdeaNotFound()
        return idea

    return load


def _flag(
    access: Annotated[FacilitatorWorkshop, Depends(_ideas_write)], db: Db, flag_id: FlagId
) -> SafeguardingFlag:
    flag = db.exec(
        select(SafeguardingFlag).where(
            SafeguardingFlag.id == flag_id, SafeguardingFlag.workshop_id == access.workshop.id
        )
    ).first()
    if flag is None:
        raise FlagNotFound()
    return flag


def _constraint(
    access: Annotated[FacilitatorWorkshop, Depends(_tables_write)],
    db: Db,
    constraint_id: ConstraintId,
) -> SeatingConstraint:
    constraint = db.exec(
        select(SeatingConstraint).where(
            SeatingConstraint.id == constraint_id,
            SeatingConstraint.workshop_id == access.workshop.id,
        )
    ).first()
    if constraint is None:
        raise ConstraintNotFound()
    return constraint


# Objects of the session in the path, named after the access they are loaded with.
SessionsReaderTable = Annotated[WorkshopTable, Depends(_table(_sessions_read))]
SessionsWriterTable = Annotated[WorkshopTable, Depends(_table(_sessions_write))]
TablesWriterTable = Annotated[WorkshopTable, Depends(_table(_tables_write))]
IdeasWriterTable = Annotated[WorkshopTable, Depends(_table(_ideas_write))]
IdeasReaderIdea = Annotated[Idea, Depends(_idea(_ideas_read, for_update=False))]
IdeasWriterIdea = Annotated[Idea, Depends(_idea(_ideas_write, for_update=True))]
IdeasWriterFlag = Annotated[SafeguardingFlag, Depends(_flag)]
TablesWriterConstraint = Annotated[SeatingConstraint, Depends(_constraint)]
