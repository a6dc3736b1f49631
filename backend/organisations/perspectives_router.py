"""An organisation's own perspectives, offered beside the five built-in ones."""

import uuid

from fastapi import APIRouter, status

from backend.deps import DbSession, Paging
from backend.errors import problem_responses
from backend.kit.pagination import Page, paginate
from backend.models import CustomPerspective
from backend.organisations import repository, service
from backend.organisations.access import OrganisationReader, OrganisationWriter
from backend.organisations.schemas import PerspectiveCreate, PerspectivePublic

router = APIRouter(tags=["organisations"])


@router.get(
    "/organisations/{organisation_id}/perspectives",
    name="organisations-perspectives-list",
    responses=problem_responses(401, 403, 404),
)
def list_perspectives(
    db: DbSession, access: OrganisationReader, paging: Paging
) -> Page[PerspectivePublic]:
    """The organisation's custom perspectives."""
    stmt = repository.perspectives(access.organisation.id)
    rows, cursor = paginate(db, stmt, CustomPerspective, paging)
    return Page(items=[service.perspective_public(row) for row in rows], next_cursor=cursor)


@router.post(
    "/organisations/{organisation_id}/perspectives",
    name="organisations-perspectives-create",
    status_code=status.HTTP_201_CREATED,
    responses=problem_responses(401, 403, 404, 409),
)
def create_perspective(
    data: PerspectiveCreate, db: DbSession, access: OrganisationWriter
) -> PerspectivePublic:
    """Add a perspective (a snake_case key and an English and/or Welsh label)."""
    row = service.create_perspective(db, access=access, data=data)
    return service.perspective_public(row)


@router.delete(
    "/organisations/{organisation_id}/perspectives/{perspective_id}",
    name="organisations-perspectives-delete",
    status_code=status.HTTP_204_NO_CONTENT,
    responses=problem_responses(401, 403, 404),
)
def delete_perspective(
    perspective_id: uuid.UUID, db: DbSession, access: OrganisationWriter
) -> None:
    """Remove a custom perspective. Participants who chose it keep their answer."""
    service.delete_perspective(db, access=access, perspective_id=perspective_id)
