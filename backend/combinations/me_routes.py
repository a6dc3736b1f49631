"""A table's side of combining: propose to another table, see proposals, vote on those received."""

from fastapi import APIRouter, Request, Response, status

from backend.combinations import repository as repo
from backend.combinations import service, views
from backend.combinations.carried import carried_ideas
from backend.combinations.http import SeatCombination, SeatCombinationForUpdate
from backend.combinations.schemas import (
    CombinationCandidate,
    CombinationCandidates,
    CombinationCreate,
    CombinationPublic,
    CombinationVoteCreate,
)
from backend.deps import DbSession, Paging
from backend.errors import problem_responses
from backend.ideas.http import MySeat
from backend.kit.idempotency import IdempotencyKey, idempotent, participant_caller
from backend.kit.pagination import Page, paginate
from backend.models import Combination, Idea

router = APIRouter()

ERRORS = problem_responses(401, 403, 404, 409)


def _public(db: DbSession, seat: MySeat, combination: Combination) -> CombinationPublic:
    return views.combinations_public(
        db, [combination], me_id=seat.me.id, my_table_id=seat.table.id
    )[0]


@router.get("/me/combinations", name="combinations-list-mine", responses=ERRORS)
def list_mine(seat: MySeat, db: DbSession, paging: Paging) -> Page[CombinationPublic]:
    """Proposals your table made or received, oldest first, with the receiving table's count
    against the majority of its present members."""
    rows, cursor = paginate(
        db, repo.table_stmt(seat.workshop.id, seat.table.id), Combination, paging
    )
    items = views.combinations_public(db, rows, me_id=seat.me.id, my_table_id=seat.table.id)
    return Page(items=items, next_cursor=cursor)


@router.get("/me/combinations/candidates", name="combinations-candidates", responses=ERRORS)
def candidates(seat: MySeat, db: DbSession) -> CombinationCandidates:
    """Your table's idea and every other table's idea you could propose combining with."""
    carried = carried_ideas(db, seat.workshop.id)
    ideas = {i.id: i for i in (db.get(Idea, x) for x in set(carried.values())) if i}
    mine = carried.get(seat.table.id)
    items = [
        CombinationCandidate(table=views.table_idea(t, ideas[carried[t.id]]))
        for t in repo.tables_of(db, seat.workshop.id)
        if t.id != seat.table.id and t.id in carried and carried[t.id] != mine
    ]
    return CombinationCandidates(
        my_idea=views.table_idea(seat.table, ideas[mine]) if mine else None, items=items
    )


@router.post(
    "/me/combinations",
    name="combinations-propose",
    status_code=status.HTTP_201_CREATED,
    response_model=CombinationPublic,
    responses=ERRORS,
)
def propose(
    request: Request,
    seat: MySeat,
    db: DbSession,
    data: CombinationCreate,
    idempotency_key: IdempotencyKey = None,
) -> Response:
    """Propose combining your table's idea with another table's (combine phase), with the
    combined idea's text. That table decides. 422 `own_table`, `no_chosen_idea`, `same_idea`;
    409 `proposal_open` while your last proposal to that table is undecided."""
    caller = participant_caller(seat.me.id)
    with idempotent(db, request, key=idempotency_key, caller=caller, body=data) as call:
        if call.replay is not None:
            return call.replay
        made = service.propose(
            db=db, workshop=seat.workshop, table=seat.table, me=seat.me, data=data
        )
        return call.respond(201, _public(db, seat, made))


@router.get("/me/combinations/{combination_id}", name="combinations-read", responses=ERRORS)
def read(seat: MySeat, db: DbSession, combination: SeatCombination) -> CombinationPublic:
    """One proposal your table made or received."""
    return _public(db, seat, combination)


@router.post(
    "/me/combinations/{combination_id}/votes",
    name="combinations-vote",
    response_model=CombinationPublic,
    responses=ERRORS,
)
def vote(
    request: Request,
    seat: MySeat,
    db: DbSession,
    combination: SeatCombinationForUpdate,
    data: CombinationVoteCreate,
    idempotency_key: IdempotencyKey = None,
) -> Response:
    """Accept or decline a proposal your table received (combine phase), once. It passes or
    fails when more than half of your table's present members agree either way. 403
    `not_receiving_table` for the proposing table; 409 `already_voted`, `combination_closed`,
    `combination_stale` (a table's idea has changed since)."""
    caller = participant_caller(seat.me.id)
    with idempotent(db, request, key=idempotency_key, caller=caller, body=data) as call:
        if call.replay is not None:
            return call.replay
        service.vote(
            db=db, workshop=seat.workshop, combination=combination, me=seat.me, accept=data.accept
        )
        return call.respond(200, _public(db, seat, combination))
