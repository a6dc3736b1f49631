"""Who the participant is: the `cyd_participant` cookie (CSRF-checked) or a bearer token."""

import dataclasses
from dataclasses import dataclass
from datetime import timedelta
from typing import Annotated

from fastapi import Depends, Request
from sqlalchemy import bindparam
from sqlmodel import Session, col, select

from backend.auth.bearer import PARTICIPANT_TOKEN_PREFIX, bearer_token
from backend.auth.cookies import PARTICIPANT_COOKIE
from backend.auth.csrf import SAFE_METHODS, check_csrf
from backend.config import Settings, request_settings
from backend.db import get_db, run_db
from backend.errors import Unauthenticated
from backend.kit.clock import utcnow
from backend.kit.tokens import hash_token
from backend.models import (
    Participant,
    ParticipantDevice,
    ParticipantStatus,
    Workshop,
    WorkshopTable,
)


@dataclass(frozen=True)
class ParticipantIdentity:
    participant: Participant
    workshop: Workshop
    device: ParticipantDevice
    via_cookie: bool
    table: WorkshopTable | None = None
    """The table they sit at, read with the rest (most of a participant's requests need it)."""


# Built once: it runs on every participant request (its SQL and cache key are memoised).
_IDENTITY = (
    select(ParticipantDevice, Participant, Workshop, WorkshopTable)
    .join(Participant, col(Participant.id) == ParticipantDevice.participant_id)
    .join(Workshop, col(Workshop.id) == Participant.workshop_id)
    .outerjoin(
        WorkshopTable,
        (col(WorkshopTable.id) == Participant.table_id)
        & (col(WorkshopTable.workshop_id) == Participant.workshop_id),
    )
    .where(ParticipantDevice.token_hash == bindparam("token_hash"))
)


def _load(db: Session, token: str, *, touch: bool) -> ParticipantIdentity | None:
    """The identity behind `token`. `touch`: record that the device was seen — only in writing
    requests, whose transaction already holds the write lock (a reading request that wrote would
    have to upgrade its SQLite transaction, which fails at once while another writer is busy)."""
    row = db.exec(_IDENTITY, params={"token_hash": hash_token(token)}).first()
    if row is None:
        return None
    device, participant, workshop, table = row
    if device.revoked_at is not None or participant.status == ParticipantStatus.removed:
        return None
    if workshop.archived_at is not None:
        return None
    now = utcnow()
    if touch and (device.last_seen_at is None or now - device.last_seen_at > timedelta(minutes=5)):
        device.last_seen_at = now
        db.add(device)
    return ParticipantIdentity(participant, workshop, device, via_cookie=False, table=table)


async def optional_participant(
    request: Request,
    db: Annotated[Session, Depends(get_db, scope="function")],
    settings: Annotated[Settings, Depends(request_settings)],
) -> ParticipantIdentity | None:
    # One indexed query on every participant request: see `backend.db.run_db` for where it runs.
    return await run_db(db, _identify, request, db, settings)


def _identify(request: Request, db: Session, settings: Settings) -> ParticipantIdentity | None:
    token = bearer_token(request)
    if token is not None:
        if not token.startswith(PARTICIPANT_TOKEN_PREFIX + "_"):
            return None
        found = _load(db, token, touch=request.method not in SAFE_METHODS)
        if found is None:
            raise Unauthenticated("The participant token is unknown or revoked")
        return found
    cookie = request.cookies.get(PARTICIPANT_COOKIE)
    found = _load(db, cookie, touch=request.method not in SAFE_METHODS) if cookie else None
    if found is None:
        return None
    check_csrf(request, settings, expected_token=found.device.csrf_token)
    return dataclasses.replace(found, via_cookie=True)


async def current_participant(
    identity: Annotated[ParticipantIdentity | None, Depends(optional_participant)],
) -> ParticipantIdentity:
    if identity is None:
        raise Unauthenticated("Join the session with its code, or use your rejoin link")
    return identity
