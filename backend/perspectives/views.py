"""Read models: statements side by side, and cards as `{id, text: {en, cy}, builtin}`."""

import uuid

from sqlmodel import Session

from backend.kit.i18n import LocalizedText
from backend.models import (
    BuiltinPerspective,
    Participant,
    PerspectiveStatement,
    PromptCard,
    PromptDraw,
)
from backend.perspectives import repository as repo
from backend.perspectives.deck import Card
from backend.perspectives.schemas import (
    DrawnPromptCard,
    PerspectiveStatementPublic,
    PromptCardPublic,
)

_BUILTIN_ORDER = {key: index for index, key in enumerate(BuiltinPerspective)}


def shared_perspective(author: Participant) -> str | None:
    return author.perspective if author.consent_share_perspective else None


def statement_public(
    statement: PerspectiveStatement, author: Participant, *, perspective: str | None
) -> PerspectiveStatementPublic:
    return PerspectiveStatementPublic(
        id=statement.id,
        author_id=author.id,
        author_name=author.display_name,
        perspective=perspective,
        table_id=author.table_id if author.table_id is not None else statement.table_id,
        text=statement.text,
        created_at=statement.created_at,
        updated_at=statement.updated_at,
    )


def _side_by_side_key(item: PerspectiveStatementPublic) -> tuple[int, str, str, str]:
    # The built-in perspectives in METHOD.md's order, then custom ones, then those not shown.
    perspective = item.perspective
    rank = len(_BUILTIN_ORDER) + (perspective is None)
    if perspective is not None:
        rank = _BUILTIN_ORDER.get(perspective, rank)  # type: ignore[call-overload]
    return (rank, perspective or "", item.author_name.casefold(), str(item.id))


def side_by_side(items: list[PerspectiveStatementPublic]) -> list[PerspectiveStatementPublic]:
    return sorted(items, key=_side_by_side_key)


def table_statements(
    db: Session, *, me: Participant, table_id: uuid.UUID
) -> list[PerspectiveStatementPublic]:
    rows = repo.table_statements(db, workshop_id=me.workshop_id, table_id=table_id)
    items = [
        statement_public(
            statement,
            author,
            perspective=author.perspective if author.id == me.id else shared_perspective(author),
        )
        for statement, author in rows
    ]
    return side_by_side(items)


def card_public(card: Card) -> PromptCardPublic:
    return PromptCardPublic(
        id=card.id, text=LocalizedText(en=card.text_en, cy=card.text_cy), builtin=card.builtin
    )


def as_card(row: PromptCard) -> Card:
    return Card(id=row.id, text_en=row.text_en, text_cy=row.text_cy, builtin=False)


def drawn_public(draw: PromptDraw) -> DrawnPromptCard:
    return DrawnPromptCard(
        id=draw.card_id,
        text=LocalizedText(en=draw.text_en, cy=draw.text_cy),
        builtin=draw.builtin,
        draw_id=draw.id,
        number=draw.number,
        round=draw.round,
        drawn_by_id=draw.drawn_by_id,
        drawn_at=draw.created_at,
    )
