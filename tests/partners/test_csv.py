"""`?format=csv` on the partner lists: UTF-8 with BOM, CRLF, formulas neutralised, one page with
the next cursor in `X-Next-Cursor`."""

import csv
import io

import httpx
from fastapi import FastAPI
from sqlmodel import Session

from backend.models import Initiative
from tests.factories.accounts import make_organisation
from tests.partners.helpers import API, bearer, make_key
from tests.partners.seed import seed_session
from tests.partners.test_reads import ALL_SCOPES

LISTS = [
    "/partner/sessions",
    "/partner/initiatives",
    "/partner/indicators",
    "/partner/measurements",
    "/partner/barriers",
]


def parse(answer: httpx.Response) -> list[list[str]]:
    assert answer.status_code == 200, answer.text
    assert answer.headers["content-type"] == "text/csv; charset=utf-8"
    assert answer.content.startswith("\ufeff".encode())
    text = answer.content.decode("utf-8").removeprefix("\ufeff")
    assert "\r\n" in text and "\n" not in text.replace("\r\n", "")
    return list(csv.reader(io.StringIO(text, newline="")))


async def test_every_list_answers_csv(db: Session, client: httpx.AsyncClient) -> None:
    org = make_organisation(db)
    seeded = seed_session(db, org)
    token = bearer(make_key(db, org.id, scopes=ALL_SCOPES))
    for path in [*LISTS, f"/partner/initiatives/{seeded.initiative.id}/actions"]:
        rows = parse(await client.get(API + path, params={"format": "csv"}, headers=token))
        assert len(rows) >= 2, path
        assert all(len(row) == len(rows[0]) for row in rows), path


async def test_formulas_neutralised_and_pages(db: Session, client: httpx.AsyncClient) -> None:
    org = make_organisation(db)
    first, second = seed_session(db, org), seed_session(db, org)
    row = db.get(Initiative, first.initiative.id)
    assert row is not None
    row.title = '=HYPERLINK("http://evil.example","Cymraeg ŵ ŷ")'
    db.add(row)
    db.commit()
    token = bearer(make_key(db, org.id, scopes=["initiatives:read"]))
    url = f"{API}/partner/initiatives"
    answer = await client.get(url, params={"format": "csv", "limit": 1}, headers=token)
    header, item = parse(answer)
    assert header[:3] == ["id", "session_id", "title"]
    assert item[2] == '\'=HYPERLINK("http://evil.example","Cymraeg ŵ ŷ")'
    assert item[header.index("steward_members")] == "Chair; Dewi"
    cursor = answer.headers["X-Next-Cursor"]
    rest = await client.get(
        url, params={"format": "csv", "limit": 1, "cursor": cursor}, headers=token
    )
    assert parse(rest)[1][0] == str(second.initiative.id)
    assert "X-Next-Cursor" not in rest.headers


def test_openapi_documents_csv(app: FastAPI) -> None:
    paths = app.openapi()["paths"]
    for path in LISTS:
        ok = paths["/api/v1" + path]["get"]["responses"]["200"]
        assert {"application/json", "text/csv"} <= set(ok["content"]), path
        assert "X-Next-Cursor" in ok["headers"], path
        names = {p["name"] for p in paths["/api/v1" + path]["get"]["parameters"]}
        assert "format" in names, path
