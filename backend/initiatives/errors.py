"""The initiatives slice's problems, each with a stable code and English and Welsh titles."""

from backend.errors import AppError, Conflict, Forbidden, NotFound, RuleBroken


class InitiativeNotFound(NotFound):
    code = "initiative_not_found"
    title_en = "No such initiative among yours"
    title_cy = "Nid oes menter o'r fath ymhlith eich rhai chi"


class IdeaNotFound(NotFound):
    code = "idea_not_found"
    title_en = "No such idea in this session"
    title_cy = "Nid oes syniad o'r fath yn y sesiwn hon"


class IdeaNotAvailable(RuleBroken):
    code = "idea_not_available"
    title_en = "Only a visible idea that was not merged into another can go forward"
    title_cy = "Dim ond syniad gweladwy na chafodd ei gyfuno ag un arall all fynd ymlaen"


class TooEarly(RuleBroken):
    code = "initiatives_not_open"
    title_en = "Ideas go forward once the session has passed the reduce phase"
    title_cy = "Mae syniadau'n mynd ymlaen unwaith y bydd y sesiwn wedi mynd heibio'r cam lleihau"


class IdeaAlreadyForward(Conflict):
    code = "idea_already_forward"
    title_en = "This idea is already an initiative"
    title_cy = "Mae'r syniad hwn eisoes yn fenter"


class PreconditionRequired(AppError):
    status, code = 428, "precondition_required"
    title_en = "Send the ETag you last saw in If-Match to change this"
    title_cy = "Anfonwch yr ETag a welsoch ddiwethaf yn If-Match i newid hyn"


class PreconditionFailed(AppError):
    status, code = 412, "precondition_failed"
    title_en = "Someone changed this since you loaded it"
    title_cy = "Mae rhywun wedi newid hwn ers i chi ei lwytho"


class OrganisationMemberRequired(Forbidden):
    code = "organisation_member_required"
    title_en = "Only the organisation's facilitators can do that"
    title_cy = "Dim ond hwyluswyr y sefydliad all wneud hynny"


class StewardNotSet(RuleBroken):
    code = "steward_not_set"
    title_en = "Choose the initiative's steward first"
    title_cy = "Dewiswch stiward y fenter yn gyntaf"


class StewardShape(RuleBroken):
    code = "steward_shape"
    title_en = "This does not fit the kind of steward"
    title_cy = "Nid yw hyn yn cyd-fynd â'r math o stiward"


class MemberNotFound(NotFound):
    code = "steward_member_not_found"
    title_en = "No such steward member of this initiative"
    title_cy = "Nid oes aelod stiward o'r fath yn y fenter hon"


class MemberAlreadyLinked(Conflict):
    code = "steward_member_linked"
    title_en = "This steward member has already accepted an invitation"
    title_cy = "Mae'r aelod stiward hwn eisoes wedi derbyn gwahoddiad"


class InvitationInvalid(AppError):
    status, code = 400, "steward_invitation_invalid"
    title_en = "This invitation is not valid, has been used or has expired"
    title_cy = "Nid yw'r gwahoddiad hwn yn ddilys, mae wedi'i ddefnyddio neu mae wedi dod i ben"


class AlreadySteward(Conflict):
    code = "already_steward"
    title_en = "You are already a steward member of this initiative"
    title_cy = "Rydych chi eisoes yn aelod stiward o'r fenter hon"


class AccountDetailsRequired(AppError):
    status, code = 422, "account_details_required"
    title_en = "Sign in, or give your name, email and a password to create your account"
    title_cy = "Mewngofnodwch, neu rhowch eich enw, e-bost a chyfrinair i greu eich cyfrif"


class ActionNotFound(NotFound):
    code = "action_not_found"
    title_en = "No such action in this initiative's plan"
    title_cy = "Nid oes cam gweithredu o'r fath yng nghynllun y fenter hon"


class OrderMismatch(RuleBroken):
    code = "order_mismatch"
    title_en = "Send every action of the plan exactly once"
    title_cy = "Anfonwch bob cam gweithredu yn y cynllun unwaith yn union"


class NothingToChange(RuleBroken):
    code = "nothing_to_change"
    title_en = "Nothing to change"
    title_cy = "Dim byd i'w newid"
