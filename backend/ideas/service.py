"""The rules for writing ideas: who may, in which phase, at which table; edits keep history."""

import uuid
from dataclasses import dataclass

from sqlmodel import Session

from backend.events.log import record_event
from backend.ideas import repository as repo
from backend.ideas import views
from backend.ideas.errors import (
    AuthorNotInSession,
    AuthorNotTablemate,
    BulkLinesInvalid,
    IdeaNotActive,
    IdeasNotSameTable,
    NothingToChange,
    PreconditionFailed,
    PreconditionRequired,
    ThemeNotAtTable,
)
from backend.ideas.events import IdeaCombinedEvent, IdeaCreatedEvent, IdeaUpdatedEvent
from backend.ideas.schemas import BulkIdeaCreate, IdeaCombine, IdeaRepurpose, IdeaUpdate
from backend.kit.clock import utcnow
from backend.models import (
    Idea,
    IdeaParent,
    IdeaRevision,
    IdeaSource,
    IdeaStatus,
    Participant,
    Phase,
    Workshop,
    WorkshopTable,
)
from backend.workshops.rules import ensure_phase, ensure_writable

WRITING_PHASES = (Phase.ideate,)
# Facilitators type paper notes in during ideate and afterwards, while the table reduces.
ENTRY_PHASES = (Phase.ideate, Phase.reduce)
SHAPING_PHASES = (Phase.ideate, Phase.reduce)


@dataclass(frozen=True)
class Editor:
    """Who is typing: a participant or a facilitator (user)."""

    participant_id: uuid.UUID | None = None
    user_id: uuid.UUID | None = None


class StaleIdea(PreconditionFailed):
    def __init__(self, idea: Idea) -> None:
        super().__init__(
            f"The idea is at version {idea.version}; merge and send If-Match: {views.etag(idea)}",
            headers={"ETag": views.etag(idea)},
        )
        self.idea = idea


def _new_idea(
    db: Session,
    *,
    workshop: Workshop,
    table_id: uuid.UUID,
    text: str,
    author_id: uuid.UUID | None,
    editor: Editor,
    source: IdeaSource,
    theme_id: uuid.UUID | None = None,
    repurposed_from_id: uuid.UUID | None = None,
) -> Idea:
    idea = Idea(
        workshop_id=workshop.id,
        table_id=table_id,
        author_id=author_id,
        entered_by_participant_id=editor.participant_id,
        entered_by_user_id=editor.user_id,
        source=source,
        text=text,
        theme_id=theme_id,
        repurposed_from_id=repurposed_from_id,
    )
    db.add(idea)
    db.flush()
    return idea


def _announce_created(db: Session, workshop: Workshop, idea: Idea) -> None:
    record_event(
        db,
        workshop_id=workshop.id,
        kind="idea.created",
        payload=IdeaCreatedEvent(idea=views.new_idea_public(idea)),
        table_id=idea.table_id,
    )


def _check_theme(db: Session, table_id: uuid.UUID, theme_id: uuid.UUID | None) -> None:
    if theme_id is not None and repo.find_theme(db, table_id, theme_id) is None:
        raise ThemeNotAtTable("Pick one of your table's themes, or null")


def create_own_idea(
    *,
    db: Session,
    workshop: Workshop,
    table: WorkshopTable,
    me: Participant,
    text: str,
    author_id: uuid.UUID | None,
) -> Idea:
    """A participant's idea, or one they type for a tablemate (`on_behalf`). Ideate only."""
    ensure_writable(workshop)
    ensure_phase(workshop, *WRITING_PHASES)
    author = author_id or me.id
    if author != me.id:
        mate = repo.find_participant(db, workshop.id, author)
        if mate is None or mate.table_id != table.id:
            raise AuthorNotTablemate("Choose someone seated at your table")
    source = IdeaSource.phone if author == me.id else IdeaSource.on_behalf
    idea = _new_idea(
        db,
        workshop=workshop,
        table_id=table.id,
        text=text,
        author_id=author,
        editor=Editor(participant_id=me.id),
        source=source,
    )
    _announce_created(db, workshop, idea)
    return idea


def enter_ideas(
    *,
    db: Session,
    workshop: Workshop,
    table: WorkshopTable,
    user_id: uuid.UUID,
    data: BulkIdeaCreate,
    source: IdeaSource | None = None,
) -> list[Idea]:
    """Ideas typed in by a facilitator: all lines or none. Without `source`, a line with an
    author is `on_behalf` and one without is `paper`."""
    ensure_writable(workshop)
    ensure_phase(workshop, *ENTRY_PHASES)
    known = repo.participants_by_id(
        db, workshop.id, (line.author_id for line in data.lines if line.author_id)
    )
    errors = [
        {
            "loc": ["body", "lines", index, "author_id"],
            "msg": "not a participant of this session",
            "type": AuthorNotInSession.code,
        }
        for index, line in enumerate(data.lines)
        if line.author_id is not None and line.author_id not in known
    ]
    if errors:
        lines = ", ".join(str(e["loc"][2]) for e in errors)
        raise BulkLinesInvalid(f"Check the author of line(s) {lines}", errors=errors)
    ideas = []
    for line in data.lines:
        line_source = source or (IdeaSource.on_behalf if line.author_id else IdeaSource.paper)
        idea = _new_idea(
            db,
            workshop=workshop,
            table_id=table.id,
            text=line.text,
            author_id=line.author_id,
            editor=Editor(user_id=user_id),
            source=line_source,
        )
        _announce_created(db, workshop, idea)
        ideas.append(idea)
    return ideas


