"""One class per tables operation: valid use, bad input (problem+json, nothing written), rules."""

import uuid

import httpx
from fastapi import FastAPI
from sqlmodel import Session, select

from backend.kit.clock import utcnow
from backend.models import (
    AllocationRun,
    ConstraintKind,
    ParticipantStatus,
    Phase,
    SeatingConstraint,
)
from tests.factories.accounts import make_access_token
from tests.factories.participants import make_participant, sign_in_participant
from tests.factories.tables import (
    assert_problem,
    make_constraint,
    make_people,
    make_room,
    make_table,
    participant_row,
    read_rows,
    tables_in,
)


def _runs(app: FastAPI) -> list[AllocationRun]:
    return read_rows(app, select(AllocationRun))


def _constraints(app: FastAPI) -> list[SeatingConstraint]:
    return read_rows(app, select(SeatingConstraint))


class TestReadBoard:
    async def test_empty(self, db: Session, client: httpx.AsyncClient) -> None:
        room = make_room(db, client)
        response = await client.get(f"{room.base}/tables")
        assert response.status_code == 200
        assert response.json() == {"size_min": 5, "size_max": 8, "tables": [], "unseated": []}

    async def test_tables_members_and_unseated(
        self, db: Session, client: httpx.AsyncClient
    ) -> None:
        room = make_room(db, client)
        second = make_table(db, room.workshop, number=2, name="Window")
        first = make_table(db, room.workshop, number=1)
        a = make_participant(db, room.workshop, display_name="A", table_id=first.id)
        make_participant(
            db,
            room.workshop,
            display_name="B",
            perspective="academic",
            table_id=first.id,
            network_roles=["maven"],
            pinned=True,
        )
        make_participant(
            db,
            room.workshop,
            display_name="C",
            perspective="academic",
            table_id=first.id,
            access_needs="BSL",
            email="c@example.org",
        )
        make_participant(
            db,
            room.workshop,
            display_name="Gone",
            table_id=first.id,
            status=ParticipantStatus.removed,
        )
        free = make_participant(
            db, room.workshop, display_name="D", status=ParticipantStatus.pre_registered
        )

        body = (await client.get(f"{room.base}/tables")).json()

        assert [t["number"] for t in body["tables"]] == [1, 2]
        one, two = body["tables"]
        assert one["id"] == str(first.id) and two["name"] == "Window"
        assert two["id"] == str(second.id) and two["members"] == [] and two["size"] == 0
        assert [m["display_name"] for m in one["members"]] == ["A", "B", "C"]
        assert one["size"] == 3 and one["perspectives_present"] == 2
        assert one["over_capacity"] is False
        assert one["members"][0] == {
            "id": str(a.id),
            "display_name": "A",
            "perspective": "lived_experience",
            "network_roles": [],
            "pinned": False,
            "status": "joined",
        }
        assert one["members"][1]["pinned"] is True
        assert one["members"][1]["network_roles"] == ["maven"]
        assert [m["id"] for m in body["unseated"]] == [str(free.id)]
        assert body["unseated"][0]["status"] == "pre_registered"
        assert "BSL" not in str(body) and "c@example.org" not in str(body)

    async def test_over_capacity_flag(self, db: Session, client: httpx.AsyncClient) -> None:
        room = make_room(db, client)
        table = make_table(db, room.workshop)
        make_people(db, room.workshop, 9, table=table)
        body = (await client.get(f"{room.base}/tables")).json()
        assert body["tables"][0]["size"] == 9
        assert body["tables"][0]["over_capacity"] is True
        assert body["tables"][0]["perspectives_present"] == 5

    async def test_token_needs_tables_read(
        self,
        db: Session,
        new_client,
        app: FastAPI,  # type: ignore[no-untyped-def]
    ) -> None:
        room = make_room(db)
        token = make_access_token(db, room.facilitator.user, frozenset({"sessions:read"}))
        api = new_client(spa_like=False)
        headers = {"Authorization": f"Bearer {token}"}
        assert_problem(
            await api.get(f"{room.base}/tables", headers=headers), 403, "insufficient_scope"
        )
        good = make_access_token(db, room.facilitator.user, frozenset({"tables:read"}))
        response = await api.get(f"{room.base}/tables", headers={"Authorization": f"Bearer {good}"})
        assert response.status_code == 200
        # read scope does not allow writing
        assert_problem(
            await api.post(
                f"{room.base}/tables", json={}, headers={"Authorization": f"Bearer {good}"}
            ),
            403,
            "insufficient_scope",
        )
        assert tables_in(app, room.workshop) == []

    async def test_unknown_session(self, db: Session, client: httpx.AsyncClient) -> None:
        make_room(db, client)
        assert_problem(
            await client.get(f"/api/v1/sessions/{uuid.uuid4()}/tables"), 404, "session_not_found"
        )


