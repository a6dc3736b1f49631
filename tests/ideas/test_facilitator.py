"""Facilitators: the session's ideas, entering ideas for people, moderation, flags, progress."""

import httpx
from fastapi import FastAPI
from sqlmodel import Session, select

from backend.models import (
    IdeaModeration,
    IdeaParent,
    IdeaStatus,
    Phase,
    SafeguardingFlag,
    SessionEvent,
)
from tests.factories.accounts import make_access_token
from tests.factories.ideas import (
    BOARD,
    Seated,
    count,
    event_kinds,
    idea_count,
    idea_row,
    make_idea,
    make_seated,
)
from tests.factories.participants import sign_in_participant
from tests.factories.tables import assert_problem, make_table, read_rows


def seated(db: Session, fac: httpx.AsyncClient, phase: Phase = Phase.ideate) -> Seated:
    return make_seated(db, phase=phase, facilitator_client=fac)


class TestListIdeas:
    async def test_filters_and_pages(self, db: Session, client: httpx.AsyncClient) -> None:
        s = seated(db, client)
        other = make_table(db, s.room.workshop)
        visible = make_idea(db, s.table, text="A")
        hidden = make_idea(db, s.table, text="B", status=IdeaStatus.hidden)
        make_idea(db, other, text="C")
        url = f"{s.room.base}/ideas"

        everything = (await client.get(url)).json()
        assert len(everything["items"]) == 3
        first = (await client.get(url, params={"limit": 2})).json()
        rest = (await client.get(url, params={"limit": 2, "cursor": first["next_cursor"]})).json()
        assert len(first["items"]) + len(rest["items"]) == 3
        assert rest["next_cursor"] is None
        mine = (await client.get(url, params={"table_id": str(s.table.id)})).json()
        assert {i["id"] for i in mine["items"]} == {str(visible.id), str(hidden.id)}
        only_hidden = (await client.get(url, params={"status": "hidden"})).json()
        assert [i["id"] for i in only_hidden["items"]] == [str(hidden.id)]
        assert_problem(await client.get(url, params={"status": "gone"}), 422, "validation_failed")


class TestEnterIdea:
    async def test_on_behalf_and_paper(
        self, app: FastAPI, db: Session, client: httpx.AsyncClient
    ) -> None:
        s = seated(db, client, Phase.reduce)
        url = f"{s.room.base}/tables/{s.table.id}/ideas"

        for_mate = await client.post(url, json={"text": "Ramps", "author_id": str(s.mate.id)})
        paper = await client.post(url, json={"text": "Lower steps"})

        assert for_mate.status_code == 201, for_mate.text
        assert for_mate.json()["source"] == "on_behalf"
        assert for_mate.json()["entered_by_facilitator"] is True
        assert for_mate.headers["ETag"] == '"1"'
        assert paper.json()["source"] == "paper"
        assert paper.json()["author_id"] is None
        assert idea_row(app, paper.json()["id"]).entered_by_user_id == s.room.facilitator.user.id

    async def test_author_from_other_session(
        self, app: FastAPI, db: Session, client: httpx.AsyncClient
    ) -> None:
        s = seated(db, client)
        elsewhere = make_seated(db)

        response = await client.post(
            f"{s.room.base}/tables/{s.table.id}/ideas",
            json={"text": "x", "author_id": str(elsewhere.me.id)},
        )

        assert_problem(response, 422, "bulk_lines_invalid")
        assert idea_count(app) == 0

    async def test_table_of_other_session(self, db: Session, client: httpx.AsyncClient) -> None:
        s = seated(db, client)
        elsewhere = make_seated(db)
        response = await client.post(
            f"{s.room.base}/tables/{elsewhere.table.id}/ideas", json={"text": "x"}
        )
        assert_problem(response, 404, "table_not_found")

    async def test_phase_closed(self, db: Session, client: httpx.AsyncClient) -> None:
        s = seated(db, client, Phase.perspectives)
        response = await client.post(f"{s.room.base}/tables/{s.table.id}/ideas", json={"text": "x"})
        assert_problem(response, 422, "phase_closed")


class TestBulk:
    async def test_all_lines(self, app: FastAPI, db: Session, client: httpx.AsyncClient) -> None:
        s = seated(db, client)
        lines = [{"text": f"Note {i}"} for i in range(200)]
        lines[0]["author_id"] = str(s.mate.id)

        response = await client.post(
            f"{s.room.base}/tables/{s.table.id}/ideas/bulk", json={"lines": lines}
        )

        assert response.status_code == 201, response.text
        items = response.json()["items"]
        assert len(items) == 200
        assert {i["source"] for i in items} == {"paper"}
        assert items[0]["author_id"] == str(s.mate.id)
        assert idea_count(app) == 200
        assert event_kinds(app).count("idea.created") == 200

    async def test_all_or_nothing_with_line_errors(
        self, app: FastAPI, db: Session, client: httpx.AsyncClient
    ) -> None:
        s = seated(db, client)
        stranger = make_seated(db).me
        url = f"{s.room.base}/tables/{s.table.id}/ideas/bulk"

        bad_author = await client.post(
            url,
            json={"lines": [{"text": "fine"}, {"text": "x", "author_id": str(stranger.id)}]},
        )
        bad_text = await client.post(url, json={"lines": [{"text": "fine"}, {"text": ""}]})
        too_many = await client.post(url, json={"lines": [{"text": "n"}] * 201})
        empty = await client.post(url, json={"lines": []})

        assert_problem(bad_author, 422, "bulk_lines_invalid")
        assert bad_author.json()["errors"][0]["loc"] == ["body", "lines", 1, "author_id"]
        assert_problem(bad_text, 422, "validation_failed")
        assert bad_text.json()["errors"][0]["loc"][:3] == ["body", "lines", 1]
        assert_problem(too_many, 422, "validation_failed")
        assert_problem(empty, 422, "validation_failed")
        assert idea_count(app) == 0
        assert event_kinds(app) == []


