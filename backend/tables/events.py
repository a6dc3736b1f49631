"""Events of seating (see backend/events/log.py): who moved where."""

import uuid
from typing import Literal

from pydantic import BaseModel, Field
from sqlmodel import Session

from backend.events.log import record_event
from backend.models import Audience, Participant


class SeatMove(BaseModel):
    participant_id: uuid.UUID
    from_table_id: uuid.UUID | None
    to_table_id: uuid.UUID | None = Field(description="null: unseated")
    pinned: bool


class SeatChangedEvent(BaseModel):
    """People changed tables: one facilitator move, or a whole allocation run."""

    cause: Literal["moved", "allocated"]
    moves: list[SeatMove]


EVENT_PAYLOADS: dict[str, type[BaseModel]] = {"seat.changed": SeatChangedEvent}


def seats_changed(
    db: Session,
    *,
    workshop_id: uuid.UUID,
    cause: Literal["moved", "allocated"],
    before: dict[uuid.UUID, uuid.UUID | None],
    people: list[Participant],
) -> None:
    """Record the moves of `people` from the tables in `before` (by participant id) to where
    they sit now; nothing when nobody moved."""
    moves = [
        SeatMove(
            participant_id=p.id,
            from_table_id=before.get(p.id),
            to_table_id=p.table_id,
            pinned=p.pinned,
        )
        for p in people
        if cause == "moved" or before.get(p.id) != p.table_id
    ]
    if moves:
        record_event(
            db,
            workshop_id=workshop_id,
            kind="seat.changed",
            payload=SeatChangedEvent(cause=cause, moves=moves),
            audience=Audience.session,
        )
