"""Turning rows into response bodies."""

from datetime import date

from sqlmodel import Session

from backend.initiatives import repository as repo
from backend.initiatives.access import InitiativeAccess
from backend.initiatives.action_schemas import ActionPublic, ActionUpdatePublic
from backend.initiatives.schemas import InitiativeDetail, InitiativePublic
from backend.initiatives.steward_schemas import StewardMemberPublic, StewardPublic
from backend.models import ActionStatus, ActionUpdate, Initiative, InitiativeAction, StewardMember


def initiative_public(initiative: Initiative) -> InitiativePublic:
    return InitiativePublic.model_validate(initiative, from_attributes=True)


def member_public(member: StewardMember) -> StewardMemberPublic:
    return StewardMemberPublic(
        id=member.id,
        display_name=member.display_name,
        role_label=member.role_label,
        email=member.email,
        agreed_to_be_named=member.agreed_to_be_named,
        linked=member.user_id is not None,
        accepted_at=member.accepted_at,
        created_at=member.created_at,
    )


def steward_public(db: Session, initiative: Initiative) -> StewardPublic | None:
    steward = repo.steward_of(db, initiative.id)
    if steward is None:
        return None
    return StewardPublic(
        id=steward.id,
        kind=steward.kind,
        name=steward.name,
        description=steward.description,
        members=[member_public(m) for m in repo.current_members(db, initiative.id)],
        updated_at=steward.updated_at,
    )


def initiative_detail(db: Session, access: InitiativeAccess) -> InitiativeDetail:
    initiative = access.initiative
    return InitiativeDetail(
        **initiative_public(initiative).model_dump(),
        steward=steward_public(db, initiative),
        can_manage_steward=access.is_organisation_member,
        acting_as_steward=access.steward_member is not None,
    )


def is_overdue(action: InitiativeAction, today: date) -> bool:
    return (
        action.due_on is not None and action.due_on < today and action.status != ActionStatus.done
    )


def action_public(action: InitiativeAction, today: date) -> ActionPublic:
    return ActionPublic(
        id=action.id,
        title=action.title,
        description=action.description,
        owner_role=action.owner_role,
        owner_name=action.owner_name,
        owner_agreed_to_be_named=action.owner_agreed_to_be_named,
        due_on=action.due_on,
        status=action.status,
        position=action.position,
        version=action.version,
        overdue=is_overdue(action, today),
        created_at=action.created_at,
        updated_at=action.updated_at,
    )


def update_public(update: ActionUpdate) -> ActionUpdatePublic:
    return ActionUpdatePublic.model_validate(update, from_attributes=True)
