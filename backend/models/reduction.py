"""Reducing a table's ideas to one: dot votes, a shortlist of 3 (with run-off), scores, the choice.

Nothing cast is ever deleted by a stage change: stepping the phase back or a facilitator reopening a
stage keeps votes, run-off votes, scores and choices; closures and choices are marked `reopened_at`.
"""

import uuid
from datetime import datetime
from enum import StrEnum
from typing import Any

from sqlalchemy import UniqueConstraint
from sqlmodel import Field, SQLModel

from backend.models.base import created_field, enum_field, fk, id_field, json_field, time_field


class TieBreak(StrEnum):
    runoff = "runoff"  # ideas tied at the cut-off go to a quick run-off among themselves
    earliest = "earliest"  # the earlier-created idea wins


class ReductionStage(StrEnum):
    voting = "voting"
    runoff = "runoff"
    scoring = "scoring"
    choosing = "choosing"
    chosen = "chosen"


class DecidedBy(StrEnum):
    majority = "majority"  # a majority of the table's present members agreed
    facilitator = "facilitator"  # a facilitator closed the round when time was up


class ReductionSettings(SQLModel, table=True):
    """A session's voting rules; without a row the defaults apply."""

    workshop_id: uuid.UUID = Field(foreign_key="workshop.id", primary_key=True, ondelete="CASCADE")
    dot_budget: int = 5
    dot_cap: int = 3
    tie_break: TieBreak = enum_field(TieBreak.runoff, length=16)
    updated_at: datetime = created_field()
    updated_by_id: uuid.UUID | None = fk("user.id", nullable=True, index=False, ondelete="SET NULL")


class TableReduction(SQLModel, table=True):
    """One table's progress; its row is locked by every reduction write of the table."""

    __table_args__ = (UniqueConstraint("table_id"),)

    id: uuid.UUID = id_field()
    workshop_id: uuid.UUID = fk("workshop.id")
    table_id: uuid.UUID = fk("workshoptable.id", index=False)
    stage: ReductionStage = enum_field(ReductionStage.voting, length=16)
    # [{"idea_id", "place", "decided_by": votes|runoff|earliest}], in place order.
    shortlist: list[dict[str, Any]] = json_field(list)
    runoff_number: int = 0  # bumped when a run-off starts; run-off votes carry it
    runoff_idea_ids: list[str] = json_field(list)  # the ideas tied at the cut-off
    runoff_places: int = 0  # how many shortlist places the run-off fills
    proposal_idea_id: uuid.UUID | None = fk(
        "idea.id", nullable=True, index=False, ondelete="SET NULL"
    )
    proposed_by_id: uuid.UUID | None = fk(
        "participant.id", nullable=True, index=False, ondelete="SET NULL"
    )  # null: the default proposal (the best scores)
    created_at: datetime = created_field()
    updated_at: datetime | None = time_field()


class DotVote(SQLModel, table=True):
    """A member's dots on one idea; one row per (participant, idea), updated in place."""

    __table_args__ = (UniqueConstraint("participant_id", "idea_id"),)

    id: uuid.UUID = id_field()
    workshop_id: uuid.UUID = fk("workshop.id")
    table_id: uuid.UUID = fk("workshoptable.id")
    idea_id: uuid.UUID = fk("idea.id")
    participant_id: uuid.UUID = fk("participant.id", index=False)
    dots: int
    created_at: datetime = created_field()
    updated_at: datetime | None = time_field()


class RunoffVote(SQLModel, table=True):
    """One vote per member per run-off (`runoff_number` of the table)."""

    __table_args__ = (UniqueConstraint("table_id", "runoff_number", "participant_id"),)

    id: uuid.UUID = id_field()
    table_id: uuid.UUID = fk("workshoptable.id", index=False)
    runoff_number: int
    idea_id: uuid.UUID = fk("idea.id")
    participant_id: uuid.UUID = fk("participant.id")
    created_at: datetime = created_field()


class IdeaScore(SQLModel, table=True):
    """A member's 1-5 scores of a shortlisted idea; replaced until scoring closes."""

    __table_args__ = (UniqueConstraint("participant_id", "idea_id"),)

    id: uuid.UUID = id_field()
    table_id: uuid.UUID = fk("workshoptable.id")
    idea_id: uuid.UUID = fk("idea.id")
    participant_id: uuid.UUID = fk("participant.id", index=False)
    desirability: int
    feasibility: int
    viability: int
    created_at: datetime = created_field()
    updated_at: datetime | None = time_field()


class RoundAgreement(SQLModel, table=True):
    """A member agrees to close the table's current round (for `choosing`: to choose `idea_id`)."""

    __table_args__ = (UniqueConstraint("table_id", "stage", "participant_id"),)

    id: uuid.UUID = id_field()
    table_id: uuid.UUID = fk("workshoptable.id", index=False)
    stage: ReductionStage = enum_field(length=16)
    participant_id: uuid.UUID = fk("participant.id")
    idea_id: uuid.UUID | None = fk("idea.id", nullable=True, index=False, ondelete="CASCADE")
    created_at: datetime = created_field()


class RoundClosure(SQLModel, table=True):
    """The record of a round closing: by a majority (who agreed) or by a facilitator (who)."""

    id: uuid.UUID = id_field()
    table_id: uuid.UUID = fk("workshoptable.id")
    stage: ReductionStage = enum_field(length=16)
    decided_by: DecidedBy = enum_field(length=16)
    closed_by_user_id: uuid.UUID | None = fk(
        "user.id", nullable=True, index=False, ondelete="SET NULL"
    )
    agreed_ids: list[str] = json_field(list)  # members whose agreement passed it
    present_count: int = 0
    created_at: datetime = created_field()
    reopened_at: datetime | None = time_field()


class TableChoice(SQLModel, table=True):
    """The idea a table chose. A reopened choice keeps its row with `reopened_at` set."""

    id: uuid.UUID = id_field()
    workshop_id: uuid.UUID = fk("workshop.id")
    table_id: uuid.UUID = fk("workshoptable.id")
    idea_id: uuid.UUID = fk("idea.id")
    decided_by: DecidedBy = enum_field(length=16)
    decided_by_user_id: uuid.UUID | None = fk(
        "user.id", nullable=True, index=False, ondelete="SET NULL"
    )
    created_at: datetime = created_field()
    reopened_at: datetime | None = time_field()
