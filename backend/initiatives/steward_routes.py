"""The steward of an initiative, its members, their invitation links, and your stewardships."""

from typing import Annotated

from fastapi import APIRouter, BackgroundTasks, Depends, Request, Response, status

from backend.accounts.sessions import sign_in_browser
from backend.auth.csrf import check_origin
from backend.auth.facilitator import Facilitator, optional_facilitator
from backend.deps import AnyFacilitator, AppSettings, DbSession, Paging
from backend.errors import problem_responses
from backend.initiatives import invitations, stewards, views
from backend.initiatives import repository as repo
from backend.initiatives.access import InitiativeEditor
from backend.initiatives.http import MemberId
from backend.initiatives.steward_schemas import (
    StewardInvitationAccept,
    StewardInvitationCreate,
    StewardInvitationLink,
    StewardInvitationPreview,
    StewardInvitationToken,
    StewardMemberCreate,
    StewardMemberPublic,
    StewardMemberUpdate,
    StewardPublic,
    StewardSet,
    Stewardship,
)
from backend.kit.pagination import Page, paginate
from backend.mail import send_after_response
from backend.models import Initiative, StewardMember

router = APIRouter(tags=["initiatives"])
ERRORS = problem_responses(401, 403, 404)
MaybeFacilitator = Annotated[Facilitator | None, Depends(optional_facilitator)]


@router.put(
    "/initiatives/{initiative_id}/steward", name="initiatives-steward-set", responses=ERRORS
)
def set_steward(data: StewardSet, access: InitiativeEditor, db: DbSession) -> StewardPublic:
    """Choose the steward (`person`, `committee` or `independent_party`; the last two need a
    name, for an independent party its organisation's name), or change its kind, name and
    description. There is one steward per initiative; its members stay. Facilitators only."""
    stewards.set_steward(db, access=access, data=data)
    found = views.steward_public(db, access.initiative)
    assert found is not None
    return found


@router.post(
    "/initiatives/{initiative_id}/steward/members",
    name="initiatives-steward-members-create",
    status_code=status.HTTP_201_CREATED,
    responses=ERRORS,
)
def add_member(
    data: StewardMemberCreate, access: InitiativeEditor, db: DbSession
) -> StewardMemberPublic:
    """Add a member to the steward (a `person` steward has one). Outside the organisation
    (partners, webhooks) they appear by `role_label` unless `agreed_to_be_named`."""
    return views.member_public(stewards.add_member(db, access=access, data=data))


@router.patch(
    "/initiatives/{initiative_id}/steward/members/{member_id}",
    name="initiatives-steward-members-update",
    responses=ERRORS,
)
def update_member(
    member_id: MemberId, data: StewardMemberUpdate, access: InitiativeEditor, db: DbSession
) -> StewardMemberPublic:
    """Change a member's name, role label, email or whether they agreed to be named."""
    member = stewards.update_member(db, access=access, member_id=member_id, data=data)
    return views.member_public(member)


@router.delete(
    "/initiatives/{initiative_id}/steward/members/{member_id}",
    name="initiatives-steward-members-remove",
    status_code=status.HTTP_204_NO_CONTENT,
    responses=ERRORS,
)
def remove_member(member_id: MemberId, access: InitiativeEditor, db: DbSession) -> None:
    """Remove a member: they lose access at once and their open invitation links stop working.
    What they wrote stays in the history."""
    stewards.remove_member(db, access=access, member_id=member_id)


@router.post(
    "/initiatives/{initiative_id}/steward/members/{member_id}/invitation",
    name="initiatives-steward-invitations-create",
    status_code=status.HTTP_201_CREATED,
    responses=problem_responses(401, 403, 404, 409),
)
def invite_member(
    member_id: MemberId,
    data: StewardInvitationCreate,
    tasks: BackgroundTasks,
    access: InitiativeEditor,
    db: DbSession,
    settings: AppSettings,
) -> StewardInvitationLink:
    """A one-time link (14 days) for the member to link their account; a new link replaces the
    old. It is emailed when the member has an address, and returned here once for you to copy.
    409 `steward_member_linked` when they have accepted already."""
    link, mail = invitations.invite(
        db, settings=settings, access=access, member_id=member_id, data=data
    )
    send_after_response(tasks, settings, mail)
    return link


@router.post(
    "/steward-invitations/preview",
    name="steward-invitations-preview",
    responses=problem_responses(400),
)
def preview_invitation(data: StewardInvitationToken, db: DbSession) -> StewardInvitationPreview:
    """What a steward invitation link offers (no sign-in needed)."""
    return invitations.preview(db, token=data.token)


@router.post(
    "/steward-invitations/accept",
    name="steward-invitations-accept",
    responses=problem_responses(400, 401, 403, 409),
)
def accept_invitation(
    data: StewardInvitationAccept,
    request: Request,
    response: Response,
    db: DbSession,
    settings: AppSettings,
    caller: MaybeFacilitator,
) -> Stewardship:
    """Become the invited steward member: signed in, as yourself; otherwise give a name, email and
    password, an account is made and this browser is signed in. From then on you can keep the
    initiative's action plan (and outcome measurements) up to date."""
    check_origin(request, settings, required=False)
    member, initiative, user, created = invitations.accept(db, data=data, caller=caller)
    if created:
        sign_in_browser(db, settings=settings, request=request, response=response, user=user)
    names = repo.organisation_names(db, {initiative.organisation_id})
    return _stewardship(member, initiative, names[initiative.organisation_id])


@router.get("/me/stewardships", name="stewardships-list", responses=problem_responses(401, 403))
def list_stewardships(
    db: DbSession, facilitator: AnyFacilitator, paging: Paging
) -> Page[Stewardship]:
    """The initiatives you steward (you accepted an invitation and were not removed)."""
    rows, cursor = paginate(db, repo.stewardships(facilitator.user.id), StewardMember, paging)
    initiatives = {row.initiative_id: db.get(Initiative, row.initiative_id) for row in rows}
    names = repo.organisation_names(
        db, {i.organisation_id for i in initiatives.values() if i is not None}
    )
    items = []
    for row in rows:
        initiative = initiatives[row.initiative_id]
        if initiative is not None:
            items.append(_stewardship(row, initiative, names.get(initiative.organisation_id, "")))
    return Page(items=items, next_cursor=cursor)


def _stewardship(member: StewardMember, initiative: Initiative, organisation: str) -> Stewardship:
    return Stewardship(
        initiative_id=initiative.id,
        initiative_title=initiative.title,
        initiative_status=initiative.status,
        organisation_name=organisation,
        member_id=member.id,
        role_label=member.role_label,
        accepted_at=member.accepted_at,
        created_at=member.created_at,
    )
