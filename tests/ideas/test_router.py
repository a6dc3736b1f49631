"""A participant's table: capturing, editing, combining, repurposing ideas; themes; progress."""

import httpx
from fastapi import FastAPI
from sqlmodel import Session, select

from backend.models import (
    IdeaParent,
    IdeaRevision,
    IdeaSource,
    IdeaStatus,
    Phase,
    SafeguardingFlag,
    SessionEvent,
    Theme,
)
from tests.factories.ideas import (
    BOARD,
    count,
    event_kinds,
    idea_count,
    idea_row,
    make_idea,
    make_seated,
    make_theme,
)
from tests.factories.participants import make_participant, sign_in_participant
from tests.factories.tables import assert_problem, make_table, read_rows


class TestCreateIdea:
    async def test_valid(self, app: FastAPI, db: Session, client: httpx.AsyncClient) -> None:
        s = make_seated(db, client)

        response = await client.post(BOARD, json={"text": "  Free buses on Sundays "})

        assert response.status_code == 201, response.text
        body = response.json()
        assert body["text"] == "Free buses on Sundays"
        assert body["author_id"] == str(s.me.id)
        assert body["source"] == "phone"
        assert body["status"] == "active"
        assert body["version"] == 1
        assert response.headers["ETag"] == '"1"'
        assert idea_row(app, body["id"]).table_id == s.table.id
        events = read_rows(app, select(SessionEvent))
        assert [(e.kind, e.table_id) for e in events] == [("idea.created", s.table.id)]
        assert events[0].payload["idea"]["text"] == "Free buses on Sundays"

    async def test_on_behalf_of_tablemate(
        self, app: FastAPI, db: Session, client: httpx.AsyncClient
    ) -> None:
        s = make_seated(db, client)

        response = await client.post(BOARD, json={"text": "Ramps", "author_id": str(s.mate.id)})

        assert response.status_code == 201
        body = response.json()
        assert body["author_id"] == str(s.mate.id)
        assert body["entered_by_participant_id"] == str(s.me.id)
        assert body["source"] == "on_behalf"

    async def test_author_not_at_my_table(
        self, app: FastAPI, db: Session, client: httpx.AsyncClient
    ) -> None:
        s = make_seated(db, client)
        other_table = make_table(db, s.room.workshop)
        stranger = make_participant(db, s.room.workshop, table_id=other_table.id)

        response = await client.post(BOARD, json={"text": "x", "author_id": str(stranger.id)})

        assert_problem(response, 422, "author_not_tablemate")
        assert idea_count(app) == 0

    async def test_phase_closed(self, app: FastAPI, db: Session, client: httpx.AsyncClient) -> None:
        make_seated(db, client, phase=Phase.reduce)

        assert_problem(await client.post(BOARD, json={"text": "Late"}), 422, "phase_closed")
        assert idea_count(app) == 0

    async def test_not_seated(self, app: FastAPI, db: Session, client: httpx.AsyncClient) -> None:
        s = make_seated(db)
        loner = make_participant(db, s.room.workshop)
        sign_in_participant(db, client, loner)

        assert_problem(await client.post(BOARD, json={"text": "Hi"}), 409, "not_seated")
        assert_problem(await client.get(BOARD), 409, "not_seated")

    async def test_bad_input(self, app: FastAPI, db: Session, client: httpx.AsyncClient) -> None:
        make_seated(db, client)
        bodies: tuple[dict[str, str], ...] = (
            {"text": ""},
            {"text": "   "},
            {"text": "x" * 501},
            {},
            {"text": "a\x00b"},
        )
        for body in (*bodies, {"text": "a", "x": 1}, {"text": "a", "author_id": "nope"}):
            assert_problem(await client.post(BOARD, json=body), 422, "validation_failed")
        assert_problem(
            await client.post(BOARD, content=b"{", headers={"content-type": "application/json"}),
            400,
            "malformed_json",
        )
        assert idea_count(app) == 0

    async def test_anonymous(self, app: FastAPI, client: httpx.AsyncClient) -> None:
        assert_problem(await client.post(BOARD, json={"text": "Hi"}), 401, "unauthenticated")


