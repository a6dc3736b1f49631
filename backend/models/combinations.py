"""Combining ideas across tables: one table proposes, the other table decides by majority."""

import uuid
from datetime import datetime
from enum import StrEnum

from sqlalchemy import UniqueConstraint
from sqlmodel import Field, SQLModel

from backend.models.base import created_field, enum_field, fk, id_field, time_field


class CombinationStatus(StrEnum):
    open = "open"
    accepted = "accepted"
    declined = "declined"


class Combination(SQLModel, table=True):
    """Table A (`proposer_table_id`) proposes combining its idea with table B's
    (`receiver_table_id`); B's present members decide. Accepted: `combined_idea_id` is the new
    idea (its `IdeaParent` rows name both parents), and both tables carry it forward."""

    id: uuid.UUID = id_field()
    workshop_id: uuid.UUID = fk("workshop.id")
    proposer_table_id: uuid.UUID = fk("workshoptable.id")
    receiver_table_id: uuid.UUID = fk("workshoptable.id")
    proposer_idea_id: uuid.UUID = fk("idea.id", index=False)
    receiver_idea_id: uuid.UUID = fk("idea.id", index=False)
    text: str = Field(max_length=500)  # the proposed combined idea
    proposed_by_id: uuid.UUID | None = fk(
        "participant.id", nullable=True, index=False, ondelete="SET NULL"
    )
    status: CombinationStatus = enum_field(CombinationStatus.open, length=16, index=True)
    decided_by: str | None = Field(default=None, max_length=16)  # DecidedBy: majority|facilitator
    decided_by_user_id: uuid.UUID | None = fk(
        "user.id", nullable=True, index=False, ondelete="SET NULL"
    )
    present_count: int = 0  # the receiving table's present members when it was decided
    combined_idea_id: uuid.UUID | None = fk(
        "idea.id", nullable=True, index=False, ondelete="SET NULL"
    )
    created_at: datetime = created_field()
    decided_at: datetime | None = time_field()


class CombinationVote(SQLModel, table=True):
    """One vote per member of the receiving table per proposal."""

    __table_args__ = (UniqueConstraint("combination_id", "participant_id"),)

    id: uuid.UUID = id_field()
    combination_id: uuid.UUID = fk("combination.id")
    participant_id: uuid.UUID = fk("participant.id")
    accept: bool
    created_at: datetime = created_field()
