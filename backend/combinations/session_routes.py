"""Facilitators: every combination proposal of a session, and closing one when time is up."""

from fastapi import APIRouter

from backend.combinations import repository as repo
from backend.combinations import service, views
from backend.combinations.http import ReadAccess, SessionCombination, WriteAccess
from backend.combinations.schemas import CombinationPublic
from backend.deps import DbSession, Paging
from backend.errors import problem_responses
from backend.kit.pagination import Page, paginate
from backend.models import Combination

router = APIRouter()

ERRORS = problem_responses(401, 404, 409)


@router.get("/sessions/{session_id}/combinations", name="combinations-list", responses=ERRORS)
def list_all(access: ReadAccess, db: DbSession, paging: Paging) -> Page[CombinationPublic]:
    """Every proposal in the session, oldest first, with its count or outcome."""
    rows, cursor = paginate(db, repo.session_stmt(access.workshop.id), Combination, paging)
    return Page(items=views.combinations_public(db, rows), next_cursor=cursor)


@router.post(
    "/sessions/{session_id}/combinations/{combination_id}/close",
    name="combinations-close",
    responses=ERRORS,
)
def close(access: WriteAccess, db: DbSession, combination: SessionCombination) -> CombinationPublic:
    """Close an open proposal when time is up (combine phase), recorded as closed by a
    facilitator. The votes already cast decide: accepted when more of the receiving table's
    members accepted than declined, otherwise declined (also when a table's idea has changed
    since the proposal). Facilitators do not vote for tables."""
    service.facilitator_close(
        db=db, workshop=access.workshop, combination=combination, user_id=access.facilitator.user.id
    )
    return views.combinations_public(db, [combination])[0]
