"""The signature partners check: v1=HMAC-SHA256(secret, "<timestamp>.<raw body>")."""

import hashlib
import hmac

from backend.webhooks.signing import delivery_headers, signature, verify_signature

SECRET, BODY, NOW = "cyd_whsec_abc", b'{"id":"e1","kind":"ping"}', 1_800_000_000


def test_documented_algorithm() -> None:
    expected = hmac.new(SECRET.encode(), f"{NOW}.".encode() + BODY, hashlib.sha256).hexdigest()
    assert signature(SECRET, NOW, BODY) == f"v1={expected}"
    headers = delivery_headers(secret=SECRET, event_id="e1", timestamp=NOW, body=BODY)
    assert headers["Cyd-Webhook-Signature"] == f"v1={expected}"
    assert (headers["Cyd-Webhook-Id"], headers["Cyd-Webhook-Timestamp"]) == ("e1", str(NOW))


def test_verify() -> None:
    header = signature(SECRET, NOW, BODY)
    assert verify_signature(SECRET, str(NOW), BODY, header, now=NOW + 10)
    assert verify_signature(SECRET, NOW, BODY, f"v1=deadbeef, {header}", now=NOW)
    assert not verify_signature(SECRET, NOW, BODY + b" ", header, now=NOW)
    assert not verify_signature("other", NOW, BODY, header, now=NOW)
    assert not verify_signature(SECRET, NOW, BODY, header, now=NOW + 301)
    assert not verify_signature(SECRET, NOW, BODY, header, tolerance_seconds=5, now=NOW - 6)
    assert not verify_signature(SECRET, "yesterday", BODY, header, now=NOW)
    assert not verify_signature(SECRET, NOW, BODY, "", now=NOW)
