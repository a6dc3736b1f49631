"""The organisation slice's problems, each with a stable code and English and Welsh titles."""

from backend.errors import AppError, Conflict, Forbidden, NotFound


class OrganisationNotFound(NotFound):
    code = "organisation_not_found"
    title_en = "No such organisation among yours"
    title_cy = "Nid oes sefydliad o'r fath ymhlith eich rhai chi"


class OwnerRequired(Forbidden):
    code = "owner_required"
    title_en = "Only an owner of the organisation can do that"
    title_cy = "Dim ond perchennog y sefydliad all wneud hynny"


class MemberNotFound(NotFound):
    code = "member_not_found"
    title_en = "No such member of this organisation"
    title_cy = "Nid oes aelod o'r fath yn y sefydliad hwn"


class LastOwner(Conflict):
    code = "last_owner"
    title_en = "The organisation must keep at least one owner"
    title_cy = "Rhaid i'r sefydliad gadw o leiaf un perchennog"


class AlreadyMember(Conflict):
    code = "already_member"
    title_en = "Already a member of this organisation"
    title_cy = "Eisoes yn aelod o'r sefydliad hwn"


class InvitationNotFound(NotFound):
    code = "invitation_not_found"
    title_en = "No such pending invitation"
    title_cy = "Nid oes gwahoddiad o'r fath yn aros"


class InvitationInvalid(AppError):
    status = 400
    code = "invitation_invalid"
    title_en = "This invitation is not valid, has been used or has expired"
    title_cy = "Nid yw'r gwahoddiad hwn yn ddilys, mae wedi'i ddefnyddio neu mae wedi dod i ben"


class AccountExists(Conflict):
    code = "account_exists"
    title_en = "An account with this email address exists: sign in, then accept the invitation"
    title_cy = (
        "Mae cyfrif gyda'r cyfeiriad e-bost hwn yn bodoli: mewngofnodwch, yna derbyniwch y "
        "gwahoddiad"
    )


class AccountDetailsRequired(AppError):
    status = 422
    code = "account_details_required"
    title_en = "Give your name and a password to create your account"
    title_cy = "Rhowch eich enw a chyfrinair i greu eich cyfrif"


class PerspectiveExists(Conflict):
    code = "perspective_exists"
    title_en = "This organisation already has a perspective with that key"
    title_cy = "Mae gan y sefydliad hwn safbwynt gyda'r allwedd honno eisoes"


class PerspectiveNotFound(NotFound):
    code = "perspective_not_found"
    title_en = "No such perspective in this organisation"
    title_cy = "Nid oes safbwynt o'r fath yn y sefydliad hwn"
