"""The partner slice's problems, each with a stable code and English and Welsh titles."""

from backend.errors import Forbidden, NotFound, RuleBroken, TooManyRequests, Unauthenticated


class PartnerKeyInvalid(Unauthenticated):
    code = "partner_key_invalid"
    title_en = "The API key is unknown, revoked or expired"
    title_cy = "Mae'r allwedd API yn anhysbys, wedi'i dirymu neu wedi dod i ben"


class PartnerScopeMissing(Forbidden):
    code = "partner_scope_missing"
    title_en = "This API key's scopes do not allow that"
    title_cy = "Nid yw cwmpasau'r allwedd API hon yn caniatáu hynny"


class PartnerRateLimited(TooManyRequests):
    code = "partner_rate_limited"
    title_en = "Too many requests with this API key; wait, then try again"
    title_cy = "Gormod o geisiadau gyda'r allwedd API hon; arhoswch, yna rhowch gynnig arall arni"


class ApiKeyNotFound(NotFound):
    code = "api_key_not_found"
    title_en = "No such API key in this organisation"
    title_cy = "Nid oes allwedd API o'r fath yn y sefydliad hwn"


class ApiKeyExpiryInPast(RuleBroken):
    code = "api_key_expiry_in_past"
    title_en = "An API key's expiry must be in the future"
    title_cy = "Rhaid i ddyddiad dod i ben allwedd API fod yn y dyfodol"


class PartnerSessionNotFound(NotFound):
    code = "partner_session_not_found"
    title_en = "No such published session in this organisation"
    title_cy = "Nid oes sesiwn gyhoeddedig o'r fath yn y sefydliad hwn"


class PartnerInitiativeNotFound(NotFound):
    code = "partner_initiative_not_found"
    title_en = "No such initiative of a published session in this organisation"
    title_cy = "Nid oes menter o'r fath o sesiwn gyhoeddedig yn y sefydliad hwn"
