"""A member's side of reduction: dots, run-off, scores, closing rounds, choosing one idea.

Writes are open in the reduce phase only and take an optional `Idempotency-Key`: a retried vote
or score is never counted twice.
"""

import uuid
from functools import partial
from typing import Annotated, Protocol

from fastapi import APIRouter, Depends, Path, Request, Response, status
from pydantic import BaseModel
from sqlmodel import Session

from backend.db import run_db
from backend.deps import DbSession
from backend.errors import problem_responses
from backend.kit.idempotency import IdempotencyKey, idempotent, participant_caller
from backend.models import ReductionStage
from backend.reduction import rounds, service, views
from backend.reduction.http import MemberSeat
from backend.reduction.schemas import (
    ClosableStage,
    IdeaPick,
    ReductionState,
    RunoffVoteCreate,
    ScorePublic,
    ScoreUpdate,
    VoteCreate,
    VoteReceipt,
    VoteSet,
)

router = APIRouter()

ERRORS = problem_responses(401, 403, 404, 409)
IdeaId = Annotated[uuid.UUID, Path(description="An idea of your table")]


def _state(db: DbSession, seat: service.Seat) -> ReductionState:
    return views.reduction_state(db, seat.workshop, seat.table, seat.me)


@router.get("/me/table/reduction", name="reduction-read-mine", responses=ERRORS)
def read_my_reduction(seat: MemberSeat, db: DbSession) -> ReductionState:
    """Your table's reduction: the stage, the voting rules and tie-break (shown before voting
    opens), your dots, every idea's dots, the shortlist and how each place was decided, everyone's
    scores, the proposal, who agreed to close the round, and the choice. Readable in any phase:
    stepping the phase back keeps everything, and it shows again when reduce returns."""
    return _state(db, seat)


@router.post("/me/table/votes", name="votes-add", response_model=VoteReceipt, responses=ERRORS)
async def add_votes(
    request: Request,
    seat: MemberSeat,
    db: DbSession,
    data: VoteCreate,
    idempotency_key: IdempotencyKey = None,
) -> Response:
    """Add `dots` to an active idea of your table while voting is open. 422
    `dot_budget_exceeded` beyond your budget, `dot_cap_exceeded` beyond the per-idea cap,
    `idea_not_active` for a combined idea, `phase_closed` outside reduce; 409 `stage_closed`
    once voting has closed; 404 for an idea that is not your table's."""
    add = partial(service.add_dots, idea_id=data.idea_id, dots=data.dots)
    return await run_db(db, _cast_dots, request, seat, db, data, idempotency_key, add)


@router.put(
    "/me/table/votes/{idea_id}", name="votes-set", response_model=VoteReceipt, responses=ERRORS
)
async def set_votes(
    request: Request,
    seat: MemberSeat,
    db: DbSession,
    idea_id: IdeaId,
    data: VoteSet,
    idempotency_key: IdempotencyKey = None,
) -> Response:
    """Make your dots on one idea exactly `dots` while voting is open: one dot fewer (or more) is
    one write, and sending the same count again changes nothing. `0` takes them all back (no
    error when there were none). Same rules as adding: 422 `dot_budget_exceeded`,
    `dot_cap_exceeded`, `idea_not_active`, `phase_closed`; 409 `stage_closed`; 404 for an idea
    that is not your table's."""
    set_ = partial(service.set_dots, idea_id=idea_id, dots=data.dots)
    return await run_db(db, _cast_dots, request, seat, db, data, idempotency_key, set_)


class DotsWrite(Protocol):
    def __call__(self, *, db: Session, seat: service.Seat) -> VoteReceipt: ...


def _cast_dots(
    request: Request,
    seat: service.Seat,
    db: Session,
    data: BaseModel,
    idempotency_key: str | None,
    write: DotsWrite,
) -> Response:
    # Dots are the reduce phase's hot write: run in one go by `run_db` (see there).
    caller = participant_caller(seat.me.id)
    with idempotent(db, request, key=idempotency_key, caller=caller, body=data) as call:
        if call.replay is not None:
            return call.replay
        return call.respond(200, write(db=db, seat=seat))


@router.delete(
    "/me/table/votes/{idea_id}",
    name="votes-withdraw",
    status_code=status.HTTP_204_NO_CONTENT,
    responses=ERRORS,
)
def withdraw_votes(
    request: Request,
    seat: MemberSeat,
    db: DbSession,
    idea_id: IdeaId,
    idempotency_key: IdempotencyKey = None,
) -> Response:
    """Take back all your dots from one idea while voting is open (404 `vote_not_found` when
    you have none there)."""
    with idempotent(
        db, request, key=idempotency_key, caller=participant_caller(seat.me.id), body=None
    ) as call:
        if call.replay is not None:
            return call.replay
        service.withdraw_dots(db=db, seat=seat, idea_id=idea_id)
        return call.respond(204, None)


class RoundWrite(Protocol):
    def __call__(self, *, db: Session, seat: service.Seat) -> object: ...


