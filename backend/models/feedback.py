"""Participants' feedback on the session itself: did they feel heard, equal, and trust it?"""

import uuid
from datetime import datetime

from sqlalchemy import CheckConstraint
from sqlmodel import Field, SQLModel

from backend.models.base import created_field, fk, id_field, time_field

FEEDBACK_QUESTIONS = ("felt_heard", "felt_equal", "trusted_process")


class SessionFeedback(SQLModel, table=True):
    """One response per participant, which they may change; scores run 1 to 5."""

    __table_args__ = tuple(
        CheckConstraint(f"{question} BETWEEN 1 AND 5", name=f"{question}_1_to_5")
        for question in FEEDBACK_QUESTIONS
    )

    id: uuid.UUID = id_field()
    workshop_id: uuid.UUID = fk("workshop.id")
    participant_id: uuid.UUID = Field(
        foreign_key="participant.id", nullable=False, unique=True, index=True, ondelete="CASCADE"
    )
    felt_heard: int
    felt_equal: int
    trusted_process: int
    comment: str | None = Field(default=None, max_length=2000)
    created_at: datetime = created_field()
    updated_at: datetime | None = time_field()
