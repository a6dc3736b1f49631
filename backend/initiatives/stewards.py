"""The steward of an initiative and its members. Only the organisation's facilitators choose the
steward and its members; a removed member keeps its row (history) and loses access at once."""

import uuid

from sqlmodel import Session

from backend.initiatives import repository as repo
from backend.initiatives.access import InitiativeAccess
from backend.initiatives.activity import record_activity
from backend.initiatives.errors import (
    MemberNotFound,
    NothingToChange,
    OrganisationMemberRequired,
    StewardNotSet,
    StewardShape,
)
from backend.initiatives.steward_schemas import StewardMemberCreate, StewardMemberUpdate, StewardSet
from backend.kit.clock import utcnow
from backend.models import Steward, StewardKind, StewardMember


def ensure_organisation_member(access: InitiativeAccess) -> None:
    if not access.is_organisation_member:
        raise OrganisationMemberRequired("Stewards keep the action plan; facilitators choose them")


def set_steward(db: Session, *, access: InitiativeAccess, data: StewardSet) -> Steward:
    """Create the steward, or change its kind, name and description (its members stay)."""
    ensure_organisation_member(access)
    initiative = access.initiative
    if data.kind != StewardKind.person and not data.name:
        raise StewardShape(f"A {data.kind.value.replace('_', ' ')} needs a name")
    members = repo.current_members(db, initiative.id)
    if data.kind == StewardKind.person and len(members) > 1:
        raise StewardShape("A person steward has one member: remove the others first")
    steward = repo.steward_of(db, initiative.id)
    if steward is None:
        steward = Steward(initiative_id=initiative.id, kind=data.kind)
    else:
        steward.updated_at = utcnow()
    steward.kind, steward.name, steward.description = (
        data.kind,
        data.name,
        data.description or None,
    )
    db.add(steward)
    record_activity(db, initiative)
    db.flush()
    return steward


def add_member(
    db: Session, *, access: InitiativeAccess, data: StewardMemberCreate
) -> StewardMember:
    ensure_organisation_member(access)
    initiative = access.initiative
    steward = repo.steward_of(db, initiative.id)
    if steward is None:
        raise StewardNotSet()
    if steward.kind == StewardKind.person and repo.current_members(db, initiative.id):
        raise StewardShape("A person steward has one member; make it a committee for more")
    member = StewardMember(
        steward_id=steward.id,
        initiative_id=initiative.id,
        display_name=data.display_name,
        role_label=data.role_label,
        email=data.email,
        agreed_to_be_named=data.agreed_to_be_named,
    )
    db.add(member)
    record_activity(db, initiative)
    db.flush()
    return member


def find_member(db: Session, *, access: InitiativeAccess, member_id: uuid.UUID) -> StewardMember:
    member = repo.current_member(db, initiative_id=access.initiative.id, member_id=member_id)
    if member is None:
        raise MemberNotFound()
    return member


def update_member(
    db: Session, *, access: InitiativeAccess, member_id: uuid.UUID, data: StewardMemberUpdate
) -> StewardMember:
    ensure_organisation_member(access)
    member = find_member(db, access=access, member_id=member_id)
    changes = data.model_dump(exclude_unset=True)
    if not changes:
        raise NothingToChange("Send display_name, role_label, email and/or agreed_to_be_named")
    for field in ("display_name", "role_label", "agreed_to_be_named"):
        if field in changes and changes[field] is None:
            raise NothingToChange(f"{field} cannot be empty")
    for field, value in changes.items():
        setattr(member, field, value)
    member.updated_at = utcnow()
    db.add(member)
    record_activity(db, access.initiative)
    db.flush()
    return member


def remove_member(db: Session, *, access: InitiativeAccess, member_id: uuid.UUID) -> None:
    ensure_organisation_member(access)
    member = find_member(db, access=access, member_id=member_id)
    now = utcnow()
    member.removed_at = now
    db.add(member)
    for invitation in repo.open_invitations(db, member.id):
        invitation.revoked_at = now
        db.add(invitation)
    record_activity(db, access.initiative)
    db.flush()
