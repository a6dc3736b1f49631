"""Publishing a session's results and withdrawing them; both recorded in the audit trail.

Other slices ask `is_published` before anything of a session leaves it (the public page, the
partner API, webhooks about its results)."""

import uuid

from sqlmodel import Session

from backend.kit.clock import utcnow
from backend.models import Publication, PublicationAction, PublicationChange, Workshop
from backend.publishing import repository as repo


def is_published(db: Session, workshop_id: uuid.UUID) -> bool:
    found = repo.publication(db, workshop_id)
    return found is not None and found.published_at is not None


def publish(db: Session, *, workshop: Workshop, user_id: uuid.UUID | None) -> Publication:
    """Idempotent: publishing a published session changes nothing and records nothing."""
    now = utcnow()
    found = repo.publication(db, workshop.id)
    if found is not None and found.published_at is not None:
        return found
    if found is None:
        found = Publication(
            workshop_id=workshop.id,
            organisation_id=workshop.organisation_id,
            first_published_at=now,
            updated_at=now,
        )
    found.published_at = now
    found.updated_at = now
    db.add(found)
    db.add(
        PublicationChange(
            workshop_id=workshop.id, action=PublicationAction.published, user_id=user_id
        )
    )
    db.flush()
    return found


def unpublish(db: Session, *, workshop: Workshop, user_id: uuid.UUID | None) -> Publication | None:
    """Idempotent: withdrawing an unpublished session changes nothing and records nothing."""
    found = repo.publication(db, workshop.id)
    if found is None or found.published_at is None:
        return found
    found.published_at = None
    found.updated_at = utcnow()
    db.add(found)
    db.add(
        PublicationChange(
            workshop_id=workshop.id, action=PublicationAction.unpublished, user_id=user_id
        )
    )
    db.flush()
    return found
