"""Load the initiative in the path for whoever may act on it, or 404 (ids never leak).

Readers: members of the initiative's organisation, and its steward members (those who accepted
their invitation, so their account is linked). Editors: the same people with a writing scope —
organisation facilitators and linked steward members edit the action plan (and, in the outcomes
slice, measurements) without the steward needing to be an organisation member. A removed steward
member loses access at once.

`access: InitiativeReader` / `access: InitiativeEditor` give `.initiative` and who is acting.
"""

import uuid
from collections.abc import Callable
from dataclasses import dataclass
from typing import Annotated

from fastapi import Depends, Path, Security
from sqlmodel import Session, col, select

from backend.auth.facilitator import Facilitator, current_facilitator
from backend.db import get_db
from backend.initiatives.errors import InitiativeNotFound
from backend.models import Initiative, Membership, StewardMember, User

# Initiatives grow out of sessions, so a personal access token's session scopes cover them.
READ_SCOPE, WRITE_SCOPE = "sessions:read", "sessions:write"


@dataclass(frozen=True)
class InitiativeAccess:
    initiative: Initiative
    facilitator: Facilitator
    # Set when the caller belongs to the initiative's organisation.
    membership: Membership | None
    # Set when the caller is one of its (linked, not removed) steward members.
    steward_member: StewardMember | None

    @property
    def user(self) -> User:
        return self.facilitator.user

    @property
    def is_organisation_member(self) -> bool:
        return self.membership is not None

    @property
    def actor_name(self) -> str:
        """How the caller is shown in histories: their account name, or as steward member."""
        if self.membership is None and self.steward_member is not None:
            return self.steward_member.display_name
        return self.user.name


def linked_steward_member(
    db: Session, *, initiative_id: uuid.UUID, user_id: uuid.UUID
) -> StewardMember | None:
    return db.exec(
        select(StewardMember).where(
            StewardMember.initiative_id == initiative_id,
            StewardMember.user_id == user_id,
            col(StewardMember.removed_at).is_(None),
        )
    ).first()


def find_initiative_access(
    db: Session, *, initiative_id: uuid.UUID, facilitator: Facilitator
) -> InitiativeAccess:
    initiative = db.get(Initiative, initiative_id)
    if initiative is None:
        raise InitiativeNotFound()
    membership = db.exec(
        select(Membership).where(
            Membership.organisation_id == initiative.organisation_id,
            Membership.user_id == facilitator.user.id,
        )
    ).first()
    member = linked_steward_member(db, initiative_id=initiative.id, user_id=facilitator.user.id)
    if membership is None and member is None:
        raise InitiativeNotFound()
    return InitiativeAccess(initiative, facilitator, membership, member)


def _loader(scope: str) -> Callable[..., InitiativeAccess]:
    def load(
        initiative_id: Annotated[uuid.UUID, Path(description="The initiative id")],
        db: Annotated[Session, Depends(get_db, scope="function")],
        facilitator: Annotated[Facilitator, Security(current_facilitator, scopes=[scope])],
    ) -> InitiativeAccess:
        return find_initiative_access(db, initiative_id=initiative_id, facilitator=facilitator)

    return load


InitiativeReader = Annotated[InitiativeAccess, Depends(_loader(READ_SCOPE))]
InitiativeEditor = Annotated[InitiativeAccess, Depends(_loader(WRITE_SCOPE))]
