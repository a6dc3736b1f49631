"""Payload of the feedback slice's live event (listed in the OpenAPI spec by the events slice)."""

from pydantic import BaseModel


class FeedbackReceivedEvent(BaseModel):
    """`feedback.received` (facilitators only): someone gave or changed their feedback on the
    session; refetch the summary. Carries only the number of responses, nothing about anyone."""

    response_count: int


EVENT_PAYLOADS: dict[str, type[BaseModel]] = {"feedback.received": FeedbackReceivedEvent}