class TestCreateTable:
    async def test_valid_numbers_fill_gaps(
        self, db: Session, client: httpx.AsyncClient, app: FastAPI
    ) -> None:
        room = make_room(db, client)
        make_table(db, room.workshop, number=2)
        response = await client.post(f"{room.base}/tables", json={"name": "  By the door "})
        assert response.status_code == 201
        body = response.json()
        assert body["number"] == 1 and body["name"] == "By the door"
        assert body["members"] == [] and body["size"] == 0
        response = await client.post(f"{room.base}/tables")
        assert response.status_code == 201 and response.json()["number"] == 3
        assert response.json()["name"] is None
        assert [t.number for t in tables_in(app, room.workshop)] == [1, 2, 3]

    async def test_blank_name_is_none(self, db: Session, client: httpx.AsyncClient) -> None:
        room = make_room(db, client)
        response = await client.post(f"{room.base}/tables", json={"name": "   "})
        assert response.status_code == 201 and response.json()["name"] is None

    async def test_bad_input(self, db: Session, client: httpx.AsyncClient, app: FastAPI) -> None:
        room = make_room(db, client)
        for body in ({"name": "x" * 81}, {"name": 5}, {"colour": "red"}, [1]):
            response = await client.post(f"{room.base}/tables", json=body)
            assert_problem(response, 422, "validation_failed")
        response = await client.post(
            f"{room.base}/tables", content=b"{", headers={"Content-Type": "application/json"}
        )
        assert_problem(response, 400, "malformed_json")
        assert tables_in(app, room.workshop) == []

    async def test_phase_closed(self, db: Session, client: httpx.AsyncClient, app: FastAPI) -> None:
        room = make_room(db, client, phase=Phase.reduce)
        assert_problem(await client.post(f"{room.base}/tables", json={}), 422, "phase_closed")
        assert tables_in(app, room.workshop) == []

    async def test_archived(self, db: Session, client: httpx.AsyncClient, app: FastAPI) -> None:
        room = make_room(db, client)
        room.workshop.archived_at = utcnow()
        db.add(room.workshop)
        db.commit()
        assert_problem(await client.post(f"{room.base}/tables", json={}), 409, "session_archived")
        assert tables_in(app, room.workshop) == []


class TestUpdateTable:
    async def test_rename_and_clear(
        self, db: Session, client: httpx.AsyncClient, app: FastAPI
    ) -> None:
        room = make_room(db, client, phase=Phase.pitch)
        table = make_table(db, room.workshop, name="Old")
        url = f"{room.base}/tables/{table.id}"
        response = await client.patch(url, json={"name": "Oak"})
        assert response.status_code == 200
        assert response.json()["name"] == "Oak" and response.json()["number"] == 1
        assert (await client.patch(url, json={})).json()["name"] == "Oak"
        assert (await client.patch(url, json={"name": None})).json()["name"] is None
        assert tables_in(app, room.workshop)[0].name is None

    async def test_unknown_table(self, db: Session, client: httpx.AsyncClient) -> None:
        room = make_room(db, client)
        response = await client.patch(f"{room.base}/tables/{uuid.uuid4()}", json={"name": "x"})
        assert_problem(response, 404, "table_not_found")
        response = await client.patch(f"{room.base}/tables/not-a-uuid", json={"name": "x"})
        assert_problem(response, 422, "validation_failed")

    async def test_too_long(self, db: Session, client: httpx.AsyncClient, app: FastAPI) -> None:
        room = make_room(db, client)
        table = make_table(db, room.workshop, name="Old")
        response = await client.patch(f"{room.base}/tables/{table.id}", json={"name": "x" * 81})
        assert_problem(response, 422, "validation_failed")
        assert tables_in(app, room.workshop)[0].name == "Old"


