"""The participants slice's problems, each with a stable code and an English/Welsh title."""

from backend.errors import AppError, Conflict, NotFound, RuleBroken, TooManyRequests


class ParticipantNotFound(NotFound):
    code = "participant_not_found"
    title_en = "No such participant in this session"
    title_cy = "Nid oes cyfranogwr o'r fath yn y sesiwn hon"


class RejoinInvalid(NotFound):
    code = "rejoin_invalid"
    title_en = "That rejoin link or recovery code does not work"
    title_cy = "Nid yw'r ddolen ailymuno na'r cod adfer hwnnw'n gweithio"


class RejoinRateLimited(TooManyRequests):
    code = "rejoin_rate_limited"
    title_en = "Too many attempts to get back in; wait a few minutes"
    title_cy = "Gormod o ymdrechion i ddod yn ôl i mewn; arhoswch ychydig funudau"


class PerspectiveUnknown(RuleBroken):
    code = "perspective_unknown"
    title_en = "That perspective is not one this session knows"
    title_cy = "Nid yw'r safbwynt hwnnw'n un y mae'r sesiwn hon yn ei adnabod"


class ContactConsentNeeded(RuleBroken):
    code = "contact_consent_needed"
    title_en = "An email address is kept only if you agree to be contacted"
    title_cy = "Dim ond os ydych yn cytuno i gael eich cysylltu y cedwir cyfeiriad e-bost"


class EmailTaken(Conflict):
    code = "participant_email_taken"
    title_en = "Someone in this session already has that email address"
    title_cy = "Mae gan rywun yn y sesiwn hon y cyfeiriad e-bost hwnnw eisoes"


class ParticipantRemoved(Conflict):
    code = "participant_removed"
    title_en = "This participant was removed from the session"
    title_cy = "Cafodd y cyfranogwr hwn ei dynnu o'r sesiwn"


class CsvInvalid(RuleBroken):
    code = "csv_invalid"
    title_en = "The CSV file has problems; nothing was imported"
    title_cy = "Mae problemau yn y ffeil CSV; ni fewnforiwyd dim"


class CsvTooLarge(AppError):
    status, code = 413, "csv_too_large"
    title_en = "The CSV file is larger than 1 MB"
    title_cy = "Mae'r ffeil CSV yn fwy nag 1 MB"


class CsvWrongMediaType(AppError):
    status, code = 415, "csv_media_type"
    title_en = "Send the file as text/csv"
    title_cy = "Anfonwch y ffeil fel text/csv"
