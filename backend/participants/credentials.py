"""Every way into a participant's place: rejoin link, recovery code and device credentials.

Used by join, rejoin, pre-registration, CSV import and re-issue, so the secrets are made, stored
(hashed) and revoked the same way everywhere.
"""

import hashlib
import hmac
import secrets
from dataclasses import dataclass

from fastapi import Request, Response
from sqlmodel import Session

from backend.auth.cookies import PARTICIPANT_COOKIE, csrf_token_for, set_credential_cookie
from backend.config import Settings
from backend.kit.clock import utcnow
from backend.kit.tokens import hash_token, new_token
from backend.models import Participant, ParticipantDevice
from backend.participants import repository
from backend.participants.events import SignOutCause, access_ended

DEVICE_TOKEN_PREFIX = "cyd_pt"
REJOIN_TOKEN_PREFIX = "cyd_rj"
# No 0/O, 1/I/L, 2/Z, 5/S, 8/B: easy to read aloud, copy from paper and type on a phone.
RECOVERY_ALPHABET = "ACDEFGHJKMNPQRTUVWXY34679"
RECOVERY_LENGTH = 12


@dataclass(frozen=True)
class RejoinSecrets:
    rejoin_url: str
    recovery_code: str


def normalise_recovery_code(raw: str) -> str:
    return "".join(ch for ch in raw.upper() if ch not in " -\t")


def recovery_code_hash(code: str, settings: Settings) -> str:
    # Keyed with the server secret: a 12-character code is short enough that a plain hash in a
    # leaked database could be brute-forced offline.
    message = normalise_recovery_code(code).encode()
    return hmac.new(settings.secret_key.encode(), message, hashlib.sha256).hexdigest()


def _new_recovery_code() -> str:
    raw = "".join(secrets.choice(RECOVERY_ALPHABET) for _ in range(RECOVERY_LENGTH))
    return "-".join(raw[i : i + 4] for i in range(0, RECOVERY_LENGTH, 4))


def issue_rejoin_secrets(participant: Participant, settings: Settings) -> RejoinSecrets:
    """New rejoin link and recovery code for `participant`; the previous ones stop working."""
    token = new_token(REJOIN_TOKEN_PREFIX)
    code = _new_recovery_code()
    participant.rejoin_token_hash = hash_token(token)
    participant.recovery_code_hash = recovery_code_hash(code, settings)
    base = settings.public_base_url.rstrip("/")
    return RejoinSecrets(rejoin_url=f"{base}/rejoin#{token}", recovery_code=code)


def open_device(db: Session, participant: Participant, *, csrf: str) -> str:
    """A new signed-in device for `participant`; returns its bearer/cookie token."""
    token = new_token(DEVICE_TOKEN_PREFIX)
    db.add(
        ParticipantDevice(
            participant_id=participant.id,
            token_hash=hash_token(token),
            csrf_token=csrf,
            last_seen_at=utcnow(),
        )
    )
    return token


def sign_in_device(
    db: Session,
    participant: Participant,
    *,
    request: Request,
    response: Response,
    settings: Settings,
) -> str:
    """Open a device and give the browser its cookie (plus the CSRF cookie); returns the token."""
    csrf = csrf_token_for(request)
    token = open_device(db, participant, csrf=csrf)
    set_credential_cookie(
        response,
        settings,
        name=PARTICIPANT_COOKIE,
        token=token,
        csrf=csrf,
        max_age=settings.participant_days * 86400,
    )
    return token


def revoke_devices(db: Session, participant: Participant, *, cause: SignOutCause) -> None:
    """Sign the person out everywhere (a lost phone must stop working)."""
    now = utcnow()
    for device in repository.active_devices(db, participant_id=participant.id):
        device.revoked_at = now
        db.add(device)
    access_ended(
        db, workshop_id=participant.workshop_id, participant_id=participant.id, cause=cause
    )


def revoke_device(db: Session, participant: Participant, device: ParticipantDevice) -> None:
    device.revoked_at = utcnow()
    db.add(device)
    access_ended(
        db,
        workshop_id=participant.workshop_id,
        participant_id=participant.id,
        cause="signed_out",
    )
