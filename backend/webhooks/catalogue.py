"""The webhook event kinds an organisation can subscribe to, and their payloads.

Every delivery's body is a `WebhookEnvelope`: `{"id", "kind", "created_at", "organisation_id",
"data"}`. No payload ever carries personal data about participants: only ids, phases, times and
what describes initiatives and their outcomes.
"""

import uuid
from datetime import datetime

from pydantic import BaseModel, Field

from backend.models import Phase

EVENT_KINDS: dict[str, str] = {
    "session.phase_changed": (
        "A published session moved to another phase (nothing is sent about unpublished "
        "sessions). data: session_id, from_phase, to_phase, changed_at"
    ),
    "initiative.updated": (
        "An initiative (the idea that goes forward) changed: its steward kind, action plan or "
        "status. data: initiative_id, session_id, status, updated_at"
    ),
    "outcome.measured": (
        "A new measurement of an initiative's outcome indicator. data: initiative_id, "
        "indicator_id, measurement_id, value, measured_at"
    ),
}

# Sent only by the "send a test ping" action, to one subscription; never subscribed to.
PING_KIND = "ping"


class SessionPhaseChanged(BaseModel):
    """`session.phase_changed`: no names, no participants, just the session and its phases."""

    session_id: uuid.UUID
    from_phase: Phase
    to_phase: Phase
    changed_at: datetime


class Ping(BaseModel):
    """`ping`: a test delivery asked for by an owner."""

    subscription_id: uuid.UUID
    message: str = "Cyd test ping"


class WebhookEnvelope(BaseModel):
    """The JSON body of every delivery (signed; see `backend/webhooks/signing.py`)."""

    id: uuid.UUID = Field(description="The event id, also in `Cyd-Webhook-Id`: de-duplicate on it")
    kind: str
    created_at: datetime
    organisation_id: uuid.UUID
    data: dict[str, object]
