"""Facilitators' endpoints for a session's participants: list, pre-register, import, edit, remove
and re-issue a way back in."""

import uuid
from dataclasses import dataclass
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Path, Query, Request, Response
from sqlmodel import Session

from backend.deps import AppSettings, DbSession, Paging
from backend.errors import PROBLEM_MEDIA_TYPE, problem_responses
from backend.kit.pagination import Page, paginate
from backend.models import Participant, ParticipantStatus
from backend.participants import repository, service
from backend.participants.csv_import import EXAMPLE, MAX_BYTES, MAX_ROWS, parse_participants
from backend.participants.errors import CsvTooLarge, CsvWrongMediaType, ParticipantNotFound
from backend.participants.schemas import (
    CsvProblem,
    ImportResult,
    IssuedCredentials,
    Line,
    ParticipantAdmin,
    ParticipantCreate,
    ParticipantUpdate,
)
from backend.participants.views import to_admin
from backend.workshops.access import FacilitatorWorkshop, ParticipantsReader, ParticipantsWriter
from backend.workshops.rules import ensure_writable

router = APIRouter(prefix="/sessions/{session_id}/participants")

ReadAccess = ParticipantsReader
WriteAccess = ParticipantsWriter

ParticipantId = Annotated[uuid.UUID, Path(description="The participant's id")]


@dataclass(frozen=True)
class SessionParticipant:
    access: FacilitatorWorkshop
    participant: Participant


def _find(
    db: DbSession, access: FacilitatorWorkshop, participant_id: uuid.UUID
) -> SessionParticipant:
    found = repository.get_in_workshop(
        db, workshop_id=access.workshop.id, participant_id=participant_id
    )
    if found is None:
        raise ParticipantNotFound()
    return SessionParticipant(access=access, participant=found)


def _readable(
    access: ReadAccess, participant_id: ParticipantId, db: DbSession
) -> SessionParticipant:
    return _find(db, access, participant_id)


def _writable(
    access: WriteAccess, participant_id: ParticipantId, db: DbSession
) -> SessionParticipant:
    return _find(db, access, participant_id)


ReadParticipant = Annotated[SessionParticipant, Depends(_readable)]
WriteParticipant = Annotated[SessionParticipant, Depends(_writable)]


def _admin(db: Session, participant: Participant) -> ParticipantAdmin:
    tables = repository.tables_by_id(
        db, workshop_id=participant.workshop_id, ids=[participant.table_id]
    )
    return to_admin(participant, tables.get(participant.table_id) if participant.table_id else None)


@router.get("", name="participants-list", responses=problem_responses(401, 403, 404))
def list_participants(
    access: ReadAccess,
    db: DbSession,
    paging: Paging,
    status: ParticipantStatus | None = None,
    table_id: uuid.UUID | None = None,
    q: Annotated[
        str | None, Query(max_length=80, description="Part of a name or email"), Line
    ] = None,
) -> Page[ParticipantAdmin]:
    """The session's participants, oldest first, with access needs, consent, table, pinned seat
    and status. Filter by `status`, `table_id` or a piece of name or email (`q`)."""
    workshop = access.workshop
    stmt = repository.list_stmt(workshop_id=workshop.id, status=status, table_id=table_id, q=q)
    rows, next_cursor = paginate(db, stmt, Participant, paging)
    tables = repository.tables_by_id(db, workshop_id=workshop.id, ids=[p.table_id for p in rows])
    items = [to_admin(p, tables.get(p.table_id) if p.table_id else None) for p in rows]
    return Page(items=items, next_cursor=next_cursor)


@router.post(
    "",
    name="participants-create",
    status_code=201,
    responses=problem_responses(401, 403, 404, 409),
)
def create_participant(
    data: ParticipantCreate,
    access: WriteAccess,
    db: DbSession,
    settings: AppSettings,
) -> IssuedCredentials:
    """Pre-register one person. The response carries their rejoin link and recovery code, shown
    only this once, for the facilitator to hand over; the person claims the record with either
    (`POST /rejoin`), so they never appear twice. 409 `participant_email_taken` for an email
    already in the session."""
    participant, secrets = service.pre_register(
        db, workshop=access.workshop, data=data, settings=settings
    )
    return IssuedCredentials(
        participant=to_admin(participant, None),
        rejoin_url=secrets.rejoin_url,
        recovery_code=secrets.recovery_code,
    )


async def _csv_body(request: Request) -> bytes:
    content_type = request.headers.get("content-type", "").split(";")[0].strip().lower()
    if content_type != "text/csv":
        raise CsvWrongMediaType(f"Got '{content_type or 'nothing'}'; send Content-Type: text/csv")
    declared = request.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > MAX_BYTES:
        raise CsvTooLarge()
    body = bytearray()
    async for chunk in request.stream():
        body += chunk
        if len(body) > MAX_BYTES:
            raise CsvTooLarge()
    return bytes(body)


