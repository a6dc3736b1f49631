"""Facilitators: set the voting rules, watch each table, close a round when time is up, reopen.
Facilitators never vote, score or choose."""

from fastapi import APIRouter

from backend.deps import DbSession
from backend.errors import problem_responses
from backend.reduction import reopening, rounds, settings, views
from backend.reduction import repository as repo
from backend.reduction.http import ReadAccess, ReadTable, WriteAccess, WriteTable
from backend.reduction.schemas import (
    ReductionSettingsPublic,
    ReductionSettingsUpdate,
    ReductionState,
    ReopenRequest,
    SessionReduction,
    StageRequest,
    TableStage,
)

router = APIRouter()

ERRORS = problem_responses(401, 403, 404, 409)


@router.get(
    "/sessions/{session_id}/reduction-settings",
    name="reduction-settings-read",
    responses=ERRORS,
)
def read_settings(access: ReadAccess, db: DbSession) -> ReductionSettingsPublic:
    """The session's voting rules and the tie-break rule in words."""
    return settings.settings_public(db, access.workshop)


@router.put(
    "/sessions/{session_id}/reduction-settings",
    name="reduction-settings-update",
    responses=ERRORS,
)
def update_settings(
    access: WriteAccess, db: DbSession, data: ReductionSettingsUpdate
) -> ReductionSettingsPublic:
    """Set the dot budget (1-50), the per-idea cap (1 to the budget) and the tie-break rule
    (`runoff` or `earliest`). The shortlist is always 3. 409 `votes_already_cast` once anyone in
    the session has voted: the rules people voted under cannot change."""
    return settings.update_settings(
        db=db, workshop=access.workshop, facilitator=access.facilitator, data=data
    )


@router.get("/sessions/{session_id}/reduction", name="reduction-list", responses=ERRORS)
def list_tables(access: ReadAccess, db: DbSession) -> SessionReduction:
    """Each table's reduction stage and choice, by table number."""
    reductions = repo.reductions_of(db, access.workshop.id)
    items = []
    for table in repo.tables_of(db, access.workshop.id):
        reduction = reductions.get(table.id)
        choice = repo.current_choice(db, table.id) if reduction else None
        items.append(
            TableStage(
                table_id=table.id,
                number=table.number,
                name=table.name,
                stage=reduction.stage if reduction else "voting",
                choice_idea_id=choice.idea_id if choice else None,
            )
        )
    return SessionReduction(items=items)


@router.get(
    "/sessions/{session_id}/tables/{table_id}/reduction",
    name="reduction-read",
    responses=ERRORS,
)
def read_table(access: ReadAccess, table: ReadTable, db: DbSession) -> ReductionState:
    """One table's reduction, as its members see it (without `me`)."""
    return views.reduction_state(db, access.workshop, table, None)


@router.post(
    "/sessions/{session_id}/tables/{table_id}/reduction/close-round",
    name="reduction-close-round",
    responses=ERRORS,
)
def close_round(
    access: WriteAccess, table: WriteTable, db: DbSession, data: StageRequest
) -> ReductionState:
    """Close the table's current round when time is up (reduce phase); `stage` must be the
    table's current stage (409 `stage_closed` otherwise, so a double click never skips a round).
    The record says that a facilitator closed it, and who. Closing `choosing` chooses the current
    proposal."""
    rounds.facilitator_close(
        db=db,
        workshop=access.workshop,
        table=table,
        stage=data.stage,
        user_id=access.facilitator.user.id,
    )
    return views.reduction_state(db, access.workshop, table, None)


@router.post(
    "/sessions/{session_id}/tables/{table_id}/reduction/reopen",
    name="reduction-reopen",
    responses=ERRORS,
)
def reopen(
    access: WriteAccess, table: WriteTable, db: DbSession, data: ReopenRequest
) -> ReductionState:
    """Return the table to an earlier stage (reduce phase). Nothing cast is discarded: votes,
    run-off votes and scores stay and count again; the closed rounds and the choice are kept in
    the record as reopened. 409 `cannot_reopen` for the current or a later stage."""
    reopening.reopen(db=db, workshop=access.workshop, table=table, stage=data.stage)
    return views.reduction_state(db, access.workshop, table, None)
