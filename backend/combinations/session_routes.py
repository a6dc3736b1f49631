"""Facilitators: every combination proposal of a session, and closing a table's round on one when
time is up: the proposing table's (the draft is sent) or the receiving table's (it is decided)."""

from fastapi import APIRouter

from backend.combinations import proposing, service, views
from backend.combinations import repository as repo
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
    """Every proposal in the session (drafts too), oldest first, with its counts or outcome."""
    rows, cursor = paginate(db, repo.session_stmt(access.workshop.id), Combination, paging)
    return Page(items=views.combinations_public(db, rows), next_cursor=cursor)


@router.post(
    "/sessions/{session_id}/combinations/{combination_id}/close",
    name="combinations-close",
    responses=ERRORS,
)
def close(access: WriteAccess, db: DbSession, combination: SessionCombination) -> CombinationPublic:
    """Close the receiving table's round on a sent proposal when time is up (combine phase),
    recorded as closed by a facilitator. The votes already cast decide: accepted when more of the
    receiving table's members accepted than declined, otherwise declined (also when a table's
    idea has changed since the proposal). Facilitators do not vote for tables. 409
    `combination_not_sent` for a draft, `combination_withdrawn`, `combination_closed`."""
    service.facilitator_close(
        db=db, workshop=access.workshop, combination=combination, user_id=access.facilitator.user.id
    )
    return views.combinations_public(db, [combination])[0]


@router.post(
    "/sessions/{session_id}/combinations/{combination_id}/send",
    name="combinations-send",
    responses=ERRORS,
)
def send(access: WriteAccess, db: DbSession, combination: SessionCombination) -> CombinationPublic:
    """Close the proposing table's round on a draft when time is up (combine phase): the draft
    goes to the other table, recorded as sent by a facilitator, as closing a table's choosing
    round confirms its proposal. The other table still decides for itself. 409
    `combination_sent`, `combination_withdrawn`, `combination_closed`, `combination_stale`."""
    proposing.facilitator_send(
        db=db, workshop=access.workshop, combination=combination, user_id=access.facilitator.user.id
    )
    return views.combinations_public(db, [combination])[0]
