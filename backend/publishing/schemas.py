import uuid
from datetime import datetime

from pydantic import BaseModel, Field

from backend.kit.i18n import LocalizedText
from backend.models import BarrierTag, Capital, PublicationAction


class PublicationChangePublic(BaseModel):
    action: PublicationAction
    user_id: uuid.UUID | None
    created_at: datetime


class PublicationPublic(BaseModel):
    """Whether the session's results are public (on its public page and to partners)."""

    session_id: uuid.UUID
    published: bool
    published_at: datetime | None = Field(description="Since when; null while not published")
    first_published_at: datetime | None
    public_path: str | None = Field(description="The public page in the web client, once published")
    history: list[PublicationChangePublic] = Field(description="Newest first")


class PublicChosenIdea(BaseModel):
    text: str | None = Field(
        description="Null when its author did not agree to their contributions being published, "
        "or a facilitator hid it"
    )
    withheld: bool


TABLE_WORDS = (
    "True when the words are left out: a table writes its storyboard and pitch together, so they "
    "are shown only if the idea's author, everyone at the table and everyone recorded as writing "
    "them agreed to their contributions being published"
)


class PublicPicture(BaseModel):
    url: str = Field(description="Served only while the session is published")
    alt: str = Field(description="What the picture shows, in the table's words")
    width: int
    height: int


class PublicFrame(BaseModel):
    position: int = Field(description="1 for the entry point, counting up to completion")
    title: str
    what_happens: str
    who: str
    where: str
    picture: PublicPicture | None


class PublicStoryboard(BaseModel):
    """The chosen idea walked through from entry point to completion."""

    frame_count: int
    words_withheld: bool = Field(description=TABLE_WORDS)
    frames: list[PublicFrame] = Field(description="Empty when the words are withheld")


class PublicAsk(BaseModel):
    capital: Capital
    note: str | None = Field(description="What exactly; null when empty or withheld")


class PublicPitch(BaseModel):
    """The table's current pitch: the idea, why it matters, its barriers and its asks for help."""

    what: str | None = Field(description="Null when withheld")
    why: str | None = Field(description="Null when empty or withheld")
    words_withheld: bool = Field(description=TABLE_WORDS)
    barrier_tags: list[BarrierTag]
    barriers_other: list[str] = Field(description="Barriers in the table's own words")
    other_barrier_count: int = Field(description="Also counted when their words are withheld")
    asks: list[PublicAsk]


class PublicTableRef(BaseModel):
    number: int
    name: str | None


class PublicOffer(BaseModel):
    """Another table's offer of help from its pooled strengths: which table, which kinds of
    capital. Its words stay in the session (free text about people and places, written to
    another table, not for the public)."""

    from_table: PublicTableRef
    capitals: list[Capital] = Field(description="The kinds of capital offered")


class PublicTable(BaseModel):
    number: int
    name: str | None
    idea_count: int
    chosen_idea: PublicChosenIdea | None = Field(description="Null until the table has chosen")
    storyboard: PublicStoryboard | None = Field(description="Null until it has a frame")
    pitch: PublicPitch | None = Field(description="Null until the table has pitched")
    offers: list[PublicOffer] = Field(description="Offers of help its pitch received")


class PublicSession(BaseModel):
    """What a published session shows to anyone: no names, nothing personal."""

    id: uuid.UUID
    title: LocalizedText
    challenge: LocalizedText
    starts_at: datetime
    ends_at: datetime | None
    published_at: datetime
    participant_count: int | None = Field(
        description="Null when fewer than five people took part (small groups stay unidentifiable)"
    )
    tables: list[PublicTable]
