"""The readable report of a whole session, for its organisation's facilitators."""

from fastapi import APIRouter

from backend.deps import DbSession
from backend.errors import problem_responses
from backend.reports.assemble import session_report
from backend.reports.schemas import SessionReport
from backend.workshops.access import SessionsReader

router = APIRouter(tags=["reports"])


@router.get(
    "/sessions/{session_id}/report",
    name="reports-read",
    responses=problem_responses(401, 403, 404),
)
def read_report(access: SessionsReader, db: DbSession) -> SessionReport:
    """The whole session as one document, to read, print or save as PDF: the challenge; each
    table's perspective mix (counts, no names), themes and ideas with their lineage and dots; how
    the table reduced them (shortlist and tie-break, average scores, how each round was closed,
    the choice); its storyboard and pitch with other tables' responses; combinations across
    tables; the initiatives taken forward with their stewards; and the feedback summary (numbers
    only from five responses). Hidden ideas are left out. Nobody is named, and a participant's
    own words show only if they agreed to their contributions being published (otherwise
    `withheld` is true). 404 for a session outside your organisations."""
    return session_report(db, access.workshop)
