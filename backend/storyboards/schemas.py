"""What the storyboards API reads and answers."""

import uuid
from datetime import datetime
from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field, StringConstraints, model_validator

Title = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=120)]
LongText = Annotated[str, StringConstraints(strip_whitespace=True, max_length=2000)]
ShortText = Annotated[str, StringConstraints(strip_whitespace=True, max_length=300)]
AltText = Annotated[str, StringConstraints(strip_whitespace=True, max_length=300)]


class FrameCreate(BaseModel):
    """A new frame, added at the end. `image_alt` is required with `image_id`."""

    model_config = ConfigDict(extra="forbid")

    title: Title
    what_happens: LongText = ""
    who: ShortText = ""
    where: ShortText = ""
    image_id: uuid.UUID | None = None
    image_alt: AltText | None = None


class FrameUpdate(BaseModel):
    """Only the fields sent change; `image_id: null` takes the picture off the frame."""

    model_config = ConfigDict(extra="forbid")

    title: Title | None = None
    what_happens: LongText | None = None
    who: ShortText | None = None
    where: ShortText | None = None
    image_id: uuid.UUID | None = None
    image_alt: AltText | None = None

    @model_validator(mode="after")
    def _texts_not_null(self) -> "FrameUpdate":
        for name in ("title", "what_happens", "who", "where"):
            if name in self.model_fields_set and getattr(self, name) is None:
                raise ValueError(f"{name} cannot be null; send an empty string to clear it")
        return self


class FrameOrder(BaseModel):
    """Every frame id of the storyboard, once each, in the new order."""

    model_config = ConfigDict(extra="forbid")

    frame_ids: list[uuid.UUID] = Field(max_length=100)


class FrameImage(BaseModel):
    id: uuid.UUID
    url: str
    content_type: str
    width: int
    height: int
    alt: str


class FramePublic(BaseModel):
    id: uuid.UUID
    position: int = Field(description="1 for the entry point, then in order")
    title: str
    what_happens: str
    who: str
    where: str
    image: FrameImage | None
    version: int = Field(description='The frame\'s ETag is `"<version>"`, for If-Match')
    created_by_participant_id: uuid.UUID | None
    entered_by_facilitator: bool = Field(description="A facilitator added it for the table")
    updated_by_participant_id: uuid.UUID | None
    edited_by_facilitator: bool = Field(description="A facilitator made the last edit")
    created_at: datetime
    updated_at: datetime | None


class ChosenIdea(BaseModel):
    id: uuid.UUID
    text: str


class StoryboardPublic(BaseModel):
    table_id: uuid.UUID
    table_number: int
    table_name: str | None
    idea: ChosenIdea | None = Field(description="The table's chosen idea; null before it chooses")
    version: int = Field(
        description='The order\'s ETag is `"<version>"` (If-Match of `PUT .../order`); it '
        "changes when frames are added, removed or reordered"
    )
    frames: list[FramePublic]
    phase_open: bool = Field(description="The session is in a phase where storyboards change")
    writable: bool = Field(description="`phase_open` and the table has chosen its idea")


class SessionStoryboards(BaseModel):
    items: list[StoryboardPublic]


class ImagePublic(BaseModel):
    id: uuid.UUID
    url: str
    content_type: str
    width: int
    height: int
    bytes: int
