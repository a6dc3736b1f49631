"""Route plumbing: a pitch of the caller's session, a facilitator's table, paging of pitches."""

import base64
import json
import uuid
from typing import Annotated

from fastapi import Depends, Path
from sqlmodel import Session

from backend.combinations.carried import carried_ideas
from backend.deps import DbSession
from backend.ideas.http import MySeat
from backend.kit.pagination import InvalidCursor, Page, PageParams
from backend.models import Pitch
from backend.pitches import repository as repo
from backend.pitches import views
from backend.pitches.errors import PitchNotFound
from backend.pitches.schemas import PitchPublic
from backend.workshops.access import (
    SessionsReader,
    SessionsReaderTable,
    SessionsWriter,
    SessionsWriterTable,
)

ReadAccess = SessionsReader
WriteAccess = SessionsWriter
PitchId = Annotated[uuid.UUID, Path(description="A pitch of this session")]
ResponseId = Annotated[uuid.UUID, Path(description="A response to your table's pitch")]


def _seat_pitch(seat: MySeat, db: DbSession, pitch_id: PitchId) -> Pitch:
    pitch = repo.find_pitch(db, seat.workshop.id, pitch_id)
    if pitch is None:
        raise PitchNotFound()
    return pitch


def _session_pitch(access: ReadAccess, db: DbSession, pitch_id: PitchId) -> Pitch:
    pitch = repo.find_pitch(db, access.workshop.id, pitch_id)
    if pitch is None:
        raise PitchNotFound()
    return pitch


SeatPitch = Annotated[Pitch, Depends(_seat_pitch)]
SessionPitch = Annotated[Pitch, Depends(_session_pitch)]
ReadTable = SessionsReaderTable
WriteTable = SessionsWriterTable


def _encode_number(number: int) -> str:
    return base64.urlsafe_b64encode(json.dumps({"table": number}).encode()).decode().rstrip("=")


def _decode_number(cursor: str) -> int:
    try:
        raw = json.loads(base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4)))
        number = raw["table"]
    except (ValueError, TypeError, KeyError) as exc:
        raise InvalidCursor("Use the next_cursor value from the previous page") from exc
    if not isinstance(number, int):
        raise InvalidCursor("Use the next_cursor value from the previous page")
    return number


def current_pitches(
    db: Session,
    workshop_id: uuid.UUID,
    paging: PageParams,
    *,
    my_table_id: uuid.UUID | None = None,
) -> Page[PitchPublic]:
    """The pitches of the ideas tables carry now, by table number (yours left out)."""
    found = repo.current_pitches_by_table(
        db,
        workshop_id,
        carried_ideas(db, workshop_id),
        exclude=my_table_id,
        after_number=_decode_number(paging.cursor) if paging.cursor else None,
        limit=paging.limit + 1,
    )
    page = found[: paging.limit]
    cursor = _encode_number(page[-1][1]) if len(found) > paging.limit else None
    return Page(items=views.pitches_public(db, [pitch for pitch, _ in page]), next_cursor=cursor)
