"""send_mail through the outbox and SMTP backends."""

import logging
from email.message import EmailMessage
from pathlib import Path
from typing import Any

import pytest

from backend.config import Settings
from backend.mail import OutgoingMail, send_mail
from backend.mail import sender as sender_module
from backend.mail.outgoing import deliver
from tests.factories.mail import read_outbox

VALUES = {"name": "Ffion", "email": "ffion@example.org", "link": "http://x/reset?token=t"}


@pytest.fixture
def local_settings(tmp_path: Path) -> Settings:
    return Settings(data_dir=tmp_path, database_url="sqlite://")


class TestOutbox:
    def test_writes_one_json_file_per_message(self, local_settings: Settings) -> None:
        send_mail(
            local_settings, to="ffion@example.org", template="password_reset", locale="cy", **VALUES
        )
        [message] = read_outbox(local_settings)
        assert message["to"] == "ffion@example.org"
        assert message["from"] == local_settings.mail_from
        assert message["subject"] == "Ailosod eich cyfrinair Cyd"
        assert message["template"] == "password_reset" and message["locale"] == "cy"
        assert message["html"] is None
        assert "http://x/reset?token=t" in message["text"]
        assert message["created_at"].endswith("+00:00")

    def test_files_sort_in_sending_order(self, local_settings: Settings) -> None:
        for n in range(5):
            send_mail(
                local_settings,
                to=f"p{n}@example.org",
                template="password_reset",
                locale="en",
                **VALUES,
            )
        assert [m["to"] for m in read_outbox(local_settings)] == [
            f"p{n}@example.org" for n in range(5)
        ]
        names = [p.name for p in local_settings.outbox_dir.iterdir()]
        assert len(set(names)) == 5 and all(n.endswith(".json") for n in names)

    def test_empty_outbox(self, local_settings: Settings) -> None:
        assert read_outbox(local_settings) == []


class FakeSMTP:
    sent: list[EmailMessage] = []
    calls: list[Any] = []

    def __init__(self, host: str, port: int, timeout: float) -> None:
        self.calls.append(("connect", host, port))

    def __enter__(self) -> "FakeSMTP":
        return self

    def __exit__(self, *exc: object) -> None:
        self.calls.append(("quit",))

    def starttls(self, context: object) -> None:
        self.calls.append(("starttls",))

    def login(self, user: str, password: str) -> None:
        self.calls.append(("login", user, password))

    def send_message(self, message: EmailMessage) -> None:
        self.sent.append(message)


class TestSmtp:
    @pytest.fixture(autouse=True)
    def fake_smtp(self, monkeypatch: pytest.MonkeyPatch) -> None:
        FakeSMTP.sent, FakeSMTP.calls = [], []
        monkeypatch.setattr(sender_module.smtplib, "SMTP", FakeSMTP)

    def test_starttls_login_and_send(self, tmp_path: Path) -> None:
        settings = Settings(
            data_dir=tmp_path,
            database_url="sqlite://",
            mail_backend="smtp",
            smtp_host="mail.example.org",
            smtp_port=587,
            smtp_username="cyd",
            smtp_password="secret",
        )
        send_mail(
            settings, to="ffion@example.org", template="password_reset", locale="en", **VALUES
        )
        assert FakeSMTP.calls == [
            ("connect", "mail.example.org", 587),
            ("starttls",),
            ("login", "cyd", "secret"),
            ("quit",),
        ]
        [message] = FakeSMTP.sent
        assert message["To"] == "ffion@example.org"
        assert message["Subject"] == "Reset your Cyd password"
        assert "http://x/reset?token=t" in message.get_content()
        assert read_outbox(settings) == []

    def test_plain_connection_without_login(self, tmp_path: Path) -> None:
        settings = Settings(
            data_dir=tmp_path, database_url="sqlite://", mail_backend="smtp", smtp_starttls=False
        )
        send_mail(settings, to="a@example.org", template="password_reset", locale="cy", **VALUES)
        assert [c[0] for c in FakeSMTP.calls] == ["connect", "quit"]
        assert FakeSMTP.sent[0]["Subject"] == "Ailosod eich cyfrinair Cyd"


class TestDeliver:
    def test_a_failing_mail_server_is_logged_not_raised(
        self, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
    ) -> None:
        def refuse(*args: object, **kwargs: object) -> None:
            raise ConnectionRefusedError("no mail server")

        monkeypatch.setattr(sender_module.smtplib, "SMTP", refuse)
        settings = Settings(data_dir=tmp_path, database_url="sqlite://", mail_backend="smtp")
        with caplog.at_level(logging.ERROR):
            deliver(
                settings,
                OutgoingMail(
                    to="a@example.org", template="password_reset", locale="en", values=VALUES
                ),
            )
        assert "password_reset" in caplog.text
