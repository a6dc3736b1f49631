"""Nobody outside a table changes its storyboard; facilitators of the session may, on its behalf."""

import uuid

import httpx
import pytest
from fastapi import FastAPI
from sqlmodel import Session, col, select

from backend.models import StoryboardFrame, TableChoice
from tests.factories.accounts import make_access_token, make_facilitator, sign_in_client
from tests.factories.tables import assert_problem, read_rows
from tests.storyboards.helpers import ME, Stage, choose, make_stage, png_bytes, upload

Call = tuple[str, str, dict[str, object] | None]


def frames(app: FastAPI) -> list[tuple[str, int, int]]:
    rows = read_rows(app, select(StoryboardFrame).order_by(col(StoryboardFrame.position)))
    return [(f.title, f.position, f.version) for f in rows]


@pytest.fixture
async def stage(db: Session, client: httpx.AsyncClient) -> Stage:
    stage = make_stage(db)
    for title in ("A", "B"):
        response = await client.post(f"{ME}/frames", json={"title": title}, headers=stage.auth())
        assert response.status_code == 201
    return stage


def frame_ids(app: FastAPI) -> list[str]:
    rows = read_rows(app, select(StoryboardFrame).order_by(col(StoryboardFrame.position)))
    return [str(f.id) for f in rows]


def facilitator_calls(stage: Stage, frame_id: str, order: list[str]) -> list[Call]:
    base = stage.table_base
    return [
        ("GET", f"{stage.board.room.base}/storyboards", None),
        ("GET", base, None),
        ("POST", f"{base}/frames", {"title": "Sneaky"}),
        ("PATCH", f"{base}/frames/{frame_id}", {"title": "Sneaky"}),
        ("DELETE", f"{base}/frames/{frame_id}", None),
        ("PUT", f"{base}/order", {"frame_ids": order}),
    ]


async def send(
    client: httpx.AsyncClient, call: Call, headers: dict[str, str] | None = None
) -> httpx.Response:
    method, url, body = call
    all_headers = {"If-Match": '"1"'} | (headers or {})
    return await client.request(method, url, json=body, headers=all_headers)


class TestOtherTablesMembers:
    @pytest.mark.parametrize("same_session", [True, False])
    async def test_cannot_touch_frames(
        self, app: FastAPI, db: Session, client: httpx.AsyncClient, stage: Stage, same_session: bool
    ) -> None:
        room = stage.board.room if same_session else None
        stranger = make_stage(db, room=room, phase=stage.board.room.workshop.phase)
        ids = frame_ids(app)
        before = frames(app)
        for method in ("PATCH", "DELETE"):
            call: Call = (method, f"{ME}/frames/{ids[0]}", {"title": "Mine now"})
            assert_problem(await send(client, call, stranger.auth()), 404, "frame_not_found")
        response = await send(
            client,
            ("PUT", f"{ME}/order", {"frame_ids": ids[::-1]}),
            stranger.auth() | {"If-Match": '"0"'},
        )
        assert_problem(response, 422, "order_invalid")
        assert frames(app) == before
        theirs = (await client.get(ME, headers=stranger.auth())).json()
        assert theirs["table_id"] == str(stranger.board.table.id)
        assert theirs["frames"] == []

    async def test_participant_cannot_use_facilitator_paths(
        self, app: FastAPI, client: httpx.AsyncClient, stage: Stage
    ) -> None:
        ids = frame_ids(app)
        for call in facilitator_calls(stage, ids[0], ids):
            assert_problem(await send(client, call, stage.auth()), 401, "unauthenticated")
        assert len(frames(app)) == 2


