"""Perspective statements (each member's view of the challenge) and the prompt-card deck."""

import uuid
from datetime import datetime

from sqlalchemy import UniqueConstraint
from sqlmodel import Field, SQLModel

from backend.models.base import created_field, fk, id_field, time_field


class PerspectiveStatement(SQLModel, table=True):
    """One per participant, editable. `table_id` is where it was last written: it keeps a removed
    person's statement with the table they left (their current table decides otherwise)."""

    id: uuid.UUID = id_field()
    workshop_id: uuid.UUID = fk("workshop.id")
    participant_id: uuid.UUID = Field(
        foreign_key="participant.id", nullable=False, unique=True, index=True, ondelete="CASCADE"
    )
    table_id: uuid.UUID | None = fk("workshoptable.id", nullable=True, ondelete="SET NULL")
    text: str = Field(max_length=1000)
    created_at: datetime = created_field()
    updated_at: datetime | None = time_field()


class PromptCard(SQLModel, table=True):
    """An organisation's own prompt card, added to the built-in deck (backend/perspectives/deck.py)."""

    id: uuid.UUID = id_field()
    organisation_id: uuid.UUID = fk("organisation.id")
    text_en: str | None = Field(default=None, max_length=300)
    text_cy: str | None = Field(default=None, max_length=300)
    created_by_id: uuid.UUID | None = fk("user.id", nullable=True, ondelete="SET NULL")
    created_at: datetime = created_field()
    updated_at: datetime | None = time_field()


class PromptDraw(SQLModel, table=True):
    """A card a table drew. The card's text is copied so the draw survives the card's later edit
    or deletion; `card_id` is a built-in card's fixed id or a `PromptCard` id (no foreign key).
    `number` counts the table's draws (unique, so two simultaneous draws cannot both land);
    `round` goes up each time the table has been through the whole deck."""

    __table_args__ = (UniqueConstraint("table_id", "number"),)

    id: uuid.UUID = id_field()
    workshop_id: uuid.UUID = fk("workshop.id")
    table_id: uuid.UUID = fk("workshoptable.id")
    number: int
    round: int
    card_id: uuid.UUID
    builtin: bool
    text_en: str | None = Field(default=None, max_length=300)
    text_cy: str | None = Field(default=None, max_length=300)
    drawn_by_id: uuid.UUID | None = fk("participant.id", nullable=True, ondelete="SET NULL")
    created_at: datetime = created_field()
