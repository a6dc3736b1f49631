"""One class per frame operation of a member: the happy path and each refusal, with what was written."""

import uuid

import httpx
import pytest
from fastapi import FastAPI
from sqlmodel import Session, col, select

from backend.kit.clock import utcnow
from backend.models import Phase, SessionEvent, StoryboardFrame, Workshop
from tests.factories.ideas import event_kinds
from tests.factories.tables import assert_problem, read_rows
from tests.storyboards.helpers import (
    ME,
    Stage,
    frame_count,
    make_stage,
    storyboard_count,
)

FRAME = {"title": "Arrive at the hub", "what_happens": "A volunteer says hello", "who": "Volunteer"}


@pytest.fixture
def stage(db: Session) -> Stage:
    return make_stage(db)


async def add(client: httpx.AsyncClient, stage: Stage, title: str, member: int = 0) -> dict:
    response = await client.post(f"{ME}/frames", json={"title": title}, headers=stage.auth(member))
    assert response.status_code == 201, response.text
    return response.json()


def frames_in_order(app: FastAPI) -> list[tuple[str, int, int]]:
    rows = read_rows(app, select(StoryboardFrame).order_by(col(StoryboardFrame.position)))
    return [(f.title, f.position, f.version) for f in rows]


def set_phase(db: Session, stage: Stage, phase: Phase) -> None:
    workshop = db.get(Workshop, stage.board.room.workshop.id)
    assert workshop is not None
    workshop.phase = phase
    db.add(workshop)
    db.commit()


class TestRead:
    async def test_before_the_table_chooses(self, db: Session, client: httpx.AsyncClient) -> None:
        stage = make_stage(db, chosen=False)
        body = (await client.get(ME, headers=stage.auth())).json()
        assert body["idea"] is None
        assert body["frames"] == []
        assert body["phase_open"] is True
        assert body["writable"] is False

    async def test_chosen_idea_and_frames_in_order(
        self, client: httpx.AsyncClient, stage: Stage
    ) -> None:
        await add(client, stage, "First")
        await add(client, stage, "Second", member=1)
        response = await client.get(ME, headers=stage.auth(1))
        body = response.json()
        assert response.headers["etag"] == '"2"'
        assert body["idea"] == {"id": str(stage.board.ideas[0].id), "text": "Idea 0"}
        assert [(f["position"], f["title"]) for f in body["frames"]] == [
            (1, "First"),
            (2, "Second"),
        ]
        assert body["writable"] is True

    async def test_readable_after_the_phase(
        self, db: Session, client: httpx.AsyncClient, stage: Stage
    ) -> None:
        await add(client, stage, "First")
        set_phase(db, stage, Phase.outcomes)
        body = (await client.get(ME, headers=stage.auth())).json()
        assert [f["title"] for f in body["frames"]] == ["First"]
        assert body["writable"] is False


