"""Route plumbing: the calling member's seat, and a facilitator's table."""

from typing import Annotated

from fastapi import Depends, Request

from backend.auth.bearer import PAT_PREFIX, bearer_token
from backend.auth.cookies import FACILITATOR_COOKIE
from backend.auth.participant import ParticipantIdentity, optional_participant
from backend.errors import Unauthenticated
from backend.ideas.errors import NotSeated
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


async def _seat(
    request: Request,
    identity: Annotated[ParticipantIdentity | None, Depends(optional_participant)],
) -> Seat:
    # No I/O: the table was read with the identity (an async dependency keeps dots and scores
    # free of worker-thread trips, see `backend.db.run_db`).
    if identity is None:
        token = bearer_token(request) or ""
        if token.startswith(PAT_PREFIX + "_") or request.cookies.get(FACILITATOR_COOKIE):
            raise FacilitatorsDoNotVote("Only a table's members vote, score and choose")
        raise Unauthenticated("Join the session with its code, or use your rejoin link")
    if identity.table is None:
        raise NotSeated("A facilitator seats you at a table first")
    return Seat(me=identity.participant, workshop=identity.workshop, table=identity.table)


MemberSeat = Annotated[Seat, Depends(_seat)]
ReadTable = SessionsReaderTable
WriteTable = SessionsWriterTable