class TestBoard:
    async def test_lists_visible_ideas_oldest_first(
        self, db: Session, client: httpx.AsyncClient
    ) -> None:
        s = make_seated(db, client)
        first = make_idea(db, s.table, text="One", author=s.me)
        combined = make_idea(db, s.table, text="Two", status=IdeaStatus.combined)
        make_idea(db, s.table, text="Hidden", status=IdeaStatus.hidden)
        make_idea(db, make_table(db, s.room.workshop), text="Elsewhere")

        body = (await client.get(BOARD)).json()

        assert [i["id"] for i in body["items"]] == [str(first.id), str(combined.id)]
        assert "Hidden" not in str(body)

    async def test_read_one_with_etag(self, db: Session, client: httpx.AsyncClient) -> None:
        s = make_seated(db, client)
        idea = make_idea(db, s.table, version=4)

        response = await client.get(f"{BOARD}/{idea.id}")

        assert response.status_code == 200
        assert response.headers["ETag"] == '"4"'


class TestUpdateIdea:
    async def test_valid_keeps_revision(
        self, app: FastAPI, db: Session, client: httpx.AsyncClient
    ) -> None:
        s = make_seated(db, client)
        idea = make_idea(db, s.table, text="Old", author=s.mate)
        theme = make_theme(db, s.table)

        response = await client.patch(
            f"{BOARD}/{idea.id}",
            json={"text": "New", "theme_id": str(theme.id)},
            headers={"If-Match": '"1"'},
        )

        assert response.status_code == 200, response.text
        assert response.json()["text"] == "New"
        assert response.headers["ETag"] == '"2"'
        [rev] = read_rows(app, select(IdeaRevision))
        assert (rev.text_before, rev.text_after, rev.theme_after_id) == ("Old", "New", theme.id)
        assert rev.editor_participant_id == s.me.id
        revisions = (await client.get(f"{BOARD}/{idea.id}/revisions")).json()
        assert [r["text_after"] for r in revisions["items"]] == ["New"]
        assert event_kinds(app) == ["idea.updated"]

    async def test_without_if_match_428(
        self, app: FastAPI, db: Session, client: httpx.AsyncClient
    ) -> None:
        s = make_seated(db, client)
        idea = make_idea(db, s.table, text="Old")

        response = await client.patch(f"{BOARD}/{idea.id}", json={"text": "New"})

        assert_problem(response, 428, "precondition_required")
        assert idea_row(app, idea.id).text == "Old"

    async def test_stale_412_with_current(
        self, app: FastAPI, db: Session, client: httpx.AsyncClient
    ) -> None:
        s = make_seated(db, client)
        idea = make_idea(db, s.table, text="Theirs", version=3)

        response = await client.patch(
            f"{BOARD}/{idea.id}",
            json={"text": "Mine"},
            headers={"If-Match": '"2"', "Idempotency-Key": "k-stale"},
        )

        assert_problem(response, 412, "precondition_failed")
        assert response.headers["ETag"] == '"3"'
        assert response.json()["current"]["text"] == "Theirs"
        assert idea_row(app, idea.id).text == "Theirs"
        assert count(app, IdeaRevision) == 0
        assert event_kinds(app) == []
        # The failed attempt left no idempotency record: the merged retry goes through.
        retry = await client.patch(
            f"{BOARD}/{idea.id}",
            json={"text": "Mine"},
            headers={"If-Match": '"3"', "Idempotency-Key": "k-stale"},
        )
        assert retry.status_code == 200

    async def test_two_edits_same_etag_second_fails(
        self, app: FastAPI, db: Session, client: httpx.AsyncClient
    ) -> None:
        s = make_seated(db, client)
        idea = make_idea(db, s.table)
        url = f"{BOARD}/{idea.id}"

        first = await client.patch(url, json={"text": "A"}, headers={"If-Match": '"1"'})
        second = await client.patch(url, json={"text": "B"}, headers={"If-Match": '"1"'})

        assert first.status_code == 200
        assert_problem(second, 412, "precondition_failed")
        assert idea_row(app, idea.id).text == "A"

    async def test_combined_idea_cannot_change(
        self, db: Session, client: httpx.AsyncClient
    ) -> None:
        s = make_seated(db, client)
        idea = make_idea(db, s.table, status=IdeaStatus.combined)

        response = await client.patch(
            f"{BOARD}/{idea.id}", json={"text": "x"}, headers={"If-Match": '"1"'}
        )

        assert_problem(response, 422, "idea_not_active")

    async def test_theme_of_other_table(self, db: Session, client: httpx.AsyncClient) -> None:
        s = make_seated(db, client)
        idea = make_idea(db, s.table)
        foreign = make_theme(db, make_table(db, s.room.workshop))

        response = await client.patch(
            f"{BOARD}/{idea.id}", json={"theme_id": str(foreign.id)}, headers={"If-Match": '"1"'}
        )

        assert_problem(response, 422, "theme_not_at_table")

    async def test_empty_body(self, db: Session, client: httpx.AsyncClient) -> None:
        s = make_seated(db, client)
        idea = make_idea(db, s.table)

        response = await client.patch(f"{BOARD}/{idea.id}", json={}, headers={"If-Match": '"1"'})

        assert_problem(response, 422, "nothing_to_change")


