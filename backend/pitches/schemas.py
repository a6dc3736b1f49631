"""Request and response bodies of pitches, responses and presenter mode."""

import uuid
from datetime import datetime
from typing import Annotated, Literal

from pydantic import BaseModel, Field, StringConstraints, field_validator

from backend.models import BarrierTag, Capital, ResponseKind

ShortText = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=200)]
LongText = Annotated[str, StringConstraints(strip_whitespace=True, max_length=2000)]
Body = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=2000)]


class PitchAsk(BaseModel):
    """An ask for help: a kind of capital the idea needs, and what exactly."""

    capital: Capital
    note: Annotated[str, StringConstraints(strip_whitespace=True, max_length=500)] = ""


class PitchContent(BaseModel):
    what: Body = Field(description="What the idea is")
    why: LongText = Field("", description="Why it matters")
    barrier_tags: list[BarrierTag] = Field(
        default_factory=list, max_length=7, description="Barriers from METHOD.md's vocabulary"
    )
    barriers_other: list[ShortText] = Field(
        default_factory=list, max_length=10, description="Barriers in your own words"
    )
    asks: list[PitchAsk] = Field(
        default_factory=list, max_length=5, description="Asks for help, one per kind of capital"
    )

    @field_validator("barrier_tags")
    @classmethod
    def _unique_tags(cls, tags: list[BarrierTag]) -> list[BarrierTag]:
        if len(set(tags)) != len(tags):
            raise ValueError("each barrier tag at most once")
        return tags

    @field_validator("asks")
    @classmethod
    def _unique_capitals(cls, asks: list[PitchAsk]) -> list[PitchAsk]:
        if len({a.capital for a in asks}) != len(asks):
            raise ValueError("one ask per kind of capital")
        return asks


class PitchSave(PitchContent):
    version: int = Field(
        ge=0,
        description="The pitch's version as you loaded it; 0 to write the first pitch of the "
        "idea. Someone else saved in between: 409 `pitch_changed`.",
    )


class PitchTableRef(BaseModel):
    id: uuid.UUID
    number: int
    name: str | None


class PitchIdeaRef(BaseModel):
    id: uuid.UUID
    text: str


class PitchPublic(BaseModel):
    id: uuid.UUID
    table: PitchTableRef
    idea: PitchIdeaRef
    what: str
    why: str
    barrier_tags: list[BarrierTag]
    barriers_other: list[str]
    asks: list[PitchAsk]
    version: int
    updated_by_facilitator: bool
    created_at: datetime
    updated_at: datetime | None
    is_mine: bool = Field(False, description="Your own table's pitch (participants only)")


class MyPitch(BaseModel):
    """Your table's idea and its pitch (null until someone writes it)."""

    idea: PitchIdeaRef | None
    pitch: PitchPublic | None
    writable: bool = Field(description="The session is in the storyboard or pitch phase")


class PitchResponseCreate(BaseModel):
    kind: ResponseKind
    body: Body
    capitals: list[Capital] = Field(
        default_factory=list,
        max_length=5,
        description="Offers: the kinds of capital offered, from your table's pooled strengths",
    )

    @field_validator("capitals")
    @classmethod
    def _unique(cls, capitals: list[Capital]) -> list[Capital]:
        if len(set(capitals)) != len(capitals):
            raise ValueError("each kind of capital at most once")
        return capitals


class FacilitatorPitchResponseCreate(PitchResponseCreate):
    table_id: uuid.UUID = Field(description="The table the facilitator responds for")


class PitchReply(BaseModel):
    reply: Body


class PitchResponsePublic(BaseModel):
    id: uuid.UUID
    pitch_id: uuid.UUID
    table: PitchTableRef = Field(description="The responding table")
    kind: ResponseKind
    body: str
    capitals: list[Capital]
    by_facilitator: bool = Field(description="A facilitator wrote it on the table's behalf")
    reply: str | None
    replied_at: datetime | None
    created_at: datetime


class PresenterAction(BaseModel):
    action: Literal["start", "next", "previous", "show", "stop"]
    table_ids: list[uuid.UUID] | None = Field(
        None,
        max_length=500,
        description="`start`: the running order (default: every table by number)",
    )
    table_id: uuid.UUID | None = Field(None, description="`show`: the table to put on screen")


class PresenterPublic(BaseModel):
    running: bool
    table: PitchTableRef | None = Field(description="The table on screen")
    position: int | None = Field(description="1-based place of that table in the order")
    total: int
    order: list[PitchTableRef]
    updated_at: datetime | None
