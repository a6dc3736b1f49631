"""One HTTP attempt of one delivery: signed POST, a short excerpt of the answer kept for the log."""

import asyncio
import time

import httpx

from backend.webhooks.leasing import AttemptResult, DeliveryJob
from backend.webhooks.signing import delivery_headers

EXCERPT_CHARS = 300
EXCERPT_BYTES = 4096


async def attempt(client: httpx.AsyncClient, job: DeliveryJob, *, timeout: float) -> AttemptResult:
    headers = delivery_headers(
        secret=job.secret, event_id=str(job.event_id), timestamp=int(time.time()), body=job.body
    )
    try:
        async with asyncio.timeout(timeout * 2):
            async with client.stream("POST", job.url, content=job.body, headers=headers) as answer:
                excerpt = await _excerpt(answer)
    except (httpx.HTTPError, TimeoutError) as exc:
        message = str(exc) or type(exc).__name__
        return AttemptResult(job.delivery_id, False, None, None, message[:500])
    delivered = 200 <= answer.status_code < 300
    return AttemptResult(job.delivery_id, delivered, answer.status_code, excerpt, None)


async def _excerpt(answer: httpx.Response) -> str | None:
    chunks = bytearray()
    async for chunk in answer.aiter_bytes():
        chunks.extend(chunk)
        if len(chunks) >= EXCERPT_BYTES:
            break
    text = chunks.decode("utf-8", errors="replace").strip()
    return text[:EXCERPT_CHARS] or None