class TestCreateFrame:
    async def test_valid(self, app: FastAPI, client: httpx.AsyncClient, stage: Stage) -> None:
        response = await client.post(f"{ME}/frames", json=FRAME, headers=stage.auth())
        assert response.status_code == 201, response.text
        body = response.json()
        assert response.headers["etag"] == '"1"'
        assert body["position"] == 1
        assert body["title"] == FRAME["title"]
        assert body["where"] == ""
        assert body["image"] is None
        assert body["created_by_participant_id"] == str(stage.board.members[0].id)
        assert body["entered_by_facilitator"] is False
        assert event_kinds(app)[-1] == "storyboard.updated"
        event = read_rows(app, select(SessionEvent).order_by(col(SessionEvent.seq).desc()))[0]
        assert event.table_id == stage.board.table.id
        assert event.payload["change"] == "frame_added"

    @pytest.mark.parametrize("phase", [Phase.pitch, Phase.combine])
    async def test_open_in_later_phases(
        self, db: Session, client: httpx.AsyncClient, phase: Phase
    ) -> None:
        stage = make_stage(db, phase=phase)
        response = await client.post(f"{ME}/frames", json=FRAME, headers=stage.auth())
        assert response.status_code == 201

    @pytest.mark.parametrize("phase", [Phase.ideate, Phase.reduce, Phase.glue, Phase.outcomes])
    async def test_out_of_phase(
        self, app: FastAPI, db: Session, client: httpx.AsyncClient, phase: Phase
    ) -> None:
        stage = make_stage(db, phase=phase)
        response = await client.post(f"{ME}/frames", json=FRAME, headers=stage.auth())
        assert_problem(response, 422, "phase_closed")
        assert frame_count(app) == storyboard_count(app) == 0

    async def test_archived_session(
        self, app: FastAPI, db: Session, client: httpx.AsyncClient, stage: Stage
    ) -> None:
        workshop = db.get(Workshop, stage.board.room.workshop.id)
        assert workshop is not None
        workshop.archived_at = utcnow()
        db.add(workshop)
        db.commit()
        response = await client.post(f"{ME}/frames", json=FRAME, headers=stage.auth())
        assert response.status_code == 401  # an archived session's participants are signed out
        assert frame_count(app) == 0

    async def test_no_chosen_idea(
        self, app: FastAPI, db: Session, client: httpx.AsyncClient
    ) -> None:
        stage = make_stage(db, chosen=False)
        response = await client.post(f"{ME}/frames", json=FRAME, headers=stage.auth())
        assert_problem(response, 409, "no_chosen_idea")
        assert frame_count(app) == storyboard_count(app) == 0

    @pytest.mark.parametrize(
        "body",
        [
            {},
            {"title": "   "},
            {"title": "x" * 121},
            {"title": "ok", "what_happens": "x" * 2001},
            {"title": "ok", "who": "x" * 301},
            {"title": "ok", "colour": "red"},
            {"title": "ok", "image_id": "not-a-uuid", "image_alt": "a"},
        ],
    )
    async def test_invalid_fields(
        self, app: FastAPI, client: httpx.AsyncClient, stage: Stage, body: dict
    ) -> None:
        response = await client.post(f"{ME}/frames", json=body, headers=stage.auth())
        assert_problem(response, 422, "validation_failed")
        assert frame_count(app) == 0

    async def test_unknown_picture(
        self, app: FastAPI, client: httpx.AsyncClient, stage: Stage
    ) -> None:
        body = FRAME | {"image_id": str(uuid.uuid4()), "image_alt": "A bus stop"}
        response = await client.post(f"{ME}/frames", json=body, headers=stage.auth())
        assert_problem(response, 404, "image_not_found")
        assert frame_count(app) == 0

    async def test_too_many_frames(
        self, app: FastAPI, db: Session, client: httpx.AsyncClient, stage: Stage
    ) -> None:
        for i in range(30):
            await add(client, stage, f"Frame {i}")
        response = await client.post(f"{ME}/frames", json=FRAME, headers=stage.auth())
        assert_problem(response, 422, "too_many_frames")
        assert frame_count(app) == 30

    async def test_retry_with_the_same_key_adds_once(
        self, app: FastAPI, client: httpx.AsyncClient, stage: Stage
    ) -> None:
        headers = stage.auth() | {"Idempotency-Key": "frame-1"}
        first = await client.post(f"{ME}/frames", json=FRAME, headers=headers)
        again = await client.post(f"{ME}/frames", json=FRAME, headers=headers)
        assert again.headers["idempotent-replayed"] == "true"
        assert again.json()["id"] == first.json()["id"]
        assert frame_count(app) == 1


