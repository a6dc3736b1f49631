"""Giving feedback on the session, and its summary for facilitators (suppressed under five)."""

from sqlmodel import Session

from backend.auth.participant import ParticipantIdentity
from backend.events.log import record_event
from backend.feedback import repository as repo
from backend.feedback.errors import FeedbackNotOpen
from backend.feedback.events import FeedbackReceivedEvent
from backend.feedback.schemas import (
    MINIMUM_RESPONSES,
    FeedbackSummary,
    FeedbackWrite,
    QuestionSummary,
)
from backend.kit.clock import utcnow
from backend.models import FEEDBACK_QUESTIONS, Audience, Phase, SessionFeedback

OPEN_PHASES = frozenset({Phase.glue, Phase.outcomes})


def write_feedback(*, db: Session, me: ParticipantIdentity, data: FeedbackWrite) -> SessionFeedback:
    """One response per participant, in their own session; giving it again changes it."""
    if me.workshop.phase not in OPEN_PHASES:
        raise FeedbackNotOpen()
    row = repo.feedback_of(db, me.participant.id)
    if row is None:
        row = SessionFeedback(
            workshop_id=me.workshop.id, participant_id=me.participant.id, **data.model_dump()
        )
    else:
        for field, value in data.model_dump().items():
            setattr(row, field, value)
        row.updated_at = utcnow()
    row.comment = row.comment or None
    db.add(row)
    db.flush()
    record_event(
        db,
        workshop_id=me.workshop.id,
        kind="feedback.received",
        payload=FeedbackReceivedEvent(response_count=repo.response_count(db, me.workshop.id)),
        audience=Audience.facilitators,
    )
    return row


def summarise(rows: list[SessionFeedback]) -> FeedbackSummary:
    """Means, 1-5 distributions and comments, only when at least five people responded."""
    suppressed = len(rows) < MINIMUM_RESPONSES
    questions = []
    for question in FEEDBACK_QUESTIONS:
        scores = [getattr(row, question) for row in rows]
        questions.append(
            QuestionSummary(
                question=question,
                mean=None if suppressed else round(sum(scores) / len(scores), 2),
                distribution=None if suppressed else [scores.count(n) for n in range(1, 6)],
            )
        )
    comments = [row.comment for row in rows if row.comment]
    return FeedbackSummary(
        response_count=len(rows),
        suppressed=suppressed,
        questions=questions,
        comments=None if suppressed else comments,
    )
