"""Payloads of the combinations slice's events: each is recorded for both tables concerned
(facilitators see both copies). Clients refetch `GET /me/combinations` for the whole picture."""

import uuid

from pydantic import BaseModel

from backend.models import CombinationStatus, DecidedBy


class CombinationProposedEvent(BaseModel):
    combination_id: uuid.UUID
    proposer_table_id: uuid.UUID
    receiver_table_id: uuid.UUID


class CombinationVotedEvent(BaseModel):
    """A member of the receiving table voted; counts only, never who voted which way."""

    combination_id: uuid.UUID
    accept_present: int
    decline_present: int
    needed: int


class CombinationDecidedEvent(BaseModel):
    combination_id: uuid.UUID
    status: CombinationStatus
    decided_by: DecidedBy
    combined_idea_id: uuid.UUID | None


EVENT_PAYLOADS: dict[str, type[BaseModel]] = {
    "combination.proposed": CombinationProposedEvent,
    "combination.voted": CombinationVotedEvent,
    "combination.decided": CombinationDecidedEvent,
}
