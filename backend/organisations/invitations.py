"""Invitations by email link: invite, list, revoke, preview and accept (single use, 7 days)."""

import uuid
from datetime import timedelta

from sqlmodel import Session

from backend.accounts.errors import CookieSessionRequired
from backend.accounts.repository import user_by_email
from backend.accounts.service import create_user
from backend.auth.facilitator import Facilitator
from backend.config import Settings
from backend.kit.clock import utcnow
from backend.kit.tokens import hash_token, new_token
from backend.mail import OutgoingMail
from backend.models import Invitation, Membership, Organisation, User
from backend.organisations import repository
from backend.organisations.access import MemberOrganisation
from backend.organisations.errors import (
    AccountDetailsRequired,
    AccountExists,
    AlreadyMember,
    InvitationInvalid,
    InvitationNotFound,
)
from backend.organisations.schemas import InvitationAccept, InvitationCreate, InvitationPreview

INVITATION_LIFETIME = timedelta(days=7)


def invite(
    db: Session, *, settings: Settings, access: MemberOrganisation, data: InvitationCreate
) -> tuple[Invitation, OutgoingMail]:
    organisation, inviter = access.organisation, access.facilitator.user
    if repository.member_by_email(db, organisation_id=organisation.id, email=data.email):
        raise AlreadyMember()
    now = utcnow()
    # Inviting the same address again replaces the earlier link.
    repository.revoke_pending_for_email(
        db, organisation_id=organisation.id, email=data.email, now=now
    )
    token = new_token("cyd_inv")
    invitation = Invitation(
        organisation_id=organisation.id,
        email=data.email,
        role=data.role,
        token_hash=hash_token(token),
        invited_by_id=inviter.id,
        expires_at=now + INVITATION_LIFETIME,
    )
    db.add(invitation)
    db.flush()
    mail = OutgoingMail(
        to=data.email,
        template="invitation",
        locale="cy" if inviter.locale == "cy" else "en",
        values={
            "inviter": inviter.name,
            "organisation": organisation.name,
            "role": data.role.value,
            "link": f"{settings.public_base_url.rstrip('/')}/invitations/accept?token={token}",
        },
    )
    return invitation, mail


def revoke(db: Session, *, access: MemberOrganisation, invitation_id: uuid.UUID) -> None:
    invitation = repository.pending_invitation(
        db, organisation_id=access.organisation.id, invitation_id=invitation_id, now=utcnow()
    )
    if invitation is None:
        raise InvitationNotFound()
    invitation.revoked_at = utcnow()
    db.add(invitation)
    db.flush()


def _usable(db: Session, token: str) -> tuple[Invitation, Organisation]:
    invitation = repository.invitation_by_hash(db, hash_token(token))
    if (
        invitation is None
        or invitation.accepted_at is not None
        or invitation.revoked_at is not None
        or invitation.expires_at <= utcnow()
    ):
        raise InvitationInvalid()
    organisation = db.get(Organisation, invitation.organisation_id)
    if organisation is None:
        raise InvitationInvalid()
    return invitation, organisation


def preview(db: Session, *, token: str) -> InvitationPreview:
    invitation, organisation = _usable(db, token)
    return InvitationPreview(
        organisation_id=organisation.id,
        organisation_name=organisation.name,
        email=invitation.email,
        role=invitation.role,
        expires_at=invitation.expires_at,
        account_exists=user_by_email(db, invitation.email) is not None,
    )


def accept(db: Session, *, data: InvitationAccept, caller: Facilitator | None) -> tuple[User, bool]:
    """Join the organisation as the signed-in user, or as a new account made from the invitation's
    email; returns the user and whether the account was created here."""
    invitation, organisation = _usable(db, data.token)
    if caller is not None and not caller.via_cookie:
        raise CookieSessionRequired()
    created = caller is None
    if caller is not None:
        user = caller.user
        if repository.member_by_user(db, organisation_id=organisation.id, user_id=user.id):
            raise AlreadyMember()
    else:
        if user_by_email(db, invitation.email) is not None:
            raise AccountExists()
        if data.name is None or data.password is None:
            raise AccountDetailsRequired(
                errors=[
                    {"loc": ["body", field], "msg": "Field required", "type": "missing"}
                    for field in ("name", "password")
                    if getattr(data, field) is None
                ]
            )
        user = create_user(
            db, name=data.name, email=invitation.email, password=data.password, locale=data.locale
        )
    if not repository.use_invitation(
        db, invitation_id=invitation.id, user_id=user.id, now=utcnow()
    ):
        raise InvitationInvalid()
    db.add(Membership(organisation_id=organisation.id, user_id=user.id, role=invitation.role))
    db.flush()
    return user, created
