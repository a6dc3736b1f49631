"""Perspective statements (phase 4) and the prompt-card deck, "the oracle"."""

import uuid
from typing import Annotated

from fastapi import APIRouter, Query, Response, status

from backend.deps import CurrentParticipant, DbSession, Paging
from backend.errors import problem_responses
from backend.kit.pagination import Page, paginate
from backend.models import PromptCard, PromptDraw
from backend.organisations.access import OrganisationReader, OrganisationWriter
from backend.perspectives import cards, draws, statements, views
from backend.perspectives import repository as repo
from backend.perspectives.schemas import (
    DrawnPromptCard,
    PerspectiveStatementList,
    PerspectiveStatementPublic,
    PromptCardCreate,
    PromptCardPublic,
    PromptCardUpdate,
    PromptDeck,
    StatementWrite,
)
from backend.perspectives.statements import seated_table
from backend.workshops.access import SessionsReader

router = APIRouter(tags=["perspectives"])

SessionReader = SessionsReader


@router.put(
    "/me/perspective-statement",
    name="perspectives-statement-write",
    responses=problem_responses(401, 409),
)
def write_statement(
    data: StatementWrite, me: CurrentParticipant, db: DbSession
) -> PerspectiveStatementPublic:
    """Write (or rewrite) how you see the challenge from your perspective. One statement each;
    open in the perspectives and ideate phases, once you are seated at a table (409
    `not_seated`). Your table sees it at once (`perspective.stated` event)."""
    row = statements.write_statement(db, workshop=me.workshop, me=me.participant, data=data)
    return views.statement_public(row, me.participant, perspective=me.participant.perspective)


@router.get(
    "/me/table/perspective-statements",
    name="perspectives-statements-mine",
    responses=problem_responses(401, 409),
)
def read_table_statements(me: CurrentParticipant, db: DbSession) -> PerspectiveStatementList:
    """Your table's statements side by side, ordered by perspective then name. A tablemate's
    perspective is shown only when they agreed to share it; statements of people who were
    removed stay, under their pseudonym."""
    table_id = seated_table(me.participant)
    return PerspectiveStatementList(
        items=views.table_statements(db, me=me.participant, table_id=table_id)
    )


@router.get(
    "/sessions/{session_id}/perspective-statements",
    name="perspectives-statements-list",
    responses=problem_responses(401, 403, 404),
)
def list_statements(
    access: SessionReader,
    db: DbSession,
    paging: Paging,
    table_id: Annotated[uuid.UUID | None, Query(description="Only this table's")] = None,
) -> Page[PerspectiveStatementPublic]:
    """The session's perspective statements, oldest first, optionally of one table (404
    `table_not_found` for a table of another session)."""
    return statements.session_statements(
        db, workshop=access.workshop, table_id=table_id, paging=paging
    )


@router.get(
    "/organisations/{organisation_id}/prompt-cards",
    name="prompt-cards-list",
    responses=problem_responses(401, 403, 404),
)
def list_cards(db: DbSession, access: OrganisationReader, paging: Paging) -> Page[PromptCardPublic]:
    """The organisation's own prompt cards (the built-in deck is not listed here)."""
    rows, cursor = paginate(db, repo.organisation_cards(access.organisation.id), PromptCard, paging)
    return Page(items=[views.card_public(views.as_card(row)) for row in rows], next_cursor=cursor)


@router.post(
    "/organisations/{organisation_id}/prompt-cards",
    name="prompt-cards-create",
    status_code=status.HTTP_201_CREATED,
    responses=problem_responses(401, 403, 404),
)
def create_card(
    data: PromptCardCreate, db: DbSession, access: OrganisationWriter
) -> PromptCardPublic:
    """Add a card to the organisation's deck, in English, Welsh or both."""
    row = cards.create_card(db, access=access, data=data)
    return views.card_public(views.as_card(row))


@router.patch(
    "/organisations/{organisation_id}/prompt-cards/{card_id}",
    name="prompt-cards-update",
    responses=problem_responses(401, 403, 404),
)
def update_card(
    card_id: uuid.UUID, data: PromptCardUpdate, db: DbSession, access: OrganisationWriter
) -> PromptCardPublic:
    """Change a card's text: only the languages given change, `null` removes one (422
    `card_text_required` if none would be left)."""
    row = cards.update_card(db, access=access, card_id=card_id, data=data)
    return views.card_public(views.as_card(row))


@router.delete(
    "/organisations/{organisation_id}/prompt-cards/{card_id}",
    name="prompt-cards-delete",
    status_code=status.HTTP_204_NO_CONTENT,
    responses=problem_responses(401, 403, 404),
)
def delete_card(card_id: uuid.UUID, db: DbSession, access: OrganisationWriter) -> Response:
    """Remove a card from the organisation's deck; tables that drew it keep what they saw."""
    cards.delete_card(db, access=access, card_id=card_id)
    return Response(status_code=status.HTTP_204_NO_CONTENT)


@router.get(
    "/sessions/{session_id}/prompt-cards",
    name="prompt-cards-deck",
    responses=problem_responses(401, 403, 404),
)
def read_deck(access: SessionReader, db: DbSession) -> PromptDeck:
    """The deck this session's tables draw from: the built-in cards, then the organisation's."""
    deck = cards.deck_for(db, access.workshop.organisation_id)
    return PromptDeck(items=[views.card_public(card) for card in deck])


@router.post(
    "/me/table/prompt-cards/draw",
    name="prompt-cards-draw",
    status_code=status.HTTP_201_CREATED,
    responses=problem_responses(401, 409),
)
def draw(me: CurrentParticipant, db: DbSession) -> DrawnPromptCard:
    """Draw a card at random for your table: never one the table has drawn already until the
    whole deck has been drawn. Open in the perspectives and ideate phases; everyone at the table
    sees it (`prompt.drawn` event)."""
    row = draws.draw_card(db, workshop=me.workshop, me=me.participant)
    return views.drawn_public(row)


@router.get(
    "/me/table/prompt-cards/drawn",
    name="prompt-cards-drawn",
    responses=problem_responses(401, 409),
)
def list_drawn(me: CurrentParticipant, db: DbSession, paging: Paging) -> Page[DrawnPromptCard]:
    """The cards your table has drawn, first draw first."""
    table_id = seated_table(me.participant)
    rows, cursor = paginate(db, repo.table_draws(table_id), PromptDraw, paging)
    return Page(items=[views.drawn_public(row) for row in rows], next_cursor=cursor)