def check_if_match(idea: Idea, if_match: str | None) -> None:
    """428 without If-Match (or with `*`), 412 unless one of its tags is the idea's ETag."""
    if if_match is None or if_match.strip() in ("", "*"):
        raise PreconditionRequired(f"Send If-Match: {views.etag(idea)} from your copy of the idea")
    tags = {tag.strip().removeprefix("W/") for tag in if_match.split(",")}
    if views.etag(idea) not in tags:
        raise StaleIdea(idea)


def edit_idea(
    *,
    db: Session,
    workshop: Workshop,
    idea: Idea,
    data: IdeaUpdate,
    if_match: str | None,
    editor: Editor,
) -> Idea:
    ensure_writable(workshop)
    ensure_phase(workshop, *SHAPING_PHASES)
    if not data.model_fields_set:
        raise NothingToChange("Send text and/or theme_id")
    check_if_match(idea, if_match)
    if idea.status != IdeaStatus.active:
        raise IdeaNotActive("Edit the idea it was combined into instead")
    text = data.text if data.text is not None else idea.text
    theme_id = data.theme_id if "theme_id" in data.model_fields_set else idea.theme_id
    _check_theme(db, idea.table_id, theme_id)
    if (text, theme_id) == (idea.text, idea.theme_id):
        return idea
    revision = IdeaRevision(
        idea_id=idea.id,
        editor_participant_id=editor.participant_id,
        editor_user_id=editor.user_id,
        text_before=idea.text,
        text_after=text,
        theme_before_id=idea.theme_id,
        theme_after_id=theme_id,
        version=idea.version + 1,
    )
    idea.text, idea.theme_id = text, theme_id
    idea.version += 1
    idea.updated_at = utcnow()
    db.add_all([idea, revision])
    db.flush()
    record_event(
        db,
        workshop_id=workshop.id,
        kind="idea.updated",
        payload=IdeaUpdatedEvent(idea=views.idea_public(db, idea)),
        table_id=idea.table_id,
    )
    return idea


def combine_ideas(
    *, db: Session, workshop: Workshop, table: WorkshopTable, me: Participant, data: IdeaCombine
) -> Idea:
    """A new idea made of several active ideas of the table, which become `combined`."""
    ensure_writable(workshop)
    ensure_phase(workshop, *SHAPING_PHASES)
    parents = repo.ideas_for_combining(db, table.id, data.idea_ids)
    if len(parents) != len(data.idea_ids):
        raise IdeasNotSameTable("Every idea must be a visible idea of your table")
    if any(parent.status != IdeaStatus.active for parent in parents):
        raise IdeaNotActive("An idea that was already combined cannot be combined again")
    _check_theme(db, table.id, data.theme_id)
    child = _new_idea(
        db,
        workshop=workshop,
        table_id=table.id,
        text=data.text,
        author_id=None,
        editor=Editor(participant_id=me.id),
        source=IdeaSource.combined,
        theme_id=data.theme_id,
    )
    now = utcnow()
    for parent in parents:
        parent.status = IdeaStatus.combined
        parent.version += 1
        parent.updated_at = now
        db.add(parent)
        db.add(IdeaParent(child_id=child.id, parent_id=parent.id))
    db.flush()
    by_id = {p.id: p for p in parents}
    ordered = [by_id[idea_id] for idea_id in data.idea_ids]
    public = views.ideas_public(db, [child, *ordered])
    record_event(
        db,
        workshop_id=workshop.id,
        kind="idea.combined",
        payload=IdeaCombinedEvent(idea=public[0], parents=public[1:]),
        table_id=table.id,
    )
    return child


def repurpose_idea(
    *, db: Session, workshop: Workshop, original: Idea, me: Participant, data: IdeaRepurpose
) -> Idea:
    """A new idea that puts `original` to another use; the original stays as it is."""
    ensure_writable(workshop)
    ensure_phase(workshop, *SHAPING_PHASES)
    theme_id = data.theme_id if "theme_id" in data.model_fields_set else original.theme_id
    _check_theme(db, original.table_id, theme_id)
    idea = _new_idea(
        db,
        workshop=workshop,
        table_id=original.table_id,
        text=data.text or original.text,
        author_id=None,
        editor=Editor(participant_id=me.id),
        source=IdeaSource.repurposed,
        theme_id=theme_id,
        repurposed_from_id=original.id,
    )
    _announce_created(db, workshop, idea)
    return idea
