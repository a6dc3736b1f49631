"""Request and response bodies of perspective statements and prompt cards."""

import uuid
from datetime import datetime
from typing import Annotated

from pydantic import BaseModel, Field, StringConstraints, model_validator

from backend.accounts.schemas import Body
from backend.kit.i18n import LocalizedText

StatementText = Annotated[
    str, StringConstraints(strip_whitespace=True, min_length=1, max_length=1000)
]
CardLine = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=300)]


class StatementWrite(Body):
    text: StatementText = Field(description="How you see the challenge, from your perspective")


class PerspectiveStatementPublic(BaseModel):
    id: uuid.UUID
    author_id: uuid.UUID = Field(description="The participant who wrote it")
    author_name: str = Field(description="Their display name (a pseudonym once removed)")
    perspective: str | None = Field(
        description="The author's perspective key; to tablemates only when the author agreed to "
        "share it"
    )
    table_id: uuid.UUID | None = Field(description="The table the statement belongs to")
    text: str
    created_at: datetime
    updated_at: datetime | None


class PerspectiveStatementList(BaseModel):
    items: list[PerspectiveStatementPublic]


class CardText(Body):
    """At least one of `en` / `cy`."""

    en: CardLine | None = None
    cy: CardLine | None = None

    @model_validator(mode="after")
    def _one_language_at_least(self) -> "CardText":
        if self.en is None and self.cy is None:
            raise ValueError("Give the card's text in English, Welsh or both")
        return self


class CardTextChange(Body):
    """Only the languages present change; `null` removes that language (one must remain)."""

    en: CardLine | None = None
    cy: CardLine | None = None


class PromptCardCreate(Body):
    text: CardText


class PromptCardUpdate(Body):
    text: CardTextChange | None = None


class PromptCardPublic(BaseModel):
    id: uuid.UUID
    text: LocalizedText = Field(description="Show the reader's language, else the other one")
    builtin: bool = Field(description="Part of Cyd's own deck (not editable)")


class PromptDeck(BaseModel):
    items: list[PromptCardPublic]


class DrawnPromptCard(PromptCardPublic):
    draw_id: uuid.UUID
    number: int = Field(description="1 for the table's first draw, then 2, 3 ...")
    round: int = Field(description="Goes up each time the table has drawn the whole deck")
    drawn_by_id: uuid.UUID | None = Field(description="The participant who drew it")
    drawn_at: datetime