class TestCombine:
    async def test_valid(self, app: FastAPI, db: Session, client: httpx.AsyncClient) -> None:
        s = make_seated(db, client, phase=Phase.reduce)
        a = make_idea(db, s.table, text="A")
        b = make_idea(db, s.table, text="B")

        response = await client.post(
            f"{BOARD}/combine", json={"idea_ids": [str(a.id), str(b.id)], "text": "A and B"}
        )

        assert response.status_code == 201, response.text
        body = response.json()
        assert body["source"] == "combined"
        assert sorted(body["parent_ids"]) == sorted([str(a.id), str(b.id)])
        assert idea_row(app, a.id).status == IdeaStatus.combined
        assert count(app, IdeaParent) == 2
        board = (await client.get(BOARD)).json()["items"]
        assert {i["id"]: i["status"] for i in board} == {
            str(a.id): "combined",
            str(b.id): "combined",
            body["id"]: "active",
        }
        assert board[0]["combined_into_ids"] == [body["id"]]
        [event] = read_rows(app, select(SessionEvent))
        assert event.kind == "idea.combined"
        assert len(event.payload["parents"]) == 2

    async def test_other_table(self, app: FastAPI, db: Session, client: httpx.AsyncClient) -> None:
        s = make_seated(db, client)
        a = make_idea(db, s.table)
        b = make_idea(db, make_table(db, s.room.workshop))

        response = await client.post(
            f"{BOARD}/combine", json={"idea_ids": [str(a.id), str(b.id)], "text": "AB"}
        )

        assert_problem(response, 422, "ideas_not_same_table")
        assert idea_count(app) == 2
        assert idea_row(app, a.id).status == IdeaStatus.active

    async def test_already_combined(self, db: Session, client: httpx.AsyncClient) -> None:
        s = make_seated(db, client)
        a = make_idea(db, s.table)
        b = make_idea(db, s.table, status=IdeaStatus.combined)

        response = await client.post(
            f"{BOARD}/combine", json={"idea_ids": [str(a.id), str(b.id)], "text": "AB"}
        )

        assert_problem(response, 422, "idea_not_active")

    async def test_needs_two_distinct(self, db: Session, client: httpx.AsyncClient) -> None:
        s = make_seated(db, client)
        a = make_idea(db, s.table)
        for ids in ([str(a.id)], [str(a.id), str(a.id)]):
            response = await client.post(f"{BOARD}/combine", json={"idea_ids": ids, "text": "x"})
            assert_problem(response, 422, "validation_failed")


class TestRepurpose:
    async def test_valid(self, app: FastAPI, db: Session, client: httpx.AsyncClient) -> None:
        s = make_seated(db, client, phase=Phase.reduce)
        theme = make_theme(db, s.table)
        original = make_idea(db, s.table, text="Bus app", theme_id=theme.id)

        response = await client.post(
            f"{BOARD}/{original.id}/repurpose", json={"text": "Bus app for carers"}
        )

        assert response.status_code == 201
        body = response.json()
        assert body["repurposed_from_id"] == str(original.id)
        assert body["source"] == "repurposed"
        assert body["theme_id"] == str(theme.id)
        assert idea_row(app, original.id).status == IdeaStatus.active