class TestDeleteTable:
    async def test_empty(self, db: Session, client: httpx.AsyncClient, app: FastAPI) -> None:
        room = make_room(db, client)
        table = make_table(db, room.workshop)
        gone = make_participant(
            db, room.workshop, table_id=table.id, status=ParticipantStatus.removed
        )
        response = await client.delete(f"{room.base}/tables/{table.id}")
        assert response.status_code == 204 and response.content == b""
        assert tables_in(app, room.workshop) == []
        assert participant_row(app, gone).table_id is None

    async def test_not_empty(self, db: Session, client: httpx.AsyncClient, app: FastAPI) -> None:
        room = make_room(db, client)
        table = make_table(db, room.workshop)
        make_people(db, room.workshop, 1, table=table)
        assert_problem(
            await client.delete(f"{room.base}/tables/{table.id}"), 409, "table_not_empty"
        )
        assert len(tables_in(app, room.workshop)) == 1

    async def test_phase_closed(self, db: Session, client: httpx.AsyncClient, app: FastAPI) -> None:
        room = make_room(db, client, phase=Phase.ideate)
        table = make_table(db, room.workshop)
        assert_problem(await client.delete(f"{room.base}/tables/{table.id}"), 422, "phase_closed")
        assert len(tables_in(app, room.workshop)) == 1


