"""An HTTP client for webhook deliveries that cannot be pointed at private networks.

`GuardedNetworkBackend` is an httpcore network backend: each connection resolves the host
itself, refuses non-public addresses (unless allowed by settings) and connects to an address it
has just checked, so there is no second resolution for a DNS rebinding to exploit. TLS still
verifies the certificate against the URL's host name (httpcore passes it as the server name).
Redirects are never followed.
"""

import asyncio
import socket
from collections.abc import Awaitable, Callable, Iterable

import httpcore
import httpx

from backend.webhooks.targets import is_public_address

Resolver = Callable[[str, int], Awaitable[list[str]]]


async def system_resolver(host: str, port: int) -> list[str]:
    infos = await asyncio.get_running_loop().getaddrinfo(host, port, type=socket.SOCK_STREAM)
    return [str(info[4][0]) for info in infos]


class TargetRefused(httpcore.ConnectError):
    """The host resolved only to addresses webhooks may not reach."""


class NameNotResolved(httpcore.ConnectError):
    """The host name did not resolve (in time)."""


class GuardedNetworkBackend(httpcore.AsyncNetworkBackend):
    def __init__(self, *, allow_private: bool, resolver: Resolver = system_resolver) -> None:
        self.allow_private = allow_private
        self.resolver = resolver
        self.inner = httpcore.AnyIOBackend()

    async def connect_tcp(
        self,
        host: str,
        port: int,
        timeout: float | None = None,
        local_address: str | None = None,
        socket_options: Iterable[httpcore.SOCKET_OPTION] | None = None,
    ) -> httpcore.AsyncNetworkStream:
        try:
            addresses = await asyncio.wait_for(self.resolver(host, port), timeout)
        except (OSError, TimeoutError) as exc:
            raise NameNotResolved(f"Could not resolve {host}: {exc or 'timed out'}") from exc
        allowed = [a for a in addresses if self.allow_private or is_public_address(a)]
        if not allowed:
            raise TargetRefused(f"{host} resolves only to non-public addresses")
        error: Exception | None = None
        for address in dict.fromkeys(allowed):
            try:
                return await self.inner.connect_tcp(
                    address, port, timeout, local_address, socket_options
                )
            except (httpcore.ConnectError, httpcore.ConnectTimeout) as exc:
                error = exc
        assert error is not None
        raise error

    async def connect_unix_socket(
        self,
        path: str,
        timeout: float | None = None,
        socket_options: Iterable[httpcore.SOCKET_OPTION] | None = None,
    ) -> httpcore.AsyncNetworkStream:
        raise TargetRefused("Webhooks never connect to local sockets")

    async def sleep(self, seconds: float) -> None:
        await self.inner.sleep(seconds)


class GuardedTransport(httpx.AsyncHTTPTransport):
    """httpx's own transport (same request/response mapping), over a guarded connection pool."""

    def __init__(self, backend: GuardedNetworkBackend) -> None:
        super().__init__(trust_env=False)
        self._pool = httpcore.AsyncConnectionPool(
            ssl_context=httpx.create_ssl_context(trust_env=False),
            max_connections=20,
            max_keepalive_connections=5,
            network_backend=backend,
        )


def webhook_client(
    *, allow_private: bool, timeout_seconds: float, resolver: Resolver = system_resolver
) -> httpx.AsyncClient:
    backend = GuardedNetworkBackend(allow_private=allow_private, resolver=resolver)
    return httpx.AsyncClient(
        transport=GuardedTransport(backend),
        timeout=httpx.Timeout(timeout_seconds),
        follow_redirects=False,
        trust_env=False,
    )
