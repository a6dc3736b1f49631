"""Mail decided during a request and sent after its transaction has committed."""

import logging
from dataclasses import dataclass, field

from fastapi import BackgroundTasks

from backend.config import Settings
from backend.kit.i18n import Locale
from backend.mail.sender import send_mail

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class OutgoingMail:
    to: str
    template: str
    locale: Locale
    values: dict[str, str] = field(default_factory=dict)


def deliver(settings: Settings, mail: OutgoingMail) -> None:
    try:
        send_mail(settings, to=mail.to, template=mail.template, locale=mail.locale, **mail.values)
    except Exception:
        # The request has already succeeded; a mail server being down must not turn it into an error.
        log.exception("Could not send the %s email", mail.template)


def send_after_response(
    tasks: BackgroundTasks, settings: Settings, mail: OutgoingMail | None
) -> None:
    """Send once the response has gone, i.e. after the commit: never mail a link that was rolled back."""
    if mail is not None:
        tasks.add_task(deliver, settings, mail)
