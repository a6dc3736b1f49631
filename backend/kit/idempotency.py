"""`Idempotency-Key` for writes a client may queue offline and send again.

Usage in a route (the key is optional; without it the write simply runs):

    def create(request: Request, db: DbSession, data: XCreate, key: IdempotencyKey = None):
        with idempotent(db, request, key=key, caller=participant_caller(me.participant.id),
                        body=data) as call:
            if call.replay is not None:
                return call.replay            # the first response again, nothing done
            thing = service.create(...)
            return call.respond(201, XPublic.model_validate(thing), headers={"ETag": ...})

- Same caller + key + method/path/body: the stored response (status, body, chosen headers) is
  replayed with `Idempotent-Replayed: true`. A different method/path/body: 422
  `idempotency_key_reused`.
- On PostgreSQL the record row is inserted (and flushed) before the work: an identical request
  racing this one blocks on the unique index until this transaction ends; if it committed, the
  racer's insert fails, it rolls back to its savepoint and replays the stored response. On SQLite
  writing transactions are serialised (BEGIN IMMEDIATE), so the racer finds the committed record;
  there the record is written once, together with the response.
- Only successful responses are stored: an error rolls the request back, record included, so a
  retry runs again (and meets the same rule, or succeeds once the cause is gone).
- Records are kept for `RETENTION` (24 h) and pruned opportunistically.
"""

import hashlib
import json
import random
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import timedelta
from typing import Annotated, Any

from fastapi import Header, Request
from fastapi.responses import JSONResponse, Response
from pydantic import BaseModel
from sqlalchemy import Row, bindparam, delete, insert, select, update
from sqlalchemy.exc import IntegrityError
from sqlmodel import Session

from backend.errors import Conflict, RuleBroken
from backend.kit.clock import utcnow
from backend.models import IdempotencyRecord
from backend.models.base import table_of

RETENTION = timedelta(hours=24)
PRUNE_ONE_IN = 50  # prune on about one keyed write in this many
REPLAYED_HEADER = "Idempotent-Replayed"
STORED_HEADERS = ("etag", "location")

IdempotencyKey = Annotated[
    str | None,
    Header(
        alias="Idempotency-Key",
        min_length=1,
        max_length=200,
        pattern=r"^[\x21-\x7e]+$",
        description=(
            "1-200 visible ASCII characters, chosen by the client when the write is first "
            "queued. A retry with the same key gets the first response again (kept 24 h)."
        ),
    ),
]


class IdempotencyKeyReused(RuleBroken):
    code = "idempotency_key_reused"
    title_en = "This Idempotency-Key was already used for a different request"
    title_cy = "Defnyddiwyd yr Idempotency-Key hwn eisoes ar gyfer cais gwahanol"


class IdempotentRequestInProgress(Conflict):
    code = "idempotent_request_in_progress"
    title_en = "The first request with this Idempotency-Key is still being processed"
    title_cy = "Mae'r cais cyntaf gyda'r Idempotency-Key hwn yn dal i gael ei brosesu"


def participant_caller(participant_id: uuid.UUID) -> str:
    return f"participant:{participant_id}"


def user_caller(user_id: uuid.UUID) -> str:
    return f"user:{user_id}"


_records = table_of(IdempotencyRecord)
# Core statements built once: this runs on every keyed write (an idea from a phone, a vote).
_FIND = select(
    _records.c.id,
    _records.c.created_at,
    _records.c.request_hash,
    _records.c.method,
    _records.c.path,
    _records.c.status_code,
    _records.c.response_body,
    _records.c.response_headers,
).where(_records.c.caller == bindparam("caller"), _records.c.key == bindparam("key"))
_INSERT = insert(_records)
_COMPLETE = (
    update(_records)
    .where(_records.c.id == bindparam("record_id"))
    .values(
        status_code=bindparam("status_code"),
        response_body=bindparam("response_body"),
        response_headers=bindparam("response_headers"),
    )
)
_DELETE_ONE = delete(_records).where(_records.c.id == bindparam("record_id"))


@dataclass
class _Claim:
    """The record this request will complete with its response; `inserted` when the row was
    written up front (PostgreSQL), so completing it is an UPDATE."""

    values: dict[str, Any]
    inserted: bool


