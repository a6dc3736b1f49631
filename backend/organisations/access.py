"""Load an organisation the calling facilitator belongs to, or 404 (ids of other organisations
never leak); optionally insist on the owner role (403). Other slices reuse it for paths that
start with /organisations/{organisation_id}."""

import uuid
from collections.abc import Callable
from dataclasses import dataclass
from typing import Annotated

from fastapi import Depends, Path, Security
from sqlmodel import Session, select

from backend.auth.facilitator import Facilitator, current_facilitator
from backend.db import get_db
from backend.models import Membership, Organisation, Role
from backend.organisations.errors import OrganisationNotFound, OwnerRequired


@dataclass(frozen=True)
class MemberOrganisation:
    organisation: Organisation
    membership: Membership
    facilitator: Facilitator

    @property
    def is_owner(self) -> bool:
        return self.membership.role == Role.owner


def find_member_organisation(
    db: Session, *, organisation_id: uuid.UUID, facilitator: Facilitator
) -> tuple[Organisation, Membership]:
    row = db.exec(
        select(Organisation, Membership)
        .join(Membership, Membership.organisation_id == Organisation.id)  # type: ignore[arg-type]
        .where(Organisation.id == organisation_id, Membership.user_id == facilitator.user.id)
    ).first()
    if row is None:
        raise OrganisationNotFound()
    return row[0], row[1]


def _loader(scopes: tuple[str, ...], owner: bool) -> Callable[..., MemberOrganisation]:
    def load(
        organisation_id: Annotated[uuid.UUID, Path(description="The organisation id")],
        db: Annotated[Session, Depends(get_db, scope="function")],
        facilitator: Annotated[Facilitator, Security(current_facilitator, scopes=list(scopes))],
    ) -> MemberOrganisation:
        organisation, membership = find_member_organisation(
            db, organisation_id=organisation_id, facilitator=facilitator
        )
        access = MemberOrganisation(organisation, membership, facilitator)
        if owner and not access.is_owner:
            raise OwnerRequired()
        return access

    return load


def organisation_for(*scopes: str, owner: bool = False) -> type[MemberOrganisation]:
    """`access: organisation_for("organisation:write", owner=True)` — the organisation in the
    path, if the caller is a member (an owner, when asked) and holds the scopes."""
    return Annotated[MemberOrganisation, Depends(_loader(scopes, owner))]  # type: ignore[return-value]


READ_SCOPE, WRITE_SCOPE = "organisation:read", "organisation:write"

# Ready-made aliases (mypy accepts these as types, unlike a call inside an annotation).
OrganisationReader = Annotated[MemberOrganisation, Depends(_loader((READ_SCOPE,), False))]
OrganisationWriter = Annotated[MemberOrganisation, Depends(_loader((WRITE_SCOPE,), False))]
OrganisationOwner = Annotated[MemberOrganisation, Depends(_loader((WRITE_SCOPE,), True))]
OrganisationsReadFacilitator = Annotated[
    Facilitator, Security(current_facilitator, scopes=[READ_SCOPE])
]
OrganisationsWriteFacilitator = Annotated[
    Facilitator, Security(current_facilitator, scopes=[WRITE_SCOPE])
]
