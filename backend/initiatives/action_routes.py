"""An initiative's action plan and each action's history of updates. Its organisation's
facilitators and its steward members keep it."""

from fastapi import APIRouter, Response, status

from backend.deps import DbSession, Paging
from backend.errors import problem_responses
from backend.initiatives import actions, service, views
from backend.initiatives import repository as repo
from backend.initiatives.access import InitiativeEditor, InitiativeReader
from backend.initiatives.action_schemas import (
    ActionCreate,
    ActionEdit,
    ActionOrder,
    ActionPlan,
    ActionPublic,
    ActionUpdateCreate,
    ActionUpdatePublic,
)
from backend.initiatives.http import ActionId, IfMatch
from backend.kit.clock import utcnow
from backend.kit.pagination import Page, paginate
from backend.models import ActionUpdate, InitiativeAction

router = APIRouter(tags=["initiatives"])
ERRORS = problem_responses(401, 403, 404)


def _plan(items: list[InitiativeAction]) -> ActionPlan:
    today = utcnow().date()
    return ActionPlan(items=[views.action_public(action, today) for action in items])


@router.get(
    "/initiatives/{initiative_id}/actions", name="initiatives-actions-list", responses=ERRORS
)
def list_actions(access: InitiativeReader, db: DbSession) -> ActionPlan:
    """The action plan in its order; `overdue` marks actions past their due date and not done."""
    return _plan(repo.actions_of(db, access.initiative.id))


@router.post(
    "/initiatives/{initiative_id}/actions",
    name="initiatives-actions-create",
    status_code=status.HTTP_201_CREATED,
    responses=ERRORS,
)
def add_action(
    data: ActionCreate, access: InitiativeEditor, db: DbSession, response: Response
) -> ActionPublic:
    """Add an action at the end of the plan. The owner is given by role (`owner_role`); their name
    is shown outside the organisation only when `owner_agreed_to_be_named`."""
    action = actions.add_action(db, access=access, data=data)
    response.headers["ETag"] = service.etag(action.version)
    return views.action_public(action, utcnow().date())


@router.patch(
    "/initiatives/{initiative_id}/actions/{action_id}",
    name="initiatives-actions-update",
    responses=problem_responses(401, 403, 404, 412, 428),
)
def edit_action(
    action_id: ActionId,
    data: ActionEdit,
    access: InitiativeEditor,
    db: DbSession,
    response: Response,
    if_match: IfMatch = None,
) -> ActionPublic:
    """Change an action's title, description, owner or due date (its status changes through an
    update). Needs `If-Match` with its ETag: 428 without it, 412 when someone changed it since."""
    action = actions.edit_action(
        db, access=access, action_id=action_id, data=data, if_match=if_match
    )
    response.headers["ETag"] = service.etag(action.version)
    return views.action_public(action, utcnow().date())


@router.delete(
    "/initiatives/{initiative_id}/actions/{action_id}",
    name="initiatives-actions-delete",
    status_code=status.HTTP_204_NO_CONTENT,
    responses=ERRORS,
)
def delete_action(action_id: ActionId, access: InitiativeEditor, db: DbSession) -> None:
    """Remove an action added by mistake, with its updates."""
    actions.delete_action(db, access=access, action_id=action_id)


@router.put(
    "/initiatives/{initiative_id}/actions/order",
    name="initiatives-actions-reorder",
    responses=ERRORS,
)
def reorder_actions(data: ActionOrder, access: InitiativeEditor, db: DbSession) -> ActionPlan:
    """Put the plan in a new order: every action id of the plan, exactly once (422
    `order_mismatch` for missing, repeated or foreign ids)."""
    return _plan(actions.reorder(db, access=access, action_ids=data.action_ids))


@router.get(
    "/initiatives/{initiative_id}/actions/{action_id}/updates",
    name="initiatives-action-updates-list",
    responses=ERRORS,
)
def list_updates(
    action_id: ActionId, access: InitiativeReader, db: DbSession, paging: Paging
) -> Page[ActionUpdatePublic]:
    """An action's history of notes and status changes, oldest first."""
    action = actions.find_action(db, access=access, action_id=action_id)
    rows, cursor = paginate(db, repo.action_updates(action.id), ActionUpdate, paging)
    return Page(items=[views.update_public(row) for row in rows], next_cursor=cursor)


@router.post(
    "/initiatives/{initiative_id}/actions/{action_id}/updates",
    name="initiatives-action-updates-create",
    status_code=status.HTTP_201_CREATED,
    responses=ERRORS,
)
def add_update(
    action_id: ActionId, data: ActionUpdateCreate, access: InitiativeEditor, db: DbSession
) -> ActionUpdatePublic:
    """Record progress: a note, a new status (`todo`, `doing`, `done`, `blocked`), or both. It is
    kept in the action's history with who wrote it and when."""
    entry = actions.add_update(db, access=access, action_id=action_id, data=data)
    return views.update_public(entry)
