"""Route plumbing: the calling member's seat, and a facilitator's table."""

from typing import Annotated

from fastapi import Depends, Request

from backend.auth.bearer import PAT_PREFIX, bearer_token
from backend.auth.cookies import FACILITATOR_COOKIE
from backend.auth.participant import ParticipantIdentity, optional_participant
from backend.deps import DbSession
from backend.errors import Unauthenticated
from backend.ideas.errors import NotSeated
from backend.models import WorkshopTable
from backend.reduction.errors import FacilitatorsDoNotVote
from backend.reduction.service import Seat
from backend.workshops.access import (
    SessionsReader,
    SessionsReaderTable,
    SessionsWriter,
    SessionsWriterTable,
)

ReadAccess = SessionsReader
WriteAccess = SessionsWriter


def _seat(
    request: Request,
    db: DbSession,
    identity: Annotated[ParticipantIdentity | None, Depends(optional_participant)],
) -> Seat:
    if identity is None:
        token = bearer_token(request) or ""
        if token.startswith(PAT_PREFIX + "_") or request.cookies.get(FACILITATOR_COOKIE):
            raise FacilitatorsDoNotVote("Only a table's members vote, score and choose")
        raise Unauthenticated("Join the session with its code, or use your rejoin link")
    me = identity.participant
    table = db.get(WorkshopTable, me.table_id) if me.table_id else None
    if table is None or table.workshop_id != me.workshop_id:
        raise NotSeated("A facilitator seats you at a table first")
    return Seat(me=me, workshop=identity.workshop, table=table)


MemberSeat = Annotated[Seat, Depends(_seat)]
ReadTable = SessionsReaderTable
WriteTable = SessionsWriterTable
