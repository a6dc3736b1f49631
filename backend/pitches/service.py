"""The rules of a table's pitch: which idea it pitches, who may save it, in which phase, and never
over someone else's newer save."""

import uuid
from dataclasses import dataclass

from sqlalchemy.exc import IntegrityError
from sqlmodel import Session

from backend.combinations.carried import carried_idea
from backend.events.log import record_event
from backend.kit.clock import utcnow
from backend.models import Audience, Idea, Phase, Pitch, Workshop, WorkshopTable
from backend.pitches import repository as repo
from backend.pitches.errors import NoChosenIdea, PitchChanged
from backend.pitches.events import PitchSavedEvent
from backend.pitches.schemas import PitchSave
from backend.workshops.rules import ensure_phase, ensure_writable

# Tables move at their own pace: one that has finished its storyboard may draft its pitch.
PITCH_WRITING_PHASES = (Phase.storyboard, Phase.pitch)


@dataclass(frozen=True)
class Actor:
    """Who acts: a member of a table, or a facilitator on a table's behalf."""

    participant_id: uuid.UUID | None = None
    user_id: uuid.UUID | None = None


def table_idea(db: Session, workshop: Workshop, table: WorkshopTable) -> Idea | None:
    idea_id = carried_idea(db, workshop.id, table.id)
    return db.get(Idea, idea_id) if idea_id else None


def current_pitch(
    db: Session, workshop: Workshop, table: WorkshopTable
) -> tuple[Idea | None, Pitch | None]:
    idea = table_idea(db, workshop, table)
    return idea, repo.pitch_for(db, table.id, idea.id) if idea else None


def save_pitch(
    *, db: Session, workshop: Workshop, table: WorkshopTable, actor: Actor, data: PitchSave
) -> Pitch:
    ensure_writable(workshop)
    ensure_phase(workshop, *PITCH_WRITING_PHASES)
    idea = table_idea(db, workshop, table)
    if idea is None:
        raise NoChosenIdea("Choose one idea in the reduce phase first")
    pitch = repo.pitch_for(db, table.id, idea.id, for_update=True)
    found = pitch.version if pitch else 0
    if data.version != found:
        raise PitchChanged(f"The pitch is at version {found}; load it again and merge")
    content = data.model_dump(mode="json", exclude={"version"})
    if pitch is None:
        pitch = Pitch(workshop_id=workshop.id, table_id=table.id, idea_id=idea.id, **content)
        try:
            with db.begin_nested():
                db.add(pitch)
                db.flush()
        except IntegrityError as exc:  # a tablemate wrote the first version meanwhile
            raise PitchChanged("A tablemate saved the pitch first; load it again") from exc
    else:
        pitch.sqlmodel_update(content)
        pitch.version += 1
        pitch.updated_at = utcnow()
    pitch.updated_by_participant_id = actor.participant_id
    pitch.updated_by_user_id = actor.user_id
    db.add(pitch)
    db.flush()
    record_event(
        db,
        workshop_id=workshop.id,
        kind="pitch.saved",
        payload=PitchSavedEvent(pitch_id=pitch.id, table_id=table.id, version=pitch.version),
        table_id=table.id,
        audience=Audience.session,
    )
    return pitch
