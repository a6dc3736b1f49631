"""Connect-time refusal of private targets: the connector resolves names itself, refuses
non-public addresses and connects to the address it checked (no DNS rebinding)."""

import httpx
import pytest
from fastapi import FastAPI
from sqlmodel import Session

from backend.config import Settings
from backend.models import DeliveryStatus
from backend.models.webhooks import AttemptErrorKind
from backend.webhooks.network import webhook_client
from backend.webhooks.outbox import enqueue
from backend.webhooks.targets import is_public_address
from backend.webhooks.worker import DeliveryWorker
from tests.factories.accounts import make_organisation
from tests.webhooks.helpers import attempts_of, deliveries, make_subscription, quick_settings
from tests.webhooks.receiver import receiving

REBOUND = "hooks.partner.example"


async def resolves_to_loopback(host: str, port: int) -> list[str]:
    """A DNS answer that a hostile name could give: a public-looking name, a loopback address."""
    assert host == REBOUND
    return ["127.0.0.1"]


@pytest.mark.parametrize(
    "address",
    [
        "127.0.0.1",
        "10.0.0.1",
        "172.16.5.4",
        "192.168.1.1",
        "169.254.169.254",
        "100.64.0.1",
        "0.0.0.0",
        "224.0.0.1",
        "239.255.255.250",
        "255.255.255.255",
        "192.0.2.1",
        "::1",
        "::",
        "fe80::1",
        "fd12:3456::1",
        "ff02::1",
        "::ffff:127.0.0.1",
        "::ffff:10.0.0.1",
        "2002:7f00:1::",
        "64:ff9b::7f00:1",
        "not-an-address",
    ],
)
def test_non_public_addresses(address: str) -> None:
    assert not is_public_address(address)


@pytest.mark.parametrize("address", ["8.8.8.8", "151.101.1.69", "2001:4860:4860::8888"])
def test_public_addresses(address: str) -> None:
    assert is_public_address(address)


async def test_rebinding_name_refused_when_connecting() -> None:
    with receiving() as receiver:
        port = receiver.url.split(":")[2].split("/")[0]
        async with webhook_client(
            allow_private=False, timeout_seconds=5, resolver=resolves_to_loopback
        ) as client:
            with pytest.raises(httpx.ConnectError, match="non-public"):
                await client.post(f"http://{REBOUND}:{port}/hooks", content=b"{}")
        assert receiver.requests == []


@pytest.mark.parametrize("host", ["localhost", "127.1", "2130706433", "0x7f000001", "[::1]"])
async def test_loopback_spellings_refused_by_the_system_resolver(host: str) -> None:
    """Names and odd spellings the subscribe check cannot see through are resolved, then refused."""
    with receiving() as receiver:
        port = receiver.url.split(":")[2].split("/")[0]
        async with webhook_client(allow_private=False, timeout_seconds=5) as client:
            with pytest.raises(httpx.ConnectError, match="non-public"):
                await client.post(f"http://{host}:{port}/hooks", content=b"{}")
        assert receiver.requests == []


async def test_checked_address_is_the_one_connected_to() -> None:
    with receiving() as receiver:
        port = receiver.url.split(":")[2].split("/")[0]
        async with webhook_client(
            allow_private=True, timeout_seconds=5, resolver=resolves_to_loopback
        ) as client:
            answer = await client.post(f"http://{REBOUND}:{port}/hooks", content=b"{}")
        assert answer.status_code == 200
        assert receiver.requests[0].headers["host"] == f"{REBOUND}:{port}"


async def test_worker_refuses_localhost_target_when_connecting(
    app: FastAPI, settings: Settings, db: Session
) -> None:
    """A target that slipped past the subscribe check (e.g. a name that resolves to loopback)
    is refused by a real connection attempt, and the refusal is logged on the delivery."""
    org = make_organisation(db)
    with receiving() as receiver:
        make_subscription(db, org.id, receiver.url.replace("127.0.0.1", "localhost"))
        enqueue(db, organisation_id=org.id, kind="session.phase_changed", payload={})
        db.commit()
        strict = quick_settings(settings, webhooks_allow_private_targets=False)
        worker = DeliveryWorker(app.state.engine, strict)
        try:
            assert await worker.run_once() == 1
        finally:
            await worker.aclose()
        assert receiver.requests == []
    (row,) = deliveries(db)
    assert row.status == DeliveryStatus.pending and row.attempts == 1
    (logged,) = attempts_of(db, row)
    assert (logged.status_code, logged.error_kind) == (None, AttemptErrorKind.blocked)
    assert "non-public" in (logged.error or "")


async def test_redirects_are_not_followed() -> None:
    with receiving(redirect_to="http://169.254.169.254/latest/meta-data") as receiver:
        async with webhook_client(allow_private=True, timeout_seconds=5) as client:
            answer = await client.post(receiver.url, content=b"{}")
    assert answer.status_code == 307
    assert len(receiver.requests) == 1