class TableStep:
    """A step in your table's rounds: your seat, and the request with its `Idempotency-Key`, so
    that a retried step is answered as the first was."""

    def __init__(
        self,
        request: Request,
        seat: MemberSeat,
        db: DbSession,
        idempotency_key: IdempotencyKey = None,
    ) -> None:
        self.request, self.seat, self.db, self.key = request, seat, db, idempotency_key

    def then_state(self, body: BaseModel | None, write: RoundWrite) -> Response:
        """Take the step once and answer with the table's reduction as it now stands."""
        caller = participant_caller(self.seat.me.id)
        with idempotent(self.db, self.request, key=self.key, caller=caller, body=body) as call:
            if call.replay is not None:
                return call.replay
            write(db=self.db, seat=self.seat)
            return call.respond(200, _state(self.db, self.seat))


Step = Annotated[TableStep, Depends()]


@router.post(
    "/me/table/votes/close",
    name="votes-close",
    response_model=ReductionState,
    responses=ERRORS,
)
def close_voting(step: Step) -> Response:
    """Agree to close your table's vote. When more than half of the present members agree, the
    shortlist of 3 is made (ties at the cut-off: a run-off, or the earliest idea, as the rules
    say). 409 `no_votes` if it would close with no dots placed."""
    return step.then_state(None, partial(rounds.agree_to_close, stage=ReductionStage.voting))


@router.delete(
    "/me/table/agreements/{stage}",
    name="reduction-agreement-withdraw",
    response_model=ReductionState,
    responses=ERRORS,
)
def withdraw_agreement(
    step: Step,
    stage: Annotated[ClosableStage, Path(description="The round you agreed to close")],
) -> Response:
    """Withdraw your agreement to close the round (`voting`, `runoff`, `scoring`) or your
    confirmation of the proposal (`choosing`) before the round has closed: the table sees the
    new count at once (`reduction.agreement_withdrawn`). 409 `stage_closed` once your table has
    moved on. Without an agreement to withdraw nothing changes."""
    return step.then_state(None, partial(rounds.withdraw_agreement, stage=stage))


@router.post(
    "/me/table/runoff-votes",
    name="runoff-votes-cast",
    response_model=ReductionState,
    responses=ERRORS,
)
def cast_runoff_vote(
    step: Step,
    data: RunoffVoteCreate,
) -> Response:
    """One vote among the ideas tied at the shortlist cut-off (409 `runoff_vote_already_cast`
    for a second; 422 `not_in_runoff` for another idea)."""
    return step.then_state(data, partial(service.cast_runoff_vote, idea_id=data.idea_id))


@router.post(
    "/me/table/runoff-votes/close",
    name="runoff-votes-close",
    response_model=ReductionState,
    responses=ERRORS,
)
def close_runoff(step: Step) -> Response:
    """Agree to close the run-off; at a majority of present members the open places go to the
    most run-off votes (still tied: the earliest idea, recorded as such)."""
    return step.then_state(None, partial(rounds.agree_to_close, stage=ReductionStage.runoff))


@router.put(
    "/me/table/scores/{idea_id}",
    name="scores-put",
    response_model=ScorePublic,
    responses=ERRORS,
)
def put_score(
    request: Request,
    seat: MemberSeat,
    db: DbSession,
    idea_id: IdeaId,
    data: ScoreUpdate,
    idempotency_key: IdempotencyKey = None,
) -> Response:
    """Score a shortlisted idea 1-5 on desirability, feasibility and viability; scoring again
    replaces your scores until scoring closes. 422 `not_shortlisted` for another idea."""
    with idempotent(
        db, request, key=idempotency_key, caller=participant_caller(seat.me.id), body=data
    ) as call:
        if call.replay is not None:
            return call.replay
        score = service.put_score(db=db, seat=seat, idea_id=idea_id, data=data)
        body = ScorePublic(
            idea_id=score.idea_id,
            participant_id=score.participant_id,
            desirability=score.desirability,
            feasibility=score.feasibility,
            viability=score.viability,
            total=score.desirability + score.feasibility + score.viability,
            updated_at=score.updated_at or score.created_at,
        )
        return call.respond(200, body)


@router.post(
    "/me/table/scores/close",
    name="scores-close",
    response_model=ReductionState,
    responses=ERRORS,
)
def close_scoring(step: Step) -> Response:
    """Agree to close scoring. At a majority of present members the table moves to choosing,
    with the best total as the proposal (ties: higher desirability, then the earliest idea).
    409 `no_scores` if nobody has scored."""
    return step.then_state(None, partial(rounds.agree_to_close, stage=ReductionStage.scoring))


@router.post(
    "/me/table/choice/propose",
    name="choice-propose",
    response_model=ReductionState,
    responses=ERRORS,
)
def propose_choice(
    step: Step,
    data: IdeaPick,
) -> Response:
    """Propose another shortlisted idea as the table's choice (you confirm it by proposing;
    earlier confirmations of another idea lapse)."""
    return step.then_state(data, partial(rounds.propose_choice, idea_id=data.idea_id))


@router.post(
    "/me/table/choice/confirm",
    name="choice-confirm",
    response_model=ReductionState,
    responses=ERRORS,
)
def confirm_choice(
    step: Step,
    data: IdeaPick,
) -> Response:
    """Confirm the current proposal; it becomes the table's choice when more than half of the
    present members confirm. 409 `proposal_changed` when the proposal is now another idea."""
    return step.then_state(data, partial(rounds.confirm_choice, idea_id=data.idea_id))
