"""One HTTP attempt of one delivery: a signed POST, timed, and what came back kept for the log:
the status code and the answer's first 2 KB as text, or why there was no answer."""

import asyncio
import codecs
import re
import time
from typing import Any

import httpx

from backend.kit.clock import utcnow
from backend.models.webhooks import AttemptErrorKind
from backend.webhooks.leasing import AttemptResult, DeliveryJob
from backend.webhooks.network import NameNotResolved, TargetRefused
from backend.webhooks.signing import delivery_headers

EXCERPT_BYTES = 2048
ERROR_CHARS = 500
# Control characters other than tab and line breaks (NUL included: PostgreSQL text refuses it).
UNPRINTABLE = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


async def attempt(client: httpx.AsyncClient, job: DeliveryJob, *, timeout: float) -> AttemptResult:
    headers = delivery_headers(
        secret=job.secret, event_id=str(job.event_id), timestamp=int(time.time()), body=job.body
    )
    started_at, clock = utcnow(), time.monotonic()

    def result(**outcome: Any) -> AttemptResult:
        duration_ms = round((time.monotonic() - clock) * 1000)
        return AttemptResult(job.delivery_id, started_at, duration_ms, **outcome)

    try:
        async with asyncio.timeout(timeout * 2):
            async with client.stream("POST", job.url, content=job.body, headers=headers) as answer:
                excerpt, truncated = await _excerpt(answer)
    except (httpx.HTTPError, TimeoutError) as exc:
        message = printable(str(exc) or type(exc).__name__)[:ERROR_CHARS]
        return result(error_kind=error_kind(exc), error=message)
    return result(status_code=answer.status_code, excerpt=excerpt, truncated=truncated)


def error_kind(exc: Exception) -> AttemptErrorKind:
    """httpx keeps the connection's own exception as the cause: it tells a refused target (or an
    unknown name) from a connection that could not be made."""
    if isinstance(exc, httpx.TimeoutException | TimeoutError):
        return AttemptErrorKind.timeout
    if isinstance(exc.__cause__, TargetRefused):
        return AttemptErrorKind.blocked
    if isinstance(exc.__cause__, NameNotResolved):
        return AttemptErrorKind.unresolved
    if isinstance(exc, httpx.ConnectError):
        return AttemptErrorKind.refused
    return AttemptErrorKind.network


def printable(text: str) -> str:
    return UNPRINTABLE.sub("\ufffd", text).strip()


async def _excerpt(answer: httpx.Response) -> tuple[str | None, bool]:
    """The answer's first EXCERPT_BYTES as text, and whether there was more. The bytes are read
    as sent: deliveries ask for no compression, and a compressed answer is not unpacked (that
    could take any amount of memory), so it has no excerpt."""
    if answer.headers.get("content-encoding", "identity").strip().lower() not in ("", "identity"):
        return None, False
    kept, truncated = bytearray(), False
    async for chunk in answer.aiter_raw():
        room = EXCERPT_BYTES - len(kept)
        if len(chunk) > room:
            kept.extend(chunk[:room])
            truncated = True
            break
        kept.extend(chunk)
    # Not final when cut short: a character split by the cut is dropped, not garbled.
    decoder = codecs.getincrementaldecoder(_charset(answer))(errors="replace")
    text = printable(decoder.decode(bytes(kept), final=not truncated))
    return text or None, truncated


def _charset(answer: httpx.Response) -> str:
    declared = answer.charset_encoding
    if declared:
        try:
            return codecs.lookup(declared).name
        except LookupError:
            pass
    return "utf-8"
