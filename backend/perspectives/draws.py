"""Drawing a prompt card at random for a table, without repeats until the deck runs out."""

import secrets
import uuid

from sqlalchemy.exc import IntegrityError
from sqlmodel import Session

from backend.events.log import record_event
from backend.models import Participant, PromptDraw, Workshop
from backend.perspectives import repository as repo
from backend.perspectives.cards import deck_for
from backend.perspectives.deck import Card
from backend.perspectives.errors import DrawConflict
from backend.perspectives.events import PromptDrawnEvent
from backend.perspectives.statements import OPEN_PHASES, seated_table
from backend.perspectives.views import drawn_public
from backend.workshops.rules import ensure_phase, ensure_writable


def _choose(deck: list[Card], last: PromptDraw | None, drawn: set[uuid.UUID]) -> tuple[Card, int]:
    """The card and its round: an undrawn card of the current round, or, once the whole deck has
    been drawn, any card of a new round except the one just drawn."""
    round_ = last.round if last else 1
    remaining = [card for card in deck if card.id not in drawn]
    if not remaining:
        round_ += 1
        remaining = [card for card in deck if last is None or card.id != last.card_id] or deck
    return secrets.choice(remaining), round_


def draw_card(db: Session, *, workshop: Workshop, me: Participant) -> PromptDraw:
    table_id = seated_table(me)
    ensure_writable(workshop)
    ensure_phase(workshop, *OPEN_PHASES)
    repo.lock_workshop(db, workshop.id)
    last = repo.last_draw(db, table_id)
    drawn = repo.card_ids_drawn(db, table_id=table_id, round_=last.round) if last else set()
    card, round_ = _choose(deck_for(db, workshop.organisation_id), last, drawn)
    draw = PromptDraw(
        workshop_id=workshop.id,
        table_id=table_id,
        number=last.number + 1 if last else 1,
        round=round_,
        card_id=card.id,
        builtin=card.builtin,
        text_en=card.text_en,
        text_cy=card.text_cy,
        drawn_by_id=me.id,
    )
    db.add(draw)
    try:
        db.flush()
    except IntegrityError as exc:  # a tablemate's draw took this number a moment ago
        raise DrawConflict() from exc
    record_event(
        db,
        workshop_id=workshop.id,
        kind="prompt.drawn",
        table_id=table_id,
        payload=PromptDrawnEvent(table_id=table_id, card=drawn_public(draw)),
    )
    return draw
