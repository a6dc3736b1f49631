"""Events of the session's phase and timer (see backend/events/log.py)."""

import uuid
from datetime import datetime
from typing import Literal

from pydantic import BaseModel, Field
from sqlmodel import Session

from backend.events.log import record_event
from backend.models import Audience, Phase, PhaseChange, Workshop
from backend.workshops.schemas import TimerPublic
from backend.workshops.timer import timer_public

TimerAction = Literal["started", "paused", "resumed", "extended", "cleared"]


class PhaseChangedEvent(BaseModel):
    """The session moved to another phase; its timer was cleared."""

    phase_change_id: uuid.UUID
    from_phase: Phase
    to_phase: Phase
    reason: str | None
    changed_at: datetime


class TimerChangedEvent(BaseModel):
    """The facilitator started, paused, resumed, extended or cleared the phase's countdown."""

    action: TimerAction
    timer: TimerPublic = Field(description="The timer as it is now")


EVENT_PAYLOADS: dict[str, type[BaseModel]] = {
    "phase.changed": PhaseChangedEvent,
    "timer.changed": TimerChangedEvent,
}


def phase_changed(db: Session, change: PhaseChange) -> None:
    record_event(
        db,
        workshop_id=change.workshop_id,
        kind="phase.changed",
        payload=PhaseChangedEvent(
            phase_change_id=change.id,
            from_phase=change.from_phase,
            to_phase=change.to_phase,
            reason=change.reason,
            changed_at=change.created_at,
        ),
        audience=Audience.session,
    )


def timer_changed(db: Session, workshop: Workshop, action: TimerAction, now: datetime) -> None:
    record_event(
        db,
        workshop_id=workshop.id,
        kind="timer.changed",
        payload=TimerChangedEvent(action=action, timer=timer_public(workshop, now)),
        audience=Audience.session,
    )
