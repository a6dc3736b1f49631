"""When storyboards change: in the storyboard phase, and on through pitch and combine (tables
refine their storyboard as other tables' questions and offers come in, and when ideas are
combined). From glue on they are read-only, and so is an archived session."""

from backend.models import Phase, Workshop
from backend.workshops.rules import ensure_phase, ensure_writable

WRITABLE_PHASES = (Phase.storyboard, Phase.pitch, Phase.combine)


def phase_open(workshop: Workshop) -> bool:
    return workshop.archived_at is None and workshop.phase in WRITABLE_PHASES


def ensure_open(workshop: Workshop) -> None:
    """409 `session_archived`, 422 `phase_closed`."""
    ensure_writable(workshop)
    ensure_phase(workshop, *WRITABLE_PHASES)
