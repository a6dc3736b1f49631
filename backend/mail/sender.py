"""Sending a rendered email through the configured backend.

`outbox` (the default) writes each message as a JSON file in `settings.outbox_dir`, named so
that a plain sort lists them in the order they were sent; `smtp` hands it to a mail server.
"""

import json
import smtplib
import ssl
import time
import uuid
from email.message import EmailMessage
from typing import Any

from backend.config import Settings
from backend.kit.clock import utcnow
from backend.kit.i18n import Locale
from backend.mail.templates import render


def send_mail(settings: Settings, *, to: str, template: str, locale: Locale, **values: str) -> None:
    rendered = render(template, locale, **values)
    message: dict[str, Any] = {
        "to": to,
        "from": settings.mail_from,
        "subject": rendered.subject,
        "text": rendered.text,
        "html": None,
        "template": template,
        "locale": locale,
        "created_at": utcnow().isoformat(),
    }
    if settings.mail_backend == "smtp":
        _send_smtp(settings, message)
    else:
        _write_outbox(settings, message)


def _write_outbox(settings: Settings, message: dict[str, Any]) -> None:
    outbox = settings.outbox_dir
    outbox.mkdir(parents=True, exist_ok=True)
    name = f"{time.time_ns():020d}-{uuid.uuid4().hex}.json"
    # Write then rename, so that a reader never sees half a message.
    partial = outbox / f".{name}.tmp"
    partial.write_text(json.dumps(message, ensure_ascii=False, indent=2), encoding="utf-8")
    partial.replace(outbox / name)


def _send_smtp(settings: Settings, message: dict[str, Any]) -> None:
    email = EmailMessage()
    email["From"] = message["from"]
    email["To"] = message["to"]
    email["Subject"] = message["subject"]
    email["Content-Language"] = message["locale"]
    email.set_content(message["text"])
    with smtplib.SMTP(settings.smtp_host, settings.smtp_port, timeout=30) as smtp:
        if settings.smtp_starttls:
            smtp.starttls(context=ssl.create_default_context())
        if settings.smtp_username:
            smtp.login(settings.smtp_username, settings.smtp_password)
        smtp.send_message(email)
