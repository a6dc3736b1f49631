"""/organisations/...: your organisations and their members (plus the invitation and
perspective routes included below)."""

import uuid

from fastapi import APIRouter, status

from backend.deps import DbSession, Paging
from backend.errors import problem_responses
from backend.kit.pagination import Page
from backend.organisations import service
from backend.organisations.access import (
    OrganisationOwner,
    OrganisationReader,
    OrganisationsReadFacilitator,
    OrganisationsWriteFacilitator,
    OrganisationWriter,
)
from backend.organisations.invitations_router import router as invitations_router
from backend.organisations.perspectives_router import router as perspectives_router
from backend.organisations.schemas import (
    MemberPublic,
    MemberUpdate,
    OrganisationCreate,
    OrganisationPublic,
    OrganisationUpdate,
)

router = APIRouter(tags=["organisations"])


@router.get("/organisations", name="organisations-list", responses=problem_responses(401, 403))
def list_organisations(
    db: DbSession, facilitator: OrganisationsReadFacilitator, paging: Paging
) -> Page[OrganisationPublic]:
    """The organisations you belong to, with your role in each."""
    return service.list_mine(db, user=facilitator.user, paging=paging)


@router.post(
    "/organisations",
    name="organisations-create",
    status_code=status.HTTP_201_CREATED,
    responses=problem_responses(401, 403),
)
def create_organisation(
    data: OrganisationCreate, db: DbSession, facilitator: OrganisationsWriteFacilitator
) -> OrganisationPublic:
    """Create another organisation; you become its owner."""
    organisation, membership = service.create_organisation(db, user=facilitator.user, data=data)
    return service.organisation_public(organisation, membership)


@router.get(
    "/organisations/{organisation_id}",
    name="organisations-read",
    responses=problem_responses(401, 403, 404),
)
def read_organisation(access: OrganisationReader) -> OrganisationPublic:
    """One of your organisations."""
    return service.organisation_public(access.organisation, access.membership)


@router.patch(
    "/organisations/{organisation_id}",
    name="organisations-update",
    responses=problem_responses(401, 403, 404),
)
def update_organisation(
    data: OrganisationUpdate, db: DbSession, access: OrganisationOwner
) -> OrganisationPublic:
    """Rename the organisation (owners only)."""
    organisation = service.update_organisation(db, access=access, data=data)
    return service.organisation_public(organisation, access.membership)


@router.get(
    "/organisations/{organisation_id}/members",
    name="organisations-members-list",
    responses=problem_responses(401, 403, 404),
)
def list_members(db: DbSession, access: OrganisationReader, paging: Paging) -> Page[MemberPublic]:
    """The organisation's members and their roles."""
    return service.list_members(db, access=access, paging=paging)


@router.patch(
    "/organisations/{organisation_id}/members/{membership_id}",
    name="organisations-members-update",
    responses=problem_responses(401, 403, 404, 409),
)
def update_member(
    membership_id: uuid.UUID,
    data: MemberUpdate,
    db: DbSession,
    access: OrganisationOwner,
) -> MemberPublic:
    """Change a member's role (owners only). The last owner cannot be demoted."""
    return service.change_role(db, access=access, membership_id=membership_id, role=data.role)


@router.delete(
    "/organisations/{organisation_id}/members/{membership_id}",
    name="organisations-members-remove",
    status_code=status.HTTP_204_NO_CONTENT,
    responses=problem_responses(401, 403, 404, 409),
)
def remove_member(membership_id: uuid.UUID, db: DbSession, access: OrganisationWriter) -> None:
    """Remove a member (owners), or leave the organisation yourself. The last owner cannot go."""
    service.remove_member(db, access=access, membership_id=membership_id)


router.include_router(invitations_router)
router.include_router(perspectives_router)
