"""The ideas slice's problems, each with a stable code and an English and Welsh title."""

from backend.errors import AppError, Conflict, NotFound, RuleBroken


class NotSeated(Conflict):
    code = "not_seated"
    title_en = "You are not seated at a table yet"
    title_cy = "Nid ydych yn eistedd wrth fwrdd eto"


class IdeaNotFound(NotFound):
    code = "idea_not_found"
    title_en = "No such idea here"
    title_cy = "Nid oes syniad o'r fath yma"


class ThemeNotFound(NotFound):
    code = "theme_not_found"
    title_en = "No such theme at this table"
    title_cy = "Nid oes thema o'r fath wrth y bwrdd hwn"


class FlagNotFound(NotFound):
    code = "flag_not_found"
    title_en = "No such safeguarding flag in this session"
    title_cy = "Nid oes baner ddiogelu o'r fath yn y sesiwn hon"


class PreconditionRequired(AppError):
    status, code = 428, "precondition_required"
    title_en = "Send the idea's ETag in If-Match to change it"
    title_cy = "Anfonwch ETag y syniad yn If-Match i'w newid"


class PreconditionFailed(AppError):
    status, code = 412, "precondition_failed"
    title_en = "Someone changed this idea since you loaded it"
    title_cy = "Mae rhywun wedi newid y syniad hwn ers i chi ei lwytho"


class IdeasNotSameTable(RuleBroken):
    code = "ideas_not_same_table"
    title_en = "Only visible ideas of your own table can be combined"
    title_cy = "Dim ond syniadau gweladwy eich bwrdd eich hun y gellir eu cyfuno"


class IdeaNotActive(RuleBroken):
    code = "idea_not_active"
    title_en = "This idea has been combined into another and can no longer change"
    title_cy = "Mae'r syniad hwn wedi'i gyfuno ag un arall ac ni all newid mwyach"


class AuthorNotTablemate(RuleBroken):
    code = "author_not_tablemate"
    title_en = "The author must be someone at this table"
    title_cy = "Rhaid i'r awdur fod yn rhywun wrth y bwrdd hwn"


class AuthorNotInSession(RuleBroken):
    code = "author_not_in_session"
    title_en = "The author must be a participant of this session"
    title_cy = "Rhaid i'r awdur fod yn gyfranogwr yn y sesiwn hon"


class ThemeNotAtTable(RuleBroken):
    code = "theme_not_at_table"
    title_en = "The theme must belong to the idea's table"
    title_cy = "Rhaid i'r thema berthyn i fwrdd y syniad"


class BulkLinesInvalid(RuleBroken):
    code = "bulk_lines_invalid"
    title_en = "Some lines cannot be entered; nothing was saved"
    title_cy = "Ni ellir cofnodi rhai llinellau; ni chadwyd dim"


class NothingToChange(RuleBroken):
    code = "nothing_to_change"
    title_en = "Send at least one field to change"
    title_cy = "Anfonwch o leiaf un maes i'w newid"


class AlreadyHidden(Conflict):
    code = "idea_already_hidden"
    title_en = "This idea is already hidden"
    title_cy = "Mae'r syniad hwn eisoes wedi'i guddio"


class NotHidden(Conflict):
    code = "idea_not_hidden"
    title_en = "This idea is not hidden"
    title_cy = "Nid yw'r syniad hwn wedi'i guddio"


class FlagAlreadyResolved(Conflict):
    code = "flag_already_resolved"
    title_en = "This safeguarding flag is already resolved"
    title_cy = "Mae'r faner ddiogelu hon eisoes wedi'i datrys"
