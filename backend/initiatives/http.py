"""Route plumbing shared by the slice's routers."""

import uuid
from typing import Annotated

from fastapi import Header, Path, Query

from backend.initiatives.momentum import DEFAULT_QUIET_DAYS

IfMatch = Annotated[
    str | None,
    Header(
        alias="If-Match",
        max_length=200,
        description='The ETag (`"<version>"`) as you last saw it; 428 without it, 412 when stale',
    ),
]
ActionId = Annotated[uuid.UUID, Path(description="An action of this initiative's plan")]
MemberId = Annotated[uuid.UUID, Path(description="A steward member of this initiative")]
QuietDays = Annotated[
    int,
    Query(
        ge=1, le=3650, description="An active initiative with no update for this many days is quiet"
    ),
]
QUIET_DEFAULT = DEFAULT_QUIET_DAYS
