"""The public face of a published session: what the table chose, never who anyone is."""

import uuid

from sqlmodel import Session

from backend.kit.i18n import LocalizedText
from backend.models import Idea, Participant, ParticipantStatus, Publication, Workshop
from backend.publishing import repository as repo
from backend.publishing.schemas import (
    PublicationChangePublic,
    PublicationPublic,
    PublicChosenIdea,
    PublicSession,
    PublicTable,
)

SMALLEST_PUBLIC_GROUP = 5  # METHOD.md: aggregates about fewer people are never shown outside


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


def may_publish_words_of(author: Participant | None) -> bool:
    """A participant's words leave the session only if they agreed (METHOD.md: "may my
    contributions be published (without my name)?"). Ideas typed in by a facilitator from
    paper with no author belong to the table."""
    if author is None:
        return True
    return author.consent_publish and author.status != ParticipantStatus.removed


def _chosen(idea: Idea, author: Participant | None) -> PublicChosenIdea:
    if may_publish_words_of(author):
        return PublicChosenIdea(text=idea.text, withheld=False)
    return PublicChosenIdea(text=None, withheld=True)


def public_session(db: Session, workshop: Workshop, publication: Publication) -> PublicSession:
    assert publication.published_at is not None
    counts = repo.idea_counts(db, workshop.id)
    choices = repo.current_choices(db, workshop.id)
    people = repo.participant_count(db, workshop.id)
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
            )
            for table in repo.tables(db, workshop.id)
        ],
    )
