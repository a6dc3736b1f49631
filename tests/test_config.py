"""Settings: safe defaults, and production refuses the development secret."""

from pathlib import Path

import pytest
from pydantic import ValidationError

from backend.config import DEFAULT_SECRET_KEY, Settings


class TestSettings:
    def test_defaults_to_a_sqlite_file_in_the_data_directory(self, tmp_path: Path) -> None:
        settings = Settings(data_dir=tmp_path, database_url="")
        assert settings.database_url == f"sqlite:///{tmp_path / 'cyd.sqlite3'}"
        assert settings.is_sqlite
        assert settings.mail_backend == "outbox"
        assert settings.outbox_dir == tmp_path / "outbox"
        assert settings.cookie_samesite == "lax"

    def test_production_refuses_the_default_secret(self) -> None:
        with pytest.raises(ValidationError, match="SECRET_KEY"):
            Settings(production=True, secret_key=DEFAULT_SECRET_KEY)

    def test_production_refuses_a_short_secret(self) -> None:
        with pytest.raises(ValidationError, match="32 characters"):
            Settings(production=True, secret_key="too-short")

    def test_production_starts_with_a_private_secret(self) -> None:
        settings = Settings(production=True, secret_key="x" * 40)
        assert settings.production

    def test_reads_the_environment(self, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
        monkeypatch.setenv("DATABASE_URL", "postgresql+psycopg://u@db:5432/cyd")
        monkeypatch.setenv("ALLOWED_ORIGINS", '["https://partner.example.org"]')
        monkeypatch.setenv("DATA_DIR", str(tmp_path))
        settings = Settings()
        assert not settings.is_sqlite
        assert "https://partner.example.org" in settings.trusted_origins()

    def test_reads_a_dotenv_file(self, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
        (tmp_path / ".env").write_text("MAIL_BACKEND=smtp\nSMTP_HOST=mail.example.org\n")
        monkeypatch.chdir(tmp_path)
        monkeypatch.delenv("MAIL_BACKEND", raising=False)
        settings = Settings()
        assert settings.mail_backend == "smtp"
        assert settings.smtp_host == "mail.example.org"
