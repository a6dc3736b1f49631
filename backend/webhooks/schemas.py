"""Request and response bodies of /organisations/{id}/webhooks/..."""

import uuid
from datetime import datetime
from typing import Annotated

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, StringConstraints

from backend.models import DeliveryStatus
from backend.models.webhooks import AttemptErrorKind
from backend.webhooks.catalogue import EVENT_KINDS
from backend.webhooks.targets import URL_MAX_LENGTH, url_problem


def _known_kinds(kinds: list[str]) -> list[str]:
    unknown = [kind for kind in kinds if kind not in EVENT_KINDS]
    if unknown:
        raise ValueError(
            f"Unknown event kind: {', '.join(unknown)} (see GET /webhooks/event-kinds)"
        )
    return sorted(set(kinds))


def _target_url(url: str) -> str:
    problem = url_problem(url)
    if problem:
        raise ValueError(problem)
    return url


TargetUrl = Annotated[
    str,
    StringConstraints(strip_whitespace=True, min_length=1, max_length=URL_MAX_LENGTH),
    AfterValidator(_target_url),
]
EventKinds = Annotated[
    list[Annotated[str, StringConstraints(max_length=64)]],
    Field(min_length=1, max_length=len(EVENT_KINDS)),
    AfterValidator(_known_kinds),
]
Description = Annotated[str, StringConstraints(strip_whitespace=True, max_length=300)]


class EventKindPublic(BaseModel):
    name: str
    description: str


class WebhookCreate(BaseModel):
    model_config = ConfigDict(extra="forbid")

    url: TargetUrl = Field(description="https:// (or http://) URL on a public host, no credentials")
    event_kinds: EventKinds
    description: Description | None = None


class WebhookUpdate(BaseModel):
    model_config = ConfigDict(extra="forbid")

    url: TargetUrl | None = None
    event_kinds: EventKinds | None = None
    description: Description | None = None
    enabled: bool | None = Field(default=None, description="false disables deliveries")


class WebhookPublic(BaseModel):
    id: uuid.UUID
    url: str
    description: str | None
    event_kinds: list[str]
    enabled: bool
    created_at: datetime
    updated_at: datetime | None


class WebhookSecret(BaseModel):
    secret: str = Field(
        description="The signing secret; shown only in this response (HMAC-SHA256 key)"
    )


class WebhookCreated(WebhookPublic, WebhookSecret):
    pass


class DeliveryPublic(BaseModel):
    """One event sent (or to be sent) to one webhook, and its latest attempt (every attempt:
    `GET .../deliveries/{delivery_id}/attempts`)."""

    id: uuid.UUID
    event_id: uuid.UUID = Field(description="The `Cyd-Webhook-Id` header")
    kind: str
    status: DeliveryStatus
    attempts: int
    next_attempt_at: datetime | None = Field(description="When the next retry is due (pending)")
    last_attempt_at: datetime | None
    last_status_code: int | None
    last_error_kind: AttemptErrorKind | None
    last_response_excerpt: str | None = Field(description="The latest answer's first characters")
    last_error: str | None
    delivered_at: datetime | None
    created_at: datetime


class AttemptPublic(BaseModel):
    """One HTTP attempt of a delivery: the answer, or why there was none."""

    number: int = Field(description="1 for the first attempt")
    started_at: datetime
    duration_ms: int
    status_code: int | None = Field(description="The answer's HTTP status; null without one")
    error_kind: AttemptErrorKind | None = Field(
        description="Why there was no answer: `timeout`, `refused` (no connection), `unresolved` "
        "(unknown host name), `blocked` (the host is not on a public address) or `network` (the "
        "connection broke or the answer was not HTTP)"
    )
    error: str | None = Field(description="The error's message, when there was no answer")
    response_excerpt: str | None = Field(
        description="The answer's first 2 KB as plain text (control characters replaced); null "
        "when empty or compressed"
    )
    response_truncated: bool = Field(description="The answer was longer than the excerpt")
