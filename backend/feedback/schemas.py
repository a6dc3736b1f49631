"""Request and response bodies of participants' feedback on the session."""

from datetime import datetime
from typing import Annotated

from pydantic import BaseModel, Field, StringConstraints

from backend.accounts.schemas import Body

Score = Annotated[int, Field(strict=True, ge=1, le=5)]
Comment = Annotated[str, StringConstraints(strip_whitespace=True, max_length=2000)]
MINIMUM_RESPONSES = 5


class FeedbackWrite(Body):
    felt_heard: Score = Field(description="Did you feel heard? 1 (not at all) to 5 (completely)")
    felt_equal: Score = Field(description="Did you feel an equal? 1 (not at all) to 5 (completely)")
    trusted_process: Score = Field(
        description="Did you trust the process? 1 (not at all) to 5 (completely)"
    )
    comment: Comment | None = Field(default=None, description="Anything else, at most 2000")


class FeedbackMine(BaseModel):
    felt_heard: int
    felt_equal: int
    trusted_process: int
    comment: str | None
    created_at: datetime
    updated_at: datetime | None


class QuestionSummary(BaseModel):
    question: str = Field(description="`felt_heard`, `felt_equal` or `trusted_process`")
    mean: float | None = Field(description="Null while suppressed")
    distribution: list[int] | None = Field(
        description="How many answered 1, 2, 3, 4 and 5 (five numbers); null while suppressed"
    )


class FeedbackSummary(BaseModel):
    response_count: int
    minimum_responses: int = Field(
        default=MINIMUM_RESPONSES, description="Numbers and comments show from this many on"
    )
    suppressed: bool = Field(
        description="True with fewer responses than `minimum_responses`: no numbers or comments, "
        "so that nobody can be identified"
    )
    questions: list[QuestionSummary]
    comments: list[str] | None = Field(
        description="The comments, without names or times, in no meaningful order; null while "
        "suppressed"
    )
