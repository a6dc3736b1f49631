"""Reading what the `outbox` mail backend wrote."""

import json
import re
from typing import Any

from backend.config import Settings


def read_outbox(settings: Settings) -> list[dict[str, Any]]:
    """Every message sent so far, oldest first."""
    if not settings.outbox_dir.is_dir():
        return []
    return [
        json.loads(path.read_text(encoding="utf-8"))
        for path in sorted(settings.outbox_dir.glob("*.json"))
    ]


def link_token(message: dict[str, Any]) -> str:
    """The `token=` of the link in a message's text."""
    found = re.search(r"[?&]token=([A-Za-z0-9_\-]+)", message["text"])
    assert found, message["text"]
    return found.group(1)
