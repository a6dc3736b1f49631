"""Participants (and a signed-in device for them) written straight to the database."""

import secrets
from typing import Any

import httpx
from sqlmodel import Session

from backend.auth.cookies import CSRF_COOKIE, PARTICIPANT_COOKIE
from backend.kit.tokens import hash_token, new_token
from backend.models import Participant, ParticipantDevice, Workshop


def make_participant(
    db: Session,
    workshop: Workshop,
    *,
    display_name: str = "Alex",
    perspective: str | None = "lived_experience",
    **fields: Any,
) -> Participant:
    participant = Participant(
        workshop_id=workshop.id, display_name=display_name, perspective=perspective, **fields
    )
    db.add(participant)
    db.commit()
    return participant


def participant_token(db: Session, participant: Participant) -> tuple[str, str]:
    """A device credential for `participant`: (bearer/cookie token, csrf token)."""
    token = new_token("cyd_pt")
    csrf = secrets.token_hex(16)
    db.add(
        ParticipantDevice(
            participant_id=participant.id, token_hash=hash_token(token), csrf_token=csrf
        )
    )
    db.commit()
    return token, csrf


def sign_in_participant(db: Session, client: httpx.AsyncClient, participant: Participant) -> None:
    token, csrf = participant_token(db, participant)
    client.cookies.set(PARTICIPANT_COOKIE, token)
    client.cookies.set(CSRF_COOKIE, csrf)
