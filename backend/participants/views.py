"""Turning rows into the slice's response bodies."""

from datetime import datetime
from typing import cast

from backend.kit.i18n import Locale, LocalizedText, LocalizedTitle
from backend.models import CustomPerspective, NetworkRole, Participant, Workshop, WorkshopTable
from backend.participants.schemas import (
    Consent,
    ParticipantAdmin,
    ParticipantSelf,
    PerspectiveOption,
    SessionView,
    Strengths,
    TableRef,
    Targets,
)
from backend.workshops.timer import timer_public


def _self_fields(p: Participant) -> dict[str, object]:
    return {
        "id": p.id,
        "session_id": p.workshop_id,
        "display_name": p.display_name,
        "perspective": p.perspective,
        "network_roles": [NetworkRole(r) for r in p.network_roles if r in NetworkRole.__members__],
        "strengths": Strengths.model_validate(
            {k: v for k, v in (p.strengths or {}).items() if k in Strengths.model_fields}
        ),
        "consent": Consent(
            publish=p.consent_publish,
            contact=p.consent_contact,
            share_perspective=p.consent_share_perspective,
            recorded_at=p.consent_recorded_at,
        ),
        "email": p.email,
        "access_needs": p.access_needs,
        "locale": cast(Locale, p.locale) if p.locale in ("en", "cy") else None,
        "status": p.status,
        "table_id": p.table_id,
        "created_at": p.created_at,
    }


def to_self(participant: Participant) -> ParticipantSelf:
    return ParticipantSelf.model_validate(_self_fields(participant))


def to_admin(participant: Participant, table: WorkshopTable | None) -> ParticipantAdmin:
    return ParticipantAdmin.model_validate(
        {
            **_self_fields(participant),
            "table": TableRef(id=table.id, number=table.number, name=table.name) if table else None,
            "pinned": participant.pinned,
            "updated_at": participant.updated_at,
            "removed_at": participant.removed_at,
        }
    )


def session_view(workshop: Workshop, now: datetime, custom: list[CustomPerspective]) -> SessionView:
    return SessionView(
        id=workshop.id,
        title=LocalizedTitle(en=workshop.title_en, cy=workshop.title_cy),
        challenge=LocalizedText(en=workshop.challenge_en, cy=workshop.challenge_cy),
        consent_text=LocalizedText(en=workshop.consent_text_en, cy=workshop.consent_text_cy),
        languages=list(workshop.languages),
        phase=workshop.phase,
        timer=timer_public(workshop, now),
        mode=workshop.mode,
        venue=workshop.venue,
        starts_at=workshop.starts_at,
        ends_at=workshop.ends_at,
        targets=Targets(
            ideas_per_person_min=workshop.ideas_per_person_min,
            ideas_per_person_max=workshop.ideas_per_person_max,
            ideas_per_table=workshop.ideas_per_table,
            table_size_min=workshop.table_size_min,
            table_size_max=workshop.table_size_max,
        ),
        custom_perspectives=[
            PerspectiveOption(key=p.key, label=LocalizedText(en=p.label_en, cy=p.label_cy))
            for p in custom
        ],
    )