class TestUpdateFrame:
    async def test_valid(self, app: FastAPI, client: httpx.AsyncClient, stage: Stage) -> None:
        frame = await add(client, stage, "First")
        response = await client.patch(
            f"{ME}/frames/{frame['id']}",
            json={"where": "Library", "who": "Librarian"},
            headers=stage.auth(1) | {"If-Match": '"1"'},
        )
        assert response.status_code == 200, response.text
        body = response.json()
        assert response.headers["etag"] == '"2"'
        assert (body["title"], body["where"], body["who"]) == ("First", "Library", "Librarian")
        assert body["updated_by_participant_id"] == str(stage.board.members[1].id)
        assert event_kinds(app)[-1] == "storyboard.updated"
        # Editing a frame's content leaves the order's version alone.
        assert (await client.get(ME, headers=stage.auth())).headers["etag"] == '"1"'

    async def test_without_if_match(
        self, app: FastAPI, client: httpx.AsyncClient, stage: Stage
    ) -> None:
        frame = await add(client, stage, "First")
        response = await client.patch(
            f"{ME}/frames/{frame['id']}", json={"title": "Changed"}, headers=stage.auth()
        )
        assert_problem(response, 428, "precondition_required")
        assert frames_in_order(app) == [("First", 0, 1)]

    async def test_stale_edit_never_overwrites(
        self, app: FastAPI, client: httpx.AsyncClient, stage: Stage
    ) -> None:
        frame = await add(client, stage, "First")
        url = f"{ME}/frames/{frame['id']}"
        mine = await client.patch(
            url, json={"title": "Mine"}, headers=stage.auth(0) | {"If-Match": '"1"'}
        )
        assert mine.status_code == 200
        theirs = await client.patch(
            url, json={"title": "Theirs"}, headers=stage.auth(1) | {"If-Match": '"1"'}
        )
        assert_problem(theirs, 412, "precondition_failed")
        assert theirs.headers["etag"] == '"2"'
        assert frames_in_order(app) == [("Mine", 0, 2)]

    @pytest.mark.parametrize(
        ("body", "code"),
        [
            ({}, "nothing_to_change"),
            ({"title": None}, "validation_failed"),
            ({"title": ""}, "validation_failed"),
            ({"image_id": str(uuid.uuid4()), "image_alt": "A map"}, "image_not_found"),
            ({"image_id": str(uuid.uuid4())}, "image_not_found"),
        ],
    )
    async def test_refused(
        self,
        app: FastAPI,
        client: httpx.AsyncClient,
        stage: Stage,
        body: dict,
        code: str,
    ) -> None:
        frame = await add(client, stage, "First")
        response = await client.patch(
            f"{ME}/frames/{frame['id']}", json=body, headers=stage.auth() | {"If-Match": '"1"'}
        )
        assert response.status_code in (404, 422)
        assert response.json()["code"] == code
        assert frames_in_order(app) == [("First", 0, 1)]

    async def test_unknown_frame(self, client: httpx.AsyncClient, stage: Stage) -> None:
        await add(client, stage, "First")
        response = await client.patch(
            f"{ME}/frames/{uuid.uuid4()}",
            json={"title": "x"},
            headers=stage.auth() | {"If-Match": '"1"'},
        )
        assert_problem(response, 404, "frame_not_found")

    async def test_out_of_phase(
        self, app: FastAPI, db: Session, client: httpx.AsyncClient, stage: Stage
    ) -> None:
        frame = await add(client, stage, "First")
        set_phase(db, stage, Phase.glue)
        response = await client.patch(
            f"{ME}/frames/{frame['id']}",
            json={"title": "Late"},
            headers=stage.auth() | {"If-Match": '"1"'},
        )
        assert_problem(response, 422, "phase_closed")
        assert frames_in_order(app) == [("First", 0, 1)]


class TestDeleteFrame:
    async def test_valid(self, app: FastAPI, client: httpx.AsyncClient, stage: Stage) -> None:
        first = await add(client, stage, "First")
        await add(client, stage, "Second")
        await add(client, stage, "Third")
        response = await client.delete(
            f"{ME}/frames/{first['id']}", headers=stage.auth() | {"If-Match": '"1"'}
        )
        assert response.status_code == 204
        assert frames_in_order(app) == [("Second", 0, 1), ("Third", 1, 1)]
        assert (await client.get(ME, headers=stage.auth())).headers["etag"] == '"4"'

    @pytest.mark.parametrize(("if_match", "status"), [(None, 428), ('"7"', 412)])
    async def test_needs_the_current_etag(
        self,
        app: FastAPI,
        client: httpx.AsyncClient,
        stage: Stage,
        if_match: str | None,
        status: int,
    ) -> None:
        frame = await add(client, stage, "First")
        headers = stage.auth() | ({"If-Match": if_match} if if_match else {})
        response = await client.delete(f"{ME}/frames/{frame['id']}", headers=headers)
        assert response.status_code == status
        assert frame_count(app) == 1

    async def test_unknown_frame(
        self, app: FastAPI, client: httpx.AsyncClient, stage: Stage
    ) -> None:
        await add(client, stage, "First")
        response = await client.delete(
            f"{ME}/frames/{uuid.uuid4()}", headers=stage.auth() | {"If-Match": '"1"'}
        )
        assert_problem(response, 404, "frame_not_found")
        assert frame_count(app) == 1


