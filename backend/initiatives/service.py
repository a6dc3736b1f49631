"""The rules of initiatives: which ideas go forward and when, one initiative per idea, and edits
that never silently overwrite someone else's."""

from sqlalchemy.exc import IntegrityError
from sqlmodel import Session

from backend.auth.facilitator import Facilitator
from backend.initiatives import repository as repo
from backend.initiatives.access import InitiativeAccess
from backend.initiatives.activity import record_activity
from backend.initiatives.errors import (
    IdeaAlreadyForward,
    IdeaNotAvailable,
    IdeaNotFound,
    NothingToChange,
    PreconditionFailed,
    PreconditionRequired,
    TooEarly,
)
from backend.initiatives.schemas import (
    ForwardCandidate,
    ForwardCandidates,
    InitiativeCreate,
    InitiativeUpdate,
)
from backend.kit.clock import utcnow
from backend.models import PHASE_ORDER, IdeaStatus, Initiative, Phase, Workshop
from backend.workshops.rules import ensure_writable

# Ideas go forward once the tables' choices are settled: from the phase after `reduce` on.
FIRST_OPEN_PHASE = Phase.storyboard


def is_open(workshop: Workshop) -> bool:
    return PHASE_ORDER.index(workshop.phase) >= PHASE_ORDER.index(FIRST_OPEN_PHASE)


def etag(version: int) -> str:
    return f'"{version}"'


def check_if_match(version: int, if_match: str | None) -> None:
    """428 without If-Match (or with `*`), 412 unless one of its tags is the current ETag."""
    if if_match is None or if_match.strip() in ("", "*"):
        raise PreconditionRequired(f"Send If-Match: {etag(version)} from your copy")
    tags = {tag.strip().removeprefix("W/") for tag in if_match.split(",")}
    if etag(version) not in tags:
        raise PreconditionFailed(
            f"It is now at version {version}; reload, then try again",
            headers={"ETag": etag(version)},
        )


def take_forward(
    db: Session, *, workshop: Workshop, facilitator: Facilitator, data: InitiativeCreate
) -> Initiative:
    ensure_writable(workshop)
    if not is_open(workshop):
        raise TooEarly(f"The session is in the {workshop.phase} phase")
    idea = repo.session_idea(db, workshop_id=workshop.id, idea_id=data.idea_id)
    if idea is None:
        raise IdeaNotFound()
    if idea.status != IdeaStatus.active:
        raise IdeaNotAvailable(f"The idea is {idea.status}")
    if repo.initiative_for_idea(db, idea.id) is not None:
        raise IdeaAlreadyForward()
    initiative = Initiative(
        organisation_id=workshop.organisation_id,
        workshop_id=workshop.id,
        table_id=idea.table_id,
        idea_id=idea.id,
        title=data.title or idea.text[:300],
        summary=data.summary or None,
        created_by_id=facilitator.user.id,
    )
    db.add(initiative)
    try:
        # Two facilitators taking the same idea forward at once: the unique idea_id decides.
        with db.begin_nested():
            db.flush()
    except IntegrityError as exc:
        raise IdeaAlreadyForward() from exc
    return initiative


def update(
    db: Session, *, access: InitiativeAccess, data: InitiativeUpdate, if_match: str | None
) -> Initiative:
    initiative = access.initiative
    check_if_match(initiative.version, if_match)
    changes = data.model_dump(exclude_unset=True)
    if not changes:
        raise NothingToChange("Send title, summary and/or status")
    if ("title" in changes and changes["title"] is None) or (
        "status" in changes and changes["status"] is None
    ):
        raise NothingToChange("The title and the status cannot be empty")
    changed = False
    for field, value in changes.items():
        if field == "summary" and value == "":
            value = None
        if getattr(initiative, field) != value:
            setattr(initiative, field, value)
            changed = True
    if changed:
        initiative.version += 1
        initiative.updated_at = utcnow()
        record_activity(db, initiative)
        db.flush()
    return initiative


def candidates(db: Session, workshop: Workshop) -> ForwardCandidates:
    items = []
    for table, idea in repo.chosen_ideas(db, workshop.id):
        existing = repo.initiative_for_idea(db, idea.id)
        items.append(
            ForwardCandidate(
                table_id=table.id,
                table_number=table.number,
                table_name=table.name,
                idea_id=idea.id,
                idea_text=idea.text,
                initiative_id=existing.id if existing else None,
            )
        )
    return ForwardCandidates(open=is_open(workshop), items=items)
