"""Migrations apply to an empty database and agree with the models (no pending autogenerate)."""

import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.config import Config
from alembic.migration import MigrationContext
from sqlalchemy import create_engine, inspect, text
from sqlalchemy.engine import make_url
from sqlmodel import SQLModel

from backend.config import PROJECT_ROOT
from tests.db_template import POSTGRES_URL, USING_POSTGRES


@pytest.fixture
def empty_database_url(tmp_path: Path) -> Iterator[str]:
    if not USING_POSTGRES:
        yield f"sqlite:///{tmp_path / 'migrated.sqlite3'}"
        return
    name = f"cyd_mig_{uuid.uuid4().hex[:10]}"
    admin = create_engine(POSTGRES_URL, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    yield make_url(POSTGRES_URL).set(database=name).render_as_string(hide_password=False)
    with admin.connect() as conn:
        conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    admin.dispose()


def _alembic_config(url: str) -> Config:
    config = Config(str(PROJECT_ROOT / "alembic.ini"))
    config.attributes["database_url"] = url
    return config


def test_upgrade_from_empty_then_models_agree(empty_database_url: str) -> None:
    command.upgrade(_alembic_config(empty_database_url), "head")
    engine = create_engine(empty_database_url)
    try:
        with engine.connect() as conn:
            context = MigrationContext.configure(
                conn, opts={"compare_type": True, "render_as_batch": True}
            )
            diff = compare_metadata(context, SQLModel.metadata)
            tables = set(inspect(conn).get_table_names())
    finally:
        engine.dispose()
    assert set(SQLModel.metadata.tables) <= tables
    assert diff == [], (
        f"models and migrations disagree; run alembic revision --autogenerate: {diff}"
    )


def test_downgrade_to_base_and_up_again(empty_database_url: str) -> None:
    config = _alembic_config(empty_database_url)
    command.upgrade(config, "head")
    command.downgrade(config, "base")
    command.upgrade(config, "head")
