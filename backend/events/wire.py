"""How an event looks on the wire: `id:`, `event:` and a `data:` line of JSON (the
`EventEnvelope` schema)."""

import json
import uuid
from datetime import datetime
from typing import Any

from pydantic import BaseModel

from backend.kit.clock import utcnow
from backend.models import SessionEvent


def frame(
    *,
    seq: int,
    kind: str,
    table_id: uuid.UUID | None,
    created_at: datetime,
    payload: dict[str, Any],
) -> str:
    data = json.dumps(
        {
            "seq": seq,
            "kind": kind,
            "table_id": str(table_id) if table_id else None,
            "created_at": created_at.isoformat(),
            "payload": payload,
        },
        separators=(",", ":"),
    )
    return f"id: {seq}\nevent: {kind}\ndata: {data}\n\n"


def event_frame(event: SessionEvent) -> str:
    return frame(
        seq=event.seq,
        kind=event.kind,
        table_id=event.table_id,
        created_at=event.created_at,
        payload=event.payload,
    )


def own_frame(kind: str, seq: int, payload: BaseModel) -> str:
    return frame(
        seq=seq,
        kind=kind,
        table_id=None,
        created_at=utcnow(),
        payload=payload.model_dump(mode="json"),
    )
