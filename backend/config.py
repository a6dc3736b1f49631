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


def request_settings(request: Request) -> Settings:
    """The settings the running app was built with (tests build apps with their own)."""
    settings: Settings = request.app.state.settings
    return settings
