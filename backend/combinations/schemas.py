"""Request and response bodies of cross-table combinations."""

import uuid
from datetime import datetime
from typing import Annotated

from pydantic import BaseModel, Field, StringConstraints

from backend.models import CombinationStatus, DecidedBy

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


class CombinationPublic(BaseModel):
    id: uuid.UUID
    proposer: CombinationSide
    receiver: CombinationSide
    text: str
    status: CombinationStatus
    decided_by: DecidedBy | None
    decided_at: datetime | None
    combined_idea_id: uuid.UUID | None = Field(description="Accepted: the new idea")
    count: CombinationCount
    created_at: datetime
    my_vote: bool | None = Field(None, description="Your vote (accept: true), members only")
    can_vote: bool = Field(False, description="You are at the receiving table and it is open")


class CombinationCandidate(BaseModel):
    """Another table you could propose combining with, and the idea it carries."""

    table: CombinationSide


class CombinationCandidates(BaseModel):
    my_idea: CombinationSide | None
    items: list[CombinationCandidate]
