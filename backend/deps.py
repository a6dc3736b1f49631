"""Annotated dependency aliases used by every router."""

from typing import Annotated

from fastapi import Depends, Request, Security
from sqlmodel import Session

from backend.auth.facilitator import Facilitator, current_facilitator
from backend.auth.participant import ParticipantIdentity, current_participant
from backend.config import Settings, request_settings
from backend.db import get_db
from backend.kit.pagination import PageParams, page_params
from backend.kit.ratelimit import RateLimiter


async def rate_limiter(request: Request) -> RateLimiter:
    limiter: RateLimiter = request.app.state.rate_limiter
    return limiter


# Function-scoped: the commit happens before the response is sent.
DbSession = Annotated[Session, Depends(get_db, scope="function")]
AppSettings = Annotated[Settings, Depends(request_settings)]
Paging = Annotated[PageParams, Depends(page_params)]
CurrentParticipant = Annotated[ParticipantIdentity, Depends(current_participant)]
Limiter = Annotated[RateLimiter, Depends(rate_limiter)]
AnyFacilitator = Annotated[Facilitator, Security(current_facilitator)]


SessionsFacilitatorReader = Annotated[
    Facilitator, Security(current_facilitator, scopes=["sessions:read"])
]
SessionsFacilitatorWriter = Annotated[
    Facilitator, Security(current_facilitator, scopes=["sessions:write"])
]
