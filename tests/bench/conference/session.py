"""Setting up the conference through the API (facilitator, session, participants, tables), and
the facilitator's few requests during the run."""

import asyncio
import json
import time
import uuid
from collections import Counter, defaultdict
from typing import Any

from .http import Http


async def setup_session(port: int, n: int, tables: int | None) -> dict[str, Any]:
    import httpx

    base = f"http://127.0.0.1:{port}/api/v1"
    origin = {"Origin": f"http://127.0.0.1:{port}"}
    async with httpx.AsyncClient(base_url=base, timeout=120) as browser:
        r = await browser.post(
            "/auth/signup",
            json={
                "name": "Bench Facilitator",
                "email": f"bench-{uuid.uuid4().hex[:8]}@example.org",
                "password": "a long bench password 123",
                "organisation_name": "Bench Council",
            },
            headers=origin,
        )
        r.raise_for_status()
        organisation_id = r.json()["memberships"][0]["organisation_id"]
        r = await browser.post(
            "/auth/tokens",
            json={
                "name": "bench",
                "scopes": ["sessions:read", "sessions:write", "tables:write", "ideas:read"],
            },
            headers={**origin, "X-CSRF-Token": browser.cookies.get("cyd_csrf") or ""},
        )
        r.raise_for_status()
        pat = r.json()["token"]
    fac = {"Authorization": f"Bearer {pat}"}
    async with httpx.AsyncClient(base_url=base, timeout=120, headers=fac) as client:
        r = await client.post(
            "/sessions",
            json={
                "organisation_id": organisation_id,
                "title": {"en": f"Bench conference of {n}"},
                "starts_at": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
            },
        )
        r.raise_for_status()
        session = r.json()
        sid, code = session["id"], session["join_code"]

        gate = asyncio.Semaphore(8)
        people: list[dict[str, Any]] = [{} for _ in range(n)]

        async def join(k: int, joiner: httpx.AsyncClient) -> None:
            async with gate:
                for _ in range(5):
                    resp = await joiner.post(
                        "/join", json={"code": code, "display_name": f"Person {k}"}
                    )
                    if resp.status_code == 201:
                        body = resp.json()
                        people[k] = {"index": k, "id": body["participant"]["id"]}
                        people[k]["token"] = body["token"]
                        return
                    await asyncio.sleep(0.5)
                resp.raise_for_status()

        started = time.time()
        async with httpx.AsyncClient(base_url=base, timeout=120) as joiner:
            await asyncio.gather(*(join(k, joiner) for k in range(n)))
        join_s = time.time() - started

        started = time.time()
        r = await client.post(f"/sessions/{sid}/allocation", json={"table_count": tables})
        r.raise_for_status()
        board = r.json()["board"]
        allocate_s = time.time() - started
        table_of = {
            member["id"]: number
            for number, table in enumerate(board["tables"])
            for member in table["members"]
        }
        for person in people:
            person["table"] = table_of[person["id"]]
        for phase in ("tables", "strengths", "perspectives", "ideate"):
            r = await client.post(f"/sessions/{sid}/phase", json={"to": phase})
            r.raise_for_status()
    return {
        "session_id": sid,
        "pat": pat,
        "people": people,
        "tables": len(board["tables"]),
        "sizes": Counter(len(t["members"]) for t in board["tables"]),
        "join_s": join_s,
        "allocate_s": allocate_s,
    }


async def facilitator_post(port: int, pat: str, path: str, body: dict[str, Any]) -> int:
    http = Http(port, pat)
    try:
        status, _, _ = await http.request("POST", path, json.dumps(body).encode())
        return status
    finally:
        http.close()


async def facilitator_get(port: int, pat: str, path: str) -> tuple[int, bytes]:
    http = Http(port, pat)
    try:
        status, _, content = await http.request("GET", path)
        return status, content
    finally:
        http.close()


def votes_available(port: int) -> bool:
    status, content = asyncio.run(facilitator_get(port, "", "/openapi.json"))
    return status == 200 and b'"/api/v1/me/table/votes"' in content


def split_tables(people: list[dict[str, Any]], processes: int) -> list[list[dict[str, Any]]]:
    """Whole tables per process (a table's idea ids are then known where its members vote)."""
    by_table: dict[int, list[dict[str, Any]]] = defaultdict(list)
    for person in people:
        by_table[person["table"]].append(person)
    groups: list[list[dict[str, Any]]] = [[] for _ in range(processes)]
    for members in sorted(by_table.values(), key=len, reverse=True):
        min(groups, key=len).extend(members)
    return [g for g in groups if g]


def table_count(option: str | None, n: int) -> int | None:
    """None lets the allocator choose from the session's size bounds (5-8)."""
    if option == "auto":
        return None
    return int(option) if option else max(1, n // 7)
