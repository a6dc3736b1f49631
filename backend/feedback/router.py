"""Participants' feedback on the session (did you feel heard, equal, trust the process?)."""

from fastapi import APIRouter

from backend.deps import CurrentParticipant, DbSession
from backend.errors import problem_responses
from backend.feedback import repository as repo
from backend.feedback import service
from backend.feedback.schemas import FeedbackMine, FeedbackSummary, FeedbackWrite
from backend.workshops.access import SessionsReader

router = APIRouter(tags=["feedback"])


@router.put("/me/feedback", name="feedback-write", responses=problem_responses(401, 409))
def write_feedback(data: FeedbackWrite, me: CurrentParticipant, db: DbSession) -> FeedbackMine:
    """Give (or change) your feedback on this session: three scores from 1 to 5 and an optional
    comment. Open in the glue and outcomes phases (409 `feedback_not_open` before). Facilitators
    see it only in aggregate, without your name, once five people have responded."""
    row = service.write_feedback(db=db, me=me, data=data)
    return FeedbackMine.model_validate(row, from_attributes=True)


@router.get("/me/feedback", name="feedback-mine", responses=problem_responses(401))
def read_feedback(me: CurrentParticipant, db: DbSession) -> FeedbackMine | None:
    """Your feedback on this session, or null if you have not given any."""
    row = repo.feedback_of(db, me.participant.id)
    return None if row is None else FeedbackMine.model_validate(row, from_attributes=True)


@router.get(
    "/sessions/{session_id}/feedback/summary",
    name="feedback-summary",
    responses=problem_responses(401, 403, 404),
)
def read_summary(access: SessionsReader, db: DbSession) -> FeedbackSummary:
    """How the session's participants felt: the number of responses and, once at least five
    responded, each question's mean and 1-5 distribution and the comments (without names or
    times). With fewer, the numbers and comments are null and `suppressed` is true."""
    return service.summarise(repo.workshop_feedback(db, access.workshop.id))
