"""The built-in deck: enough cards, each in real English and Welsh, with fixed distinct ids."""

import uuid

from backend.perspectives.deck import BUILTIN_DECK


def test_at_least_24_bilingual_cards() -> None:
    assert len(BUILTIN_DECK) >= 24
    for card in BUILTIN_DECK:
        assert card.builtin
        assert card.text_en and card.text_cy and card.text_en != card.text_cy
        assert len(card.text_en) <= 300 and len(card.text_cy) <= 300


def test_ids_are_distinct_and_stable() -> None:
    assert len({card.id for card in BUILTIN_DECK}) == len(BUILTIN_DECK)
    assert len({card.text_en for card in BUILTIN_DECK}) == len(BUILTIN_DECK)
    assert len({card.text_cy for card in BUILTIN_DECK}) == len(BUILTIN_DECK)
    # Derived from the card's key: a draw recorded today still names the same card next year.
    assert BUILTIN_DECK[0].id == uuid.uuid5(
        uuid.UUID("6f1d3c2e-5b0a-4c8e-9a51-7d2e0c4b9f13"), "user-designed"
    )
