"""Rules for creating, editing and archiving sessions, their join codes and their timers."""

from collections.abc import Callable
from datetime import datetime
from typing import Any

from sqlmodel import Session

from backend.kit.clock import utcnow
from backend.kit.i18n import LocalizedText
from backend.models import Mode, User, Workshop
from backend.workshops import events, repository, timer
from backend.workshops.errors import OrganisationNotFound, SessionFieldsInvalid
from backend.workshops.join_codes import new_join_code
from backend.workshops.rules import ensure_writable
from backend.workshops.schemas import SessionCreate, SessionUpdate

Fields = dict[str, Any]
LOCALIZED = ("title", "challenge", "consent_text")
EDITABLE = (
    *(f"{name}_{lang}" for name in LOCALIZED for lang in ("en", "cy")),
    "mode",
    "venue",
    "starts_at",
    "ends_at",
    "languages",
    "ideas_per_person_min",
    "ideas_per_person_max",
    "ideas_per_table",
    "table_size_min",
    "table_size_max",
)


def _clean(value: str | None) -> str | None:
    return value.strip() or None if value is not None else None


def _localized(name: str, text: LocalizedText, *, only_sent: bool) -> Fields:
    langs = text.model_fields_set if only_sent else {"en", "cy"}
    return {f"{name}_{lang}": _clean(getattr(text, lang)) for lang in langs}


def _fields_from_create(data: SessionCreate) -> Fields:
    fields: Fields = {}
    for name in LOCALIZED:
        fields |= _localized(name, getattr(data, name), only_sent=False)
    return fields | {
        "mode": data.mode,
        "venue": _clean(data.venue),
        "starts_at": data.starts_at,
        "ends_at": data.ends_at,
        "languages": list(data.languages),
        "ideas_per_person_min": data.targets.ideas_per_person_min,
        "ideas_per_person_max": data.targets.ideas_per_person_max,
        "ideas_per_table": data.targets.ideas_per_table,
        "table_size_min": data.table_size.min,
        "table_size_max": data.table_size.max,
    }


def _fields_from_update(data: SessionUpdate) -> Fields:
    sent = data.model_fields_set
    fields: Fields = {}
    for name in LOCALIZED:
        text = getattr(data, name)
        if text is not None:
            fields |= _localized(name, text, only_sent=True)
    for name in ("mode", "starts_at", "ends_at", "languages"):
        if name in sent:
            fields[name] = getattr(data, name)
    if "venue" in sent:
        fields["venue"] = _clean(data.venue)
    if data.targets is not None:
        fields |= {k: getattr(data.targets, k) for k in data.targets.model_fields_set}
    if data.table_size is not None:
        fields |= {
            f"table_size_{k}": getattr(data.table_size, k) for k in data.table_size.model_fields_set
        }
    return fields


def _check(s: Fields) -> None:
    """The rules that involve several fields, checked on the session as it would be."""
    errors: list[tuple[tuple[str, ...], str]] = []
    if not (s["title_en"] or s["title_cy"]):
        errors.append((("title",), "Give a title in English or Welsh (or both)"))
    if s["ends_at"] is not None and s["ends_at"] <= s["starts_at"]:
        errors.append((("ends_at",), "Must be after starts_at"))
    if s["mode"] == Mode.online and s["venue"]:
        errors.append((("venue",), "Must be empty when mode is online"))
    if s["ideas_per_person_min"] > s["ideas_per_person_max"]:
        errors.append(
            (("targets", "ideas_per_person_max"), "Must be at least ideas_per_person_min")
        )
    if s["table_size_min"] > s["table_size_max"]:
        errors.append((("table_size", "max"), "Must be at least table_size.min"))
    if errors:
        raise SessionFieldsInvalid(errors)


def create_workshop(*, db: Session, user: User, data: SessionCreate) -> Workshop:
    if not repository.is_member(db, user_id=user.id, organisation_id=data.organisation_id):
        raise OrganisationNotFound()
    fields = _fields_from_create(data)
    _check(fields)
    now = utcnow()
    workshop = Workshop(
        organisation_id=data.organisation_id,
        created_by_id=user.id,
        join_code=new_join_code(db),
        phase_changed_at=now,
        created_at=now,
        **fields,
    )
    db.add(workshop)
    db.flush()
    return workshop


def update_workshop(*, db: Session, workshop: Workshop, data: SessionUpdate) -> Workshop:
    ensure_writable(workshop)
    changes = _fields_from_update(data)
    _check({name: getattr(workshop, name) for name in EDITABLE} | changes)
    for name, value in changes.items():
        setattr(workshop, name, value)
    return _touch(db, workshop)


def archive(*, db: Session, workshop: Workshop) -> Workshop:
    """Archiving is idempotent; the join code stops working at once."""
    if workshop.archived_at is None:
        workshop.archived_at = utcnow()
        _touch(db, workshop)
    return workshop


def unarchive(*, db: Session, workshop: Workshop) -> Workshop:
    if workshop.archived_at is not None:
        workshop.archived_at = None
        _touch(db, workshop)
    return workshop


def rotate_join_code(*, db: Session, workshop: Workshop) -> Workshop:
    ensure_writable(workshop)
    workshop.join_code = new_join_code(db)
    workshop.join_code_rotated_at = utcnow()
    return _touch(db, workshop)


def _run_timer(
    db: Session,
    workshop: Workshop,
    action: events.TimerAction,
    command: Callable[[Workshop, datetime], None],
) -> datetime:
    """Apply a timer command at one instant (returned, for the timer's `server_now`)."""
    ensure_writable(workshop)
    now = utcnow()
    command(workshop, now)
    _touch(db, workshop, now)
    events.timer_changed(db, workshop, action, now)
    return now


def start_timer(*, db: Session, workshop: Workshop, duration_seconds: int) -> datetime:
    return _run_timer(
        db,
        workshop,
        "started",
        lambda w, now: timer.start(w, duration_seconds=duration_seconds, now=now),
    )


def pause_timer(*, db: Session, workshop: Workshop) -> datetime:
    return _run_timer(db, workshop, "paused", lambda w, now: timer.pause(w, now=now))


def resume_timer(*, db: Session, workshop: Workshop) -> datetime:
    return _run_timer(db, workshop, "resumed", lambda w, now: timer.resume(w, now=now))


def extend_timer(*, db: Session, workshop: Workshop, seconds: int) -> datetime:
    return _run_timer(
        db, workshop, "extended", lambda w, now: timer.extend(w, seconds=seconds, now=now)
    )


def clear_timer(*, db: Session, workshop: Workshop) -> None:
    _run_timer(db, workshop, "cleared", lambda w, _now: timer.clear(w))


def _touch(db: Session, workshop: Workshop, now: datetime | None = None) -> Workshop:
    workshop.updated_at = now or utcnow()
    db.add(workshop)
    db.flush()
    return workshop
