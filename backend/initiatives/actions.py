"""The action plan: actions in an order, edits that never silently overwrite, and a history of
updates (notes and status changes) on each action."""

import uuid

from sqlmodel import Session

from backend.initiatives import repository as repo
from backend.initiatives.access import InitiativeAccess
from backend.initiatives.action_schemas import ActionCreate, ActionEdit, ActionUpdateCreate
from backend.initiatives.activity import record_activity
from backend.initiatives.errors import ActionNotFound, NothingToChange, OrderMismatch
from backend.initiatives.service import check_if_match
from backend.kit.clock import utcnow
from backend.models import ActionUpdate, InitiativeAction

REQUIRED = ("title", "owner_role", "owner_agreed_to_be_named")


def find_action(
    db: Session, *, access: InitiativeAccess, action_id: uuid.UUID, for_update: bool = False
) -> InitiativeAction:
    action = repo.find_action(
        db, initiative_id=access.initiative.id, action_id=action_id, for_update=for_update
    )
    if action is None:
        raise ActionNotFound()
    return action


def add_action(db: Session, *, access: InitiativeAccess, data: ActionCreate) -> InitiativeAction:
    initiative = access.initiative
    action = InitiativeAction(
        initiative_id=initiative.id,
        position=repo.next_position(db, initiative.id),
        created_by_id=access.user.id,
        **data.model_dump(),
    )
    db.add(action)
    record_activity(db, initiative)
    db.flush()
    return action


def edit_action(
    db: Session,
    *,
    access: InitiativeAccess,
    action_id: uuid.UUID,
    data: ActionEdit,
    if_match: str | None,
) -> InitiativeAction:
    action = find_action(db, access=access, action_id=action_id, for_update=True)
    check_if_match(action.version, if_match)
    changes = data.model_dump(exclude_unset=True)
    if not changes:
        raise NothingToChange("Send at least one field to change")
    empty = [field for field in REQUIRED if field in changes and changes[field] is None]
    if empty:
        raise NothingToChange(f"{', '.join(empty)} cannot be empty")
    if all(getattr(action, field) == value for field, value in changes.items()):
        return action
    for field, value in changes.items():
        setattr(action, field, value)
    action.version += 1
    action.updated_at = utcnow()
    db.add(action)
    record_activity(db, access.initiative)
    db.flush()
    return action


def delete_action(db: Session, *, access: InitiativeAccess, action_id: uuid.UUID) -> None:
    action = find_action(db, access=access, action_id=action_id)
    db.delete(action)
    record_activity(db, access.initiative)
    db.flush()


def reorder(
    db: Session, *, access: InitiativeAccess, action_ids: list[uuid.UUID]
) -> list[InitiativeAction]:
    """The full list of the plan's action ids, each exactly once, in the new order."""
    actions = repo.actions_of(db, access.initiative.id)
    by_id = {action.id: action for action in actions}
    if len(action_ids) != len(set(action_ids)) or set(action_ids) != set(by_id):
        raise OrderMismatch(f"The plan has {len(by_id)} actions; send all of their ids once")
    for position, action_id in enumerate(action_ids):
        action = by_id[action_id]
        if action.position != position:
            action.position = position
            db.add(action)
    record_activity(db, access.initiative)
    db.flush()
    return [by_id[action_id] for action_id in action_ids]


def add_update(
    db: Session, *, access: InitiativeAccess, action_id: uuid.UUID, data: ActionUpdateCreate
) -> ActionUpdate:
    """A note, a status change or both; the action takes the new status."""
    action = find_action(db, access=access, action_id=action_id, for_update=True)
    note = data.note or None
    new_status = data.status if data.status != action.status else None
    if note is None and new_status is None:
        raise NothingToChange("Send a note, or a status different from the current one")
    entry = ActionUpdate(
        action_id=action.id,
        initiative_id=access.initiative.id,
        note=note,
        from_status=action.status if new_status else None,
        to_status=new_status,
        author_user_id=access.user.id,
        author_member_id=access.steward_member.id if access.steward_member else None,
        author_name=access.actor_name,
    )
    db.add(entry)
    if new_status is not None:
        action.status = new_status
        action.version += 1
        action.updated_at = utcnow()
        db.add(action)
    record_activity(db, access.initiative)
    db.flush()
    return entry
