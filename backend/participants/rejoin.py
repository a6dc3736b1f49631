"""Finding who is getting back in, under a limit on failed guesses (per client and per code)."""

from sqlmodel import Session

from backend.config import Settings
from backend.kit.ratelimit import Limit, RateLimiter
from backend.models import Participant, ParticipantStatus
from backend.participants import service
from backend.participants.errors import RejoinInvalid, RejoinRateLimited
from backend.participants.schemas import RejoinRequest
from backend.workshops.join_codes import client_limits, normalise_code


def _limits(settings: Settings, *, client_key: str, join_code: str | None) -> list[Limit]:
    window = settings.join_attempt_window_seconds
    limits = client_limits(
        client_key, scope="rejoin", max_hits=settings.join_attempts_per_client, window=window
    )
    if join_code is not None:
        code = normalise_code(join_code)[:32]
        limits.append(Limit(f"rejoin:code:{code}", settings.join_attempts_per_code, window))
    return limits


def find_rejoining(
    db: Session,
    *,
    data: RejoinRequest,
    settings: Settings,
    limiter: RateLimiter,
    client_key: str,
) -> Participant:
    """The participant the link or code belongs to; `RejoinInvalid` (a failed guess) otherwise.
    Call before anything is written in this request: a failure rolls the session back."""
    limits = _limits(settings, client_key=client_key, join_code=data.join_code)
    if limiter.exceeded(*limits):
        wait = settings.join_attempt_window_seconds
        raise RejoinRateLimited(f"Try again in {wait} seconds", headers={"Retry-After": str(wait)})
    participant: Participant | None
    if data.rejoin_token is not None:
        participant = service.find_by_rejoin_token(db, token=data.rejoin_token)
    else:
        assert data.join_code is not None and data.recovery_code is not None
        participant = service.find_by_recovery_code(
            db, join_code=data.join_code, recovery_code=data.recovery_code, settings=settings
        )
    if participant is None or participant.status == ParticipantStatus.removed:
        # End the read transaction first: on SQLite it holds the write lock the counter needs.
        db.rollback()
        limiter.record(*limits)
        raise RejoinInvalid("Check the link or code; a facilitator can re-issue them if lost")
    return participant
