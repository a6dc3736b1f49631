"""An organisation's own prompt cards, and the deck a session uses."""

from typing import Any

import httpx
from fastapi import FastAPI
from sqlmodel import Session

from backend.models import Role
from backend.perspectives.deck import BUILTIN_DECK
from tests.factories.accounts import make_access_token, make_facilitator, sign_in_client
from tests.factories.tables import assert_problem, make_room
from tests.perspectives.helpers import cards, make_card


def _url(organisation_id: object) -> str:
    return f"/api/v1/organisations/{organisation_id}/prompt-cards"


class TestCreateCard:
    async def test_valid_both_languages(
        self, app: FastAPI, db: Session, client: httpx.AsyncClient
    ) -> None:
        room = make_room(db, client)
        org = room.facilitator.organisation

        response = await client.post(
            _url(org.id),
            json={"text": {"en": " Ask the bus driver ", "cy": "Gofynnwch i yrrwr y bws"}},
        )

        assert response.status_code == 201, response.text
        [row] = cards(app)
        assert response.json() == {
            "id": str(row.id),
            "text": {"en": "Ask the bus driver", "cy": "Gofynnwch i yrrwr y bws"},
            "builtin": False,
        }
        assert row.organisation_id == org.id and row.created_by_id == room.facilitator.user.id

    async def test_one_language_is_enough(
        self, app: FastAPI, db: Session, client: httpx.AsyncClient
    ) -> None:
        room = make_room(db, client)

        response = await client.post(
            _url(room.facilitator.organisation.id), json={"text": {"cy": "Beth am y plant?"}}
        )

        assert response.status_code == 201, response.text
        assert response.json()["text"] == {"en": None, "cy": "Beth am y plant?"}

    async def test_a_facilitator_member_may_add(
        self, app: FastAPI, db: Session, client: httpx.AsyncClient
    ) -> None:
        room = make_room(db)
        member = make_facilitator(
            db, organisation=room.facilitator.organisation, role=Role.facilitator
        )
        sign_in_client(db, client, member.user)

        response = await client.post(
            _url(room.facilitator.organisation.id), json={"text": {"en": "Who pays?"}}
        )

        assert response.status_code == 201, response.text

    async def test_bad_input_writes_nothing(
        self, app: FastAPI, db: Session, client: httpx.AsyncClient
    ) -> None:
        room = make_room(db, client)
        url = _url(room.facilitator.organisation.id)

        bodies: list[dict[str, Any]] = [
            {"text": {}},
            {"text": {"en": None, "cy": None}},
            {"text": {"en": "   "}},
            {"text": {"en": "x" * 301}},
            {"text": {"cy": "y" * 301}},
            {"text": {"en": "ok", "fr": "non"}},
            {"text": "just a string"},
            {},
            {"text": {"en": "ok"}, "builtin": True},
        ]
        for body in bodies:
            response = await client.post(url, json=body)
            assert_problem(response, 422, "validation_failed")
        assert cards(app) == []

    async def test_token_needs_organisation_write(
        self, app: FastAPI, db: Session, client: httpx.AsyncClient
    ) -> None:
        room = make_room(db)
        token = make_access_token(db, room.facilitator.user, frozenset({"organisation:read"}))

        response = await client.post(
            _url(room.facilitator.organisation.id),
            json={"text": {"en": "Who pays?"}},
            headers={"Authorization": f"Bearer {token}"},
        )

        assert response.status_code == 403
        assert cards(app) == []


class TestListCards:
    async def test_own_cards_only(self, db: Session, client: httpx.AsyncClient) -> None:
        room = make_room(db, client)
        mine = make_card(db, room.facilitator.organisation.id, en="Mine")
        other = make_facilitator(db)
        make_card(db, other.organisation.id, en="Theirs")

        response = await client.get(_url(room.facilitator.organisation.id))

        assert response.status_code == 200, response.text
        assert response.json() == {
            "items": [{"id": str(mine.id), "text": {"en": "Mine", "cy": None}, "builtin": False}],
            "next_cursor": None,
        }


