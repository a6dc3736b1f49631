"""Events of participants' access (see backend/events/log.py): a live stream re-checks who may
listen when it meets one, so a removed or signed-out person stops receiving events at once."""

import uuid
from typing import Literal

from pydantic import BaseModel
from sqlmodel import Session

from backend.events.log import record_event
from backend.models import Audience

SignOutCause = Literal["removed", "reissued", "signed_out"]


class AccessEndedEvent(BaseModel):
    """Some or all of a participant's devices were signed out."""

    participant_id: uuid.UUID
    cause: SignOutCause


EVENT_PAYLOADS: dict[str, type[BaseModel]] = {"participant.access_ended": AccessEndedEvent}


def access_ended(
    db: Session, *, workshop_id: uuid.UUID, participant_id: uuid.UUID, cause: SignOutCause
) -> None:
    record_event(
        db,
        workshop_id=workshop_id,
        kind="participant.access_ended",
        payload=AccessEndedEvent(participant_id=participant_id, cause=cause),
        audience=Audience.facilitators,
    )
