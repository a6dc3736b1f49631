"""A table's side of combining: draft a proposal to another table and agree to send it (or
withdraw it), see proposals, vote on those received."""

from typing import Annotated, Protocol

from fastapi import APIRouter, Depends, Request, Response, status
from sqlmodel import Session

from backend.combinations import proposing, service, views
from backend.combinations import repository as repo
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
from backend.models import Combination, Idea, Participant, Workshop

router = APIRouter()

ERRORS = problem_responses(401, 403, 404, 409)


def _public(db: DbSession, seat: MySeat, combination: Combination) -> CombinationPublic:
    return views.combinations_public(
        db, [combination], me_id=seat.me.id, my_table_id=seat.table.id
    )[0]


@router.get("/me/combinations", name="combinations-list-mine", responses=ERRORS)
def list_mine(seat: MySeat, db: DbSession, paging: Paging) -> Page[CombinationPublic]:
    """Proposals your table made (drafts too) or received (once sent), oldest first, with each
    table's count against the majority of its present members."""
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
    """Draft a proposal to combine your table's idea with another table's (combine phase), with
    the combined idea's text. Drafting it is supporting it; it goes to that table (`status`
    `open`) once more than half of your table's present members support it, at once when you
    are the only one present. 422 `own_table`, `no_chosen_idea`, `same_idea`; 409
    `proposal_open` while a draft or undecided proposal between these two tables' ideas exists
    (either way round: the database refuses a second one, even sent at the same moment)."""
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


class Action(Protocol):
    def __call__(
        self, *, db: Session, workshop: Workshop, combination: Combination, me: Participant
    ) -> None: ...


class ProposalStep:
    """What a support or withdrawal step needs: the proposal (locked), the caller's seat, and the
    request with its `Idempotency-Key`, so that a retried step is answered as the first was."""

    def __init__(
        self,
        request: Request,
        seat: MySeat,
        db: DbSession,
        combination: SeatCombinationForUpdate,
        idempotency_key: IdempotencyKey = None,
    ) -> None:
        self.request, self.seat, self.db = request, seat, db
        self.combination, self.key = combination, idempotency_key

    def take(self, action: Action) -> Response:
        seat, db = self.seat, self.db
        caller = participant_caller(seat.me.id)
        with idempotent(db, self.request, key=self.key, caller=caller, body=None) as call:
            if call.replay is not None:
                return call.replay
            action(db=db, workshop=seat.workshop, combination=self.combination, me=seat.me)
            return call.respond(200, _public(db, seat, self.combination))


Step = Annotated[ProposalStep, Depends()]


@router.put(
    "/me/combinations/{combination_id}/support",
    name="combinations-support",
    response_model=CombinationPublic,
    responses=ERRORS,
)
def support(step: Step) -> Response:
    """Support sending your table's draft to the other table (combine phase). When more than
    half of your table's present members support it, it is sent (`combination.proposed`).
    Supporting twice changes nothing. 403 `not_proposing_table`; 409 `combination_sent`,
    `combination_withdrawn`, `combination_closed`, `combination_stale`."""
    return step.take(proposing.support)


@router.delete(
    "/me/combinations/{combination_id}/support",
    name="combinations-unsupport",
    response_model=CombinationPublic,
    responses=ERRORS,
)
def unsupport(step: Step) -> Response:
    """Withdraw your support for sending the draft while it is still a draft. Without your
    support nothing changes. 403 `not_proposing_table`; 409 as for supporting."""
    return step.take(proposing.unsupport)


@router.put(
    "/me/combinations/{combination_id}/withdrawal",
    name="combinations-withdraw",
    response_model=CombinationPublic,
    responses=ERRORS,
)
def withdraw(step: Step) -> Response:
    """Withdraw your table's proposal before the other table decides (combine phase). A draft:
    its drafter withdraws it at once (403 `not_drafter` for anyone else, who may withdraw their
    support instead). Sent: you support withdrawing it, and it is withdrawn when more than half
    of your table's present members do; the other table's vote then ends. The record keeps it
    as `withdrawn`. 403 `not_proposing_table`; 409 `combination_withdrawn`, `combination_closed`."""
    return step.take(proposing.withdraw)


@router.delete(
    "/me/combinations/{combination_id}/withdrawal",
    name="combinations-keep",
    response_model=CombinationPublic,
    responses=ERRORS,
)
def keep(step: Step) -> Response:
    """Take back your support for withdrawing a sent proposal while the other table has not
    decided. 403 `not_proposing_table`; 409 `combination_not_sent`, `combination_withdrawn`,
    `combination_closed`."""
    return step.take(proposing.keep)