class TestAllocate:
    async def test_valid(self, db: Session, client: httpx.AsyncClient, app: FastAPI) -> None:
        room = make_room(db, client, phase=Phase.engage)
        people = make_people(db, room.workshop, 20)
        make_participant(db, room.workshop, display_name="Gone", status=ParticipantStatus.removed)

        response = await client.post(f"{room.base}/allocation", json={"seed": 7})

        assert response.status_code == 201, response.text
        body = response.json()
        assert body["seed"] == 7 and body["table_count"] == 4 and body["keep_pinned"] is True
        assert body["diversity"] == body["diversity_max"] == 20
        assert body["issues"] == [] and body["violated"] == []
        board = body["board"]
        assert [t["number"] for t in board["tables"]] == [1, 2, 3, 4]
        assert all(t["size"] == 5 and t["perspectives_present"] == 5 for t in board["tables"])
        assert board["unseated"] == []
        tables = {t.id for t in tables_in(app, room.workshop)}
        assert len(tables) == 4
        assert all(participant_row(app, p).table_id in tables for p in people)
        (run,) = _runs(app)
        assert str(run.id) == body["id"] and run.seed == 7 and run.diversity == 20
        assert run.created_by_id == room.facilitator.user.id
        assert run.report["table_count"] == 4

    async def test_no_body_random_seed(self, db: Session, client: httpx.AsyncClient) -> None:
        room = make_room(db, client)
        make_people(db, room.workshop, 6)
        response = await client.post(f"{room.base}/allocation")
        assert response.status_code == 201
        assert isinstance(response.json()["seed"], int) and response.json()["seed"] >= 0

    async def test_same_seed_same_seating(self, db: Session, client: httpx.AsyncClient) -> None:
        room = make_room(db, client)
        make_people(db, room.workshop, 17)

        def seating(body: dict) -> dict[str, int]:  # type: ignore[type-arg]
            return {m["id"]: t["number"] for t in body["board"]["tables"] for m in t["members"]}

        first = (await client.post(f"{room.base}/allocation", json={"seed": 42})).json()
        second = (await client.post(f"{room.base}/allocation", json={"seed": 42})).json()
        assert seating(first) == seating(second)
        assert first["id"] != second["id"]

    async def test_table_count_creates_and_deletes(
        self, db: Session, client: httpx.AsyncClient, app: FastAPI
    ) -> None:
        room = make_room(db, client)
        make_people(db, room.workshop, 12)
        kept = make_table(db, room.workshop, number=1, name="Kept")
        for number in (2, 3, 4):
            make_table(db, room.workshop, number=number)
        body = (await client.post(f"{room.base}/allocation", json={"table_count": 2})).json()
        assert body["table_count"] == 2
        tables = tables_in(app, room.workshop)
        assert [(t.number, t.name) for t in tables] == [(1, "Kept"), (2, None)]
        assert tables[0].id == kept.id
        body = (await client.post(f"{room.base}/allocation", json={"table_count": 3})).json()
        assert [t["number"] for t in body["board"]["tables"]] == [1, 2, 3]
        assert [t["size"] for t in body["board"]["tables"]] == [4, 4, 4]
        assert {i["code"] for i in body["issues"]} == {"size_out_of_bounds"}
        issue = body["issues"][0]
        assert issue["table_id"] in {t["id"] for t in body["board"]["tables"]}
        assert issue["table_number"] in {1, 2, 3}
        assert issue["params"] == {"size": 4, "min": 5, "max": 8}

    async def test_removed_people_unseated_from_deleted_tables(
        self, db: Session, client: httpx.AsyncClient, app: FastAPI
    ) -> None:
        room = make_room(db, client)
        make_people(db, room.workshop, 5)
        make_table(db, room.workshop, number=1)
        extra = make_table(db, room.workshop, number=2)
        gone = make_participant(
            db, room.workshop, table_id=extra.id, status=ParticipantStatus.removed
        )
        response = await client.post(f"{room.base}/allocation", json={"table_count": 1})
        assert response.status_code == 201
        assert len(tables_in(app, room.workshop)) == 1
        assert participant_row(app, gone).table_id is None

    async def test_nobody(self, db: Session, client: httpx.AsyncClient, app: FastAPI) -> None:
        room = make_room(db, client)
        make_participant(db, room.workshop, status=ParticipantStatus.removed)
        assert_problem(await client.post(f"{room.base}/allocation"), 422, "nobody_to_allocate")
        assert _runs(app) == [] and tables_in(app, room.workshop) == []

    async def test_bad_input(self, db: Session, client: httpx.AsyncClient, app: FastAPI) -> None:
        room = make_room(db, client)
        people = make_people(db, room.workshop, 6)
        bodies = (
            {"seed": -1},
            {"seed": 2**31},
            {"seed": "x"},
            {"table_count": 0},
            {"table_count": 301},
            {"keep_pinned": "maybe"},
            {"tables": 3},
        )
        for body in bodies:
            assert_problem(
                await client.post(f"{room.base}/allocation", json=body), 422, "validation_failed"
            )
        assert_problem(
            await client.post(f"{room.base}/allocation", json={"table_count": 7}),
            422,
            "too_many_tables",
        )
        assert _runs(app) == [] and tables_in(app, room.workshop) == []
        assert participant_row(app, people[0]).table_id is None

    async def test_phase_closed(self, db: Session, client: httpx.AsyncClient, app: FastAPI) -> None:
        room = make_room(db, client, phase=Phase.perspectives)
        make_people(db, room.workshop, 6)
        assert_problem(await client.post(f"{room.base}/allocation"), 422, "phase_closed")
        assert _runs(app) == [] and tables_in(app, room.workshop) == []

    async def test_archived(self, db: Session, client: httpx.AsyncClient, app: FastAPI) -> None:
        room = make_room(db, client)
        make_people(db, room.workshop, 6)
        room.workshop.archived_at = utcnow()
        db.add(room.workshop)
        db.commit()
        assert_problem(await client.post(f"{room.base}/allocation"), 409, "session_archived")
        assert _runs(app) == []

    async def test_honours_constraints(self, db: Session, client: httpx.AsyncClient) -> None:
        room = make_room(db, client)
        people = make_people(db, room.workshop, 20)
        make_constraint(db, room.workshop, ConstraintKind.together, people[0], people[1])
        make_constraint(db, room.workshop, ConstraintKind.apart, people[2], people[7])
        for seed in (1, 2, 3):
            body = (await client.post(f"{room.base}/allocation", json={"seed": seed})).json()
            where = {m["id"]: t["id"] for t in body["board"]["tables"] for m in t["members"]}
            assert where[str(people[0].id)] == where[str(people[1].id)]
            assert where[str(people[2].id)] != where[str(people[7].id)]
            assert body["violated"] == []

    async def test_constraints_of_removed_people_ignored(
        self, db: Session, client: httpx.AsyncClient
    ) -> None:
        room = make_room(db, client)
        people = make_people(db, room.workshop, 5)
        gone = make_participant(db, room.workshop, status=ParticipantStatus.removed)
        make_constraint(db, room.workshop, ConstraintKind.apart, people[0], gone)
        response = await client.post(f"{room.base}/allocation")
        assert response.status_code == 201 and response.json()["violated"] == []

    async def test_unusable_size_bounds(
        self, db: Session, client: httpx.AsyncClient, app: FastAPI
    ) -> None:
        room = make_room(db, client)
        room.workshop.table_size_min = 0
        db.add(room.workshop)
        db.commit()
        make_people(db, room.workshop, 6)
        assert_problem(await client.post(f"{room.base}/allocation"), 422, "allocation_impossible")
        assert _runs(app) == [] and tables_in(app, room.workshop) == []


