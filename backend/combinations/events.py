"""Payloads of the combinations slice's events. A draft's events (drafted, withdrawn before
sending) go to the proposing table only: the other table hears of a proposal once the proposing
table has agreed to send it; from then on each change of state is recorded for both tables. The
proposing table's support counts stay with it. Facilitators see every copy. Clients refetch `GET /me/combinations` for the whole picture."""

import uuid

from pydantic import BaseModel, Field

from backend.models import CombinationStatus, DecidedBy
from backend.models.combinations import SupportPurpose, WithdrawnBy


class CombinationDraftedEvent(BaseModel):
    """A member of the proposing table drafted a proposal (proposing table only)."""

    combination_id: uuid.UUID
    proposer_table_id: uuid.UUID
    receiver_table_id: uuid.UUID


class CombinationSupportChangedEvent(BaseModel):
    """A member of the proposing table supported (or stopped supporting) sending the draft or
    withdrawing the sent proposal; counts only, never who (proposing table only)."""

    combination_id: uuid.UUID
    purpose: SupportPurpose
    supporting_present: int
    needed: int


class CombinationProposedEvent(BaseModel):
    """The proposing table sent its draft: the receiving table now decides."""

    combination_id: uuid.UUID
    proposer_table_id: uuid.UUID
    receiver_table_id: uuid.UUID
    sent_by: DecidedBy = Field(
        description="`majority` of the proposing table, or `facilitator` when time was up"
    )


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


class CombinationWithdrawnEvent(BaseModel):
    """Withdrawn before the receiving table decided: by its drafter while still a draft
    (proposing table only) or by a majority of the proposing table once sent (both tables)."""

    combination_id: uuid.UUID
    withdrawn_by: WithdrawnBy
    was_sent: bool


EVENT_PAYLOADS: dict[str, type[BaseModel]] = {
    "combination.drafted": CombinationDraftedEvent,
    "combination.support_changed": CombinationSupportChangedEvent,
    "combination.proposed": CombinationProposedEvent,
    "combination.voted": CombinationVotedEvent,
    "combination.decided": CombinationDecidedEvent,
    "combination.withdrawn": CombinationWithdrawnEvent,
}
