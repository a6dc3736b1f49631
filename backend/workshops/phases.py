"""The phase state machine: one step forward, or one step back with a reason; every change is
recorded and resets the phase's timer."""

from sqlmodel import Session

from backend.kit.clock import utcnow
from backend.models import PHASE_ORDER, Phase, PhaseChange, User, Workshop
from backend.publishing.service import is_published
from backend.webhooks.catalogue import SessionPhaseChanged
from backend.webhooks.outbox import enqueue as enqueue_webhook
from backend.workshops import events, timer
from backend.workshops.errors import PhaseReasonRequired, PhaseTransitionInvalid
from backend.workshops.rules import ensure_writable


def neighbours(phase: Phase) -> tuple[Phase | None, Phase | None]:
    """(previous, next) in METHOD.md's order."""
    index = PHASE_ORDER.index(phase)
    previous = PHASE_ORDER[index - 1] if index > 0 else None
    following = PHASE_ORDER[index + 1] if index + 1 < len(PHASE_ORDER) else None
    return previous, following


def change_phase(
    *, db: Session, workshop: Workshop, to: Phase, reason: str | None, user: User
) -> PhaseChange:
    ensure_writable(workshop)
    previous, following = neighbours(workshop.phase)
    reason = reason.strip() if reason and reason.strip() else None
    if to != following and to != previous:
        allowed = [p for p in (following, previous) if p is not None]
        raise PhaseTransitionInvalid(
            f"From {workshop.phase} the session can move to: {', '.join(allowed)}"
        )
    if to == previous and reason is None:
        raise PhaseReasonRequired("Going back reopens the earlier phase; say why, for the record")
    now = utcnow()
    change = PhaseChange(
        workshop_id=workshop.id,
        from_phase=workshop.phase,
        to_phase=to,
        reason=reason,
        changed_by_id=user.id,
        created_at=now,
    )
    workshop.phase = to
    workshop.phase_changed_at = now
    workshop.updated_at = now
    timer.clear(workshop)
    db.add(change)
    db.add(workshop)
    db.flush()
    events.phase_changed(db, change)
    if is_published(db, workshop.id):  # nothing of an unpublished session leaves it
        enqueue_webhook(
            db,
            organisation_id=workshop.organisation_id,
            kind="session.phase_changed",
            payload=SessionPhaseChanged(
                session_id=workshop.id, from_phase=change.from_phase, to_phase=to, changed_at=now
            ),
        )
    return change
