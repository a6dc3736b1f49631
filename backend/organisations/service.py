"""Organisation rules: creating and renaming, members and their roles, custom perspectives."""

import uuid

from sqlalchemy.exc import IntegrityError
from sqlmodel import Session

from backend.kit.pagination import Page, PageParams, paginate
from backend.models import CustomPerspective, Membership, Organisation, Role, User
from backend.organisations import repository
from backend.organisations.access import MemberOrganisation
from backend.organisations.errors import (
    LastOwner,
    MemberNotFound,
    OwnerRequired,
    PerspectiveExists,
    PerspectiveNotFound,
)
from backend.organisations.schemas import (
    MemberPublic,
    OrganisationCreate,
    OrganisationPublic,
    OrganisationUpdate,
    PerspectiveCreate,
    PerspectiveLabel,
    PerspectivePublic,
)


def organisation_public(organisation: Organisation, membership: Membership) -> OrganisationPublic:
    return OrganisationPublic(
        id=organisation.id,
        name=organisation.name,
        created_at=organisation.created_at,
        role=membership.role,
    )


def list_mine(db: Session, *, user: User, paging: PageParams) -> Page[OrganisationPublic]:
    rows, cursor = paginate(db, repository.memberships_of_user(user.id), Membership, paging)
    organisations = repository.organisations_by_id(db, (m.organisation_id for m in rows))
    return Page(
        items=[organisation_public(organisations[m.organisation_id], m) for m in rows],
        next_cursor=cursor,
    )


def create_organisation(
    db: Session, *, user: User, data: OrganisationCreate
) -> tuple[Organisation, Membership]:
    organisation = Organisation(name=data.name)
    db.add(organisation)
    db.flush()
    membership = Membership(organisation_id=organisation.id, user_id=user.id, role=Role.owner)
    db.add(membership)
    db.flush()
    return organisation, membership


def update_organisation(
    db: Session, *, access: MemberOrganisation, data: OrganisationUpdate
) -> Organisation:
    organisation = access.organisation
    if data.name is not None:
        organisation.name = data.name
    db.add(organisation)
    db.flush()
    return organisation


def member_public(membership: Membership, user: User) -> MemberPublic:
    return MemberPublic(
        id=membership.id,
        user_id=user.id,
        name=user.name,
        email=user.email,
        role=membership.role,
        created_at=membership.created_at,
    )


def list_members(
    db: Session, *, access: MemberOrganisation, paging: PageParams
) -> Page[MemberPublic]:
    rows, cursor = paginate(db, repository.members(access.organisation.id), Membership, paging)
    users = repository.users_by_id(db, (m.user_id for m in rows))
    return Page(items=[member_public(m, users[m.user_id]) for m in rows], next_cursor=cursor)


def _member(db: Session, access: MemberOrganisation, membership_id: uuid.UUID) -> Membership:
    found = repository.member(
        db, organisation_id=access.organisation.id, membership_id=membership_id
    )
    if found is None:
        raise MemberNotFound()
    return found


def _keep_an_owner(db: Session, organisation_id: uuid.UUID, leaving: Membership) -> None:
    owners = repository.lock_owners(db, organisation_id)
    if leaving.role == Role.owner and all(o.id == leaving.id for o in owners):
        raise LastOwner()


def change_role(
    db: Session, *, access: MemberOrganisation, membership_id: uuid.UUID, role: Role
) -> MemberPublic:
    target = _member(db, access, membership_id)
    if target.role == Role.owner and role != Role.owner:
        _keep_an_owner(db, access.organisation.id, target)
    target.role = role
    db.add(target)
    db.flush()
    user = db.get(User, target.user_id)
    assert user is not None
    return member_public(target, user)


def remove_member(db: Session, *, access: MemberOrganisation, membership_id: uuid.UUID) -> None:
    """Owners remove anyone; any member may remove themselves (leave)."""
    target = _member(db, access, membership_id)
    if not access.is_owner and target.id != access.membership.id:
        raise OwnerRequired()
    _keep_an_owner(db, access.organisation.id, target)
    db.delete(target)
    db.flush()


def perspective_public(row: CustomPerspective) -> PerspectivePublic:
    return PerspectivePublic(
        id=row.id,
        key=row.key,
        label=PerspectiveLabel(en=row.label_en, cy=row.label_cy),
        created_at=row.created_at,
    )


def create_perspective(
    db: Session, *, access: MemberOrganisation, data: PerspectiveCreate
) -> CustomPerspective:
    organisation_id = access.organisation.id
    if repository.perspective_by_key(db, organisation_id=organisation_id, key=data.key):
        raise PerspectiveExists()
    row = CustomPerspective(
        organisation_id=organisation_id,
        key=data.key,
        label_en=data.label.en,
        label_cy=data.label.cy,
    )
    db.add(row)
    try:
        db.flush()
    except IntegrityError as exc:  # added by someone else a moment ago
        raise PerspectiveExists() from exc
    return row


def delete_perspective(
    db: Session, *, access: MemberOrganisation, perspective_id: uuid.UUID
) -> None:
    row = repository.perspective(
        db, organisation_id=access.organisation.id, perspective_id=perspective_id
    )
    if row is None:
        raise PerspectiveNotFound()
    db.delete(row)
    db.flush()
