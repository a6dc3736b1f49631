"""Checks other slices run on a workshop before they change anything in it."""

from backend.models import Phase, Workshop
from backend.workshops.errors import PhaseClosed, SessionArchived


def ensure_writable(workshop: Workshop) -> None:
    """An archived session is read-only: 409 `session_archived`."""
    if workshop.archived_at is not None:
        raise SessionArchived("Unarchive the session to change it")


def ensure_phase(workshop: Workshop, *allowed: Phase) -> None:
    """422 `phase_closed` unless the session is in one of the `allowed` phases."""
    if workshop.phase not in allowed:
        names = ", ".join(allowed)
        raise PhaseClosed(f"The session is in the {workshop.phase} phase; this is open in: {names}")
