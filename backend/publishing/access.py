"""Load-or-404 for the public endpoints: a session that is published now, or nothing at all."""

import uuid
from typing import Annotated

from fastapi import Depends, Path

from backend.deps import DbSession
from backend.models import Publication, Workshop
from backend.publishing import repository as repo
from backend.publishing.errors import PublishedSessionNotFound


def _published(
    session_id: Annotated[uuid.UUID, Path(description="A published session's id")], db: DbSession
) -> tuple[Workshop, Publication]:
    found = repo.published_workshop(db, session_id)
    if found is None:
        raise PublishedSessionNotFound()
    return found


PublishedSession = Annotated[tuple[Workshop, Publication], Depends(_published)]