@dataclass
class IdempotentCall:
    """`replay` is set when a stored response must be returned instead of doing the work."""

    claim: _Claim | None
    replay: Response | None = None
    _db: Session | None = field(default=None, repr=False)
    done: bool = False

    def respond(
        self,
        status_code: int,
        body: BaseModel | list[Any] | dict[str, Any] | None,
        headers: dict[str, str] | None = None,
    ) -> Response:
        """The response to send now; with a key, it is also stored for replays."""
        content = _jsonable(body)
        headers = dict(headers or {})
        if self.claim is not None and self._db is not None:
            response = {
                "status_code": status_code,
                "response_body": content,
                "response_headers": {
                    k: v for k, v in headers.items() if k.lower() in STORED_HEADERS
                },
            }
            connection = self._db.connection()
            if self.claim.inserted:
                connection.execute(_COMPLETE, {"record_id": self.claim.values["id"], **response})
            else:
                connection.execute(_INSERT, {**self.claim.values, **response})
        self.done = True
        return _response(status_code, content, headers)


def request_hash(method: str, path: str, body: BaseModel | dict[str, Any] | None) -> str:
    payload = json.dumps(
        [method.upper(), path, _jsonable(body)], sort_keys=True, separators=(",", ":")
    )
    return hashlib.sha256(payload.encode()).hexdigest()


@contextmanager
def idempotent(
    db: Session,
    request: Request,
    *,
    key: str | None,
    caller: str,
    body: BaseModel | dict[str, Any] | None,
) -> Iterator[IdempotentCall]:
    if key is None:
        call = IdempotentCall(claim=None)
    else:
        call = _claim(db, request, key=key, caller=caller, body=body)
    yield call
    if call.replay is None and not call.done:
        raise RuntimeError("an idempotent route must return call.respond(...) or call.replay")


def _claim(
    db: Session,
    request: Request,
    *,
    key: str,
    caller: str,
    body: BaseModel | dict[str, Any] | None,
) -> IdempotentCall:
    digest = request_hash(request.method, request.url.path, body)
    connection = db.connection()
    existing = connection.execute(_FIND, {"caller": caller, "key": key}).first()
    if existing is not None and existing.created_at < utcnow() - RETENTION:
        connection.execute(_DELETE_ONE, {"record_id": existing.id})
        existing = None
    if existing is not None:
        return IdempotentCall(claim=None, replay=_replay(existing, digest))
    values = {
        "id": uuid.uuid4(),
        "caller": caller,
        "key": key,
        "request_hash": digest,
        "method": request.method.upper(),
        "path": request.url.path[:500],
        "created_at": utcnow(),
    }
    if random.randrange(PRUNE_ONE_IN) == 0:
        prune_expired(db)
    if connection.dialect.name == "sqlite":
        # Writing transactions never overlap on SQLite (BEGIN IMMEDIATE): an identical request
        # runs after this one has committed and finds the record, so `respond` writes it once,
        # with the response.
        return IdempotentCall(claim=_Claim(values, inserted=False), _db=db)
    try:
        with db.begin_nested():
            db.connection().execute(
                _INSERT,
                {**values, "status_code": None, "response_body": None, "response_headers": {}},
            )
    except IntegrityError:
        # An identical request committed its record while we waited on the unique index.
        existing = db.connection().execute(_FIND, {"caller": caller, "key": key}).first()
        if existing is None:
            raise
        return IdempotentCall(claim=None, replay=_replay(existing, digest))
    return IdempotentCall(claim=_Claim(values, inserted=True), _db=db)


def _replay(record: Row[*tuple[Any, ...]], digest: str) -> Response:
    if record.request_hash != digest:
        raise IdempotencyKeyReused(
            f"The key was first used for {record.method} {record.path} with another body; "
            "use a new key for a new request"
        )
    if record.status_code is None:
        raise IdempotentRequestInProgress("Try again in a moment", headers={"Retry-After": "1"})
    headers = {**record.response_headers, REPLAYED_HEADER: "true"}
    return _response(record.status_code, record.response_body, headers)


def prune_expired(db: Session) -> int:
    """Delete records older than the retention period; returns how many went."""
    cutoff = utcnow() - RETENTION
    result = db.connection().execute(delete(_records).where(_records.c.created_at < cutoff))
    return int(result.rowcount or 0)


def _jsonable(body: BaseModel | list[Any] | dict[str, Any] | None) -> Any:
    if isinstance(body, BaseModel):
        return body.model_dump(mode="json")
    if isinstance(body, list):
        return [_jsonable(item) for item in body]
    return body


def _response(status_code: int, content: Any, headers: dict[str, str]) -> Response:
    if content is None:
        return Response(status_code=status_code, headers=headers)
    return JSONResponse(content, status_code=status_code, headers=headers)