class TestReorder:
    async def test_valid(self, app: FastAPI, client: httpx.AsyncClient, stage: Stage) -> None:
        ids = [(await add(client, stage, t))["id"] for t in ("A", "B", "C")]
        response = await client.put(
            f"{ME}/order",
            json={"frame_ids": [ids[2], ids[0], ids[1]]},
            headers=stage.auth(1) | {"If-Match": '"3"'},
        )
        assert response.status_code == 200, response.text
        assert response.headers["etag"] == '"4"'
        assert [f["title"] for f in response.json()["frames"]] == ["C", "A", "B"]
        assert [f["position"] for f in response.json()["frames"]] == [1, 2, 3]
        assert [t for t, _, _ in frames_in_order(app)] == ["C", "A", "B"]
        assert event_kinds(app)[-1] == "storyboard.updated"

    async def test_same_order_changes_nothing(
        self, app: FastAPI, client: httpx.AsyncClient, stage: Stage
    ) -> None:
        ids = [(await add(client, stage, t))["id"] for t in ("A", "B")]
        events = len(event_kinds(app))
        response = await client.put(
            f"{ME}/order", json={"frame_ids": ids}, headers=stage.auth() | {"If-Match": '"2"'}
        )
        assert response.headers["etag"] == '"2"'
        assert len(event_kinds(app)) == events

    @pytest.mark.parametrize("case", ["missing", "duplicate", "unknown", "extra", "empty"])
    async def test_impossible_orders(
        self, app: FastAPI, db: Session, client: httpx.AsyncClient, stage: Stage, case: str
    ) -> None:
        ids = [(await add(client, stage, t))["id"] for t in ("A", "B", "C")]
        other = make_stage(db, room=stage.board.room)
        foreign = (await add(client, other, "Theirs"))["id"]
        sent = {
            "missing": [ids[2], ids[0]],
            "duplicate": [ids[2], ids[0], ids[0]],
            "unknown": [ids[2], ids[0], str(uuid.uuid4())],
            "extra": [ids[2], ids[0], ids[1], foreign],
            "empty": [],
        }[case]
        response = await client.put(
            f"{ME}/order", json={"frame_ids": sent}, headers=stage.auth() | {"If-Match": '"3"'}
        )
        assert_problem(response, 422, "order_invalid")
        titles = [t for t, _, _ in frames_in_order(app)]
        assert titles.index("A") < titles.index("B") < titles.index("C")

    async def test_too_long_a_list(self, client: httpx.AsyncClient, stage: Stage) -> None:
        ids = [str(uuid.uuid4()) for _ in range(101)]
        response = await client.put(
            f"{ME}/order", json={"frame_ids": ids}, headers=stage.auth() | {"If-Match": '"0"'}
        )
        assert_problem(response, 422, "validation_failed")

    @pytest.mark.parametrize(("if_match", "status"), [(None, 428), ('"1"', 412)])
    async def test_needs_the_order_etag(
        self,
        app: FastAPI,
        client: httpx.AsyncClient,
        stage: Stage,
        if_match: str | None,
        status: int,
    ) -> None:
        ids = [(await add(client, stage, t))["id"] for t in ("A", "B")]
        headers = stage.auth() | ({"If-Match": if_match} if if_match else {})
        response = await client.put(f"{ME}/order", json={"frame_ids": ids[::-1]}, headers=headers)
        assert response.status_code == status
        assert [t for t, _, _ in frames_in_order(app)] == ["A", "B"]

    async def test_out_of_phase(
        self, app: FastAPI, db: Session, client: httpx.AsyncClient, stage: Stage
    ) -> None:
        ids = [(await add(client, stage, t))["id"] for t in ("A", "B")]
        set_phase(db, stage, Phase.reduce)
        response = await client.put(
            f"{ME}/order", json={"frame_ids": ids[::-1]}, headers=stage.auth() | {"If-Match": '"2"'}
        )
        assert_problem(response, 422, "phase_closed")
        assert [t for t, _, _ in frames_in_order(app)] == ["A", "B"]
