"""Inviting a steward member by a one-time link (14 days; only the token's hash is kept), and
accepting it as a signed-in user, or as a new account made on the spot."""

import uuid
from datetime import timedelta

from sqlalchemy import update
from sqlmodel import Session, col

from backend.accounts.service import create_user
from backend.auth.facilitator import Facilitator
from backend.config import Settings
from backend.initiatives import repository as repo
from backend.initiatives.access import InitiativeAccess, linked_steward_member
from backend.initiatives.activity import record_activity
from backend.initiatives.errors import (
    AccountDetailsRequired,
    AlreadySteward,
    InvitationInvalid,
    MemberAlreadyLinked,
)
from backend.initiatives.mail import STEWARD_INVITATION
from backend.initiatives.steward_schemas import (
    StewardInvitationAccept,
    StewardInvitationCreate,
    StewardInvitationLink,
    StewardInvitationPreview,
)
from backend.initiatives.stewards import ensure_organisation_member, find_member
from backend.kit.clock import utcnow
from backend.kit.tokens import hash_token, new_token
from backend.mail import OutgoingMail
from backend.models import (
    Initiative,
    Organisation,
    Steward,
    StewardInvitation,
    StewardKind,
    StewardMember,
    User,
)

INVITATION_LIFETIME = timedelta(days=14)
ACCEPT_PATH = "/steward-invitation"


def invite(
    db: Session,
    *,
    settings: Settings,
    access: InitiativeAccess,
    member_id: uuid.UUID,
    data: StewardInvitationCreate,
) -> tuple[StewardInvitationLink, OutgoingMail | None]:
    """A new link for the member (older open links stop working), emailed when they have an
    address. The link is returned once; the token sits in its fragment, so it never reaches logs."""
    ensure_organisation_member(access)
    member = find_member(db, access=access, member_id=member_id)
    if member.user_id is not None:
        raise MemberAlreadyLinked()
    now = utcnow()
    for older in repo.open_invitations(db, member.id):
        older.revoked_at = now
        db.add(older)
    token = new_token("cyd_stw")
    invitation = StewardInvitation(
        member_id=member.id,
        token_hash=hash_token(token),
        invited_by_id=access.user.id,
        expires_at=now + INVITATION_LIFETIME,
    )
    db.add(invitation)
    db.flush()
    link = f"{settings.public_base_url.rstrip('/')}{ACCEPT_PATH}#{token}"
    mail = None
    if member.email:
        organisation = db.get(Organisation, access.initiative.organisation_id)
        inviter = access.user
        mail = OutgoingMail(
            to=member.email,
            template=STEWARD_INVITATION,
            locale=data.locale or ("cy" if inviter.locale == "cy" else "en"),
            values={
                "name": member.display_name,
                "inviter": inviter.name,
                "organisation": organisation.name if organisation else "",
                "link": link,
            },
        )
    return StewardInvitationLink(
        link=link, expires_at=invitation.expires_at, emailed_to=member.email
    ), mail


def _usable(db: Session, token: str) -> tuple[StewardInvitation, StewardMember, Initiative]:
    invitation = repo.invitation_by_hash(db, hash_token(token))
    if (
        invitation is None
        or invitation.accepted_at is not None
        or invitation.revoked_at is not None
        or invitation.expires_at <= utcnow()
    ):
        raise InvitationInvalid()
    member = db.get(StewardMember, invitation.member_id)
    if member is None or member.removed_at is not None or member.user_id is not None:
        raise InvitationInvalid()
    initiative = db.get(Initiative, member.initiative_id)
    if initiative is None:
        raise InvitationInvalid()
    return invitation, member, initiative


def preview(db: Session, *, token: str) -> StewardInvitationPreview:
    invitation, member, initiative = _usable(db, token)
    organisation = db.get(Organisation, initiative.organisation_id)
    steward = db.get(Steward, member.steward_id)
    return StewardInvitationPreview(
        initiative_title=initiative.title,
        organisation_name=organisation.name if organisation else "",
        display_name=member.display_name,
        role_label=member.role_label,
        steward_kind=steward.kind if steward else StewardKind.person,
        expires_at=invitation.expires_at,
    )


def accept(
    db: Session, *, data: StewardInvitationAccept, caller: Facilitator | None
) -> tuple[StewardMember, Initiative, User, bool]:
    """Link the member to the signed-in user, or to a new account; returns whether it is new."""
    invitation, member, initiative = _usable(db, data.token)
    created = caller is None
    if caller is not None:
        user = caller.user
        if linked_steward_member(db, initiative_id=initiative.id, user_id=user.id):
            raise AlreadySteward()
    else:
        if data.name is None or data.email is None or data.password is None:
            raise AccountDetailsRequired(
                errors=[
                    {"loc": ["body", field], "msg": "Field required", "type": "missing"}
                    for field in ("name", "email", "password")
                    if getattr(data, field) is None
                ]
            )
        user = create_user(
            db, name=data.name, email=data.email, password=data.password, locale=data.locale
        )
    now = utcnow()
    # Single use even when two tabs accept at once: only one UPDATE finds it still open.
    used = db.exec(  # type: ignore[call-overload]
        update(StewardInvitation)
        .where(
            col(StewardInvitation.id) == invitation.id,
            col(StewardInvitation.accepted_at).is_(None),
            col(StewardInvitation.revoked_at).is_(None),
        )
        .values(accepted_at=now, accepted_by_id=user.id)
    ).rowcount
    if used != 1:
        raise InvitationInvalid()
    member.user_id, member.accepted_at = user.id, now
    db.add(member)
    record_activity(db, initiative)
    db.flush()
    return member, initiative, user, created
