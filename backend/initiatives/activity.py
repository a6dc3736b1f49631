"""An initiative's last activity: what the momentum view calls quiet. Every change to an
initiative, its steward or its action plan calls `record_activity` in the same transaction (which
also tells subscribed partners, for a published session); a new outcome measurement calls
`touch` (the outcomes slice announces it as `outcome.measured` itself)."""

from sqlmodel import Session

from backend.kit.clock import utcnow
from backend.models import Initiative
from backend.webhooks.notify import initiative_updated


def touch(db: Session, initiative: Initiative) -> None:
    initiative.last_activity_at = utcnow()
    db.add(initiative)


def record_activity(db: Session, initiative: Initiative) -> None:
    touch(db, initiative)
    initiative_updated(db, initiative)
