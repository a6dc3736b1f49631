"""Settings read from the environment and an optional `.env` file (prefix-free names)."""

from functools import lru_cache
from pathlib import Path
from typing import Literal

from fastapi import Request
from pydantic import Field, model_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

DEFAULT_SECRET_KEY = "change-me-this-is-the-development-secret-key"
PROJECT_ROOT = Path(__file__).resolve().parent.parent


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_file=".env", env_file_encoding="utf-8", extra="ignore")

    production: bool = False
    secret_key: str = DEFAULT_SECRET_KEY
    data_dir: Path = PROJECT_ROOT / "data"
    database_url: str = ""
    redis_url: str = ""
    public_base_url: str = "http://127.0.0.1:8000"
    allowed_origins: list[str] = Field(default_factory=list)

    cookie_secure: bool = False
    cookie_domain: str | None = None
    cookie_samesite: Literal["lax", "strict"] = "lax"
    session_days: int = 14
    participant_days: int = 30

    mail_backend: Literal["outbox", "smtp"] = "outbox"
    mail_from: str = "Cyd <no-reply@cyd.local>"
    smtp_host: str = "localhost"
    smtp_port: int = 587
    smtp_username: str = ""
    smtp_password: str = ""
    smtp_starttls: bool = True

    join_attempts_per_code: int = 30
    join_attempts_per_client: int = 10
    join_attempt_window_seconds: int = 600

    # Storyboard pictures: bytes refused beyond this, pixels (width x height) checked before decoding.
    upload_max_bytes: int = 8 * 1024 * 1024
    upload_max_pixels: int = 24_000_000

    partner_requests_per_minute: int = 600

    # Webhook targets on loopback or private networks are refused unless this is on (local
    # development and tests only).
    webhooks_allow_private_targets: bool = False
    webhooks_worker_enabled: bool = True
    webhooks_poll_seconds: float = 2.0
    webhooks_timeout_seconds: float = 10.0
    webhooks_max_attempts: int = 8
    webhooks_retry_base_seconds: float = 30.0
    webhooks_retry_max_seconds: float = 6 * 3600.0
    # Finished deliveries, their attempts and events are deleted after this many days.
    webhook_retention_days: int = Field(default=30, ge=1)

    frontend_dist: Path = PROJECT_ROOT / "frontend" / "dist"

    @model_validator(mode="after")
    def _check(self) -> "Settings":
        if self.production and self.secret_key == DEFAULT_SECRET_KEY:
            raise ValueError("SECRET_KEY must be set to a private value when PRODUCTION=true")
        if self.production and len(self.secret_key) < 32:
            raise ValueError("SECRET_KEY must be at least 32 characters when PRODUCTION=true")
        if not self.database_url:
            self.database_url = f"sqlite:///{self.data_dir / 'cyd.sqlite3'}"
        return self

    @property
    def is_sqlite(self) -> bool:
        return self.database_url.startswith("sqlite")

    @property
    def outbox_dir(self) -> Path:
        return self.data_dir / "outbox"

    def trusted_origins(self) -> set[str]:
        return {o.rstrip("/") for o in [self.public_base_url, *self.allowed_origins]}


@lru_cache
def load_settings() -> Settings:
    """Settings from the environment, read once per process (used to build the app)."""
    return Settings()


def settings_of(request: Request) -> Settings:
    """The settings the running app was built with (tests build apps with their own)."""
    settings: Settings = request.app.state.settings
    return settings


async def request_settings(request: Request) -> Settings:
    """`settings_of` as a dependency (async: it does no I/O, so no worker-thread trip)."""
    return settings_of(request)
