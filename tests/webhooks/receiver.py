"""A real HTTP server on 127.0.0.1 that receives webhook deliveries: it answers 500 to the first
`fail_first` requests, then 200 (or always a redirect, or always the given `answer`), and keeps
every request it saw."""

import asyncio
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any

import uvicorn

from tests.browser.server import free_port


@dataclass(frozen=True)
class Received:
    path: str
    headers: dict[str, str]
    body: bytes
    answered: int


@dataclass(frozen=True)
class Answer:
    """A fixed answer: status, raw body bytes, extra headers, and a pause before answering."""

    status: int = 200
    body: bytes = b""
    headers: tuple[tuple[bytes, bytes], ...] = ()
    delay_seconds: float = 0


@dataclass
class Receiver:
    fail_first: int = 0
    redirect_to: str | None = None
    answer: Answer | None = None
    url: str = ""
    requests: list[Received] = field(default_factory=list)
    lock: threading.Lock = field(default_factory=threading.Lock)

    async def __call__(self, scope: dict[str, Any], receive: Any, send: Any) -> None:
        assert scope["type"] == "http"
        body = b""
        while True:
            message = await receive()
            body += message.get("body", b"")
            if not message.get("more_body"):
                break
        headers = {k.decode().lower(): v.decode() for k, v in scope["headers"]}
        with self.lock:
            status = 500 if len(self.requests) < self.fail_first else 200
            if self.answer:
                status = self.answer.status
            self.requests.append(Received(scope["path"], headers, body, status))
        text = b"not yet, try again" if status == 500 else b"thanks"
        extra: list[tuple[bytes, bytes]] = []
        if self.redirect_to:
            status, extra = 307, [(b"location", self.redirect_to.encode())]
        if self.answer:
            text, extra = self.answer.body, list(self.answer.headers)
            await asyncio.sleep(self.answer.delay_seconds)
        await send({"type": "http.response.start", "status": status, "headers": extra})
        await send({"type": "http.response.body", "body": text})

    def event_ids(self) -> list[str]:
        with self.lock:
            return [r.headers["cyd-webhook-id"] for r in self.requests]


@contextmanager
def receiving(
    fail_first: int = 0, redirect_to: str | None = None, answer: Answer | None = None
) -> Iterator[Receiver]:
    receiver = Receiver(fail_first=fail_first, redirect_to=redirect_to, answer=answer)
    port = free_port()
    server = uvicorn.Server(
        uvicorn.Config(receiver, host="127.0.0.1", port=port, log_level="warning", lifespan="off")
    )
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    try:
        for _ in range(200):
            if server.started:
                break
            threading.Event().wait(0.05)
        receiver.url = f"http://127.0.0.1:{port}/hooks/cyd"
        yield receiver
    finally:
        server.should_exit = True
        thread.join(timeout=10)
