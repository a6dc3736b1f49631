"""Errors of the event streams."""

from backend.errors import AppError


class InvalidLastEventId(AppError):
    status, code = 400, "invalid_last_event_id"
    title_en = "Last-Event-ID must be an event id this stream sent (a whole number)"
    title_cy = "Rhaid i Last-Event-ID fod yn rhif digwyddiad a anfonodd y ffrwd hon (rhif cyfan)"
