"""A session's voting rules: dot budget, per-idea cap and the tie-break, fixed once votes exist."""

from dataclasses import dataclass

from sqlmodel import Session

from backend.auth.facilitator import Facilitator
from backend.events.log import record_event
from backend.kit.clock import utcnow
from backend.kit.i18n import LocalizedText
from backend.models import Audience, ReductionSettings, TieBreak, Workshop
from backend.reduction import repository as repo
from backend.reduction.errors import SettingsInvalid, VotesAlreadyCast
from backend.reduction.events import SettingsChangedEvent
from backend.reduction.schemas import ReductionSettingsPublic, ReductionSettingsUpdate
from backend.workshops.rules import ensure_writable

TIE_BREAK_TEXT = {
    TieBreak.runoff: LocalizedText(
        en="Ideas tied at the shortlist cut-off go to a quick run-off vote among themselves "
        "(one vote each). If they are still tied, the earlier-written idea wins.",
        cy="Mae syniadau sy'n gyfartal ar ffin y rhestr fer yn mynd i bleidlais derfynol gyflym "
        "rhyngddynt eu hunain (un bleidlais yr un). Os ydynt yn dal yn gyfartal, y syniad a "
        "ysgrifennwyd gyntaf sy'n ennill.",
    ),
    TieBreak.earliest: LocalizedText(
        en="Ideas tied at the shortlist cut-off are separated by age: the earlier-written idea "
        "wins.",
        cy="Mae syniadau sy'n gyfartal ar ffin y rhestr fer yn cael eu gwahanu yn ôl oedran: y "
        "syniad a ysgrifennwyd gyntaf sy'n ennill.",
    ),
}


@dataclass(frozen=True)
class VotingRules:
    dot_budget: int
    dot_cap: int
    tie_break: TieBreak


_DEFAULTS = ReductionSettings.model_fields
DEFAULT_RULES = VotingRules(
    dot_budget=_DEFAULTS["dot_budget"].default,
    dot_cap=_DEFAULTS["dot_cap"].default,
    tie_break=_DEFAULTS["tie_break"].default,
)


def effective(db: Session, workshop: Workshop) -> VotingRules:
    """The session's rules, or the defaults when it has no row (read on every dot: no model is
    built for the defaults)."""
    row = repo.rules_of(db, workshop.id)
    if row is None:
        return DEFAULT_RULES
    dot_budget, dot_cap, tie_break = row
    return VotingRules(dot_budget=dot_budget, dot_cap=dot_cap, tie_break=tie_break)


def settings_public(db: Session, workshop: Workshop) -> ReductionSettingsPublic:
    rules = effective(db, workshop)
    return ReductionSettingsPublic(
        dot_budget=rules.dot_budget,
        dot_cap=rules.dot_cap,
        tie_break=rules.tie_break,
        tie_break_text=TIE_BREAK_TEXT[TieBreak(rules.tie_break)],
        locked=repo.session_has_votes(db, workshop.id),
    )


def update_settings(
    *, db: Session, workshop: Workshop, facilitator: Facilitator, data: ReductionSettingsUpdate
) -> ReductionSettingsPublic:
    ensure_writable(workshop)
    if data.dot_cap > data.dot_budget:
        raise SettingsInvalid(
            "Check: body.dot_cap",
            errors=[
                {
                    "loc": ["body", "dot_cap"],
                    "msg": f"The per-idea cap must be at most the dot budget ({data.dot_budget})",
                    "type": "value_error",
                }
            ],
        )
    # The event takes the workshop row's lock first, so a vote committed meanwhile is seen below.
    record_event(
        db,
        workshop_id=workshop.id,
        kind="reduction.settings_changed",
        payload=SettingsChangedEvent(**data.model_dump()),
        audience=Audience.session,
    )
    if repo.session_has_votes(db, workshop.id):
        raise VotesAlreadyCast("Withdraw every vote of the session first, or keep these rules")
    row = repo.settings_of(db, workshop.id) or ReductionSettings(workshop_id=workshop.id)
    row.dot_budget = data.dot_budget
    row.dot_cap = data.dot_cap
    row.tie_break = data.tie_break
    row.updated_at = utcnow()
    row.updated_by_id = facilitator.user.id
    db.add(row)
    db.flush()
    return settings_public(db, workshop)