class TestFacilitators:
    async def test_other_organisation_gets_404(
        self, app: FastAPI, db: Session, client: httpx.AsyncClient, stage: Stage
    ) -> None:
        sign_in_client(db, client, make_facilitator(db).user)
        ids = frame_ids(app)
        for call in facilitator_calls(stage, ids[0], ids):
            assert_problem(await send(client, call), 404, "session_not_found")
        response = await upload(client, f"{stage.table_base}/images", png_bytes(), {})
        assert_problem(response, 404, "session_not_found")
        assert frames(app) == [("A", 0, 1), ("B", 1, 1)]

    async def test_table_of_another_session_gets_404(
        self, app: FastAPI, db: Session, client: httpx.AsyncClient, stage: Stage
    ) -> None:
        sign_in_client(db, client, stage.board.room.facilitator.user)
        elsewhere = make_stage(db)
        url = f"{stage.board.room.base}/tables/{elsewhere.board.table.id}/storyboard"
        assert_problem(await client.get(url), 404, "table_not_found")
        response = await client.post(f"{url}/frames", json={"title": "x"})
        assert_problem(response, 404, "table_not_found")

    async def test_frame_of_another_table_gets_404(
        self, app: FastAPI, db: Session, client: httpx.AsyncClient, stage: Stage
    ) -> None:
        sign_in_client(db, client, stage.board.room.facilitator.user)
        other = make_stage(db, room=stage.board.room)
        ids = frame_ids(app)
        response = await client.patch(
            f"{other.table_base}/frames/{ids[0]}", json={"title": "x"}, headers={"If-Match": '"1"'}
        )
        assert_problem(response, 404, "frame_not_found")
        assert frames(app)[0] == ("A", 0, 1)

    async def test_read_only_token_cannot_write(
        self, app: FastAPI, db: Session, client: httpx.AsyncClient, stage: Stage
    ) -> None:
        token = make_access_token(
            db, stage.board.room.facilitator.user, frozenset({"sessions:read"})
        )
        bearer = {"Authorization": f"Bearer {token}"}
        ids = frame_ids(app)
        reads, writes = (c := facilitator_calls(stage, ids[0], ids))[:2], c[2:]
        for call in reads:
            assert (await send(client, call, bearer)).status_code == 200
        for call in writes:
            assert_problem(await send(client, call, bearer), 403, "insufficient_scope")
        assert len(frames(app)) == 2

    async def test_on_the_tables_behalf(
        self, app: FastAPI, db: Session, client: httpx.AsyncClient, stage: Stage
    ) -> None:
        sign_in_client(db, client, stage.board.room.facilitator.user)
        base = stage.table_base
        made = await client.post(f"{base}/frames", json={"title": "C"})
        assert made.status_code == 201
        assert made.json()["entered_by_facilitator"] is True
        edited = await client.patch(
            f"{base}/frames/{frame_ids(app)[0]}", json={"title": "A2"}, headers={"If-Match": '"1"'}
        )
        assert edited.json()["edited_by_facilitator"] is True
        order = frame_ids(app)[::-1]
        moved = await client.put(
            f"{base}/order", json={"frame_ids": order}, headers={"If-Match": '"3"'}
        )
        assert [f["title"] for f in moved.json()["frames"]] == ["C", "B", "A2"]
        gone = await client.delete(f"{base}/frames/{order[0]}", headers={"If-Match": '"1"'})
        assert gone.status_code == 204
        listed = (await client.get(f"{stage.board.room.base}/storyboards")).json()["items"]
        assert [[f["title"] for f in s["frames"]] for s in listed] == [["B", "A2"]]
        row = read_rows(app, select(StoryboardFrame).where(StoryboardFrame.title == "A2"))[0]
        assert row.updated_by_user_id == stage.board.room.facilitator.user.id

    async def test_a_retried_add_makes_one_frame(
        self, app: FastAPI, db: Session, client: httpx.AsyncClient, stage: Stage
    ) -> None:
        sign_in_client(db, client, stage.board.room.facilitator.user)
        before = len(frames(app))
        url = f"{stage.table_base}/frames"
        key = {"Idempotency-Key": "add-once"}
        first = await client.post(url, json={"title": "Once"}, headers=key)
        again = await client.post(url, json={"title": "Once"}, headers=key)
        assert first.status_code == again.status_code == 201
        assert first.json()["id"] == again.json()["id"]
        assert first.headers["ETag"] == '"1"'
        assert len(frames(app)) == before + 1


class TestChoiceReopened:
    async def test_a_new_choice_starts_a_new_storyboard(
        self, app: FastAPI, db: Session, client: httpx.AsyncClient, stage: Stage
    ) -> None:
        first = db.exec(select(TableChoice)).one()
        first.reopened_at = first.created_at
        db.add(first)
        db.commit()
        assert (await client.get(ME, headers=stage.auth())).json()["idea"] is None
        response = await client.post(f"{ME}/frames", json={"title": "x"}, headers=stage.auth())
        assert_problem(response, 409, "no_chosen_idea")
        choose(db, stage.board, 1)
        body = (await client.get(ME, headers=stage.auth())).json()
        assert body["idea"]["id"] == str(stage.board.ideas[1].id)
        assert body["frames"] == []
        assert len(frames(app)) == 2  # the first idea's storyboard is kept
        stale = await client.patch(
            f"{ME}/frames/{frame_ids(app)[0]}",
            json={"title": "x"},
            headers=stage.auth() | {"If-Match": '"1"'},
        )
        assert_problem(stale, 404, "frame_not_found")
        assert uuid.UUID(body["table_id"]) == stage.board.table.id
