"""An organisation's own prompt cards, and the deck a session draws from."""

import uuid

from sqlmodel import Session

from backend.kit.clock import utcnow
from backend.models import PromptCard
from backend.organisations.access import MemberOrganisation
from backend.perspectives import repository as repo
from backend.perspectives.deck import BUILTIN_DECK, Card
from backend.perspectives.errors import CardTextRequired, PromptCardNotFound
from backend.perspectives.schemas import PromptCardCreate, PromptCardUpdate
from backend.perspectives.views import as_card


def deck_for(db: Session, organisation_id: uuid.UUID) -> list[Card]:
    """The built-in cards, then the organisation's own, oldest first."""
    own = repo.all_organisation_cards(db, organisation_id)
    return [*BUILTIN_DECK, *(as_card(row) for row in own)]


def find_card(db: Session, *, access: MemberOrganisation, card_id: uuid.UUID) -> PromptCard:
    row = repo.card(db, organisation_id=access.organisation.id, card_id=card_id)
    if row is None:
        raise PromptCardNotFound()
    return row


def create_card(db: Session, *, access: MemberOrganisation, data: PromptCardCreate) -> PromptCard:
    row = PromptCard(
        organisation_id=access.organisation.id,
        text_en=data.text.en,
        text_cy=data.text.cy,
        created_by_id=access.facilitator.user.id,
    )
    db.add(row)
    db.flush()
    return row


def update_card(
    db: Session, *, access: MemberOrganisation, card_id: uuid.UUID, data: PromptCardUpdate
) -> PromptCard:
    row = find_card(db, access=access, card_id=card_id)
    if data.text is None:
        return row
    given = data.text.model_fields_set
    en = data.text.en if "en" in given else row.text_en
    cy = data.text.cy if "cy" in given else row.text_cy
    if en is None and cy is None:
        raise CardTextRequired("Keep the text in at least one language")
    row.text_en, row.text_cy, row.updated_at = en, cy, utcnow()
    db.add(row)
    db.flush()
    return row


def delete_card(db: Session, *, access: MemberOrganisation, card_id: uuid.UUID) -> None:
    """Tables that drew it keep their copy of its text."""
    db.delete(find_card(db, access=access, card_id=card_id))
    db.flush()
