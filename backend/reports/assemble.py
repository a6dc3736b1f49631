"""The session report, assembled from every slice's rows in a fixed number of queries."""

import uuid
from collections import defaultdict

from sqlmodel import Session

from backend.feedback.repository import workshop_feedback
from backend.feedback.service import summarise
from backend.kit.clock import utcnow
from backend.models import ParticipantStatus, Pitch, PitchResponse, TieBreak, Workshop
from backend.reduction.schemas import SHORTLIST_SIZE
from backend.reduction.settings import TIE_BREAK_TEXT, effective
from backend.reports import repository as repo
from backend.reports.context import Context, bilingual, load_context
from backend.reports.forward import combinations_report, initiatives_report
from backend.reports.schemas import ReportRules, ReportSession, SessionReport
from backend.reports.tables import table_report
from backend.storyboards.views import storyboards_public


def session_report(db: Session, workshop: Workshop) -> SessionReport:
    ctx = load_context(db, workshop)
    storyboards = {s.table_id: s for s in storyboards_public(db, workshop, ctx.tables)}
    pitches: dict[uuid.UUID, list[Pitch]] = defaultdict(list)
    for pitch in repo.pitches(db, workshop.id):
        pitches[pitch.table_id].append(pitch)
    responses: dict[uuid.UUID, list[PitchResponse]] = defaultdict(list)
    for response in repo.responses(db, workshop.id):
        responses[response.pitch_id].append(response)
    return SessionReport(
        generated_at=utcnow(),
        session=_session(ctx),
        rules=_rules(db, workshop),
        tables=[
            table_report(ctx, t, storyboards.get(t.id), pitches[t.id], responses)
            for t in ctx.tables
        ],
        combinations=combinations_report(db, ctx),
        initiatives=initiatives_report(db, ctx),
        feedback=summarise(workshop_feedback(db, workshop.id)),
    )


def _session(ctx: Context) -> ReportSession:
    w = ctx.workshop
    return ReportSession(
        id=w.id,
        title=bilingual(w.title_en, w.title_cy),
        challenge=bilingual(w.challenge_en, w.challenge_cy),
        mode=w.mode,
        venue=w.venue,
        starts_at=w.starts_at,
        ends_at=w.ends_at,
        phase=w.phase,
        archived=w.archived_at is not None,
        participant_count=sum(
            1 for p in ctx.people.values() if p.status == ParticipantStatus.joined
        ),
        table_count=len(ctx.tables),
        idea_count=len(ctx.ideas),
    )


def _rules(db: Session, workshop: Workshop) -> ReportRules:
    rules = effective(db, workshop)
    text = TIE_BREAK_TEXT[TieBreak(rules.tie_break)]
    return ReportRules(
        dot_budget=rules.dot_budget,
        dot_cap=rules.dot_cap,
        shortlist_size=SHORTLIST_SIZE,
        tie_break=rules.tie_break,
        tie_break_text=bilingual(text.en, text.cy),
    )
