"""Two real app processes on one database, woken through the local Redis: a write through either
process reaches the streams open on both; presence crosses processes; shutdown ends the streams.

The servers' keep-alive (which also re-reads the log) is set far beyond the read timeout, so an
event can only arrive in time through a Redis wake-up."""

import asyncio
import signal
import uuid
from collections.abc import Iterator

import pytest
import redis
from sqlmodel import Session

from backend.config import Settings
from tests.events.conftest import Room
from tests.events.live import LiveServer, api, live_servers, open_stream

REDIS_URL = "redis://127.0.0.1:6379/11"
PRESENCE = "presence.changed"


@pytest.fixture
def settings(shared_settings: Settings) -> Settings:
    return shared_settings


@pytest.fixture(scope="module")
def prefix() -> Iterator[str]:
    client = redis.Redis.from_url(REDIS_URL)
    try:
        client.ping()
    except redis.RedisError:
        pytest.skip("no Redis on 127.0.0.1:6379")
    name = f"cydtest-{uuid.uuid4().hex[:10]}"
    yield name
    for key in client.scan_iter(f"{name}:*"):
        client.delete(key)
    client.close()


@pytest.fixture(scope="module")
def servers(shared_settings: Settings, prefix: str) -> Iterator[list[LiveServer]]:
    with live_servers(
        shared_settings, 2, redis_url=REDIS_URL, prefix=prefix, keepalive_seconds=60
    ) as started:
        yield started


async def test_a_write_through_one_process_reaches_streams_on_both(
    servers: list[LiveServer], room: Room, db: Session, prefix: str
) -> None:
    a, b = servers[0].url, servers[1].url
    async with (
        open_stream(a, f"{room.base}/events", room.facilitator_token) as on_a,
        open_stream(b, "/me/events", room.token_b) as on_b,
    ):
        assert (await on_a.event()).event == "hello"
        assert (await on_b.event()).event == "hello"
        # The participant's stream on B shows up as presence for the facilitator on A.
        presence = await on_a.event()
        assert presence.event == PRESENCE
        assert presence.data is not None and presence.data["payload"]["present"] is True
        assert redis.Redis.from_url(REDIS_URL).keys(f"{prefix}:presence:{room.workshop.id}")

        await api(b, "PUT", f"{room.base}/timer", room.facilitator_token, {"duration_seconds": 90})
        from_b = [await on_a.event(PRESENCE), await on_b.event(PRESENCE)]
        await api(a, "POST", f"{room.base}/phase", room.facilitator_token, {"to": "strengths"})
        from_a = [await on_a.event(PRESENCE), await on_b.event(PRESENCE)]

    assert [f.event for f in from_b] == ["timer.changed", "timer.changed"]
    assert from_b[0].seq == from_b[1].seq
    assert [f.event for f in from_a] == ["phase.changed", "phase.changed"]
    assert from_a[0].seq == from_a[1].seq == from_b[0].seq + 1


async def test_shutdown_ends_open_streams(
    servers: list[LiveServer], room: Room, shared_settings: Settings
) -> None:
    """Uvicorn waits for open responses before it shuts down; the streams must end by themselves.
    (Runs last in this module: it stops server B.)"""
    server = servers[1]
    async with open_stream(server.url, "/me/events", room.token_a) as stream:
        await stream.event()
        server.process.terminate()
        with pytest.raises(StopAsyncIteration):
            while True:
                await stream.event()
    for _ in range(100):
        if server.process.poll() is not None:
            break
        await asyncio.sleep(0.1)
    # Uvicorn re-raises the SIGTERM it handled once it has shut down cleanly.
    assert server.process.returncode in (0, -signal.SIGTERM)
    log = (shared_settings.data_dir / "server-1.log").read_text()
    assert "Application shutdown complete" in log
