"""Signing deliveries, and checking a signature the way a partner would.

Headers of every delivery:

- `Cyd-Webhook-Id`: the event id (the same on every retry: de-duplicate on it);
- `Cyd-Webhook-Timestamp`: unix seconds when this attempt was sent;
- `Cyd-Webhook-Signature`: `v1=<hex HMAC-SHA256(secret, f"{timestamp}.{raw body}")>`.

To verify: recompute the HMAC over the timestamp header, a dot and the raw body bytes (before
any JSON parsing), compare in constant time with each `v1=` value of the header, and refuse
timestamps more than five minutes from your clock (replays).
"""

import hashlib
import hmac
import time

SIGNATURE_VERSION = "v1"
ID_HEADER = "Cyd-Webhook-Id"
TIMESTAMP_HEADER = "Cyd-Webhook-Timestamp"
SIGNATURE_HEADER = "Cyd-Webhook-Signature"
USER_AGENT = "Cyd-Webhooks/1"


def signature(secret: str, timestamp: int, body: bytes) -> str:
    mac = hmac.new(secret.encode(), f"{timestamp}.".encode() + body, hashlib.sha256)
    return f"{SIGNATURE_VERSION}={mac.hexdigest()}"


def delivery_headers(*, secret: str, event_id: str, timestamp: int, body: bytes) -> dict[str, str]:
    return {
        ID_HEADER: event_id,
        TIMESTAMP_HEADER: str(timestamp),
        SIGNATURE_HEADER: signature(secret, timestamp, body),
        "Content-Type": "application/json",
        "User-Agent": USER_AGENT,
        # The answer's first bytes are logged as sent (backend/webhooks/sending.py).
        "Accept-Encoding": "identity",
    }


def verify_signature(
    secret: str,
    timestamp: str | int,
    body: bytes,
    header: str,
    tolerance_seconds: int = 300,
    *,
    now: float | None = None,
) -> bool:
    """True when `header` holds a valid `v1=` signature of `body` sent at `timestamp`, and the
    timestamp is within `tolerance_seconds` of now."""
    try:
        sent_at = int(timestamp)
    except (TypeError, ValueError):
        return False
    current = time.time() if now is None else now
    if abs(current - sent_at) > tolerance_seconds:
        return False
    expected = signature(secret, sent_at, body)
    candidates = header.replace(",", " ").split()
    return any(hmac.compare_digest(expected, value.strip()) for value in candidates)