class TestUpdateCard:
    async def test_change_one_language(
        self, app: FastAPI, db: Session, client: httpx.AsyncClient
    ) -> None:
        room = make_room(db, client)
        card = make_card(db, room.facilitator.organisation.id, en="Who pays?")

        response = await client.patch(
            f"{_url(room.facilitator.organisation.id)}/{card.id}",
            json={"text": {"cy": "Pwy sy'n talu?"}},
        )

        assert response.status_code == 200, response.text
        assert response.json()["text"] == {"en": "Who pays?", "cy": "Pwy sy'n talu?"}
        [row] = cards(app)
        assert (row.text_en, row.text_cy) == ("Who pays?", "Pwy sy'n talu?")
        assert row.updated_at is not None

    async def test_remove_one_language(
        self, app: FastAPI, db: Session, client: httpx.AsyncClient
    ) -> None:
        room = make_room(db, client)
        card = make_card(db, room.facilitator.organisation.id, en="Who pays?", cy="Pwy sy'n talu?")

        response = await client.patch(
            f"{_url(room.facilitator.organisation.id)}/{card.id}", json={"text": {"en": None}}
        )

        assert response.status_code == 200, response.text
        assert (cards(app)[0].text_en, cards(app)[0].text_cy) == (None, "Pwy sy'n talu?")

    async def test_cannot_remove_both_languages(
        self, app: FastAPI, db: Session, client: httpx.AsyncClient
    ) -> None:
        room = make_room(db, client)
        card = make_card(db, room.facilitator.organisation.id, en="Who pays?")
        url = f"{_url(room.facilitator.organisation.id)}/{card.id}"

        assert_problem(
            await client.patch(url, json={"text": {"en": None}}), 422, "card_text_required"
        )
        assert_problem(
            await client.patch(url, json={"text": {"en": None, "cy": None}}),
            422,
            "card_text_required",
        )
        assert_problem(
            await client.patch(url, json={"text": {"en": "x" * 301}}), 422, "validation_failed"
        )
        [row] = cards(app)
        assert (row.text_en, row.text_cy, row.updated_at) == ("Who pays?", None, None)

    async def test_empty_patch_changes_nothing(
        self, app: FastAPI, db: Session, client: httpx.AsyncClient
    ) -> None:
        room = make_room(db, client)
        card = make_card(db, room.facilitator.organisation.id, en="Who pays?")

        response = await client.patch(
            f"{_url(room.facilitator.organisation.id)}/{card.id}", json={}
        )

        assert response.status_code == 200
        assert cards(app)[0].updated_at is None

    async def test_builtin_card_is_not_editable(
        self, db: Session, client: httpx.AsyncClient
    ) -> None:
        room = make_room(db, client)

        response = await client.patch(
            f"{_url(room.facilitator.organisation.id)}/{BUILTIN_DECK[0].id}",
            json={"text": {"en": "Changed"}},
        )

        assert_problem(response, 404, "prompt_card_not_found")


class TestDeleteCard:
    async def test_valid(self, app: FastAPI, db: Session, client: httpx.AsyncClient) -> None:
        room = make_room(db, client)
        card = make_card(db, room.facilitator.organisation.id)

        response = await client.delete(f"{_url(room.facilitator.organisation.id)}/{card.id}")

        assert response.status_code == 204
        assert cards(app) == []

    async def test_unknown(self, db: Session, client: httpx.AsyncClient) -> None:
        room = make_room(db, client)

        response = await client.delete(
            f"{_url(room.facilitator.organisation.id)}/{BUILTIN_DECK[1].id}"
        )

        assert_problem(response, 404, "prompt_card_not_found")


class TestSessionDeck:
    async def test_builtin_then_organisation_cards(
        self, db: Session, client: httpx.AsyncClient
    ) -> None:
        room = make_room(db, client)
        own = make_card(db, room.facilitator.organisation.id, cy="Beth am y Gymraeg?", en=None)
        make_card(db, make_facilitator(db).organisation.id, en="Another organisation's")

        response = await client.get(f"{room.base}/prompt-cards")

        assert response.status_code == 200, response.text
        items = response.json()["items"]
        assert len(items) == len(BUILTIN_DECK) + 1
        assert all(item["builtin"] for item in items[:-1])
        assert items[0]["text"] == {
            "en": "What would this look like if the person using the service designed it?",
            "cy": "Sut olwg fyddai ar hyn pe bai'r person sy'n defnyddio'r gwasanaeth yn ei "
            "gynllunio?",
        }
        assert items[-1] == {
            "id": str(own.id),
            "text": {"en": None, "cy": "Beth am y Gymraeg?"},
            "builtin": False,
        }
        assert "Another organisation" not in response.text
