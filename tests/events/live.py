"""Real uvicorn processes on the test's own database, and a small SSE reader with read timeouts
(httpx over ASGI buffers whole responses, so streams are tested against a real server)."""

import asyncio
import json
import os
import subprocess
import sys
import time
from collections.abc import AsyncIterator, Iterator
from contextlib import asynccontextmanager, contextmanager
from dataclasses import dataclass
from typing import Any

import httpx

from backend.config import PROJECT_ROOT, Settings
from tests.browser.server import free_port

READ_TIMEOUT = 10.0


@dataclass
class LiveServer:
    url: str
    process: "subprocess.Popen[bytes]"


@contextmanager
def live_servers(
    settings: Settings,
    count: int = 1,
    *,
    redis_url: str = "",
    prefix: str = "cyd",
    keepalive_seconds: float = 1,
) -> Iterator[list[LiveServer]]:
    """`count` uvicorn processes (started side by side) serving the app on `settings`' database."""
    ports = [free_port() for _ in range(count)]
    urls = [f"http://127.0.0.1:{port}" for port in ports]
    env = {
        **os.environ,
        "DATA_DIR": str(settings.data_dir),
        "DATABASE_URL": settings.database_url,
        "SECRET_KEY": settings.secret_key,
        "PUBLIC_BASE_URL": settings.public_base_url,
        "REDIS_URL": redis_url,
        "CYD_EVENTS_KEEPALIVE_SECONDS": str(keepalive_seconds),
        "CYD_EVENTS_PRESENCE_GRACE_SECONDS": "0.2",
        "CYD_EVENTS_REDIS_PREFIX": prefix,
    }
    processes: list[subprocess.Popen[bytes]] = []
    logs = []
    try:
        for index, port in enumerate(ports):
            log = (settings.data_dir / f"server-{index}.log").open("w")
            logs.append(log)
            processes.append(
                subprocess.Popen(
                    [
                        sys.executable,
                        "-m",
                        "uvicorn",
                        "--factory",
                        "backend.main:app_from_env",
                        "--host",
                        "127.0.0.1",
                        "--port",
                        str(port),
                    ],
                    cwd=PROJECT_ROOT,
                    env=env,
                    stdout=log,
                    stderr=subprocess.STDOUT,
                )
            )
        for url, process in zip(urls, processes, strict=True):
            _wait_until_up(url, process)
        yield [LiveServer(url, process) for url, process in zip(urls, processes, strict=True)]
    finally:
        for process in processes:
            process.terminate()
        for process in processes:
            try:
                process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                process.kill()
        for log in logs:
            log.close()


def _wait_until_up(base_url: str, process: "subprocess.Popen[bytes]") -> None:
    deadline = time.monotonic() + 90
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError("the server exited during start-up; see its log")
        try:
            if httpx.get(f"{base_url}/api/v1/health", timeout=1).status_code == 200:
                return
        except httpx.HTTPError:
            pass
        time.sleep(0.1)
    raise RuntimeError("the server did not start within 90 s")


@dataclass
class Frame:
    id: str | None
    event: str | None
    data: dict[str, Any] | None

    @property
    def seq(self) -> int:
        assert self.data is not None
        return int(self.data["seq"])


class EventReader:
    """Frames of one open stream; every read fails after READ_TIMEOUT seconds of silence."""

    def __init__(self, response: httpx.Response) -> None:
        self.response = response
        self._lines = response.aiter_lines()
        self.comments = 0

    async def frame(self) -> Frame:
        fields: dict[str, str] = {}
        while True:
            line = await asyncio.wait_for(anext(self._lines), READ_TIMEOUT)
            if line == "":
                if fields:
                    data = fields.get("data")
                    return Frame(
                        fields.get("id"), fields.get("event"), json.loads(data) if data else None
                    )
                continue
            if line.startswith(":"):
                self.comments += 1
                continue
            name, _, value = line.partition(":")
            fields[name] = value.removeprefix(" ")

    async def event(self, *skip: str) -> Frame:
        """The next dispatched event whose kind is not in `skip` (id-only frames are skipped)."""
        while True:
            found = await self.frame()
            if found.event is not None and found.event not in skip:
                return found


@asynccontextmanager
async def open_stream(
    base_url: str, path: str, token: str, *, last_event_id: str | None = None
) -> AsyncIterator[EventReader]:
    headers = {"Authorization": f"Bearer {token}", "Accept": "text/event-stream"}
    if last_event_id is not None:
        headers["Last-Event-ID"] = last_event_id
    timeout = httpx.Timeout(10.0, read=READ_TIMEOUT)
    async with (
        httpx.AsyncClient(base_url=base_url, timeout=timeout) as client,
        client.stream("GET", f"/api/v1{path}", headers=headers) as response,
    ):
        assert response.status_code == 200, await response.aread()
        assert response.headers["content-type"].startswith("text/event-stream")
        yield EventReader(response)


async def api(
    base_url: str, method: str, path: str, token: str, body: Any = None
) -> httpx.Response:
    async with httpx.AsyncClient(base_url=base_url, timeout=10) as client:
        response = await client.request(
            method, f"/api/v1{path}", json=body, headers={"Authorization": f"Bearer {token}"}
        )
    assert response.status_code < 300, response.text
    return response