class TestModeration:
    async def test_hide_and_unhide_with_audit(
        self, app: FastAPI, db: Session, client: httpx.AsyncClient, new_client
    ) -> None:
        s = seated(db, client)
        idea = make_idea(db, s.table, text="Names someone")
        phone = new_client()
        sign_in_participant(db, phone, s.me)
        base = f"{s.room.base}/ideas/{idea.id}"

        hidden = await client.post(f"{base}/hide", json={"reason": "Identifies a person"})

        assert hidden.status_code == 200, hidden.text
        assert hidden.json()["status"] == "hidden"
        assert (await phone.get(BOARD)).json()["items"] == []
        assert_problem(await phone.get(f"{BOARD}/{idea.id}"), 404, "idea_not_found")
        [event] = read_rows(app, select(SessionEvent))
        assert event.kind == "idea.hidden"
        assert "Names someone" not in str(event.payload)
        assert_problem(
            await client.post(f"{base}/hide", json={"reason": "again"}), 409, "idea_already_hidden"
        )

        shown = await client.post(f"{base}/unhide", json={"reason": "Checked with them"})
        assert shown.json()["status"] == "active"
        log = (await client.get(f"{base}/moderation")).json()["items"]
        assert [(e["action"], e["reason"]) for e in log] == [
            ("hide", "Identifies a person"),
            ("unhide", "Checked with them"),
        ]
        assert log[0]["by_user_id"] == str(s.room.facilitator.user.id)

    async def test_unhide_restores_combined(self, app: FastAPI, db: Session, client) -> None:
        s = seated(db, client)
        parent = make_idea(db, s.table, status=IdeaStatus.hidden)
        child = make_idea(db, s.table)
        db.add(IdeaParent(child_id=child.id, parent_id=parent.id))
        db.commit()

        response = await client.post(
            f"{s.room.base}/ideas/{parent.id}/unhide", json={"reason": "Fine after all"}
        )

        assert response.json()["status"] == "combined"

    async def test_reason_required(self, app: FastAPI, db: Session, client) -> None:
        s = seated(db, client)
        idea = make_idea(db, s.table)
        for body in ({}, {"reason": "no"}, {"reason": "x" * 501}):
            response = await client.post(f"{s.room.base}/ideas/{idea.id}/hide", json=body)
            assert_problem(response, 422, "validation_failed")
        assert idea_row(app, idea.id).status == IdeaStatus.active
        assert count(app, IdeaModeration) == 0


class TestFlags:
    async def test_list_and_resolve(self, app: FastAPI, db: Session, client) -> None:
        s = seated(db, client)
        flag = SafeguardingFlag(
            workshop_id=s.room.workshop.id, raised_by_participant_id=s.me.id, note="Worried"
        )
        db.add(flag)
        db.commit()
        url = f"{s.room.base}/flags"

        assert [f["note"] for f in (await client.get(url)).json()["items"]] == ["Worried"]
        resolved = await client.post(f"{url}/{flag.id}/resolve", json={"note": "Spoke to them"})
        assert resolved.status_code == 200
        assert resolved.json()["resolved_by_id"] == str(s.room.facilitator.user.id)
        assert (await client.get(url, params={"resolved": "false"})).json()["items"] == []
        again = await client.post(f"{url}/{flag.id}/resolve")
        assert_problem(again, 409, "flag_already_resolved")


class TestSessionProgress:
    async def test_every_table(self, db: Session, client: httpx.AsyncClient) -> None:
        s = seated(db, client)
        empty = make_table(db, s.room.workshop)
        for _ in range(4):
            make_idea(db, s.table, author=s.me)

        body = (await client.get(f"{s.room.base}/progress")).json()

        assert body["total"] == 4
        by_id = {t["table_id"]: t for t in body["tables"]}
        assert by_id[str(s.table.id)]["total"] == 4
        assert by_id[str(s.table.id)]["last_five_minutes"] == 4
        assert by_id[str(empty.id)]["total"] == 0
        assert {m["display_name"]: m["ideas"] for m in by_id[str(s.table.id)]["members"]} == {
            "Me": 4,
            "Mate": 0,
        }

    async def test_scopes(self, db: Session, new_client) -> None:
        s = make_seated(db)
        read_only = make_access_token(db, s.room.facilitator.user, frozenset({"ideas:read"}))
        bot = new_client(spa_like=False)
        bot.headers["Authorization"] = f"Bearer {read_only}"

        assert (await bot.get(f"{s.room.base}/progress")).status_code == 200
        hide = await bot.post(
            f"{s.room.base}/tables/{s.table.id}/ideas", json={"text": "not allowed"}
        )
        assert hide.status_code == 403
