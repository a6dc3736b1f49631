"""The workshops slice's problems, each with a stable code and an English and Welsh title."""

from typing import Any

from backend.errors import Conflict, NotFound, RuleBroken, TooManyRequests


class OrganisationNotFound(NotFound):
    code = "organisation_not_found"
    title_en = "No such organisation among yours"
    title_cy = "Nid oes sefydliad o'r fath ymhlith eich rhai chi"


class SessionArchived(Conflict):
    code = "session_archived"
    title_en = "This session is archived and can only be read"
    title_cy = "Mae'r sesiwn hon wedi'i harchifo a dim ond ei darllen sy'n bosibl"


class SessionFieldsInvalid(RuleBroken):
    """Cross-field checks (ends after starts, min <= max ...), shaped like a validation error."""

    code = "validation_failed"
    title_en = "Some fields are not valid"
    title_cy = "Nid yw rhai meysydd yn ddilys"

    def __init__(self, errors: list[tuple[tuple[str, ...], str]]) -> None:
        fields = ", ".join(".".join(loc) for loc, _ in errors)
        super().__init__(
            f"Check: {fields}",
            errors=[
                {"loc": ["body", *loc], "msg": msg, "type": "value_error"} for loc, msg in errors
            ],
        )


class PhaseTransitionInvalid(RuleBroken):
    code = "phase_transition_invalid"
    title_en = "The session cannot move to that phase from here"
    title_cy = "Ni all y sesiwn symud i'r cam hwnnw o'r fan hon"


class PhaseReasonRequired(RuleBroken):
    code = "phase_reason_required"
    title_en = "Give a reason for going back a phase"
    title_cy = "Rhowch reswm dros fynd yn ôl gam"


class PhaseClosed(RuleBroken):
    code = "phase_closed"
    title_en = "This is not open in the session's current phase"
    title_cy = "Nid yw hyn ar agor yng ngham presennol y sesiwn"


class TimerStateConflict(Conflict):
    code = "timer_state"
    title_en = "The timer is not in a state that allows that"
    title_cy = "Nid yw'r amserydd mewn cyflwr sy'n caniatáu hynny"


class JoinCodeUnavailable(Conflict):
    code = "join_code_unavailable"
    title_en = "Could not make a unique join code; try again"
    title_cy = "Methwyd â chreu cod ymuno unigryw; rhowch gynnig arall arni"


class JoinCodeInvalid(NotFound):
    code = "join_code_invalid"
    title_en = "This join code is not valid"
    title_cy = "Nid yw'r cod ymuno hwn yn ddilys"


class TooManyJoinAttempts(TooManyRequests):
    code = "too_many_join_attempts"
    title_en = "Too many wrong join codes; wait a little and try again"
    title_cy = "Gormod o godau ymuno anghywir; arhoswch ychydig a rhowch gynnig arall arni"

    def __init__(self, retry_after: int, **extra: Any) -> None:
        super().__init__(
            f"Try again in {retry_after} seconds",
            headers={"Retry-After": str(retry_after)},
            **extra,
        )
        self.retry_after = retry_after
