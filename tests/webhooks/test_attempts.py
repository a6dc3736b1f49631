"""Every attempt is logged with what happened: the answer's status and first 2 KB as plain text,
or why there was no answer (timeout, refused, unknown name; `blocked` is in test_network.py)."""

import gzip
import socket
from typing import Any

from fastapi import FastAPI
from sqlmodel import Session

from backend.config import Settings
from backend.models import DeliveryStatus, WebhookDelivery
from backend.models.webhooks import AttemptErrorKind, WebhookAttempt
from backend.webhooks.network import Resolver, system_resolver
from backend.webhooks.outbox import enqueue
from backend.webhooks.worker import DeliveryWorker
from tests.browser.server import free_port
from tests.factories.accounts import make_organisation
from tests.webhooks.helpers import attempts_of, deliveries, make_subscription, quick_settings
from tests.webhooks.receiver import Answer, Receiver, receiving


async def unresolvable(host: str, port: int) -> list[str]:
    raise socket.gaierror(socket.EAI_NONAME, "Name or service not known")


async def one_attempt(
    app: FastAPI,
    settings: Settings,
    db: Session,
    url: str,
    *,
    tuning: dict[str, Any] | None = None,
    resolver: Resolver = system_resolver,
) -> tuple[WebhookDelivery, WebhookAttempt]:
    """Queue one event to `url`, let a worker try once, return the delivery and its attempt."""
    org = make_organisation(db)
    make_subscription(db, org.id, url)
    enqueue(db, organisation_id=org.id, kind="session.phase_changed", payload={"n": 1})
    db.commit()
    tuned = quick_settings(settings, **(tuning or {}))
    sender = DeliveryWorker(app.state.engine, tuned, resolver=resolver)
    try:
        assert await sender.run_once() == 1
    finally:
        await sender.aclose()
    (delivery,) = deliveries(db)
    (logged,) = attempts_of(db, delivery)
    return delivery, logged


async def answered(
    app: FastAPI, settings: Settings, db: Session, answer: Answer
) -> tuple[WebhookAttempt, Receiver]:
    with receiving(answer=answer) as receiver:
        _delivery, logged = await one_attempt(app, settings, db, receiver.url)
    return logged, receiver


async def test_an_answer_is_logged_with_its_timing(
    app: FastAPI, settings: Settings, db: Session
) -> None:
    logged, receiver = await answered(app, settings, db, Answer(status=202, body=b"queued"))
    assert (logged.number, logged.status_code, logged.response_excerpt) == (1, 202, "queued")
    assert (logged.error_kind, logged.error, logged.response_truncated) == (None, None, False)
    assert logged.duration_ms >= 0
    (request,) = receiver.requests
    assert request.headers["accept-encoding"] == "identity"


async def test_a_long_answer_is_cut_at_2_kb_between_characters(
    app: FastAPI, settings: Settings, db: Session
) -> None:
    # 1 + 2 x 2000 bytes: the 2048th byte is the first half of an "é", dropped, not garbled.
    body = ("x" + "é" * 2000).encode()
    logged, _ = await answered(app, settings, db, Answer(body=body))
    assert logged.response_excerpt == "x" + "é" * 1023
    assert logged.response_truncated is True


async def test_an_answer_of_exactly_2_kb_is_whole(
    app: FastAPI, settings: Settings, db: Session
) -> None:
    logged, _ = await answered(app, settings, db, Answer(body=b"a" * 2048))
    assert logged.response_excerpt == "a" * 2048
    assert logged.response_truncated is False


async def test_an_answer_is_kept_as_plain_text(
    app: FastAPI, settings: Settings, db: Session
) -> None:
    body = b"ok\x00<script>alert(1)</script>\x1b[31m\xff\nline two"
    logged, _ = await answered(app, settings, db, Answer(status=400, body=body))
    assert logged.status_code == 400
    assert logged.response_excerpt == "ok\ufffd<script>alert(1)</script>\ufffd[31m\ufffd\nline two"


async def test_the_declared_charset_is_used(app: FastAPI, settings: Settings, db: Session) -> None:
    headers = ((b"content-type", b"text/plain; charset=iso-8859-1"),)
    logged, _ = await answered(
        app, settings, db, Answer(body="Diolch, café".encode("latin-1"), headers=headers)
    )
    assert logged.response_excerpt == "Diolch, café"


async def test_a_compressed_answer_is_not_unpacked(
    app: FastAPI, settings: Settings, db: Session
) -> None:
    bomb = gzip.compress(b"\0" * 20_000_000)
    headers = ((b"content-encoding", b"gzip"),)
    logged, _ = await answered(app, settings, db, Answer(body=bomb, headers=headers))
    assert (logged.status_code, logged.response_excerpt) == (200, None)
    (delivery,) = deliveries(db)
    assert delivery.status == DeliveryStatus.delivered


async def test_a_timeout_is_logged(app: FastAPI, settings: Settings, db: Session) -> None:
    with receiving(answer=Answer(delay_seconds=3)) as receiver:
        delivery, logged = await one_attempt(
            app, settings, db, receiver.url, tuning={"webhooks_timeout_seconds": 0.3}
        )
    assert (logged.status_code, logged.error_kind) == (None, AttemptErrorKind.timeout)
    assert logged.error and logged.response_excerpt is None
    assert (delivery.status, delivery.attempts) == (DeliveryStatus.pending, 1)


async def test_a_refused_connection_is_logged(
    app: FastAPI, settings: Settings, db: Session
) -> None:
    url = f"http://127.0.0.1:{free_port()}/nobody-listens"
    _delivery, logged = await one_attempt(app, settings, db, url)
    assert (logged.status_code, logged.error_kind) == (None, AttemptErrorKind.refused)
    assert logged.error


async def test_an_unknown_name_is_logged(app: FastAPI, settings: Settings, db: Session) -> None:
    url = "https://hooks.partner.example/cyd"
    _delivery, logged = await one_attempt(app, settings, db, url, resolver=unresolvable)
    assert (logged.status_code, logged.error_kind) == (None, AttemptErrorKind.unresolved)
    assert "hooks.partner.example" in (logged.error or "")