class TestThemes:
    async def test_lifecycle(self, app: FastAPI, db: Session, client: httpx.AsyncClient) -> None:
        s = make_seated(db, client)
        created = await client.post("/api/v1/me/table/themes", json={"name": "Access"})
        assert created.status_code == 201
        theme_id = created.json()["id"]
        second = await client.post("/api/v1/me/table/themes", json={"name": "Cost"})
        assert second.json()["position"] == 1
        idea = make_idea(db, s.table)
        await client.patch(
            f"{BOARD}/{idea.id}", json={"theme_id": theme_id}, headers={"If-Match": '"1"'}
        )

        renamed = await client.patch(
            f"/api/v1/me/table/themes/{theme_id}", json={"name": "Accessibility"}
        )
        assert renamed.json()["name"] == "Accessibility"
        listed = (await client.get("/api/v1/me/table/themes")).json()["items"]
        assert [t["name"] for t in listed] == ["Accessibility", "Cost"]

        deleted = await client.delete(f"/api/v1/me/table/themes/{theme_id}")
        assert deleted.status_code == 204
        row = idea_row(app, idea.id)
        assert (row.theme_id, row.version) == (None, 3)
        assert count(app, Theme) == 1
        assert event_kinds(app)[-1] == "theme.deleted"

    async def test_bad_name(self, app: FastAPI, db: Session, client: httpx.AsyncClient) -> None:
        make_seated(db, client)
        for name in ("", " ", "x" * 81):
            response = await client.post("/api/v1/me/table/themes", json={"name": name})
            assert_problem(response, 422, "validation_failed")
        assert count(app, Theme) == 0

    async def test_phase_closed(self, app: FastAPI, db: Session, client: httpx.AsyncClient) -> None:
        make_seated(db, client, phase=Phase.storyboard)
        response = await client.post("/api/v1/me/table/themes", json={"name": "Late"})
        assert_problem(response, 422, "phase_closed")


class TestFlags:
    async def test_private_flag(self, app: FastAPI, db: Session, client: httpx.AsyncClient) -> None:
        s = make_seated(db, client)
        idea = make_idea(db, s.table)

        response = await client.post(
            "/api/v1/me/flags", json={"idea_id": str(idea.id), "note": "Names a child"}
        )

        assert response.status_code == 201
        assert "note" not in response.json()
        [flag] = read_rows(app, select(SafeguardingFlag))
        assert (flag.note, flag.table_id, flag.raised_by_participant_id) == (
            "Names a child",
            s.table.id,
            s.me.id,
        )
        [event] = read_rows(app, select(SessionEvent))
        assert (event.kind, event.audience) == ("flag.raised", "facilitators")
        assert "Names a child" not in str(event.payload)

    async def test_idea_of_other_table(
        self, app: FastAPI, db: Session, client: httpx.AsyncClient
    ) -> None:
        s = make_seated(db, client)
        idea = make_idea(db, make_table(db, s.room.workshop))

        response = await client.post(
            "/api/v1/me/flags", json={"idea_id": str(idea.id), "note": "x"}
        )

        assert_problem(response, 404, "idea_not_found")
        assert count(app, SafeguardingFlag) == 0

    async def test_note_too_long(self, db: Session, client: httpx.AsyncClient) -> None:
        make_seated(db, client)
        response = await client.post("/api/v1/me/flags", json={"note": "x" * 2001})
        assert_problem(response, 422, "validation_failed")


class TestMyProgress:
    async def test_counts_originals_only(self, db: Session, client: httpx.AsyncClient) -> None:
        s = make_seated(db, client)
        for _ in range(3):
            make_idea(db, s.table, author=s.me)
        make_idea(db, s.table, author=s.mate, source=IdeaSource.on_behalf)
        make_idea(db, s.table, source=IdeaSource.paper)
        make_idea(db, s.table, source=IdeaSource.combined)
        make_idea(db, s.table, author=s.me, status=IdeaStatus.hidden)

        body = (await client.get("/api/v1/me/table/progress")).json()

        assert (body["total"], body["target"], body["last_five_minutes"]) == (5, 100, 5)
        counts = {m["display_name"]: (m["ideas"], m["reached_min"]) for m in body["members"]}
        assert counts == {"Me": (3, False), "Mate": (1, False)}
        assert body["members"][0]["target_min"] == 10
