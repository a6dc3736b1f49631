"""One source of 'now' (timezone-aware UTC), so tests can move time."""

from datetime import UTC, datetime


def utcnow() -> datetime:
    return datetime.now(UTC)
