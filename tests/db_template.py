"""A fresh database per test: a copy of a schema-ready template (SQLite file or PG template DB)."""

import os
import shutil
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url
from sqlmodel import SQLModel

import backend.models  # noqa: F401  (registers the tables)
from backend.config import Settings
from backend.db import make_engine

POSTGRES_URL = os.environ.get("DATABASE_URL", "")
USING_POSTGRES = POSTGRES_URL.startswith("postgresql")


def _admin_engine():  # type: ignore[no-untyped-def]
    return create_engine(POSTGRES_URL, isolation_level="AUTOCOMMIT", poolclass=None)


class DatabaseTemplate:
    """Builds the schema once, then hands out independent databases cheaply."""

    def __init__(self, workdir: Path) -> None:
        self.workdir = workdir
        self.name = f"cyd_tpl_{os.getpid()}_{uuid.uuid4().hex[:6]}"
        if USING_POSTGRES:
            with _admin_engine().connect() as conn:
                conn.execute(text(f'CREATE DATABASE "{self.name}"'))
            url = (
                make_url(POSTGRES_URL).set(database=self.name).render_as_string(hide_password=False)
            )
            engine = create_engine(url)
            SQLModel.metadata.create_all(engine)
            engine.dispose()
        else:
            self.file = workdir / "template.sqlite3"
            engine = make_engine(Settings(database_url=f"sqlite:///{self.file}", data_dir=workdir))
            SQLModel.metadata.create_all(engine)
            engine.dispose()

    @contextmanager
    def database(self, data_dir: Path) -> Iterator[str]:
        if not USING_POSTGRES:
            target = data_dir / "test.sqlite3"
            shutil.copyfile(self.file, target)
            yield f"sqlite:///{target}"
            return
        name = f"cyd_t_{uuid.uuid4().hex[:12]}"
        admin = _admin_engine()
        with admin.connect() as conn:
            conn.execute(text(f'CREATE DATABASE "{name}" TEMPLATE "{self.name}"'))
        try:
            yield make_url(POSTGRES_URL).set(database=name).render_as_string(hide_password=False)
        finally:
            with admin.connect() as conn:
                conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
            admin.dispose()

    def drop(self) -> None:
        if USING_POSTGRES:
            admin = _admin_engine()
            with admin.connect() as conn:
                conn.execute(text(f'DROP DATABASE IF EXISTS "{self.name}" WITH (FORCE)'))
            admin.dispose()
