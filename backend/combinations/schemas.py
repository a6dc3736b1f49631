"""Request and response bodies of cross-table combinations."""

import uuid
from datetime import datetime
from typing import Annotated

from pydantic import BaseModel, Field, StringConstraints

from backend.models import CombinationStatus, DecidedBy
from backend.models.combinations import SupportPurpose, WithdrawnBy

IdeaText = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=500)]


class CombinationCreate(BaseModel):
    table_id: uuid.UUID = Field(description="The other table, whose idea yours would combine with")
    text: IdeaText = Field(description="The combined idea, in a few words")


class CombinationVoteCreate(BaseModel):
    accept: bool


class CombinationSide(BaseModel):
    table_id: uuid.UUID
    number: int
    name: str | None
    idea_id: uuid.UUID
    idea_text: str


class CombinationCount(BaseModel):
    """The receiving table's decision so far, against "more than half of those present"."""

    accept_present: int
    decline_present: int
    present: int
    needed: int


class SupportCount(BaseModel):
    """The proposing table's round now open: sending its draft, or withdrawing what it sent,
    against "more than half of those present"."""

    purpose: SupportPurpose
    supporting_present: int
    present: int
    needed: int


class CombinationPublic(BaseModel):
    id: uuid.UUID
    proposer: CombinationSide
    receiver: CombinationSide
    text: str
    status: CombinationStatus = Field(
        description="`draft` (the proposing table is deciding whether to send it), `open` (sent: "
        "the receiving table is deciding), `accepted`, `declined` or `withdrawn`"
    )
    sent_by: DecidedBy | None = Field(description="How the proposing table's round closed")
    sent_at: datetime | None
    decided_by: DecidedBy | None = Field(description="How the receiving table's round closed")
    decided_at: datetime | None
    withdrawn_by: WithdrawnBy | None
    withdrawn_at: datetime | None
    combined_idea_id: uuid.UUID | None = Field(description="Accepted: the new idea")
    count: CombinationCount = Field(description="The receiving table's votes")
    support: SupportCount | None = Field(
        None,
        description="The proposing table's open round (draft: sending; open: withdrawing), for "
        "its members and facilitators",
    )
    created_at: datetime
    drafted_by_me: bool = Field(False, description="You drafted it")
    my_vote: bool | None = Field(None, description="Your vote (accept: true), members only")
    my_support: bool = Field(False, description="You support the proposing table's open round")
    can_vote: bool = Field(False, description="You are at the receiving table and it is open")
    can_support: bool = Field(False, description="You may support sending this draft")
    can_withdraw: bool = Field(
        False,
        description="You may withdraw it (the drafter, a draft) or support withdrawing it (a "
        "member of the proposing table, once sent and undecided)",
    )


class CombinationCandidate(BaseModel):
    """Another table you could propose combining with, and the idea it carries."""

    table: CombinationSide


class CombinationCandidates(BaseModel):
    my_idea: CombinationSide | None
    items: list[CombinationCandidate]
