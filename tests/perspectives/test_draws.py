"""A table draws prompt cards at random: no repeats until the deck runs out, seen by all members."""

import asyncio
from collections.abc import Callable

import httpx
from fastapi import FastAPI
from sqlmodel import Session

from backend.models import Audience, Phase
from backend.perspectives.deck import BUILTIN_DECK
from tests.factories.participants import make_participant, sign_in_participant
from tests.factories.tables import assert_problem, make_table
from tests.perspectives.helpers import DRAW_URL, DRAWN_URL, draws, events, make_card, make_scene

NewClient = Callable[..., httpx.AsyncClient]


class TestDraw:
    async def test_valid_and_seen_by_tablemates(
        self, app: FastAPI, db: Session, new_client: NewClient
    ) -> None:
        scene = make_scene(db)
        me, mate = new_client(), new_client()
        sign_in_participant(db, me, scene.me)
        sign_in_participant(db, mate, scene.mate)

        response = await me.post(DRAW_URL)

        assert response.status_code == 201, response.text
        card = response.json()
        assert card["builtin"] is True
        assert card["text"]["en"] and card["text"]["cy"]
        assert (card["number"], card["round"]) == (1, 1)
        assert card["drawn_by_id"] == str(scene.me.id)
        [row] = draws(app)
        assert row.table_id == scene.table.id and str(row.card_id) == card["id"]
        [event] = events(app, "prompt.drawn")
        assert event.audience == Audience.table and event.table_id == scene.table.id
        assert event.payload["card"]["draw_id"] == card["draw_id"]
        seen = await mate.get(DRAWN_URL)
        assert seen.status_code == 200, seen.text
        assert seen.json()["items"] == [card]

    async def test_no_repeat_until_the_deck_is_exhausted(
        self, app: FastAPI, db: Session, client: httpx.AsyncClient
    ) -> None:
        scene = make_scene(db, phase=Phase.ideate)
        own = make_card(db, scene.room.facilitator.organisation.id, en="Ask a bus driver")
        sign_in_participant(db, client, scene.me)
        deck_size = len(BUILTIN_DECK) + 1

        first_round = [(await client.post(DRAW_URL)).json() for _ in range(deck_size)]
        next_card = (await client.post(DRAW_URL)).json()

        assert len({card["id"] for card in first_round}) == deck_size
        assert str(own.id) in {card["id"] for card in first_round}
        assert {card["round"] for card in first_round} == {1}
        assert [card["number"] for card in first_round] == list(range(1, deck_size + 1))
        assert next_card["round"] == 2 and next_card["number"] == deck_size + 1
        assert next_card["id"] != first_round[-1]["id"]
        assert len(draws(app)) == deck_size + 1

    async def test_tables_draw_independently(
        self, app: FastAPI, db: Session, new_client: NewClient
    ) -> None:
        scene = make_scene(db)
        other_table = make_table(db, scene.room.workshop)
        other = make_participant(db, scene.room.workshop, table_id=other_table.id)
        me, them = new_client(), new_client()
        sign_in_participant(db, me, scene.me)
        sign_in_participant(db, them, other)

        mine = (await me.post(DRAW_URL)).json()
        theirs = (await them.post(DRAW_URL)).json()

        assert mine["number"] == theirs["number"] == 1
        assert [c["draw_id"] for c in (await me.get(DRAWN_URL)).json()["items"]] == [
            mine["draw_id"]
        ]
        assert [c["draw_id"] for c in (await them.get(DRAWN_URL)).json()["items"]] == [
            theirs["draw_id"]
        ]

    async def test_simultaneous_draws_do_not_collide(
        self, app: FastAPI, db: Session, new_client: NewClient
    ) -> None:
        scene = make_scene(db)
        me, mate = new_client(), new_client()
        sign_in_participant(db, me, scene.me)
        sign_in_participant(db, mate, scene.mate)

        responses = await asyncio.gather(*(c.post(DRAW_URL) for c in (me, mate) * 3))

        assert [r.status_code for r in responses] == [201] * 6
        rows = draws(app)
        assert [row.number for row in rows] == [1, 2, 3, 4, 5, 6]
        assert len({row.card_id for row in rows}) == 6
        assert [e.seq for e in events(app, "prompt.drawn")] == [1, 2, 3, 4, 5, 6]

    async def test_deleted_card_stays_drawn(
        self, app: FastAPI, db: Session, new_client: NewClient
    ) -> None:
        scene = make_scene(db)
        own = make_card(db, scene.room.facilitator.organisation.id, en="Ask", cy="Gofynnwch")
        participant = new_client()
        sign_in_participant(db, participant, scene.me)
        for _ in range(len(BUILTIN_DECK) + 1):
            assert (await participant.post(DRAW_URL)).status_code == 201
        db.delete(own)
        db.commit()

        items = (await participant.get(DRAWN_URL)).json()["items"]

        [kept] = [item for item in items if item["id"] == str(own.id)]
        assert kept["text"] == {"en": "Ask", "cy": "Gofynnwch"} and kept["builtin"] is False

    async def test_wrong_phase(self, app: FastAPI, db: Session, client: httpx.AsyncClient) -> None:
        scene = make_scene(db, phase=Phase.reduce)
        sign_in_participant(db, client, scene.me)

        assert_problem(await client.post(DRAW_URL), 422, "phase_closed")
        assert draws(app) == [] and events(app, "prompt.drawn") == []

    async def test_not_seated(self, app: FastAPI, db: Session, client: httpx.AsyncClient) -> None:
        scene = make_scene(db)
        loner = make_participant(db, scene.room.workshop)
        sign_in_participant(db, client, loner)

        assert_problem(await client.post(DRAW_URL), 409, "not_seated")
        assert_problem(await client.get(DRAWN_URL), 409, "not_seated")
        assert draws(app) == []

    async def test_anonymous(self, app: FastAPI, client: httpx.AsyncClient) -> None:
        assert_problem(await client.post(DRAW_URL), 401, "unauthenticated")
        assert_problem(await client.get(DRAWN_URL), 401, "unauthenticated")
        assert draws(app) == []


class TestDrawn:
    async def test_paged_first_draw_first(self, db: Session, client: httpx.AsyncClient) -> None:
        scene = make_scene(db)
        sign_in_participant(db, client, scene.me)
        for _ in range(3):
            await client.post(DRAW_URL)

        first = (await client.get(DRAWN_URL, params={"limit": 2})).json()
        rest = (await client.get(DRAWN_URL, params={"cursor": first["next_cursor"]})).json()

        numbers = [c["number"] for c in first["items"] + rest["items"]]
        assert sorted(numbers) == [1, 2, 3] and rest["next_cursor"] is None
