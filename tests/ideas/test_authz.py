"""Nobody reaches another table's, session's or organisation's ideas, themes, flags or logs."""

from typing import Any

import httpx
import pytest
from fastapi import FastAPI
from sqlmodel import Session

from backend.models import IdeaStatus, SafeguardingFlag, Theme
from tests.factories.accounts import make_facilitator, sign_in_client
from tests.factories.ideas import BOARD, Seated, count, idea_row, make_idea, make_seated, make_theme
from tests.factories.participants import make_participant, sign_in_participant
from tests.factories.tables import make_table

ME = "/api/v1/me/table"
IF_MATCH = {"If-Match": '"1"'}


def participant_calls(s: Seated, idea_id: Any, theme_id: Any) -> list[tuple[str, str, Any, dict]]:
    return [
        ("GET", f"{BOARD}/{idea_id}", None, {}),
        ("PATCH", f"{BOARD}/{idea_id}", {"text": "taken over"}, IF_MATCH),
        ("POST", f"{BOARD}/{idea_id}/repurpose", {"text": "taken"}, {}),
        ("GET", f"{BOARD}/{idea_id}/revisions", None, {}),
        ("PATCH", f"{ME}/themes/{theme_id}", {"name": "taken"}, {}),
        ("DELETE", f"{ME}/themes/{theme_id}", None, {}),
    ]


def facilitator_calls(s: Seated, idea_id: Any, flag_id: Any) -> list[tuple[str, str, Any]]:
    base = s.room.base
    return [
        ("GET", f"{base}/ideas", None),
        ("POST", f"{base}/tables/{s.table.id}/ideas", {"text": "x"}),
        ("POST", f"{base}/tables/{s.table.id}/ideas/bulk", {"lines": [{"text": "x"}]}),
        ("POST", f"{base}/ideas/{idea_id}/hide", {"reason": "taken over"}),
        ("POST", f"{base}/ideas/{idea_id}/unhide", {"reason": "taken over"}),
        ("GET", f"{base}/ideas/{idea_id}/moderation", None),
        ("GET", f"{base}/flags", None),
        ("POST", f"{base}/flags/{flag_id}/resolve", {}),
        ("GET", f"{base}/progress", None),
    ]


def target(db: Session) -> tuple[Seated, Any, Any, Any]:
    s = make_seated(db)
    theme = make_theme(db, s.table)
    idea = make_idea(db, s.table, text="Theirs", theme_id=theme.id)
    flag = SafeguardingFlag(workshop_id=s.room.workshop.id, note="private")
    db.add(flag)
    db.commit()
    return s, idea, theme, flag


def assert_untouched(app: FastAPI, s: Seated, idea: Any) -> None:
    row = idea_row(app, idea.id)
    assert (row.text, row.status, row.version) == ("Theirs", IdeaStatus.active, 1)
    assert count(app, Theme) == 1
    assert count(app, SafeguardingFlag, SafeguardingFlag.resolved_at.is_(None)) == 1  # type: ignore[union-attr]


@pytest.mark.parametrize("where", ["other_table", "other_session"])
async def test_participant_elsewhere_gets_404(
    app: FastAPI, db: Session, client: httpx.AsyncClient, where: str
) -> None:
    s, idea, theme, _ = target(db)
    if where == "other_table":
        my_table = make_table(db, s.room.workshop)
        me = make_participant(db, s.room.workshop, table_id=my_table.id)
    else:
        elsewhere = make_seated(db)
        me, my_table = elsewhere.me, elsewhere.table
    own = make_idea(db, my_table, text="Mine")
    sign_in_participant(db, client, me)

    for method, url, body, headers in participant_calls(s, idea.id, theme.id):
        response = await client.request(method, url, json=body, headers=headers)
        assert response.status_code == 404, (method, url, response.text)

    board = (await client.get(BOARD)).json()["items"]
    assert [i["text"] for i in board] == ["Mine"]
    combine = await client.post(
        f"{BOARD}/combine", json={"idea_ids": [str(idea.id), str(own.id)], "text": "x"}
    )
    assert combine.status_code == 422
    assert combine.json()["code"] == "ideas_not_same_table"
    flag = await client.post("/api/v1/me/flags", json={"idea_id": str(idea.id), "note": "x"})
    assert flag.status_code == 404
    assert_untouched(app, s, idea)


async def test_participant_cannot_use_facilitator_paths(
    app: FastAPI, db: Session, client: httpx.AsyncClient
) -> None:
    s, idea, _, flag = target(db)
    sign_in_participant(db, client, s.me)

    for method, url, body in facilitator_calls(s, idea.id, flag.id):
        response = await client.request(method, url, json=body)
        assert response.status_code in (401, 403), (method, url, response.status_code)
    assert_untouched(app, s, idea)


async def test_facilitator_of_other_organisation_gets_404(
    app: FastAPI, db: Session, client: httpx.AsyncClient
) -> None:
    s, idea, _, flag = target(db)
    sign_in_client(db, client, make_facilitator(db).user)

    for method, url, body in facilitator_calls(s, idea.id, flag.id):
        response = await client.request(method, url, json=body)
        assert response.status_code == 404, (method, url, response.text)
    assert_untouched(app, s, idea)


async def test_own_session_but_foreign_ids_get_404(
    app: FastAPI, db: Session, client: httpx.AsyncClient
) -> None:
    """A facilitator's own session in the path, with an idea/flag/table of another organisation."""
    s, idea, _, flag = target(db)
    mine = make_seated(db, facilitator_client=client)
    base = mine.room.base
    calls = [
        ("POST", f"{base}/tables/{s.table.id}/ideas", {"text": "x"}),
        ("POST", f"{base}/tables/{s.table.id}/ideas/bulk", {"lines": [{"text": "x"}]}),
        ("POST", f"{base}/ideas/{idea.id}/hide", {"reason": "taken over"}),
        ("POST", f"{base}/ideas/{idea.id}/unhide", {"reason": "taken over"}),
        ("GET", f"{base}/ideas/{idea.id}/moderation", None),
        ("POST", f"{base}/flags/{flag.id}/resolve", {}),
    ]

    for method, url, body in calls:
        response = await client.request(method, url, json=body)
        assert response.status_code == 404, (method, url, response.text)
    listed = (await client.get(f"{base}/ideas", params={"table_id": str(s.table.id)})).json()
    assert listed["items"] == []
    assert (await client.get(f"{base}/flags")).json()["items"] == []
    assert_untouched(app, s, idea)


async def test_anonymous_refused(app: FastAPI, db: Session, client: httpx.AsyncClient) -> None:
    s, idea, theme, flag = target(db)
    calls = [(m, u, b) for m, u, b, _ in participant_calls(s, idea.id, theme.id)]
    calls += facilitator_calls(s, idea.id, flag.id)
    calls += [
        ("GET", BOARD, None),
        ("POST", BOARD, {"text": "x"}),
        ("GET", f"{ME}/themes", None),
        ("POST", f"{ME}/themes", {"name": "x"}),
        ("GET", f"{ME}/progress", None),
        ("POST", "/api/v1/me/flags", {"note": "x"}),
    ]

    for method, url, body in calls:
        response = await client.request(method, url, json=body)
        assert response.status_code == 401, (method, url, response.status_code)
    assert_untouched(app, s, idea)
