"""The rules about participants: joining, getting back in, profiles, pre-registration, removal."""

from sqlmodel import Session

from backend.config import Settings
from backend.kit.clock import utcnow
from backend.kit.tokens import hash_token
from backend.models import BuiltinPerspective, Participant, ParticipantStatus, Workshop
from backend.participants import repository
from backend.participants.credentials import (
    RejoinSecrets,
    issue_rejoin_secrets,
    recovery_code_hash,
    revoke_devices,
)
from backend.participants.errors import (
    ContactConsentNeeded,
    EmailTaken,
    ParticipantRemoved,
    PerspectiveUnknown,
)
from backend.participants.schemas import ParticipantCreate, ProfileUpdate
from backend.workshops.join_codes import normalise_code
from backend.workshops.rules import ensure_writable

BUILTIN_PERSPECTIVES = frozenset(p.value for p in BuiltinPerspective)
REMOVED_NAME = "Removed participant"


def perspective_keys(db: Session, *, workshop: Workshop) -> set[str]:
    """The five built-in perspectives plus the workshop's organisation's own."""
    custom = repository.custom_perspective_keys(db, organisation_id=workshop.organisation_id)
    return set(BUILTIN_PERSPECTIVES) | custom


def check_perspective(db: Session, *, workshop: Workshop, perspective: str | None) -> None:
    if perspective is not None and perspective not in perspective_keys(db, workshop=workshop):
        raise PerspectiveUnknown(
            f"Unknown perspective '{perspective}'; use one of the built-in ones "
            f"({', '.join(sorted(BUILTIN_PERSPECTIVES))}) or one your organisation added"
        )


def check_email_free(
    db: Session, *, workshop: Workshop, email: str | None, participant: Participant | None = None
) -> None:
    if email is None:
        return
    taken = repository.emails_in_use(
        db, workshop_id=workshop.id, except_id=participant.id if participant else None
    )
    if email.lower() in taken:
        raise EmailTaken(f"{email} is already registered in this session")


def join(
    db: Session, *, workshop: Workshop, display_name: str, locale: str | None, settings: Settings
) -> tuple[Participant, RejoinSecrets]:
    """A new participant in `workshop` (any phase: late arrivals happen, but not once archived)."""
    ensure_writable(workshop)
    participant = Participant(
        workshop_id=workshop.id,
        display_name=display_name,
        locale=locale,
        perspective=None,
        status=ParticipantStatus.joined,
    )
    secrets = issue_rejoin_secrets(participant, settings)
    db.add(participant)
    db.flush()
    return participant, secrets


def find_by_rejoin_token(db: Session, *, token: str) -> Participant | None:
    return repository.by_rejoin_token_hash(db, hash_token(token.strip()))


def find_by_recovery_code(
    db: Session, *, join_code: str, recovery_code: str, settings: Settings
) -> Participant | None:
    workshop = repository.workshop_by_join_code(db, normalise_code(join_code))
    if workshop is None:
        return None
    return repository.by_recovery_code_hash(
        db, workshop_id=workshop.id, code_hash=recovery_code_hash(recovery_code, settings)
    )


def claim(db: Session, *, participant: Participant, workshop: Workshop) -> None:
    """A person is back in (or in for the first time, if a facilitator pre-registered them)."""
    ensure_writable(workshop)
    if participant.status == ParticipantStatus.pre_registered:
        participant.status = ParticipantStatus.joined
        participant.updated_at = utcnow()
        db.add(participant)


