"""Outgoing email: bilingual plain-text templates, sent to a file outbox or over SMTP."""

from backend.mail.outgoing import OutgoingMail, send_after_response
from backend.mail.sender import send_mail

__all__ = ["OutgoingMail", "send_after_response", "send_mail"]
