"""Combining ideas across tables: a member of table A drafts a proposal, A's present members agree
to send it (by majority), then table B decides by majority. A can withdraw what B has not decided."""

import uuid
from datetime import datetime
from enum import StrEnum

from sqlalchemy import Index, UniqueConstraint, text
from sqlmodel import Field, SQLModel

from backend.models.base import created_field, enum_field, fk, id_field, time_field


class CombinationStatus(StrEnum):
    draft = "draft"  # table A is deciding whether to send it
    open = "open"  # sent: table B is deciding
    accepted = "accepted"
    declined = "declined"
    withdrawn = "withdrawn"  # by the drafter (a draft) or by a majority of table A (once sent)


LIVE_STATUSES = (CombinationStatus.draft, CombinationStatus.open)
_LIVE = text("status IN ('draft', 'open')")


class WithdrawnBy(StrEnum):
    drafter = "drafter"  # the member who drafted it withdrew the draft before it was sent
    majority = "majority"  # a majority of table A's present members withdrew the sent proposal


class SupportPurpose(StrEnum):
    send = "send"  # send the draft to the other table
    withdraw = "withdraw"  # withdraw the sent proposal before the other table decides


def pair_key(proposer: tuple[uuid.UUID, uuid.UUID], receiver: tuple[uuid.UUID, uuid.UUID]) -> str:
    """(table id, idea id) of both sides, the same whichever table proposes: at most one live
    proposal between two tables' ideas (once a table carries a new idea, a new pair)."""
    low, high = sorted(f"{table}/{idea}" for table, idea in (proposer, receiver))
    return f"{low}:{high}"


class Combination(SQLModel, table=True):
    """Table A (`proposer_table_id`) proposes combining its idea with table B's
    (`receiver_table_id`). A draft is sent once a majority of A's present members support it (or a
    facilitator closes A's round); then B's present members decide. Accepted: `combined_idea_id`
    is the new idea (its `IdeaParent` rows name both parents), and both tables carry it forward.

    The partial unique index on `pair_key` lets the database refuse a second live (draft or
    open) proposal between the same two tables' ideas, whichever way round, even when two arrive
    at once.
    """

    __table_args__ = (
        Index(
            "uq_combination_live_pair",
            "pair_key",
            unique=True,
            sqlite_where=_LIVE,
            postgresql_where=_LIVE,
        ),
    )

    id: uuid.UUID = id_field()
    workshop_id: uuid.UUID = fk("workshop.id")
    proposer_table_id: uuid.UUID = fk("workshoptable.id")
    receiver_table_id: uuid.UUID = fk("workshoptable.id")
    pair_key: str = Field(max_length=160)  # pair_key((A, A's idea), (B, B's idea))
    proposer_idea_id: uuid.UUID = fk("idea.id", index=False)
    receiver_idea_id: uuid.UUID = fk("idea.id", index=False)
    text: str = Field(max_length=500)  # the proposed combined idea
    proposed_by_id: uuid.UUID | None = fk(
        "participant.id", nullable=True, index=False, ondelete="SET NULL"
    )  # the drafter
    status: CombinationStatus = enum_field(CombinationStatus.draft, length=16, index=True)
    # Table A's round: sent by a majority of its present members, or by a facilitator.
    sent_by: str | None = Field(default=None, max_length=16)  # DecidedBy
    sent_by_user_id: uuid.UUID | None = fk(
        "user.id", nullable=True, index=False, ondelete="SET NULL"
    )
    sender_present_count: int = 0  # table A's present members when it was sent
    sent_at: datetime | None = time_field()
    # Table B's round.
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
    withdrawn_by: str | None = Field(default=None, max_length=16)  # WithdrawnBy
    withdrawn_present_count: int = 0  # table A's present members when a majority withdrew it
    withdrawn_at: datetime | None = time_field()


class CombinationVote(SQLModel, table=True):
    """One vote per member of the receiving table per proposal."""

    __table_args__ = (UniqueConstraint("combination_id", "participant_id"),)

    id: uuid.UUID = id_field()
    combination_id: uuid.UUID = fk("combination.id")
    participant_id: uuid.UUID = fk("participant.id")
    accept: bool
    created_at: datetime = created_field()


class CombinationSupport(SQLModel, table=True):
    """A member of the proposing table supports sending the draft, or withdrawing the sent
    proposal. Removed when they withdraw their support while that round is still open; kept once
    the round is over, as the record of who agreed."""

    __table_args__ = (UniqueConstraint("combination_id", "participant_id", "purpose"),)

    id: uuid.UUID = id_field()
    combination_id: uuid.UUID = fk("combination.id")
    participant_id: uuid.UUID = fk("participant.id")
    purpose: SupportPurpose = enum_field(length=16)
    created_at: datetime = created_field()