def update_profile(
    db: Session,
    *,
    participant: Participant,
    workshop: Workshop,
    data: ProfileUpdate,
    by_facilitator: bool,
) -> Participant:
    ensure_writable(workshop)
    if participant.status == ParticipantStatus.removed:
        raise ParticipantRemoved()
    fields = data.model_fields_set
    if "perspective" in fields:
        check_perspective(db, workshop=workshop, perspective=data.perspective)
        participant.perspective = data.perspective
    if data.display_name is not None:
        participant.display_name = data.display_name
    if data.network_roles is not None:
        participant.network_roles = sorted({role.value for role in data.network_roles})
    if data.strengths is not None:
        strengths = dict(participant.strengths)
        for key in data.strengths.model_fields_set:
            text = getattr(data.strengths, key)
            if text:
                strengths[key] = text
            else:
                strengths.pop(key, None)
        participant.strengths = strengths
    if data.consent is not None:
        withdrew_contact = _apply_consent(participant, data)
        if withdrew_contact and not by_facilitator and "email" not in fields:
            participant.email = None
    if "access_needs" in fields:
        participant.access_needs = data.access_needs or None
    if "locale" in fields:
        participant.locale = data.locale
    if "email" in fields:
        if by_facilitator:
            check_email_free(db, workshop=workshop, email=data.email, participant=participant)
        elif data.email is not None and not participant.consent_contact:
            raise ContactConsentNeeded(
                "Give consent to be contacted (consent.contact = true) to leave an email address"
            )
        participant.email = data.email
    participant.updated_at = utcnow()
    db.add(participant)
    db.flush()
    return participant


def _apply_consent(participant: Participant, data: ProfileUpdate) -> bool:
    """Record the choices; True when contact consent was just withdrawn."""
    assert data.consent is not None
    had_contact = participant.consent_contact
    choices = {
        "publish": "consent_publish",
        "contact": "consent_contact",
        "share_perspective": "consent_share_perspective",
    }
    changed = participant.consent_recorded_at is None
    for key, column in choices.items():
        value = getattr(data.consent, key)
        if value is not None and value != getattr(participant, column):
            setattr(participant, column, value)
            changed = True
    if changed:
        participant.consent_recorded_at = utcnow()
    return had_contact and not participant.consent_contact


def pre_register(
    db: Session, *, workshop: Workshop, data: ParticipantCreate, settings: Settings
) -> tuple[Participant, RejoinSecrets]:
    ensure_writable(workshop)
    check_perspective(db, workshop=workshop, perspective=data.perspective)
    check_email_free(db, workshop=workshop, email=data.email)
    participant, secrets = build_pre_registered(workshop=workshop, data=data, settings=settings)
    db.add(participant)
    db.flush()
    return participant, secrets


def build_pre_registered(
    *, workshop: Workshop, data: ParticipantCreate, settings: Settings
) -> tuple[Participant, RejoinSecrets]:
    """An unsaved pre-registered participant from already-validated data, with their secrets."""
    participant = Participant(
        workshop_id=workshop.id,
        display_name=data.display_name,
        email=data.email,
        perspective=data.perspective,
        network_roles=sorted({role.value for role in data.network_roles}),
        access_needs=data.access_needs or None,
        status=ParticipantStatus.pre_registered,
    )
    return participant, issue_rejoin_secrets(participant, settings)


def remove(db: Session, *, workshop: Workshop, participant: Participant) -> None:
    """Pseudonymise: the row stays so the table's work keeps its author, but nothing personal."""
    ensure_writable(workshop)
    if participant.status == ParticipantStatus.removed:
        return
    number = repository.removed_count(db, workshop_id=workshop.id) + 1
    now = utcnow()
    participant.display_name = f"{REMOVED_NAME} {number}"
    participant.email = None
    participant.access_needs = None
    participant.perspective = None
    participant.strengths = {}
    participant.network_roles = []
    participant.consent_publish = False
    participant.consent_contact = False
    participant.consent_share_perspective = False
    participant.consent_recorded_at = now
    participant.locale = None
    participant.table_id = None
    participant.pinned = False
    participant.rejoin_token_hash = None
    participant.recovery_code_hash = None
    participant.status = ParticipantStatus.removed
    participant.removed_at = now
    participant.updated_at = now
    revoke_devices(db, participant, cause="removed")
    db.add(participant)
    db.flush()


def reissue(
    db: Session, *, workshop: Workshop, participant: Participant, settings: Settings
) -> RejoinSecrets:
    """New link and code; the old ones and every signed-in device stop working."""
    ensure_writable(workshop)
    if participant.status == ParticipantStatus.removed:
        raise ParticipantRemoved()
    secrets = issue_rejoin_secrets(participant, settings)
    participant.updated_at = utcnow()
    revoke_devices(db, participant, cause="reissued")
    db.add(participant)
    db.flush()
    return secrets
