"""A table's themes (categories its ideas are sorted into while reducing)."""

from sqlmodel import Session

from backend.events.log import record_event
from backend.ideas import repository as repo
from backend.ideas import views
from backend.ideas.errors import NothingToChange
from backend.ideas.events import ThemeChangedEvent, ThemeDeletedEvent
from backend.ideas.schemas import ThemeCreate, ThemeUpdate
from backend.ideas.service import SHAPING_PHASES
from backend.kit.clock import utcnow
from backend.models import Theme, Workshop, WorkshopTable
from backend.workshops.rules import ensure_phase, ensure_writable


def _open(workshop: Workshop) -> None:
    ensure_writable(workshop)
    ensure_phase(workshop, *SHAPING_PHASES)


def _announce(db: Session, kind: str, theme: Theme) -> None:
    record_event(
        db,
        workshop_id=theme.workshop_id,
        kind=kind,
        payload=ThemeChangedEvent(theme=views.theme_public(theme)),
        table_id=theme.table_id,
    )


def create_theme(
    *, db: Session, workshop: Workshop, table: WorkshopTable, data: ThemeCreate
) -> Theme:
    _open(workshop)
    position = data.position
    if position is None:
        position = repo.next_theme_position(db, table.id)
    theme = Theme(workshop_id=workshop.id, table_id=table.id, name=data.name, position=position)
    db.add(theme)
    db.flush()
    _announce(db, "theme.created", theme)
    return theme


def update_theme(*, db: Session, workshop: Workshop, theme: Theme, data: ThemeUpdate) -> Theme:
    _open(workshop)
    if data.name is None and data.position is None:
        raise NothingToChange("Send name and/or position")
    if data.name is not None:
        theme.name = data.name
    if data.position is not None:
        theme.position = data.position
    theme.updated_at = utcnow()
    db.add(theme)
    db.flush()
    _announce(db, "theme.updated", theme)
    return theme


def delete_theme(*, db: Session, workshop: Workshop, theme: Theme) -> None:
    """The theme's ideas stay, without a theme (their version moves on)."""
    _open(workshop)
    repo.unassign_theme(db, theme.id, utcnow())
    record_event(
        db,
        workshop_id=workshop.id,
        kind="theme.deleted",
        payload=ThemeDeletedEvent(theme_id=theme.id, table_id=theme.table_id),
        table_id=theme.table_id,
    )
    db.delete(theme)
    db.flush()