class TestReadAllocation:
    async def test_none_yet(self, db: Session, client: httpx.AsyncClient) -> None:
        room = make_room(db, client)
        assert_problem(await client.get(f"{room.base}/allocation"), 404, "no_allocation_yet")

    async def test_latest(self, db: Session, client: httpx.AsyncClient) -> None:
        room = make_room(db, client)
        make_people(db, room.workshop, 10)
        await client.post(f"{room.base}/allocation", json={"seed": 1})
        made = (await client.post(f"{room.base}/allocation", json={"seed": 2})).json()
        response = await client.get(f"{room.base}/allocation")
        assert response.status_code == 200
        body = response.json()
        assert body["id"] == made["id"] and body["seed"] == 2
        assert body["issues"] == made["issues"] and body["table_count"] == made["table_count"]
        assert "board" not in body


class TestMoveSeat:
    async def test_valid(self, db: Session, client: httpx.AsyncClient, app: FastAPI) -> None:
        room = make_room(db, client, phase=Phase.ideate)
        table = make_table(db, room.workshop, name="Oak")
        (person,) = make_people(db, room.workshop, 1)
        response = await client.put(
            f"{room.base}/seats/{person.id}", json={"table_id": str(table.id), "pinned": True}
        )
        assert response.status_code == 200
        assert response.json() == {
            "participant_id": str(person.id),
            "table": {"id": str(table.id), "number": 1, "name": "Oak"},
            "pinned": True,
            "table_size": 1,
            "over_capacity": False,
        }
        row = participant_row(app, person)
        assert row.table_id == table.id and row.pinned is True

    async def test_bad_input(self, db: Session, client: httpx.AsyncClient, app: FastAPI) -> None:
        room = make_room(db, client)
        table = make_table(db, room.workshop)
        (person,) = make_people(db, room.workshop, 1)
        url = f"{room.base}/seats/{person.id}"
        for body in (
            {},
            {"table_id": "nope"},
            {"table_id": str(table.id), "pinned": "very"},
            {"table_id": str(table.id), "seat": 3},
        ):
            assert_problem(await client.put(url, json=body), 422, "validation_failed")
        assert_problem(
            await client.put(url, json={"table_id": None, "pinned": True}), 422, "pin_needs_table"
        )
        assert_problem(
            await client.put(url, json={"table_id": str(uuid.uuid4())}), 404, "table_not_found"
        )
        assert_problem(
            await client.put(f"{room.base}/seats/{uuid.uuid4()}", json={"table_id": None}),
            404,
            "participant_not_found",
        )
        assert participant_row(app, person).table_id is None


class TestListConstraints:
    async def test_paginated(self, db: Session, client: httpx.AsyncClient) -> None:
        room = make_room(db, client)
        people = make_people(db, room.workshop, 4)
        made = [
            make_constraint(db, room.workshop, ConstraintKind.together, people[0], people[1]),
            make_constraint(db, room.workshop, ConstraintKind.apart, people[2], people[3]),
            make_constraint(db, room.workshop, ConstraintKind.apart, people[0], people[3]),
        ]
        page = (await client.get(f"{room.base}/seating-constraints?limit=2")).json()
        assert [c["id"] for c in page["items"]] == [str(c.id) for c in made[:2]]
        assert page["items"][0]["kind"] == "together"
        rest = await client.get(
            f"{room.base}/seating-constraints", params={"cursor": page["next_cursor"]}
        )
        assert [c["id"] for c in rest.json()["items"]] == [str(made[2].id)]
        assert rest.json()["next_cursor"] is None

    async def test_bad_cursor(self, db: Session, client: httpx.AsyncClient) -> None:
        room = make_room(db, client)
        response = await client.get(f"{room.base}/seating-constraints?cursor=zzz")
        assert_problem(response, 400, "invalid_cursor")