_CSV_OPENAPI: dict[str, Any] = {
    "requestBody": {
        "required": True,
        "description": (
            "The CSV file itself as the request body (not multipart), UTF-8 with or without a "
            "byte-order mark, comma-separated, at most 1 MB and "
            f"{MAX_ROWS:,} people. The header row is required; columns (any order): "
            "`display_name` (required), `email`, `perspective`, `network_roles` "
            "(semicolon-separated, e.g. `connector;maven`), `access_needs`."
        ),
        "content": {"text/csv": {"schema": {"type": "string"}, "example": EXAMPLE}},
    }
}


@router.post(
    "/import",
    name="participants-import",
    status_code=201,
    openapi_extra=_CSV_OPENAPI,
    responses={
        **problem_responses(401, 403, 404, 409, 413, 415),
        422: {
            "model": CsvProblem,
            "content": {PROBLEM_MEDIA_TYPE: {}},
            "description": "`csv_invalid`: `errors` lists every bad row (row, column, message)",
        },
        200: {"model": ImportResult, "description": "Dry run: the file is valid; nothing saved"},
    },
)
def import_participants(
    access: WriteAccess,
    db: DbSession,
    settings: AppSettings,
    response: Response,
    raw: Annotated[bytes, Depends(_csv_body)],
    dry_run: Annotated[bool, Query(description="Only check the file; save nothing")] = False,
) -> ImportResult:
    """Pre-register many people from a CSV file (see the request body). All or nothing: if any
    row is bad, 422 `csv_invalid` lists every problem by row number (header = row 1) and column,
    and nobody is saved. Otherwise 201 with each person's one-time rejoin link and recovery
    code; `dry_run=true` checks the file and answers 200 without saving."""
    workshop = access.workshop
    ensure_writable(workshop)
    people = parse_participants(
        raw,
        perspectives=service.perspective_keys(db, workshop=workshop),
        emails_in_use=repository.emails_in_use(db, workshop_id=workshop.id),
    )
    if dry_run:
        response.status_code = 200
        return ImportResult(dry_run=True, count=len(people), items=[])
    built = [
        service.build_pre_registered(workshop=workshop, data=p, settings=settings) for p in people
    ]
    db.add_all([participant for participant, _ in built])
    db.flush()
    items = [
        IssuedCredentials(
            participant=to_admin(participant, None),
            rejoin_url=secrets.rejoin_url,
            recovery_code=secrets.recovery_code,
        )
        for participant, secrets in built
    ]
    return ImportResult(dry_run=False, count=len(items), items=items)


@router.get(
    "/{participant_id}", name="participants-read", responses=problem_responses(401, 403, 404)
)
def read_participant(found: ReadParticipant, db: DbSession) -> ParticipantAdmin:
    """One participant, with everything facilitators may see."""
    return _admin(db, found.participant)


@router.patch(
    "/{participant_id}",
    name="participants-update",
    responses=problem_responses(401, 403, 404, 409),
)
def update_participant(
    data: ParticipantUpdate, found: WriteParticipant, db: DbSession
) -> ParticipantAdmin:
    """Edit any profile field, including network roles and consent a person gave on paper.
    409 `participant_removed` once the person was removed."""
    participant = service.update_profile(
        db,
        participant=found.participant,
        workshop=found.access.workshop,
        data=data,
        by_facilitator=True,
    )
    return _admin(db, participant)


@router.delete(
    "/{participant_id}",
    name="participants-delete",
    status_code=204,
    responses=problem_responses(401, 403, 404, 409),
)
def remove_participant(found: WriteParticipant, db: DbSession) -> Response:
    """Remove a person at their request: their name becomes "Removed participant N", email,
    access needs, perspective and strengths are deleted, consents withdrawn, their seat freed
    and every device signed out. The row stays so that the table's work keeps no holes."""
    service.remove(db, workshop=found.access.workshop, participant=found.participant)
    return Response(status_code=204)


@router.post(
    "/{participant_id}/reissue",
    name="participants-reissue",
    responses=problem_responses(401, 403, 404, 409),
)
def reissue_credentials(
    found: WriteParticipant, db: DbSession, settings: AppSettings
) -> IssuedCredentials:
    """A new rejoin link and recovery code for someone who lost theirs (shown only this once).
    The old link and code stop working, and so does every device they were signed in on."""
    secrets = service.reissue(
        db, workshop=found.access.workshop, participant=found.participant, settings=settings
    )
    return IssuedCredentials(
        participant=_admin(db, found.participant),
        rejoin_url=secrets.rejoin_url,
        recovery_code=secrets.recovery_code,
    )
