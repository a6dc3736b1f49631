"""Load a workshop the calling facilitator may act on, or 404 (ids from other organisations never
leak). Used by every slice whose paths start with /sessions/{session_id}."""

import uuid
from collections.abc import Callable
from dataclasses import dataclass
from typing import Annotated

from fastapi import Depends, Path, Security
from sqlmodel import Session, col, select

from backend.auth.facilitator import Facilitator, current_facilitator
from backend.db import get_db
from backend.errors import NotFound
from backend.models import Membership, Workshop


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


def _loader(scopes: tuple[str, ...]) -> Callable[..., FacilitatorWorkshop]:
    def load(
        session_id: Annotated[uuid.UUID, Path(description="The session (workshop) id")],
        db: Annotated[Session, Depends(get_db, scope="function")],
        facilitator: Annotated[Facilitator, Security(current_facilitator, scopes=list(scopes))],
    ) -> FacilitatorWorkshop:
        workshop = find_facilitator_workshop(db, workshop_id=session_id, facilitator=facilitator)
        return FacilitatorWorkshop(workshop=workshop, facilitator=facilitator)

    return load


# `access: IdeasWriter` — the session in the path, if the caller is a member of its organisation
# and holds the scope.
SessionsReader = Annotated[FacilitatorWorkshop, Depends(_loader(("sessions:read",)))]
SessionsWriter = Annotated[FacilitatorWorkshop, Depends(_loader(("sessions:write",)))]
ParticipantsReader = Annotated[FacilitatorWorkshop, Depends(_loader(("participants:read",)))]
ParticipantsWriter = Annotated[FacilitatorWorkshop, Depends(_loader(("participants:write",)))]
TablesReader = Annotated[FacilitatorWorkshop, Depends(_loader(("tables:read",)))]
TablesWriter = Annotated[FacilitatorWorkshop, Depends(_loader(("tables:write",)))]
IdeasReader = Annotated[FacilitatorWorkshop, Depends(_loader(("ideas:read",)))]
IdeasWriter = Annotated[FacilitatorWorkshop, Depends(_loader(("ideas:write",)))]
