"""Rows to response bodies."""

from datetime import datetime

from backend.config import Settings
from backend.kit.clock import utcnow
from backend.kit.i18n import LocalizedText, LocalizedTitle
from backend.models import Workshop
from backend.workshops.join_codes import join_code_active, join_code_expires_at, join_url
from backend.workshops.schemas import JoinPreview, SessionPublic, TableSize, Targets
from backend.workshops.timer import timer_public


def _texts(w: Workshop) -> dict[str, LocalizedText]:
    return {
        "title": LocalizedTitle(en=w.title_en, cy=w.title_cy),
        "challenge": LocalizedText(en=w.challenge_en, cy=w.challenge_cy),
        "consent_text": LocalizedText(en=w.consent_text_en, cy=w.consent_text_cy),
    }


def session_public(w: Workshop, settings: Settings, now: datetime | None = None) -> SessionPublic:
    now = now or utcnow()
    return SessionPublic(
        id=w.id,
        organisation_id=w.organisation_id,
        **_texts(w),  # type: ignore[arg-type]
        mode=w.mode,
        venue=w.venue,
        starts_at=w.starts_at,
        ends_at=w.ends_at,
        languages=w.languages,
        targets=Targets(
            ideas_per_person_min=w.ideas_per_person_min,
            ideas_per_person_max=w.ideas_per_person_max,
            ideas_per_table=w.ideas_per_table,
        ),
        table_size=TableSize(min=w.table_size_min, max=w.table_size_max),
        phase=w.phase,
        phase_changed_at=w.phase_changed_at,
        timer=timer_public(w, now),
        join_code=w.join_code,
        join_url=join_url(settings, w.join_code),
        join_code_expires_at=join_code_expires_at(w),
        join_code_active=join_code_active(w, now),
        archived=w.archived_at is not None,
        archived_at=w.archived_at,
        created_at=w.created_at,
        updated_at=w.updated_at,
    )


def join_preview(w: Workshop) -> JoinPreview:
    return JoinPreview(
        session_id=w.id,
        **_texts(w),  # type: ignore[arg-type]
        languages=w.languages,
        phase=w.phase,
        mode=w.mode,
        venue=w.venue,
        starts_at=w.starts_at,
    )
