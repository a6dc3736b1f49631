"""The pitches a published session shows, and the offers of help they received: which table
offered which kinds of capital, never who wrote the offer or its words."""

import uuid
from collections import defaultdict
from dataclasses import dataclass

from sqlmodel import Session

from backend.models import Capital, Pitch, PitchResponse, Workshop, WorkshopTable
from backend.partners import read_repository as partner_reads
from backend.partners.reads import pitch_summary
from backend.publishing import repository as repo
from backend.publishing.consent import SessionConsent
from backend.publishing.schemas import PublicAsk, PublicOffer, PublicPitch, PublicTableRef

CAPITALS = set(Capital)


@dataclass(frozen=True)
class ShownPitches:
    by_table: dict[uuid.UUID, PublicPitch]
    offers: dict[uuid.UUID, list[PublicOffer]]  # to each table's pitch


def shown_pitches(
    db: Session,
    workshop: Workshop,
    tables: dict[uuid.UUID, WorkshopTable],
    consent: SessionConsent,
) -> ShownPitches:
    """Each table's current pitch (as partners see it, plus its words when everyone agreed), in
    five queries whatever the number of tables. A pitch of an idea the table no longer carries
    (it reopened its choice, and has not pitched the new idea yet) is not shown."""
    pitches = partner_reads.current_pitches(db, workshop.organisation_id, session_id=workshop.id)
    ideas = repo.ideas_with_authors(db, {p.idea_id for p in pitches})
    by_table: dict[uuid.UUID, PublicPitch] = {}
    for pitch in pitches:
        if pitch.idea_id not in ideas:
            continue
        idea, author = ideas[pitch.idea_id]
        shown = consent.table_words_shown(
            pitch.table_id, idea, author, [pitch.updated_by_participant_id]
        )
        by_table[pitch.table_id] = _pitch(pitch, shown)
    offers: dict[uuid.UUID, list[PublicOffer]] = defaultdict(list)
    pitch_tables = {p.id: p.table_id for p in pitches}
    for response in repo.offers(db, list(pitch_tables)):
        offering = tables.get(response.table_id)
        if offering is not None:
            offers[pitch_tables[response.pitch_id]].append(_offer(response, offering))
    return ShownPitches(by_table=by_table, offers=dict(offers))


def _pitch(pitch: Pitch, shown: bool) -> PublicPitch:
    summary = pitch_summary(pitch)
    asks = [
        PublicAsk(
            capital=Capital(ask["capital"]),
            note=(str(ask.get("note") or "") or None) if shown else None,
        )
        for ask in pitch.asks
        if ask.get("capital") in CAPITALS
    ]
    return PublicPitch(
        what=pitch.what if shown else None,
        why=(pitch.why or None) if shown else None,
        words_withheld=not shown,
        barrier_tags=summary.barrier_tags,
        barriers_other=list(pitch.barriers_other) if shown else [],
        other_barrier_count=summary.other_barrier_count,
        asks=asks,
    )


def _offer(response: PitchResponse, table: WorkshopTable) -> PublicOffer:
    return PublicOffer(
        from_table=PublicTableRef(number=table.number, name=table.name),
        capitals=[Capital(c) for c in response.capitals if c in CAPITALS],
    )
