"""Manual seat moves, pinning, pinned people on re-allocation, and the phase rules for seating."""

import httpx
import pytest
from fastapi import FastAPI
from sqlmodel import Session, select

from backend.kit.clock import utcnow
from backend.models import PHASE_ORDER, AllocationRun, ParticipantStatus, Phase
from tests.factories.participants import make_participant
from tests.factories.tables import (
    assert_problem,
    make_people,
    make_room,
    make_table,
    participant_row,
    read_rows,
    tables_in,
)

BEFORE_REDUCE = PHASE_ORDER[: PHASE_ORDER.index(Phase.reduce)]
FROM_REDUCE = PHASE_ORDER[PHASE_ORDER.index(Phase.reduce) :]


class TestMoves:
    async def test_move_between_tables_and_unseat(
        self, db: Session, client: httpx.AsyncClient, app: FastAPI
    ) -> None:
        room = make_room(db, client)
        first, second = make_table(db, room.workshop), make_table(db, room.workshop)
        person = make_people(db, room.workshop, 1, table=first)[0]
        make_people(db, room.workshop, 2, table=second)
        url = f"{room.base}/seats/{person.id}"

        moved = await client.put(url, json={"table_id": str(second.id)})
        assert moved.status_code == 200
        assert moved.json()["table"]["number"] == 2 and moved.json()["table_size"] == 3
        assert moved.json()["pinned"] is False
        assert participant_row(app, person).table_id == second.id

        unseated = await client.put(url, json={"table_id": None})
        assert unseated.status_code == 200
        assert unseated.json()["table"] is None and unseated.json()["table_size"] == 0
        board = (await client.get(f"{room.base}/tables")).json()
        assert [m["id"] for m in board["unseated"]] == [str(person.id)]

    async def test_over_capacity_allowed_but_flagged(
        self, db: Session, client: httpx.AsyncClient, app: FastAPI
    ) -> None:
        room = make_room(db, client)
        table = make_table(db, room.workshop)
        make_people(db, room.workshop, 8, table=table)
        newcomer = make_participant(db, room.workshop, display_name="Ninth")
        response = await client.put(
            f"{room.base}/seats/{newcomer.id}", json={"table_id": str(table.id)}
        )
        assert response.status_code == 200
        assert response.json()["table_size"] == 9 and response.json()["over_capacity"] is True
        assert participant_row(app, newcomer).table_id == table.id

    async def test_pin_and_unpin(
        self, db: Session, client: httpx.AsyncClient, app: FastAPI
    ) -> None:
        room = make_room(db, client)
        table = make_table(db, room.workshop)
        person = make_people(db, room.workshop, 1)[0]
        url = f"{room.base}/seats/{person.id}"
        await client.put(url, json={"table_id": str(table.id), "pinned": True})
        assert participant_row(app, person).pinned is True
        await client.put(url, json={"table_id": str(table.id), "pinned": False})
        assert participant_row(app, person).pinned is False

    async def test_unseat_clears_pin(
        self, db: Session, client: httpx.AsyncClient, app: FastAPI
    ) -> None:
        room = make_room(db, client)
        table = make_table(db, room.workshop)
        person = make_participant(db, room.workshop, table_id=table.id, pinned=True)
        response = await client.put(f"{room.base}/seats/{person.id}", json={"table_id": None})
        assert response.status_code == 200 and response.json()["pinned"] is False
        row = participant_row(app, person)
        assert row.table_id is None and row.pinned is False

    async def test_removed_participant(
        self, db: Session, client: httpx.AsyncClient, app: FastAPI
    ) -> None:
        room = make_room(db, client)
        table = make_table(db, room.workshop)
        gone = make_participant(db, room.workshop, status=ParticipantStatus.removed)
        response = await client.put(
            f"{room.base}/seats/{gone.id}", json={"table_id": str(table.id)}
        )
        assert_problem(response, 422, "participant_removed")
        assert participant_row(app, gone).table_id is None


class TestPhaseRules:
    @pytest.mark.parametrize("phase", BEFORE_REDUCE)
    async def test_moves_open_before_reduce(
        self, db: Session, client: httpx.AsyncClient, phase: Phase
    ) -> None:
        room = make_room(db, client, phase=phase)
        table = make_table(db, room.workshop)
        person = make_people(db, room.workshop, 1)[0]
        response = await client.put(
            f"{room.base}/seats/{person.id}", json={"table_id": str(table.id)}
        )
        assert response.status_code == 200

    @pytest.mark.parametrize("phase", FROM_REDUCE)
    async def test_moves_closed_from_reduce(
        self, db: Session, client: httpx.AsyncClient, app: FastAPI, phase: Phase
    ) -> None:
        room = make_room(db, client, phase=phase)
        table = make_table(db, room.workshop)
        person = make_people(db, room.workshop, 1)[0]
        response = await client.put(
            f"{room.base}/seats/{person.id}", json={"table_id": str(table.id)}
        )
        assert_problem(response, 422, "phase_closed")
        assert participant_row(app, person).table_id is None

    async def test_archived(self, db: Session, client: httpx.AsyncClient, app: FastAPI) -> None:
        room = make_room(db, client)
        table = make_table(db, room.workshop)
        person = make_people(db, room.workshop, 1)[0]
        room.workshop.archived_at = utcnow()
        db.add(room.workshop)
        db.commit()
        response = await client.put(
            f"{room.base}/seats/{person.id}", json={"table_id": str(table.id)}
        )
        assert_problem(response, 409, "session_archived")
        assert participant_row(app, person).table_id is None

    @pytest.mark.parametrize("phase", [Phase.engage, Phase.tables, Phase.strengths])
    async def test_allocation_open(
        self, db: Session, client: httpx.AsyncClient, phase: Phase
    ) -> None:
        room = make_room(db, client, phase=phase)
        make_people(db, room.workshop, 5)
        assert (await client.post(f"{room.base}/allocation")).status_code == 201

    @pytest.mark.parametrize("phase", PHASE_ORDER[PHASE_ORDER.index(Phase.perspectives) :])
    async def test_allocation_closed(
        self, db: Session, client: httpx.AsyncClient, app: FastAPI, phase: Phase
    ) -> None:
        room = make_room(db, client, phase=phase)
        people = make_people(db, room.workshop, 5)
        assert_problem(await client.post(f"{room.base}/allocation"), 422, "phase_closed")
        assert read_rows(app, select(AllocationRun)) == []
        assert participant_row(app, people[0]).table_id is None


