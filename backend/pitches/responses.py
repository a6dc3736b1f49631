"""Other tables answer a pitch with offers of help, questions and suggestions; the pitching table
may reply to questions. There is no ranking: responses are listed oldest first, never counted."""

from sqlmodel import Session

from backend.events.log import record_event
from backend.kit.clock import utcnow
from backend.models import (
    Audience,
    Capital,
    Participant,
    Phase,
    Pitch,
    PitchResponse,
    ResponseKind,
    Workshop,
    WorkshopTable,
)
from backend.pitches import repository as repo
from backend.pitches.errors import CapitalNotPooled, NotAQuestion, OfferNeedsCapital, OwnPitch
from backend.pitches.events import PitchRepliedEvent, PitchRespondedEvent
from backend.pitches.schemas import PitchReply, PitchResponseCreate
from backend.pitches.service import Actor
from backend.workshops.rules import ensure_phase, ensure_writable

RESPONDING_PHASES = (Phase.pitch,)


def _texts(value: object) -> list[str]:
    if isinstance(value, str):
        return [value] if value.strip() else []
    if isinstance(value, list):
        return [v for v in value if isinstance(v, str) and v.strip()]
    return []


def pooled_capitals(members: list[Participant]) -> set[Capital]:
    """The kinds of capital at least one member of the table has shared a strength in."""
    return {c for c in Capital for person in members if _texts(person.strengths.get(c.value))}


def respond(
    *,
    db: Session,
    workshop: Workshop,
    pitch: Pitch,
    table: WorkshopTable,
    actor: Actor,
    data: PitchResponseCreate,
) -> PitchResponse:
    """`table` responds to `pitch` (another table's)."""
    ensure_writable(workshop)
    ensure_phase(workshop, *RESPONDING_PHASES)
    if pitch.table_id == table.id:
        raise OwnPitch("PitchAsk other tables for their responses instead")
    if (data.kind == ResponseKind.offer) != bool(data.capitals):
        raise OfferNeedsCapital()
    missing = set(data.capitals) - pooled_capitals(repo.members_of(db, table.id))
    if missing:
        raise CapitalNotPooled(f"Your table has shared no {', '.join(sorted(missing))} strengths")
    response = PitchResponse(
        workshop_id=workshop.id,
        pitch_id=pitch.id,
        table_id=table.id,
        kind=data.kind,
        body=data.body,
        capitals=[c.value for c in data.capitals],
        author_participant_id=actor.participant_id,
        author_user_id=actor.user_id,
    )
    db.add(response)
    db.flush()
    record_event(
        db,
        workshop_id=workshop.id,
        kind="pitch.responded",
        payload=PitchRespondedEvent(
            pitch_id=pitch.id,
            pitch_table_id=pitch.table_id,
            response_id=response.id,
            from_table_id=table.id,
            kind=response.kind,
        ),
        table_id=pitch.table_id,
        audience=Audience.session,
    )
    return response


def reply(
    *,
    db: Session,
    workshop: Workshop,
    response: PitchResponse,
    me: Participant,
    data: PitchReply,
) -> PitchResponse:
    """A member of the pitching table answers a question (again: the answer is replaced)."""
    ensure_writable(workshop)
    ensure_phase(workshop, *RESPONDING_PHASES)
    if response.kind != ResponseKind.question:
        raise NotAQuestion()
    response.reply = data.reply
    response.replied_by_participant_id = me.id
    response.replied_at = utcnow()
    db.add(response)
    db.flush()
    record_event(
        db,
        workshop_id=workshop.id,
        kind="pitch.replied",
        payload=PitchRepliedEvent(pitch_id=response.pitch_id, response_id=response.id),
        table_id=me.table_id,
        audience=Audience.session,
    )
    return response