class TestCreateConstraint:
    async def test_valid(self, db: Session, client: httpx.AsyncClient, app: FastAPI) -> None:
        room = make_room(db, client)
        a, b = make_people(db, room.workshop, 2)
        response = await client.post(
            f"{room.base}/seating-constraints",
            json={"kind": "together", "first_id": str(b.id), "second_id": str(a.id)},
        )
        assert response.status_code == 201
        body = response.json()
        low, high = sorted((a.id, b.id))
        assert body["kind"] == "together"
        assert (body["first_id"], body["second_id"]) == (str(low), str(high))
        (row,) = _constraints(app)
        assert str(row.id) == body["id"] and row.workshop_id == room.workshop.id

    async def test_duplicate_either_order(
        self, db: Session, client: httpx.AsyncClient, app: FastAPI
    ) -> None:
        room = make_room(db, client)
        a, b = make_people(db, room.workshop, 2)
        make_constraint(db, room.workshop, ConstraintKind.apart, a, b)
        for first, second in ((a, b), (b, a)):
            response = await client.post(
                f"{room.base}/seating-constraints",
                json={"kind": "apart", "first_id": str(first.id), "second_id": str(second.id)},
            )
            assert_problem(response, 409, "constraint_exists")
        assert len(_constraints(app)) == 1

    async def test_contradiction(
        self, db: Session, client: httpx.AsyncClient, app: FastAPI
    ) -> None:
        room = make_room(db, client)
        a, b = make_people(db, room.workshop, 2)
        make_constraint(db, room.workshop, ConstraintKind.apart, a, b)
        response = await client.post(
            f"{room.base}/seating-constraints",
            json={"kind": "together", "first_id": str(b.id), "second_id": str(a.id)},
        )
        assert_problem(response, 422, "constraint_contradiction")
        assert len(_constraints(app)) == 1

    async def test_bad_input(self, db: Session, client: httpx.AsyncClient, app: FastAPI) -> None:
        room = make_room(db, client)
        a, b = make_people(db, room.workshop, 2)
        gone = make_participant(db, room.workshop, status=ParticipantStatus.removed)
        url = f"{room.base}/seating-constraints"
        for body in (
            {"kind": "near", "first_id": str(a.id), "second_id": str(b.id)},
            {"kind": "apart", "first_id": str(a.id)},
            {"kind": "apart", "first_id": "x", "second_id": str(b.id)},
        ):
            assert_problem(await client.post(url, json=body), 422, "validation_failed")
        same = {"kind": "apart", "first_id": str(a.id), "second_id": str(a.id)}
        assert_problem(await client.post(url, json=same), 422, "same_person")
        unknown = {"kind": "apart", "first_id": str(a.id), "second_id": str(uuid.uuid4())}
        assert_problem(await client.post(url, json=unknown), 404, "participant_not_found")
        removed = {"kind": "apart", "first_id": str(a.id), "second_id": str(gone.id)}
        assert_problem(await client.post(url, json=removed), 422, "participant_removed")
        assert _constraints(app) == []


class TestDeleteConstraint:
    async def test_valid(self, db: Session, client: httpx.AsyncClient, app: FastAPI) -> None:
        room = make_room(db, client)
        a, b = make_people(db, room.workshop, 2)
        constraint = make_constraint(db, room.workshop, ConstraintKind.apart, a, b)
        response = await client.delete(f"{room.base}/seating-constraints/{constraint.id}")
        assert response.status_code == 204
        assert _constraints(app) == []
        again = await client.delete(f"{room.base}/seating-constraints/{constraint.id}")
        assert_problem(again, 404, "seating_constraint_not_found")


class TestMyTable:
    async def test_seated(self, db: Session, client: httpx.AsyncClient) -> None:
        room = make_room(db)
        table = make_table(db, room.workshop, name="Oak")
        me = make_participant(db, room.workshop, display_name="Me", table_id=table.id)
        sign_in_participant(db, client, me)
        response = await client.get("/api/v1/me/table")
        assert response.status_code == 200
        body = response.json()
        assert body["table"] == {"id": str(table.id), "number": 1, "name": "Oak"}
        assert body["tablemates"] == [
            {
                "id": str(me.id),
                "display_name": "Me",
                "perspective": "lived_experience",
                "is_me": True,
            }
        ]
        assert body["perspectives_present"] == 1

    async def test_anonymous(self, client: httpx.AsyncClient) -> None:
        assert_problem(await client.get("/api/v1/me/table"), 401, "unauthenticated")
