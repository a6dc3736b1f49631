"""Workshops written straight to the database."""

import secrets
from datetime import timedelta
from typing import Any

from sqlmodel import Session

from backend.kit.clock import utcnow
from backend.models import Organisation, Phase, Workshop

_ALPHABET = "ACDEFHJKMNPRTUVWXY3479"


def make_workshop(
    db: Session,
    organisation: Organisation,
    *,
    title: str = "Better bus journeys",
    phase: Phase = Phase.engage,
    join_code: str | None = None,
    **fields: Any,
) -> Workshop:
    defaults: dict[str, Any] = {
        "challenge_en": "How might we make bus journeys work for everyone?",
        "starts_at": utcnow() + timedelta(days=1),
    }
    workshop = Workshop(
        organisation_id=organisation.id,
        title_en=title,
        phase=phase,
        join_code=join_code or "".join(secrets.choice(_ALPHABET) for _ in range(6)),
        **(defaults | fields),
    )
    db.add(workshop)
    db.commit()
    return workshop