class TestPinnedOnReallocation:
    async def test_pinned_people_stay_put(
        self, db: Session, client: httpx.AsyncClient, app: FastAPI
    ) -> None:
        room = make_room(db, client)
        people = make_people(db, room.workshop, 24)
        board = (await client.post(f"{room.base}/allocation", json={"seed": 1})).json()["board"]
        pins = {board["tables"][i]["members"][0]["id"]: board["tables"][i]["id"] for i in (0, 2)}
        for person_id, table_id in pins.items():
            response = await client.put(
                f"{room.base}/seats/{person_id}", json={"table_id": table_id, "pinned": True}
            )
            assert response.status_code == 200
        for seed in (2, 3, 4, 5):
            body = (await client.post(f"{room.base}/allocation", json={"seed": seed})).json()
            where = {
                m["id"]: (t["id"], m["pinned"])
                for t in body["board"]["tables"]
                for m in t["members"]
            }
            for person_id, table_id in pins.items():
                assert where[person_id] == (table_id, True)
            assert len(where) == len(people)

    async def test_pinned_table_kept_when_fewer_tables(
        self, db: Session, client: httpx.AsyncClient, app: FastAPI
    ) -> None:
        room = make_room(db, client)
        make_people(db, room.workshop, 10)
        tables = [make_table(db, room.workshop) for _ in range(4)]
        pinned = make_participant(db, room.workshop, table_id=tables[3].id, pinned=True)
        body = (await client.post(f"{room.base}/allocation", json={"table_count": 2})).json()
        assert [t["number"] for t in body["board"]["tables"]] == [1, 4]
        assert participant_row(app, pinned).table_id == tables[3].id
        assert {t.id for t in tables_in(app, room.workshop)} == {tables[0].id, tables[3].id}

    async def test_unpinned_tablemates_of_pinned_people_move(
        self, db: Session, client: httpx.AsyncClient
    ) -> None:
        room = make_room(db, client)
        table = make_table(db, room.workshop)
        make_people(db, room.workshop, 9, table=table)
        make_participant(db, room.workshop, table_id=table.id, pinned=True)
        body = (await client.post(f"{room.base}/allocation", json={"table_count": 2})).json()
        assert [t["size"] for t in body["board"]["tables"]] == [5, 5]
        assert [sum(m["pinned"] for m in t["members"]) for t in body["board"]["tables"]] == [1, 0]

    async def test_table_count_below_pinned_tables(
        self, db: Session, client: httpx.AsyncClient, app: FastAPI
    ) -> None:
        room = make_room(db, client)
        make_people(db, room.workshop, 10)
        tables = [make_table(db, room.workshop) for _ in range(3)]
        for table in tables:
            make_participant(db, room.workshop, table_id=table.id, pinned=True)
        response = await client.post(f"{room.base}/allocation", json={"table_count": 2})
        assert_problem(response, 422, "pinned_tables_exceed_count")
        assert len(tables_in(app, room.workshop)) == 3
        assert read_rows(app, select(AllocationRun)) == []

    async def test_default_count_covers_pinned_tables(
        self, db: Session, client: httpx.AsyncClient
    ) -> None:
        room = make_room(db, client)
        make_people(db, room.workshop, 7)
        tables = [make_table(db, room.workshop) for _ in range(3)]
        for table in tables:
            make_participant(db, room.workshop, table_id=table.id, pinned=True)
        body = (await client.post(f"{room.base}/allocation")).json()
        assert body["table_count"] == 3
        assert all(t["size"] >= 1 for t in body["board"]["tables"])

    async def test_keep_pinned_false_clears_pins(
        self, db: Session, client: httpx.AsyncClient, app: FastAPI
    ) -> None:
        room = make_room(db, client)
        make_people(db, room.workshop, 10)
        table = make_table(db, room.workshop)
        pinned = make_participant(db, room.workshop, table_id=table.id, pinned=True)
        body = (await client.post(f"{room.base}/allocation", json={"keep_pinned": False})).json()
        assert body["keep_pinned"] is False
        assert participant_row(app, pinned).pinned is False
        assert not any(m["pinned"] for t in body["board"]["tables"] for m in t["members"])
