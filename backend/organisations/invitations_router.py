"""Invitations: owners invite by email; the link's holder previews and accepts it."""

import uuid
from typing import Annotated

from fastapi import APIRouter, BackgroundTasks, Depends, Request, Response, status

from backend.accounts.schemas import Me
from backend.accounts.service import me
from backend.accounts.sessions import sign_in_browser
from backend.auth.csrf import check_origin
from backend.auth.facilitator import Facilitator, optional_facilitator
from backend.deps import AppSettings, DbSession, Paging
from backend.errors import problem_responses
from backend.kit.clock import utcnow
from backend.kit.pagination import Page, paginate
from backend.mail import send_after_response
from backend.models import Invitation
from backend.organisations import invitations, repository
from backend.organisations.access import OrganisationOwner, OrganisationReader
from backend.organisations.schemas import (
    InvitationAccept,
    InvitationCreate,
    InvitationPreview,
    InvitationPublic,
    InvitationToken,
)

router = APIRouter(tags=["organisations"])
MaybeFacilitator = Annotated[Facilitator | None, Depends(optional_facilitator)]


@router.post(
    "/organisations/{organisation_id}/invitations",
    name="organisations-invitations-create",
    status_code=status.HTTP_201_CREATED,
    responses=problem_responses(401, 403, 404, 409),
)
def create_invitation(
    data: InvitationCreate,
    tasks: BackgroundTasks,
    db: DbSession,
    settings: AppSettings,
    access: OrganisationOwner,
) -> InvitationPublic:
    """Invite someone by email (owners only). The link works once, for 7 days; inviting the same
    address again replaces it. The email is written in your language."""
    invitation, mail = invitations.invite(db, settings=settings, access=access, data=data)
    send_after_response(tasks, settings, mail)
    return InvitationPublic.model_validate(invitation, from_attributes=True)


@router.get(
    "/organisations/{organisation_id}/invitations",
    name="organisations-invitations-list",
    responses=problem_responses(401, 403, 404),
)
def list_invitations(
    db: DbSession, access: OrganisationReader, paging: Paging
) -> Page[InvitationPublic]:
    """Invitations not yet accepted, revoked or expired."""
    stmt = repository.pending_invitations(access.organisation.id, utcnow())
    rows, cursor = paginate(db, stmt, Invitation, paging)
    return Page(
        items=[InvitationPublic.model_validate(row, from_attributes=True) for row in rows],
        next_cursor=cursor,
    )


@router.delete(
    "/organisations/{organisation_id}/invitations/{invitation_id}",
    name="organisations-invitations-revoke",
    status_code=status.HTTP_204_NO_CONTENT,
    responses=problem_responses(401, 403, 404),
)
def revoke_invitation(invitation_id: uuid.UUID, db: DbSession, access: OrganisationOwner) -> None:
    """Withdraw a pending invitation (owners only); its link stops working."""
    invitations.revoke(db, access=access, invitation_id=invitation_id)


@router.post("/invitations/preview", name="invitations-preview", responses=problem_responses(400))
def preview_invitation(data: InvitationToken, db: DbSession) -> InvitationPreview:
    """What an invitation link offers (no sign-in needed)."""
    return invitations.preview(db, token=data.token)


@router.post(
    "/invitations/accept",
    name="invitations-accept",
    responses=problem_responses(400, 403, 409),
)
def accept_invitation(
    data: InvitationAccept,
    request: Request,
    response: Response,
    db: DbSession,
    settings: AppSettings,
    caller: MaybeFacilitator,
) -> Me:
    """Join the organisation. Signed in: as yourself. Otherwise give a name and password: an
    account is made for the invited email address and this browser is signed in."""
    check_origin(request, settings, required=False)
    user, created = invitations.accept(db, data=data, caller=caller)
    if created:
        sign_in_browser(db, settings=settings, request=request, response=response, user=user)
    return me(db, user)
