"""Only an organisation's owners manage its API keys and webhooks (403 for other members, 404
for organisations the caller does not belong to)."""

from typing import Annotated

from fastapi import Depends

from backend.organisations.access import MemberOrganisation, OrganisationOwner, OrganisationReader
from backend.organisations.errors import OwnerRequired


def _owner_reading(access: OrganisationReader) -> MemberOrganisation:
    if not access.is_owner:
        raise OwnerRequired()
    return access


OwnerReader = Annotated[MemberOrganisation, Depends(_owner_reading)]
OwnerWriter = OrganisationOwner
