"""A minimal keep-alive HTTP/1.1 client: JSON requests and one chunked SSE stream."""

import asyncio
import time

IDLE_REUSE_S = 4.0


class Http:
    """One keep-alive HTTP/1.1 connection: enough for JSON requests and one chunked SSE stream.
    (httpx costs several times more CPU per request, and the client shares 2 cores with the
    server.)"""

    def __init__(self, port: int, token: str | None = None) -> None:
        self.port = port
        self.auth = f"Authorization: Bearer {token}\r\n" if token else ""
        self.reader: asyncio.StreamReader | None = None
        self.writer: asyncio.StreamWriter | None = None
        self.used = 0.0

    async def _connect(self) -> tuple[asyncio.StreamReader, asyncio.StreamWriter]:
        # uvicorn closes a keep-alive connection after 5 s idle; like a browser, open a new one
        # rather than race that close (a person's next idea is 2-6 s away).
        if self.writer is not None and time.monotonic() - self.used > IDLE_REUSE_S:
            self.close()
        if self.reader is None or self.writer is None or self.writer.is_closing():
            self.reader, self.writer = await asyncio.open_connection("127.0.0.1", self.port)
        return self.reader, self.writer

    def close(self) -> None:
        if self.writer is not None:
            self.writer.close()
        self.reader = self.writer = None

    def _head(self, method: str, path: str, extra: str, length: int | None) -> bytes:
        head = f"{method} {path} HTTP/1.1\r\nHost: 127.0.0.1:{self.port}\r\n{self.auth}{extra}"
        if length is not None:
            head += f"Content-Type: application/json\r\nContent-Length: {length}\r\n"
        return (head + "\r\n").encode()

    @staticmethod
    async def _read_head(reader: asyncio.StreamReader) -> tuple[int, dict[str, str]]:
        raw = await reader.readuntil(b"\r\n\r\n")
        lines = raw.decode("latin-1").split("\r\n")
        status = int(lines[0].split(" ", 2)[1])
        headers = {}
        for line in lines[1:]:
            if line:
                name, _, value = line.partition(":")
                headers[name.strip().lower()] = value.strip()
        return status, headers

    async def request(
        self, method: str, path: str, body: bytes | None = None, extra: str = ""
    ) -> tuple[int, dict[str, str], bytes]:
        try:
            reader, writer = await self._connect()
            writer.write(self._head(method, path, extra, None if body is None else len(body)))
            if body:
                writer.write(body)
            status, headers = await self._read_head(reader)
            if headers.get("transfer-encoding") == "chunked":
                data = bytearray()
                while True:
                    size = int((await reader.readuntil(b"\r\n")).split(b";")[0], 16)
                    chunk = await reader.readexactly(size + 2)
                    if size == 0:
                        break
                    data += chunk[:-2]
                content = bytes(data)
            else:
                content = await reader.readexactly(int(headers.get("content-length", "0")))
            if headers.get("connection", "").lower() == "close":
                self.close()
            self.used = time.monotonic()
            return status, headers, content
        except BaseException:
            self.close()  # never reuse a connection in an unknown state
            raise

    async def open_stream(self, path: str, extra: str = "") -> int:
        reader, writer = await self._connect()
        writer.write(self._head("GET", path, "Accept: text/event-stream\r\n" + extra, None))
        status, headers = await self._read_head(reader)
        if status != 200 or headers.get("transfer-encoding") != "chunked":
            self.close()
        return status

    async def chunk(self) -> bytes | None:
        """The next chunk of an open chunked stream; None when it ends."""
        assert self.reader is not None
        size = int((await self.reader.readuntil(b"\r\n")).split(b";")[0], 16)
        data = await self.reader.readexactly(size + 2)
        return data[:-2] if size else None
