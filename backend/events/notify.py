"""Wake the streams after a commit that wrote events.

`record_event` notes the workshop in `db.info[PENDING_KEY]`; after that transaction commits, the
broker found in `db.info[BROKER_KEY]` (set by the request's session, see backend/db.py) is told.
A session without a broker (scripts, tests, the demo loader) just drops the note: streams still
find the events at their next keep-alive read.
"""

import logging
from typing import Any

from sqlalchemy import event
from sqlmodel import Session

from backend.events.log import PENDING_KEY

BROKER_KEY = "cyd_broker"
log = logging.getLogger(__name__)


def _after_commit(session: Session) -> None:
    pending = session.info.pop(PENDING_KEY, None)
    broker: Any = session.info.get(BROKER_KEY)
    if not pending or broker is None:
        return
    for workshop_id in pending:
        try:
            broker.publish(workshop_id)
        except Exception:  # the commit is done; a failed wake-up must not turn into an error
            log.exception("could not publish events of session %s", workshop_id)


def _after_rollback(session: Session, _previous_transaction: Any) -> None:
    session.info.pop(PENDING_KEY, None)


def install() -> None:
    """Idempotent: listen on every SQLModel session."""
    if not event.contains(Session, "after_commit", _after_commit):
        event.listen(Session, "after_commit", _after_commit)
        event.listen(Session, "after_soft_rollback", _after_rollback)
