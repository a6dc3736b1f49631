"""The public face of a published session: what each table chose, storyboarded and pitched, and
the help it was offered; never who anyone is."""

import uuid

from sqlmodel import Session

from backend.kit.i18n import LocalizedText
from backend.models import Idea, Participant, Publication, Workshop
from backend.publishing import repository as repo
from backend.publishing.consent import (
    SMALLEST_PUBLIC_GROUP,
    idea_words_shown,
    may_publish_words_of,
    session_consent,
)
from backend.publishing.pitch_views import shown_pitches
from backend.publishing.schemas import (
    PublicationChangePublic,
    PublicationPublic,
    PublicChosenIdea,
    PublicSession,
    PublicTable,
)
from backend.publishing.storyboard_views import shown_storyboards

# Other slices (reports) import these from here; `disclosure` is where they live.
__all__ = ["SMALLEST_PUBLIC_GROUP", "may_publish_words_of", "public_session"]


def public_path(workshop_id: uuid.UUID) -> str:
    return f"/published/{workshop_id}"


def publication_public(db: Session, workshop: Workshop) -> PublicationPublic:
    found = repo.publication(db, workshop.id)
    published_at = found.published_at if found else None
    return PublicationPublic(
        session_id=workshop.id,
        published=published_at is not None,
        published_at=published_at,
        first_published_at=found.first_published_at if found else None,
        public_path=public_path(workshop.id) if published_at else None,
        history=[
            PublicationChangePublic(action=c.action, user_id=c.user_id, created_at=c.created_at)
            for c in repo.history(db, workshop.id)
        ],
    )


def _chosen(idea: Idea, author: Participant | None) -> PublicChosenIdea:
    if idea_words_shown(idea, author):
        return PublicChosenIdea(text=idea.text, withheld=False)
    return PublicChosenIdea(text=None, withheld=True)


def public_session(db: Session, workshop: Workshop, publication: Publication) -> PublicSession:
    """In about a dozen queries, whatever the number of tables, frames, pitches and offers."""
    assert publication.published_at is not None
    counts = repo.idea_counts(db, workshop.id)
    choices = repo.current_choices(db, workshop.id)
    people = repo.participant_count(db, workshop.id)
    tables = repo.tables(db, workshop.id)
    consent = session_consent(db, workshop.id)
    storyboards = shown_storyboards(db, workshop.id, choices, consent).by_table
    pitches = shown_pitches(db, workshop, {t.id: t for t in tables}, consent)
    return PublicSession(
        id=workshop.id,
        title=LocalizedText(en=workshop.title_en, cy=workshop.title_cy),
        challenge=LocalizedText(en=workshop.challenge_en, cy=workshop.challenge_cy),
        starts_at=workshop.starts_at,
        ends_at=workshop.ends_at,
        published_at=publication.published_at,
        participant_count=people if people >= SMALLEST_PUBLIC_GROUP else None,
        tables=[
            PublicTable(
                number=table.number,
                name=table.name,
                idea_count=counts.get(table.id, 0),
                chosen_idea=_chosen(*choices[table.id]) if table.id in choices else None,
                storyboard=storyboards.get(table.id),
                pitch=pitches.by_table.get(table.id),
                offers=pitches.offers.get(table.id, []),
            )
            for table in tables
        ],
    )
