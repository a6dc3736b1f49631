"""Every event kind and its payload schema, collected from the slices' `events.py` registries."""

from pydantic import BaseModel

from backend.combinations.events import EVENT_PAYLOADS as COMBINATION_PAYLOADS
from backend.events.schemas import EVENT_PAYLOADS as STREAM_PAYLOADS
from backend.events.schemas import event_envelope
from backend.feedback.events import EVENT_PAYLOADS as FEEDBACK_PAYLOADS
from backend.ideas.events import EVENT_PAYLOADS as IDEA_PAYLOADS
from backend.participants.events import EVENT_PAYLOADS as PARTICIPANT_PAYLOADS
from backend.perspectives.events import EVENT_PAYLOADS as PERSPECTIVE_PAYLOADS
from backend.pitches.events import EVENT_PAYLOADS as PITCH_PAYLOADS
from backend.reduction.events import EVENT_PAYLOADS as REDUCTION_PAYLOADS
from backend.storyboards.events import EVENT_PAYLOADS as STORYBOARD_PAYLOADS
from backend.tables.events import EVENT_PAYLOADS as TABLE_PAYLOADS
from backend.workshops.events import EVENT_PAYLOADS as WORKSHOP_PAYLOADS

EVENT_PAYLOADS: dict[str, type[BaseModel]] = {
    **STREAM_PAYLOADS,
    **WORKSHOP_PAYLOADS,
    **TABLE_PAYLOADS,
    **PARTICIPANT_PAYLOADS,
    **IDEA_PAYLOADS,
    **PERSPECTIVE_PAYLOADS,
    **REDUCTION_PAYLOADS,
    **STORYBOARD_PAYLOADS,
    **PITCH_PAYLOADS,
    **COMBINATION_PAYLOADS,
    **FEEDBACK_PAYLOADS,
}

EventEnvelope = event_envelope(EVENT_PAYLOADS)
