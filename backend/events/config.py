"""Tuning of the live streams, read from the environment (`CYD_EVENTS_*`)."""

from pydantic_settings import BaseSettings, SettingsConfigDict


class EventSettings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="CYD_EVENTS_", extra="ignore")

    # Redis channel and key prefix, so several deployments (or test runs) can share one Redis.
    redis_prefix: str = "cyd"
    # A comment line is sent after this much silence so proxies keep the connection open; the
    # stream also re-reads the log then, so a lost wake-up delays an event by at most this long.
    keepalive_seconds: float = 15.0
    # A participant whose last stream closes stays "present" this long, so a phone that drops and
    # reconnects does not write two presence events.
    presence_grace_seconds: float = 10.0
    # Redis presence entries expire unless a stream of that process refreshes them.
    presence_ttl_seconds: float = 45.0
